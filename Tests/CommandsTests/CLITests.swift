import Commands
import Foundation
import Store
import Testing
import TestSupport

@Suite struct CLITests {
    @Test func everyCommandHasHelpWithAnExampleAndAReadmeSection() throws {
        let readme = try String(contentsOfFile: ProjectPaths.root + "/README.md", encoding: .utf8)
        #expect(!CommandCatalog.all.isEmpty)
        for command in CommandCatalog.all {
            let name = command.configuration.name
            let result = runCLI([name, "--help"])
            #expect(result.status == 0, "\(name) --help")
            #expect(result.stdout.contains("OVERVIEW:"), "\(name) help has an overview")
            #expect(result.stdout.contains("USAGE: dsbench \(name)"), "\(name) help has usage")
            #expect(result.stdout.contains("EXAMPLES:\n  dsbench \(name)"), "\(name) help has an example")
            #expect(readme.contains("### dsbench \(name)"), "README.md lacks a '### dsbench \(name)' section")
        }
    }

    /// Before this test, `generate` declared `--batch N` (prompts per round) next to the shared `--batch` flag
    /// (Batch API), and the parser silently took one of them.
    @Test func noCommandDeclaresAnOptionTwice() {
        for command in CommandCatalog.all {
            let names = command.configuration.options.map(\.long) + command.configuration.options.compactMap(\.short)
            let repeated = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "\(command.configuration.name) declares \(repeated) more than once")
        }
    }

    @Test func topLevelHelpListsEveryCommand() {
        let result = runCLI(["--help"])
        #expect(result.status == 0)
        for command in CommandCatalog.all {
            #expect(result.stdout.contains("  \(command.configuration.name) "))
        }
    }

    @Test func usageErrorsHaveTheStandardShapeAndExit64() {
        let result = runCLI(["runs", "--limt", "3"])
        #expect(result.status == 64)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "Error: unknown option '--limt'; did you mean '--limit'?")
        #expect(lines[1].hasPrefix("Usage: dsbench runs"))
        #expect(lines[2] == "See 'dsbench runs --help' for more information.")
        #expect(result.stdout.isEmpty)
    }

    @Test func badValuesNameTheOption() {
        let result = runCLI(["runs", "--limit", "ten"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --limit expects an integer, got 'ten'"))
        #expect(runCLI(["frobnicate"]).status == 64)
        let helpUnknown = runCLI(["help", "frobnicate"])
        #expect(helpUnknown.status == 64)
        #expect(helpUnknown.stderr.hasPrefix("Error: unknown subcommand 'frobnicate'\n"))
        #expect(runCLI(["help", "runs"]).stdout.hasPrefix("OVERVIEW: "))
        #expect(runCLI(["show"]).stderr.contains("missing expected argument '<id>'"))
    }

    @Test func databaseComesFromOptionThenEnvironment() throws {
        let dir = TemporaryDirectory()
        #expect(runCLI(["init", "--db", dir.file("a.db")]).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.file("a.db")))
        let viaEnv = runCLI(["init"], environment: ["DSBENCH_DB": dir.file("b.db")])
        #expect(viaEnv.status == 0)
        #expect(viaEnv.stdout.contains("applied 001-core-schema"))
        #expect(runCLI(["init", "--db", dir.file("b.db")]).stdout.contains("is up to date"))
        let relative = runCLI(["init"], directory: dir.path)
        #expect(relative.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.file("dsbench.db")))
    }

    @Test func readCommandsRefuseAMissingDatabase() {
        let dir = TemporaryDirectory()
        let result = runCLI(["stats", "--db", dir.file("missing.db")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no database at"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("missing.db")))
    }
}
