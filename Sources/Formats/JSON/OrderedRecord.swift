/// A JSON object whose top-level keys keep the order a writer chose (instruction, input, output first),
/// so exported files read naturally; nested objects are ordered by `JSONTextWriter.orderedKeys`.
public struct OrderedRecord: Sendable, Equatable {
    /// Key/value pairs in output order.
    public var fields: [Field]

    /// One key/value pair.
    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public init(fields: [Field] = []) {
        self.fields = fields
    }

    /// Appends a field unless the key is already present (first writer wins).
    public mutating func append(_ key: String, _ value: JSONValue) {
        guard !fields.contains(where: { $0.key == key }) else { return }
        fields.append(Field(key: key, value: value))
    }

    /// The keys in order.
    public var keys: [String] { fields.map(\.key) }

    /// The same record as an unordered JSON object (for comparisons).
    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = [:]
        for field in fields { object[field.key] = field.value }
        return .object(object)
    }
}
