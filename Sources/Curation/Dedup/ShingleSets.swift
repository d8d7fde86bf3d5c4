/// The sorted, distinct shingle hashes of a set of records, each batch's back to back in one allocation, with
/// each record's id, score and rank (its text is dropped once shingled). MinHash-LSH fills it with the records
/// that appear in candidate pairs only, a batch at a time, and verifies every pair by exact Jaccard on it.
/// Filled by one owner, then only read (concurrently, by the band workers).
public final class ShingleSets: @unchecked Sendable {
    public let shingling: Shingling
    /// Id, score and rank of every record, in insertion order (the text is empty).
    public private(set) var records: [DedupRecord] = []
    /// Where record k's shingles start, and how many it has; the memory belongs to `batches`.
    private var bases: [UnsafePointer<UInt64>] = []
    private var counts: [Int32] = []
    /// Record k's shingle mask: bit `h >> 58` set for each of its shingle hashes h (see `JaccardThreshold`).
    private var masks: [UInt64] = []
    private var batches: [UnsafeMutableBufferPointer<UInt64>] = []

    public init(shingling: Shingling) {
        self.shingling = shingling
    }

    deinit {
        for batch in batches { batch.deallocate() }
    }

    public var count: Int { records.count }

    /// Shingles `batch` on all cores and appends it.
    public func add(_ batch: [DedupRecord]) {
        let shingling = self.shingling
        let computed = batch.concurrentMap(chunk: 256) { shingling.shingles($0.text) }
        let memory = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, computed.reduce(0) { $0 + $1.count }))
        batches.append(memory)
        var offset = 0
        for (record, shingles) in zip(batch, computed) {
            records.append(DedupRecord(id: record.id, text: "", score: record.score, rank: record.rank))
            let base = memory.baseAddress! + offset
            _ = UnsafeMutableBufferPointer(start: base, count: shingles.count).initialize(from: shingles)
            bases.append(UnsafePointer(base))
            counts.append(Int32(shingles.count))
            masks.append(shingles.reduce(0) { $0 | 1 << ($1 >> 58) })
            offset += shingles.count
        }
    }

    /// How many shingles record k has.
    @inline(__always) func count(_ k: Int) -> Int { Int(counts[k]) }

    /// Record k's 64-bit shingle mask.
    @inline(__always) func mask(_ k: Int) -> UInt64 { masks[k] }

    /// Record k's shingles (valid while this object lives).
    @inline(__always) func shingles(_ k: Int) -> UnsafeBufferPointer<UInt64> {
        UnsafeBufferPointer(start: bases[k], count: Int(counts[k]))
    }
}
