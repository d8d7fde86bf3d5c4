import Foundation
import TestSupport

/// An English and a Chinese manual, and a scripted model that turns a document Q&A prompt into pairs built
/// from the passage it was sent: one grounded, one leaning on "the passage", one with an invented answer.
enum DocumentSourcesFixtures {
    static let english = """
        # Kettle Manual

        The Model K2 kettle boils one litre of water in about four minutes. It switches itself off when the water boils.

        ## Cleaning

        Descale the kettle once a month. Fill it with equal parts water and white vinegar, boil, and leave it for an hour.

        ## Safety

        Never immerse the base in water. Keep the cord away from the edge of the counter.
        """

    static let chinese = """
        # 电热水壶说明书

        K2 型电热水壶约四分钟即可烧开一升水。水烧开后会自动断电。

        ## 清洁

        每月除垢一次。将等量的清水和白醋倒入壶中，烧开后静置一小时。

        ## 安全

        切勿将底座浸入水中。电源线应远离台面边缘。
        """

    /// The passage between the prompt's triple quotes.
    static func passage(in prompt: String) -> String {
        guard let open = prompt.range(of: "\"\"\"\n"), let close = prompt.range(of: "\n\"\"\"", options: .backwards),
              open.upperBound <= close.lowerBound else { return "" }
        return String(prompt[open.upperBound..<close.lowerBound])
    }

    /// A reply for a document Q&A prompt: three pairs drawn from the passage's first body line.
    static func qaReply(for prompt: String) -> String {
        let passage = passage(in: prompt)
        let body = passage.split(separator: "\n").first { !$0.hasPrefix("#") }.map(String.init) ?? passage
        let heading = passage.split(separator: "\n").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "# ")) } ?? ""
        let pairs: [[String: String]]
        if prompt.contains("下面是一份文档") {
            pairs = [
                ["question": "关于「\(heading)」，说明书是怎么说的？", "answer": body],
                ["question": "根据上文，\(heading)有什么要求？", "answer": body],
                ["question": "「\(heading)」部分提到的保修期是多久？", "answer": "保修期为十年，并且可以免费更换任何零件。"],
            ]
        } else {
            pairs = [
                ["question": "What does the kettle manual say about \(heading)?", "answer": body],
                ["question": "According to the passage, what matters for \(heading)?", "answer": body],
                ["question": "How long is the warranty mentioned under \(heading)?", "answer": "The warranty lasts ten years and covers free replacement parts worldwide."],
            ]
        }
        let data = try! JSONSerialization.data(withJSONObject: pairs, options: [.sortedKeys])
        return "Here you go:\n```json\n" + String(decoding: data, as: UTF8.self) + "\n```"
    }

    /// A server answering document Q&A prompts with `qaReply`, and anything else with a plain answer.
    static func server(delay: Double = 0) throws -> ScriptedLLMServer {
        try ScriptedLLMServer { request in
            let text = request.userText
            let reply: ScriptedReply = text.contains("Passage:") || text.contains("文字：")
                ? .completion(qaReply(for: text)) : .completion("An answer drawn from the reference material.")
            return delay > 0 ? .delayed(delay, reply) : reply
        }
    }
}
