/// The families people serve, each checked against the model's own `chat_template` and tokenizer (ids of the
/// end-of-turn and turn-start tokens). Where the template inserts a default system prompt (Qwen2, Qwen2.5),
/// it is part of the prefix, as the model was trained.
extension ChatTemplate {
    private static let chatMLSystem = SystemStyle.block(prefix: "<|im_start|>system\n", suffix: "<|im_end|>\n")

    private static func chatML(
        name: String, bos: String = "", system: SystemStyle = chatMLSystem, defaultSystem: String?,
        ids: [Int], patterns: [String], answerTemperature: Double = 0.7
    ) -> ChatTemplate {
        ChatTemplate(
            name: name, bos: bos, system: system, defaultSystem: defaultSystem,
            userHeader: "<|im_start|>user\n", userEnd: "<|im_end|>\n",
            assistantHeader: "<|im_start|>assistant\n", assistantEnd: "<|im_end|>\n",
            stopStrings: ["<|im_end|>", "<|im_start|>", "<|endoftext|>"], stopTokenIDs: ids,
            modelPatterns: patterns, queryTemperature: 1.0, answerTemperature: answerTemperature)
    }

    /// Meta Llama 3, 3.1, 3.2, 3.3 Instruct. Ids: `<|eot_id|>` 128009, `<|end_of_text|>` 128001,
    /// `<|start_header_id|>` 128006, `<|end_header_id|>` 128007, `<|eom_id|>` 128008.
    public static let llama3 = ChatTemplate(
        name: "llama3", bos: "<|begin_of_text|>",
        system: .block(prefix: "<|start_header_id|>system<|end_header_id|>\n\n", suffix: "<|eot_id|>"),
        defaultSystem: nil,
        userHeader: "<|start_header_id|>user<|end_header_id|>\n\n", userEnd: "<|eot_id|>",
        assistantHeader: "<|start_header_id|>assistant<|end_header_id|>\n\n", assistantEnd: "<|eot_id|>",
        stopStrings: ["<|eot_id|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eom_id|>"],
        stopTokenIDs: [128009, 128001, 128006, 128007, 128008],
        modelPatterns: ["llama-3", "llama3", "llama_3"], queryTemperature: 1.0, answerTemperature: 0.6)

    /// Qwen2 Instruct: ChatML with the template's default system "You are a helpful assistant.".
    /// Ids: `<|im_end|>` 151645, `<|im_start|>` 151644, `<|endoftext|>` 151643.
    public static let qwen2 = chatML(
        name: "qwen2", defaultSystem: "You are a helpful assistant.", ids: [151645, 151644, 151643],
        patterns: ["qwen2-", "qwen2:", "qwen2_", "qwen2/"])

    /// Qwen2.5 Instruct: ChatML with the default system block naming Qwen (without it most queries come out as
    /// fragments).
    public static let qwen25 = chatML(
        name: "qwen2.5", defaultSystem: "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.",
        ids: [151645, 151644, 151643], patterns: ["qwen2.5", "qwen2_5", "qwen25"])

    /// Qwen3: ChatML; its template writes no default system prompt.
    public static let qwen3 = chatML(
        name: "qwen3", defaultSystem: nil, ids: [151645, 151644, 151643], patterns: ["qwen3"])

    /// Gemma 2 (no system role: a system text opens the first user turn). Ids: `<end_of_turn>` 107,
    /// `<start_of_turn>` 106, `<eos>` 1.
    public static let gemma2 = ChatTemplate(
        name: "gemma2", bos: "<bos>", system: .insideFirstUser(separator: "\n\n"), defaultSystem: nil,
        userHeader: "<start_of_turn>user\n", userEnd: "<end_of_turn>\n",
        assistantHeader: "<start_of_turn>model\n", assistantEnd: "<end_of_turn>\n",
        stopStrings: ["<end_of_turn>", "<start_of_turn>", "<eos>"], stopTokenIDs: [107, 106, 1],
        modelPatterns: ["gemma-2", "gemma2"], queryTemperature: 1.0, answerTemperature: 0.7)

    /// Gemma 3: the same strings as Gemma 2, different ids (`<end_of_turn>` 106, `<start_of_turn>` 105, `<eos>` 1).
    public static let gemma3: ChatTemplate = {
        var template = gemma2
        template.name = "gemma3"
        template.stopTokenIDs = [106, 105, 1]
        template.modelPatterns = ["gemma-3", "gemma3"]
        return template
    }()

