import Curation
import Formats
import Hashing
import Store

/// Imports one file in one transaction (BEGIN IMMEDIATE): a source row, an instruction row per record (task rows
/// first for Self-Instruct instances), a completion per output, rejects with `--skip-invalid`. A bad record
/// without `--skip-invalid`, an interrupt or a content hash already imported rolls the whole file back.
struct FileImporter {
    /// What happened to one file.
    enum Outcome {
        case imported(format: SourceFormat, detected: Bool, records: Int, rows: Int, rejected: Int)
        case alreadyImported(format: SourceFormat, sourceID: Int64)
    }

    /// Thrown inside the transaction to roll back a file whose content was imported before.
    private struct AlreadyImported: Error {
        let format: SourceFormat
        let sourceID: Int64
    }

    let database: Database
    let runID: Int64
    let format: SourceFormat?
    let role: String?
    let renaming: FieldRenaming
    let skipInvalid: Bool
    let interrupt: InterruptSignal

    func importFile(path: String, displayName: String, run: RunRecorder) throws -> Outcome {
        let reader: ImportReader
        do {
            reader = try ImportReader(path: path, format: format, renaming: renaming)
        } catch {
            throw CommandError.data(file: displayName, line: error.line, field: error.field, reason: error.reason)
        }
        let format = reader.format
        let role = self.role ?? (format == .selfInstruct ? "seeds" : "examples")
        let instructionOrigin: InstructionStore.Origin = role == "seeds" ? .seed : .imported
        let completionOrigin: CompletionStore.Origin = role == "seeds" ? .seed : .imported
        let sources = SourceStore(database)
        // A regular file is hashed up front (a fast read), so an identical re-import is skipped without
        // parsing; stdin can only be read once, so its hash is checked after streaming.
        if path != "-", let hash = SHA256.hexDigest(ofFileAt: path),
           let earlier = try sources.existing(contentHash: hash, format: format.rawValue, role: role) {
            run.count("skipped")
            return .alreadyImported(format: format, sourceID: earlier)
        }
        let instructions = InstructionStore(database)
        let completions = CompletionStore(database)
        do {
            return try database.transaction {
                let sourceID = try sources.insert(
                    path: displayName, contentHash: "pending-\(runID)-\(displayName)", format: format.rawValue,
                    role: role, runID: runID)
                var records = 0, rows = 0, rejected = 0
                var taskID: Int64?
                while let item = try nextItem(reader, displayName: displayName) {
                    if records % 512 == 0 { try interrupt.check() }
                    switch item {
                    case .rejected(let error, let raw):
                        guard skipInvalid else {
                            throw CommandError.data(file: displayName, line: error.line, field: error.field, reason: error.reason)
                        }
                        try sources.reject(sourceID: sourceID, line: error.line, field: error.field, reason: error.reason, raw: raw, runID: runID)
                        rejected += 1
                    case .records(let produced):
                        records += 1
                        for record in produced {
                            var row = InstructionStore.NewInstruction(instruction: record.instruction, origin: instructionOrigin, runID: runID)
                            row.input = record.input
                            row.system = record.system
                            row.conversation = record.conversationJSON
                            row.taskID = record.instanceIndex == 0 ? nil : taskID
                            row.language = LanguageDetector.detect(record.input.isEmpty ? record.instruction : record.instruction + " " + record.input).rawValue
                            row.isClassification = record.isClassification
                            row.source = "\(displayName):\(record.line)"
                            row.sourceID = sourceID
                            row.extra = record.extraJSON
                            let id = try instructions.insert(row)
                            if record.instanceIndex == 0 { taskID = id }
                            rows += 1
                            if let output = record.output {
                                try completions.insert(CompletionStore.NewCompletion(
                                    instructionID: id, output: output, origin: completionOrigin, runID: runID))
                                rows += 1
                            }
                        }
                    }
                }
                let hash = try contentHash(reader, displayName: displayName)
                if let earlier = try sources.existing(contentHash: hash, format: format.rawValue, role: role) {
                    throw AlreadyImported(format: format, sourceID: earlier)
                }
                try sources.finish(sourceID: sourceID, contentHash: hash, records: records, rejected: rejected)
                run.totals.rowsWritten += rows
                run.count("records", records)
                run.count("rejected", rejected)
                return .imported(format: format, detected: reader.detected, records: records, rows: rows, rejected: rejected)
            }
        } catch let duplicate as AlreadyImported {
            run.count("skipped")
            return .alreadyImported(format: duplicate.format, sourceID: duplicate.sourceID)
        }
    }

    private func contentHash(_ reader: ImportReader, displayName: String) throws -> String {
        do {
            return try reader.contentHash()
        } catch {
            throw CommandError.data(file: displayName, line: error.line, field: error.field, reason: error.reason)
        }
    }

    private func nextItem(_ reader: ImportReader, displayName: String) throws -> ImportItem? {
        do {
            return try reader.next()
        } catch {
            throw CommandError.data(file: displayName, line: error.line, field: error.field, reason: error.reason)
        }
    }
}
