import Foundation
import Formats
import Testing

@Suite("Preference layouts")
struct PreferenceLayoutTests {
    let single = PreferenceExample(
        prompt: PreferencePrompt(user: "列出三种水果。"), responses: .pair(chosen: "苹果、香蕉、橙子。", rejected: "水果。"))
    let multiTurn = PreferenceExample(
        prompt: PreferencePrompt(system: "Be brief.", history: [.init(user: "Hi", assistant: "Hello!")], user: "Name a prime."),
        responses: .pair(chosen: "7", rejected: "8"))

    /// The record as a JSON value, for comparison with the expected text parsed.
    private func json(_ layout: any PreferenceLayout, _ example: PreferenceExample) throws -> JSONValue {
        try layout.record(for: example).get().jsonValue
    }

    private func parsed(_ text: String) throws -> JSONValue { try JSONValue.parse(text) }

    @Test("alpaca-preference: plain-string chosen/rejected, system and [user, assistant] history")
    func alpaca() throws {
        #expect(try json(AlpacaPreferenceLayout(), single) == parsed(#"{"instruction":"列出三种水果。","input":"","chosen":"苹果、香蕉、橙子。","rejected":"水果。"}"#))
        #expect(try json(AlpacaPreferenceLayout(), multiTurn)
            == parsed(#"{"instruction":"Name a prime.","input":"","chosen":"7","rejected":"8","system":"Be brief.","history":[["Hi","Hello!"]]}"#))
    }

    @Test("sharegpt-preference: conversation ends on the human turn, chosen/rejected are single gpt messages")
    func shareGPT() throws {
        #expect(try json(ShareGPTPreferenceLayout(), multiTurn)
            == parsed(#"{"conversations":[{"from":"human","value":"Hi"},{"from":"gpt","value":"Hello!"},{"from":"human","value":"Name a prime."}],"chosen":{"from":"gpt","value":"7"},"rejected":{"from":"gpt","value":"8"},"system":"Be brief."}"#))
        let record = try ShareGPTPreferenceLayout().record(for: single).get().jsonValue.objectValue!
        #expect(record["conversations"]!.arrayValue!.count % 2 == 1)
    }

    @Test("trl-preference: explicit prompt; message lists only for system or history")
    func trl() throws {
        #expect(try json(TRLPreferenceLayout(), single) == parsed(#"{"prompt":"列出三种水果。","chosen":"苹果、香蕉、橙子。","rejected":"水果。"}"#))
        #expect(try json(TRLPreferenceLayout(), multiTurn)
            == parsed(#"{"prompt":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"},{"role":"user","content":"Name a prime."}],"chosen":[{"role":"assistant","content":"7"}],"rejected":[{"role":"assistant","content":"8"}]}"#))
    }

    @Test("openai-preference: input.messages ends with the user turn, one assistant message per output")
    func openAI() throws {
        #expect(try json(OpenAIPreferenceLayout(), multiTurn)
            == parsed(#"{"input":{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"},{"role":"user","content":"Name a prime."}]},"preferred_output":[{"role":"assistant","content":"7"}],"non_preferred_output":[{"role":"assistant","content":"8"}]}"#))
    }

    @Test("trl-kto: label is a JSON boolean")
    func kto() throws {
        let good = PreferenceExample(prompt: PreferencePrompt(user: "2+2?"), responses: .single(completion: "4", desirable: true))
        let bad = PreferenceExample(prompt: multiTurn.prompt, responses: .single(completion: "5", desirable: false))
        #expect(try json(TRLKTOLayout(), good) == parsed(#"{"prompt":"2+2?","completion":"4","label":true}"#))
        let badRecord = try TRLKTOLayout().record(for: bad).get()
        #expect(badRecord.keys == ["prompt", "completion", "label"])
        #expect(badRecord.jsonValue.objectValue?["label"] == .bool(false))
        #expect(try badRecord.jsonValue.objectValue?["completion"] == parsed(#"[{"role":"assistant","content":"5"}]"#))
        #expect(TRLKTOLayout().isUnpaired && !TRLPreferenceLayout().isUnpaired)
    }

    @Test("equal or empty answers are skipped by every layout, not written")
    func skips() {
        let equal = PreferenceExample(prompt: PreferencePrompt(user: "q"), responses: .pair(chosen: "same ", rejected: " same"))
        let empty = PreferenceExample(prompt: PreferencePrompt(user: "q"), responses: .pair(chosen: "a", rejected: "  \n"))
        for layout in PreferenceLayouts.all where !layout.isUnpaired {
            #expect(throws: PreferenceSkip.equalAnswers) { try layout.record(for: equal).get() }
            #expect(throws: PreferenceSkip.emptyAnswer) { try layout.record(for: empty).get() }
        }
        #expect(Set(PreferenceLayouts.all.map(\.name)) == ["alpaca-preference", "sharegpt-preference", "trl-preference", "openai-preference", "trl-kto"])
    }

    @Test("prompts from stored conversations drop the final answer and keep earlier turns")
    func promptFromConversation() throws {
        let conversation = try JSONValue.parse(#"{"conversations":[{"from":"system","value":"S"},{"from":"human","value":"u1"},{"from":"gpt","value":"a1"},{"from":"human","value":"u2"},{"from":"gpt","value":"a2"}]}"#)
        let prompt = try PreferencePrompt.make(instruction: "u2", input: "", system: nil, conversation: conversation).get()
        #expect(prompt == PreferencePrompt(system: "S", history: [.init(user: "u1", assistant: "a1")], user: "u2"))
        let single = try PreferencePrompt.make(instruction: "Translate", input: "chat", system: "", conversation: nil).get()
        #expect(single == PreferencePrompt(user: "Translate", input: "chat") && !single.isConversational)
        #expect(single.user == "Translate\nchat")
        let alpaca = try AlpacaPreferenceLayout().record(for: PreferenceExample(prompt: single, responses: .pair(chosen: "a", rejected: "b"))).get()
        #expect(try alpaca.jsonValue == parsed(#"{"instruction":"Translate","input":"chat","chosen":"a","rejected":"b"}"#))
        let trl = try TRLPreferenceLayout().record(for: PreferenceExample(prompt: single, responses: .pair(chosen: "a", rejected: "b"))).get()
        #expect(trl.jsonValue.objectValue?["prompt"] == .string("Translate\nchat"))
        let tools = try JSONValue.parse(#"{"conversations":[{"from":"human","value":"w"},{"from":"function_call","value":"{}"},{"from":"observation","value":"r"},{"from":"gpt","value":"a"}]}"#)
        #expect(throws: PreferenceSkip.toolTurns) { try PreferencePrompt.make(instruction: "w", input: "", system: nil, conversation: tools).get() }
        let assistantFirst = try JSONValue.parse(#"{"messages":[{"role":"assistant","content":"x"},{"role":"user","content":"y"}]}"#)
        #expect(throws: PreferenceSkip.turnOrder) { try PreferencePrompt.make(instruction: "y", input: "", system: nil, conversation: assistantFirst).get() }
    }

    @Test("dataset_info entries mark ranking and name the right columns")
    func datasetInfo() throws {
        let alpaca = AlpacaPreferenceLayout().datasetInfoEntry(fileName: "p.json", keys: ["instruction", "system"])!
        #expect(try alpaca.jsonValue == parsed(#"{"columns":{"chosen":"chosen","prompt":"instruction","query":"input","rejected":"rejected","system":"system"},"file_name":"p.json","ranking":true}"#))
        let sharegpt = ShareGPTPreferenceLayout().datasetInfoEntry(fileName: "s.jsonl", keys: [])!.jsonValue.objectValue!
        #expect(sharegpt["formatting"] == .string("sharegpt") && sharegpt["ranking"] == .bool(true))
        #expect(sharegpt["columns"] == .object(["messages": .string("conversations"), "chosen": .string("chosen"), "rejected": .string("rejected")]))
        #expect(TRLPreferenceLayout().datasetInfoEntry(fileName: "x", keys: []) == nil)
        let merged = try alpaca.merged(into: Array(#"{"other": {"file_name": "o.json"}}"#.utf8), name: "prefs")
        let object = try JSONValue.parse(merged.bytes).objectValue!
        #expect(object["other"] != nil && object["prefs"] == alpaca.jsonValue)
        #expect(DatasetInfoEntry(alpaca.jsonValue) == alpaca)
    }
}
