import Curation
import Store

/// `dedup --method exact` and `--method minhash` as a chunked, resumable run. Each chunk of instruction ids is
/// read, hashed on all cores (exact: the 64-bit hash of the canonical key; minhash: one 32-bit hash per LSH
/// band) and stored as one `dedup_chunks` row in the chunk's transaction with the run's cursor (`ChunkedRun`), so
/// Ctrl-C keeps the finished chunks and the same command run again continues after the cursor. When every chunk
/// is done, the hashes are bucketed, and only the records that share a bucket are read again — text, score,
/// rank — to compare their keys exactly (exact) or verify every candidate pair by exact Jaccard on re-derived
/// shingles (minhash) and to choose survivors. Memory holds the hashes, not the texts or every shingle.
struct ResumableDedup {
    let settings: DedupSettings
    let source: DedupSource
    let run: RunRecorder
    let context: CommandContext
    let showProgress: Bool

    private var database: Database { source.database }
    private var chunks: DedupChunkStore { DedupChunkStore(source.database) }

    private var lsh: MinHashLSH {
        MinHashLSH(threshold: settings.threshold ?? DedupSettings.defaultThreshold(for: .minhash)!,
                   permutations: settings.permutations ?? DedupSettings.defaultPermutations,
                   shingling: settings.shingling ?? .word, policy: settings.policy)
    }

    /// The records compared, the matches, and MinHash-LSH's pair counts (nil for exact).
    func findDuplicates() throws -> (records: Int, matches: [DuplicateMatch], statistics: MinHashLSH.Statistics?) {
        let walk = ChunkedRun(database: database, run: run, context: context)
        let stamp = try source.inputStamp(runID: run.runID)
        let cursor = try startingCursor(walk, stamp: stamp)
        let progress = StepProgress(label: "dedup", unit: "instructions", total: try walk.remaining(after: cursor),
                                    sink: context.stderr, enabled: showProgress)
        let lsh = self.lsh, method = settings.method
        // A chunk is read here, hashed in the background while the previous one is written, and stored.
        try walk.walk(from: cursor, progress: progress, load: { range in
            (range, try source.texts(in: range))
        }, evaluate: { range, records in
            Self.sketch(records, range: range, stamp: stamp, method: method, lsh: lsh)
        }) { range, chunk in
            try chunks.insert(chunk, runID: run.runID)
            return Int(range.count)
        }
        try context.interrupt.check()
        return settings.method == .exact ? try exactMatches() : try minhashMatches(lsh)
    }

    /// Where this run starts: after the cursor of the interrupted run with the same options when that run's
    /// chunks cover everything up to it and were computed on the same inputs (`DedupSource.inputStamp`), else
    /// at the beginning (the totals say `input_changed_since` that run). Adopts the chunks it continues and
    /// drops the same options' chunks that nothing will continue.
    private func startingCursor(_ walk: ChunkedRun, stamp: String) throws -> Int64 {
        var cursor = try walk.startingCursor()
        let previous = run.totals.counters["resumed_from"].map(Int64.init)
        if let previous, !(try chunks.cover(runID: previous, through: cursor, inputStamp: stamp)) {
            cursor = 0
            run.totals.counters["resumed_from"] = nil
            run.count("input_changed_since", Int(previous))
        }
        try database.transaction { try chunks.adopt(from: cursor > 0 ? previous : nil, into: run.runID) }
        return cursor
    }

    /// The stored form of one chunk: ids of the records with something to compare and their hashes.
    private static func sketch(
        _ records: [DedupRecord], range: ClosedRange<Int64>, stamp: String, method: DuplicateStore.Method, lsh: MinHashLSH
    ) -> DedupChunkStore.Chunk {
        var ids: [Int64] = [], hashes: [UInt8] = []
        if method == .exact {
            let keys = records.concurrentMap(chunk: 256) { ExactDeduplicator.keyHash($0.text) }
            var values: [UInt64] = []
            for (record, key) in zip(records, keys) {
                if let key { ids.append(Int64(record.id)); values.append(key) }
            }
            hashes = DedupChunkStore.bytes(values)
        } else {
            let sketches = lsh.sketch(records)
            ids = sketches.ids.map(Int64.init)
            hashes = DedupChunkStore.bytes(sketches.hashes)
        }
        return .init(firstID: range.lowerBound, lastID: range.upperBound, records: records.count, ids: ids,
                     hashes: hashes, inputStamp: stamp)
    }

