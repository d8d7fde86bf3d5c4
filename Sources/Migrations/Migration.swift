/// A named, ordered change to the schema. Its SQL runs in one transaction together with its bookkeeping row.
public struct Migration: Sendable {
    public let name: String
    public let sql: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }

    /// Every migration this binary knows, in order. The database's version is the number applied.
    public static let all: [Migration] = [coreSchema]
}
