import Foundation
import JSONWriting

/// The verdict of one rule on one subject: passed or not, a one-line reason when it failed,
/// and measurements that explain the decision (stored as JSON).
public struct RuleOutcome: Sendable, Equatable {
    public var passed: Bool
    public var reason: String?
    public var detail: [String: DetailValue]

    public init(passed: Bool, reason: String? = nil, detail: [String: DetailValue] = [:]) {
        self.passed = passed
        self.reason = reason
        self.detail = detail
    }

    /// A pass, with optional measurements.
    public static func pass(_ detail: [String: DetailValue] = [:]) -> RuleOutcome {
        RuleOutcome(passed: true, detail: detail)
    }

    /// A failure with its reason.
    public static func fail(_ reason: String, _ detail: [String: DetailValue] = [:]) -> RuleOutcome {
        RuleOutcome(passed: false, reason: reason, detail: detail)
    }

    /// The detail dictionary as compact JSON with sorted keys, or nil when empty. Hand-written because it
    /// runs once per verdict (hundreds of thousands per filter run) and JSONEncoder dominated the time.
    public var detailJSON: String? {
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
