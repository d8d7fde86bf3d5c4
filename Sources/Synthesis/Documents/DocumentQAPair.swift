/// A question drawn from a document chunk, with its answer when the style asks for one.
public struct DocumentQAPair: Sendable, Equatable {
    public var question: String
    public var answer: String?

    public init(question: String, answer: String?) {
        self.question = question
        self.answer = answer
    }
}
