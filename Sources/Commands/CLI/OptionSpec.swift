/// One option a command accepts: a flag (`--all`) or an option with a value (`--format <format>`).
public struct OptionSpec: Sendable {
    /// Long name including dashes, e.g. "--format".
    public let long: String
    /// Optional short name including the dash, e.g. "-o".
    public let short: String?
    /// Placeholder shown in help for the value; nil makes this a flag.
    public let valueName: String?
    public let help: String
    /// Shown in help as "(default: …)".
    public let defaultValue: String?
    /// When set, values outside this list are usage errors.
    public let allowedValues: [String]?
    /// Whether the option may be given more than once (values accumulate).
    public let repeatable: Bool

    /// A flag that takes no value.
    public static func flag(_ long: String, short: String? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: nil, help: help, defaultValue: nil, allowedValues: nil,
                   repeatable: false)
    }

    /// An option with a value.
    public static func option(
        _ long: String, short: String? = nil, value: String, help: String, default defaultValue: String? = nil,
        allowed: [String]? = nil, repeatable: Bool = false
    ) -> OptionSpec {
        OptionSpec(long: long, short: short, valueName: value, help: help, defaultValue: defaultValue,
                   allowedValues: allowed, repeatable: repeatable)
    }

    public var isFlag: Bool { valueName == nil }

    /// The key under which the parsed value is stored: the long name without dashes.
    public var key: String { String(long.drop(while: { $0 == "-" })) }
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
    public let name: String
    public let help: String
    public let isOptional: Bool
    public let isVariadic: Bool

    public init(_ name: String, help: String, optional: Bool = false, variadic: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = optional
        self.isVariadic = variadic
    }
}
