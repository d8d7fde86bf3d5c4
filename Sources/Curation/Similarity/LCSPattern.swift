/// One side of a longest-common-subsequence computation, pre-processed for the bit-parallel algorithm
/// (Allison–Dix / Hyyrö): for every distinct token, a bit vector of the positions where it occurs.
///
/// Comparing against another sequence then costs one add/and/or per 64 positions per token of the
/// other sequence, instead of a full dynamic-programming table. Tokens of the other sequence that do not
/// occur in the pattern leave the state unchanged and are skipped.
public struct LCSPattern: Sendable {
    /// Number of tokens in the pattern.
    public let length: Int
    let words: Int
    /// `masks[slot * words + k]` is word k of the position vector of the token in `slot`.
    let masks: [UInt64]
    /// Open-addressing table token id → slot (keys, with -1 for empty).
    let tableKeys: [Int32]
    let tableSlots: [Int32]
    let tableMask: Int
    let lastWordMask: UInt64

    /// Builds the pattern of a token-id sequence. Negative ids (unknown tokens) occupy positions but match nothing.
    public init(_ tokens: [Int32]) {
        length = tokens.count
        words = max(1, (tokens.count + 63) / 64)
        var distinct: [Int32: Int32] = [:]
        var masks: [UInt64] = []
        for (position, token) in tokens.enumerated() where token >= 0 {
            let slot: Int32
            if let s = distinct[token] {
                slot = s
            } else {
                slot = Int32(distinct.count)
                distinct[token] = slot
                masks.append(contentsOf: repeatElement(0, count: words))
            }
            masks[Int(slot) * words + position / 64] |= 1 << UInt64(position % 64)
        }
        self.masks = masks
        var capacity = 8
        while capacity < distinct.count * 2 { capacity <<= 1 }
        var keys = [Int32](repeating: -1, count: capacity)
        var slots = [Int32](repeating: -1, count: capacity)
        for (token, slot) in distinct {
            var i = LCSPattern.hash(token) & (capacity - 1)
            while keys[i] >= 0 { i = (i + 1) & (capacity - 1) }
            keys[i] = token
            slots[i] = slot
        }
        tableKeys = keys
        tableSlots = slots
        tableMask = capacity - 1
        let rem = tokens.count % 64
        lastWordMask = rem == 0 ? ~0 : (1 << UInt64(rem)) - 1
    }

    @inline(__always) static func hash(_ token: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: token)) &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    @inline(__always) func slot(of token: Int32) -> Int {
        if token < 0 { return -1 }
        var i = LCSPattern.hash(token) & tableMask
        while true {
            let k = tableKeys[i]
            if k == token { return Int(tableSlots[i]) }
            if k < 0 { return -1 }
            i = (i + 1) & tableMask
        }
    }

    /// Length of the longest common subsequence of the pattern and `other`.
    public func lcs<C: Collection>(_ other: C) -> Int where C.Element == Int32 {
        if length == 0 { return 0 }
        if words == 1 {
            var v: UInt64 = ~0
            for token in other {
                let s = slot(of: token)
                if s < 0 { continue }
                let m = masks[s]
                let u = v & m
                v = (v &+ u) | (v & ~m)
            }
            return (~v & lastWordMask).nonzeroBitCount
        }
        var v = [UInt64](repeating: ~0, count: words)
        for token in other {
            let s = slot(of: token)
            if s < 0 { continue }
            let base = s * words
            var carry: UInt64 = 0
            for k in 0..<words {
                let m = masks[base + k]
                let vk = v[k]
                let u = vk & m
                let (s1, c1) = vk.addingReportingOverflow(u)
                let (s2, c2) = s1.addingReportingOverflow(carry)
                carry = (c1 || c2) ? 1 : 0
                v[k] = s2 | (vk & ~m)
            }
        }
        var zeros = 0
        for k in 0..<(words - 1) { zeros += (~v[k]).nonzeroBitCount }
        zeros += (~v[words - 1] & lastWordMask).nonzeroBitCount
        return zeros
    }
}
