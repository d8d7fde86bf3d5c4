import Synchronization

/// A flag any thread may raise (a SIGINT handler, a budget check) to stop *starting* new calls;
/// calls already in flight still finish and are delivered.
public final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public func stop() { raised.store(true, ordering: .sequentiallyConsistent) }

    public var isStopped: Bool { raised.load(ordering: .sequentiallyConsistent) }
}
