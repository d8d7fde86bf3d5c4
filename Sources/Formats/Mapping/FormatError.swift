/// A problem with one input record: the line it starts on, the field at fault (nil when the record as a
/// whole is bad) and a lowercase reason. Commands print it as `file:line: field: reason`.
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based; 0 when the problem is not at a line (the file cannot be opened, a bad `--map`).
    public var line: Int
    public var field: String?
    public var reason: String

    public init(line: Int, field: String?, reason: String) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    /// `line: field: reason`, without the file name (the caller knows it).
    public var description: String {
        if let field { return "\(line): \(field): \(reason)" }
        return "\(line): \(reason)"
    }
}
