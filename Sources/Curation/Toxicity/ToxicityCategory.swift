/// The kinds of harmful language the toxicity rule finds.
public enum ToxicityCategory: String, Sendable, Codable, CaseIterable {
    /// Insults and harassment aimed at a person ("you worthless idiot", "你这个废物").
    case insult
    /// Threats of violence against someone ("I'll find you and hurt you", "我弄死你").
    case threat
    /// Hate against a protected group: slurs and dehumanising claims ("[group] are vermin").
    case hate
    /// Sexual harassment ("send me nudes", "陪我睡").
    case sexualHarassment = "sexual-harassment"
    /// Urging someone to harm or kill themselves ("kill yourself", "你怎么不去死").
    case selfHarm = "self-harm"
    /// A word or pattern added in the rules.json.
    case custom
}
