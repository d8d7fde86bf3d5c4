import Report

/// A report with every section filled, hostile text in every place data can reach, and Chinese.
enum ReportFixture {
    static let hostile = "<script>alert('x')</script> & \"quoted\" <img src=http://evil.example/x.png>\u{1B}[31m"

    static func full() -> DatasetReport {
        var report = DatasetReport(title: "data <b>.db", generatedAt: "2026-01-01T00:00:00Z", selection: "language = 'zh' & 1")
        report.instructions = 3
        report.completions = 2
        report.examples = 3
        report.counts = [
            CountBreakdown(dimension: "origin", entries: [.init(label: "imported", count: 2), .init(label: hostile, count: 1)]),
            CountBreakdown(dimension: "language", entries: [.init(label: "zh", count: 2), .init(label: "en", count: 1)]),
            CountBreakdown(dimension: "task type", entries: [.init(label: "(none)", count: 3)]),
        ]
        report.funnel = [
            FunnelStep(depth: 0, strategy: "imported", made: 2, eliminated: 0, reasons: []),
            FunnelStep(depth: 1, strategy: hostile, made: 1, eliminated: 1, reasons: [.init(label: "evol-leak", count: 1)]),
        ]
        report.lengths = [
            LengthDistribution(language: "zh", field: "instruction", unit: "characters", lengths: Array(1...30) + [400]),
            LengthDistribution(language: "en", field: "output", unit: "words", lengths: Array(repeating: 5, count: 25)),
            LengthDistribution(language: "ja", field: "output", unit: "characters", lengths: [7]),
        ]
        report.ruleFailures = [RuleFailures(rule: "refusal", checked: 2, failed: 1, examples: [
            .init(instructionID: 1, completionID: 2, text: hostile, reason: "apology <first>"),
        ])]
        report.scores = [ScoreDistribution(scorer: "heuristic", count: 3, mean: 7.5, binCounts: [0, 0, 0, 0, 0, 0, 0, 2, 0, 1])]
        report.duplicates = [DuplicateSummary(method: "minhash", duplicates: 1, clusters: 1, examples: [
            .init(survivorID: 1, survivorText: "写一首关于秋天的诗", size: 1,
                  members: [.init(id: 3, text: hostile, similarity: 0.85)]),
        ])]
        var run = RunCost(id: 1, command: "evolve", status: "succeeded", startedAt: "2026-01-01T00:00:00Z")
        run.model = "qwen-plus"
        run.endpointHost = "dashscope.aliyuncs.com"
        run.calls = 10
        run.promptTokens = 1000
        run.completionTokens = 500
        run.cost = 0.0123
        report.runs = [run]
        report.purposes = [PurposeCost(purpose: "evol-rewrite", model: "qwen-plus", calls: 10, failed: 1, promptTokens: 1000,
                                       completionTokens: 500, cost: 0.0123)]
        report.leadingWords = [
            LeadingWordTally(language: "en", total: 3, top: [.init(label: "write", count: 2), .init(label: hostile, count: 1)], distinct: 2),
            LeadingWordTally(language: "zh", total: 2, top: [.init(label: "解释", count: 2)], distinct: 1),
        ]
        var row = SampleExample(instructionID: 3, completionID: 2, origin: "evolved", language: "zh",
                                instruction: "解释光合作用。" + hostile, input: hostile, output: hostile, system: hostile,
                                verdict: "fail")
        row.verdicts = [.init(filter: "refusal", passed: false, reason: hostile), .init(filter: "length", passed: true, reason: nil)]
        row.bestScore = 7.5
        row.lineage = [.init(id: 1, origin: "seed", strategy: nil, depth: 0, text: "解释光合作用。"),
                       .init(id: 3, origin: "evolved", strategy: "deepen", depth: 1, text: hostile)]
        report.sample = [row]
        report.sampleSize = 50
        report.sampleSeed = 7
        return report
    }
}
