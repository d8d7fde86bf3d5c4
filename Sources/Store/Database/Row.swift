/// One result row, detached from its statement. Columns are read by name: `row.string("instruction")`.
public struct Row: Sendable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(_ name: String) -> SQLValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }

    public subscript(_ index: Int) -> SQLValue { values[index] }

    /// The value of a column that must be in the row. Use it where a view's column is read: if the view no
    /// longer has the column, this fails loudly (naming the column and those present) instead of reading NULL.
    public func checked(_ name: String) throws(DatabaseError) -> SQLValue {
        guard let index = columns.firstIndex(of: name) else {
            throw DatabaseError(
                code: 1, message: "no column '\(name)' in the result; it has \(columns.joined(separator: ", "))")
        }
        return values[index]
    }

    /// Text of a column; NULL reads as "".
    public func string(_ name: String) -> String { self[name].stringValue ?? "" }
    public func optionalString(_ name: String) -> String? { self[name].stringValue }
    /// Integer of a column; NULL reads as 0.
    public func int(_ name: String) -> Int { Int(self[name].intValue ?? 0) }
    public func int64(_ name: String) -> Int64 { self[name].intValue ?? 0 }
    public func optionalInt(_ name: String) -> Int? { self[name].intValue.map { Int($0) } }
    public func optionalInt64(_ name: String) -> Int64? { self[name].intValue }
    /// Real of a column; NULL reads as 0.
    public func double(_ name: String) -> Double { self[name].doubleValue ?? 0 }
    public func optionalDouble(_ name: String) -> Double? { self[name].doubleValue }
    public func bool(_ name: String) -> Bool { (self[name].intValue ?? 0) != 0 }
    public func optionalBool(_ name: String) -> Bool? { self[name].intValue.map { $0 != 0 } }
    /// Bytes of a BLOB column; anything else reads as empty.
    public func blob(_ name: String) -> [UInt8] {
        if case .blob(let bytes) = self[name] { return bytes }
        return []
    }
}
