import Foundation

/// The closing line of a model-calling command, as text or JSON (`--json`), printed in every mode.
struct RunSummary {
    var command: String
    var fields: [(String, Any)] = []

    init(command: String) { self.command = command }

    mutating func add(_ key: String, _ value: Any) { fields.append((key, value)) }

    func text(_ phrase: String) -> String { "\(command): \(phrase)" }

    func json() -> String {
        var object: [String: Any] = ["command": command]
        for (key, value) in fields { object[key] = value }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// "12,345 tokens, $0.0123" style money/tokens text.
    static func money(_ value: Double) -> String { String(format: "$%.4f", value) }
}
