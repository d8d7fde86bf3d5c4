import JSONWriting

/// The JSONL line a layout writes for a plain row — one with an output, no stored conversation and no extra
/// fields, only instruction, input, output and system texts — as literal bytes and the places where those
/// texts go (escaped by `JSONString`), so an export can write such rows straight from the database's UTF-8
/// bytes without building a record.
///
/// The template is learned from the layout itself, per `Shape` (which texts are empty, whether there is a
/// system prompt): the layout exports a row of marker texts (private-use characters, which JSON leaves as they
/// are), and the bytes between markers become literals. It is kept only if it then writes a second row of
/// texts full of quotes, backslashes, control characters, Chinese and emoji exactly as the layout's own record
/// does; otherwise (a layout that transforms the texts) there is no template and the row takes the record path.
public struct PlainRecordTemplate: Sendable {
    /// A text of the row.
    public enum Field: Int, Sendable, CaseIterable {
        case instruction, input, output, system
    }

    /// Literal JSON bytes, or a field's text escaped for inside a JSON string (the quotes are literals).
    public enum Piece: Sendable, Equatable {
        case literal([UInt8])
        case field(Field)
    }

    /// Which texts of a plain row are empty, and whether it has a system prompt: what a layout's structure may
    /// depend on (an empty input is not joined to the prompt, a nil system has no key).
    public struct Shape: Hashable, Sendable {
        public var emptyInstruction: Bool
        public var emptyInput: Bool
        public var emptyOutput: Bool
        /// nil: no system prompt; else whether it is empty.
        public var emptySystem: Bool?

        public init(emptyInstruction: Bool, emptyInput: Bool, emptyOutput: Bool, emptySystem: Bool?) {
            self.emptyInstruction = emptyInstruction
            self.emptyInput = emptyInput
            self.emptyOutput = emptyOutput
            self.emptySystem = emptySystem
        }

        /// A number below `Shape.count` for table lookups.
        public var index: Int {
            (emptyInstruction ? 1 : 0) | (emptyInput ? 2 : 0) | (emptyOutput ? 4 : 0) | ((emptySystem.map { $0 ? 2 : 1 } ?? 0) << 3)
        }

        public static let count = 24
    }

    public let pieces: [Piece]
    /// The record's top-level keys with non-null values (what `dataset_info.json` registers).
    public let keys: [String]

    /// The template of `layout` for rows of `shape`, or nil when the layout writes such rows in a way a
    /// template cannot repeat (transformed texts, a skipped row, notes).
    public init?(layout: any ExportLayout, options: ExportOptions, shape: Shape) {
        let markers = Field.allCases.map { Self.marker($0) }
        guard case .record(let record, let notes)? = Self.export(layout, options, shape, texts: markers), notes.isEmpty else {
            return nil
        }
        var line: [UInt8] = []
        var framing = ExportFraming(jsonArray: false)
        framing.append(record, to: &line)
        pieces = Self.split(line)
        keys = record.fields.filter { !$0.value.isNull }.map(\.key)
        // The same layout on texts that need escaping must give the same bytes through the template.
        let probe = ["say \"hi\"\\ \n\t\u{1}中文", "输入 🙂 \u{2028}", "out \"\u{1F}\" 答", "sys\r\n\u{7F}"]
        guard case .record(let probed, let probeNotes)? = Self.export(layout, options, shape, texts: probe), probeNotes.isEmpty
        else { return nil }
        var expected: [UInt8] = []
        framing.append(probed, to: &expected)
        var written: [UInt8] = []
        append(to: &written) { field, out in JSONString.appendEscaped(probe[field.rawValue], to: &out) }
        guard written == expected, probed.fields.filter({ !$0.value.isNull }).map(\.key) == keys else { return nil }
    }

    /// Appends the line, asking `text` to append each field's escaped text.
    @inline(__always)
    public func append(to out: inout [UInt8], text: (Field, inout [UInt8]) -> Void) {
        for piece in pieces {
            switch piece {
            case .literal(let bytes): out.append(contentsOf: bytes)
            case .field(let field): text(field, &out)
            }
        }
    }

    private static func export(_ layout: any ExportLayout, _ options: ExportOptions, _ shape: Shape, texts: [String]) -> ExportOutcome? {
        let row = ExportRow(
            instruction: shape.emptyInstruction ? "" : texts[0], input: shape.emptyInput ? "" : texts[1],
            output: shape.emptyOutput ? "" : texts[2], system: shape.emptySystem.map { $0 ? "" : texts[3] })
        return layout.export(row, options: options)
    }

    /// U+E000, the field's digit, U+E001: private-use characters that JSON text carries unescaped.
    private static func marker(_ field: Field) -> String { "\u{E000}\(field.rawValue)\u{E001}" }

    private static func split(_ line: [UInt8]) -> [Piece] {
        let open = Array("\u{E000}".utf8), close = Array("\u{E001}".utf8)
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var index = 0
        while index < line.count {
            if line[index...].starts(with: open), index + open.count + 1 + close.count <= line.count,
                line[(index + open.count + 1)...].starts(with: close),
                let field = Field(rawValue: Int(line[index + open.count]) - 48)
            {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = []
                pieces.append(.field(field))
                index += open.count + 1 + close.count
            } else {
                literal.append(line[index])
                index += 1
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }
}
