import Curation
import Foundation
import Formats
import Hashing
import Store
import Synthesis

/// `import --as documents`: reads text, Markdown and JSON/JSONL documents (directories recursively, filtered
/// by `--glob`), cuts each into chunks and stores `documents` + `chunks` rows, one transaction per file. A
/// document already imported from the same place with the same text and chunking is skipped; a changed one
/// gets new rows (the old ones stay, so earlier questions keep their passage).
struct DocumentImporter {
    /// What happened to one file.
    struct FileOutcome {
        var documents = 0
        var chunks = 0
        var skipped = 0
    }

    let database: Database
    let reader: DocumentFileReader
    let chunker: DocumentChunker
    let glob: String?
    let interrupt: InterruptSignal

    /// The files under `path`: itself when it is a file, else every file below it whose extension is a
    /// document's (and whose name matches `--glob`), sorted so runs are repeatable.
    func files(under path: String, displayName: String) throws -> [(path: String, display: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError.data(file: displayName, line: 0, field: nil, reason: "no such file or directory")
        }
        guard isDirectory.boolValue else { return [(path, displayName)] }
        var found: [(String, String)] = []
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(relative)
            var childIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue else { continue }
            let ext = (relative as NSString).pathExtension.lowercased()
            if let glob {
                guard fnmatch(glob, (relative as NSString).lastPathComponent, 0) == 0 || fnmatch(glob, relative, 0) == 0 else { continue }
            } else {
                guard DocumentFileReader.extensions.contains(ext) else { continue }
            }
            found.append((full, (displayName as NSString).appendingPathComponent(relative)))
        }
        return found.sorted { $0.1 < $1.1 }
    }

    func importFile(path: String, displayName: String, run: RunRecorder) throws -> FileOutcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.data(file: displayName, line: 0, field: nil, reason: "cannot read the file")
        }
        let documents: [DocumentText]
        do {
            documents = try reader.documents(bytes: [UInt8](data), pathExtension: (path as NSString).pathExtension)
        } catch {
            throw CommandError.data(file: displayName, line: error.line, field: error.field, reason: error.reason)
        }
        let store = DocumentStore(database)
        return try database.transaction {
            var outcome = FileOutcome()
            for document in documents {
                if interrupt.isRequested { throw CommandError.interrupted }
                let hash = SHA256.hexDigest(of: Data(document.text.utf8))
                if try store.existing(
                    path: displayName, recordLine: document.recordLine, contentHash: hash,
                    chunkTokens: chunker.maxTokens, overlap: chunker.overlap) != nil
                {
                    outcome.skipped += 1
                    continue
                }
                var documentChunker = chunker
                documentChunker.markdown = document.isMarkdown
                let chunks = documentChunker.chunks(of: document.text).enumerated().map { seq, chunk in
                    DocumentStore.NewChunk(
                        seq: seq, text: chunk.text, headingPathJSON: CompactJSON.text(chunk.headingPath),
                        charStart: chunk.charStart, charEnd: chunk.charEnd, lineStart: chunk.lineStart,
                        lineEnd: chunk.lineEnd, tokens: chunk.tokens, language: LanguageDetector.detect(chunk.text).rawValue)
                }
                try store.insert(
                    DocumentStore.NewDocument(
                        path: displayName, recordLine: document.recordLine, contentHash: hash, title: document.title,
                        language: LanguageDetector.detect(String(document.text.prefix(4000))).rawValue,
                        format: document.format, bytes: document.bytes, chunkTokens: chunker.maxTokens,
                        overlap: chunker.overlap, runID: run.runID),
                    chunks: chunks)
                outcome.documents += 1
                outcome.chunks += chunks.count
                run.totals.rowsWritten += 1 + chunks.count
            }
            run.count("documents", outcome.documents)
            run.count("chunks", outcome.chunks)
            run.count("skipped", outcome.skipped)
            return outcome
        }
    }
}
