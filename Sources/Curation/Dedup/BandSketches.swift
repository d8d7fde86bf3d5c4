/// What MinHash-LSH keeps per record between reading the records and bucketing them: the record's id and one
/// 32-bit hash per LSH band of its MinHash signature, record-major (`hashes[k * bands ..< (k + 1) * bands]` are
/// record k's). At 128 permutations in 25 bands that is 100 bytes of band hashes per record instead of the
/// signature's 512 and no shingles: verification re-derives the shingles of the candidate records only. Records
/// whose text has no shingles are left out (an empty text takes part in no pair). A spurious 32-bit band-hash
/// collision (about n²/2³³ pairs per band) only adds a candidate that verification rejects.
public struct BandSketches: Sendable, Equatable {
    public let bands: Int
    /// Record ids, in the order the records were added.
    public private(set) var ids: [Int]
    /// `ids.count × bands` band hashes, record-major.
    public private(set) var hashes: [UInt32]

    /// Sketches from stored values; `hashes.count` must be `ids.count × bands`.
    public init(bands: Int, ids: [Int] = [], hashes: [UInt32] = []) {
        precondition(bands > 0 && hashes.count == ids.count * bands, "band hashes do not match the ids")
        self.bands = bands
        self.ids = ids
        self.hashes = hashes
    }

    public var count: Int { ids.count }

    /// Appends the sketches of `other` (same band count) after these.
    public mutating func append(_ other: BandSketches) {
        precondition(other.bands == bands, "band counts differ")
        ids += other.ids
        hashes += other.hashes
    }

    /// Reserves room for `count` records in all.
    public mutating func reserveCapacity(_ count: Int) {
        ids.reserveCapacity(count)
        hashes.reserveCapacity(count * bands)
    }

    /// Keeps only the records at `positions` (ascending), in place.
    public mutating func retain(_ positions: [Int]) {
        for (w, k) in positions.enumerated() where w != k {
            ids[w] = ids[k]
            for band in 0..<bands { hashes[w * bands + band] = hashes[k * bands + band] }
        }
        ids.removeLast(ids.count - positions.count)
        hashes.removeLast(hashes.count - positions.count * bands)
    }

    /// Record k's hash in `band`.
    @inline(__always) func hash(_ k: Int, band: Int) -> UInt32 { hashes[k * bands + band] }
}
