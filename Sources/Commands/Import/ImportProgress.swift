import Foundation

/// The progress line of one file's import on a terminal: megabytes read of the file's size, rate and ETA
/// (`import data.jsonl 120/342 MB  25/s  ETA 9s`), after the first second only, nothing in pipes. Stdin has no
/// size, so it shows the count and rate alone.
final class ImportProgress {
    private let step: StepProgress

    /// `path` is stat'ed for the total ("-": unknown); `clock` as in `StepProgress`.
    init(path: String, displayName: String, sink: any TextSink, enabled: Bool, clock: @escaping () -> Date = Date.init) {
        var size = 0
        if path != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        }
        step = StepProgress(label: "import \(displayName)", unit: "MB", total: Self.megabytes(size), sink: sink,
                            enabled: enabled, clock: clock)
    }

    /// The reader has consumed `bytes` of the input so far.
    func read(upTo bytes: Int) {
        let done = Self.megabytes(bytes)
        if done > step.done { step.advance(done - step.done) }
    }

    /// Ends the line if one was drawn.
    func finish() { step.finish() }

    /// Whole megabytes (10^6 bytes).
    private static func megabytes(_ bytes: Int) -> Int { bytes / 1_000_000 }
}
