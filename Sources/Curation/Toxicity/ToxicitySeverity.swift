/// How much context a toxicity term needs before it counts.
public enum ToxicitySeverity: String, Sendable, Codable, Comparable {
    /// Abusive in itself (slurs, "fuck you", "kill yourself", "傻逼"): counts unless it is mentioned rather
    /// than used (quoted, explained, translated, listed in a moderation guideline).
    case high
    /// Abusive only when aimed at someone ("idiot", "trash", "废物", "垃圾"): counts with a target next to it —
    /// "you (are) (a) …", "he's a …", "你这个…", "他是个…".
    case targeted
    /// A protected group's name: counts when the clause says the group is (or should be) something
    /// dehumanising ("… are vermin", "…都该死").
    case group

    public static func < (a: ToxicitySeverity, b: ToxicitySeverity) -> Bool {
        let order: [ToxicitySeverity] = [.group, .targeted, .high]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}
