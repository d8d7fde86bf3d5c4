import Dispatch

extension Array {
    /// `map` on all cores: `self` is cut in slices of `chunk` elements, each transformed by one worker, and the
    /// results come back in order. For pure, CPU-bound transforms (rule evaluation, heuristic scoring).
    public func concurrentMap<Result>(chunk: Int = 1024, _ transform: (Element) -> Result) -> [Result] {
        let chunks = (count + chunk - 1) / chunk
        if chunks <= 1 { return map(transform) }
        let results = ChunkResults<[Result]>(repeating: [], count: chunks)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedTransform(transform: transform)
            self.withUnsafeBufferPointer { buffer in
                let elements = UncheckedBuffer(buffer: buffer)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let slice = elements.buffer[(c * chunk)..<Swift.min(elements.buffer.count, (c + 1) * chunk)]
                    results.set(c, slice.map(work.transform))
                }
            }
        }
        return results.values.flatMap { $0 }
    }
}

/// Carries the caller's transform into the workers; `concurrentMap` returns only after they finish.
private struct UncheckedTransform<Element, Result>: @unchecked Sendable {
    let transform: (Element) -> Result
}

/// Carries the array's storage into the workers, which only read it.
private struct UncheckedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}
