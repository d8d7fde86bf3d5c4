/// One row of `runs`: what a command did, with which model and endpoint, and what it cost.
public struct RunCost: Sendable, Equatable {
    public var id: Int64
    public var command: String
    public var status: String
    public var model: String?
    public var endpointHost: String?
    public var template: String?
    public var startedAt: String
    public var rowsWritten: Int
    public var calls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    /// US dollars.
    public var cost: Double

    public init(id: Int64, command: String, status: String, startedAt: String) {
        self.id = id
        self.command = command
        self.status = status
        self.startedAt = startedAt
        rowsWritten = 0
        calls = 0
        promptTokens = 0
        completionTokens = 0
        cost = 0
    }
}
