import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// Runs the built `dsbench` on the slave side of a pseudo-terminal of a given size, so a test can type keys
/// into an interactive command and read what it draws, as a person at an 80 × 24 terminal would.
final class PseudoTerminal {
    let master: Int32
    private let process = Process()
    private(set) var output: [UInt8] = []

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(_ arguments: [String], environment: [String: String] = [:], columns: UInt16 = 80, rows: UInt16 = 24) throws {
        // glibc declares these only for _XOPEN_SOURCE, which the Glibc module does not set: look them up.
        typealias OpenPT = @convention(c) (Int32) -> Int32
        typealias PTName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
        }
        guard let openpt = symbol("posix_openpt", as: OpenPT.self), let grant = symbol("grantpt", as: OpenPT.self),
              let unlock = symbol("unlockpt", as: OpenPT.self), let ptsname = symbol("ptsname", as: PTName.self)
        else { throw Failure(description: "posix_openpt and friends not found") }
        master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grant(master) == 0, unlock(master) == 0, let name = ptsname(master) else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slavePath = String(cString: name)
        guard let slave = FileHandle(forUpdatingAtPath: slavePath) else { throw Failure(description: "cannot open \(slavePath)") }
        process.executableURL = URL(fileURLWithPath: ProjectPaths.executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DSBENCH_DB")
        env["TERM"] = "xterm"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try slave.close()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Types `text` (raw bytes: "\r" is Enter).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until the output after byte `from` contains `text` and returns the byte offset just past it; throws
    /// with the screen so far after `timeout` s.
    @discardableResult
    func waitFor(_ text: String, after from: Int? = nil, timeout: Double = 20) throws -> Int {
        let start = from ?? 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let seen = String(decoding: output[min(start, output.count)...], as: UTF8.self)
            if let range = seen.range(of: text) {
                return min(start, output.count) + seen[..<range.upperBound].utf8.count
            }
            guard Date() < deadline else {
                throw Failure(description: "timed out waiting for '\(text)'; screen: \(String(decoding: output.suffix(2000), as: UTF8.self))")
            }
            readAvailable(wait: 100)
        }
    }

    /// Reads what the child wrote, waiting up to `wait` ms for something to arrive.
    func readAvailable(wait: Int32) {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, wait) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(master, &buffer, buffer.count)
        if count > 0 { output.append(contentsOf: buffer[0..<count]) } else { usleep(20_000) }
    }

    /// Waits for the child to exit (draining its output) and returns its status.
    func waitForExit(timeout: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else { throw Failure(description: "dsbench did not exit") }
            readAvailable(wait: 50)
        }
        readAvailable(wait: 50)
        return process.terminationStatus
    }

    /// The output as text with terminal escape sequences removed, split into screen lines.
    var screenLines: [String] {
        // Cursor-home starts a new screen: a line never continues across it.
        let text = String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\u{1B}[H", with: "\n")
        let plain = text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
        // The terminal turns each "\n" into "\r\n" (ONLCR), so the program's "\r\n" arrives as "\r\r\n".
        return plain.replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n")
    }
}
