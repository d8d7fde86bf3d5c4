import Curation
import Store

/// The effective options of one `dsbench dedup` run — the defaults live here and the help text shows them —
/// recorded as `runs.options` (the `active_duplicates` view reads `method` from there).
struct DedupSettings: Encodable {
    static let defaultPermutations = 128
    /// The threshold a method uses when `--threshold` is not given: Jaccard 0.8 (minhash), ROUGE-L F 0.7 (rouge).
    static func defaultThreshold(for method: DuplicateStore.Method) -> Double? {
        switch method {
        case .exact: nil
        case .minhash: 0.8
        case .rouge: 0.7
        }
    }

    var method: DuplicateStore.Method
    /// nil for `exact`.
    var threshold: Double?
    var field: String
    /// MinHash permutations and shingles; nil unless `minhash`.
    var permutations: Int?
    var shingling: Shingling?
    var policy: SurvivorPolicy
    var condition: WhereCondition?

    enum CodingKeys: String, CodingKey {
        case method, threshold, field, shingle, keep
        case permutations = "num_perm"
        case condition = "where"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method.rawValue, forKey: .method)
        try container.encodeIfPresent(threshold, forKey: .threshold)
        try container.encode(field, forKey: .field)
        try container.encodeIfPresent(permutations, forKey: .permutations)
        try container.encodeIfPresent(shingling?.description, forKey: .shingle)
        try container.encode(policy.rawValue, forKey: .keep)
        try container.encodeIfPresent(condition, forKey: .condition)
    }
}
