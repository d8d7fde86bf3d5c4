import Foundation
import Formats
import Testing

@Suite("RecordWriter")
struct RecordWriterTests {
    private func roundTrip(_ text: String, as format: SourceFormat, to export: LayoutName) throws -> (original: JSONValue, written: OrderedRecord) {
        let original = try JSONValue.parse(text)
        let records = try RecordMapper.map(try #require(original.objectValue), format: format, line: 1)
        let written = exported(ExportRow(records[0]), export)
        return (original, written)
    }

    @Test("Alpaca round trip keeps every field, with instruction, input, output first")
    func alpacaRoundTrip() throws {
        let (original, written) = try roundTrip(
            #"{"translation_score": null, "output": "b", "input": "", "instruction": "a", "system": "s", "history": [["q", "r"]], "tags": ["x", 1, 2.5, true]}"#,
            as: .alpaca, to: .alpaca)
        #expect(written.jsonValue == original)
        #expect(Array(written.keys.prefix(5)) == ["instruction", "input", "output", "system", "history"])
    }

    @Test("ShareGPT round trip keeps turns and the tools string verbatim")
    func shareGPTRoundTrip() throws {
        let (original, written) = try roundTrip(
            #"{"id": "x", "conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}], "tools": "[ ]", "system": "s"}"#,
            as: .sharegpt, to: .sharegpt)
        #expect(written.jsonValue == original)
        #expect(written.keys.first == "conversations")
    }

    @Test("OpenAI round trip keeps messages verbatim")
    func openAIRoundTrip() throws {
        let (original, written) = try roundTrip(
            #"{"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}"#,
            as: .openai, to: .openai)
        #expect(written.jsonValue == original)
    }

    @Test("an Alpaca row becomes a ShareGPT conversation with instruction and input joined")
    func alpacaToShareGPT() throws {
        let row = ExportRow(instruction: "Translate", input: "hola", output: "hello", system: "You translate.")
        let record = exported(row, .sharegpt).jsonValue
        let expected = try JSONValue.parse(#"""
            {"conversations": [{"from": "human", "value": "Translate\nhola"}, {"from": "gpt", "value": "hello"}], "system": "You translate."}
            """#)
        #expect(record == expected)
    }

    @Test("an Alpaca row becomes OpenAI messages with history")
    func alpacaToOpenAI() throws {
        let row = ExportRow(instruction: "q2", output: "a2", extra: ["history": .array([.array([.string("q1"), .string("a1")])])])
        let record = exported(row, .openai).jsonValue
        let roles = record.objectValue?["messages"]?.arrayValue?.compactMap { $0.objectValue?["role"]?.stringValue }
        #expect(roles == ["user", "assistant", "user", "assistant"])
        #expect(record.objectValue?["history"] == nil)
        let shareGPT = exported(row, .sharegpt).jsonValue
        let turns = shareGPT.objectValue?["conversations"]?.arrayValue?.compactMap { $0.objectValue?["value"]?.stringValue }
        #expect(turns == ["q1", "a1", "q2", "a2"])
        #expect(shareGPT.objectValue?["history"] == nil)
    }

    @Test("a multi-turn conversation exports to Alpaca with history pairs")
    func conversationToAlpaca() throws {
        let (_, written) = try roundTrip(
            #"{"conversations": [{"from": "human", "value": "q1"}, {"from": "gpt", "value": "a1"}, {"from": "human", "value": "q2"}, {"from": "gpt", "value": "a2"}]}"#,
            as: .sharegpt, to: .alpaca)
        let object = try #require(written.jsonValue.objectValue)
        #expect(object["instruction"] == .string("q2"))
        #expect(object["output"] == .string("a2"))
        #expect(object["history"] == .array([.array([.string("q1"), .string("a1")])]))
    }

    @Test("ShareGPT tool calls translate to OpenAI tool_calls and tool messages")
    func shareGPTToolsToOpenAI() throws {
        let (_, written) = try roundTrip(#"""
            {"conversations": [{"from": "human", "value": "weather?"}, {"from": "function_call", "value": "{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}"},
             {"from": "observation", "value": "{\"t\": 20}"}, {"from": "gpt", "value": "20 degrees"}],
             "tools": "[{\"name\": \"get_weather\", \"parameters\": {}}]"}
            """#, as: .sharegpt, to: .openai)
        let object = try #require(written.jsonValue.objectValue)
        let messages = try #require(object["messages"]?.arrayValue)
        #expect(messages.compactMap { $0.objectValue?["role"]?.stringValue } == ["user", "assistant", "tool", "assistant"])
        let call = messages[1].objectValue?["tool_calls"]?.arrayValue?.first?.objectValue?["function"]?.objectValue
        #expect(call?["name"] == .string("get_weather"))
        #expect(call?["arguments"] == .string(#"{"city": "Paris"}"#))
        #expect(object["tools"]?.arrayValue?.first?.objectValue?["type"] == .string("function"))
    }

    @Test("a changed completion replaces the final assistant turn")
    func replacedOutput() throws {
        let original = try JSONValue.parse(#"{"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "my email is a@b.c"}]}"#)
        let fields = try #require(original.objectValue)
        var row = ExportRow(try #require(RecordMapper.map(fields, format: .sharegpt, line: 1).first))
        row.output = "my email is [EMAIL]"
        let turns = exported(row, .sharegpt).jsonValue.objectValue?["conversations"]?.arrayValue
        #expect(turns?.last?.objectValue?["value"] == .string("my email is [EMAIL]"))
    }

    @Test("JSONL and JSON array framing parse back to the same records")
    func framing() throws {
        let records = [
            exported(ExportRow(instruction: "一", input: "", output: "tab\there \"q\" \u{1}"), .alpaca),
            exported(ExportRow(instruction: "two", input: "x", output: ""), .alpaca),
        ]
        for jsonArray in [false, true] {
            var framing = ExportFraming(jsonArray: jsonArray)
            var bytes = framing.opening()
            for record in records { framing.append(record, to: &bytes) }
            bytes.append(contentsOf: framing.closing())
            let parsed: [JSONValue]
            if jsonArray {
                parsed = try #require(JSONValue.parse(bytes).arrayValue)
            } else {
                parsed = try String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { try JSONValue.parse(String($0)) }
            }
            #expect(parsed == records.map(\.jsonValue))
        }
    }

    @Test("jsonl records parse the JSON text columns")
    func jsonlColumns() {
        var columns = OrderedRecord()
        columns.append("instruction_id", .int(1))
        columns.append("extra", .string(#"{"a": 1}"#))
        columns.append("conversation", .null)
        let record = JSONLLayout().export(ExportRow(instruction: "", columns: columns), options: ExportOptions()).record ?? OrderedRecord()
        #expect(record.keys == ["instruction_id", "extra", "conversation"])
        #expect(record.jsonValue.objectValue?["extra"] == .object(["a": .int(1)]))
    }
}
