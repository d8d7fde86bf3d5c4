import Foundation

/// Turns requests into Batch API input files that a provider accepts: one `custom_id` per file (the same
/// request twice is sent once and its answer serves both), one model and one endpoint `url` per file, and no
/// file above the provider's request or byte limits (`BatchLimits`) — larger sets are split. A line above the
/// per-line limit cannot go in any batch and is returned in `oversized` (send it live).
public struct BatchFilePlan: Sendable {
    /// One input file to upload: its lines and their bytes (JSONL, newline-terminated).
    public struct File: Sendable {
        public var model: String
        /// The endpoint path every line uses, e.g. `/v1/chat/completions`.
        public var url: String
        public var lines: [BatchInputLine]
        public var data: Data
    }

    public private(set) var files: [File] = []
    public private(set) var oversized: [BatchInputLine] = []
    /// Lines dropped because an earlier line had the same `custom_id`.
    public private(set) var duplicates = 0

    public init(_ lines: [BatchInputLine], limits: BatchLimits) {
        var seen: Set<String> = []
        var groups: [String: [BatchInputLine]] = [:]
        var order: [String] = []
        for line in lines {
            guard seen.insert(line.customID).inserted else {
                duplicates += 1
                continue
            }
            let key = line.request.model + "\u{0}" + line.url
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(line)
        }
        for key in order {
            var current: [BatchInputLine] = []
            var data = Data()
            for line in groups[key]! {
                var bytes = line.jsonLine()
                bytes.append(0x0A)
                if let perLine = limits.maxBytesPerLine, bytes.count > perLine {
                    oversized.append(line)
                    continue
                }
                if bytes.count > limits.maxBytesPerFile {
                    oversized.append(line)
                    continue
                }
                if !current.isEmpty,
                    current.count + 1 > limits.maxRequestsPerFile || data.count + bytes.count > limits.maxBytesPerFile
                {
                    files.append(File(model: current[0].request.model, url: current[0].url, lines: current, data: data))
                    current = []
                    data = Data()
                }
                current.append(line)
                data.append(bytes)
            }
            if !current.isEmpty {
                files.append(File(model: current[0].request.model, url: current[0].url, lines: current, data: data))
            }
        }
    }
}
