/// Why no usable endpoint could be configured; messages name the variables and give working examples.
public enum EndpointConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// neither a base URL nor any API key was given
    case missingEndpoint
    /// the base URL is not an http(s) URL with a host
    case invalidBaseURL(String)
    /// a remote host was given without any API key
    case missingKey(host: String)
    /// a server without a known default model was given without `--model`/`DSBENCH_MODEL`
    case missingModel(host: String)

    static let examples = """
        Examples:
          OpenAI:            export OPENAI_API_KEY=sk-...        (model default gpt-4o-mini)
          DashScope / Qwen:  export DASHSCOPE_API_KEY=sk-...     (or QWEN_API_KEY; model default qwen-plus)
          Ollama:            --base-url http://localhost:11434/v1 --model qwen2.5:7b
          vLLM:              --base-url http://localhost:8000/v1 --model Qwen/Qwen2.5-7B-Instruct
          llama.cpp server:  --base-url http://localhost:8080/v1 --model local
          LM Studio:         --base-url http://localhost:1234/v1 --model <loaded model id>
        """

    public var description: String {
        switch self {
        case .missingEndpoint:
            "no LLM endpoint configured: set --base-url or OPENAI_BASE_URL, or an API key in OPENAI_API_KEY, "
                + "DASHSCOPE_API_KEY or QWEN_API_KEY; choose the model with --model or DSBENCH_MODEL.\n"
                + Self.examples
        case .invalidBaseURL(let text):
            "invalid base URL '\(text)': expected http(s)://host[:port]/path, e.g. http://localhost:11434/v1"
        case .missingKey(let host):
            "no API key for \(host): set OPENAI_API_KEY (or DASHSCOPE_API_KEY / QWEN_API_KEY for DashScope); "
                + "local servers (localhost) need none.\n" + Self.examples
        case .missingModel(let host):
            "no model chosen for \(host): pass --model NAME or set DSBENCH_MODEL.\n" + Self.examples
        }
    }
}
