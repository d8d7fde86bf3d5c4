/// Every subcommand, in pipeline order (as `dsbench --help` lists them). Add new commands here.
public enum CommandCatalog {
    public static let all: [any CommandDefinition.Type] = [
        InitCommand.self,
        ImportCommand.self,
        GenerateCommand.self,
        EvolveCommand.self,
        CompleteCommand.self,
        FilterCommand.self,
        DedupCommand.self,
        ScoreCommand.self,
        SimilarCommand.self,
        ExportCommand.self,
        SQLCommand.self,
        StatsCommand.self,
        ShowCommand.self,
        RunsCommand.self,
        ConfigCommand.self,
    ]

    public static func command(named name: String) -> (any CommandDefinition.Type)? {
        all.first { $0.configuration.name == name }
    }
}
