/// Everything `dsbench report` shows, as plain values: the command gathers them from the database and
/// `ReportRenderer` turns them into one HTML page. Sections are lists so an empty dataset renders too.
public struct DatasetReport: Sendable {
    /// Name shown in the page title (the database file name).
    public var title: String
    /// When the report was made, ISO 8601 UTC.
    public var generatedAt: String
    /// The `--where` condition on the `examples` view, or nil for the whole database.
    public var selection: String?
    public var instructions = 0
    public var completions = 0
    /// Rows of the `examples` view (instruction × completion).
    public var examples = 0
    public var counts: [CountBreakdown] = []
    public var funnel: [FunnelStep] = []
    public var lengths: [LengthDistribution] = []
    public var ruleFailures: [RuleFailures] = []
    public var scores: [ScoreDistribution] = []
    public var duplicates: [DuplicateSummary] = []
    public var runs: [RunCost] = []
    public var purposes: [PurposeCost] = []
    public var leadingWords: [LeadingWordTally] = []
    public var sample: [SampleExample] = []
    /// `--sample N` and `--seed` as asked, to say how the sample can be drawn again.
    public var sampleSize = 0
    public var sampleSeed: UInt64 = 0

    public init(title: String, generatedAt: String, selection: String?) {
        self.title = title
        self.generatedAt = generatedAt
        self.selection = selection
    }
}
