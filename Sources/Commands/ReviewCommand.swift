import Foundation
import Store

/// `dsbench review`: a person reads examples in the terminal and accepts, rejects (with a reason) or edits
/// them; decisions are `human` verdicts and edits new completions, committed one by one. `--stats` summarises
/// the decisions per reviewer and their agreement with the rule filters.
public struct ReviewCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "review",
        abstract: "Review examples in the terminal: accept, reject with a reason, or edit the output.",
        discussion: "Shows rows of the examples view one at a time (default: those no person has decided yet, in "
            + "a random order reproducible with --seed) with the instruction, input, output, system prompt or "
            + "earlier turns, the failed rules and the scores, wrapped to the terminal (CJK-aware). Keys: a accept, "
            + "r reject (asks for a reason), e edit the output in $EDITOR, s skip, u undo, q quit; space/b scroll. "
            + "A decision is a verdict with filter 'human' (reason, reviewer in detail) that counts in the examples "
            + "view like any rule; an edit is a new completion (origin 'edited', parent_id -> the original) that "
            + "replaces the original in the view and in export. Each decision is committed at once. Needs a "
            + "terminal (works in 80x24, over ssh). --stats prints per reviewer: reviewed, accepted, rejected, "
            + "edited and agreement with the rules, and per rule how often a person accepted what it failed.",
        options: [
            .option("--where", value: "sql", help: "SQL condition on the examples view."),
            .option("--sample", value: "n", help: "Review at most n examples."),
            .option("--seed", value: "n", help: "Seed of the random order.", default: "0"),
            .option("--reviewer", value: "name", help: "Name stored with each decision (default: $USER)."),
            .flag("--include-reviewed", help: "Also show examples a person already decided."),
            .flag("--stats", help: "Print decisions per reviewer and agreement with the rules, then exit."),
        ],
        examples: [
            "dsbench review --sample 50 --reviewer alice",
            "dsbench review --where \"verdict = 'fail' and language = 'zh'\" --seed 3",
            "dsbench review --stats",
        ])

    let queue: ReviewQueue
    let reviewer: String?
    let stats: Bool
    /// Kept for the run row's options.
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        var queue = ReviewQueue()
        queue.condition = WhereCondition(arguments.string("where"))
        queue.includeReviewed = arguments.flag("include-reviewed")
        queue.sampleSize = try arguments.int("sample", minimum: 1)
        queue.seed = try arguments.uint64("seed") ?? 0
        self.queue = queue
        reviewer = arguments.string("reviewer")
        stats = arguments.flag("stats")
        if stats, ["where", "sample", "seed", "reviewer", "include-reviewed"].contains(where: {
            arguments.string($0) != nil || arguments.flag($0)
        }) {
            throw UsageError("--stats takes no other options (it summarises every decision)")
        }
        if let reviewer, reviewer.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError("--reviewer needs a name")
        }
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        if stats {
            context.stdout.write(try ReviewStats.collect(database).text)
            return
        }
        guard context.stdoutIsTerminal, ReviewTerminal.isAvailable() else {
            throw UsageError("review needs an interactive terminal (stdin and stdout a TTY); run it in a shell, "
                + "or over ssh with 'ssh -t'. For scripted decisions use 'dsbench sql --write'.")
        }
        let subjects = try queue.subjects(in: database)
        let name = reviewer ?? context.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "reviewer"
        let tally = try RunRecorder.record(database, arguments: arguments) { run in
            let decisions = ReviewDecisions(database: database, runID: run.runID, reviewer: name)
            let tally = try ReviewSession(database: database, terminal: ReviewTerminal(), decisions: decisions,
                                          subjects: subjects, environment: context.environment).run()
            run.count("accepted", tally.accepted)
            run.count("rejected", tally.rejected)
            run.count("edited", tally.edited)
            run.count("skipped", tally.skipped)
            run.totals.rowsWritten = tally.accepted + tally.rejected + 2 * tally.edited
            return tally
        }
        context.print("review by \(name): \(tally.text)")
    }
}
