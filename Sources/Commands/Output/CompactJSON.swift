import Foundation

/// A JSON value as compact text with sorted keys and unescaped slashes, for the JSON columns commands fill
/// (`extra`, verdict `detail`, `heading_path`). Values are plain dictionaries, arrays, strings and numbers, which
/// always serialise; anything else yields `{}`.
enum CompactJSON {
    static func text(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
