import Commands
import Foundation
import Store
import Testing
import TestSupport

/// `generate --method magpie` against the scripted server: the exact raw prompt bytes and stop sequences of
/// every template, system prompts, multi-turn conversations, Ollama's raw endpoint, refusals, filters, resume.
@Suite(.serialized) struct MagpieCommandTests {
    typealias F = LLMCommandFixtures

    /// Each family's query prefix as the model's chat template writes it, the first stop string, the stop token
    /// ids, and whether the prompt starts with a BOS (then `add_special_tokens: false` is sent).
    static let families: [(name: String, prefix: String, stop: String, ids: [Int], bos: Bool)] = [
        ("llama3", "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n", "<|eot_id|>", [128009, 128001, 128006, 128007, 128008], true),
        ("qwen2", "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n", "<|im_end|>", [151645, 151644, 151643], false),
        ("qwen2.5", "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\n", "<|im_end|>", [151645, 151644, 151643], false),
        ("qwen3", "<|im_start|>user\n", "<|im_end|>", [151645, 151644, 151643], false),
        ("gemma2", "<bos><start_of_turn>user\n", "<end_of_turn>", [107, 106, 1], true),
        ("gemma3", "<bos><start_of_turn>user\n", "<end_of_turn>", [106, 105, 1], true),
        ("phi3", "<s><|user|>\n", "<|end|>", [32007, 32000, 32010, 32001], true),
        ("mistral", "<s>[INST] ", "[/INST]", [4, 2, 3], true),
        ("deepseek", "<｜begin▁of▁sentence｜><｜User｜>", "<｜Assistant｜>", [128804, 1, 128803], true),
        ("glm4", "[gMASK]<sop><|user|>\n", "<|assistant|>", [151337, 151336, 151338, 151329], true),
        ("yi", "<|startoftext|><|im_start|>user\n", "<|im_end|>", [7, 2, 6], true),
    ]

    /// Replies: a query for query prompts (those ending with a user header), an answer otherwise.
    static func server(queries: @escaping @Sendable (Int) -> String = { "How do I keep basil fresh for a week, item \($0)?" }) throws -> ScriptedLLMServer {
        try ScriptedLLMServer { request in
            let prompt = request.userText
            return .completion(isQuery(request) ? queries(request.ordinal) : "Answer for: \(prompt.suffix(20))")
        }
    }

    /// Query requests ask for 256 tokens (`--query-max-tokens`' default), answers for 2048.
    static func isQuery(_ request: RecordedRequest) -> Bool {
        let options = request.json?["options"] as? [String: Any]
        return (request.json?["max_tokens"] as? Int ?? options?["num_predict"] as? Int) == 256
    }

    /// A query unlike any other (its words are drawn from the ordinal), so ROUGE-L never calls it a duplicate.
    static func distinctQuery(_ ordinal: Int) -> String {
        let words = ["river", "bridge", "violin", "orbit", "pepper", "glacier", "ledger", "falcon", "cactus", "harbor",
                     "quartz", "meadow", "tunnel", "saddle", "beacon", "walnut", "comet", "lantern", "oyster", "prism"]
        var state = UInt64(ordinal &+ 1) &* 0x9E3779B97F4A7C15
        let picked = (0..<6).map { _ -> String in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return words[Int((state >> 33) % UInt64(words.count))] + "\(ordinal)"
        }
        return "How would a \(picked[0]) compare with a \(picked[1]), \(picked[2]) or \(picked[3]) near \(picked[4]) \(picked[5])?"
    }

    func emptyDatabase(_ dir: TemporaryDirectory) throws -> String {
        try F.database(in: dir, seeds: [])
    }

