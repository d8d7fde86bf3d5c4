/// `dsbench generate`'s own part of its summary (the call totals come from `ModelCallSummary`).
struct GenerateReport: ModelCallReport {
    /// Accepted in this run.
    var accepted: Int
    /// Accepted generated instructions in the database now.
    var acceptedTotal: Int
    var target: Int
    /// Candidates rejected in this run, by filter (gen-length, gen-rouge, …).
    var rejected: [String: Int]
    var template: String
    /// Replies with text in which no numbered item could be read (kept in `llm_calls`).
    var unparsedResponses = 0
    /// Replies with no text at all.
    var emptyResponses = 0

    enum CodingKeys: String, CodingKey {
        case accepted, target, rejected, template
        case acceptedTotal = "accepted_total"
        case unparsedResponses = "unparsed_responses"
        case emptyResponses = "empty_responses"
    }

    var text: String {
        if accepted == 0 && acceptedTotal >= target && rejected.isEmpty {
            return "the database already holds \(acceptedTotal) accepted generated instructions (target \(target)); nothing to do"
        }
        let rejectedText = rejected.isEmpty ? "0 rejected" :
            "\(rejected.values.reduce(0, +)) rejected (" + rejected.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        var text = "\(accepted) accepted (\(acceptedTotal)/\(target) in the pool), \(rejectedText)"
        if unparsedResponses > 0 { text += ", \(unparsedResponses) replies without a readable list (see llm_calls)" }
        if emptyResponses > 0 { text += ", \(emptyResponses) empty replies" }
        return text
    }
}
