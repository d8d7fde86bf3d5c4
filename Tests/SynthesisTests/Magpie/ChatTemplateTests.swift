import Testing
@testable import Synthesis

/// Each family's raw prefixes, written out byte for byte from the model's own chat template (not from our
/// code), so a change to a template string fails here.
@Suite struct ChatTemplateTests {
    /// name → (query prefix without a system prompt, prefix with system "SYS", end-of-user marker, assistant header)
    static let expected: [String: (bare: String, withSystem: String, userEnd: String, assistant: String)] = [
        "llama3": ("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n",
                   "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nSYS<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n",
                   "<|eot_id|>", "<|start_header_id|>assistant<|end_header_id|>\n\n"),
        "qwen2": ("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n",
                  "<|im_start|>system\nSYS<|im_end|>\n<|im_start|>user\n", "<|im_end|>\n", "<|im_start|>assistant\n"),
        "qwen2.5": ("<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\n",
                    "<|im_start|>system\nSYS<|im_end|>\n<|im_start|>user\n", "<|im_end|>\n", "<|im_start|>assistant\n"),
        "qwen3": ("<|im_start|>user\n", "<|im_start|>system\nSYS<|im_end|>\n<|im_start|>user\n", "<|im_end|>\n", "<|im_start|>assistant\n"),
        "gemma2": ("<bos><start_of_turn>user\n", "<bos><start_of_turn>user\nSYS\n\n", "<end_of_turn>\n", "<start_of_turn>model\n"),
        "gemma3": ("<bos><start_of_turn>user\n", "<bos><start_of_turn>user\nSYS\n\n", "<end_of_turn>\n", "<start_of_turn>model\n"),
        "phi3": ("<s><|user|>\n", "<s><|system|>\nSYS<|end|>\n<|user|>\n", "<|end|>\n", "<|assistant|>\n"),
        "mistral": ("<s>[INST] ", "<s>[INST] SYS\n\n", "[/INST]", ""),
        "deepseek": ("<｜begin▁of▁sentence｜><｜User｜>", "<｜begin▁of▁sentence｜>SYS<｜User｜>", "", "<｜Assistant｜>"),
        "glm4": ("[gMASK]<sop><|user|>\n", "[gMASK]<sop><|system|>\nSYS<|user|>\n", "", "<|assistant|>\n"),
        "yi": ("<|startoftext|><|im_start|>user\n", "<|startoftext|>SYS<|im_start|>user\n", "<|im_end|>\n", "<|im_start|>assistant\n"),
    ]

    static let expectedStops: [String: (first: String, ids: [Int])] = [
        "llama3": ("<|eot_id|>", [128009, 128001, 128006, 128007, 128008]),
        "qwen2": ("<|im_end|>", [151645, 151644, 151643]),
        "qwen2.5": ("<|im_end|>", [151645, 151644, 151643]),
        "qwen3": ("<|im_end|>", [151645, 151644, 151643]),
        "gemma2": ("<end_of_turn>", [107, 106, 1]),
        "gemma3": ("<end_of_turn>", [106, 105, 1]),
        "phi3": ("<|end|>", [32007, 32000, 32010, 32001]),
        "mistral": ("[/INST]", [4, 2, 3]),
        "deepseek": ("<｜Assistant｜>", [128804, 1, 128803]),
        "glm4": ("<|assistant|>", [151337, 151336, 151338, 151329]),
        "yi": ("<|im_end|>", [7, 2, 6]),
    ]

    @Test func everyFamilyIsCovered() {
        #expect(Set(ChatTemplate.all.map(\.name)) == Set(Self.expected.keys))
    }

    @Test(arguments: ChatTemplate.all.map(\.name))
    func queryPrefixBytes(_ name: String) throws {
        let template = try #require(ChatTemplate.named(name))
        let expected = try #require(Self.expected[name])
        #expect(Array(template.queryPrompt(system: nil).utf8) == Array(expected.bare.utf8))
        #expect(Array(template.queryPrompt(system: "SYS").utf8) == Array(expected.withSystem.utf8))
        // Without the BOS (a server that adds its own) the prompt is the same minus the leading BOS text.
        #expect(template.queryPrompt(system: nil, includeBOS: false) == String(expected.bare.dropFirst(template.bos.count)))
        #expect(expected.bare.hasPrefix(template.bos))
        // The answer prompt: prefix + query + end of user turn + assistant header.
        #expect(template.answerPrompt(system: nil, user: "Q?") == expected.bare + "Q?" + expected.userEnd + expected.assistant)
        let stops = try #require(Self.expectedStops[name])
        #expect(template.stopStrings.first == stops.first)
        #expect(template.stopTokenIDs == stops.ids)
        #expect(template.queryTemperature == 1.0)
        #expect(template.answerTemperature < template.queryTemperature)
    }

    @Test func multiTurnRendersTheConversationAndAppendsTheUserHeader() throws {
        let llama = try #require(ChatTemplate.named("llama3"))
        #expect(llama.queryPrompt(system: nil, history: [("Hi?", "Hello.")]) ==
            "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHello.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n")
        let qwen = try #require(ChatTemplate.named("qwen2.5"))
        #expect(qwen.queryPrompt(system: nil, history: [("A", "B")]) ==
            "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\nA<|im_end|>\n<|im_start|>assistant\nB<|im_end|>\n<|im_start|>user\n")
        // Gemma puts the system text in the first user turn only.
        let gemma = try #require(ChatTemplate.named("gemma2"))
        #expect(gemma.queryPrompt(system: "SYS", history: [("A", "B")]) ==
            "<bos><start_of_turn>user\nSYS\n\nA<end_of_turn>\n<start_of_turn>model\nB<end_of_turn>\n<start_of_turn>user\n")
        let mistral = try #require(ChatTemplate.named("mistral"))
        #expect(mistral.queryPrompt(system: nil, history: [("A", "B")]) == "<s>[INST] A[/INST]B</s>[INST] ")
    }

    @Test func templatesAreChosenFromModelNames() {
        let cases: [(String, String?)] = [
            ("meta-llama/Meta-Llama-3.1-8B-Instruct", "llama3"), ("llama3.2:3b", "llama3"),
            ("Qwen/Qwen2.5-7B-Instruct", "qwen2.5"), ("qwen2.5:7b", "qwen2.5"), ("Qwen/Qwen2-7B-Instruct", "qwen2"),
            ("Qwen/Qwen3-8B", "qwen3"), ("google/gemma-2-9b-it", "gemma2"), ("gemma3:12b", "gemma3"),
            ("microsoft/Phi-3-mini-4k-instruct", "phi3"), ("mistralai/Mistral-7B-Instruct-v0.3", "mistral"),
            ("deepseek-ai/DeepSeek-V3", "deepseek"), ("THUDM/glm-4-9b-chat", "glm4"), ("01-ai/Yi-1.5-9B-Chat", "yi"),
            ("tiny", nil), ("gpt-4o-mini", nil),
        ]
        for (model, name) in cases {
            #expect(ChatTemplate.matching(model: model)?.name == name, "\(model)")
        }
        #expect(ChatTemplate.named("QWEN2.5")?.name == "qwen2.5")
        #expect(ChatTemplate.named("chatml") == nil)
    }
}
