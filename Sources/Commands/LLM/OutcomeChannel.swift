import Dispatch
import Synchronization

/// Hands values from background tasks to one blocked owner thread, in arrival order.
final class OutcomeChannel<Element: Sendable>: Sendable {
    /// What `next` returned.
    enum Next {
        case item(Element)
        case timedOut
        case finished
    }

    private let state = Mutex<(items: [Element], finished: Bool)>(([], false))
    private let signal = DispatchSemaphore(value: 0)

    func push(_ item: Element) {
        state.withLock { $0.items.append(item) }
        signal.signal()
    }

    func finish() {
        state.withLock { $0.finished = true }
        signal.signal()
    }

    /// Waits up to `timeout` seconds for the next item.
    func next(timeout: Double) -> Next {
        if let ready = take() { return ready }
        if signal.wait(timeout: .now() + timeout) == .timedOut { return .timedOut }
        return take() ?? .timedOut
    }

    private func take() -> Next? {
        state.withLock { state in
            if !state.items.isEmpty { return .item(state.items.removeFirst()) }
            if state.finished { return .finished }
            return nil
        }
    }
}
