/// The part of an `examples` row that the writers need, already decoded from the database's JSON text.
public struct ExportRow: Sendable, Equatable {
    public var instruction: String
    public var input: String
    public var output: String?
    public var system: String?
    /// `instructions.conversation`: `{"conversations": [...]}` or `{"messages": [...]}`, plus `tools`.
    public var conversation: JSONValue?
    /// `instructions.extra`: source fields without a column of their own.
    public var extra: [String: JSONValue]
    /// Every column of the `examples` row in view order, for layouts that write them all (`jsonl`).
    public var columns: OrderedRecord?

    public init(
        instruction: String, input: String = "", output: String? = nil, system: String? = nil,
        conversation: JSONValue? = nil, extra: [String: JSONValue] = [:], columns: OrderedRecord? = nil
    ) {
        self.columns = columns
        self.instruction = instruction
        self.input = input
        self.output = output
        self.system = system
        self.conversation = conversation
        self.extra = extra
    }

    /// Builds a row from the database's text columns; malformed JSON text is treated as absent.
    public init(
        instruction: String, input: String, output: String?, system: String?, conversationJSON: String?,
        extraJSON: String?
    ) {
        self.init(
            instruction: instruction, input: input, output: output, system: system,
            conversation: conversationJSON.flatMap { try? JSONValue.parse($0) },
            extra: extraJSON.flatMap { try? JSONValue.parse($0) }?.objectValue ?? [:])
    }

    /// The record as written by an import: a neutral record's stored fields.
    public init(_ record: NeutralRecord) {
        self.init(
            instruction: record.instruction, input: record.input, output: record.output, system: record.system,
            conversation: record.conversation, extra: record.extra)
    }
}
