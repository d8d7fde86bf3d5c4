/// What a command declares about itself: its name, help text, options and examples. One per command.
public struct CommandConfiguration: Sendable {
    public let name: String
    /// One line shown in `dsbench --help` and as OVERVIEW.
    public let abstract: String
    /// Longer explanation shown under the overview.
    public let discussion: String?
    public let arguments: [ArgumentSpec]
    /// Command-specific options; `--db` and `--help` are added to every command.
    public let options: [OptionSpec]
    /// At least one complete example command line.
    public let examples: [String]

    public init(
        name: String, abstract: String, discussion: String? = nil, arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], examples: [String]
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
    }

    /// Options every command accepts.
    public static let commonOptions: [OptionSpec] = [
        .option("--db", value: "path", help: "Database file (env DSBENCH_DB).", default: "./dsbench.db"),
        .flag("--help", short: "-h", help: "Show help information."),
    ]

    /// Command options followed by the common ones.
    public var allOptions: [OptionSpec] { options + Self.commonOptions }
}
