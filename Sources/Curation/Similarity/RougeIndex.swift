import Dispatch

/// A pool of pre-tokenised texts that answers "which texts are most similar to this one?" by ROUGE-L F.
///
/// The query is turned into a bit-parallel LCS pattern once, then compared with every pool text on all
/// cores. Pool texts whose length alone rules them out (F ≤ 2·min/(m+n)) are skipped. Results do not
/// depend on scheduling: ties are broken by pool position.
public struct RougeIndex: Sendable {
    private var vocabulary = TokenVocabulary()
    private var storage: [Int32] = []
    private var offsets: [Int] = [0]
    private var texts: [String] = []

    /// Pools smaller than this are scanned on the calling thread.
    public var parallelThreshold = 512

    public init() {}

    /// Builds a pool from texts (positions are the array indices).
    public init<S: Sequence>(_ texts: S) where S.Element == String {
        for text in texts { append(text) }
    }

    /// Number of texts in the pool.
    public var count: Int { offsets.count - 1 }

    /// Adds a text at position `count`.
    public mutating func append(_ text: String) {
        texts.append(text)
        storage.append(contentsOf: vocabulary.internTokens(of: text))
        offsets.append(storage.count)
    }

    /// The pool text at a position.
    public func text(at index: Int) -> String { texts[index] }

    /// Token ids of a query against this pool's vocabulary.
    public func queryTokens(_ text: String) -> [Int32] { vocabulary.lookupTokens(of: text) }

    /// Number of tokens of pool text `index`.
    public func tokenCount(_ index: Int) -> Int { offsets[index + 1] - offsets[index] }

    /// Score of the query against one pool text.
    public func score(_ query: String, against index: Int) -> RougeScore {
        let q = queryTokens(query)
        return score(pattern: LCSPattern(q), queryLength: q.count, index: index)
    }

    @inline(__always)
    private func score(pattern: LCSPattern, queryLength: Int, index: Int) -> RougeScore {
        let lo = offsets[index], hi = offsets[index + 1]
        guard hi > lo, queryLength > 0 else { return RougeScore(precision: 0, recall: 0, fmeasure: 0) }
        let l = storage.withUnsafeBufferPointer { pattern.lcs(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
        return RougeScore(lcs: l, targetLength: hi - lo, predictionLength: queryLength)
    }

    /// Splits the pool into chunks and runs `body(range)` for each, concurrently when the pool is large.
    private func forEachChunk<R>(empty: R, _ body: (Range<Int>) -> R) -> [R] {
        let n = count
        if n < parallelThreshold {
            return [body(0..<n)]
        }
        let chunkSize = max(64, (n + 63) / 64)
        let chunks = (n + chunkSize - 1) / chunkSize
        let results = ChunkResults(repeating: empty, count: chunks)
        withoutActuallyEscaping(body) { body in
            let unchecked = UncheckedBody(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let range = (c * chunkSize)..<min(n, (c + 1) * chunkSize)
                results.set(c, unchecked.body(range))
            }
        }
        return results.values
    }

    /// The K pool texts most similar to `query` (highest F first, ties by position), skipping F = 0.
    public func topK(_ query: String, k: Int) -> [RougeMatch] {
        let q = queryTokens(query)
        guard k > 0, !q.isEmpty else { return [] }
        let pattern = LCSPattern(q)
        let partial = forEachChunk(empty: [RougeMatch]()) { range in
            var best: [RougeMatch] = []
            for i in range {
                let m = tokenCount(i)
                if best.count == k,
                   RougeScore.fmeasureBound(m, q.count) < best[k - 1].score.fmeasure { continue }
                let s = score(pattern: pattern, queryLength: q.count, index: i)
                if s.fmeasure <= 0 { continue }
                let match = RougeMatch(index: i, score: s)
                if best.count == k {
                    if !match.ranksBefore(best[k - 1]) { continue }
                    best.removeLast()
                }
                let at = best.firstIndex { match.ranksBefore($0) } ?? best.count
                best.insert(match, at: at)
            }
            return best
        }
        return Array(partial.joined().sorted { $0.ranksBefore($1) }.prefix(k))
    }

    /// The most similar pool text, or nil when the pool is empty or nothing shares a token.
    public func best(_ query: String) -> RougeMatch? { topK(query, k: 1).first }

    /// The first pool text (lowest position) whose F ≥ `threshold`, or nil. Stops each chunk at its
    /// first hit, so it is much faster than `best` when duplicates are common.
    public func firstMatch(_ query: String, atLeast threshold: Double) -> RougeMatch? {
        let q = queryTokens(query)
        guard !q.isEmpty else { return nil }
        let pattern = LCSPattern(q)
        let partial = forEachChunk(empty: RougeMatch?.none) { range in
            for i in range {
                if RougeScore.fmeasureBound(tokenCount(i), q.count) < threshold { continue }
                let s = score(pattern: pattern, queryLength: q.count, index: i)
                if s.fmeasure >= threshold && s.fmeasure > 0 { return RougeMatch(index: i, score: s) }
            }
            return nil
        }
        return partial.compactMap { $0 }.first
    }

    /// True when some pool text scores F ≥ `threshold` against the query.
    public func contains(similarTo query: String, atLeast threshold: Double) -> Bool {
        firstMatch(query, atLeast: threshold) != nil
    }
}

/// Carries a non-escaping closure into `concurrentPerform`, which runs it synchronously.
private struct UncheckedBody<R>: @unchecked Sendable {
    let body: (Range<Int>) -> R
    init(_ body: @escaping (Range<Int>) -> R) { self.body = body }
}
