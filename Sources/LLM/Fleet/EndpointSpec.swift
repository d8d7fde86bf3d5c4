import Foundation

/// One server of an endpoint set as the user wrote it: a base URL, optionally the model name it serves, the
/// *name* of the environment variable holding its key (never the key itself), and a routing weight.
///
/// Written as `--base-url URL1,URL2`, `OPENAI_BASE_URL=URL1,URL2`, or the `endpoints` setting, a JSON array
/// such as `[{"url": "http://gpu1:8000/v1", "model": "Qwen/Qwen2.5-7B-Instruct", "key_env": "GPU1_KEY",
/// "weight": 2}]`.
public struct EndpointSpec: Hashable, Sendable {
    /// Base URL ending before `/chat/completions`.
    public var url: String
    /// Model this server answers as; nil uses `--model` / `DSBENCH_MODEL` / the provider default.
    public var model: String?
    /// Environment variable holding this server's API key; nil uses the usual `OPENAI_API_KEY` rules.
    public var keyVariable: String?
    /// Share of traffic relative to the others (> 0); least-outstanding routing divides by it.
    public var weight: Double

    public init(url: String, model: String? = nil, keyVariable: String? = nil, weight: Double = 1) {
        self.url = url
        self.model = model
        self.keyVariable = keyVariable
        self.weight = weight
    }

    /// Splits a comma-separated URL list (`--base-url`, `OPENAI_BASE_URL`); empty items are dropped.
    public static func list(commaSeparated text: String) -> [EndpointSpec] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { EndpointSpec(url: $0) }
    }

    /// Parses the `endpoints` setting: a JSON array of objects with `url` (required), `model`, `key_env` and
    /// `weight`. Errors name the entry (1-based) and the field.
    public static func list(settingJSON json: String) throws(EndpointSetError) -> [EndpointSpec] {
        guard let array = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [Any] else {
            throw .badSetting(entry: nil, field: nil, "expected a JSON array of {\"url\": …} objects")
        }
        var specs: [EndpointSpec] = []
        for (offset, item) in array.enumerated() {
            let entry = offset + 1
            guard let object = item as? [String: Any] else {
                throw .badSetting(entry: entry, field: nil, "expected an object")
            }
            let known: Set<String> = ["url", "model", "key_env", "weight"]
            if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
                throw .badSetting(entry: entry, field: unknown, "unknown field; expected url, model, key_env, weight")
            }
            guard let url = object["url"] as? String, !url.isEmpty else {
                throw .badSetting(entry: entry, field: "url", "required, a base URL such as http://localhost:8000/v1")
            }
            var spec = EndpointSpec(url: url)
            if let value = object["model"] {
                guard let model = value as? String, !model.isEmpty else {
                    throw .badSetting(entry: entry, field: "model", "must be a non-empty string")
                }
                spec.model = model
            }
            if let value = object["key_env"] {
                guard let name = value as? String, isVariableName(name) else {
                    throw .badSetting(entry: entry, field: "key_env", "must name an environment variable, e.g. GPU1_KEY")
                }
                spec.keyVariable = name
            }
            if let value = object["weight"] {
                guard let number = value as? NSNumber, !(value is Bool), number.doubleValue > 0,
                    number.doubleValue.isFinite
                else {
                    throw .badSetting(entry: entry, field: "weight", "must be a positive number")
                }
                spec.weight = number.doubleValue
            }
            specs.append(spec)
        }
        guard !specs.isEmpty else { throw .badSetting(entry: nil, field: nil, "the array is empty") }
        return specs
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`: a variable name, so a key pasted by mistake is refused rather than stored.
    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
