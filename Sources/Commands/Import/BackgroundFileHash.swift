import Foundation
import Hashing
import Synchronization

/// The SHA-256 of a file, computed on its own thread while the import parses and inserts, so hashing is off
/// the writing thread's path. `poll()` answers without waiting (nil while still hashing); `wait()` waits.
final class BackgroundFileHash: Sendable {
    /// nil while hashing; then the hex digest, or nil inside when the file could not be read.
    private let result = Mutex<String??>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(path: String) {
        let thread = Thread { [self] in
            let digest = SHA256.hexDigest(ofFileAt: path)
            result.withLock { $0 = .some(digest) }
            done.signal()
        }
        thread.start()
    }

    /// True for a regular file, which can be read twice (a pipe or a terminal cannot).
    static func isRegularFile(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
    }

    /// The digest when hashing has finished (inner nil: the file could not be read); nil while it runs.
    func poll() -> String?? {
        result.withLock { $0 }
    }

    /// Waits for the digest; nil when the file could not be read.
    func wait() -> String? {
        if let finished = poll() { return finished }
        done.wait()
        done.signal()  // later waits return at once
        return poll() ?? nil
    }
}
