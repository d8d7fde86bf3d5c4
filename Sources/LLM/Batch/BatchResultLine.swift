import Foundation

/// One line of a batch's output or error file, joined to its request by `custom_id`. Output lines carry
/// `response.status_code` and `response.body` (a chat completion); error-file lines carry `error.code` and
/// `error.message` (e.g. `batch_expired` for requests the window did not reach) and may have a response too.
public struct BatchResultLine: Hashable, Sendable {
    public var customID: String
    /// HTTP status of the request inside the batch, when it ran.
    public var statusCode: Int?
    /// The response body as JSON text, when there is one.
    public var body: String?
    /// `code: message` for a failed line.
    public var error: String?
    /// True for requests the window ended before (`batch_expired`): not billed, worth retrying.
    public var expired: Bool

    /// True when the line holds a 2xx response body.
    public var answered: Bool { error == nil && body != nil && (200..<300).contains(statusCode ?? 0) }

    /// Parses every line of a JSONL file; lines that are not JSON objects with a `custom_id` are reported
    /// by 1-based line number in `invalid`.
    public static func parse(_ data: Data) -> (lines: [BatchResultLine], invalid: [Int]) {
        var lines: [BatchResultLine] = []
        var invalid: [Int] = []
        var number = 0
        for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            guard !raw.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(raw))) as? [String: Any],
                let customID = object["custom_id"] as? String
            else {
                invalid.append(number)
                continue
            }
            var line = BatchResultLine(customID: customID, statusCode: nil, body: nil, error: nil, expired: false)
            if let response = object["response"] as? [String: Any] {
                line.statusCode = (response["status_code"] as? NSNumber)?.intValue
                if let body = response["body"], !(body is NSNull),
                    let text = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
                {
                    line.body = String(decoding: text, as: UTF8.self)
                }
            }
            if let error = object["error"] as? [String: Any] {
                let code = error["code"] as? String ?? "error"
                line.error = [code, error["message"] as? String].compactMap { $0 }.joined(separator: ": ")
                line.expired = code == "batch_expired"
            } else if let status = line.statusCode, !(200..<300).contains(status) {
                let message = line.body.map { ResponseParser.errorMessage(fromBody: Data($0.utf8)) } ?? ""
                line.error = "HTTP \(status): \(message)"
            }
            lines.append(line)
        }
        return (lines, invalid)
    }
}
