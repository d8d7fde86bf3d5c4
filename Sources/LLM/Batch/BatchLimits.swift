/// How large one Batch API input file may be, per provider: OpenAI takes 50,000 requests and 200 MB per file;
/// DashScope (Alibaba Cloud Model Studio) 50,000 requests, 500 MB per file and 6 MB per line. Files larger
/// than this are split before upload. Unknown hosts get OpenAI's limits, the strictest per file.
public struct BatchLimits: Hashable, Sendable {
    public var provider: String
    public var maxRequestsPerFile: Int
    public var maxBytesPerFile: Int
    /// Nil: no per-line limit beyond the file's.
    public var maxBytesPerLine: Int?

    public init(provider: String, maxRequestsPerFile: Int, maxBytesPerFile: Int, maxBytesPerLine: Int? = nil) {
        self.provider = provider
        self.maxRequestsPerFile = maxRequestsPerFile
        self.maxBytesPerFile = maxBytesPerFile
        self.maxBytesPerLine = maxBytesPerLine
    }

    public static let openAI = BatchLimits(provider: "openai", maxRequestsPerFile: 50_000, maxBytesPerFile: 200_000_000)
    public static let dashScope = BatchLimits(
        provider: "dashscope", maxRequestsPerFile: 50_000, maxBytesPerFile: 500_000_000, maxBytesPerLine: 6_000_000)

    /// The table: by host suffix, else OpenAI's limits.
    public static func forHost(_ host: String) -> BatchLimits {
        host.lowercased().hasSuffix("aliyuncs.com") ? .dashScope : .openAI
    }
}