    /// Phi-3 / Phi-3.5 mini and medium Instruct. Ids: `<|end|>` 32007, `<|endoftext|>` 32000, `<|user|>` 32010,
    /// `<|assistant|>` 32001.
    public static let phi3 = ChatTemplate(
        name: "phi3", bos: "<s>", system: .block(prefix: "<|system|>\n", suffix: "<|end|>\n"), defaultSystem: nil,
        userHeader: "<|user|>\n", userEnd: "<|end|>\n", assistantHeader: "<|assistant|>\n", assistantEnd: "<|end|>\n",
        stopStrings: ["<|end|>", "<|endoftext|>", "<|user|>", "<|assistant|>"], stopTokenIDs: [32007, 32000, 32010, 32001],
        modelPatterns: ["phi-3", "phi3"], queryTemperature: 1.0, answerTemperature: 0.7)

    /// Mistral Instruct v0.3 (no system role: the system text opens the user message). Ids: `[/INST]` 4,
    /// `</s>` 2, `[INST]` 3.
    public static let mistral = ChatTemplate(
        name: "mistral", bos: "<s>", system: .insideFirstUser(separator: "\n\n"), defaultSystem: nil,
        userHeader: "[INST] ", userEnd: "[/INST]", assistantHeader: "", assistantEnd: "</s>",
        stopStrings: ["[/INST]", "</s>", "[INST]"], stopTokenIDs: [4, 2, 3],
        modelPatterns: ["mistral", "mixtral"], queryTemperature: 1.0, answerTemperature: 0.7)

    /// DeepSeek V3 / R1 (and V2.5): the system text follows the BOS directly. Ids: `<｜Assistant｜>` 128804,
    /// `<｜end▁of▁sentence｜>` 1, `<｜User｜>` 128803.
    public static let deepseek = ChatTemplate(
        name: "deepseek", bos: "<｜begin▁of▁sentence｜>", system: .block(prefix: "", suffix: ""), defaultSystem: nil,
        userHeader: "<｜User｜>", userEnd: "", assistantHeader: "<｜Assistant｜>", assistantEnd: "<｜end▁of▁sentence｜>",
        stopStrings: ["<｜Assistant｜>", "<｜end▁of▁sentence｜>", "<｜User｜>"], stopTokenIDs: [128804, 1, 128803],
        modelPatterns: ["deepseek"], queryTemperature: 1.0, answerTemperature: 0.6)

    /// GLM-4 9B chat. Ids: `<|user|>` 151336, `<|assistant|>` 151337, `<|observation|>` 151338, `<|endoftext|>` 151329.
    public static let glm4 = ChatTemplate(
        name: "glm4", bos: "[gMASK]<sop>", system: .block(prefix: "<|system|>\n", suffix: ""), defaultSystem: nil,
        userHeader: "<|user|>\n", userEnd: "", assistantHeader: "<|assistant|>\n", assistantEnd: "",
        stopStrings: ["<|assistant|>", "<|user|>", "<|observation|>", "<|endoftext|>"],
        stopTokenIDs: [151337, 151336, 151338, 151329],
        modelPatterns: ["glm-4", "glm4"], queryTemperature: 1.0, answerTemperature: 0.7)

    /// Yi 1.5 chat: ChatML turns, the system text written bare before them. Ids: `<|im_end|>` 7,
    /// `<|endoftext|>` 2, `<|im_start|>` 6.
    public static let yi = chatML(
        name: "yi", bos: "<|startoftext|>", system: .block(prefix: "", suffix: ""), defaultSystem: nil,
        ids: [7, 2, 6], patterns: ["yi-1.5", "yi-34b", "yi-9b", "yi-6b", "yi1.5"])

    /// Every template, in the order model names are matched.
    public static let all: [ChatTemplate] = [llama3, qwen25, qwen3, qwen2, gemma3, gemma2, phi3, mistral, deepseek, glm4, yi]

    /// The template called `name` (`--template`).
    public static func named(_ name: String) -> ChatTemplate? {
        all.first { $0.name == name.lowercased() }
    }

    /// The template whose pattern occurs in the served model name (`Qwen/Qwen2.5-7B-Instruct`, `qwen2.5:7b`).
    public static func matching(model: String) -> ChatTemplate? {
        let lowered = model.lowercased()
        return all.first { template in template.modelPatterns.contains { lowered.contains($0) } }
    }
}
