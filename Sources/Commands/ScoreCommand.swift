import Curation
import Foundation
import Store

/// `dsbench score`: writes a 0–10 score per example. The heuristic scorer needs no model; `judge` asks a model
/// to rate each completion and `complexity` to rate each instruction, both through the `llm_calls` ledger.
public struct ScoreCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "score",
        abstract: "Score examples on 0–10: heuristic (no model), LLM judge, or instruction complexity.",
        discussion: """
            heuristic = 0.3·length + 0.4·completeness + 0.3·lexical diversity, each on 0–10: answers of \
            20–800 units (Latin words + CJK characters) get full length marks; completeness is 0 for a refusal or \
            AI disclaimer, 2 for a truncated answer, 8 for a long answer without a closing punctuation mark; \
            diversity is the moving type/token ratio over 50-unit windows. Instructions without a completion \
            are scored on their own text.
            judge asks the model to rate each completion as an answer to its instruction from 1 to 10 with a \
            short rationale; complexity rates each instruction alone from 1 to 10. The prompt is English or \
            Chinese after the instruction's language. The model's 1–10 is stored as the 0–10 value unchanged. \
            Replies without a readable score are counted and reported, not stored. A rerun skips subjects this \
            scorer already scored with the same model and prompt template, and answers repeated requests from \
            llm_calls (purposes score-judge, score-complexity). --where selects rows of the examples view.
            pairwise shows the judge two answers to the same prompt (answers passing their filters, of \
            instructions that are not duplicates) and asks which is better or a tie, with a short rationale: every \
            pair once, in a seeded random order that is recorded (pairwise_judgements.first_id is answer A). \
            --swap-check F also asks a share F of the pairs in the other order; the judge's agreement with itself \
            and how often the answer shown first won measure its position bias (in the summary and in stats). A \
            rerun asks only the pairs this judge and template have not answered (purpose score-pairwise). \
            'dsbench preferences --scorer pairwise' turns the judgements into chosen/rejected pairs.
            """,
        options: [
            .option("--scorer", value: "name", help: "heuristic, judge, complexity or pairwise.", default: "heuristic",
                    allowed: ["heuristic", "judge", "complexity", "pairwise"]),
            .option("--swap-check", value: "fraction", help: "pairwise: share of pairs also asked in the swapped order.", default: "0"),
            .option("--where", value: "sql", help: "Only examples matching this condition on the examples view."),
        ] + LLMOptions.specs,
        examples: [
            "dsbench score",
            "dsbench score --where \"origin = 'evolved' and depth = 2\"",
            "dsbench score --scorer judge --model qwen-plus --where \"verdict <> 'fail' and not is_duplicate\" --max-cost 1",
            "dsbench score --scorer complexity --base-url http://localhost:11434/v1 --model qwen2.5:7b --dry-run",
            "dsbench score --scorer pairwise --model qwen-max --swap-check 0.2",
            "dsbench sql \"select instruction, best_score from examples order by best_score limit 20\"",
        ])

    let scorer: String
    let condition: WhereCondition?
    let json: Bool
    /// `--swap-check` (pairwise only): share of pairs asked in both orders.
    let swapFraction: Double
    /// Endpoint, sampling, concurrency and budget (model scorers only).
    let llm: LLMOptions
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        scorer = arguments.string("scorer") ?? "heuristic"
        condition = WhereCondition(arguments.string("where"))
        json = arguments.flag("json")
        llm = try LLMOptions(arguments: arguments)
        swapFraction = try arguments.double("swap-check", in: 0...1) ?? 0
        if scorer != "pairwise", arguments.string("swap-check") != nil {
            throw UsageError("--swap-check applies to --scorer pairwise")
        }
        if scorer == "heuristic" {
            let modelOptions = Set(LLMOptions.specs.map { String($0.long.dropFirst(2)) }).subtracting(["json"])
            if let given = arguments.ordered.first(where: { modelOptions.contains($0.key) }) {
                throw UsageError("--\(given.key) applies to --scorer judge or complexity; the heuristic scorer calls no model")
            }
        }
    }

    public func run(context: CommandContext) throws {
        if scorer == "pairwise" {
            try runPairwise(context: context)
        } else if let kind = ModelScorerKind(rawValue: scorer) {
            try runModel(kind, context: context)
        } else {
            try runHeuristic(context: context)
        }
    }
}
