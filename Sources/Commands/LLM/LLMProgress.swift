import Foundation

/// Progress of a model-calling command: a one-line display on a terminal (done/total, rate, ETA, tokens,
/// cost, failures), nothing in pipes; the closing summary line is printed by the command either way.
final class LLMProgress {
    private let sink: any TextSink
    private let enabled: Bool
    private let label: String
    private let started = Date()
    private var lastDraw = Date.distantPast
    var total: Int
    private(set) var done = 0
    private(set) var failures = 0
    private(set) var cached = 0
    private(set) var tokens = 0
    private(set) var cost = 0.0
    /// The sender's state to show, e.g. "waiting on rate limit"; asked at each redraw.
    var note: (() -> String?)?
    /// What the Batch API step is waiting for, e.g. "batch batch_1 in_progress 120/500".
    var batchNote: String?

    init(label: String, total: Int, sink: any TextSink, enabled: Bool) {
        self.label = label
        self.total = total
        self.sink = sink
        self.enabled = enabled
    }

    func record(succeeded: Bool, fromCache: Bool, tokens: Int, cost: Double) {
        done += 1
        if !succeeded { failures += 1 }
        if fromCache { cached += 1 }
        self.tokens += tokens
        self.cost += cost
        draw()
    }

    var elapsed: Double { Date().timeIntervalSince(started) }

    /// Calls per second over the whole run (cache hits excluded).
    var rate: Double { elapsed > 0 ? Double(done - cached) / elapsed : 0 }

    func draw(force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        var line = "\(label) \(done)/\(max(total, done)) calls  \(String(format: "%.1f", rate))/s"
        if rate > 0, total > done { line += "  ETA \(Self.duration(Double(total - done) / rate))" }
        line += "  \(tokens) tokens  $\(String(format: "%.4f", cost))"
        if failures > 0 { line += "  \(failures) failed" }
        if cached > 0 { line += "  \(cached) cached" }
        if let note = note?() { line += "  " + note }
        if let batchNote { line += "  " + batchNote }
        sink.write("\r\u{1B}[K" + line)
    }

    func finish() {
        guard enabled else { return }
        draw(force: true)
        sink.write("\n")
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
