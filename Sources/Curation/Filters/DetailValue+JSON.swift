import JSONWriting

extension DetailValue {
    /// A detail dictionary as compact JSON with sorted keys, or nil when empty. Integral doubles are written
    /// without a fraction. Hand-written because it runs once per stored verdict or score (a million times in a
    /// large run) and JSONEncoder dominated the time.
    public static func json(_ detail: [String: DetailValue]) -> String? {
        if detail.isEmpty { return nil }
        var out = "{"
        out.reserveCapacity(24 * detail.count)
        var first = true
        for (key, value) in detail.sorted(by: { $0.key < $1.key }) {
            if !first { out += "," }
            first = false
            // Keys are identifiers ("units", "repeated_ngram_fraction"): written as they are when nothing in
            // them needs escaping, which is what JSONString would write too.
            if key.utf8.allSatisfy(isPlainKeyByte) {
                out += "\""
                out += key
                out += "\":"
            } else {
                JSONString.append(key, to: &out)
                out += ":"
            }
            switch value {
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

    /// ASCII letters, digits, '_', '-' and '.': bytes a JSON string literal holds unescaped.
    @inline(__always) private static func isPlainKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x2E
    }
}
