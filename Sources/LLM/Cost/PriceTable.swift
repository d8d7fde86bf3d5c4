/// Prices per model. The built-in defaults are list prices noted when this table was written and will drift:
/// users override them (`dsbench config price MODEL IN OUT`), and overrides win over defaults.
public struct PriceTable: Hashable, Sendable {
    public private(set) var prices: [String: ModelPrice]
    /// Models whose price came from the built-in defaults rather than the user.
    public private(set) var defaultedModels: Set<String>

    public init(prices: [String: ModelPrice] = [:], includeDefaults: Bool = true) {
        self.prices = includeDefaults ? Self.defaults : [:]
        self.defaultedModels = includeDefaults ? Set(Self.defaults.keys) : []
        for (model, price) in prices { set(price, for: model) }
    }

    /// Built-in defaults (USD per 1M tokens, input / output).
    public static let defaults: [String: ModelPrice] = [
        "gpt-4o": ModelPrice(inputPerMillion: 2.50, outputPerMillion: 10.00),
        "gpt-4o-mini": ModelPrice(inputPerMillion: 0.15, outputPerMillion: 0.60),
        "gpt-4.1": ModelPrice(inputPerMillion: 2.00, outputPerMillion: 8.00),
        "gpt-4.1-mini": ModelPrice(inputPerMillion: 0.40, outputPerMillion: 1.60),
        "gpt-4.1-nano": ModelPrice(inputPerMillion: 0.10, outputPerMillion: 0.40),
        "gpt-3.5-turbo": ModelPrice(inputPerMillion: 0.50, outputPerMillion: 1.50),
        "qwen-turbo": ModelPrice(inputPerMillion: 0.05, outputPerMillion: 0.20),
        "qwen-plus": ModelPrice(inputPerMillion: 0.40, outputPerMillion: 1.20),
        "qwen-max": ModelPrice(inputPerMillion: 1.60, outputPerMillion: 6.40),
        "deepseek-chat": ModelPrice(inputPerMillion: 0.27, outputPerMillion: 1.10),
        "deepseek-reasoner": ModelPrice(inputPerMillion: 0.55, outputPerMillion: 2.19),
    ]

    /// Set (override) the price of a model.
    public mutating func set(_ price: ModelPrice, for model: String) {
        prices[model.lowercased()] = price
        defaultedModels.remove(model.lowercased())
    }

    /// Exact name first, then the longest known name that prefixes it (`gpt-4o-mini-2024-07-18` → `gpt-4o-mini`).
    /// Nil means unknown: cost is reported as unknown (0), e.g. for local models.
    public func price(for model: String) -> ModelPrice? {
        let key = model.lowercased()
        if let exact = prices[key] { return exact }
        let candidates = prices.keys.filter { key.hasPrefix($0 + "-") || key.hasPrefix($0 + ":") }
        guard let best = candidates.max(by: { $0.count < $1.count }) else { return nil }
        return prices[best]
    }

    /// Cost of a usage for a model (at its batch price when `batch`), or nil when the model has no price.
    public func cost(of usage: TokenUsage, model: String, batch: Bool = false) -> Double? {
        price(for: model)?.cost(of: usage, batch: batch)
    }
}
