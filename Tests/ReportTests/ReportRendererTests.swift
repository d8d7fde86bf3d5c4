import Foundation
import Report
import Testing
import TestSupport

@Suite struct ReportRendererTests {
    @Test func pageIsWellFormedAndHasEverySection() {
        let html = ReportRenderer.render(ReportFixture.full())
        let (problem, parsed) = WellFormedness.check(html)
        #expect(problem == nil, "\(problem ?? "")")
        #expect(parsed.ids == ReportRenderer.sections.map(\.id))
        for section in ReportRenderer.sections {
            #expect(html.contains("<a href=\"#\(section.id)\">"))
        }
        // Every chart is inline SVG with axes titled by unit.
        #expect(parsed.elementNames.filter { $0 == "svg" }.count >= 10)
        #expect(html.contains("instruction length (characters)"))
        #expect(html.contains("output length (words)"))
        #expect(html.contains("score (0–10)"))
        // A language with one row is in the table but gets no histogram of noise.
        #expect(html.contains("<td>ja</td>") && !html.contains("output length, language ja"))
        #expect(html.contains("at least 20 rows"))
        #expect(html.contains("cost (USD)"))
    }

    @Test func theCheckerRejectsMalformedPages() {
        #expect(WellFormedness.check("<html><body><p>open</body></html>").problem != nil)
        #expect(WellFormedness.check("<html><body>a & b</body></html>").problem != nil)
        #expect(WellFormedness.check("<html><body><br></body></html>").problem != nil)
        #expect(WellFormedness.check("<html><body><br/>a &amp; b</body></html>").problem == nil)
    }

    @Test func emptyReportIsWellFormedAndSaysWhatIsMissing() {
        let html = ReportRenderer.render(DatasetReport(title: "empty", generatedAt: "now", selection: nil))
        let (problem, parsed) = WellFormedness.check(html)
        #expect(problem == nil, "\(problem ?? "")")
        #expect(parsed.ids == ReportRenderer.sections.map(\.id))
        #expect(html.contains("No verdicts yet: run dsbench filter."))
        #expect(html.contains("No scores yet"))
    }

    @Test func textFromTheDataIsEscaped() {
        let html = ReportRenderer.render(ReportFixture.full())
        // Only the page's own script element exists; the data's <script> and <img> are text.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(!html.contains("\u{1B}"))
        #expect(html.contains("data &lt;b&gt;.db"))
        let (_, parsed) = WellFormedness.check(html)
        #expect(parsed.text.contains("<script>alert('x')</script>"))
        #expect(!parsed.elementNames.contains("img"))
    }

    @Test func noExternalResource() {
        let html = ReportRenderer.render(ReportFixture.full())
        // The fixture's hostile text mentions a URL; escaped as text it is not a resource. Nothing else may.
        let withoutData = html.replacingOccurrences(of: "src=http://evil.example/x.png", with: "")
        for pattern in ["http://", "https://", "src=", "@import", "url(", "<link", "//fonts", "<iframe"] {
            #expect(!withoutData.contains(pattern), "found \(pattern)")
        }
    }

    @Test func chineseIsDeclaredAndKeptAsText() {
        let html = ReportRenderer.render(ReportFixture.full())
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        #expect(html.contains("\"Noto Sans CJK SC\""))
        #expect(html.contains("PingFang SC"))
        #expect(html.contains("写一首关于秋天的诗"))
        #expect(html.contains("解释光合作用。"))
    }

    @Test func sectionsShowTheirFigures() {
        let html = ReportRenderer.render(ReportFixture.full())
        #expect(html.contains("$0.0123"))
        #expect(html.contains("dashscope.aliyuncs.com"))
        #expect(html.contains("top 20 = 100.0% of 3"))
        #expect(html.contains("--sample 50 --seed 7"))
        #expect(html.contains("similarity 0.850"))
        #expect(html.contains("evol-leak 1"))
        #expect(html.contains("<span class=\"fail\">fail</span> refusal"))
    }
}
