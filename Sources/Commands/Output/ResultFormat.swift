/// How query results are printed: an aligned table for people, JSON/NDJSON/CSV for programs.
public enum ResultFormat: String, Sendable, CaseIterable {
    case table, json, nl, csv
}
