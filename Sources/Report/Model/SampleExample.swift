/// One row of the reproducible sample: the example's texts with its latest verdicts, best score and lineage.
public struct SampleExample: Sendable, Equatable {
    /// A latest verdict on the instruction or on this completion.
    public struct Verdict: Sendable, Equatable {
        public let filter: String
        public let passed: Bool
        public let reason: String?
        public init(filter: String, passed: Bool, reason: String?) {
            self.filter = filter
            self.passed = passed
            self.reason = reason
        }
    }

    /// An ancestor (root first), from the `lineage` view.
    public struct Ancestor: Sendable, Equatable {
        public let id: Int64
        public let origin: String
        public let strategy: String?
        public let depth: Int
        public let text: String
        public init(id: Int64, origin: String, strategy: String?, depth: Int, text: String) {
            self.id = id
            self.origin = origin
            self.strategy = strategy
            self.depth = depth
            self.text = text
        }
    }

    public var instructionID: Int64
    public var completionID: Int64?
    public var origin: String
    public var language: String
    public var instruction: String
    public var input: String
    public var output: String?
    public var system: String?
    /// The `examples` view's verdict: pass, fail or unchecked.
    public var verdict: String
    public var verdicts: [Verdict] = []
    public var bestScore: Double?
    public var isDuplicate = false
    public var lineage: [Ancestor] = []

    public init(instructionID: Int64, completionID: Int64?, origin: String, language: String, instruction: String,
                input: String, output: String?, system: String?, verdict: String) {
        self.instructionID = instructionID
        self.completionID = completionID
        self.origin = origin
        self.language = language
        self.instruction = instruction
        self.input = input
        self.output = output
        self.system = system
        self.verdict = verdict
    }
}
