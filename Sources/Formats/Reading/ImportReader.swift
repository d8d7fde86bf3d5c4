/// Streams a dataset file (or stdin) as neutral records: picks the container (JSON array, JSONL, CSV, text),
/// detects the format from the first readable record unless one is given, applies `--map` renaming and maps
/// each record. Bad records come back as `.rejected` so the caller decides between aborting and skipping;
/// damage that makes the rest unreadable (an unclosed array) is thrown.
public final class ImportReader {
    /// The byte stream; its hash is complete once `next()` has returned nil.
    public let source: ByteSource
    /// How the records are laid out.
    public let container: ContainerKind
    /// The format in use: given or detected.
    public private(set) var format: SourceFormat
    /// True when the format was detected rather than given.
    public let detected: Bool

    private let renaming: FieldRenaming
    private var lines: LineReader?
    private var array: JSONArrayReader?
    private var csv: CSVReader?
    private var header: [String] = []
    private var queued: [ImportItem] = []
    private var queuedFirst: (line: Int, fields: [String: JSONValue], raw: [UInt8])?

    /// Opens `path` ("-" for stdin) and reads ahead to the first record to settle the format. `knownHash` is
    /// the file's SHA-256 when the caller computed it already (then the stream is not hashed again).
    public init(
        path: String, format: SourceFormat? = nil, renaming: FieldRenaming = FieldRenaming(), knownHash: String? = nil
    ) throws(FormatError) {
        let source = try ByteSource(path: path, knownHash: knownHash)
        self.source = source
        self.renaming = renaming
        let container = ContainerKind.choose(format: format, firstByte: try source.peekFirstSignificantByte(), path: path)
        self.container = container
        self.detected = format == nil
        switch container {
        case .jsonArray: array = JSONArrayReader(source: source)
        case .jsonLines, .text: lines = LineReader(source: source)
        case .csv(let delimiter): csv = CSVReader(source: source, delimiter: delimiter)
        }
        switch container {
        case .csv: self.format = format ?? .csv
        case .text: self.format = format ?? .text
        default: self.format = format ?? .alpaca
        }
        if case .csv = container {
            guard let first = try csv?.next() else { return }
            header = first.fields.map { String($0.drop(while: { $0 == "\u{FEFF}" })) }
            let named = header.filter { !$0.allSatisfy(\.isWhitespace) }
            if let duplicate = Dictionary(grouping: named, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
                throw FormatError(line: first.line, field: duplicate, reason: "column appears twice in the header")
            }
        }
        if format == nil, container == .jsonArray || container == .jsonLines {
            // Read ahead to the first object record; rejects met on the way are replayed in order.
            while let raw = try nextRaw() {
                switch raw {
                case .failure(let item):
                    queued.append(item)
                case .success(let record):
                    guard let found = FormatDetector.detect(record.fields) else {
                        throw FormatDetector.undetectable(record.fields, line: record.line)
                    }
                    self.format = found
                    queuedFirst = record
                }
                if queuedFirst != nil { break }
            }
        }
    }

    /// The next item, or nil at end of input.
    public func next() throws(FormatError) -> ImportItem? {
        if !queued.isEmpty { return queued.removeFirst() }
        if let first = queuedFirst {
            queuedFirst = nil
            return mapped(first)
        }
        switch try nextRaw() {
        case nil: return nil
        case .failure(let item): return item
        case .success(let record): return mapped(record)
        }
    }

    /// SHA-256 of the whole input; reads any unread rest first.
    public func contentHash() throws(FormatError) -> String {
        try source.drain()
        return source.contentHash()
    }

    private func mapped(_ record: (line: Int, fields: [String: JSONValue], raw: [UInt8])) -> ImportItem {
        do {
            return .records(try RecordMapper.map(record.fields, format: format, line: record.line))
        } catch {
            return .rejected(error, raw: String(decoding: record.raw, as: UTF8.self))
        }
    }

    private enum RawResult {
        case success((line: Int, fields: [String: JSONValue], raw: [UInt8]))
        case failure(ImportItem)
    }

    private func nextRaw() throws(FormatError) -> RawResult? {
        switch container {
        case .jsonArray:
            guard let (line, bytes) = try array!.next() else { return nil }
            return parseJSON(bytes, line: line)
        case .jsonLines:
            while let (line, bytes) = try lines!.next() {
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                return parseJSON(bytes, line: line)
            }
            return nil
        case .text:
            while let (line, bytes) = try lines!.next() {
                guard let text = UTF8Text.decode(bytes) else {
                    return .failure(.rejected(FormatError(line: line, field: nil, reason: "invalid UTF-8"), raw: String(decoding: bytes, as: UTF8.self)))
                }
                if !text.contains(where: { !$0.isWhitespace }) { continue }
                return .success((line, renaming.apply(["instruction": .string(text)]), bytes))
            }
            return nil
        case .csv:
            guard let (line, values) = try csv!.next() else { return nil }
            let raw = Array(values.joined(separator: ",").utf8)
            guard values.count == header.count else {
                return .failure(.rejected(FormatError(line: line, field: nil, reason: "expected \(header.count) columns, found \(values.count)"), raw: String(decoding: raw, as: UTF8.self)))
            }
            var fields: [String: JSONValue] = [:]
            for (index, (name, value)) in zip(header, values).enumerated() {
                // Excel and pandas end the header with a comma: an unnamed column with blank values is
                // nothing; data under it is an error rather than a field called "".
                if name.allSatisfy(\.isWhitespace) {
                    if value.allSatisfy(\.isWhitespace) { continue }
                    return .failure(.rejected(FormatError(line: line, field: "column \(index + 1)", reason: "value '\(value.prefix(40))' under a column with no name in the header"), raw: String(decoding: raw, as: UTF8.self)))
                }
                fields[name] = .string(value)
            }
            return .success((line, renaming.apply(fields), raw))
        }
    }

    private func parseJSON(_ bytes: [UInt8], line: Int) -> RawResult {
        // The byte parser takes well-formed records; anything unusual goes the Foundation way below, so values
        // and error messages stay Foundation's.
        if let value = JSONByteParser.parse(bytes), let fields = value.objectValue {
            return .success((line, renaming.apply(fields), bytes))
        }
        let raw = { String(decoding: bytes, as: UTF8.self) }
        if UTF8Text.decode(bytes) == nil {
            let offset = UTF8Text.firstInvalidOffset(bytes) ?? 0
            let badLine = line + UTF8Text.newlines(in: bytes, before: offset)
            return .failure(.rejected(FormatError(line: badLine, field: nil, reason: "invalid UTF-8"), raw: raw()))
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            return .failure(.rejected(FormatError(line: line, field: nil, reason: "invalid JSON: \(JSONProblem.describe(error))"), raw: raw()))
        }
        guard let fields = value.objectValue else {
            return .failure(.rejected(FormatError(line: line, field: nil, reason: "expected a JSON object, found \(value.typeName)"), raw: raw()))
        }
        return .success((line, renaming.apply(fields), bytes))
    }
}
