/// A parsed JSON value that is `Sendable` and keeps integers, doubles and booleans apart,
/// so records survive a round trip through the database and back to a file unchanged.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The string payload, or nil for any other case.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The object payload, or nil for any other case.
    public var objectValue: [String: JSONValue]? {
        if case .object(let fields) = self { return fields }
        return nil
    }

    /// The array payload, or nil for any other case.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The boolean payload; integers 0 and 1 also count (some datasets store flags as numbers).
    public var boolValue: Bool? {
        switch self {
        case .bool(let flag): return flag
        case .int(let number) where number == 0 || number == 1: return number == 1
        default: return nil
        }
    }

    /// True for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A short name of the JSON type, used in error messages ("expected a string, found a number").
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
