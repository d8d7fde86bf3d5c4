/// The character and token lengths of a stream of texts, as `stats` reports them.
struct TextLengths {
    private(set) var chars = LengthHistogram()
    private(set) var tokens = LengthHistogram()

    mutating func add(_ measure: TextMeasure) {
        chars.add(measure.characters)
        tokens.add(measure.tokens)
    }
}
