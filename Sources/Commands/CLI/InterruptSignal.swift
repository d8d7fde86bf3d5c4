import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT/SIGTERM into a flag that long-running commands poll between units of work, so they can
/// commit or roll back cleanly and close their run as "interrupted" instead of dying mid-write.
public final class InterruptSignal: Sendable {
    private let requested = Atomic<Bool>(false)

    public init() {}

    /// Whether an interrupt was requested.
    public var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Marks an interrupt as requested (the signal handler, or a test).
    public func request() { requested.store(true, ordering: .relaxed) }

    /// Throws `CommandError.interrupted` when an interrupt was requested.
    public func check() throws {
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
