/// Recognises a dataset's format from the fields of its first record (after `--map`).
public enum FormatDetector {
    /// The format whose signature fields the record has, or nil when none fits.
    public static func detect(_ fields: [String: JSONValue]) -> SourceFormat? {
        if fields["instances"]?.arrayValue != nil, fields["instruction"] != nil { return .selfInstruct }
        if let turns = fields["conversations"]?.arrayValue {
            // Some ShareGPT exports use role/content inside `conversations`; both read as ShareGPT.
            if turns.isEmpty || turns.contains(where: { $0.objectValue?["from"] != nil || $0.objectValue?["role"] != nil }) {
                return .sharegpt
            }
        }
        if fields["messages"]?.arrayValue != nil { return .openai }
        if fields["instruction"] != nil { return .alpaca }
        return nil
    }

    /// The error for a record that matches no format, naming the fields seen and the way out.
    public static func undetectable(_ fields: [String: JSONValue], line: Int) -> FormatError {
        let names = fields.keys.sorted().joined(separator: ", ")
        return FormatError(
            line: line, field: nil,
            reason: "cannot detect the format from fields [\(names)]; use --format or --map (e.g. --map question=instruction,answer=output)")
    }
}
