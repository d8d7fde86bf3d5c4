import Synthesis

/// The effective options of one `dsbench preferences` run, as `runs.options` records them (defaults included).
struct PreferencesSettings: Encodable {
    var scorer: String
    var rejected: RejectedPolicy
    var minMargin: Double
    var seed: UInt64
    var condition: WhereCondition?
    var judge: String?

    enum CodingKeys: String, CodingKey {
        case scorer, rejected, seed, judge
        case minMargin = "min_margin"
        case condition = "where"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scorer, forKey: .scorer)
        try container.encode(rejected.rawValue, forKey: .rejected)
        try container.encode(minMargin, forKey: .minMargin)
        try container.encode(seed, forKey: .seed)
        try container.encodeIfPresent(condition, forKey: .condition)
        try container.encodeIfPresent(judge, forKey: .judge)
    }
}
