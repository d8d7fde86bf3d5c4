/// How one attempt on an endpoint ended, as the router needs to know it.
public enum CallSettlement: Sendable {
    /// answered; `tokens` is the usage to correct the token bucket's estimate with
    case succeeded(tokens: Int, headers: [String: String])
    /// 429: pause the endpoint for `pause` seconds (server's Retry-After or backoff)
    case rateLimited(pause: Double, headers: [String: String])
    /// the endpoint is at fault (connection, 5xx, timeout)
    case endpointFailed(EndpointHealth.Failure)
    /// the request itself failed (4xx other than 429, unusable body) or was cancelled: not the endpoint's fault
    case requestFailed
}
