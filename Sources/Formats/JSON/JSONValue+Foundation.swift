import Foundation

extension JSONValue {
    /// The class Foundation uses for JSON `true`/`false`; `NSNumber` alone cannot tell `1` from `true`.
    private static let booleanClass = ObjectIdentifier(type(of: NSNumber(value: true)))

    /// Parses one JSON text (any value, not only containers) with `JSONSerialization`.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        let object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        return JSONValue(foundation: object)
    }

    /// Parses a JSON text given as a Swift string.
    public static func parse(_ text: String) throws -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Converts the `Any` tree produced by `JSONSerialization` into a typed value.
    public init(foundation object: Any) {
        switch object {
        case let text as String:
            self = .string(text)
        case let number as NSNumber:
            if ObjectIdentifier(type(of: number)) == JSONValue.booleanClass {
                self = .bool(number.boolValue)
                return
            }
            let kind = String(cString: number.objCType)
            if kind == "d" || kind == "f" {
                self = .double(number.doubleValue)
            } else if kind == "Q", number.uint64Value > UInt64(Int64.max) {
                self = .double(number.doubleValue)
            } else {
                self = .int(number.int64Value)
            }
        case let items as [Any]:
            self = .array(items.map { JSONValue(foundation: $0) })
        case let fields as [String: Any]:
            var converted: [String: JSONValue] = [:]
            converted.reserveCapacity(fields.count)
            for (key, value) in fields { converted[key] = JSONValue(foundation: value) }
            self = .object(converted)
        default:
            self = .null
        }
    }
}
