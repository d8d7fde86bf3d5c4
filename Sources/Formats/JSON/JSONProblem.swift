import Foundation

/// Turns a `JSONSerialization` error into a short lowercase reason for `file:line: reason` messages.
enum JSONProblem {
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String, !detail.isEmpty {
            return detail.prefix(1).lowercased() + detail.dropFirst()
        }
        return "the data is not valid JSON"
    }
}
