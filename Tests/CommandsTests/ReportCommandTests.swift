import Foundation
import Report
import Store
import Testing
import TestSupport

/// `dsbench report` over a small database: a well-formed page with every section, escaped data, no network
/// resource, a reproducible sample, `--where`, and a failed run that leaves no file.
@Suite struct ReportCommandTests {
    func sampleIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<summary>#").dropFirst().map { String($0.prefix { $0 != " " }) }
    }

    @Test func writesOneWellFormedPageWithEverySection() throws {
        let fixture = try ReviewFixture()
        let target = fixture.directory.file("out/report.html")
        try FileManager.default.createDirectory(atPath: fixture.directory.file("out"), withIntermediateDirectories: true)
        let result = runCLI(["report", "--db", fixture.path, "-o", target])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote \(target)"))
        let html = try String(contentsOfFile: target, encoding: .utf8)
        let (problem, parsed) = WellFormedness.check(html)
        #expect(problem == nil, "\(problem ?? "")")
        #expect(parsed.ids == ReportRenderer.sections.map(\.id))
        // Figures from the database reach their sections.
        #expect(html.contains("3 instructions, 3 completions, 3 examples"))
        #expect(html.contains("refusal near the start"))
        #expect(html.contains("similarity 0.810"))
        #expect(html.contains("qwen-plus") && html.contains("dsbench-evol@1") && html.contains("$0.0042"))
        #expect(html.contains("<td>zh</td><td>output</td><td>characters</td>"))
        #expect(html.contains("Top leading words (en)"))
        #expect(html.contains("Top leading words (zh)") && html.contains(">解释</text>"))
        #expect(sampleIDs(html).count == 3)
        // Hostile text is shown, not run; nothing is fetched.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(parsed.text.contains("<script>alert('x')</script>"))
        #expect(!html.contains("\u{1B}"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        // Written under a temporary name and renamed: nothing else is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.directory.file("out")) == ["report.html"])
    }

    @Test func sampleIsReproducibleFromTheSeed() throws {
        let fixture = try ReviewFixture(extraRows: 40)
        func ids(_ seed: Int) throws -> [String] {
            let target = fixture.directory.file("s\(seed).html")
            #expect(runCLI(["report", "--db", fixture.path, "-o", target, "--sample", "5", "--seed", String(seed)]).status == 0)
            return sampleIDs(try String(contentsOfFile: target, encoding: .utf8))
        }
        let first = try ids(1)
        #expect(first.count == 5)
        #expect(try ids(1) == first)
        #expect(try ids(2) != first)
    }

    @Test func whereNarrowsTheExampleSections() throws {
        let fixture = try ReviewFixture()
        let target = fixture.directory.file("zh.html")
        let result = runCLI(["report", "--db", fixture.path, "-o", target, "--where", "language = 'zh'"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: target, encoding: .utf8)
        #expect(html.contains("selection: <code>language = &#39;zh&#39;</code>"))
        #expect(html.contains("1 instructions, 1 completions, 1 examples"))
        #expect(sampleIDs(html) == ["\(fixture.instructions[1])/\(fixture.completions[1])"])
        #expect(!html.contains("Top leading words (en)"))
        // Runs cover the whole database whatever the selection.
        #expect(html.contains("dsbench-evol@1"))
    }

    @Test func badWhereFailsAndWritesNothing() throws {
        let fixture = try ReviewFixture()
        let target = fixture.directory.file("bad.html")
        let result = runCLI(["report", "--db", fixture.path, "-o", target, "--where", "no_such_column = 1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--where") && result.stderr.contains("no_such_column"))
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).allSatisfy { !$0.contains("bad.html") })
        #expect(runCLI(["report", "--db", fixture.path, "--sample", "-1"]).status == 64)
        #expect(runCLI(["report", "--db", fixture.directory.file("missing.db"), "-o", target]).status == 1)
    }

    @Test func defaultFileIsReportHTMLInTheWorkingDirectory() throws {
        let fixture = try ReviewFixture()
        let result = runCLI(["report", "--db", fixture.path], directory: fixture.directory.path)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: fixture.directory.file("report.html")))
    }
}
