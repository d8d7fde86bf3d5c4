import Foundation
import Formats
import Testing

@Suite("RecordMapper")
struct RecordMapperTests {
    private func object(_ text: String) throws -> [String: JSONValue] {
        try #require(JSONValue.parse(text).objectValue)
    }

    @Test("format detection from the first record's fields")
    func detection() throws {
        #expect(FormatDetector.detect(try object(#"{"instruction": "a", "instances": [], "id": "t"}"#)) == .selfInstruct)
        #expect(FormatDetector.detect(try object(#"{"instruction": "a", "input": "", "output": "b"}"#)) == .alpaca)
        #expect(FormatDetector.detect(try object(#"{"conversations": [{"from": "human", "value": "hi"}]}"#)) == .sharegpt)
        #expect(FormatDetector.detect(try object(#"{"messages": [{"role": "user", "content": "hi"}]}"#)) == .openai)
        #expect(FormatDetector.detect(try object(#"{"prompt": "a"}"#)) == nil)
    }

    @Test("missing instruction names the line and the field")
    func missingInstruction() throws {
        #expect {
            _ = try RecordMapper.map(try object(#"{"input": "x", "output": "y"}"#), format: .alpaca, line: 7)
        } throws: { error in
            error as? FormatError == FormatError(line: 7, field: "instruction", reason: "missing instruction")
        }
    }

    @Test("an instruction that is a number is a wrong type")
    func wrongType() throws {
        #expect {
            _ = try RecordMapper.map(try object(#"{"instruction": 42, "output": "y"}"#), format: .alpaca, line: 3)
        } throws: { error in
            error as? FormatError == FormatError(line: 3, field: "instruction", reason: "expected a string, found a number")
        }
        #expect {
            _ = try RecordMapper.map(try object(#"{"instruction": "a", "output": ["y"]}"#), format: .alpaca, line: 4)
        } throws: { error in
            (error as? FormatError)?.field == "output"
        }
    }

    @Test("malformed ShareGPT turn lists name the turn")
    func malformedTurns() throws {
        #expect {
            _ = try RecordMapper.map(try object(#"{"conversations": [{"from": "human", "value": "a"}, {"from": "robot", "value": "b"}]}"#), format: .sharegpt, line: 9)
        } throws: { error in
            (error as? FormatError)?.field == "conversations[1].from" && (error as? FormatError)?.line == 9
        }
        #expect {
            _ = try RecordMapper.map(try object(#"{"conversations": [{"from": "human", "value": 5}]}"#), format: .sharegpt, line: 2)
        } throws: { error in
            (error as? FormatError)?.field == "conversations[0].value"
        }
        #expect {
            _ = try RecordMapper.map(try object(#"{"conversations": "hello"}"#), format: .sharegpt, line: 2)
        } throws: { error in
            (error as? FormatError)?.field == "conversations"
        }
        #expect {
            _ = try RecordMapper.map(try object(#"{"conversations": [{"from": "gpt", "value": "x"}]}"#), format: .sharegpt, line: 2)
        } throws: { error in
            (error as? FormatError)?.reason.contains("no human turn") == true
        }
    }

    @Test("a multi-turn ShareGPT conversation is kept whole with tools")
    func shareGPTMultiTurn() throws {
        let fields = try object(#"""
            {"conversations": [{"from": "human", "value": "q1"}, {"from": "gpt", "value": "a1"},
             {"from": "human", "value": "q2"}, {"from": "function_call", "value": "{\"name\": \"f\", \"arguments\": {}}"},
             {"from": "observation", "value": "{}"}, {"from": "gpt", "value": "a2"}],
             "tools": "[{\"name\": \"f\"}]", "system": "be brief", "id": "c1"}
            """#)
        let records = try RecordMapper.map(fields, format: .sharegpt, line: 1)
        #expect(records.count == 1)
        let record = records[0]
        #expect(record.instruction == "q1")
        #expect(record.output == "a2")
        #expect(record.system == "be brief")
        #expect(record.id == "c1")
        #expect(record.extra == ["id": .string("c1")])
        #expect(record.conversation?.objectValue?["conversations"]?.arrayValue?.count == 6)
        #expect(record.conversation?.objectValue?["tools"] == .string("[{\"name\": \"f\"}]"))
    }

    @Test("OpenAI messages: content parts, system prompt, tool calls")
    func openAIMessages() throws {
        let fields = try object(#"""
            {"messages": [{"role": "system", "content": "sys"},
              {"role": "user", "content": [{"type": "text", "text": "look"}, {"type": "text", "text": "here"}]},
              {"role": "assistant", "content": null, "tool_calls": [{"id": "1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
              {"role": "tool", "tool_call_id": "1", "content": "42"},
              {"role": "assistant", "content": "It is 42."}]}
            """#)
        let record = try #require(RecordMapper.map(fields, format: .openai, line: 1).first)
        #expect(record.instruction == "look\nhere")
        #expect(record.system == "sys")
        #expect(record.output == "It is 42.")
        #expect(record.conversation?.objectValue?["messages"]?.arrayValue?.count == 5)
        #expect {
            _ = try RecordMapper.map(try object(#"{"messages": [{"role": "wizard", "content": "x"}]}"#), format: .openai, line: 5)
        } throws: { error in
            (error as? FormatError)?.field == "messages[0].role"
        }
    }

    @Test("Self-Instruct tasks keep every instance and is_classification")
    func selfInstruct() throws {
        let fields = try object(#"""
            {"id": "seed_task_1", "name": "sentiment", "instruction": "Classify the sentiment.",
             "instances": [{"input": "I love it", "output": "positive"}, {"input": "Awful", "output": "negative"}],
             "is_classification": true}
            """#)
        let records = try RecordMapper.map(fields, format: .selfInstruct, line: 12)
        #expect(records.count == 2)
        #expect(records.map(\.instanceIndex) == [0, 1])
        #expect(records.map(\.input) == ["I love it", "Awful"])
        #expect(records.map(\.output) == ["positive", "negative"])
        #expect(records.allSatisfy { $0.isClassification == true && $0.name == "sentiment" && $0.line == 12 })
        #expect(records[0].extra == ["id": .string("seed_task_1"), "name": .string("sentiment")])
    }

    @Test("Alpaca history must be a list of pairs and is kept in extra")
    func alpacaHistory() throws {
        let record = try #require(RecordMapper.map(
            try object(#"{"instruction": "and now?", "output": "b", "history": [["first", "a"]]}"#), format: .alpaca, line: 1).first)
        #expect(record.history == [["first", "a"]])
        #expect(record.extra["history"] != nil)
        #expect {
            _ = try RecordMapper.map(try object(#"{"instruction": "x", "history": [["only one"]]}"#), format: .alpaca, line: 8)
        } throws: { error in
            (error as? FormatError)?.field == "history[0]"
        }
    }

    @Test("--map syntax errors are reported")
    func mapSyntax() throws {
        #expect(throws: FormatError.self) { _ = try FieldRenaming(parsing: "question") }
        #expect(throws: FormatError.self) { _ = try FieldRenaming(parsing: "a=b,a=c") }
        let renaming = try FieldRenaming(parsing: "q=instruction")
        #expect(renaming.apply(["q": .string("x"), "instruction": .string("old")]) == ["instruction": .string("x")])
    }
}
