/// Any of Unicode's punctuation categories (ASCII and CJK punctuation alike).
extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            true
        default:
            false
        }
    }
}
