/// What a layout made of one row: a record (with notes on what was changed or lost, counted in the export
/// summary) or a reason for leaving it out (`turn order`, `tool calls`, …), never a silent drop.
public enum ExportOutcome: Sendable, Equatable {
    case record(OrderedRecord, notes: [String])
    case skipped(reason: String)

    /// The record, or nil when skipped.
    public var record: OrderedRecord? {
        if case .record(let record, _) = self { return record }
        return nil
    }
}
