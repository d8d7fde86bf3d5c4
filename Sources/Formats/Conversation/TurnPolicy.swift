/// `export --turns`: what to do with a conversation whose turns the target does not accept as they are.
public enum TurnPolicy: String, Sendable, CaseIterable {
    /// Repair: join consecutive same-role turns with a blank line, drop a leading assistant turn, drop a
    /// mid-conversation system turn where the layout has no place for it; what cannot be repaired is skipped.
    case merge
    /// Leave such records out (counted).
    case skip
    /// Write the turns as stored (the trainer may drop the record; `--check` counts them).
    case keep
}
