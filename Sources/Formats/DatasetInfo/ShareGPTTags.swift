/// The `tags` of a LLaMA-Factory ShareGPT-style `dataset_info.json` entry: which key holds a turn's role and
/// content, and the role names of each speaker (LLaMA-Factory data/README, "sharegpt format").
public struct ShareGPTTags: Sendable, Equatable {
    public var role = "from", content = "value"
    public var user = "human", assistant = "gpt", observation = "observation", function = "function_call", system = "system"

    /// LLaMA-Factory's defaults, which `--format sharegpt` writes.
    public static let shareGPT = ShareGPTTags()
    /// OpenAI role names under `role`/`content`, as `--format openai` files are registered.
    public static let openAI = ShareGPTTags(
        role: "role", content: "content", user: "user", assistant: "assistant", observation: "tool")

    public init(
        role: String = "from", content: String = "value", user: String = "human", assistant: String = "gpt",
        observation: String = "observation", function: String = "function_call", system: String = "system"
    ) {
        self.role = role
        self.content = content
        self.user = user
        self.assistant = assistant
        self.observation = observation
        self.function = function
        self.system = system
    }

    /// The entry's `tags` object.
    public var dictionary: [String: String] {
        ["role_tag": role, "content_tag": content, "user_tag": user, "assistant_tag": assistant,
         "observation_tag": observation, "function_tag": function, "system_tag": system]
    }
}
