/// One input/output example of a task (input may be empty when the instruction stands alone).
public struct TaskInstance: Hashable, Sendable, Codable {
    public var input: String
    public var output: String

    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }
}
