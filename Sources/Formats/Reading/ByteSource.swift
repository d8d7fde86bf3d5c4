import Hashing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or stdin in fixed-size chunks so memory stays constant however big the input is.
/// Every byte read is also fed to a SHA-256 hasher, so the content hash costs no second pass — unless the
/// caller already knows the hash (a regular file hashed up front), in which case no hashing is done here.
/// A UTF-8 byte order mark at the very start is skipped (but still hashed).
public final class ByteSource {
    /// Path as given; "-" for stdin.
    public let path: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let chunkSize: Int
    private var hasher = SHA256()
    /// The hash given by the caller; when set, bytes are not hashed while streaming.
    private let knownHash: String?

    /// The current chunk; `position..<count` is unread.
    var buffer: [UInt8]
    var position = 0
    var count = 0
    private(set) var reachedEnd = false
    /// Total bytes read so far.
    public private(set) var bytesRead = 0

    /// Opens `path` for reading; "-" reads standard input.
    public init(path: String, chunkSize: Int = 1 << 20, knownHash: String? = nil) throws(FormatError) {
        self.path = path
        self.knownHash = knownHash
        self.chunkSize = chunkSize
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else {
                let reason = String(cString: strerror(errno))
                throw FormatError(line: 0, field: nil, reason: "cannot open file: \(reason)")
            }
            descriptor = opened
            ownsDescriptor = true
        }
        buffer = [UInt8](repeating: 0, count: chunkSize)
        try fill()
        if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// SHA-256 of every byte read so far; after the stream is drained, the hash of the whole input.
    public func contentHash() -> String { knownHash ?? hasher.hexDigest() }

    /// Reads whatever remains so the hash covers the whole input (used when parsing stops early).
    public func drain() throws(FormatError) {
        while !reachedEnd {
            position = count
            try fill()
        }
    }

    /// Replaces the buffer with the next chunk; returns false at end of input.
    @discardableResult
    func fill() throws(FormatError) -> Bool {
        if reachedEnd { return false }
        position = 0
        count = 0
        while true {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, chunkSize) }
            if got < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw FormatError(line: 0, field: nil, reason: "read failed: \(reason)")
            }
            if got == 0 {
                reachedEnd = true
                return false
            }
            count = got
            bytesRead += got
            if knownHash == nil {
                buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
            }
            return true
        }
    }

    /// The next byte without consuming it, or nil at end of input.
    @inline(__always)
    func peek() throws(FormatError) -> UInt8? {
        if position == count, try !fill() { return nil }
        return buffer[position]
    }

    /// The first byte that is not JSON whitespace, without consuming it (used to tell `[` from `{`).
    func peekFirstSignificantByte() throws(FormatError) -> UInt8? {
        while let byte = try peek() {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                // Whitespace before the data is kept for line counting by the readers; only look past it.
                var index = position
                while index < count, [0x20, 0x0A, 0x0D, 0x09].contains(buffer[index]) { index += 1 }
                if index < count { return buffer[index] }
                return nil  // a first chunk made only of whitespace: treat as empty for detection
            }
            return byte
        }
        return nil
    }
}
