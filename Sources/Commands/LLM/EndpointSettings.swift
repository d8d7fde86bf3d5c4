import LLM
import Store

/// The `endpoints` setting: a JSON array of `{"url", "model", "key_env", "weight"}` objects naming the servers
/// of a fleet (keys are never stored, only the names of the variables holding them). Set it with
/// `dsbench config endpoints '[…]'`; `--base-url` and `OPENAI_BASE_URL` win over it.
enum EndpointSettings {
    static let key = "endpoints"

    /// The stored endpoints, or nil when none are set. A malformed value is a data error naming the setting,
    /// entry and field.
    static func load(_ database: Database) throws -> [EndpointSpec]? {
        guard let json = try SettingsStore(database).json(key) else { return nil }
        return try EndpointSpec.list(settingJSON: json)
    }

    /// Validates and stores `json`.
    static func save(_ json: String, to database: Database) throws -> [EndpointSpec] {
        let specs = try EndpointSpec.list(settingJSON: json)
        try SettingsStore(database).setJSON(key, json)
        return specs
    }
}
