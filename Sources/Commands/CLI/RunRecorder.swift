import Foundation
import LLM
import Store

/// Opens a `runs` row for a command that writes and closes it with status and totals — also when the command
/// fails or is interrupted, so the provenance log never has a run stuck in "running".
public final class RunRecorder {
    public let runID: Int64
    public var totals = RunStore.Totals()
    private let store: RunStore

    private init(store: RunStore, runID: Int64) {
        self.store = store
        self.runID = runID
    }

    /// Runs `body` inside a run: succeeded on return, interrupted on `CommandError.interrupted`, failed on any
    /// other error (which is rethrown after the run is closed). `options` is what the command actually runs
    /// with — defaults included, numbers as numbers, no secrets — stored as `runs.options`; without it the
    /// options as given on the command line are stored, plus `inputDigests` (option name → SHA-256 of the file
    /// it names, as `<name>_sha256`) for files whose contents decide the results, so a rerun continues an
    /// interrupted run only when those contents are unchanged too.
    public static func record<T>(
        _ database: Database, arguments: ParsedArguments, options: (any Encodable)? = nil,
        inputDigests: [String: String] = [:], model: String? = nil,
        endpointHost: String? = nil, template: String? = nil, _ body: (RunRecorder) throws -> T
    ) throws -> T {
        let store = RunStore(database)
        let process = ProcessInfo.processInfo
        try store.markAbandoned(host: process.hostName) { Self.isAlive($0, startedAt: $1) }
        let runID = try store.start(
            command: arguments.commandName, optionsJSON: options.map(effectiveOptionsJSON) ?? optionsJSON(arguments, inputDigests: inputDigests),
            model: model, endpointHost: endpointHost, template: template, pid: process.processIdentifier,
            host: process.hostName)
        let recorder = RunRecorder(store: store, runID: runID)
        do {
            let result = try body(recorder)
            try store.finish(runID: runID, status: .succeeded, totals: recorder.totals)
            return result
        } catch {
            let status: RunStore.Status = (error as? CommandError) == .interrupted ? .interrupted : .failed
            try? store.finish(runID: runID, status: status, totals: recorder.totals, error: "\(error)")
            throw error
        }
    }

    /// Records model, endpoint host and template once known.
    public func describe(model: String?, endpointHost: String?, template: String?) throws {
        try store.describe(runID: runID, model: model, endpointHost: endpointHost, template: template)
    }

    /// Adds to a named counter in the run's totals.
    public func count(_ name: String, _ amount: Int = 1) { totals.counters[name, default: 0] += amount }

    /// Adds one model call written to `llm_calls` to the run's totals.
    func addCall(_ usage: TokenUsage, cost: Double?) {
        totals.llmCalls += 1
        totals.promptTokens += usage.promptTokens
        totals.completionTokens += usage.completionTokens
        totals.costUSD += cost ?? 0
    }

    /// Whether the process that opened a run at `startedAt` (ISO 8601) still lives: a process with this id
    /// exists (signal 0 checks without sending; EPERM means it exists) and, where its start time can be read,
    /// it started no later than the run — a process started after the run got a reused pid, and the run's own
    /// process is gone.
    static func isAlive(_ pid: Int32, startedAt: String) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let processStart = ProcessStartTime.of(pid), let runStart = runStartFormat.date(from: startedAt) else { return true }
        // Start times are in clock ticks (10 ms) and the run row is written just after the process starts.
        return processStart <= runStart.addingTimeInterval(1)
    }

    /// `runs.started_at` as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') writes it.
    nonisolated(unsafe) static let runStartFormat: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    /// A command's effective options as a JSON object with sorted keys.
    static func effectiveOptionsJSON(_ options: any Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(options)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The parsed options as a JSON object, without anything that looks like a secret, with a
    /// `<option>_sha256` key per entry of `inputDigests`.
    static func optionsJSON(_ arguments: ParsedArguments, inputDigests: [String: String] = [:]) -> String {
        var object: [String: Any] = [:]
        for (key, value) in arguments.ordered where !isSecret(key) {
            if key == "db" || key == "help" { continue }
            object[key] = value.map(withoutCredentials) ?? true
        }
        if !arguments.positionals.isEmpty { object["arguments"] = arguments.positionals }
        for (option, digest) in inputDigests { object["\(option)_sha256"] = digest }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Options that hold credentials ("api-key", "auth-token"); "max-tokens" is a count, not a secret.
    static func isSecret(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return lowered.hasSuffix("key") || lowered.hasSuffix("token") || lowered.contains("secret")
            || lowered.contains("password")
    }

    /// A URL value without its `user:password@` part, so a base URL with credentials is not stored.
    static func withoutCredentials(_ value: String) -> String {
        guard value.contains("://"), value.contains("@"), var components = URLComponents(string: value),
              components.user != nil || components.password != nil
        else { return value }
        components.user = nil
        components.password = nil
        return components.string ?? value
    }
}
