/// Finds many fixed phrases in one pass over a text's UTF-8 bytes (Aho–Corasick automaton).
///
/// Matching ignores ASCII case; a phrase that begins or ends with an ASCII letter or digit only
/// matches at a word boundary, so "i won't" does not fire inside "hi won't". A phrase written with a
/// trailing `*` is a stem: it needs the boundary before it only ("translat*" finds "translation").
/// Curly apostrophes (’) in the text match straight ones in phrases. Built once, shared read-only
/// between threads.
public struct PhraseScanner: Sendable {
    /// A phrase occurrence: which phrase, and its byte range in the text's UTF-8.
    public struct Match: Sendable, Equatable {
        public var phrase: Int
        public var start: Int
        public var end: Int
    }

    public let phrases: [String]
    private let patternBytes: [[UInt8]]
    /// True for stems (phrases written with a trailing `*`): no word boundary needed after them.
    private let isStem: [Bool]
    /// Dense transition table: state * width + byte class → next state.
    private let next: [Int32]
    /// Byte → class (0 for bytes in no phrase; A-Z share their lower-case class).
    private let byteClass: [UInt8]
    /// Number of byte classes.
    private let width: Int
    /// The phrases ending at each state (own and through suffix links), flattened: those of state s are
    /// `outputPhrases[outputStarts[s]..<outputStarts[s + 1]]`. Flat, so the scan loop reads two integers per
    /// byte instead of retaining an inner array.
    private let outputStarts: [Int32]
    private let outputPhrases: [Int32]

    public init(_ phrases: [String]) {
        self.phrases = phrases
        isStem = phrases.map { $0.count > 1 && $0.hasSuffix("*") }
        let patterns = phrases.map { phrase in
            Array((phrase.count > 1 && phrase.hasSuffix("*") ? String(phrase.dropLast()) : phrase).utf8).map(PhraseScanner.fold)
        }
        patternBytes = patterns
        // Bytes that occur in no phrase all behave alike: they share class 0, so rows hold one entry per byte
        // class instead of 256 and the table stays small enough for the cache.
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for pattern in patterns {
            for b in pattern where classes[Int(b)] == 0 {
                classes[Int(b)] = UInt8(classCount); classCount += 1
            }
        }
        // Upper-case ASCII letters read as their lower-case class (the text is folded through this map).
        for b in 0x41...0x5A { classes[b] = classes[b | 0x20] }
        byteClass = classes
        width = classCount
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var out: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for b in pattern {
                let c = Int(classes[Int(b)])
                if goto[state][c] < 0 {
                    goto[state][c] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: classCount))
                    out.append([])
                }
                state = Int(goto[state][c])
            }
            if !pattern.isEmpty { out[state].append(Int32(index)) }
        }
        var fail = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<classCount {
            let s = goto[0][c]
            if s < 0 { goto[0][c] = 0 } else { fail[Int(s)] = 0; queue.append(Int(s)) }
        }
        var head = 0
        while head < queue.count {
            let r = queue[head]; head += 1
            for c in 0..<classCount {
                let s = goto[r][c]
                if s < 0 {
                    goto[r][c] = goto[fail[r]][c]
                } else {
                    queue.append(Int(s))
                    fail[Int(s)] = Int(goto[fail[r]][c])
                    out[Int(s)].append(contentsOf: out[fail[Int(s)]])
                }
            }
        }
        next = goto.flatMap { $0 }
        var starts: [Int32] = [0]
        starts.reserveCapacity(out.count + 1)
        for phrasesOfState in out { starts.append(starts[starts.count - 1] + Int32(phrasesOfState.count)) }
        outputStarts = starts
        outputPhrases = out.flatMap { $0 }
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    /// All matches in `text`, in order of their end position.
    public func matches(in text: String) -> [Match] {
        var found: [Match] = []
        scan(text) { found.append($0); return true }
        return found
    }

    /// The first match (by end position), or nil.
    public func firstMatch(in text: String) -> Match? {
        var found: Match? = nil
        scan(text) { found = $0; return false }
        return found
    }

    /// Calls `body` for each match until it returns false.
    public func scan(_ text: String, _ body: (Match) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            // Curly apostrophe U+2019 (E2 80 99) is read as a straight one; texts without it (nearly all) are
            // scanned in place, folding case on the fly, with no copy.
            var curly = false
            var k = 0
            while k + 2 < bytes.count {
                if bytes[k] == 0xE2 && bytes[k + 1] == 0x80 && bytes[k + 2] == 0x99 { curly = true; break }
                k += 1
            }
            if !curly {
                run(bytes, original: nil, body)
                return
            }
            var folded = [UInt8]()
            folded.reserveCapacity(bytes.count)
            var original = [Int]()  // folded index → original byte offset
            original.reserveCapacity(bytes.count + 1)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                    folded.append(0x27); original.append(i); i += 3
                } else {
                    folded.append(bytes[i]); original.append(i); i += 1
                }
            }
            original.append(bytes.count)
            folded.withUnsafeBufferPointer { run($0, original: original, body) }
        }
    }

    /// The automaton over `bytes` (case folded here); `original` maps positions back when bytes were rewritten.
    private func run(_ bytes: UnsafeBufferPointer<UInt8>, original: [Int]?, _ body: (Match) -> Bool) {
        next.withUnsafeBufferPointer { next in
        byteClass.withUnsafeBufferPointer { byteClass in
        outputStarts.withUnsafeBufferPointer { starts in
            var state = 0
            for position in 0..<bytes.count {
                state = Int(next[state &* width &+ Int(byteClass[Int(bytes[position])])])
                var k = Int(starts[state])
                let end = Int(starts[state + 1])
                while k < end {
                    let p = Int(outputPhrases[k])
                    k += 1
                    let pattern = patternBytes[p]
                    let start = position + 1 - pattern.count
                    if PhraseScanner.isWordByte(pattern[0]), start > 0, PhraseScanner.isWordByte(bytes[start - 1]) {
                        continue
                    }
                    if !isStem[p], PhraseScanner.isWordByte(pattern[pattern.count - 1]), position + 1 < bytes.count,
                       PhraseScanner.isWordByte(bytes[position + 1]) {
                        continue
                    }
                    let match = original.map { Match(phrase: p, start: $0[start], end: $0[position + 1]) }
                        ?? Match(phrase: p, start: start, end: position + 1)
                    // Nothing follows the loop, so returning from this closure ends the scan.
                    if !body(match) { return }
                }
            }
        }
        }
        }
    }
}
