import Foundation
import Synchronization

/// The outcome of running the built `dsbench` as a child process (for signal and multi-process tests).
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// Runs `dsbench` with `arguments` and waits for it to exit.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
        directory: String? = nil
    ) throws -> ProcessResult {
        let process = makeProcess(arguments, environment: environment)
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // stderr is drained on its own thread: a child that filled the stderr pipe while this thread waited for
        // stdout to end would block forever.
        let errors = PipeDrain(err.fileHandleForReading)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension ProcessResult {
    /// Starts `dsbench`, sends it `signal` (SIGINT by default) once `ready()` is true (checked every 10 ms, for
    /// at most `timeout` seconds, or sooner if the child exits on its own), waits for it and returns its exit
    /// status. Output is discarded. For tests of Ctrl-C (the run must stop cleanly and a rerun repeat nothing)
    /// and of SIGKILL (the run is left open and must be found abandoned).
    public static func interrupt(
        _ arguments: [String], environment: [String: String] = [:], timeout: Double = 30, signal: Int32 = SIGINT,
        when ready: () -> Bool
    ) throws -> Int32 {
        let process = makeProcess(arguments, environment: environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while !ready(), Date() < deadline, process.isRunning { usleep(10_000) }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }
}

extension ProcessResult {
    /// A `dsbench` child with `environment` over this process's own, minus `DSBENCH_DB` (tests name their
    /// database explicitly).
    static func makeProcess(_ arguments: [String], environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProjectPaths.executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DSBENCH_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeDrain: Sendable {
    private let data = Mutex(Data())
    private let finished = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            let read = handle.readDataToEndOfFile()
            data.withLock { $0 = read }
            finished.signal()
        }.start()
    }

    /// Everything the pipe delivered, once the writer has closed it.
    func wait() -> Data {
        finished.wait()
        return data.withLock { $0 }
    }
}
