import Foundation

/// How one Evol-Instruct step changes an instruction.
///
/// The five in-depth strategies make the instruction harder while keeping its task; `breadth` writes a new,
/// rarer instruction in the same domain. Raw values are what the command line and the `strategy` column use.
public enum EvolutionStrategy: String, Sendable, CaseIterable, Codable, Comparable {
    /// Add one more constraint or requirement.
    case constraints
    /// Ask for more depth and breadth on the questions the instruction raises.
    case deepen
    /// Replace general concepts with more specific ones.
    case concretize
    /// Turn a few-step task into one that explicitly asks for multi-step reasoning.
    case reasoning
    /// Add a piece of structured input (table, code, JSON, formula) the task must work on.
    case complicateInput = "complicate-input"
    /// In-breadth evolution: a new, less common instruction in the same domain.
    case breadth

    /// True for the strategies that rewrite the given instruction into a harder one.
    public var isInDepth: Bool { self != .breadth }

    /// Parses a comma-separated list such as `deepen,breadth`; `all` selects every strategy.
    /// Returns nil and the offending name when a name is unknown.
    public static func parseList(_ text: String) -> Result<[EvolutionStrategy], UnknownStrategy> {
        var result: [EvolutionStrategy] = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            if name == "all" {
                result.append(contentsOf: allCases)
                continue
            }
            let alias = name == "complicate_input" || name == "input" ? "complicate-input" : name
            guard let strategy = EvolutionStrategy(rawValue: alias) else {
                return .failure(UnknownStrategy(name: String(part)))
            }
            result.append(strategy)
        }
        var seen = Set<EvolutionStrategy>()
        return .success(result.filter { seen.insert($0).inserted })
    }

    public static func < (lhs: EvolutionStrategy, rhs: EvolutionStrategy) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A strategy name on the command line that is not one of `EvolutionStrategy`'s raw values.
public struct UnknownStrategy: Error, Sendable, Equatable {
    /// The name as the user wrote it.
    public var name: String
}
