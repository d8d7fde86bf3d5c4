/// `--map src=dst,...`: renames source fields before format detection and mapping, so a file with
/// `question`/`answer` columns can be read as Alpaca (`question=instruction,answer=output`).
public struct FieldRenaming: Sendable, Equatable {
    /// Source name → destination name.
    public private(set) var renames: [String: String]

    public init(_ renames: [String: String] = [:]) {
        self.renames = renames
    }

    /// Parses `a=b,c=d`; throws a message naming the bad pair.
    public init(parsing text: String) throws(FormatError) {
        var renames: [String: String] = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw FormatError(line: 0, field: "--map", reason: "expected src=dst, got '\(pair)'")
            }
            guard renames[parts[0]] == nil else {
                throw FormatError(line: 0, field: "--map", reason: "'\(parts[0])' is mapped twice")
            }
            renames[parts[0]] = parts[1]
        }
        self.renames = renames
    }

    /// True when there is nothing to rename.
    public var isEmpty: Bool { renames.isEmpty }

    /// The record with its fields renamed; a renamed field replaces any field already under the new name.
    public func apply(_ fields: [String: JSONValue]) -> [String: JSONValue] {
        guard !renames.isEmpty else { return fields }
        var result: [String: JSONValue] = [:]
        for (key, value) in fields where renames[key] == nil { result[key] = value }
        for (key, value) in fields {
            if let target = renames[key] { result[target] = value }
        }
        return result
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var slice = self[...]
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
