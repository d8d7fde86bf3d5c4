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

    enum CodingKeys: String, CodingKey {
        case accepted, target, rejected, template
        case acceptedTotal = "accepted_total"
    }

    var text: String {
        if accepted == 0 && acceptedTotal >= target && rejected.isEmpty {
            return "the database already holds \(acceptedTotal) accepted generated instructions (target \(target)); nothing to do"
        }
        let rejectedText = rejected.isEmpty ? "0 rejected" :
            "\(rejected.values.reduce(0, +)) rejected (" + rejected.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        return "\(accepted) accepted (\(acceptedTotal)/\(target) in the pool), \(rejectedText)"
    }
}
