/// The options of `import --as documents`, validated: chunk size and overlap in estimated tokens, the file
/// name pattern for directories, and the JSON field holding the text.
struct DocumentOptions {
    let chunkTokens: Int
    let overlap: Int
    let glob: String?
    let textField: String?

    init(arguments: ParsedArguments) throws(UsageError) {
        chunkTokens = try arguments.int("chunk-tokens", minimum: 16) ?? 512
        overlap = try arguments.int("overlap", minimum: 0) ?? 64
        guard overlap * 2 <= chunkTokens else {
            throw UsageError("--overlap \(overlap) must be at most half of --chunk-tokens \(chunkTokens)")
        }
        glob = arguments.string("glob")
        if let map = arguments.string("map") {
            // `body` or `body=text`: the field that holds the document's text.
            let parts = map.split(separator: "=", maxSplits: 1).map(String.init)
            guard let field = parts.first, !field.isEmpty, parts.count == 1 || parts[1] == "text" else {
                throw UsageError("--map with --as documents names the text field: FIELD or FIELD=text, got '\(map)'")
            }
            textField = field
        } else {
            textField = nil
        }
    }
}
