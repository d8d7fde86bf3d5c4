import Foundation

/// An output file written next to its final path and renamed into place on `commit()`, so a failed or
/// interrupted export never leaves a half-written file; `discard()` removes the temporary file.
final class ExportFile {
    let path: String
    let temporaryPath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var finished = false

    init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        temporaryPath = (directory.isEmpty ? "." : directory) + "/.\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil) else {
            throw CommandError.failed("cannot create \(temporaryPath)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporaryPath))
    }

    deinit {
        if !finished { discard() }
    }

    /// Appends bytes, flushing to disk in 1 MiB pieces; a piece that large is written without a copy.
    func write(_ bytes: [UInt8]) throws {
        if buffer.isEmpty, bytes.count >= 1 << 20 {
            try handle.write(contentsOf: bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and renames the file into place.
    func commit() throws {
        try flush()
        try handle.close()
        finished = true
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw CommandError.failed("cannot move the export to \(path): \(reason)")
        }
    }

    /// Removes the temporary file.
    func discard() {
        if !finished { try? handle.close() }
        finished = true
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
