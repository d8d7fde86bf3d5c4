/// A failure while running a command. Data errors name file, line and field; every case exits 1.
public enum CommandError: Error, CustomStringConvertible, Equatable {
    /// bad input data at a place in a file
    case data(file: String, line: Int, field: String?, reason: String)
    /// any other failure, with a message for the user
    case failed(String)
    /// the user pressed Ctrl-C; work so far was committed or rolled back cleanly
    case interrupted

    public var description: String {
        switch self {
        case let .data(file, line, field, reason):
            if let field { return "\(file):\(line): \(field): \(reason)" }
            return "\(file):\(line): \(reason)"
        case let .failed(message): return message
        case .interrupted: return "interrupted"
        }
    }
}
