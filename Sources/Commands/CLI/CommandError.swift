/// A failure while running a command. Data errors name file, line and field; every case exits 1.
public enum CommandError: Error, CustomStringConvertible, Equatable {
    /// bad input data at a place in a file; line 0 means the file as a whole (it cannot be opened or read)
    case data(file: String, line: Int, field: String?, reason: String)
    /// any other failure, with a message for the user
    case failed(String)
    /// the user pressed Ctrl-C; work so far was committed or rolled back cleanly
    case interrupted

    public var description: String {
        switch self {
        case let .data(file, line, field, reason):
            let place = line > 0 ? "\(file):\(line)" : file
            if let field { return "\(place): \(field): \(reason)" }
            return "\(place): \(reason)"
        case let .failed(message): return message
        case .interrupted: return "interrupted"
        }
    }
}
