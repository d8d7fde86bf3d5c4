import Foundation
import LLM
import Synthesis

/// The options of `generate --method magpie`, validated: target count, chat template (by `--template` or the
/// model name), system prompt, turns, language, how raw prompts reach the server and who writes the BOS.
/// Encoded (with the model options) into `runs.options`.
struct MagpieSettings: Encodable {
    enum CodingKeys: String, CodingKey {
        case method, count, system, turns
        case templateName = "template"
        case language = "lang"
        case rawEndpoint = "raw_endpoint"
        case bos
        case answerMode = "answer_with"
        case queryMaxTokens = "query_max_tokens"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("magpie", forKey: .method)
        try container.encode(count, forKey: .count)
        try container.encodeIfPresent(templateName, forKey: .templateName)
        try container.encodeIfPresent(system, forKey: .system)
        try container.encode(turns, forKey: .turns)
        try container.encodeIfPresent(language, forKey: .language)
        try container.encode(rawEndpoint, forKey: .rawEndpoint)
        try container.encode(bos, forKey: .bos)
        try container.encode(answerMode, forKey: .answerMode)
        try container.encode(queryMaxTokens, forKey: .queryMaxTokens)
    }

    /// Where the raw prompt goes: OpenAI-style `/v1/completions` (vLLM, SGLang, llama.cpp, TGI) or Ollama's
    /// native `/api/generate` with `raw: true`.
    enum RawEndpoint: String, Encodable {
        case auto, openai, ollama
    }

    /// Who writes the beginning-of-sequence token: the prompt (`template`, sent with
    /// `add_special_tokens: false`) or the server (`server`: the template's BOS text is left out).
    enum BOS: String, Encodable {
        case auto, template, server
    }

    /// How answers are obtained: the raw template continued after the assistant header, or chat completions.
    enum AnswerMode: String, Encodable {
        case raw, chat
    }

    let count: Int
    let templateName: String?
    let system: String?
    let turns: Int
    let language: PromptLanguage?
    let rawEndpoint: RawEndpoint
    let bos: BOS
    let answerMode: AnswerMode
    let queryMaxTokens: Int

    /// Chinese system prompt used with `--lang zh` for templates that have a system block.
    static let chineseSystem = "你是一个乐于助人的助手。请用中文交流。"

    init(arguments: ParsedArguments) throws(UsageError) {
        guard let count = try arguments.int("count", minimum: 1) else {
            throw UsageError("--count is required (how many accepted Magpie conversations to reach)")
        }
        self.count = count
        templateName = arguments.string("template")
        if let templateName, ChatTemplate.named(templateName) == nil {
            throw UsageError("--template: unknown template '\(templateName)'; known: \(ChatTemplate.all.map(\.name).joined(separator: ", "))")
        }
        system = arguments.string("system")
        turns = try arguments.int("turns", minimum: 1) ?? 1
        guard turns <= 8 else { throw UsageError("--turns is at most 8 (4 or fewer recommended), got \(turns)") }
        language = arguments.string("lang").flatMap(PromptLanguage.init(rawValue:))
        rawEndpoint = arguments.string("raw-endpoint").flatMap(RawEndpoint.init(rawValue:)) ?? .auto
        bos = arguments.string("bos").flatMap(BOS.init(rawValue:)) ?? .auto
        answerMode = arguments.string("answer-with").flatMap(AnswerMode.init(rawValue:)) ?? .raw
        queryMaxTokens = try arguments.int("query-max-tokens", minimum: 8) ?? 256
    }

    /// The template for `model`: `--template`, else the one matching the model name, else a usage error.
    func template(model: String) throws -> ChatTemplate {
        if let templateName, let template = ChatTemplate.named(templateName) { return template }
        if let template = ChatTemplate.matching(model: model) { return template }
        throw UsageError("cannot tell the chat template of model '\(model)'; give --template, one of: \(ChatTemplate.all.map(\.name).joined(separator: ", "))")
    }

    /// The system prompt sent: `--system`, else the Chinese one for `--lang zh` where the template has a system
    /// prompt of its own, else nil (the template's default, if any).
    func systemPrompt(for template: ChatTemplate) -> String? {
        if let system { return system }
        if language == .chinese, template.defaultSystem != nil || { if case .block = template.system { return true } else { return false } }() {
            return Self.chineseSystem
        }
        return nil
    }

    /// `ollama` for `--raw-endpoint ollama`, or for `auto` when the server is Ollama: its port (11434) or host
    /// name says so, or it answers `GET /api/version` like Ollama (`OllamaProbe`); `openai` otherwise.
    /// `probe` false (a dry run) decides from the URL alone.
    func wire(for endpoint: EndpointConfiguration, probe: Bool = true) -> LLMRequest.Wire {
        switch rawEndpoint {
        case .openai: return .openAI
        case .ollama: return .ollama
        case .auto:
            let host = endpoint.baseURL.host?.lowercased() ?? ""
            if endpoint.baseURL.port == 11434 || host.contains("ollama") { return .ollama }
            return probe && OllamaProbe.isOllama(endpoint) ? .ollama : .openAI
        }
    }

    /// Whether the prompt carries the template's BOS text: yes for OpenAI-style servers (with
    /// `add_special_tokens: false`), no for Ollama, which adds the model's BOS itself.
    func promptCarriesBOS(wire: LLMRequest.Wire) -> Bool {
        switch bos {
        case .template: return true
        case .server: return false
        case .auto: return wire == .openAI
        }
    }

    /// Hosted APIs apply their own chat template (or have no raw endpoint for chat models), so Magpie cannot
    /// work through them: the reason, or nil for a self-hosted server.
    static func hostedRefusal(baseURL: String?, environment: [String: String]) -> String? {
        func set(_ name: String) -> Bool { !(environment[name] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        let resolved = baseURL ?? environment["OPENAI_BASE_URL"]
            ?? (set("OPENAI_API_KEY") ? EndpointConfiguration.openAIBaseURL
                : set("DASHSCOPE_API_KEY") || set("QWEN_API_KEY") ? EndpointConfiguration.dashScopeBaseURL : nil)
        guard let resolved, let host = URL(string: resolved)?.host else { return nil }
        let lowered = host.lowercased()
        let hosted: [(String, String)] = [
            ("api.openai.com", "OpenAI"), ("aliyuncs.com", "DashScope"), ("api.deepseek.com", "DeepSeek"),
            ("api.anthropic.com", "Anthropic"), ("googleapis.com", "Google"), ("api.mistral.ai", "Mistral"),
            ("api.moonshot.cn", "Moonshot"), ("bigmodel.cn", "Zhipu"), ("api.groq.com", "Groq"),
        ]
        guard let (_, name) = hosted.first(where: { lowered.hasSuffix($0.0) }) else { return nil }
        return "Magpie needs a raw completion endpoint that sends the prompt to the model unchanged; \(name)'s API "
            + "applies its own chat template (or serves no raw completions for chat models), so the template prefix "
            + "would be wrapped as a user message. Serve the model yourself with vLLM, SGLang, llama.cpp, TGI or "
            + "Ollama (raw mode) and point --base-url there."
    }
}
