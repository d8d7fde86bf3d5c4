/// A template's name and version, recorded as `name@version` on runs so results can be traced to wording.
public struct PromptTemplateID: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var version: Int

    public init(name: String, version: Int) {
        self.name = name
        self.version = version
    }

    public var description: String { "\(name)@\(version)" }
}