    /// Exact: the records whose key hashes collide are read again and grouped by their canonical keys.
    private func exactMatches() throws -> (records: Int, matches: [DuplicateMatch], statistics: MinHashLSH.Statistics?) {
        let size = try chunks.size(runID: run.runID)
        var records = 0, ids: [Int] = [], hashes: [UInt64] = []
        ids.reserveCapacity(size.ids)
        hashes.reserveCapacity(size.ids)
        try chunks.forEachChunk(runID: run.runID) { chunk in
            records += chunk.records
            ids += chunk.ids.lazy.map { Int($0) }
            hashes += DedupChunkStore.values(chunk.hashes, as: UInt64.self)
        }
        var candidates: [DedupRecord] = []
        try reread(ExactDeduplicator.collidingPositions(hashes).map { ids[$0] }, .all) { candidates += $0 }
        return (records, ExactDeduplicator(policy: settings.policy).duplicates(candidates), nil)
    }

    /// MinHash: the band hashes are bucketed, the records sharing a bucket are read again and shingled, and
    /// every candidate pair is verified by exact Jaccard.
    private func minhashMatches(_ lsh: MinHashLSH) throws -> (records: Int, matches: [DuplicateMatch], statistics: MinHashLSH.Statistics?) {
        var records = 0
        var sketches = BandSketches(bands: lsh.bands)
        sketches.reserveCapacity(try chunks.size(runID: run.runID).ids)
        try chunks.forEachChunk(runID: run.runID) { chunk in
            records += chunk.records
            sketches.append(BandSketches(bands: lsh.bands, ids: chunk.ids.map { Int($0) },
                                         hashes: DedupChunkStore.values(chunk.hashes, as: UInt32.self)))
        }
        // Only records sharing a bucket take part in pairs: the others' hashes are dropped before verifying.
        sketches.retain(lsh.candidates(in: sketches))
        var shingles: ShingleSets? = ShingleSets(shingling: lsh.shingling)
        try reread(sketches.ids, .text) { shingles!.add($0) }
        let verified = lsh.verify(sketches, shingles!)
        // Survivors need ids, scores and ranks only: the hashes and shingles go first, and quality is read for
        // the records in verified pairs.
        var candidates = shingles!.records
        sketches = BandSketches(bands: lsh.bands)
        shingles = nil
        let paired = verified.pairedRecords()
        var next = 0
        try reread(paired.map { candidates[$0].id }, .quality) { batch in
            for record in batch {
                while candidates[paired[next]].id != record.id { next += 1 }
                candidates[paired[next]].score = record.score
                candidates[paired[next]].rank = record.rank
            }
        }
        return (records, lsh.survivors(candidates, verified), verified.statistics)
    }

    /// Reads `columns` of the records `ids` (ascending) again, a batch at a time, handing each batch (in id
    /// order) to `body`. Progress on a terminal; Ctrl-C between batches.
    private func reread(_ ids: [Int], _ columns: DedupSource.Columns, _ body: ([DedupRecord]) -> Void) throws {
        let progress = StepProgress(label: columns == .quality ? "dedup: survivors" : "dedup: verifying",
                                    unit: "candidates", total: ids.count, sink: context.stderr, enabled: showProgress)
        for start in stride(from: 0, to: ids.count, by: 4096) {
            try context.interrupt.check()
            let batch = try source.records(ids: ids[start..<min(ids.count, start + 4096)], columns)
            body(batch)
            progress.advance(batch.count)
        }
        progress.finish()
    }
}
