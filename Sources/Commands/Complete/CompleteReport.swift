/// `dsbench complete`'s own part of its summary (the call totals come from `ModelCallSummary`).
struct CompleteReport: ModelCallReport {
    /// `answer` or `instances`.
    var mode: String
    /// Instructions selected.
    var instructions: Int
    /// Completion and instance rows written in this run (0 in a dry run).
    var rowsWritten: Int

    enum CodingKeys: String, CodingKey {
        case mode, instructions
        case rowsWritten = "rows_written"
    }

    var text: String { "\(rowsWritten) rows written for \(instructions) instructions" }
}
