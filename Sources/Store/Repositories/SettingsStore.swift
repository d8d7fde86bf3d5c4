/// Key/value settings stored as JSON text (e.g. `prices`).
public struct SettingsStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// The JSON text stored under `key`, if any.
    public func json(_ key: String) throws -> String? {
        try database.scalar("SELECT value FROM settings WHERE key = ?", [.text(key)]).stringValue
    }

    /// Stores JSON text under `key`, replacing what was there.
    public func setJSON(_ key: String, _ json: String) throws {
        try database.execute(
            """
            INSERT INTO settings (key, value) VALUES (?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            """,
            [.text(key), .text(json)])
    }

    /// Every setting, ordered by key.
    public func all() throws -> [(key: String, json: String)] {
        try database.query("SELECT key, value FROM settings ORDER BY key").map { ($0.string("key"), $0.string("value")) }
    }
}
