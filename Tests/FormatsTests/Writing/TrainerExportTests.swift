import Formats
import Testing

/// Issue 10's faults, each with a small record of our own, asserting the exact bytes a trainer receives.
@Suite("Exports a trainer reads unchanged")
struct TrainerExportTests {
    /// The layout's outcome for one source record read as `format`.
    private func outcome(_ text: String, as format: SourceFormat, _ layout: LayoutName, _ options: ExportOptions = ExportOptions()) throws -> ExportOutcome {
        let fields = try #require(try JSONValue.parse(text).objectValue)
        let record = try #require(try RecordMapper.map(fields, format: format, line: 1).first)
        return layout.layout.export(ExportRow(record), options: options)
    }

    /// The compact JSON line a layout writes for one source record; "skipped: reason" when left out.
    private func line(_ text: String, as format: SourceFormat, _ layout: LayoutName, _ options: ExportOptions = ExportOptions()) throws -> String {
        switch try outcome(text, as: format, layout, options) {
        case .skipped(let reason): return "skipped: \(reason)"
        case .record(let record, _):
            var bytes: [UInt8] = []
            JSONTextWriter.append(record, to: &bytes, indent: nil, level: 0)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private func notes(_ text: String, as format: SourceFormat, _ layout: LayoutName, _ options: ExportOptions = ExportOptions()) throws -> [String] {
        if case .record(_, let notes) = try outcome(text, as: format, layout, options) { return notes }
        return ["skipped"]
    }

    // 1. ShareGPT roles against the registered tags.

    @Test("user/assistant, chatgpt, role/content and mixed turns are written with the declared from/value and human/gpt")
    func shareGPTRolesAreNormalised() throws {
        let expected = #"{"conversations": [{"from": "human", "value": "Name a prime number."}, {"from": "gpt", "value": "7"}]}"#
        let sources = [
            #"{"conversations": [{"from": "user", "value": "Name a prime number."}, {"from": "assistant", "value": "7"}]}"#,
            #"{"conversations": [{"from": "human", "value": "Name a prime number."}, {"from": "chatgpt", "value": "7"}]}"#,
            #"{"conversations": [{"role": "user", "content": "Name a prime number."}, {"role": "assistant", "content": "7"}]}"#,
            #"{"conversations": [{"role": "user", "content": "Name a prime number."}, {"from": "gpt", "value": "7"}]}"#,
        ]
        for source in sources {
            #expect(try line(source, as: .sharegpt, .sharegpt) == expected, "\(source)")
        }
        let rules = try #require(ShareGPTLayout().trainerRules)
        #expect(rules.problems(in: try #require(JSONValue.parse(expected).objectValue)).isEmpty)
        #expect(rules.problems(in: try #require(JSONValue.parse(sources[0]).objectValue)) == ["invalid role tag 'user'"])
    }

    // 2. Turns that do not alternate.

    @Test("merge joins consecutive user or assistant turns with a blank line")
    func mergeJoinsSameRoleTurns() throws {
        let twoUsers = #"{"conversations": [{"from": "human", "value": "Hi."}, {"from": "human", "value": "Name a prime."}, {"from": "gpt", "value": "7"}]}"#
        #expect(try line(twoUsers, as: .sharegpt, .sharegpt) == #"{"conversations": [{"from": "human", "value": "Hi.\n\nName a prime."}, {"from": "gpt", "value": "7"}]}"#)
        #expect(try notes(twoUsers, as: .sharegpt, .sharegpt) == ["turns repaired (consecutive user turns)"])
        #expect(try line(twoUsers, as: .sharegpt, .alpaca) == #"{"instruction": "Hi.\n\nName a prime.", "input": "", "output": "7"}"#)
        let twoAssistants = #"{"conversations": [{"from": "human", "value": "Prime?"}, {"from": "gpt", "value": "7"}, {"from": "gpt", "value": "Or 11."}]}"#
        #expect(try line(twoAssistants, as: .sharegpt, .sharegpt) == #"{"conversations": [{"from": "human", "value": "Prime?"}, {"from": "gpt", "value": "7\n\nOr 11."}]}"#)
        #expect(try line(twoAssistants, as: .sharegpt, .sharegpt, ExportOptions(turns: .skip)) == "skipped: turn order: consecutive assistant turns")
        #expect(try line(twoAssistants, as: .sharegpt, .sharegpt, ExportOptions(turns: .keep)) == #"{"conversations": [{"from": "human", "value": "Prime?"}, {"from": "gpt", "value": "7"}, {"from": "gpt", "value": "Or 11."}]}"#)
    }

    @Test("merge drops a leading assistant turn and a mid-conversation system turn; OpenAI keeps both")
    func mergeDropsWhatLlamaFactoryCannotRead() throws {
        let leading = #"{"conversations": [{"from": "gpt", "value": "Hello!"}, {"from": "human", "value": "Prime?"}, {"from": "gpt", "value": "7"}]}"#
        #expect(try line(leading, as: .sharegpt, .sharegpt) == #"{"conversations": [{"from": "human", "value": "Prime?"}, {"from": "gpt", "value": "7"}]}"#)
        #expect(try line(leading, as: .sharegpt, .openai) == #"{"messages": [{"role": "assistant", "content": "Hello!"}, {"role": "user", "content": "Prime?"}, {"role": "assistant", "content": "7"}]}"#)
        let midSystem = #"{"conversations": [{"from": "human", "value": "a"}, {"from": "gpt", "value": "b"}, {"from": "system", "value": "Be brief."}, {"from": "human", "value": "c"}, {"from": "gpt", "value": "d"}]}"#
        #expect(try line(midSystem, as: .sharegpt, .sharegpt) == #"{"conversations": [{"from": "human", "value": "a"}, {"from": "gpt", "value": "b"}, {"from": "human", "value": "c"}, {"from": "gpt", "value": "d"}]}"#)
        #expect(try notes(midSystem, as: .sharegpt, .sharegpt) == ["turns repaired (system turn inside the conversation)"])
        #expect(try line(midSystem, as: .sharegpt, .openai) == #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "system", "content": "Be brief."}, {"role": "user", "content": "c"}, {"role": "assistant", "content": "d"}]}"#)
        #expect(try line(midSystem, as: .sharegpt, .alpaca) == #"{"instruction": "c", "input": "", "output": "d", "history": [["a", "b"]]}"#)
        #expect(try line(midSystem, as: .sharegpt, .alpaca, ExportOptions(turns: .skip)) == "skipped: turn order: system turn inside the conversation")
    }

    @Test("turns that cannot be repaired are skipped with their reason, never written broken")
    func unrepairableTurnsAreSkipped() throws {
        let unanswered = #"{"conversations": [{"from": "human", "value": "a"}, {"from": "gpt", "value": "b"}, {"from": "human", "value": "c"}]}"#
        #expect(try line(unanswered, as: .sharegpt, .sharegpt) == "skipped: turn order: no final assistant turn")
        let textThenCall = #"{"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "content": "Checking.", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "w", "arguments": "{}"}}]}, {"role": "tool", "tool_call_id": "c1", "content": "sunny"}, {"role": "assistant", "content": "Sunny."}]}"#
        #expect(try line(textThenCall, as: .openai, .sharegpt) == "skipped: turn order: same-side turns of different roles")
        #expect(try line(textThenCall, as: .openai, .openai) == #"{"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "content": "Checking.", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "w", "arguments": "{}"}}]}, {"role": "tool", "content": "sunny", "tool_call_id": "c1"}, {"role": "assistant", "content": "Sunny."}]}"#)
    }

    @Test("import reports the order faults of the stored conversation, not an unanswered last turn")
    func orderFaultsForImport() {
        let turns = [
            ConversationTurn(role: .assistant, text: "x"), ConversationTurn(role: .user, text: "a"),
            ConversationTurn(role: .user, text: "b"), ConversationTurn(role: .assistant, text: "c"),
            ConversationTurn(role: .system, text: "s"), ConversationTurn(role: .user, text: "d"),
        ]
        #expect(TurnAlternation.strict.orderFaults(turns) == [.leadingAssistant, .consecutiveUser, .midSystem])
        #expect(TurnAlternation.strict.orderFaults(Array(turns[1...3].dropFirst())).isEmpty)
    }

    // 3. Legacy OpenAI function calling.

    @Test("functions + function_call + role function become ShareGPT function_call/observation and OpenAI tool_calls")
    func legacyFunctionCalling() throws {
        let legacy = #"{"functions": [{"name": "get_time", "parameters": {"type": "object"}}], "messages": [{"role": "user", "content": "Time?"}, {"role": "assistant", "content": null, "function_call": {"name": "get_time", "arguments": "{\"tz\": \"UTC\"}"}}, {"role": "function", "name": "get_time", "content": "12:00"}, {"role": "assistant", "content": "It is noon."}]}"#
        #expect(try line(legacy, as: .openai, .sharegpt) == #"{"conversations": [{"from": "human", "value": "Time?"}, {"from": "function_call", "value": "{\"name\": \"get_time\", \"arguments\": {\"tz\": \"UTC\"}}"}, {"from": "observation", "value": "12:00"}, {"from": "gpt", "value": "It is noon."}], "tools": "[{\"name\": \"get_time\", \"parameters\": {\"type\": \"object\"}}]"}"#)
        #expect(try line(legacy, as: .openai, .openai) == #"{"messages": [{"role": "user", "content": "Time?"}, {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_time", "arguments": "{\"tz\": \"UTC\"}"}}]}, {"role": "tool", "content": "12:00", "tool_call_id": "call_1"}, {"role": "assistant", "content": "It is noon."}], "tools": [{"type": "function", "function": {"name": "get_time", "parameters": {"type": "object"}}}]}"#)
        let written = try #require(try outcome(legacy, as: .openai, .openai).record?.jsonValue.objectValue)
        #expect(OpenAIFineTuningRules().problems(in: written).isEmpty)
        #expect(TRLRules().problems(in: written).isEmpty)
    }

    // 4. and 6. The shape of tools, one type per column.

    @Test("a tools list in ShareGPT is written as the JSON string LLaMA-Factory parses; OpenAI gets wrapped objects")
    func toolsShapes() throws {
        let listTools = #"{"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}], "tools": [{"name": "f", "parameters": {}}]}"#
        let stringTools = #"{"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}], "tools": "[{\"name\": \"f\", \"parameters\": {}}]"}"#
        #expect(try line(listTools, as: .sharegpt, .sharegpt) == #"{"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}], "tools": "[{\"name\": \"f\", \"parameters\": {}}]"}"#)
        #expect(try line(stringTools, as: .sharegpt, .sharegpt) == #"{"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}], "tools": "[{\"name\": \"f\", \"parameters\": {}}]"}"#)
        let bare = #"{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}], "tools": [{"name": "f", "parameters": {}}]}"#
        #expect(try line(bare, as: .openai, .openai) == #"{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}], "tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}]}"#)
        // A file that mixes the two shapes is flagged by the check; the export writes one shape.
        var checker = RecordChecker(rules: [try #require(ShareGPTLayout().trainerRules)])
        checker.check(try #require(JSONValue.parse(stringTools).objectValue), label: "line 1")
        let problems = checker.check(try #require(JSONValue.parse(listTools).objectValue), label: "line 2")
        #expect(problems == ["tools is not a string (LLaMA-Factory reads a JSON string)", "column 'tools' is an array here but a string in earlier records"])
        #expect(checker.flagged == 1)
    }

    // 5. Tool conversations exported as Alpaca.

    @Test("Alpaca leaves out a conversation with tool turns, or with --lossy writes it without them and counts them")
    func toolConversationAsAlpaca() throws {
        let tool = #"{"conversations": [{"from": "human", "value": "Time?"}, {"from": "function_call", "value": "{\"name\": \"t\", \"arguments\": {}}"}, {"from": "observation", "value": "12:00"}, {"from": "gpt", "value": "Noon."}], "tools": "[{\"name\": \"t\"}]"}"#
        #expect(try line(tool, as: .sharegpt, .alpaca) == "skipped: tool calls (Alpaca has no tool turns; --lossy drops them)")
        #expect(try line(tool, as: .sharegpt, .alpaca, ExportOptions(lossy: true)) == #"{"instruction": "Time?", "input": "", "output": "Noon.", "tools": "[{\"name\": \"t\"}]"}"#)
        #expect(try notes(tool, as: .sharegpt, .alpaca, ExportOptions(lossy: true)) == ["tool turn dropped (--lossy)", "tool turn dropped (--lossy)"])
    }

    // 7. Per-message weight.

    @Test("OpenAI weight survives to OpenAI; a layout without per-turn weight says so")
    func weights() throws {
        let weighted = #"{"messages": [{"role": "user", "content": "q1"}, {"role": "assistant", "content": "bad", "weight": 0}, {"role": "user", "content": "q2"}, {"role": "assistant", "content": "good", "weight": 1}]}"#
        #expect(try line(weighted, as: .openai, .openai) == #"{"messages": [{"role": "user", "content": "q1"}, {"role": "assistant", "content": "bad", "weight": 0}, {"role": "user", "content": "q2"}, {"role": "assistant", "content": "good", "weight": 1}]}"#)
        #expect(try notes(weighted, as: .openai, .sharegpt) == ["weight 0 not expressible in sharegpt (turn trained)"])
        let badWeight = try #require(JSONValue.parse(#"{"messages": [{"role": "user", "content": "q", "weight": 1}, {"role": "assistant", "content": "a", "weight": 2}]}"#).objectValue)
        #expect(OpenAIFineTuningRules().problems(in: badWeight) == ["weight on a non-assistant message", "weight is not 0 or 1"])
    }

    @Test("the check names LLaMA-Factory's faults in Alpaca and ShareGPT records")
    func llamaFactoryRules() throws {
        let alpaca = LlamaFactoryRules(formatting: .alpaca)
        #expect(alpaca.problems(in: ["instruction": .string("q"), "input": .string(""), "output": .string("")]) == ["empty response"])
        #expect(alpaca.problems(in: ["instruction": .string("q"), "output": .string("a"), "history": .array([.string("x")])]) == ["history is not a list of [prompt, response] string pairs"])
        let shareGPT = LlamaFactoryRules(formatting: .sharegpt(tags: ShareGPTLayout.tags))
        let alternating = try #require(JSONValue.parse(#"{"conversations": [{"from": "system", "value": "s"}, {"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}, {"from": "human", "value": "q2"}]}"#).objectValue)
        #expect(shareGPT.problems(in: alternating) == ["odd number of turns (no final response)"])
        let swapped = try #require(JSONValue.parse(#"{"conversations": [{"from": "human", "value": "q"}, {"from": "human", "value": "a"}]}"#).objectValue)
        #expect(shareGPT.problems(in: swapped) == ["turns do not alternate"])
        #expect(TRLRules().problems(in: ["conversations": .array([])]) == ["none of messages, prompt + completion, or text"])
        #expect(OpenAIFineTuningRules().problems(in: ["messages": .array([.object(["role": .string("user"), "content": .string("q")])])]) == ["no assistant message"])
    }
}

@Suite("Export layout registry")
struct ExportLayoutRegistryTests {
    @Test("every layout has a unique name, is found by it, and says what its trainer checks")
    func registry() {
        let names = ExportLayouts.all.map(\.name)
        #expect(names == ["alpaca", "sharegpt", "openai", "jsonl"])
        #expect(Set(names).count == names.count)
        for layout in ExportLayouts.all { #expect(ExportLayouts.named(layout.name)?.name == layout.name) }
        #expect(ExportLayouts.named("parquet") == nil)
        #expect(ExportLayouts.all.filter { $0.trainerRules == nil }.map(\.name) == ["jsonl"])
        #expect(ExportLayouts.all.map(\.defaultTurnPolicy) == [.merge, .merge, .keep, .merge])
    }
}
