import Foundation

/// `doc-self-contained`: a document question must make sense without the passage in view. It fails when
/// the question leans on the source ("the passage", "the text above", "according to the document", "in this
/// section", "上文", "这段文字", "根据文档", "文中提到"…); the reason quotes the phrase found.
public enum SelfContainedCheck {
    public static let filter = "doc-self-contained"

    static let englishPhrases = [
        "the passage", "this passage", "the text", "this text", "the above", "the document", "this document",
        "the article", "this article", "the excerpt", "this excerpt", "the given context", "the context",
        "this section", "the section above", "according to the", "mentioned above", "described above",
        "the author", "the paragraph", "this paragraph",
    ]
    static let chinesePhrases = [
        "上文", "上述", "这段文字", "该段文字", "这段话", "本段", "该段", "文中", "本文", "原文", "文档中", "根据文档",
        "根据材料", "材料中", "这篇文章", "该文章", "本节", "以上内容", "作者",
    ]

    /// nil when the question stands alone, else the phrase that ties it to the passage.
    public static func dependence(of question: String) -> String? {
        let lowered = question.lowercased()
        for phrase in englishPhrases {
            var searchStart = lowered.startIndex
            while let range = lowered.range(of: phrase, range: searchStart..<lowered.endIndex) {
                let before = range.lowerBound == lowered.startIndex ? nil : lowered[lowered.index(before: range.lowerBound)]
                let after = range.upperBound == lowered.endIndex ? nil : lowered[range.upperBound]
                if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return phrase }
                searchStart = range.upperBound
            }
        }
        return chinesePhrases.first { question.contains($0) }
    }
}
