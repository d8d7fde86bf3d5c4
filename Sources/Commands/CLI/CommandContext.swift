import Foundation
import Migrations
import Store

/// Everything a running command may touch outside its own values: environment, output sinks, the interrupt
/// flag, and the database it was pointed at. Passed down explicitly (no globals in Swift 6).
public struct CommandContext: Sendable {
    public let environment: [String: String]
    public let stdout: any TextSink
    public let stderr: any TextSink
    /// Whether stdout is a terminal (tables and progress) or a pipe (JSON, quiet).
    public let stdoutIsTerminal: Bool
    /// Whether stderr is a terminal (progress bars go there).
    public let stderrIsTerminal: Bool
    public let interrupt: InterruptSignal
    /// The parsed `--db` option, before the environment default is applied.
    public let databaseOption: String?
    /// The working directory relative paths resolve against.
    public let workingDirectory: String

    public init(
        environment: [String: String], stdout: any TextSink, stderr: any TextSink, stdoutIsTerminal: Bool,
        stderrIsTerminal: Bool, interrupt: InterruptSignal, databaseOption: String?,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.environment = environment
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.interrupt = interrupt
        self.databaseOption = databaseOption
        self.workingDirectory = workingDirectory
    }

    /// `--db`, else `DSBENCH_DB`, else `./dsbench.db`, resolved against the working directory.
    public var databasePath: String { resolve(databaseOption ?? environment["DSBENCH_DB"] ?? "dsbench.db") }

    /// An absolute path for a user-given path.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
    }

    /// Opens the database, creating and migrating it when `create` is true. Read-only commands pass false so
    /// a mistyped path is an error instead of a new empty database.
    public func openDatabase(create: Bool = true) throws -> Database {
        let path = databasePath
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw CommandError.failed(
                "no database at \(path); create one with 'dsbench init' or 'dsbench import FILE' (or set --db / DSBENCH_DB)")
        }
        let database = try Database(path: path)
        try Migrator().migrate(database)
        return database
    }

    public func print(_ text: String = "") { stdout.write(text + "\n") }
    public func printError(_ text: String) { stderr.write(text + "\n") }
}
