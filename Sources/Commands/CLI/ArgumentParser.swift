/// Parses one subcommand's arguments against its configuration.
///
/// Accepts `--name value`, `--name=value`, `-x value`, flags, `--` to end options, and `-` as a positional
/// (stdin). Unknown options and values outside an allowed list are usage errors naming the option.
public struct ArgumentParser {
    public let configuration: CommandConfiguration

    public init(configuration: CommandConfiguration) { self.configuration = configuration }

    public func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments(commandName: configuration.name)
        let options = configuration.allOptions
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") || isNegativeNumber(argument) {
                result.add(positional: argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let spec = options.first(where: { $0.long == name || $0.short == name }) else {
                throw UsageError("unknown option '\(name)'\(suggestion(for: name, in: options))")
            }
            if spec.isFlag {
                if inlineValue != nil { throw UsageError("\(spec.long) does not take a value") }
                result.add(flag: spec.key)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw UsageError("missing value for '\(spec.long) <\(spec.valueName ?? "value")>'")
                }
                value = arguments[index]
                index += 1
            }
            if let allowed = spec.allowedValues, !allowed.contains(value) {
                throw UsageError(
                    "invalid value '\(value)' for \(spec.long); expected one of: \(allowed.joined(separator: ", "))")
            }
            if !spec.repeatable, result.string(spec.key) != nil {
                throw UsageError("\(spec.long) was given more than once")
            }
            result.add(value: value, for: spec.key)
        }
        if result.flag("help") { return result }
        try checkPositionals(result.positionals)
        return result
    }

    private func checkPositionals(_ positionals: [String]) throws(UsageError) {
        let specs = configuration.arguments
        let required = specs.filter { !$0.isOptional }.count
        if positionals.count < required {
            let missing = specs.filter { !$0.isOptional }[positionals.count]
            throw UsageError("missing expected argument '<\(missing.name)>'")
        }
        if !(specs.last?.isVariadic ?? false), positionals.count > specs.count {
            throw UsageError("unexpected argument '\(positionals[specs.count])'")
        }
    }

    private func isNegativeNumber(_ argument: String) -> Bool {
        argument.count > 1 && Double(argument) != nil
    }

    private func suggestion(for name: String, in options: [OptionSpec]) -> String {
        let close = options.map(\.long).min { editDistance($0, name) < editDistance($1, name) }
        guard let close, editDistance(close, name) <= 3 else { return "" }
        return "; did you mean '\(close)'?"
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1,
                                       previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
