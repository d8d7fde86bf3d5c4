/// What `generate --from documents` asks for per chunk: question–answer pairs (`qa`), or questions only
/// (`instructions`, answered later by `complete` with the chunk in the prompt).
public enum DocumentQAStyle: String, Sendable, CaseIterable, Codable {
    case qa
    case instructions
}
