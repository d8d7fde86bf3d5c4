/// What an IPv4 address is, by the special-purpose ranges of RFC 6890 / the IANA registry, plus netmasks.
/// Only `.public` addresses can point at a particular host or person.
public enum IPv4Category: String, Sendable, Equatable {
    case unspecified, loopback, `private`, shared, linkLocal = "link-local", documentation, benchmarking
    case multicast, reserved, netmask, `public`

    /// The category of the address `a.b.c.d`.
    public static func of(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> IPv4Category {
        let value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
        // Contiguous-ones masks (128.0.0.0 … 255.255.255.255) and anything starting 255 read as masks.
        if a == 255 || (value != 0 && (~value &+ 1) & ~value == 0 && a >= 128) { return .netmask }
        switch (a, b, c) {
        case (0, _, _): return .unspecified
        case (127, _, _): return .loopback
        case (10, _, _), (172, 16...31, _), (192, 168, _): return .private
        case (100, 64...127, _): return .shared
        case (169, 254, _): return .linkLocal
        case (192, 0, 2), (198, 51, 100), (203, 0, 113): return .documentation
        case (198, 18...19, _): return .benchmarking
        case (192, 0, 0): return .reserved
        case (224...239, _, _): return .multicast
        case (240...255, _, _): return .reserved
        default: return .public
        }
    }
}
