import Formats

/// What `dsbench import` did with each file, printed as one line per file or, with `--json`, one object:
/// `{"command": "import", "run_id": N, "files": [{"file", "format", "detected", "records", "rows", "rejected", "turn_order",
/// "skipped", "source_id"}]}` (`skipped` files were imported before; `source_id` names that import).
struct ImportSummary: Encodable {
    struct File: Encodable {
        var file: String
        var format: String
        var detected: Bool?
        var records = 0
        var rows = 0
        var rejected = 0
        var turnOrder = 0
        var skipped = false
        var sourceID: Int64?

        enum CodingKeys: String, CodingKey {
            case file, format, detected, records, rows, rejected, skipped
            case turnOrder = "turn_order"
            case sourceID = "source_id"
        }

        init(_ name: String, _ outcome: FileImporter.Outcome) {
            file = name
            switch outcome {
            case let .imported(format, detected, records, rows, rejected, turnOrder):
                self.format = format.rawValue
                self.detected = detected
                self.records = records
                self.rows = rows
                self.rejected = rejected
                self.turnOrder = turnOrder
            case let .alreadyImported(format, sourceID):
                self.format = format.rawValue
                skipped = true
                self.sourceID = sourceID
            }
        }

        /// The terminal line for this file.
        func line(showRejected: Bool) -> String {
            if skipped {
                return "\(file): format \(format); skipped, identical content already imported (source #\(sourceID ?? 0))"
            }
            var line = "\(file): format \(format) (\(detected == true ? "detected" : "given")); imported \(records) records as \(rows) rows"
            if rejected > 0 || showRejected { line += ", \(rejected) rejected" }
            if turnOrder > 0 { line += ", \(turnOrder) with turns out of order (verdict 'turn-order'; export --turns decides)" }
            return line
        }
    }

    var command = "import"
    var runID: Int64 = 0
    var files: [File] = []

    enum CodingKeys: String, CodingKey {
        case command, files
        case runID = "run_id"
    }
}
