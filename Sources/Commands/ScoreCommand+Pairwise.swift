import Curation
import Foundation
import LLM
import Store
import Synthesis

extension ScoreCommand {
    /// `--scorer pairwise`: select each instruction's passing answers, plan the pair asks, leave out those
    /// already answered by this judge and template, judge the rest, and report swap agreement.
    func runPairwise(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        try condition?.validate(in: database)
        let endpoint = try llm.endpoint(environment: context.environment, database: database)
        let answers = try pairwiseAnswers(database)
        let schedule = PairSchedule(seed: UInt64(bitPattern: Int64(llm.seed ?? 0)), swapFraction: swapFraction)
        let answered = try PairwiseJudgementStore(database).answeredPairs(judge: endpoint.model, template: PairwisePrompt.identifier)
        let (todo, already) = PairwiseScoringRun.asks(answers, schedule: schedule, answered: answered)
        var report = PairwiseScoreReport(model: endpoint.model)
        report.instructions = answers.filter { $0.count >= 2 }.count
        report.asks = todo.count + already
        report.alreadyJudged = already
        let scoring = PairwiseScoringRun(model: endpoint.model, options: llm, context: context)
        if llm.dryRun {
            report.dryRun = true
            try ModelCallRunner.printDryRun(
                todo.map(scoring.call), report: report, database: database, arguments: arguments, options: llm,
                endpoint: endpoint, context: context, json: json)
            return
        }
        try ModelCallRunner.record(
            database, arguments: arguments,
            settings: ScoreSettings(scorer: "pairwise", condition: condition, swapCheck: swapFraction), options: llm,
            sampling: scoring.sampling, endpoint: endpoint, template: PairwisePrompt.identifier,
            context: context, plannedCalls: todo.count, json: json
        ) { runner in
            runner.recorder.count("already_judged", already)
            try scoring.judge(todo, runner: runner, report: &report)
            report.agreement = try swapAgreement(answers, judge: endpoint.model, database: database)
            return report
        }
    }

    /// Passing answers (filters passed, instruction not a duplicate, `--where`) grouped per instruction.
    private func pairwiseAnswers(_ database: Database) throws -> [[ScoreSubject]] {
        var groups: [[ScoreSubject]] = []
        let filter = condition.map { " AND \($0.sql)" } ?? ""
        try database.forEachRow(
            """
            SELECT instruction_id, completion_id, instruction, input, output, system, conversation FROM examples
            WHERE \(PairwiseJudgementRows.passingAnswers)\(filter)
            ORDER BY instruction_id, completion_id
            """
        ) { row in
            let subject = try ScoreSubject(examplesRow: row)
            if groups.last?.first?.instructionID == subject.instructionID {
                groups[groups.count - 1].append(subject)
            } else {
                groups.append([subject])
            }
        }
        return groups
    }

    /// The judge's agreement with itself over every judgement it made on the selected instructions.
    private func swapAgreement(_ answers: [[ScoreSubject]], judge: String, database: Database) throws -> SwapAgreement {
        let byInstruction = try PairwiseJudgementRows.byInstruction(database, judge: judge, template: PairwisePrompt.identifier)
        var agreement = SwapAgreement()
        for group in answers { agreement.add((byInstruction[group[0].instructionID] ?? []).map(\.judgement)) }
        return agreement
    }
}
