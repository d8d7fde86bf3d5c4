/// Kinds of personal data the PII rule finds, with the placeholder the scrubber writes for each.
public enum PIIKind: String, Sendable, Codable, CaseIterable {
    case email
    case phone
    case idNumber = "id_number"
    case creditCard = "credit_card"
    case ipAddress = "ip_address"

    /// The redaction placeholder, e.g. `<EMAIL>`.
    public var placeholder: String {
        switch self {
        case .email: return "<EMAIL>"
        case .phone: return "<PHONE>"
        case .idNumber: return "<ID_NUMBER>"
        case .creditCard: return "<CREDIT_CARD>"
        case .ipAddress: return "<IP_ADDRESS>"
        }
    }
}
