/// Every subcommand, in pipeline order (as `dsbench --help` lists them). Add new commands here.
public enum CommandCatalog {
    /// Computed, so no global array of metatypes needs to be Sendable.
    public static var all: [any CommandDefinition.Type] {
        [
            InitCommand.self,
            ImportCommand.self,
            GenerateCommand.self,
            EvolveCommand.self,
            CompleteCommand.self,
            FilterCommand.self,
            DedupCommand.self,
            ScoreCommand.self,
            PreferencesCommand.self,
            SimilarCommand.self,
            ExportCommand.self,
            ValidateCommand.self,
            ReportCommand.self,
            ReviewCommand.self,
            SQLCommand.self,
            StatsCommand.self,
            ShowCommand.self,
            RunsCommand.self,
            BatchCommand.self,
            ConfigCommand.self,
        ]
    }

    public static func command(named name: String) -> (any CommandDefinition.Type)? {
        all.first { $0.configuration.name == name }
    }
}
