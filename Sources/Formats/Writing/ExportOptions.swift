/// How a layout treats content its target cannot take as stored.
public struct ExportOptions: Sendable, Equatable {
    /// `--turns`; nil means the layout's default.
    public var turns: TurnPolicy?
    /// `--lossy`: write a record even when the layout cannot carry all of it, counting what was lost.
    public var lossy: Bool

    public init(turns: TurnPolicy? = nil, lossy: Bool = false) {
        self.turns = turns
        self.lossy = lossy
    }
}
