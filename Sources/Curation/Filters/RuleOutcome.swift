import Foundation

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

    /// The detail dictionary as compact JSON with sorted keys, or nil when empty (see `DetailValue.json`).
    public var detailJSON: String? { DetailValue.json(detail) }
}
