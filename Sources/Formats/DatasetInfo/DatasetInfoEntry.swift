import Foundation

/// One entry of LLaMA-Factory's `dataset_info.json`, so `dataset: NAME` in a training config finds an exported
/// file, and its merge into an existing file. Keys follow LLaMA-Factory's data/README: `file_name`,
/// `formatting` (absent for Alpaca), `columns` (prompt/query/response/history/messages/system/tools) and, for
/// ShareGPT-style files, `tags` (role_tag, content_tag, user_tag, assistant_tag, …); `"ranking": true` marks
/// preference data (columns `chosen`/`rejected`), which LLaMA-Factory's DPO/ORPO/RM stages read.
public struct DatasetInfoEntry: Sendable, Equatable {
    /// Name of the exported file, relative to the dataset directory.
    public var fileName: String
    /// `sharegpt`, or nil for Alpaca (LLaMA-Factory's default).
    public var formatting: String?
    /// LLaMA-Factory column → key in the file.
    public var columns: [String: String]
    /// ShareGPT tags; nil for Alpaca.
    public var tags: [String: String]?
    /// True for preference (ranking) data.
    public var ranking: Bool

    public init(fileName: String, formatting: String?, columns: [String: String], tags: [String: String]?, ranking: Bool = false) {
        self.fileName = fileName
        self.formatting = formatting
        self.columns = columns
        self.tags = tags
        self.ranking = ranking
    }

    /// The `file_name` that names `path` in `directory`'s dataset_info.json: the path relative to the directory
    /// when the file is inside it, else the absolute path (LLaMA-Factory joins `file_name` to its dataset_dir,
    /// and joining an absolute path gives the path itself). Both paths are standardised first (`.`, `..`).
    public static func fileName(for path: String, in directory: String) -> String {
        let standardPath = URL(fileURLWithPath: path).standardizedFileURL.path
        let standardDirectory = URL(fileURLWithPath: directory).standardizedFileURL.path + "/"
        return standardPath.hasPrefix(standardDirectory) ? String(standardPath.dropFirst(standardDirectory.count)) : standardPath
    }

    /// Reads an entry of an existing file; nil when it is not an object with a `file_name`.
    public init?(_ value: JSONValue) {
        guard let object = value.objectValue, let fileName = object["file_name"]?.stringValue else { return nil }
        self.fileName = fileName
        formatting = object["formatting"]?.stringValue
        columns = (object["columns"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        tags = object["tags"]?.objectValue?.compactMapValues(\.stringValue)
        ranking = object["ranking"]?.boolValue ?? false
    }

    /// The entry as JSON.
    public var jsonValue: JSONValue {
        var entry: [String: JSONValue] = ["file_name": .string(fileName)]
        if let formatting { entry["formatting"] = .string(formatting) }
        if ranking { entry["ranking"] = .bool(true) }
        entry["columns"] = .object(columns.mapValues(JSONValue.string))
        if let tags { entry["tags"] = .object(tags.mapValues(JSONValue.string)) }
        return .object(entry)
    }

    /// What merging did to an entry of the same name.
    public enum MergeAction: Sendable, Equatable {
        /// There was none.
        case added
        /// There was one, identical.
        case unchanged
        /// There was one for the same file and formatting, with other columns or tags.
        case updated
        /// There was one for another file or formatting and `force` replaced it.
        case replaced(previous: String)
    }

    /// The text of `dataset_info.json` with this entry stored under `name`, keeping every other entry of
    /// `existing` (the current file's bytes, or nil when there is none), and what happened to an entry of
    /// that name. Throws when the file is not a JSON object, or when an entry of that name points at another
    /// file or formatting and `force` is false.
    public func merged(into existing: [UInt8]?, name: String, force: Bool = false) throws(FormatError) -> (bytes: [UInt8], action: MergeAction) {
        var entries: [String: JSONValue] = [:]
        if let existing, existing.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
            let parsed: JSONValue
            do {
                parsed = try JSONValue.parse(existing)
            } catch {
                throw FormatError(line: 1, field: nil, reason: "dataset_info.json is not valid JSON: \(JSONProblem.describe(error))")
            }
            guard let object = parsed.objectValue else {
                throw FormatError(line: 1, field: nil, reason: "dataset_info.json must be a JSON object, found \(parsed.typeName)")
            }
            entries = object
        }
        var action = MergeAction.added
        if let old = entries[name] {
            let previous = DatasetInfoEntry(old)
            if old == jsonValue {
                action = .unchanged
            } else if let previous, previous.fileName == fileName, previous.formatting == formatting {
                action = .updated
            } else {
                let description = previous.map { "\($0.fileName) (\($0.formatting ?? "alpaca"))" } ?? JSONTextWriter.compact(old)
                guard force else {
                    throw FormatError(
                        line: 1, field: name,
                        reason: "an entry of this name points at \(description), not \(fileName) (\(formatting ?? "alpaca")); use --force to replace it")
                }
                action = .replaced(previous: description)
            }
        }
        var record = OrderedRecord()
        for key in entries.keys.sorted() where key != name { record.append(key, entries[key]!) }
        record.append(name, jsonValue)
        var out: [UInt8] = []
        JSONTextWriter.append(record, to: &out, indent: 2, level: 0)
        out.append(0x0A)
        return (out, action)
    }
}
