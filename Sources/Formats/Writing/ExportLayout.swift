/// One output layout of `dsbench export` (Alpaca, ShareGPT, OpenAI messages, raw JSONL, …). A layout turns
/// one `examples` row into a record its consumer reads unchanged, or leaves the row out with a reason; it
/// names the trainer rules `--check` applies and the `dataset_info.json` entry that registers its files.
/// Adding a layout is one new conforming type plus its line in `ExportLayouts.all`.
public protocol ExportLayout: Sendable {
    /// The `--format` name.
    var name: String { get }
    /// One line for `--help`: what the records look like.
    var summary: String { get }
    /// The turn order its trainer accepts.
    var alternation: TurnAlternation { get }
    /// `--turns` when not given.
    var defaultTurnPolicy: TurnPolicy { get }
    /// The rules `--check` validates written records against; nil when the layout has no trainer to check.
    var trainerRules: (any TrainerRules)? { get }
    /// True when the layout needs every column of the `examples` view in `ExportRow.columns`.
    var needsAllColumns: Bool { get }
    /// The record for `row`, or why it is left out.
    func export(_ row: ExportRow, options: ExportOptions) -> ExportOutcome
    /// The LLaMA-Factory `dataset_info.json` entry for a file of this layout whose records carry the
    /// top-level `keys`; nil when LLaMA-Factory cannot read the layout.
    func datasetInfoEntry(fileName: String, keys: Set<String>) -> DatasetInfoEntry?
}

extension ExportLayout {
    public var alternation: TurnAlternation { .strict }
    public var defaultTurnPolicy: TurnPolicy { .merge }
    public var needsAllColumns: Bool { false }
    public func datasetInfoEntry(fileName: String, keys: Set<String>) -> DatasetInfoEntry? { nil }

    /// The outcome `write` makes of the row's conversation (stored, or built from its fields) laid out under
    /// this layout's turn rule and `--turns`; a row the policy leaves out is skipped with its reason.
    /// `write` gets the row's extra fields without those that went into the conversation.
    func exportConversation(
        _ row: ExportRow, options: ExportOptions,
        write: (PreparedConversation, _ extra: [String: JSONValue]) -> ExportOutcome
    ) -> ExportOutcome {
        var extra = row.extra
        let conversation = row.conversation(extra: &extra)
        switch prepare(conversation, output: row.output, policy: options.turns ?? defaultTurnPolicy) {
        case .failure(let reason): return .skipped(reason: reason.text)
        case .success(let prepared): return write(prepared, extra)
        }
    }

    /// The conversation laid out under this layout's turn rule and `policy`, or why the row is left out.
    func prepare(
        _ conversation: Conversation, output: String?, policy: TurnPolicy
    ) -> Result<PreparedConversation, PreparedConversation.SkipReason> {
        PreparedConversation.prepare(conversation, output: output, alternation: alternation, policy: policy)
    }
}
