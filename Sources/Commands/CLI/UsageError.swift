/// A problem with how a command was invoked (unknown option, bad value, conflicting flags). Exit code 64.
public struct UsageError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
