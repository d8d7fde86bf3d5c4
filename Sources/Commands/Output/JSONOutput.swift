import Foundation

/// Renders a command's `Encodable` summary as one JSON line with sorted keys — the single way `--json`
/// output is produced, so every command's keys are stable and escaping is Foundation's.
enum JSONOutput {
    static func line<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
