/// Every subcommand, in the order `dsbench --help` lists them. Add new commands here.
public enum CommandCatalog {
    public static let all: [any CommandDefinition.Type] = [
        InitCommand.self,
        SQLCommand.self,
        StatsCommand.self,
        ShowCommand.self,
        RunsCommand.self,
        ImportCommand.self,
        ExportCommand.self,
        EvolveCommand.self,
        FilterCommand.self,
        DedupCommand.self,
        ScoreCommand.self,
        SimilarCommand.self,
        GenerateCommand.self,
        CompleteCommand.self,
        ConfigCommand.self,
    ]

    public static func command(named name: String) -> (any CommandDefinition.Type)? {
        all.first { $0.configuration.name == name }
    }
}
