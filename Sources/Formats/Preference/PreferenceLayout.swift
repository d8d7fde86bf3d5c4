/// One preference layout of `dsbench export --format` (alpaca-preference, sharegpt-preference,
/// trl-preference, openai-preference, trl-kto): turns a `PreferenceExample` into the record its trainer
/// reads, after `PreferenceExample.problem()` and the layout's own checks. One conforming type per layout,
/// listed in `PreferenceLayouts.all`.
public protocol PreferenceLayout: Sendable {
    /// The `--format` name.
    var name: String { get }
    /// One line for `--help`: what the records look like.
    var summary: String { get }
    /// True for unpaired layouts (KTO), which take `.single` examples; false for chosen/rejected pairs.
    var isUnpaired: Bool { get }
    /// The record, or why it is not written.
    func record(for example: PreferenceExample) -> Result<OrderedRecord, PreferenceSkip>
    /// The LLaMA-Factory `dataset_info.json` entry for a file of these records whose records carry the
    /// top-level `keys`; nil when LLaMA-Factory does not read this layout.
    func datasetInfoEntry(fileName: String, keys: Set<String>) -> DatasetInfoEntry?
}

extension PreferenceLayout {
    public var isUnpaired: Bool { false }
    public func datasetInfoEntry(fileName: String, keys: Set<String>) -> DatasetInfoEntry? { nil }

    /// The chosen/rejected texts of a pair example after the shared checks, or the reason to skip.
    func pairAnswers(_ example: PreferenceExample) -> Result<(chosen: String, rejected: String), PreferenceSkip> {
        if let problem = example.problem() { return .failure(problem) }
        guard case .pair(let chosen, let rejected) = example.responses else { return .failure(.emptyAnswer) }
        return .success((chosen, rejected))
    }
}
