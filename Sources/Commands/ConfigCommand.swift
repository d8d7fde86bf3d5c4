import Foundation
import LLM
import Store

/// `dsbench config`: settings kept in the database — model prices for cost accounting and `--max-cost`.
public struct ConfigCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "config",
        abstract: "Show settings, set a model's price (USD per 1M input/output tokens) or the endpoints of a fleet.",
        discussion: """
            'config price MODEL INPUT OUTPUT' stores a price that overrides the built-in defaults (list prices \
            noted when dsbench was written; check your provider). A model matches by exact name or by prefix \
            (gpt-4o-mini-2024-07-18 uses gpt-4o-mini). --batch-discount sets the share taken off for Batch API \
            calls (default 50). 'config endpoints JSON' stores the servers model commands spread their calls \
            over when neither --base-url nor OPENAI_BASE_URL is given: a JSON array of objects with url (required), \
            model, key_env (the name of the variable holding the key; keys are never stored) and weight. \
            'config show' lists settings and the effective prices.
            """,
        arguments: [
            ArgumentSpec("action", help: "show | price | endpoints"),
            ArgumentSpec("values", help: "For price: MODEL INPUT_PER_1M OUTPUT_PER_1M; for endpoints: a JSON array", optional: true, variadic: true),
        ],
        options: [
            .option("--batch-discount", value: "percent", help: "With price: percent off for Batch API calls.", default: "50"),
            .flag("--json", help: "Print JSON."),
        ],
        examples: [
            "dsbench config price qwen-plus 0.4 1.2", "dsbench config price gpt-4o-mini 0.15 0.6 --batch-discount 50",
            #"dsbench config endpoints '[{"url": "http://gpu1:8000/v1"}, {"url": "http://gpu2:8000/v1", "weight": 2}]'"#,
            "dsbench config show",
        ])

    enum Action {
        case show
        case price(model: String, price: ModelPrice)
        case endpoints(json: String)
    }

    let action: Action
    let json: Bool
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        let values = arguments.positionals
        json = arguments.flag("json")
        self.arguments = arguments
        switch values.first {
        case "show":
            guard values.count == 1 else { throw UsageError("'config show' takes no further arguments") }
            action = .show
        case "price":
            guard values.count == 4 else { throw UsageError("usage: dsbench config price MODEL INPUT_PER_1M OUTPUT_PER_1M") }
            guard let input = Double(values[2]), let output = Double(values[3]), input >= 0, output >= 0,
                input.isFinite, output.isFinite
            else {
                throw UsageError("prices must be non-negative numbers (USD per 1M tokens), got '\(values[2])' and '\(values[3])'")
            }
            let discount = try arguments.double("batch-discount", in: 0...100) ?? 50
            action = .price(
                model: values[1],
                price: ModelPrice(inputPerMillion: input, outputPerMillion: output, batchDiscount: discount / 100))
        case "endpoints":
            guard values.count == 2 else { throw UsageError(#"usage: dsbench config endpoints '[{"url": "http://host:8000/v1"}, …]'"#) }
            do {
                _ = try EndpointSpec.list(settingJSON: values[1])
            } catch {
                throw UsageError(error.description)
            }
            action = .endpoints(json: values[1])
        case let other?:
            throw UsageError("unknown config action '\(other)'; expected 'show', 'price' or 'endpoints'")
        case nil:
            throw UsageError("missing action; expected 'show', 'price' or 'endpoints'")
        }
    }

    public func run(context: CommandContext) throws {
        switch action {
        case .endpoints(let json):
            let database = try context.openDatabase()
            let specs = try RunRecorder.record(database, arguments: arguments) { recorder in
                recorder.totals.rowsWritten = 1
                return try EndpointSettings.save(json, to: database)
            }
            context.print("endpoints: \(specs.count) (\(specs.map(\.url).joined(separator: ", ")))")
        case .price(let model, let price):
            let database = try context.openDatabase()
            try RunRecorder.record(database, arguments: arguments) { recorder in
                var overrides = try PriceSettings.overrides(database)
                overrides[model.lowercased()] = price
                try PriceSettings.save(overrides, to: database)
                recorder.totals.rowsWritten = 1
            }
            context.print(
                "price for \(model.lowercased()): $\(Self.number(price.inputPerMillion)) input, $\(Self.number(price.outputPerMillion)) output per 1M tokens, \(Self.number(price.batchDiscount * 100))% off in batches")
        case .show:
            let database = try context.openDatabase(create: false)
            let overrides = try PriceSettings.overrides(database)
            let table = try PriceSettings.load(database)
            let settings = try SettingsStore(database).all()
            if json {
                var prices: [String: Any] = [:]
                for (model, price) in table.prices {
                    prices[model] = ["input_per_1m": price.inputPerMillion, "output_per_1m": price.outputPerMillion,
                                     "batch_discount": price.batchDiscount,
                                     "source": overrides[model] != nil ? "user" : "default"]
                }
                var object: [String: Any] = ["prices": prices]
                var rest: [String: Any] = [:]
                for (key, value) in settings where key != PriceSettings.key {
                    rest[key] = (try? JSONSerialization.jsonObject(with: Data(value.utf8), options: [.fragmentsAllowed])) ?? value
                }
                object["settings"] = rest
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
                context.print(String(decoding: data, as: UTF8.self))
                return
            }
            context.print("Prices (USD per 1M tokens; 'default' = built-in list price, override with 'dsbench config price'):")
            let rows = table.prices.keys.sorted().map { model -> [String] in
                let price = table.prices[model]!
                return [model, Self.number(price.inputPerMillion), Self.number(price.outputPerMillion),
                        Self.number(price.batchDiscount * 100) + "%", overrides[model] != nil ? "user" : "default"]
            }
            context.stdout.write(ResultPrinter.table(columns: ["model", "input", "output", "batch discount", "source"], rows: rows))
            let others = settings.filter { $0.key != PriceSettings.key }
            if !others.isEmpty {
                context.print("")
                context.print("Other settings:")
                for (key, value) in others { context.print("  \(key) = \(value)") }
            }
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(format: "%.2f", value) : String(format: "%g", value)
    }
}
