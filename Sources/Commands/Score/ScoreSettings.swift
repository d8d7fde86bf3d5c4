/// The effective options of one `dsbench score` run, as `runs.options` records them.
struct ScoreSettings: Encodable {
    var scorer: String
    var condition: WhereCondition?
    /// `--swap-check` of the pairwise scorer; nil (not recorded) for the others.
    var swapCheck: Double? = nil

    enum CodingKeys: String, CodingKey {
        case scorer
        case condition = "where"
        case swapCheck = "swap_check"
    }
}
