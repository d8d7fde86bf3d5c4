import Formats
import JSONWriting
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

    /// One selected row as the layouts read it, with its instruction id for the check's notes.
    struct SelectedRow {
        let instructionID: Int64
        let row: ExportRow
    }

    /// Streams the selection straight to the target. Plain rows (see `PlainRecordTemplate`) go from the
    /// database's bytes to the file through the layout's template unless records must be checked or indented.
    func stream(
        database: Database, selection: ExampleSelection, to file: ExportFile?, stdout: any TextSink,
        progress: StepProgress? = nil
    ) throws -> ExportSummary {
        var writer = makeWriter(file: file, stdout: stdout)
        let templates = !jsonArray && rules.isEmpty && !layout.needsAllColumns
        try scan(database: database, selection: selection) { cursor, columns in
            if writer.summary.seen % 1024 == 0 {
                try interrupt.check()
                progress?.advance(writer.summary.seen == 0 ? 0 : 1024)
            }
            if templates, try writer.appendPlain(cursor, columns: columns, layout: layout, options: options) { return }
            try writer.append(selectedRow(cursor, columns), layout: layout, options: options)
        }
        progress?.finish()
        return try writer.end()
    }

    /// Every selected row, for shuffling or splitting.
    func collect(database: Database, selection: ExampleSelection) throws -> [SelectedRow] {
        var rows: [SelectedRow] = []
        try scan(database: database, selection: selection) { cursor, columns in
            if rows.count % 1024 == 0 { try interrupt.check() }
            rows.append(selectedRow(cursor, columns))
        }
        return rows
    }

    /// Writes rows already in memory.
    func write(_ rows: [SelectedRow], to file: ExportFile?, stdout: any TextSink) throws -> ExportSummary {
        var writer = makeWriter(file: file, stdout: stdout)
        for row in rows {
            if writer.summary.seen % 1024 == 0 { try interrupt.check() }
            try writer.append(row, layout: layout, options: options)
        }
        return try writer.end()
    }

    /// Where the columns the layouts read are in the selection's result (nil when not selected).
    struct Columns {
        let instructionID: Int?, instruction: Int?, input: Int?, output: Int?, system: Int?, conversation: Int?, extra: Int?
        let count: Int

        init(_ cursor: RowCursor) {
            let names = (0..<cursor.columnCount).map(cursor.name)
            func index(_ name: String) -> Int? { names.firstIndex(of: name) }
            instructionID = index("instruction_id")
            instruction = index("instruction")
            input = index("input")
            output = index("output")
            system = index("system")
            conversation = index("conversation")
            extra = index("extra")
            count = names.count
        }

        /// The column of a plain row's text.
        func index(of field: PlainRecordTemplate.Field) -> Int? {
            switch field {
            case .instruction: instruction
            case .input: input
            case .output: output
            case .system: system
            }
        }
    }

    /// Steps through the selection reading rows in place (`Database.scan`): no `Row` or `SQLValue` per column.
    private func scan(
        database: Database, selection: ExampleSelection, _ body: (RowCursor, Columns) throws -> Void
    ) throws {
        var columns: Columns?
        try database.scan(selection.sql, selection.arguments) { cursor in
            let found = columns ?? Columns(cursor)
            columns = found
            try body(cursor, found)
        }
    }

    /// The strings and parsed JSON the layouts read from the current row.
    private func selectedRow(_ cursor: RowCursor, _ columns: Columns) -> SelectedRow {
        // Every column as it is stored first: reading a column as text may convert it.
        var record: OrderedRecord?
        if layout.needsAllColumns {
            record = OrderedRecord()
            for column in 0..<columns.count { record?.append(cursor.name(column), Self.json(cursor.value(column))) }
        }
        func text(_ index: Int?) -> String? { index.flatMap { cursor.optionalString($0) } }
        // JSON columns parsed from their bytes (JSONByteParser), or by JSONValue.parse where that gives up;
        // malformed JSON reads as absent, as `ExportRow(conversationJSON:extraJSON:)` treats it.
        func json(_ index: Int?) -> JSONValue? {
            guard let index, !cursor.isNull(index) else { return nil }
            return cursor.withText(index) { JSONByteParser.parse($0) } ?? text(index).flatMap { try? JSONValue.parse($0) }
        }
        var row = ExportRow(
            instruction: text(columns.instruction) ?? "", input: text(columns.input) ?? "", output: text(columns.output),
            system: text(columns.system), conversation: json(columns.conversation),
            extra: json(columns.extra)?.objectValue ?? [:])
        row.columns = record
        return SelectedRow(instructionID: columns.instructionID.map { cursor.int64($0) } ?? 0, row: row)
    }

    private func makeWriter(file: ExportFile?, stdout: any TextSink) -> Writer {
        Writer(
            output: ExportOutput(jsonArray: jsonArray, file: file, stdout: stdout),
            summary: ExportSummary(checker: rules.isEmpty ? nil : RecordChecker(rules: rules)))
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

    /// Turns rows into records (or template bytes) for an `ExportOutput`, counting them in the summary.
    private struct Writer {
        var output: ExportOutput
        var summary: ExportSummary
        /// `PlainRecordTemplate`s by `Shape.index`, learned on first use (nil: that shape takes the record path).
        var templates = [PlainRecordTemplate?](repeating: nil, count: PlainRecordTemplate.Shape.count)
        var templateTried = [Bool](repeating: false, count: PlainRecordTemplate.Shape.count)
        /// Shapes whose template keys are in `summary.keys`.
        var keysNoted = [Bool](repeating: false, count: PlainRecordTemplate.Shape.count)

        init(output: ExportOutput, summary: ExportSummary) {
            self.output = output
            self.summary = summary
        }

        mutating func append(_ selected: SelectedRow, layout: any ExportLayout, options: ExportOptions) throws {
            summary.seen += 1
            switch layout.export(selected.row, options: options) {
            case .skipped(let reason):
                summary.skipped[reason, default: 0] += 1
            case .record(let record, let notes):
                try output.append(record)
                summary.record(record, notes: notes, label: "instruction \(selected.instructionID)")
            }
        }

        /// Writes the current row through the layout's template when it is plain: an output, no stored
        /// conversation or extra fields, texts of well-formed UTF-8 (what a String would hold unchanged).
        /// Returns false, writing nothing, for any other row.
        mutating func appendPlain(_ cursor: RowCursor, columns: Columns, layout: any ExportLayout, options: ExportOptions) throws -> Bool {
            guard let answer = columns.output, let instruction = columns.instruction, let input = columns.input,
                columns.conversation.map(cursor.isNull) ?? true, columns.extra.map(cursor.isNull) ?? true,
                !cursor.isNull(answer), !cursor.isNull(instruction)
            else { return false }
            func isEmpty(_ column: Int) -> Bool? { cursor.withText(column) { $0.isEmpty } }
            let shape = PlainRecordTemplate.Shape(
                emptyInstruction: isEmpty(instruction) ?? true, emptyInput: isEmpty(input) ?? true,
                emptyOutput: isEmpty(answer) ?? true, emptySystem: columns.system.flatMap(isEmpty))
            if !templateTried[shape.index] {
                templateTried[shape.index] = true
                templates[shape.index] = PlainRecordTemplate(layout: layout, options: options, shape: shape)
            }
            guard let template = templates[shape.index] else { return false }
            let start = output.buffer.count
            var wellFormed = true
            template.append(to: &output.buffer) { field, out in
                guard wellFormed, let column = columns.index(of: field) else { return }
                wellFormed = cursor.withText(column) { JSONString.appendEscaped(validating: $0, to: &out) } ?? true
            }
            guard wellFormed else {
                output.buffer.removeSubrange(start...)
                return false
            }
            summary.seen += 1
            summary.count += 1
            if !keysNoted[shape.index] {
                keysNoted[shape.index] = true
                summary.keys.formUnion(template.keys)
            }
            try output.flushIfFull()
            return true
        }

        mutating func end() throws -> ExportSummary {
            try output.finish()
            return summary
        }
    }
}
