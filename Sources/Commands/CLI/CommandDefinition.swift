/// A subcommand: declared once by its configuration, validated from parsed arguments, then run.
///
/// `init(arguments:)` is the validate step: it turns strings into typed values and throws `UsageError` for
/// bad or conflicting options (exit 64) before anything touches the database. `run` does the work.
public protocol CommandDefinition {
    static var configuration: CommandConfiguration { get }
    init(arguments: ParsedArguments) throws(UsageError)
    func run(context: CommandContext) throws
}
