import Commands
import Foundation

/// The executable: hands the process's arguments, environment and file descriptors to the command line.
@main
struct DSBench {
    static func main() {
        let interrupt = InterruptSignal()
        interrupt.install()
        let stdout = FileDescriptorSink(descriptor: STDOUT_FILENO)
        let stderr = FileDescriptorSink(descriptor: STDERR_FILENO)
        let code = CommandLineTool.run(
            arguments: Array(CommandLine.arguments.dropFirst()),
            environment: ProcessInfo.processInfo.environment,
            stdout: stdout, stderr: stderr,
            stdoutIsTerminal: stdout.isTerminal, stderrIsTerminal: stderr.isTerminal,
            interrupt: interrupt)
        exit(code)
    }
}
