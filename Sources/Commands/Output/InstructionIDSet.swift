/// A set of instruction ids held as a bitset over 0...maxID (an eighth of a byte per id, so counting distinct
/// ids among millions of rows needs no sort and little memory), with a plain Set for any id outside that range.
struct InstructionIDSet {
    private var bits: [UInt64]
    private var others: Set<Int64> = []
    private(set) var count = 0

    init(maxID: Int64) {
        bits = [UInt64](repeating: 0, count: Int(max(0, maxID) >> 6) + 1)
    }

    /// Adds `id`; returns true when it was not in the set.
    @discardableResult
    mutating func insert(_ id: Int64) -> Bool {
        let word = Int(truncatingIfNeeded: id >> 6)
        guard id >= 0, word < bits.count else {
            guard others.insert(id).inserted else { return false }
            count += 1
            return true
        }
        let bit = UInt64(1) << UInt64(id & 63)
        guard bits[word] & bit == 0 else { return false }
        bits[word] |= bit
        count += 1
        return true
    }
}
