import Foundation

/// What `dsbench export --json` prints on stdout once every file is in place: one compact JSON object with
/// `command`, `format`, `records` (written, all files), `skipped` and `flagged` totals, `seconds` and `files`,
/// one entry per file written (`path`, `records`, `skipped` and `changed` by reason, and with `--check` the
/// records `checked` and `flagged` by the trainer's rules). Export reads the database and records no run, so
/// there is no `run_id`. `--json` needs `-o`: without it the records themselves go to stdout.
struct ExportReport: Encodable {
    struct File: Encodable {
        var path: String
        var records: Int
        var skipped: [String: Int]
        var changed: [String: Int]
        var checked: Int?
        var flagged: Int?

        init(path: String, summary: ExportSummary) {
            self.path = path
            records = summary.count
            skipped = summary.skipped
            changed = summary.notes
            checked = summary.checker?.checked
            flagged = summary.checker?.flagged
        }
    }

    var command = "export"
    var format: String
    var files: [File]
    var seconds: Double

    init(format: String, written: [(String, ExportSummary)], seconds: Double) {
        self.format = format
        files = written.map { File(path: $0.0, summary: $0.1) }
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case command, format, files, records, skipped, flagged, seconds
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(format, forKey: .format)
        try container.encode(files.reduce(0) { $0 + $1.records }, forKey: .records)
        try container.encode(files.reduce(0) { $0 + $1.skipped.values.reduce(0, +) }, forKey: .skipped)
        try container.encode(files.reduce(0) { $0 + ($1.flagged ?? 0) }, forKey: .flagged)
        try container.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
        try container.encode(files, forKey: .files)
    }
}
