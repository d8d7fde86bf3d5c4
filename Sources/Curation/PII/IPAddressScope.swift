/// Which IPv4 addresses the PII rule reports (`pii.ip` in a rules.json).
public enum IPAddressScope: String, Sendable, Codable, CaseIterable {
    /// Every well-formed dotted quad.
    case all
    /// Only addresses that can identify a host or person on the internet (the default): not unspecified,
    /// loopback, private, shared, link-local, documentation, benchmarking, multicast or reserved addresses,
    /// and not netmasks.
    case `public`
}
