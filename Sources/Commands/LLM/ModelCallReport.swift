/// A model command's own part of its closing summary (generate: accepted/rejected; score: scored, mean; …).
/// Its encoded keys sit next to `ModelCallSummary`'s in `--json`; `text` leads the terminal line.
protocol ModelCallReport: Encodable {
    /// A phrase such as "12 accepted (40/40 in the pool), 3 rejected".
    var text: String { get }
}
