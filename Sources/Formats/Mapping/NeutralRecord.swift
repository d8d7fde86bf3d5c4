/// One trainable example in the shape the importer stores, whatever file format it came from.
/// A multi-record source (a Self-Instruct task with k instances) yields k of these with `instanceIndex` 0..<k.
public struct NeutralRecord: Sendable, Equatable {
    /// Line where the source record starts (1-based).
    public var line: Int
    /// The prompt: Alpaca `instruction`, or the first user turn of a conversation.
    public var instruction: String
    /// Alpaca `input` / Self-Instruct instance input; "" when absent.
    public var input: String
    /// The answer: Alpaca `output`, an instance output, or the final assistant turn; nil when there is none.
    public var output: String?
    /// System prompt (a `system` field or the first system turn).
    public var system: String?
    /// The whole conversation, losslessly: `{"conversations": [...]}` (ShareGPT) or `{"messages": [...]}`
    /// (OpenAI), plus `"tools"` when the record had tools.
    public var conversation: JSONValue?
    /// Alpaca `history` pairs `[[prompt, response], ...]` (also kept in `extra["history"]`).
    public var history: [[String]]?
    /// Self-Instruct `is_classification`.
    public var isClassification: Bool?
    /// Source record's `name`, when it has one (also kept in `extra`).
    public var name: String?
    /// Source record's `id`, when it has one (also kept in `extra`).
    public var id: String?
    /// Seed-file task metadata: `task_type` (or `type`), for the `task_type` column (also kept in `extra`).
    public var taskType: String?
    /// Position among the records produced from one source record; 0 is the task row.
    public var instanceIndex: Int
    /// Every source field that has no column of its own, so an export can give it back.
    public var extra: [String: JSONValue]

    public init(
        line: Int, instruction: String, input: String = "", output: String? = nil, system: String? = nil,
        conversation: JSONValue? = nil, history: [[String]]? = nil, isClassification: Bool? = nil,
        name: String? = nil, id: String? = nil, instanceIndex: Int = 0, extra: [String: JSONValue] = [:]
    ) {
        self.line = line
        self.instruction = instruction
        self.input = input
        self.output = output
        self.system = system
        self.conversation = conversation
        self.history = history
        self.isClassification = isClassification
        self.name = name
        self.id = id
        self.instanceIndex = instanceIndex
        self.extra = extra
    }

    /// `extra` as compact JSON text, or nil when empty (what goes into `instructions.extra`).
    public var extraJSON: String? {
        extra.isEmpty ? nil : JSONTextWriter.compact(.object(extra))
    }

    /// `conversation` as compact JSON text (what goes into `instructions.conversation`).
    public var conversationJSON: String? {
        conversation.map { JSONTextWriter.compact($0) }
    }
}
