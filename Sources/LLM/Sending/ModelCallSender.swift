/// What the call path sends through: one request in, one settled outcome out (never throws).
///
/// `ModelCallRunner` (module Commands) talks only to this, so whatever stands behind it — one `LLMClient`, an
/// endpoint set routing to the least-busy server, a rate limiter, a Batch API client — reaches every model
/// command without changing any of them. Implementations are `Sendable`: calls run in child tasks.
public protocol ModelCallSender: Sendable {
    /// The cache key of `request` (endpoint identity + body). Requests with equal keys answer each other from
    /// the `llm_calls` ledger, so the key must not depend on which server of a set would take the call.
    func hash(of request: LLMRequest) -> String

    /// Sends `request` (with retries as the sender sees fit) and returns its outcome; `endpointHost` on the
    /// outcome names the host that answered, for the ledger.
    func send(_ request: LLMRequest) async -> LLMCallOutcome

    /// Calls the sender can carry in flight at once (an endpoint set: `--concurrency` × endpoints), or nil to
    /// let the caller's `--concurrency` decide.
    var capacity: Int? { get }
}

extension ModelCallSender {
    /// By default the caller's `--concurrency` decides.
    public var capacity: Int? { nil }
}

extension LLMClient: ModelCallSender {}

extension EndpointFleet: ModelCallSender {
    public var capacity: Int? { limits.concurrency * endpoints.members.count }
}
