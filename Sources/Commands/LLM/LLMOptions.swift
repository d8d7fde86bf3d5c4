import Foundation
import LLM
import Store

/// The options every model-calling command shares (`generate`, `complete`, …), declared once.
public struct LLMOptions: Sendable, Encodable {
    /// Defaults, used by both the help text and the parser.
    static let defaultConcurrency = 8
    static let defaultMaxRetries = 2
    static let defaultTimeout = 60.0

    /// Option specs to append to a command's own options.
    public static let specs: [OptionSpec] = [
        .option("--base-url", value: "url[,url…]", help: "OpenAI-compatible base URL, or several separated by commas to spread the load (env OPENAI_BASE_URL; else the 'endpoints' setting), e.g. http://localhost:11434/v1."),
        .option("--model", value: "name", help: "Model name (env DSBENCH_MODEL)."),
        .option("--temperature", value: "t", help: "Sampling temperature."),
        .option("--top-p", value: "p", help: "Nucleus sampling probability mass."),
        .option("--max-tokens", value: "n", help: "Maximum tokens per answer."),
        .option("--seed", value: "n", help: "Base seed, 0…9223372036854775807 (2^63−1); each prompt adds its own number, so reruns hit the cache."),
        .option("--concurrency", value: "n", help: "Requests in flight at once, per endpoint (lowered while a server answers 429).", default: "\(defaultConcurrency)"),
        .option("--rpm", value: "n", help: "Requests per minute, per endpoint (default unlimited)."),
        .option("--tpm", value: "n", help: "Tokens per minute, per endpoint: estimated before a call, corrected by its usage (default unlimited)."),
        .option("--max-retries", value: "n", help: "Retries for connection errors, timeouts, 408/409/429/5xx.", default: "\(defaultMaxRetries)"),
        .option("--timeout", value: "seconds", help: "Per-request timeout.", default: "\(Int(defaultTimeout))"),
        .option("--max-cost", value: "usd", help: "Stop starting calls once this many US dollars are spent or reserved."),
        .flag("--dry-run", help: "Estimate calls, tokens and cost without calling the model."),
        .flag("--no-cache", help: "Always call the model, even when an identical request succeeded before."),
        .flag("--json", help: "Print the summary as JSON."),
    ] + BatchOptions.specs

