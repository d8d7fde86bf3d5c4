import Foundation
import LLM
import Store

/// User price overrides stored in `settings` under `prices` as
/// `{"model": {"input_per_1m": x, "output_per_1m": y, "batch_discount": 0.5}}` (discount optional, default 0.5),
/// layered over the built-in defaults.
enum PriceSettings {
    static let key = "prices"

    static func load(_ database: Database) throws -> PriceTable {
        var table = PriceTable()
        for (model, price) in try overrides(database) { table.set(price, for: model) }
        return table
    }

    static func overrides(_ database: Database) throws -> [String: ModelPrice] {
        guard let json = try SettingsStore(database).json(key),
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        else { return [:] }
        var result: [String: ModelPrice] = [:]
        for (model, value) in object {
            guard let entry = value as? [String: Any], let input = (entry["input_per_1m"] as? NSNumber)?.doubleValue,
                let output = (entry["output_per_1m"] as? NSNumber)?.doubleValue
            else { continue }
            let discount = (entry["batch_discount"] as? NSNumber)?.doubleValue ?? ModelPrice.defaultBatchDiscount
            result[model] = ModelPrice(inputPerMillion: input, outputPerMillion: output, batchDiscount: discount)
        }
        return result
    }

    static func save(_ overrides: [String: ModelPrice], to database: Database) throws {
        var object: [String: Any] = [:]
        for (model, price) in overrides {
            object[model] = [
                "input_per_1m": price.inputPerMillion, "output_per_1m": price.outputPerMillion,
                "batch_discount": price.batchDiscount,
            ]
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        try SettingsStore(database).setJSON(key, String(decoding: data, as: UTF8.self))
    }
}
