/// A batch's lifecycle as the Batch API reports it (`validating` → `in_progress` → `finalizing` →
/// `completed`, or `failed`, `expired`, `cancelling` → `cancelled`), plus `preparing`: recorded locally,
/// not yet created at the provider (so a crash between upload and create is noticed and never resubmitted
/// blindly).
public enum BatchState: String, Hashable, Sendable, CaseIterable {
    case preparing, validating, failed, inProgress = "in_progress", finalizing, completed, expired, cancelling, cancelled

    /// No further change will come: results (if any) can be collected.
    public var isTerminal: Bool {
        switch self {
        case .failed, .completed, .expired, .cancelled: true
        case .preparing, .validating, .inProgress, .finalizing, .cancelling: false
        }
    }
}
