import LLM
import Testing

struct RunStoppingFailureTests {
    @Test func failuresEveryRequestWouldRepeatAreRecognised() {
        let context = RunStoppingFailure(.http(status: 400, message: "This model's maximum context length is 4096 tokens"))
        #expect(context?.hint.contains("--max-tokens") == true)
        #expect(RunStoppingFailure(.http(status: 400, message: "Range of input length should be [1, 30720]")) != nil)
        #expect(RunStoppingFailure(.http(status: 401, message: "invalid key"))?.status == 401)
        #expect(RunStoppingFailure(.http(status: 403, message: "forbidden")) != nil)
        #expect(RunStoppingFailure(.http(status: 404, message: "model not found"))?.hint.contains("--model") == true)
    }

    @Test func failuresOfOneRequestAreNot() {
        #expect(RunStoppingFailure(.http(status: 400, message: "input data may contain inappropriate content")) == nil)
        #expect(RunStoppingFailure(.http(status: 429, message: "slow down")) == nil)
        #expect(RunStoppingFailure(.http(status: 500, message: "oops")) == nil)
        #expect(RunStoppingFailure(.timeout(seconds: 60)) == nil)
        #expect(RunStoppingFailure(.transport("reset")) == nil)
    }
}
