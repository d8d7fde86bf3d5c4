import Formats
import JSONWriting
import Testing

/// A layout's plain-row template writes exactly the bytes of the layout's own record (compact JSONL line), for
/// every shape and every layout, on texts with quotes, backslashes, every control character, U+2028/U+2029,
/// characters beyond the BMP, Chinese and empty strings.
@Suite struct PlainRecordTemplateTests {
    static let texts: [String] = [
        "plain", "say \"hi\" \\ back", "中文，全角：标点。", "𠀀𠀁 emoji 🙂👍🏽", "line\u{2028}sep\u{2029}para",
        (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined(), "\u{7F}\u{80}\u{FEFF}", "tab\tnew\nline\r",
        String(repeating: "长文本 long text ", count: 40), "\u{E000}0\u{E001} marker look-alike",
    ]

    static func shapes() -> [PlainRecordTemplate.Shape] {
        var shapes: [PlainRecordTemplate.Shape] = []
        for flags in 0..<8 {
            for system in [nil, true, false] as [Bool?] {
                shapes.append(.init(emptyInstruction: flags & 1 != 0, emptyInput: flags & 2 != 0, emptyOutput: flags & 4 != 0, emptySystem: system))
            }
        }
        return shapes
    }

    @Test func shapesHaveDistinctIndexes() {
        #expect(Set(Self.shapes().map(\.index)).count == PlainRecordTemplate.Shape.count)
        #expect(Self.shapes().allSatisfy { $0.index < PlainRecordTemplate.Shape.count })
    }

    @Test(arguments: ["alpaca", "sharegpt", "openai"])
    func templateWritesTheRecordsBytes(layoutName: String) throws {
        let layout = try #require(ExportLayouts.named(layoutName))
        for options in [ExportOptions(), ExportOptions(turns: .keep), ExportOptions(turns: .skip)] {
            for shape in Self.shapes() {
                let template = try #require(PlainRecordTemplate(layout: layout, options: options, shape: shape), "\(layoutName) \(shape)")
                for (offset, text) in Self.texts.enumerated() {
                    let others = Self.texts[(offset + 3) % Self.texts.count], third = Self.texts[(offset + 5) % Self.texts.count]
                    let fields = [shape.emptyInstruction ? "" : text, shape.emptyInput ? "" : others,
                                  shape.emptyOutput ? "" : third, shape.emptySystem == true ? "" : others + text]
                    let row = ExportRow(instruction: fields[0], input: fields[1], output: fields[2],
                                        system: shape.emptySystem == nil ? nil : fields[3])
                    guard case .record(let record, let notes) = layout.export(row, options: options) else {
                        Issue.record("\(layoutName) skipped a plain row")
                        continue
                    }
                    #expect(notes.isEmpty)
                    var expected: [UInt8] = []
                    var framing = ExportFraming(jsonArray: false)
                    framing.append(record, to: &expected)
                    var written: [UInt8] = []
                    template.append(to: &written) { field, out in JSONString.appendEscaped(fields[field.rawValue], to: &out) }
                    #expect(written == expected, "\(layoutName) \(shape): \(String(decoding: expected, as: UTF8.self))")
                    #expect(template.keys == record.fields.filter { !$0.value.isNull }.map(\.key))
                }
            }
        }
    }

    /// A layout that changes the texts (here: upper-cases the output) gets no template, so its rows keep
    /// taking the record path.
    @Test func layoutThatTransformsTextsGetsNoTemplate() {
        struct Shouting: ExportLayout {
            var name: String { "shouting" }
            var summary: String { "" }
            var trainerRules: (any TrainerRules)? { nil }
            func export(_ row: ExportRow, options: ExportOptions) -> ExportOutcome {
                var record = OrderedRecord()
                record.append("instruction", .string(row.instruction))
                record.append("output", .string((row.output ?? "").uppercased()))
                return .record(record, notes: [])
            }
        }
        let shape = PlainRecordTemplate.Shape(emptyInstruction: false, emptyInput: false, emptyOutput: false, emptySystem: nil)
        #expect(PlainRecordTemplate(layout: Shouting(), options: ExportOptions(), shape: shape) == nil)
        #expect(PlainRecordTemplate(layout: AlpacaLayout(), options: ExportOptions(), shape: shape) != nil)
    }
}
