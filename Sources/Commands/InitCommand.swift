import Migrations
import Store

/// `dsbench init`: creates the database or migrates it to this binary's schema; a no-op when up to date.
public struct InitCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "init",
        abstract: "Create the database, or migrate it to the current schema.",
        discussion: "Safe to run at any time: an up-to-date database is left untouched. Every other command "
            + "also migrates the database it opens, so init is only needed to create an empty one.",
        examples: ["dsbench init", "dsbench init --db data/zh.db"])

    public init(arguments: ParsedArguments) throws(UsageError) {}

    public func run(context: CommandContext) throws {
        let path = context.databasePath
        let database = try Database(path: path)
        let migrator = Migrator()
        let applied = try migrator.migrate(database)
        let version = try migrator.version(of: database)
        if applied.isEmpty {
            context.print("\(path) is up to date (schema version \(version)).")
        } else {
            context.print("\(path): applied \(applied.joined(separator: ", ")) (schema version \(version)).")
        }
    }
}
