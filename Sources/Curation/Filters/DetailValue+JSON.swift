import JSONWriting

extension DetailValue {
    /// A detail dictionary as compact JSON with sorted keys, or nil when empty. Integral doubles are written
    /// without a fraction. Hand-written because it runs once per stored verdict or score (a million times in a
    /// large run) and JSONEncoder dominated the time.
    public static func json(_ detail: [String: DetailValue]) -> String? {
        if detail.isEmpty { return nil }
        var out = "{"
        for (n, key) in detail.keys.sorted().enumerated() {
            if n > 0 { out += "," }
            JSONString.append(key, to: &out)
            out += ":"
            switch detail[key]! {
            case .string(let v): JSONString.append(v, to: &out)
            case .int(let v): out += String(v)
            case .double(let v): out += v.isFinite ? (v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)) : "null"
            case .bool(let v): out += v ? "true" : "false"
            case .strings(let list):
                out += "["
                for (i, item) in list.enumerated() {
                    if i > 0 { out += "," }
                    JSONString.append(item, to: &out)
                }
                out += "]"
            }
        }
        return out + "}"
    }
}
