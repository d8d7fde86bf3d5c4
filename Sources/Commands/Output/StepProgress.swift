import Foundation

/// Progress of a long data step (filter, score, export): one line on a terminal — done/total, rate, ETA —
/// redrawn at most ten times a second and only once the step has run for a second; nothing in pipes.
final class StepProgress {
    private let sink: any TextSink
    private let enabled: Bool
    private let label: String
    private let unit: String
    private let clock: () -> Date
    private let started: Date
    private var lastDraw = Date.distantPast
    private var drawn = false
    /// The expected count; 0 when unknown (no ETA then).
    var total: Int
    private(set) var done = 0

    /// `clock` is the time source (tests pass one that advances on demand).
    init(label: String, unit: String, total: Int, sink: any TextSink, enabled: Bool, clock: @escaping () -> Date = Date.init) {
        self.clock = clock
        started = clock()
        self.label = label
        self.unit = unit
        self.total = total
        self.sink = sink
        self.enabled = enabled
    }

    /// Adds `count` finished items and redraws when due.
    func advance(_ count: Int) {
        done += count
        guard enabled else { return }
        let now = clock()
        guard now.timeIntervalSince(started) >= 1, now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        draw(now: now)
    }

    private func draw(now: Date) {
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var line = "\(label) \(done)"
        if total > 0 { line += "/\(max(total, done))" }
        line += " \(unit)  \(Int(rate))/s"
        if rate > 0, total > done { line += "  ETA \(LLMProgress.duration(Double(total - done) / rate))" }
        sink.write("\r\u{1B}[K" + line)
        drawn = true
    }

    /// Ends the line if anything was drawn.
    func finish() {
        guard enabled, drawn else { return }
        draw(now: clock())
        sink.write("\n")
    }
}
