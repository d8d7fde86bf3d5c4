/// The result of carrying one planned evolution as far as it goes in this run.
struct EvolutionResult: Sendable {
    /// The evolved row, nil when none could be written (failed model call).
    var childID: Int64?
    /// True when every check passed (or was not applicable) and the row may be evolved further.
    var survived: Bool
}
