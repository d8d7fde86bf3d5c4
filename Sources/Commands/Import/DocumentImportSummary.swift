/// What `dsbench import --as documents` did with each file, printed as one line per file or, with `--json`,
/// one object: `{"run_id": N, "files": [{"file", "documents", "chunks", "skipped"}]}` (`skipped` counts
/// documents unchanged since an earlier import with the same chunking; `refused`, with `--skip-invalid`, says
/// why a file was left out).
struct DocumentImportSummary: Encodable {
    struct File: Encodable {
        var file: String
        var documents: Int
        var chunks: Int
        var skipped: Int
        /// With `--skip-invalid`: why the file was left out (nothing of it stored).
        var refused: String? = nil

        /// `docs/en.md: 1 document, 3 chunks`, or that the file was skipped as unchanged.
        var line: String {
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            if let refused { return "\(file): refused, nothing stored (\(refused))" }
            if documents == 0, skipped > 0 {
                return "\(file): skipped, unchanged since an earlier import (\(plural(skipped, "document")))"
            }
            var line = "\(file): \(plural(documents, "document")), \(chunks) chunks"
            if skipped > 0 { line += ", \(skipped) unchanged skipped" }
            return line
        }
    }

    var command = "import"
    var runID: Int64 = 0
    var files: [File] = []

    enum CodingKeys: String, CodingKey {
        case command, files
        case runID = "run_id"
    }
}