    @Test func everyTemplateSendsItsExactPrefixAndStops() throws {
        let server = try Self.server()
        defer { server.stop() }
        for family in Self.families {
            let dir = TemporaryDirectory()
            let db = try emptyDatabase(dir)
            let before = server.requests.count
            let result = F.run(["generate", "--method", "magpie", "--count", "1", "--template", family.name, "--db", db,
                                "--base-url", server.baseURL, "--model", "served-model", "--concurrency", "1"])
            #expect(result.status == 0, "\(family.name): \(result.stderr)")
            let sent = Array(server.requests[before...])
            let query = try #require(sent.first { $0.json?["max_tokens"] as? Int == 256 })
            #expect(query.path == "/v1/completions")
            let body = try #require(query.json)
            #expect(Array((body["prompt"] as? String ?? "").utf8) == Array(family.prefix.utf8), "\(family.name) prefix bytes")
            let stops = body["stop"] as? [String] ?? []
            #expect(stops.first == family.stop, "\(family.name)")
            #expect(body["stop_token_ids"] as? [Int] == family.ids, "\(family.name)")
            #expect((body["add_special_tokens"] as? Bool) == (family.bos ? false : nil), "\(family.name)")
            #expect(body["temperature"] as? Double == 1.0)
            // The answer continues the template: prefix + query + end of user turn + assistant header.
            let answer = try #require(sent.first { $0.json?["max_tokens"] as? Int == 2048 })
            let answerPrompt = answer.json?["prompt"] as? String ?? ""
            #expect(answerPrompt.hasPrefix(family.prefix + "How do I keep basil fresh"))
            #expect((answer.json?["stop"] as? [String] ?? []).contains(family.stop) || family.name == "mistral")
            let row = try #require(try F.query(db, "SELECT instruction, conversation, origin FROM instructions").first)
            #expect(row.string("origin") == "magpie")
            #expect(row.string("instruction").hasPrefix("How do I keep basil fresh"))
        }
    }

