import Foundation
import Migrations
import Store

/// The command line as a function: arguments and environment in, text out, an exit code back.
/// `main` calls it with the real stdout/stderr; tests call it with buffers.
public enum CommandLineTool {
    /// Exit codes: success, runtime/data failure, usage error (as swift-argument-parser), interrupted.
    public enum ExitCode {
        public static let success: Int32 = 0
        public static let failure: Int32 = 1
        public static let usage: Int32 = 64
        public static let interrupted: Int32 = 130
    }

    public static let version = "0.1.0"

    public static func run(
        arguments: [String], environment: [String: String], stdout: any TextSink, stderr: any TextSink,
        stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false, interrupt: InterruptSignal = InterruptSignal(),
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) -> Int32 {
        guard let name = arguments.first, !["-h", "--help", "help"].contains(name) || arguments.count > 1 else {
            stdout.write(HelpFormatter.overview(CommandCatalog.all.map { $0.configuration }))
            return ExitCode.success
        }
        if name == "--version" {
            stdout.write("dsbench \(version) (SQLite \(Database.sqliteVersion))\n")
            return ExitCode.success
        }
        if name == "help", let target = CommandCatalog.command(named: arguments[1]) {
            stdout.write(HelpFormatter.help(target.configuration))
            return ExitCode.success
        }
        guard let command = CommandCatalog.command(named: name) else {
            // `dsbench help NAME` with an unknown NAME is about NAME, not about `help`.
            stderr.write("Error: unknown subcommand '\(name == "help" ? arguments[1] : name)'\n")
            stderr.write("Usage: dsbench <subcommand> [<options>]\n")
            stderr.write("See 'dsbench --help' for more information.\n")
            return ExitCode.usage
        }
        let configuration = command.configuration
        let definition: any CommandDefinition
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser(configuration: configuration).parse(Array(arguments.dropFirst()))
            if parsed.flag("help") {
                stdout.write(HelpFormatter.help(configuration))
                return ExitCode.success
            }
            definition = try command.init(arguments: parsed)
        } catch {
            stderr.write("Error: \(error.message)\n")
            stderr.write("Usage: \(HelpFormatter.usageLine(configuration))\n")
            stderr.write("See 'dsbench \(configuration.name) --help' for more information.\n")
            return ExitCode.usage
        }
        let context = CommandContext(
            environment: environment, stdout: stdout, stderr: stderr, stdoutIsTerminal: stdoutIsTerminal,
            stderrIsTerminal: stderrIsTerminal, interrupt: interrupt, databaseOption: parsed.string("db"),
            workingDirectory: workingDirectory)
        do {
            try definition.run(context: context)
            return ExitCode.success
        } catch CommandError.interrupted {
            stderr.write("Interrupted: " + Self.interruptedNote + "\n")
            return ExitCode.interrupted
        } catch let error as UsageError {
            stderr.write("Error: \(error.message)\n")
            stderr.write("Usage: \(HelpFormatter.usageLine(configuration))\n")
            stderr.write("See 'dsbench \(configuration.name) --help' for more information.\n")
            return ExitCode.usage
        } catch {
            stderr.write("Error: \(error)\n")
            return ExitCode.failure
        }
    }

    /// What Ctrl-C leaves behind, true of every command: model commands commit each answered call, import
    /// commits each finished file, filter/dedup/score commit at the end, so the transaction under way is undone.
    static let interruptedNote =
        "what was committed before Ctrl-C is kept and the transaction under way was rolled back; "
        + "run the same command again to continue."
}
