import Formats
import Store

/// Turns `examples` rows into records of the chosen layout and writes them framed as JSONL or a JSON array,
/// to a file or stdout, streaming unless the rows must be shuffled or split first.
struct ExampleExporter {
    /// What was written, for the message and for `dataset_info.json` columns.
    struct Summary {
        var count = 0
        var hasSystem = false
        var hasHistory = false
        var hasTools = false
    }

    let format: ExportFormat
    let jsonArray: Bool
    let interrupt: InterruptSignal

    /// Streams the selection straight to the target.
    func stream(
        database: Database, selection: ExampleSelection, to file: ExportFile?, stdout: any TextSink,
        progress: StepProgress? = nil
    ) throws -> Summary {
        var writer = Writer(framing: ExportFraming(jsonArray: jsonArray), file: file, stdout: stdout)
        try writer.begin()
        try database.forEachRow(selection.sql, selection.arguments) { row in
            if writer.summary.count % 1024 == 0 {
                try interrupt.check()
                progress?.advance(writer.summary.count == 0 ? 0 : 1024)
            }
            try writer.append(record(for: row))
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
    func write(_ rows: [Row], to file: ExportFile?, stdout: any TextSink) throws -> Summary {
        var writer = Writer(framing: ExportFraming(jsonArray: jsonArray), file: file, stdout: stdout)
        try writer.begin()
        for row in rows {
            if writer.summary.count % 1024 == 0 { try interrupt.check() }
            try writer.append(record(for: row))
        }
        return try writer.end()
    }

    func record(for row: Row) -> OrderedRecord {
        if format == .jsonl {
            return RecordWriter.jsonlRecord(columns: zip(row.columns, row.values).map { ($0, Self.json($1)) })
        }
        let exportRow = ExportRow(
            instruction: row.string("instruction"), input: row.string("input"), output: row.optionalString("output"),
            system: row.optionalString("system"), conversationJSON: row.optionalString("conversation"),
            extraJSON: row.optionalString("extra"))
        return RecordWriter.record(for: exportRow, format: format)
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
        var summary = Summary()

        init(framing: ExportFraming, file: ExportFile?, stdout: any TextSink) {
            self.framing = framing
            self.file = file
            self.stdout = stdout
        }

        mutating func begin() throws {
            buffer.append(contentsOf: framing.opening())
        }

        mutating func append(_ record: OrderedRecord) throws {
            framing.append(record, to: &buffer)
            summary.count += 1
            for key in record.keys {
                if key == "system" { summary.hasSystem = true }
                if key == "history" { summary.hasHistory = true }
                if key == "tools" { summary.hasTools = true }
            }
            if buffer.count >= 1 << 20 { try flush() }
        }

        mutating func end() throws -> Summary {
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
