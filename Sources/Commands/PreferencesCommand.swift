import Foundation
import Store
import Synthesis

/// `dsbench preferences`: builds the chosen/rejected pairs for DPO-style training from the answers' ratings
/// and writes them as one run in the `preferences` table (`latest_preferences` is the newest run's pairs,
/// which `export --format alpaca-preference|sharegpt-preference|trl-preference|openai-preference` reads).
public struct PreferencesCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "preferences",
        abstract: "Pick a chosen and a rejected answer per instruction from judge scores or pairwise judgements.",
        discussion: """
            Candidates are the answers in the examples view that pass their filters, of instructions that are \
            not duplicates (and match --where). With --scorer judge (or any scorer in the scores table) an \
            answer's rating is its latest score; with --scorer pairwise it is its win rate × 10 over the \
            pairwise judgements (ties count half; a pair whose swap check disagreed counts as a tie), and the \
            judge must have preferred the chosen answer over the rejected one directly. Chosen is the best-rated \
            answer; rejected is the worst, a seeded random lower one, or the second best (--rejected). Ties never \
            make a pair; margin = chosen − rejected rating must be at least --min-margin. An instruction with one \
            answer, all answers tied or no answer far enough below is counted in the summary, not an error. \
            Each run writes a new set of pairs; earlier runs stay in the table.
            """,
        options: [
            .option("--scorer", value: "name", help: "judge, pairwise, or another scorer in the scores table.", default: "judge"),
            .option("--rejected", value: "policy", help: "Which lower answer to reject.", default: "worst",
                    allowed: RejectedPolicy.allCases.map(\.rawValue)),
            .option("--min-margin", value: "x", help: "Smallest rating difference on 0–10 to keep a pair.", default: "0"),
            .option("--seed", value: "n", help: "Seed for --rejected random-lower.", default: "0"),
            .option("--judge", value: "model", help: "pairwise: only this judge model's judgements (default: every judge's)."),
            .option("--where", value: "sql", help: "SQL condition on the examples view."),
            .flag("--json", help: "Print the summary as JSON."),
        ],
        examples: [
            "dsbench preferences --scorer judge --min-margin 2",
            "dsbench preferences --scorer pairwise --rejected second",
            "dsbench preferences --rejected random-lower --seed 7 --where \"language = 'zh'\"",
        ])

    let source: PreferenceSource
    let selector: PreferenceSelector
    let json: Bool
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        let scorer = arguments.string("scorer") ?? "judge"
        guard !scorer.isEmpty, scorer != "complexity" else {
            throw UsageError("--scorer complexity rates instructions, not answers; use judge, pairwise or heuristic")
        }
        var source = PreferenceSource(scorer: scorer, condition: WhereCondition(arguments.string("where")))
        source.judge = arguments.string("judge")
        if source.judge != nil, !source.isPairwise { throw UsageError("--judge applies to --scorer pairwise") }
        self.source = source
        guard let seed = UInt64(arguments.string("seed") ?? "0") else {
            throw UsageError("--seed expects a non-negative integer, got '\(arguments.string("seed") ?? "")'")
        }
        selector = PreferenceSelector(
            policy: RejectedPolicy(rawValue: arguments.string("rejected") ?? "worst") ?? .worst,
            minimumMargin: try arguments.double("min-margin", in: 0...10) ?? 0, seed: seed)
        json = arguments.flag("json")
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        try source.condition?.validate(in: database)
        let groups = try source.groups(database)
        try context.interrupt.check()
        let settings = PreferencesSettings(
            scorer: source.scorer, rejected: selector.policy, minMargin: selector.minimumMargin, seed: selector.seed,
            condition: source.condition, judge: source.judge)
        let report = try RunRecorder.record(database, arguments: arguments, options: settings) { run in
            try database.transaction { try write(groups, database: database, run: run) }
        }
        context.print(json ? JSONOutput.line(report) : report.text)
    }

    /// Decides every group and writes the pairs; returns the summary.
    private func write(_ groups: [PreferenceSource.Group], database: Database, run: RunRecorder) throws -> PreferencesReport {
        var report = PreferencesReport(scorer: source.scorer, rejected: selector.policy.rawValue, runID: run.runID)
        var marginTotal = 0.0
        let store = PreferenceStore(database)
        for group in groups {
            report.instructions += 1
            report.unratedAnswers += group.unrated
            let decision = selector.decide(instructionID: group.instructionID, candidates: group.candidates, outranks: group.tally?.outranks)
            guard let pair = decision.pair else {
                if case .none(let reason) = decision { report.noPair[reason.rawValue, default: 0] += 1 }
                continue
            }
            try store.insert(.init(
                instructionID: group.instructionID, chosenID: pair.chosen.completionID, rejectedID: pair.rejected.completionID,
                chosenScore: pair.chosen.score, rejectedScore: pair.rejected.score, scorer: source.scorer,
                rejectedPolicy: selector.policy.rawValue,
                judgementID: group.judgementIDs[.init(pair.chosen.completionID, pair.rejected.completionID)], runID: run.runID))
            report.pairs += 1
            marginTotal += pair.margin
        }
        report.meanMargin = report.pairs > 0 ? marginTotal / Double(report.pairs) : nil
        run.totals.rowsWritten = report.pairs
        run.count("instructions", report.instructions)
        for (reason, count) in report.noPair { run.count(reason, count) }
        return report
    }
}
