import Foundation

/// Reads instances from an instance-generation answer. Input-first answers are `Input:`/`Output:` pairs
/// (optionally under `Example N` headings); output-first answers are `Class label:`/`Input:` pairs. Chinese
/// labels (`输入：`, `输出：`, `类别标签：`, `示例 N`) work the same. Parsing stops if the model starts a new `Task:`.
public enum InstanceParser {
    enum Field { case input, output, label }

    static let labels: [(String, Field)] = [
        ("class label", .label), ("label", .label), ("类别标签", .label), ("类别", .label), ("标签", .label),
        ("input", .input), ("输入", .input), ("output", .output), ("输出", .output),
    ]

    /// Inputs that mean "no input".
    static let emptyInputs: Set<String> = ["<none>", "none", "(none)", "<无>", "无", "（无）", "n/a", "null", "empty", "空", "<empty>"]

    public static func instances(in text: String, outputFirst: Bool, finishReason: String? = nil) -> [TaskInstance] {
        var records: [[Field: [String]]] = []
        var current: [Field: [String]] = [:]
        var field: Field?

        func finish() {
            if !current.isEmpty { records.append(current) }
            current = [:]
            field = nil
        }

        lines: for rawLine in text.components(separatedBy: .newlines) {
            let line = rawLine.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: "")
            let lowered = line.lowercased()
            if lowered.hasPrefix("task:") || line.hasPrefix("任务：") || line.hasPrefix("任务:") { break lines }
            if isExampleHeading(lowered) {
                finish()
                continue
            }
            for (label, kind) in labels where lowered.hasPrefix(label) {
                let rest = line.dropFirst(label.count).drop { $0 == " " }
                guard let mark = rest.first, ":：".contains(mark) else { continue }
                let startsRecord = outputFirst ? kind == .label : kind == .input
                if current[kind] != nil || (startsRecord && !current.isEmpty) { finish() }
                field = kind
                current[kind] = [String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)]
                continue lines
            }
            if let field { current[field, default: []].append(line) }
        }
        finish()

        var result: [TaskInstance] = []
        for record in records {
            let join: (Field) -> String? = { record[$0].map { $0.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) } }
            var input = join(.input) ?? ""
            if emptyInputs.contains(input.lowercased()) { input = "" }
            let output = outputFirst ? join(.label) : join(.output)
            guard let output else { continue }
            result.append(TaskInstance(input: input, output: output))
        }
        if finishReason == "length", !result.isEmpty { result.removeLast() }
        return result
    }

    /// `Example 1`, `Example 2:`, `示例 1`, `示例1：`, `例 3`.
    static func isExampleHeading(_ lowered: String) -> Bool {
        for prefix in ["example", "示例", "例"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count).drop { $0 == " " }
            let digits = rest.prefix { $0.isNumber }
            if digits.isEmpty { continue }
            let tail = rest.dropFirst(digits.count).trimmingCharacters(in: CharacterSet(charactersIn: " :：.、)）"))
            if tail.isEmpty { return true }
        }
        return false
    }
}
