import Curation
import Foundation
import LLM
import Store
import Synthesis

/// Takes Magpie's call outcomes for a sample and, when the sample settles, writes its row: the first query as
/// `instruction`, the whole conversation as `conversation` (OpenAI `messages`), the last answer as completion,
/// and every filter result as a verdict. A failed call leaves the sample unsettled (a rerun retries it, its
/// finished calls answered from the ledger); a rejected query settles it with a failing verdict.
final class MagpieRowWriter {
    /// What a run adds up for its summary.
    struct Tally {
        var accepted = 0
        var rejected: [String: Int] = [:]
        var duplicates = 0
        var checked = 0
        var failedSamples = 0
        /// Conversations finished after the target was reached: not stored (their calls stay in `llm_calls`,
        /// so a later larger `--count` takes them from the ledger).
        var beyondTarget = 0
    }

    let database: Database
    let recorder: RunRecorder
    let template: ChatTemplate
    let system: String?
    let turns: Int
    let model: String
    let filter: MagpieQueryFilter
    var gate: DuplicateQuestionGate<RougeIndex>
    /// How many accepted conversations this run may still store (`--count` minus those already held).
    let capacity: Int
    private(set) var tally = Tally()
    private(set) var settledIndexes: Set<Int> = []

    init(
        database: Database, recorder: RunRecorder, template: ChatTemplate, system: String?, turns: Int, model: String,
        filter: MagpieQueryFilter, gate: DuplicateQuestionGate<RougeIndex>, capacity: Int
    ) {
        self.capacity = capacity
        self.database = database
        self.recorder = recorder
        self.template = template
        self.system = system
        self.turns = turns
        self.model = model
        self.filter = filter
        self.gate = gate
    }

    /// `instructions.source` of a Magpie row, `magpie:<template>:sample-<k>`: it names the template and the
    /// sample number a rerun skips (kept out of `extra`, which export gives back to the trainer).
    static func source(template: ChatTemplate, sample: Int) -> String { "\(sourcePrefix(template))\(sample)" }

    static func sourcePrefix(_ template: ChatTemplate) -> String { "magpie:\(template.name):sample-" }

    /// True once this run has stored as many accepted conversations as it may.
    var targetReached: Bool { tally.accepted >= capacity }

    func takeQuery(_ sample: inout MagpieRun.Sample, turn: Int, outcome: LLMCallOutcome, callID: Int64?) throws {
        guard let response = outcome.response else {
            sample.done = true
            tally.failedSamples += 1
            return
        }
        let query = MagpieQueryFilter.clean(response.content)
        sample.queryCallIDs.append(callID)
        var verdicts: [GenerationVerdict] = []
        if let failure = filter.failure(query: query, finishReason: response.finishReason, rawQuery: response.content) {
            verdicts.append(failure)
        } else if turn == 0 {
            let duplicate = gate.check(query)
            tally.checked += 1
            if !duplicate.passed { tally.duplicates += 1 }
            verdicts.append(duplicate)
        }
        if let failed = verdicts.first(where: { !$0.passed }) {
            tally.rejected[failed.filter, default: 0] += 1
            if turn == 0 {
                try store(sample, rejectedQuery: query, verdicts: verdicts)
            } else {
                // A later query that fails ends the conversation with the turns completed so far
                // (the conversation shows how many); the rejected query is counted, not stored.
                try store(sample, verdicts: [])
            }
            sample.done = true
            return
        }
        sample.query = query
        if turn == 0 { pendingVerdicts[sample.index] = verdicts }
    }

    private var pendingVerdicts: [Int: [GenerationVerdict]] = [:]

    func takeAnswer(_ sample: inout MagpieRun.Sample, turn: Int, outcome: LLMCallOutcome, callID: Int64?) throws {
        guard let response = outcome.response, let query = sample.query else {
            sample.done = true
            tally.failedSamples += 1
            return
        }
        let answer = response.content.trimmingCharacters(in: .whitespacesAndNewlines)
        sample.history.append((query, answer))
        sample.query = nil
        sample.answerCallID = callID
        sample.answerFinish = response.finishReason
        if turn + 1 == turns || response.finishReason == "length" {
            try store(sample, verdicts: [])
            sample.done = true
        }
    }

    /// A query that failed a filter: the row holds the query and the failing verdicts, no answer.
    private func store(_ sample: MagpieRun.Sample, rejectedQuery query: String, verdicts: [GenerationVerdict]) throws {
        var row = InstructionStore.NewInstruction(instruction: query, origin: .magpie, runID: recorder.runID)
        row.language = LanguageDetector.detect(query).rawValue
        row.system = system
        row.llmCallID = sample.queryCallIDs.first ?? nil
        row.source = Self.source(template: template, sample: sample.index)
        let id = try InstructionStore(database).insert(row)
        recorder.totals.rowsWritten += 1
        for verdict in verdicts {
            try VerdictStore(database).insert(.init(
                instructionID: id, completionID: nil, filter: verdict.filter, passed: verdict.passed, reason: verdict.reason,
                detail: verdict.detailJSON, runID: recorder.runID))
        }
        settledIndexes.insert(sample.index)
        recorder.count("rejected")
    }

    /// A conversation of at least one turn: instruction, conversation, final answer and verdicts.
    /// Past the target an accepted conversation is not stored: the sample stays unsettled, and a rerun with a
    /// larger `--count` gets its calls back from the ledger.
    private func store(_ sample: MagpieRun.Sample, verdicts extra: [GenerationVerdict]) throws {
        guard let first = sample.history.first, let last = sample.history.last else { return }
        if sample.answerFinish != "length", targetReached {
            pendingVerdicts.removeValue(forKey: sample.index)
            tally.beyondTarget += 1
            return
        }
        var messages: [[String: String]] = []
        if let system { messages.append(["role": "system", "content": system]) }
        for turn in sample.history {
            messages.append(["role": "user", "content": turn.user])
            messages.append(["role": "assistant", "content": turn.assistant])
        }
        var row = InstructionStore.NewInstruction(instruction: first.user, origin: .magpie, runID: recorder.runID)
        row.language = LanguageDetector.detect(first.user).rawValue
        row.system = system
        row.conversation = CompactJSON.text(["messages": messages])
        row.llmCallID = sample.queryCallIDs.first ?? nil
        row.source = Self.source(template: template, sample: sample.index)
        let id = try InstructionStore(database).insert(row)
        var completion = CompletionStore.NewCompletion(instructionID: id, output: last.assistant, origin: .model, runID: recorder.runID)
        completion.model = model
        completion.finishReason = sample.answerFinish
        completion.llmCallID = sample.answerCallID
        let completionID = try CompletionStore(database).insert(completion)
        recorder.totals.rowsWritten += 2
        let verdicts = VerdictStore(database)
        for verdict in (pendingVerdicts.removeValue(forKey: sample.index) ?? []) + extra {
            try verdicts.insert(.init(
                instructionID: id, completionID: nil, filter: verdict.filter, passed: verdict.passed, reason: verdict.reason,
                detail: verdict.detailJSON, runID: recorder.runID))
        }
        let truncated = sample.answerFinish == "length"
        try verdicts.insert(.init(
            instructionID: id, completionID: completionID, filter: MagpieQueryFilter.length, passed: !truncated,
            reason: truncated ? "the answer was cut off by max_tokens (finish_reason length)" : nil, detail: nil,
            runID: recorder.runID))
        settledIndexes.insert(sample.index)
        if truncated {
            tally.rejected[MagpieQueryFilter.length, default: 0] += 1
            recorder.count("rejected")
        } else {
            tally.accepted += 1
            recorder.count("accepted")
        }
    }
}
