import LLM

/// Helpers over a document held as an array of Unicode scalars (how `DocumentChunker` addresses text, so
/// offsets are exact and O(1)): a range as a `String`, and its estimated tokens without building one.
enum ScalarText {
    /// The scalars in `range` as a String.
    static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var text = String()
        text.unicodeScalars.reserveCapacity(range.count)
        for index in range { text.unicodeScalars.append(scalars[index]) }
        return text
    }

    /// `TokenEstimator.estimate` of the scalars in `range`: CJK scalars count one each, the others one per four.
    static func tokens(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        var cjk = 0
        for index in range where TokenEstimator.isCJK(scalars[index]) { cjk += 1 }
        return cjk + (range.count - cjk + 3) / 4
    }
}
