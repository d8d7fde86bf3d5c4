/// One pairwise question to put to the judge: show completion `first` as A and `second` as B.
/// `swapCheck` marks the reversed re-ask of a pair, for the position-bias measure.
public struct PairwiseAsk: Sendable, Hashable {
    public var first: Int64
    public var second: Int64
    public var swapCheck: Bool

    public init(first: Int64, second: Int64, swapCheck: Bool) {
        self.first = first
        self.second = second
        self.swapCheck = swapCheck
    }
}
