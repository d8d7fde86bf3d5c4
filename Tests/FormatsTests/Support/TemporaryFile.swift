import Foundation

/// A file under the system temporary directory holding test input; removed by `remove()`.
struct TemporaryFile {
    let path: String

    init(_ text: String, suffix: String = ".json") throws {
        try self.init(bytes: Array(text.utf8), suffix: suffix)
    }

    init(bytes: [UInt8], suffix: String = ".json") throws {
        path = NSTemporaryDirectory() + "dsbench-formats-\(UUID().uuidString)\(suffix)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Finds /work/shared/data-style test data: `shared/data` next to the clone (or any ancestor of it).
enum SharedData {
    static let directory: String? = {
        if let override = ProcessInfo.processInfo.environment["DSBENCH_DATA"] { return override }
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" {
            let candidate = url.appendingPathComponent("shared/data")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("alpaca_en_52k.json").path) {
                return candidate.path
            }
            url.deleteLastPathComponent()
        }
        return nil
    }()

    /// Full path of a data file, or nil when the data directory is absent.
    static func path(_ name: String) -> String? {
        directory.map { $0 + "/" + name }
    }
}

/// Reads every item of a file.
func readAll(_ path: String, format: Formats.SourceFormat? = nil, map: String = "") throws -> (reader: ImportReader, records: [NeutralRecord], rejects: [FormatError]) {
    let reader = try ImportReader(path: path, format: format, renaming: try FieldRenaming(parsing: map))
    var records: [NeutralRecord] = []
    var rejects: [FormatError] = []
    while let item = try reader.next() {
        switch item {
        case .records(let produced): records.append(contentsOf: produced)
        case .rejected(let error, _): rejects.append(error)
        }
    }
    return (reader, records, rejects)
}

import Formats
