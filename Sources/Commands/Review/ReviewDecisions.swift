import Foundation
import JSONWriting
import Store

/// Writes a reviewer's decisions, each in its own transaction so quitting or a crash loses nothing: a verdict
/// with filter `human` (through `VerdictStore`; `detail` names the reviewer), and for an edit a new completion
/// (origin `edited`, `parent_id` → the original, same `sample_index`) judged as accepted. Undo takes a decision
/// of this run back.
struct ReviewDecisions {
    /// The `verdicts.filter` of a person's decision.
    static let filter = "human"

    /// What one key press stored, enough to undo it.
    enum Decision {
        case accepted
        case rejected(reason: String)
        /// The new completion's id.
        case edited(completionID: Int64)
    }

    let database: Database
    let runID: Int64
    let reviewer: String

    private var detail: String { "{\"reviewer\":\(JSONString.quote(reviewer))}" }

    func accept(_ item: ReviewItem) throws -> Decision {
        try database.transaction {
            try verdict(item.instructionID, item.completionID, passed: true, reason: "accepted", detail: detail)
        }
        return .accepted
    }

    func reject(_ item: ReviewItem, reason: String) throws -> Decision {
        try database.transaction {
            try verdict(item.instructionID, item.completionID, passed: false, reason: reason, detail: detail)
        }
        return .rejected(reason: reason)
    }

    /// Stores `output` as the edited answer and accepts it.
    func edit(_ item: ReviewItem, output: String) throws -> Decision {
        let id = try database.transaction {
            var completion = CompletionStore.NewCompletion(
                instructionID: item.instructionID, output: output, origin: .edited, runID: runID)
            completion.parentID = item.completionID
            completion.sampleIndex = item.sampleIndex
            let id = try CompletionStore(database).insert(completion)
            let detail = "{\"reviewer\":\(JSONString.quote(reviewer)),\"edited_from\":"
                + (item.completionID.map(String.init) ?? "null") + "}"
            try verdict(item.instructionID, id, passed: true, reason: "edited", detail: detail)
            return id
        }
        return .edited(completionID: id)
    }

    /// Takes back `decision` made on `item` in this run.
    func undo(_ decision: Decision, on item: ReviewItem) throws {
        try database.transaction {
            let verdicts = VerdictStore(database)
            switch decision {
            case .accepted, .rejected:
                try verdicts.retract(instructionID: item.instructionID, completionID: item.completionID,
                                     filter: Self.filter, runID: runID)
            case .edited(let completionID):
                try verdicts.retract(instructionID: item.instructionID, completionID: completionID,
                                     filter: Self.filter, runID: runID)
                try CompletionStore(database).delete(id: completionID, runID: runID)
            }
        }
    }

    private func verdict(_ instructionID: Int64, _ completionID: Int64?, passed: Bool, reason: String, detail: String) throws {
        try VerdictStore(database).insert(.init(
            instructionID: instructionID, completionID: completionID, filter: Self.filter, passed: passed,
            reason: reason, detail: detail, runID: runID))
    }
}
