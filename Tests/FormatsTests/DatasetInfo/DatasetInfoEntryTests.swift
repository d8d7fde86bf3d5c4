import Formats
import Testing

@Suite("DatasetInfoEntry")
struct DatasetInfoEntryTests {
    @Test("ShareGPT entry carries formatting, the columns the file has, and the tags its turns use")
    func shareGPTEntry() throws {
        let entry = try #require(ShareGPTLayout().datasetInfoEntry(fileName: "data.json", keys: ["conversations", "system", "tools"]))
        let object = entry.jsonValue.objectValue
        #expect(object?["formatting"] == .string("sharegpt"))
        #expect(object?["columns"] == .object(["messages": .string("conversations"), "system": .string("system"), "tools": .string("tools")]))
        #expect(object?["tags"]?.objectValue?["role_tag"] == .string("from"))
        #expect(object?["tags"]?.objectValue?["user_tag"] == .string("human"))
        #expect(object?["tags"]?.objectValue?["function_tag"] == .string("function_call"))
    }

    @Test("Alpaca entry names prompt/query/response, registers tools when the file has them, and has no tags")
    func alpacaEntry() throws {
        let object = try #require(AlpacaLayout().datasetInfoEntry(fileName: "a.json", keys: ["instruction", "history", "tools"])).jsonValue.objectValue
        #expect(object?["formatting"] == nil)
        #expect(object?["tags"] == nil)
        #expect(object?["columns"]?.objectValue?["prompt"] == .string("instruction"))
        #expect(object?["columns"]?.objectValue?["history"] == .string("history"))
        #expect(object?["columns"]?.objectValue?["tools"] == .string("tools"))
        #expect(object?["columns"]?.objectValue?["system"] == nil)
        #expect(JSONLLayout().datasetInfoEntry(fileName: "x.jsonl", keys: []) == nil)
    }

    @Test("merging keeps other entries, updates an entry for the same file, refuses another file unless forced")
    func merge() throws {
        let existing = Array(#"{"identity": {"file_name": "identity.json"}, "mine": {"file_name": "old.json"}}"#.utf8)
        let entry = try #require(OpenAILayout().datasetInfoEntry(fileName: "new.json", keys: []))
        #expect(throws: FormatError(line: 1, field: "mine", reason: "an entry of this name points at old.json (alpaca), not new.json (sharegpt); use --force to replace it")) {
            _ = try entry.merged(into: existing, name: "mine")
        }
        let forced = try entry.merged(into: existing, name: "mine", force: true)
        #expect(forced.action == .replaced(previous: "old.json (alpaca)"))
        let merged = try JSONValue.parse(forced.bytes).objectValue
        #expect(merged?["identity"] == .object(["file_name": .string("identity.json")]))
        #expect(merged?["mine"]?.objectValue?["file_name"] == .string("new.json"))
        #expect(try entry.merged(into: forced.bytes, name: "mine").action == .unchanged)
        var wider = entry
        wider.columns["system"] = "system"
        #expect(try wider.merged(into: forced.bytes, name: "mine").action == .updated)
        #expect(throws: FormatError.self) { _ = try entry.merged(into: Array("[1]".utf8), name: "x") }
        let fresh = try entry.merged(into: nil, name: "x")
        #expect(fresh.action == .added)
        #expect(try JSONValue.parse(fresh.bytes).objectValue?.keys.sorted() == ["x"])
    }
}
