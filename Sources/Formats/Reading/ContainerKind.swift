/// How records are laid out in the bytes, independent of what the records mean.
public enum ContainerKind: Sendable, Equatable {
    /// `[ {...}, {...} ]`
    case jsonArray
    /// One JSON object per line.
    case jsonLines
    /// Delimited text with a header row.
    case csv(delimiter: UInt8)
    /// One record per non-blank line.
    case text

    /// Picks the container from the explicit format, the first significant byte and the file extension (`--format
    /// text` reads any file as lines of text).
    static func choose(format: SourceFormat?, firstByte: UInt8?, path: String) -> ContainerKind {
        let lowered = path.lowercased()
        let delimiter: UInt8 = lowered.hasSuffix(".tsv") ? 0x09 : 0x2C
        switch format {
        case .csv: return .csv(delimiter: delimiter)
        case .text: return .text
        default: break
        }
        if firstByte == UInt8(ascii: "[") { return .jsonArray }
        if firstByte == UInt8(ascii: "{") { return .jsonLines }
        if lowered.hasSuffix(".csv") || lowered.hasSuffix(".tsv") { return .csv(delimiter: delimiter) }
        // A file named .json/.jsonl is JSON whatever its first byte: read as text, a stray first line would turn
        // every JSON record after it into an instruction holding the record's source text.
        if lowered.hasSuffix(".json") || lowered.hasSuffix(".jsonl") { return .jsonLines }
        return .text
    }
}