    @Test func systemPromptMultiTurnConversationAndExport() throws {
        let server = try Self.server(queries: Self.distinctQuery)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try emptyDatabase(dir)
        let result = F.run(["generate", "--method", "magpie", "--count", "1", "--turns", "2", "--system", "You are a gardener.",
                            "--db", db, "--base-url", server.baseURL, "--model", "meta-llama/Llama-3.1-8B-Instruct", "--concurrency", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        // Sample 0's requests (seeds 0–3: query and answer of turns 1 and 2); other samples run beside it.
        let prompts = server.requests.filter { ($0.json?["seed"] as? Int ?? 99) < 16 }
            .sorted { ($0.json?["seed"] as? Int ?? 0) < ($1.json?["seed"] as? Int ?? 0) }
            .compactMap { $0.json?["prompt"] as? String }
        #expect(prompts.count == 4)
        let system = "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are a gardener.<|eot_id|>"
        #expect(prompts[0] == system + "<|start_header_id|>user<|end_header_id|>\n\n")
        let q1 = String(prompts[1].dropFirst(system.count + "<|start_header_id|>user<|end_header_id|>\n\n".count).prefix(while: { $0 != "<" }))
        #expect(q1.hasPrefix("How would a "))
        #expect(prompts[1] == system + "<|start_header_id|>user<|end_header_id|>\n\n\(q1)<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n")
        // Turn 2's query prompt renders turn 1 and ends with the user header.
        #expect(prompts[2].hasPrefix(prompts[1] + "Answer for: "))
        #expect(prompts[2].hasSuffix("<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n"))
        let options = try #require(try F.query(db, "SELECT options, template FROM runs WHERE command = 'generate'").first)
        let recorded = try #require(try JSONSerialization.jsonObject(with: Data(options.string("options").utf8)) as? [String: Any])
        #expect(recorded["method"] as? String == "magpie")
        #expect(recorded["turns"] as? Int == 2)
        #expect(recorded["system"] as? String == "You are a gardener.")
        #expect(options.string("template") == "magpie:llama3@1")
        // runs.options.sampling holds what the query and answer requests sent, defaults included, as numbers.
        let sampling = try #require(recorded["sampling"] as? [String: [String: Any]])
        let query = try #require(server.requests.first { $0.json?["seed"] as? Int == 0 }?.json)
        let answer = try #require(server.requests.first { $0.json?["seed"] as? Int == 1 }?.json)
        #expect(sampling["query"]?["temperature"] as? Double == query["temperature"] as? Double && query["temperature"] != nil)
        #expect(sampling["query"]?["top_p"] as? Double == 1 && sampling["query"]?["max_tokens"] as? Int == query["max_tokens"] as? Int)
        #expect(sampling["answer"]?["temperature"] as? Double == answer["temperature"] as? Double && answer["temperature"] != nil)
        #expect(sampling["answer"]?["max_tokens"] as? Int == 2048 && answer["max_tokens"] as? Int == 2048)
        #expect(sampling["query"]?["seed"] as? Int == 0 && sampling["answer"]?["stop"] == nil)
        let row = try #require(try F.query(db, "SELECT i.system, i.conversation, c.output FROM instructions i JOIN completions c ON c.instruction_id = i.id ORDER BY i.id").first)
        #expect(row.string("system") == "You are a gardener.")
        let conversation = try #require(try JSONSerialization.jsonObject(with: Data(row.string("conversation").utf8)) as? [String: Any])
        let messages = try #require(conversation["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] ?? "" } == ["system", "user", "assistant", "user", "assistant"])
        #expect(messages[4]["content"] == row.string("output"))

        let out = dir.file("sft.jsonl")
        let export = F.run(["export", "--format", "sharegpt", "-o", out, "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let line = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let turns = try #require(record["conversations"] as? [[String: String]])
        #expect(turns.map { $0["from"] ?? "" } == ["human", "gpt", "human", "gpt"])
        #expect(record["system"] as? String == "You are a gardener.")
    }

    @Test func ollamaGetsItsNativeRawEndpointWithoutADoubleBOS() throws {
        let server = try Self.server()
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try emptyDatabase(dir)
        let result = F.run(["generate", "--method", "magpie", "--count", "1", "--raw-endpoint", "ollama", "--db", db,
                            "--base-url", server.baseURL, "--model", "llama3.1:8b", "--concurrency", "1", "--query-max-tokens", "256"])
        #expect(result.status == 0, "\(result.stderr)")
        let first = try #require(server.requests.first)
        #expect(first.path == "/api/generate")
        let body = try #require(first.json)
        #expect(body["raw"] as? Bool == true)
        #expect(body["stream"] as? Bool == false)
        #expect(body["prompt"] as? String == "<|start_header_id|>user<|end_header_id|>\n\n", "Ollama adds the BOS itself")
        let options = try #require(body["options"] as? [String: Any])
        #expect(options["num_predict"] as? Int == 256)
        #expect((options["stop"] as? [String])?.first == "<|eot_id|>")
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 1)
    }

    @Test func chineseAddsAChineseSystemPromptAndRejectsOtherLanguages() throws {
        let server = try ScriptedLLMServer { request in
            guard Self.isQuery(request) else { return .completion("好的。") }
            return .completion(request.ordinal % 4 == 0 ? "如何在家里种植新鲜的罗勒？" : "How do I grow basil at home in winter?")
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try emptyDatabase(dir)
        let result = F.run(["generate", "--method", "magpie", "--count", "1", "--lang", "zh", "--template", "qwen2.5", "--raw-endpoint", "openai",
                            "--db", db, "--base-url", server.baseURL, "--model", "m", "--concurrency", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requests.first?.json?["prompt"] as? String == "<|im_start|>system\n你是一个乐于助人的助手。请用中文交流。<|im_end|>\n<|im_start|>user\n")
        #expect(try F.scalar(db, "SELECT count(*) FROM latest_verdicts WHERE filter = 'magpie-language' AND passed = 0") >= 1)
        #expect(try F.query(db, "SELECT instruction FROM instructions i WHERE NOT EXISTS (SELECT 1 FROM latest_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0)").map { $0.string("instruction") }.allSatisfy { $0 == "如何在家里种植新鲜的罗勒？" })
        // Gemma has no system role: --lang zh adds nothing to its prefix.
        let gemma = F.run(["generate", "--method", "magpie", "--count", "1", "--lang", "zh", "--template", "gemma2", "--raw-endpoint", "openai",
                           "--db", dir.file("gemma.db"), "--base-url", server.baseURL, "--model", "m", "--concurrency", "1"])
        #expect(gemma.status == 0, "\(gemma.stderr)")
        #expect(server.requests.contains { $0.json?["prompt"] as? String == "<bos><start_of_turn>user\n" })
    }

    @Test func autoDetectsOllamaByItsVersionEndpoint() throws {
        let ollama = try ScriptedLLMServer { request in
            request.path == "/api/version" ? .raw(status: 200, headers: [:], body: #"{"version":"0.5.7"}"#)
                : .completion(Self.isQuery(request) ? "How do I prune a young apple tree properly?" : "Carefully.")
        }
        defer { ollama.stop() }
        let dir = TemporaryDirectory()
        let db = try emptyDatabase(dir)
        let result = F.run(["generate", "--method", "magpie", "--count", "1", "--template", "gemma2", "--db", db,
                            "--base-url", ollama.baseURL, "--model", "m", "--concurrency", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(ollama.requests.first?.method == "GET" && ollama.requests.first?.path == "/api/version")
        #expect(ollama.requests.dropFirst().allSatisfy { $0.path == "/api/generate" })
        #expect(ollama.requests.dropFirst().first?.json?["prompt"] as? String == "<start_of_turn>user\n", "Ollama writes the BOS")

        // A server without /api/version (vLLM, llama.cpp: 404) gets OpenAI-style raw completions.
        let vllm = try ScriptedLLMServer { request in
            request.path == "/api/version" ? .status(404, message: "Not Found")
                : .completion(Self.isQuery(request) ? "How do I prune a young apple tree properly?" : "Carefully.")
        }
        defer { vllm.stop() }
        let other = F.run(["generate", "--method", "magpie", "--count", "1", "--template", "gemma2", "--db", dir.file("other.db"),
                           "--base-url", vllm.baseURL, "--model", "m", "--concurrency", "1"])
        #expect(other.status == 0, "\(other.stderr)")
        #expect(vllm.requests.dropFirst().allSatisfy { $0.path == "/v1/completions" })
        #expect(vllm.requests.dropFirst().first?.json?["prompt"] as? String == "<bos><start_of_turn>user\n")
    }

    @Test func hostedAPIsAndUnknownModelsAreRefused() throws {
        let dir = TemporaryDirectory()
        let db = try emptyDatabase(dir)
        let hosted = F.run(["generate", "--method", "magpie", "--count", "1", "--db", db, "--model", "gpt-4o"],
                           environment: ["OPENAI_API_KEY": "sk-test"])
        #expect(hosted.status == 1)
        #expect(hosted.stderr.contains("OpenAI's API applies its own chat template"))
        #expect(hosted.stderr.contains("vLLM, SGLang, llama.cpp, TGI or Ollama"))
        let dashscope = F.run(["generate", "--method", "magpie", "--count", "1", "--db", db, "--template", "qwen2.5",
                               "--base-url", "https://dashscope.aliyuncs.com/compatible-mode/v1", "--model", "qwen-plus"])
        #expect(dashscope.status == 1 && dashscope.stderr.contains("DashScope"))
        let unknown = F.run(["generate", "--method", "magpie", "--count", "1", "--db", db, "--base-url", "http://127.0.0.1:9/v1", "--model", "tiny"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("llama3, qwen2.5, qwen3, qwen2, gemma3, gemma2, phi3, mistral, deepseek, glm4, yi"))
        #expect(F.run(["generate", "--method", "magpie", "--count", "1", "--template", "chatml", "--db", db]).status == 64)
        #expect(F.run(["generate", "--count", "1", "--turns", "2", "--db", db]).status == 64)
        #expect(try F.scalar(db, "SELECT count(*) FROM runs WHERE command = 'generate'") == 0)
    }

    @Test func badQueriesBecomeFailingVerdictsAndDuplicatesAreCounted() throws {
        let queries = [
            "Answer the question below:", "What is the capital of Peru?\nAnswer: Lima.", "# A travel guide for Peru",
            "What is 2+2?<|im_end|>", "Hi", "What is the capital of Peru?", "what is the capital of peru",
            "Explain how tides work and why there are two a day.",
        ]
        let server = try Self.server { ordinal in ordinal / 2 < queries.count ? queries[ordinal / 2] : "Give a unique question number \(ordinal) about rivers and lakes?" }
        defer { server.stop() }
        // One sample in flight at a time, so query k is sample k's: every query costs two ordinals only when answered.
        let dir = TemporaryDirectory()
        let db = try emptyDatabase(dir)
        let result = F.run(["generate", "--method", "magpie", "--count", "2", "--template", "qwen3", "--raw-endpoint", "openai", "--db", db,
                            "--base-url", server.baseURL, "--model", "m", "--concurrency", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let failing = try F.query(db, "SELECT i.instruction, v.filter FROM latest_verdicts v JOIN instructions i ON i.id = v.instruction_id WHERE v.passed = 0 ORDER BY i.id")
        let byQuery = Dictionary(failing.map { ($0.string("instruction"), $0.string("filter")) }, uniquingKeysWith: { a, _ in a })
        #expect(byQuery["Answer the question below:"] == "magpie-colon")
        #expect(byQuery["What is the capital of Peru?\nAnswer: Lima."] == "magpie-runon")
        #expect(byQuery["# A travel guide for Peru"] == "magpie-heading")
        #expect(byQuery["What is 2+2?<|im_end|>"] == "magpie-template-token")
        #expect(byQuery["Hi"] == "magpie-empty")
        #expect(byQuery["what is the capital of peru"] == "magpie-duplicate")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((summary["duplicate_rate"] as? Double ?? 0) > 0)
        #expect(summary["accepted"] as? Int ?? 0 >= 2)
        // Rejected queries were never answered.
        #expect(try F.scalar(db, "SELECT count(*) FROM completions c JOIN latest_verdicts v ON v.instruction_id = c.instruction_id WHERE v.passed = 0") == 0)
    }

    @Test func interruptedMagpieResumesWithoutResendingFinishedRequests() throws {
        let interrupt = InterruptSignal()
        let server = try ScriptedLLMServer { request in
            if request.ordinal == 2 { interrupt.request() }
            return .delayed(0.25, .completion(Self.isQuery(request) ? Self.distinctQuery(request.ordinal) : "An answer."))
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try emptyDatabase(dir)
        let arguments = ["generate", "--method", "magpie", "--count", "3", "--template", "qwen2.5", "--raw-endpoint", "openai", "--db", db,
                         "--base-url", server.baseURL, "--model", "m", "--concurrency", "2"]
        #expect(F.run(arguments, interrupt: interrupt).status == 130)
        let sent = server.requests.count
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == sent)
        let second = F.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        let bodies = server.requests.map(\.bodyText)
        #expect(Set(bodies).count == bodies.count, "no finished request sent again")
        #expect(try F.scalar(db, "SELECT count(*) FROM instructions WHERE origin = 'magpie'") >= 3)
        #expect(try F.scalar(db, "SELECT count(DISTINCT source) FROM instructions") == (try F.scalar(db, "SELECT count(*) FROM instructions")), "each sample stored once")
        #expect(try F.scalar(db, "SELECT count(*) FROM instructions WHERE extra IS NOT NULL") == 0, "provenance stays out of export")
    }

    @Test func countIsTheNumberOfAcceptedRowsAndARerunReusesTheLedger() throws {
        // Slow replies, so every answer of a batch is in flight when the target is reached.
        let server = try ScriptedLLMServer { request in
            .delayed(0.1, .completion(Self.isQuery(request) ? Self.distinctQuery(request.ordinal) : "An answer to \(request.ordinal)."))
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try emptyDatabase(dir)
        func generate(_ count: Int) -> CLIResult {
            F.run(["generate", "--method", "magpie", "--count", "\(count)", "--template", "qwen2.5", "--raw-endpoint", "openai",
                   "--db", db, "--base-url", server.baseURL, "--model", "m", "--concurrency", "8", "--json"])
        }
        let first = generate(3)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try F.scalar(db, "SELECT count(*) FROM instructions WHERE origin = 'magpie'") == 3)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 3)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(summary["accepted"] as? Int == 3 && summary["accepted_total"] as? Int == 3, "\(first.stdout)")
        // The answers that arrived past the target were paid for: recorded in the ledger, not stored.
        let sent = server.requests.count
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == sent)
        let answered = server.requests.filter { !Self.isQuery($0) }.count
        #expect(answered > 3, "the batch's answers were in flight")
        #expect(summary["beyond_target"] as? Int == answered - 3, "\(first.stdout)")

        let second = generate(5)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try F.scalar(db, "SELECT count(*) FROM instructions WHERE origin = 'magpie'") == 5)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 5)
        #expect(try F.scalar(db, "SELECT count(DISTINCT source) FROM instructions") == 5)
        // The two conversations not stored came back from the ledger: no answer was requested again.
        let bodies = server.requests.map(\.bodyText)
        #expect(Set(bodies).count == bodies.count, "no finished request sent again")
        #expect(server.requests.dropFirst(sent).allSatisfy(Self.isQuery), "answers came from the ledger")
    }
}
