import Foundation
import Formats
import Testing

/// Reads the real datasets in shared/data and writes them back in their own format.
@Suite("Shared datasets")
struct SharedDataTests {
    private func dataPath(_ name: String) throws -> String {
        guard let path = SharedData.path(name), FileManager.default.fileExists(atPath: path) else {
            throw SharedDataMissing(name: name)
        }
        return path
    }

    private func compareRoundTrip(_ name: String, format: SourceFormat, export: LayoutName, count: Int) throws {
        let path = try dataPath(name)
        let (reader, records, rejects) = try readAll(path)
        #expect(reader.format == format)
        #expect(rejects.isEmpty)
        #expect(records.count == count)
        let original = try #require(JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path)))).arrayValue)
        #expect(original.count == records.count)
        var mismatches = 0
        for (record, source) in zip(records, original) where exported(ExportRow(record), export).jsonValue != source {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }

    @Test("alpaca_zh_52k.json is read as Alpaca and written back field for field (translation_score kept)",
          .enabled(if: SharedData.directory != nil, "shared/data not found next to the clone"))
    func alpacaChinese() throws {
        try compareRoundTrip("alpaca_zh_52k.json", format: .alpaca, export: .alpaca, count: 52_002)
    }

    @Test("ShareGPT demo files are written back with turns and tools intact",
          .enabled(if: SharedData.directory != nil, "shared/data not found next to the clone"))
    func shareGPT() throws {
        try compareRoundTrip("sharegpt_glaive_toolcall_en_demo.json", format: .sharegpt, export: .sharegpt, count: 300)
        try compareRoundTrip("sharegpt_glaive_toolcall_zh_demo.json", format: .sharegpt, export: .sharegpt, count: 300)
        try compareRoundTrip("sharegpt_fastchat_dummy_conversation.json", format: .sharegpt, export: .sharegpt, count: 500)
    }

    @Test("the 175 Self-Instruct seed tasks keep every instance and is_classification",
          .enabled(if: SharedData.directory != nil, "shared/data not found next to the clone"))
    func selfInstructSeeds() throws {
        let (reader, records, rejects) = try readAll(try dataPath("self_instruct_seed_tasks.jsonl"))
        #expect(reader.format == .selfInstruct)
        #expect(reader.container == .jsonLines)
        #expect(rejects.isEmpty)
        #expect(records.filter { $0.instanceIndex == 0 }.count == 175)
        #expect(records.count == 175)
        #expect(records.allSatisfy { $0.isClassification != nil && $0.output != nil })
        #expect(records.filter { $0.isClassification == true }.count > 0)
        #expect(records.last?.line == 175)
    }
}

struct SharedDataMissing: Error, CustomStringConvertible {
    let name: String
    var description: String { "shared/data/\(name) is absent" }
}
