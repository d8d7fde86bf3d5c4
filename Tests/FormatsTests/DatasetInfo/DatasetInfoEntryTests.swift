import Formats
import Testing

@Suite("DatasetInfoEntry")
struct DatasetInfoEntryTests {
    @Test("ShareGPT entry carries formatting, columns and tags")
    func shareGPTEntry() {
        let entry = DatasetInfoEntry(fileName: "data.json", format: .sharegpt, hasSystem: true, hasTools: true).jsonValue
        let object = entry.objectValue
        #expect(object?["formatting"] == .string("sharegpt"))
        #expect(object?["columns"] == .object(["messages": .string("conversations"), "system": .string("system"), "tools": .string("tools")]))
        #expect(object?["tags"]?.objectValue?["role_tag"] == .string("from"))
        #expect(object?["tags"]?.objectValue?["function_tag"] == .string("function_call"))
    }

    @Test("Alpaca entry names prompt/query/response columns and has no tags")
    func alpacaEntry() {
        let object = DatasetInfoEntry(fileName: "a.json", format: .alpaca, hasHistory: true).jsonValue.objectValue
        #expect(object?["formatting"] == nil)
        #expect(object?["tags"] == nil)
        #expect(object?["columns"]?.objectValue?["prompt"] == .string("instruction"))
        #expect(object?["columns"]?.objectValue?["history"] == .string("history"))
    }

    @Test("merging keeps other entries and replaces the named one")
    func merge() throws {
        let existing = Array(#"{"identity": {"file_name": "identity.json"}, "mine": {"file_name": "old.json"}}"#.utf8)
        let entry = DatasetInfoEntry(fileName: "new.json", format: .openai)
        let merged = try JSONValue.parse(try entry.merged(into: existing, name: "mine")).objectValue
        #expect(merged?["identity"] == .object(["file_name": .string("identity.json")]))
        #expect(merged?["mine"]?.objectValue?["file_name"] == .string("new.json"))
        #expect(throws: FormatError.self) { _ = try entry.merged(into: Array("[1]".utf8), name: "x") }
        let fresh = try JSONValue.parse(try entry.merged(into: nil, name: "x")).objectValue
        #expect(fresh?.keys.sorted() == ["x"])
    }
}
