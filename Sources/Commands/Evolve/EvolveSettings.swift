import Foundation
import Synthesis

/// The validated options of one `dsbench evolve` invocation.
struct EvolveSettings: Sendable, Encodable {
    /// Defaults, used by both the help text and the parser.
    static let defaultRounds = 1
    static let defaultPerInstruction = 1

    var rounds: Int
    /// Strategy names: Evol-Instruct names for the llm backend, `rules:<kind>` for the rules backend.
    var strategies: [String]
    var condition: WhereCondition?
    var perInstruction: Int
    var seed: UInt64
    var complete: Bool
    var gainCheck: Bool
    var backend: EvolveBackend
    var json: Bool

    /// `runs.options` keys; `seed` is the shared model option's and `json` only shapes the output.
    enum CodingKeys: String, CodingKey {
        case rounds, strategies, complete, backend
        case condition = "where"
        case perInstruction = "per_instruction"
        case gainCheck = "gain_check"
    }

    /// The default strategy set of a backend.
    static func defaultStrategies(for backend: EvolveBackend) -> [String] {
        switch backend {
        case .llm: EvolutionStrategy.allCases.map(\.rawValue)
        case .rules: RuleAugmentation.allCases.map(\.strategyName)
        }
    }

    /// Parses `--strategies` for a backend, naming the first unknown strategy.
    static func parseStrategies(_ text: String, backend: EvolveBackend) throws(UsageError) -> [String] {
        switch backend {
        case .llm:
            switch EvolutionStrategy.parseList(text) {
            case .success(let list) where !list.isEmpty: return list.map(\.rawValue)
            case .success: throw UsageError("--strategies is empty")
            case .failure(let unknown):
                let known = EvolutionStrategy.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError("unknown strategy '\(unknown.name)' for --backend llm (known: \(known))")
            }
        case .rules:
            var result: [String] = []
            for part in text.split(separator: ",") {
                let name = part.trimmingCharacters(in: .whitespaces)
                if name.isEmpty { continue }
                if name == "all" {
                    result += RuleAugmentation.allCases.map(\.strategyName)
                } else if let kind = RuleAugmentation(strategyName: name) {
                    result.append(kind.strategyName)
                } else {
                    let known = RuleAugmentation.allCases.map(\.rawValue).joined(separator: ", ")
                    throw UsageError("unknown strategy '\(name)' for --backend rules (known: \(known))")
                }
            }
            var seen = Set<String>()
            result = result.filter { seen.insert($0).inserted }
            if result.isEmpty { throw UsageError("--strategies is empty") }
            return result
        }
    }
}
