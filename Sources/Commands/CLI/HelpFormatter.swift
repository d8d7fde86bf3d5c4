/// Renders help in the shape users know from swift-argument-parser: OVERVIEW, USAGE, ARGUMENTS, OPTIONS,
/// EXAMPLES.
public enum HelpFormatter {
    public static func usageLine(_ configuration: CommandConfiguration) -> String {
        var parts = ["dsbench", configuration.name]
        for argument in configuration.arguments {
            var text = "<\(argument.name)>"
            if argument.isVariadic { text += " ..." }
            parts.append(argument.isOptional ? "[\(text)]" : text)
        }
        parts.append("[<options>]")
        return parts.joined(separator: " ")
    }

    public static func help(_ configuration: CommandConfiguration) -> String {
        var out = "OVERVIEW: \(configuration.abstract)\n"
        if let discussion = configuration.discussion { out += "\n\(discussion)\n" }
        out += "\nUSAGE: \(usageLine(configuration))\n"
        if !configuration.arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for argument in configuration.arguments {
                out += row("<\(argument.name)>", argument.help)
            }
        }
        out += "\nOPTIONS:\n"
        for option in configuration.allOptions {
            var label = option.short.map { "\($0), " } ?? ""
            label += option.long
            if let value = option.valueName { label += " <\(value)>" }
            var text = option.help
            if let allowed = option.allowedValues { text += " (values: \(allowed.joined(separator: ", ")))" }
            if let value = option.defaultValue { text += " (default: \(value))" }
            out += row(label, text)
        }
        out += "\nEXAMPLES:\n"
        for example in configuration.examples { out += "  \(example)\n" }
        return out
    }

    public static func overview(_ commands: [CommandConfiguration]) -> String {
        var out = """
            OVERVIEW: dsbench — build instruction-tuning datasets in one SQLite file: seeds, generated and evolved
            instructions, answers, filter verdicts, scores, duplicates, every LLM call, and provenance.

            USAGE: dsbench <subcommand> [<options>]

            SUBCOMMANDS:

            """
        for command in commands { out += row(command.name, command.abstract) }
        out += """

            EXAMPLES:
              dsbench import examples/seed_tasks.jsonl
              dsbench evolve --rounds 2 --backend rules
              dsbench export --format alpaca -o train.jsonl

            See 'dsbench <subcommand> --help' for detailed help.

            """
        return out
    }

    /// A two-column help row; long labels push the text to the next line.
    static func row(_ label: String, _ text: String) -> String {
        let width = 26
        let padded = "  " + label
        if padded.count < width {
            return padded + String(repeating: " ", count: width - padded.count) + text + "\n"
        }
        return padded + "\n" + String(repeating: " ", count: width) + text + "\n"
    }
}
