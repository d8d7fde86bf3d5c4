import Dispatch

/// A pure computation started on a background thread at once and collected later with `wait()`, so the
/// calling thread can do other work (write the previous chunk to SQLite) meanwhile. The computation may itself
/// use every core (`concurrentMap`).
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the background thread before `done` is signalled; read only after waiting for it.
    private var value: Value?

    init(_ body: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            value = body()
            done.signal()
        }
    }

    /// Blocks until the computation has finished and returns its value. Call once.
    func wait() -> Value {
        done.wait()
        return value!
    }
}
