/// Every column of the `examples` view as one JSON object per row, for lossless archiving and ad-hoc tools:
/// the stored conversation and extra fields come back exactly as imported (JSON text columns are nested).
public struct JSONLLayout: ExportLayout {
    public init() {}

    public var name: String { "jsonl" }
    public var summary: String { "every column of the examples view (lossless)" }
    public var trainerRules: (any TrainerRules)? { nil }
    public var needsAllColumns: Bool { true }

    public func export(_ row: ExportRow, options: ExportOptions) -> ExportOutcome {
        var record = OrderedRecord()
        for field in row.columns?.fields ?? [] {
            var value = field.value
            if field.key == "conversation" || field.key == "extra", let text = value.stringValue,
                let parsed = try? JSONValue.parse(text)
            {
                value = parsed
            }
            record.append(field.key, value)
        }
        return .record(record, notes: [])
    }
}
