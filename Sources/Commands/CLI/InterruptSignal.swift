import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT/SIGTERM into a flag that long-running commands poll between units of work, so they can
/// commit or roll back cleanly and close their run as "interrupted" instead of dying mid-write.
public final class InterruptSignal: Sendable {
    private let requested = Atomic<Bool>(false)
    /// Checks left before the signal trips by itself; negative when it only trips on request.
    private let checksLeft: Atomic<Int>

    public init() { checksLeft = Atomic(-1) }

    /// A signal that trips at its `checks`-th check (the first `checks - 1` pass): lets a test stop a command at
    /// a known point, e.g. after k committed chunks of a chunked run, which checks once before each chunk.
    public init(trippingAtCheck checks: Int) { checksLeft = Atomic(checks) }

    /// Whether an interrupt was requested.
    public var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Marks an interrupt as requested (the signal handler, or a test).
    public func request() { requested.store(true, ordering: .relaxed) }

    /// Throws `CommandError.interrupted` when an interrupt was requested.
    public func check() throws {
        if checksLeft.load(ordering: .relaxed) > 0, checksLeft.wrappingSubtract(1, ordering: .relaxed).newValue == 0 {
            request()
        }
        if isRequested { throw CommandError.interrupted }
    }

    /// Installs handlers for SIGINT and SIGTERM. A second Ctrl-C exits at once.
    public func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                if isRequested { exit(130) }
                request()
            }
            source.resume()
            // The handler lives as long as the process; keep the source alive on purpose.
            _ = Unmanaged.passRetained(source as AnyObject)
        }
    }
}
