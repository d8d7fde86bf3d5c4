/// What an `ImportReader` yields for one source record.
public enum ImportItem: Sendable {
    /// The neutral records mapped from one source record (several for a Self-Instruct task).
    case records([NeutralRecord])
    /// A record that could not be read or mapped, with the source text for the `rejects` table.
    case rejected(FormatError, raw: String)
}
