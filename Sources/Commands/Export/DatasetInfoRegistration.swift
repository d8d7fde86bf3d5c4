import Foundation
import Formats

/// Registers exported files in `DIR/dataset_info.json` for LLaMA-Factory: one entry per file, named after
/// the file, with the columns its records carry. An entry of the same name that points at another file or
/// formatting is refused unless `--force`; a replaced or updated entry is reported.
struct DatasetInfoRegistration {
    let directory: String
    /// The entry for a file name (relative to `directory`) whose records carry the given top-level keys.
    let entry: (_ fileName: String, _ keys: Set<String>) -> DatasetInfoEntry?
    let force: Bool

    init(directory: String, layout: any ExportLayout, force: Bool) {
        self.init(directory: directory, force: force) { layout.datasetInfoEntry(fileName: $0, keys: $1) }
    }

    /// For layouts outside `ExportLayouts` (the preference layouts).
    init(directory: String, force: Bool, entry: @escaping (_ fileName: String, _ keys: Set<String>) -> DatasetInfoEntry?) {
        self.directory = directory
        self.force = force
        self.entry = entry
    }

    /// The new file content and what to tell the user, computed before anything is written.
    struct Plan {
        let path: String
        let bytes: [UInt8]
        let messages: [String]

        func write() throws {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let file = try ExportFile(path: path)
            try file.write(bytes)
            try file.commit()
        }
    }

    /// Merges an entry per `(path, summary)` into the current file; throws a data error naming the file and
    /// entry on a conflict.
    func plan(_ files: [(String, ExportSummary)]) throws -> Plan {
        let infoPath = (directory as NSString).appendingPathComponent("dataset_info.json")
        var bytes = FileManager.default.contents(atPath: infoPath).map { [UInt8]($0) }
        var messages: [String] = []
        for (path, summary) in files {
            let fileName = DatasetInfoEntry.fileName(for: path, in: directory)
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            guard let entry = entry(fileName, summary.keys) else { continue }
            do {
                let merge = try entry.merged(into: bytes, name: name, force: force)
                bytes = merge.bytes
                switch merge.action {
                case .added, .unchanged: break
                case .updated: messages.append("updated the columns of entry '\(name)' in \(infoPath)")
                case .replaced(let previous): messages.append("replaced entry '\(name)' (was \(previous)) in \(infoPath)")
                }
            } catch {
                throw CommandError.data(file: infoPath, line: error.line, field: error.field, reason: error.reason)
            }
        }
        messages.append("registered \(files.count) dataset(s) in \(infoPath)")
        return Plan(path: infoPath, bytes: bytes ?? [], messages: messages)
    }
}
