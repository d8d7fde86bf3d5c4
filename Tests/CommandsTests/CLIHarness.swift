import Commands
import Foundation
import TestSupport

/// Runs the command line in-process with captured output.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

func runCLI(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) -> CLIResult {
    let out = BufferSink(), err = BufferSink()
    let status = CommandLineTool.run(
        arguments: arguments, environment: environment, stdout: out, stderr: err,
        workingDirectory: directory ?? FileManager.default.currentDirectoryPath)
    return CLIResult(status: status, stdout: out.text, stderr: err.text)
}
