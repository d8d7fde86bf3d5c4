/// The compact state MinHash-LSH needs per record, filled a batch at a time so a caller can stream records
/// without holding their texts: each record's sorted shingle hashes in one flat array (for exact Jaccard
/// verification) and one 32-bit hash per LSH band of its signature (for bucketing) instead of the full
/// signature. At 128 permutations in 25 bands that is 100 bytes of band hashes instead of 512 bytes of
/// signature per record. A spurious 32-bit band-hash collision (about n²/2³³ pairs per band) only adds a
/// candidate that verification rejects.
public struct MinHashIndex: Sendable {
    public let shingling: Shingling
    public let minHash: MinHash
    public let bands: Int
    public let rows: Int
    /// Id, score and rank of every record, in insertion order (the text is dropped).
    public private(set) var records: [DedupRecord] = []
    /// One segment per added batch, so growing the index never copies what it holds (a single flat array
    /// would briefly need twice its size when it grows).
    private var segments: [Segment] = []
    /// The segment of record i, and its position in it.
    private var locations: [(segment: UInt32, item: UInt32)] = []

    /// One batch's records: their shingles back to back and their band hashes.
    struct Segment: Sendable {
        /// Shingles of item k: `shingles[starts[k]..<starts[k + 1]]`.
        var shingles: [UInt64] = []
        var starts: [Int] = [0]
        /// Band hashes of item k: `bandHashes[k * bands..<(k + 1) * bands]`.
        var bandHashes: [UInt32] = []
    }

    public init(shingling: Shingling, minHash: MinHash, bands: Int, rows: Int) {
        self.shingling = shingling
        self.minHash = minHash
        self.bands = bands
        self.rows = rows
    }

    public var count: Int { records.count }

    /// Shingles and band-hashes `batch` on all cores and appends it.
    public mutating func add(_ batch: [DedupRecord]) {
        let shingling = self.shingling, minHash = self.minHash, bands = self.bands, rows = self.rows
        let computed = batch.concurrentMap(chunk: 256) { record -> (shingles: [UInt64], bands: [UInt32]) in
            let shingles = shingling.shingles(record.text)
            var signature = [UInt32](repeating: .max, count: minHash.permutations)
            signature.withUnsafeMutableBufferPointer { minHash.signature(shingles, into: $0.baseAddress!) }
            return (shingles, Self.bandHashes(signature, bands: bands, rows: rows))
        }
        var segment = Segment()
        segment.shingles.reserveCapacity(computed.reduce(0) { $0 + $1.shingles.count })
        segment.starts.reserveCapacity(batch.count + 1)
        segment.bandHashes.reserveCapacity(batch.count * bands)
        for (k, (record, item)) in zip(batch, computed).enumerated() {
            records.append(DedupRecord(id: record.id, text: "", score: record.score, rank: record.rank))
            locations.append((UInt32(segments.count), UInt32(k)))
            segment.shingles.append(contentsOf: item.shingles)
            segment.starts.append(segment.shingles.count)
            segment.bandHashes.append(contentsOf: item.bands)
        }
        segments.append(segment)
    }

    /// One hash per band of `rows` consecutive signature values.
    static func bandHashes(_ signature: [UInt32], bands: Int, rows: Int) -> [UInt32] {
        (0..<bands).map { band in
            var h: UInt64 = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for k in 0..<rows { h = UnitHashes.finish(h ^ UInt64(signature[band * rows + k])) }
            return UInt32(truncatingIfNeeded: h >> 32)
        }
    }

    /// Whether record i has no shingles (an empty text takes part in no pair).
    func isEmpty(_ i: Int) -> Bool {
        let (segment, item) = locations[i]
        let starts = segments[Int(segment)].starts
        return starts[Int(item)] == starts[Int(item) + 1]
    }

    /// Exact Jaccard of records i and j on their stored shingles.
    func jaccard(_ i: Int, _ j: Int) -> Double {
        let a = locations[i], b = locations[j]
        return segments[Int(a.segment)].shingles.withUnsafeBufferPointer { left in
            segments[Int(b.segment)].shingles.withUnsafeBufferPointer { right in
                let leftStarts = segments[Int(a.segment)].starts, rightStarts = segments[Int(b.segment)].starts
                return Shingling.jaccard(
                    UnsafeBufferPointer(rebasing: left[leftStarts[Int(a.item)]..<leftStarts[Int(a.item) + 1]]),
                    UnsafeBufferPointer(rebasing: right[rightStarts[Int(b.item)]..<rightStarts[Int(b.item) + 1]]))
            }
        }
    }

    /// The first band below `limit` in which records i and j have equal band hashes, or nil.
    func firstSharedBand(_ i: Int, _ j: Int, below limit: Int) -> Int? {
        (0..<limit).first { bandHash(i, band: $0) == bandHash(j, band: $0) }
    }

    /// Record i's hash in `band`.
    func bandHash(_ i: Int, band: Int) -> UInt32 {
        let (segment, item) = locations[i]
        return segments[Int(segment)].bandHashes[Int(item) * bands + band]
    }
}
