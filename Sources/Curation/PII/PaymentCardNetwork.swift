/// Payment card networks by their issuer identification number (IIN) prefixes and allowed lengths.
///
/// A digit string is a card number only when a network's prefix *and* length match and Luhn holds
/// (ISO/IEC 7812; prefixes and lengths as published by the networks, e.g. Visa 4 with 13/16/19 digits,
/// Mastercard 51-55 or 2221-2720 with 16). Eighteen digits are never accepted: no network issues them
/// alone, and a Chinese resident ID has exactly 18.
public enum PaymentCardNetwork: String, Sendable, CaseIterable {
    case visa, mastercard, amex, discover, jcb, unionPay = "unionpay", diners

    /// Allowed lengths in digits.
    public var lengths: Set<Int> {
        switch self {
        case .visa: return [13, 16, 19]
        case .mastercard: return [16]
        case .amex: return [15]
        case .discover: return [16, 19]
        case .jcb: return [16, 17, 19]
        case .unionPay: return [16, 17, 19]
        case .diners: return [14, 16, 19]
        }
    }

    /// True when the leading digits (ASCII bytes) belong to the network.
    func hasPrefix(_ d: [UInt8]) -> Bool {
        func value(_ n: Int) -> Int { d.prefix(n).reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        switch self {
        case .visa: return value(1) == 4
        case .mastercard: return (51...55).contains(value(2)) || (2221...2720).contains(value(4))
        case .amex: return value(2) == 34 || value(2) == 37
        case .discover: return value(4) == 6011 || (644...649).contains(value(3)) || value(2) == 65
        case .jcb: return (3528...3589).contains(value(4))
        case .unionPay: return value(2) == 62 || value(2) == 81
        case .diners: return (300...305).contains(value(3)) || value(2) == 36 || value(2) == 38 || value(2) == 39
        }
    }

    /// The network of a digit string (ASCII bytes) when prefix, length and Luhn all agree, else nil.
    public static func identify(_ digits: [UInt8]) -> PaymentCardNetwork? {
        guard digits.count != 18, digits.count >= 13, PIIDetector.luhn(digits) else { return nil }
        return allCases.first { $0.lengths.contains(digits.count) && $0.hasPrefix(digits) }
    }
}
