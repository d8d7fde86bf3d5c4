/// The effective options of one `dsbench score` run, as `runs.options` records them.
struct ScoreSettings: Encodable {
    var scorer: String
    var condition: WhereCondition?

    enum CodingKeys: String, CodingKey {
        case scorer
        case condition = "where"
    }
}
