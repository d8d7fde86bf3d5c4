import Formats

/// Where an export's bytes go: records framed as JSON Lines or one JSON array (`ExportFraming`), gathered in a
/// buffer and handed to the file (or stdout) about 1 MiB at a time, so memory stays flat at any size. Shared by
/// the example layouts and the preference layouts.
struct ExportOutput {
    private var framing: ExportFraming
    private let file: ExportFile?
    private let stdout: any TextSink
    /// Bytes not handed on yet. A writer with a fast path of its own (`PlainRecordTemplate`) appends here
    /// directly and then calls `flushIfFull()`.
    var buffer: [UInt8]

    /// Opens the framing (`[` for a JSON array).
    init(jsonArray: Bool, file: ExportFile?, stdout: any TextSink) {
        framing = ExportFraming(jsonArray: jsonArray)
        self.file = file
        self.stdout = stdout
        buffer = framing.opening()
    }

    /// Appends one framed record.
    mutating func append(_ record: OrderedRecord) throws {
        framing.append(record, to: &buffer)
        try flushIfFull()
    }

    /// Hands the buffer on once it holds 1 MiB or more.
    mutating func flushIfFull() throws {
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Closes the framing and hands on the rest.
    mutating func finish() throws {
        buffer += framing.closing()
        try flush()
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
