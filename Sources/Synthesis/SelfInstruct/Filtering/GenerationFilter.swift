import Curation
import Foundation

/// The Self-Instruct filters applied to each generated instruction, cheapest first; the first failure decides.
///
/// Length is measured in units (a Latin word or one CJK character). English-like text must have 3–150 words.
/// Text that is mostly CJK must have 4–300 characters: a Chinese character carries roughly half an English
/// word on average, so the upper bound doubles, while 4 keeps short real commands (`排序列表`) and rejects
/// fragments (`好的`).
public struct GenerationFilter: Sendable {
    public static let lengthFilter = "gen-length"
    public static let blacklistFilter = "gen-blacklist"
    public static let punctuationFilter = "gen-punctuation"
    public static let programFilter = "gen-program"
    public static let rougeFilter = "gen-rouge"

    public var wordRange: ClosedRange<Int> = 3...150
    public var cjkRange: ClosedRange<Int> = 4...300
    /// Candidates at or above this ROUGE-L F-measure with any pool instruction are rejected.
    public var rougeThreshold: Double = 0.7
    /// How many similar pool instructions the rouge verdict's detail lists.
    public var similarListed = 10

    /// Tasks a text-only model cannot do well (matched as whole words, case-insensitive).
    public static let englishBlacklist = [
        "image", "images", "picture", "pictures", "photo", "photos", "graph", "graphs", "file", "files", "map",
        "maps", "draw", "drawing", "plot", "plots", "go to", "video", "videos", "audio", "music", "flowchart",
        "flow chart", "diagram", "diagrams",
    ]
    /// Chinese equivalents (matched as substrings, since Chinese has no word spaces).
    public static let chineseBlacklist = [
        "图片", "图像", "照片", "图表", "绘制", "画", "视频", "音频", "音乐", "流程图", "示意图", "地图", "文件", "前往", "录音",
    ]

    public init() {}

    /// Checks that need no pool: length, blacklist, leading punctuation, "Write a program".
    /// Returns the failing verdict, or nil when all pass.
    public func textChecks(_ instruction: String) -> GenerationVerdict? {
        let text = instruction.trimmingCharacters(in: .whitespacesAndNewlines)
        let counts = ScriptCounts(text)
        let words = counts.latinWords + counts.otherWords + counts.numbers
        let mostlyCJK = counts.cjk > 0 && counts.cjk >= words
        let length = counts.cjk + words
        let range = mostlyCJK ? cjkRange : wordRange
        if !range.contains(length) {
            let unit = mostlyCJK ? "units (CJK characters + words)" : "words"
            return GenerationVerdict(
                filter: Self.lengthFilter, passed: false,
                reason: "\(length) \(unit), allowed \(range.lowerBound)–\(range.upperBound)",
                detailJSON: #"{"length":\#(length),"min":\#(range.lowerBound),"max":\#(range.upperBound),"cjk":\#(mostlyCJK)}"#)
        }
        if let word = blacklistedWord(in: text) {
            return GenerationVerdict(
                filter: Self.blacklistFilter, passed: false, reason: "mentions '\(word)', which a text model cannot handle",
                detailJSON: Self.json(["word": word]))
        }
        // Any punctuation, and the ASCII symbols (`$`, `+`, `<`, `|`, …) that start markup rather than a task.
        if let first = text.unicodeScalars.first,
            ScriptClass.of(first) == .punctuation || (first.isASCII && ScriptClass.of(first) == .symbol)
        {
            return GenerationVerdict(
                filter: Self.punctuationFilter, passed: false, reason: "starts with punctuation '\(first)'")
        }
        let lowered = text.lowercased()
        if lowered.hasPrefix("write a program") || text.hasPrefix("编写一个程序") || text.hasPrefix("写一个程序") {
            return GenerationVerdict(
                filter: Self.programFilter, passed: false, reason: "asks to write a program (hard to judge)")
        }
        return nil
    }

    /// The ROUGE-L gate against the pool: passing or failing verdict listing the most similar instructions.
    public func rougeCheck(_ instruction: String, pool: some InstructionSimilarityIndex) -> GenerationVerdict {
        let similar = pool.mostSimilar(to: instruction, k: similarListed)
        let best = similar.first?.score ?? 0
        let detail = Self.json([
            "threshold": rougeThreshold,
            "max": Self.rounded(best),
            "most_similar": similar.map { ["instruction": $0.instruction, "score": Self.rounded($0.score)] as [String: Any] },
        ] as [String: Any])
        if best >= rougeThreshold {
            return GenerationVerdict(
                filter: Self.rougeFilter, passed: false,
                reason: String(format: "ROUGE-L %.3f ≥ %.2f with a pool instruction", best, rougeThreshold), detailJSON: detail)
        }
        return GenerationVerdict(filter: Self.rougeFilter, passed: true, reason: nil, detailJSON: detail)
    }

    /// Filters a batch of candidates in order, adding each accepted one to `pool` so later candidates of the
    /// same batch are compared with it too.
    public func evaluate<Index: InstructionSimilarityIndex>(_ candidates: [String], pool: inout Index) -> [GenerationDecision] {
        candidates.map { candidate in
            if let failed = textChecks(candidate) {
                return GenerationDecision(instruction: candidate, verdict: failed)
            }
            let verdict = rougeCheck(candidate, pool: pool)
            if verdict.passed { pool.append(candidate) }
            return GenerationDecision(instruction: candidate, verdict: verdict)
        }
    }

    func blacklistedWord(in text: String) -> String? {
        let lowered = text.lowercased()
        for word in Self.chineseBlacklist where lowered.contains(word) { return word }
        let tokens = lowered.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        for word in Self.englishBlacklist {
            let parts = word.split(separator: " ").map(String.init)
            if parts.count == 1 {
                if tokens.contains(parts[0]) { return word }
            } else if tokens.count >= parts.count {
                for start in 0...(tokens.count - parts.count) where Array(tokens[start..<start + parts.count]) == parts {
                    return word
                }
            }
        }
        return nil
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func json(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