    public var baseURL: String?
    public var model: String?
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    public var seed: Int?
    /// Requests in flight per endpoint.
    public var concurrency: Int
    public var requestsPerMinute: Int?
    public var tokensPerMinute: Int?
    /// Set with `--batch`: send through the provider's Batch API.
    public var batch: BatchOptions?
    public var maxRetries: Int
    public var timeout: Double
    public var maxCost: Double?
    public var dryRun: Bool
    public var noCache: Bool
    public var json: Bool

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url"
        case model, temperature, seed, concurrency, timeout
        case topP = "top_p"
        case maxTokens = "max_tokens"
        case maxRetries = "max_retries"
        case maxCost = "max_cost"
        case dryRun = "dry_run"
        case noCache = "no_cache"
        case rpm, tpm, batch
        case batchWait = "batch_wait"
        case batchRetry = "batch_retry"
    }

    /// The options as `runs.options` records them: no API key (it is never an option), and a base URL without
    /// any `user:password@` part. Sampling values appear as given; what each call type actually sent, defaults
    /// included, is `RunOptions.sampling`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(
            baseURL.map { EndpointSpec.list(commaSeparated: $0).map { RunRecorder.withoutCredentials($0.url) }.joined(separator: ",") },
            forKey: .baseURL)
        try container.encodeIfPresent(model, forKey: .model)
        try container.encodeIfPresent(temperature, forKey: .temperature)
        try container.encodeIfPresent(topP, forKey: .topP)
        try container.encodeIfPresent(maxTokens, forKey: .maxTokens)
        try container.encodeIfPresent(seed, forKey: .seed)
        try container.encode(concurrency, forKey: .concurrency)
        try container.encode(maxRetries, forKey: .maxRetries)
        try container.encode(timeout, forKey: .timeout)
        try container.encodeIfPresent(maxCost, forKey: .maxCost)
        try container.encode(noCache, forKey: .noCache)
        try container.encodeIfPresent(requestsPerMinute, forKey: .rpm)
        try container.encodeIfPresent(tokensPerMinute, forKey: .tpm)
        if let batch {
            try container.encode(true, forKey: .batch)
            try container.encode(batch.wait, forKey: .batchWait)
            try container.encode(batch.retry.rawValue, forKey: .batchRetry)
        }
    }

    public init(arguments: ParsedArguments) throws(UsageError) {
        baseURL = arguments.string("base-url")
        model = arguments.string("model")
        temperature = try arguments.double("temperature", in: 0...2)
        topP = try arguments.double("top-p", in: 0...1)
        maxTokens = try arguments.int("max-tokens", minimum: 1)
        seed = try arguments.int("seed", minimum: 0)
        concurrency = try arguments.int("concurrency", minimum: 1) ?? Self.defaultConcurrency
        requestsPerMinute = try arguments.int("rpm", minimum: 1)
        tokensPerMinute = try arguments.int("tpm", minimum: 1)
        batch = try BatchOptions(arguments: arguments)
        maxRetries = try arguments.int("max-retries", minimum: 0) ?? Self.defaultMaxRetries
        timeout = try arguments.double("timeout", in: 0.1...3600) ?? Self.defaultTimeout
        maxCost = try arguments.double("max-cost", in: 0...1_000_000)
        dryRun = arguments.flag("dry-run")
        noCache = arguments.flag("no-cache")
        json = arguments.flag("json")
        if let baseURL {
            for spec in EndpointSpec.list(commaSeparated: baseURL) where URL(string: spec.url)?.host == nil {
                throw UsageError("--base-url expects a URL such as http://localhost:11434/v1 (several separated by commas), got '\(spec.url)'")
            }
        }
    }

    /// The first endpoint of the set (it labels the run and gives the default model). A dry run without any
    /// endpoint still works (it sends nothing).
    public func endpoint(environment: [String: String], database: Database? = nil) throws -> EndpointConfiguration {
        do {
            return try endpointSet(environment: environment, database: database).primary
        } catch {
            if dryRun, let url = URL(string: EndpointSpec.list(commaSeparated: baseURL ?? environment["OPENAI_BASE_URL"] ?? "").first?.url ?? "http://dry-run.invalid/v1") {
                return EndpointConfiguration(
                    baseURL: url, apiKey: nil, model: model ?? environment["DSBENCH_MODEL"] ?? "unknown")
            }
            throw error
        }
    }

    /// Every endpoint, from `--base-url`, `OPENAI_BASE_URL`, the `endpoints` setting or the API-key defaults,
    /// serving `--model` or, when given, `modelOverride` (a `--models` item served by the command's endpoints).
    public func endpointSet(environment: [String: String], database: Database?, modelOverride: String? = nil) throws -> EndpointSet {
        do {
            let setting = try database.flatMap { try EndpointSettings.load($0) }
            let set = try EndpointSet.resolve(baseURL: baseURL, model: modelOverride ?? model, environment: environment, setting: setting)
            guard let modelOverride else { return set }
            return EndpointSet(members: set.members.map { member in
                var member = member
                member.configuration.model = modelOverride
                return member
            })
        } catch let error as EndpointSetError {
            throw CommandError.failed(error.description)
        }
    }

    /// What sends the calls: an `EndpointFleet` over the set with `--concurrency`, `--rpm` and `--tpm` per
    /// endpoint — also for one endpoint, so `x-ratelimit-*` headers and runs of 429s pace every run.
    public func makeSender(_ endpoints: EndpointSet) -> any ModelCallSender {
        EndpointFleet(
            endpoints: endpoints,
            limits: EndpointLimits(concurrency: concurrency, requestsPerMinute: requestsPerMinute, tokensPerMinute: tokensPerMinute),
            retryPolicy: RetryPolicy(maxRetries: maxRetries), timeout: timeout,
            health: .forSet(of: endpoints.members.count))
    }

    /// The user's sampling parameters over a command's defaults.
    public func parameters(defaults: SamplingParameters) -> SamplingParameters {
        var result = defaults
        if let temperature { result.temperature = temperature }
        if let topP { result.topP = topP }
        if let maxTokens { result.maxTokens = maxTokens }
        return result
    }
}
