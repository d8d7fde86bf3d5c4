/// The effective options of one `dsbench complete` run, as `runs.options` records them.
struct CompleteSettings: Encodable {
    /// Defaults, used by both the help text and the parser.
    static let defaultSamples = 1
    static let defaultMaxInstances = 5

    var mode: String
    var n: Int
    var maxInstances: Int
    var condition: WhereCondition?
    var limit: Int?
    /// `--models`: the model names (their endpoints are in `runs.endpoint_host`).
    var models: [String]? = nil

    enum CodingKeys: String, CodingKey {
        case mode, n, limit, models
        case maxInstances = "max_instances"
        case condition = "where"
    }
}
