/// Stop words for the "only punctuation and stop words" rule: function words that carry no content.
/// Chinese entries may be several characters; text is matched greedily, longest entry first.
public enum StopWords {
    /// English function words (lowercase; contractions without their apostrophe, as the rule folds them).
    public static let english: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "as", "of", "at", "by",
        "for", "with", "about", "against", "between", "into", "through", "during", "before", "after", "above",
        "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further",
        "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more",
        "most", "other", "some", "such", "no", "not", "only", "own", "same", "too", "very", "can", "will",
        "just", "should", "now", "i", "me", "my", "myself", "we", "our", "ours", "you", "your", "yours", "he",
        "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "what", "which", "who",
        "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being",
        "have", "has", "had", "having", "do", "does", "did", "doing", "would", "could", "shall", "may",
        "might", "must", "ok", "okay", "yes", "well", "oh", "um", "uh", "hmm", "also", "etc", "im", "thats",
        "theres", "dont", "cant", "wont", "isnt", "arent", "lets", "youre",
    ]

    /// Chinese function words and particles.
    public static let chinese: Set<String> = [
        "的", "地", "得", "了", "着", "过", "是", "在", "和", "与", "及", "或", "而", "且", "也", "都", "就", "还",
        "又", "才", "把", "被", "给", "对", "从", "向", "往", "于", "以", "之", "其", "所", "为", "因", "由",
        "我", "你", "您", "他", "她", "它", "们", "这", "那", "哪", "个", "些", "吗", "呢", "吧", "啊", "呀",
        "哦", "嗯", "哈", "啦", "嘛", "呗", "哇", "唉", "嘿", "喔", "么", "此", "该", "每", "各", "有", "很",
        "太", "更", "最", "再", "已", "将", "会", "能", "要", "可", "去", "来", "上", "下", "中",
        "我们", "你们", "他们", "她们", "它们", "咱们", "自己", "这个", "那个", "这些", "那些", "这里", "那里",
        "什么", "怎么", "怎样", "如何", "为什么", "因为", "所以", "但是", "然后", "而且", "或者", "如果", "虽然",
        "可是", "不过", "只是", "就是", "还是", "以及", "已经", "可以", "应该", "一个", "一些", "一下", "好的",
        "是的", "没有", "等等", "之类", "这样", "那样", "其实", "当然",
    ]

    /// The longest Chinese stop word, for the greedy match.
    static let longestChinese = chinese.map(\.count).max() ?? 1
}
