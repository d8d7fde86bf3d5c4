import Foundation
import Synchronization

/// Where a command's text goes: a file descriptor in the real tool, a buffer in tests.
public protocol TextSink: Sendable {
    func write(_ text: String)
}

/// Writes to a file descriptor (stdout, stderr), unbuffered.
public struct FileDescriptorSink: TextSink {
    public let descriptor: Int32
    public init(descriptor: Int32) { self.descriptor = descriptor }

    /// Writes all of `text`, retrying short writes and writes interrupted by a signal (EINTR); gives up on any
    /// other error, such as a closed pipe.
    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// True when the descriptor is a terminal (progress and tables are for people, JSON for pipes).
    public var isTerminal: Bool { isatty(descriptor) != 0 }
}

/// Collects text in memory; used by tests to capture a command's output.
public final class BufferSink: TextSink {
    private let storage = Mutex<String>("")
    public init() {}
    public func write(_ text: String) { storage.withLock { $0 += text } }
    public var text: String { storage.withLock { $0 } }
}
