import Formats
import Store

/// Turns `examples` rows into records of the chosen layout and writes them framed as JSONL or a JSON array,
/// to a file or stdout, streaming unless the rows must be shuffled or split first. Rows a layout leaves out
/// are counted by reason; with a checker every written record is validated against the trainer's rules.
struct ExampleExporter {
    let layout: any ExportLayout
    let options: ExportOptions
    let jsonArray: Bool
    /// Trainer rules `--check` applies; empty for no check.
    let rules: [any TrainerRules]
    let interrupt: InterruptSignal

    /// Streams the selection straight to the target.
    func stream(
        database: Database, selection: ExampleSelection, to file: ExportFile?, stdout: any TextSink,
        progress: StepProgress? = nil
    ) throws -> ExportSummary {
        var writer = makeWriter(file: file, stdout: stdout)
        try writer.begin()
        try database.forEachRow(selection.sql, selection.arguments) { row in
            if writer.summary.seen % 1024 == 0 {
                try interrupt.check()
                progress?.advance(writer.summary.seen == 0 ? 0 : 1024)
            }
            try writer.append(row, layout: layout, options: options)
        }
        progress?.finish()
        return try writer.end()
    }

    /// Every selected row, for shuffling or splitting.
    func collect(database: Database, selection: ExampleSelection) throws -> [Row] {
        var rows: [Row] = []
        try database.forEachRow(selection.sql, selection.arguments) { row in
            if rows.count % 1024 == 0 { try interrupt.check() }
            rows.append(row)
        }
        return rows
    }

    /// Writes rows already in memory.
    func write(_ rows: [Row], to file: ExportFile?, stdout: any TextSink) throws -> ExportSummary {
        var writer = makeWriter(file: file, stdout: stdout)
        try writer.begin()
        for row in rows {
            if writer.summary.seen % 1024 == 0 { try interrupt.check() }
            try writer.append(row, layout: layout, options: options)
        }
        return try writer.end()
    }

    private func makeWriter(file: ExportFile?, stdout: any TextSink) -> Writer {
        Writer(
            framing: ExportFraming(jsonArray: jsonArray), file: file, stdout: stdout,
            summary: ExportSummary(checker: rules.isEmpty ? nil : RecordChecker(rules: rules)))
    }

    /// The layout's input for one `examples` row.
    static func exportRow(_ row: Row, allColumns: Bool) -> ExportRow {
        var exportRow = ExportRow(
            instruction: row.string("instruction"), input: row.string("input"), output: row.optionalString("output"),
            system: row.optionalString("system"), conversationJSON: row.optionalString("conversation"),
            extraJSON: row.optionalString("extra"))
        if allColumns {
            var columns = OrderedRecord()
            for (name, value) in zip(row.columns, row.values) { columns.append(name, json(value)) }
            exportRow.columns = columns
        }
        return exportRow
    }

    static func json(_ value: SQLValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .integer(let number): return .int(number)
        case .real(let number): return .double(number)
        case .text(let text): return .string(text)
        case .blob(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Frames records and sends the bytes to a file or stdout in pieces.
    private struct Writer {
        var framing: ExportFraming
        let file: ExportFile?
        let stdout: any TextSink
        var buffer: [UInt8] = []
        var summary: ExportSummary

        init(framing: ExportFraming, file: ExportFile?, stdout: any TextSink, summary: ExportSummary) {
            self.framing = framing
            self.file = file
            self.stdout = stdout
            self.summary = summary
        }

        mutating func begin() throws {
            buffer.append(contentsOf: framing.opening())
        }

        mutating func append(_ row: Row, layout: any ExportLayout, options: ExportOptions) throws {
            summary.seen += 1
            switch layout.export(ExampleExporter.exportRow(row, allColumns: layout.needsAllColumns), options: options) {
            case .skipped(let reason):
                summary.skipped[reason, default: 0] += 1
            case .record(let record, let notes):
                framing.append(record, to: &buffer)
                summary.record(record, notes: notes, label: "instruction \(row.int64("instruction_id"))")
                if buffer.count >= 1 << 20 { try flush() }
            }
        }

        mutating func end() throws -> ExportSummary {
            buffer.append(contentsOf: framing.closing())
            try flush()
            return summary
        }

        private mutating func flush() throws {
            if let file {
                try file.write(buffer)
            } else {
                stdout.write(String(decoding: buffer, as: UTF8.self))
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
