/// Interns token strings as dense integer ids so sequences compare as integers.
public struct TokenVocabulary: Sendable {
    private var ids: [String: Int32] = [:]

    public init() {}

    /// Number of distinct tokens interned.
    public var count: Int { ids.count }

    /// The id of a token, interning it if new.
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let key = String(decoding: bytes, as: UTF8.self)
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }

    /// The id of a known token, or -1 for a token never interned (it can match nothing).
    public func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        ids[String(decoding: bytes, as: UTF8.self)] ?? -1
    }

    /// ROUGE token ids of a text, interning new tokens.
    public mutating func internTokens(of text: String) -> [Int32] {
        var out: [Int32] = []
        RougeTokenizer.forEachToken(text) { out.append(intern($0)) }
        return out
    }

    /// ROUGE token ids of a text without growing the vocabulary (unknown tokens are -1).
    public func lookupTokens(of text: String) -> [Int32] {
        var out: [Int32] = []
        RougeTokenizer.forEachToken(text) { out.append(lookup($0)) }
        return out
    }
}
