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

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
        bytes.removeAll()
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
