import Formats
import Hashing
import Store

/// Imports one file in one transaction (BEGIN IMMEDIATE): a source row, an instruction row per record (task rows
/// first for Self-Instruct instances), a completion per output, rejects with `--skip-invalid`. A bad record
/// without `--skip-invalid`, an interrupt or a content hash already imported rolls the whole file back.
struct FileImporter {
    /// What happened to one file.
    enum Outcome {
        case imported(format: SourceFormat, detected: Bool, records: Int, rows: Int, rejected: Int, turnOrder: Int)
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

    /// A conversation whose stored turns do not alternate the way LLaMA-Factory requires gets a failing
    /// `turn-order` verdict naming the faults; the conversation is kept as given and export's `--turns`
    /// decides per target (the default selection does not exclude on this verdict alone). True if recorded.
    private func recordTurnOrder(_ record: NeutralRecord, instructionID: Int64) throws -> Bool {
        guard let turns = Conversation(stored: record.conversation)?.turns else { return false }
        let faults = TurnAlternation.strict.orderFaults(turns)
        guard !faults.isEmpty else { return false }
        var distinct: [String] = []
        for fault in faults where !distinct.contains(fault.rawValue) { distinct.append(fault.rawValue) }
        let detail = JSONTextWriter.compact(.object(["faults": .array(faults.map { .string($0.rawValue) })]))
        try VerdictStore(database).insert(.init(
            instructionID: instructionID, completionID: nil, filter: Self.turnOrderFilter, passed: false,
            reason: distinct.joined(separator: "; "), detail: detail, runID: runID))
        return true
    }

    /// The verdicts' `filter` name for turn-order faults.
    static let turnOrderFilter = "turn-order"

    func importFile(path: String, displayName: String, run: RunRecorder) throws -> Outcome {
        let reader: ImportReader
        let knownHash = path == "-" ? nil : SHA256.hexDigest(ofFileAt: path)
        do {
            reader = try ImportReader(path: path, format: format, renaming: renaming, knownHash: knownHash)
        } catch {
            throw CommandError.data(file: displayName, line: error.line, field: error.field, reason: error.reason)
        }
        let format = reader.format
        let detected = reader.detected
        let role = self.role ?? (format == .selfInstruct ? "seeds" : "examples")
        let instructionOrigin: InstructionStore.Origin = role == "seeds" ? .seed : .imported
        let completionOrigin: CompletionStore.Origin = role == "seeds" ? .seed : .imported
        let sources = SourceStore(database)
        // A regular file was hashed up front, so an identical re-import is skipped without parsing; stdin can
        // only be read once, so its hash is checked after streaming.
        if let hash = knownHash, let earlier = try sources.existing(contentHash: hash, format: format.rawValue, role: role) {
            run.count("skipped")
            return .alreadyImported(format: format, sourceID: earlier)
        }
        let instructions = try InstructionStore(preparing: database)
        let completions = try CompletionStore(preparing: database)
        do {
            return try database.transaction {
                let sourceID = try sources.insert(
                    path: displayName, contentHash: "pending-\(runID)-\(displayName)", format: format.rawValue,
                    role: role, runID: runID)
                var records = 0, rows = 0, rejected = 0, turnOrder = 0
                var taskID: Int64?
                /// Stores one source record: its instruction rows (task row first) and outputs, or its reject.
                func store(_ item: ReadAheadReader.Item) throws {
                    switch item.item {
                    case .rejected(let error, let raw):
                        guard skipInvalid else {
                            throw CommandError.data(file: displayName, line: error.line, field: error.field, reason: error.reason)
                        }
                        try sources.reject(sourceID: sourceID, line: error.line, field: error.field, reason: error.reason, raw: raw, runID: runID)
                        rejected += 1
                    case .records(let produced):
                        records += 1
                        for (record, language) in zip(produced, item.languages) {
                            var row = InstructionStore.NewInstruction(instruction: record.instruction, origin: instructionOrigin, runID: runID)
                            row.input = record.input
                            row.system = record.system
                            row.conversation = record.conversationJSON
                            row.taskID = record.instanceIndex == 0 ? nil : taskID
                            row.language = language
                            row.isClassification = record.isClassification
                            row.taskType = record.taskType
                            row.source = "\(displayName):\(record.line)"
                            row.sourceID = sourceID
                            row.extra = record.extraJSON
                            let id = try instructions.insert(row)
                            if record.instanceIndex == 0 { taskID = id }
                            if try recordTurnOrder(record, instructionID: id) { turnOrder += 1 }
                            rows += 1
                            if let output = record.output {
                                try completions.insert(CompletionStore.NewCompletion(
                                    instructionID: id, output: output, origin: completionOrigin, runID: runID))
                                rows += 1
                            }
                        }
                    }
                }
                // From here the reader belongs to the reading thread; only values read above are used.
                let readAhead = ReadAheadReader(reader)
                defer { readAhead.close() }
                // Into a fresh database the indexes are built once at the end instead of row by row.
                let hash = try database.withIndexesDeferred(on: ["instructions", "completions"]) {
                    while true {
                        switch readAhead.next() {
                        case .items(let batch):
                            try interrupt.check()
                            for item in batch { try store(item) }
                        case .failed(let error):
                            throw CommandError.data(file: displayName, line: error.line, field: error.field, reason: error.reason)
                        case .finished(let hash):
                            return hash
                        }
                    }
                }
                if let earlier = try sources.existing(contentHash: hash, format: format.rawValue, role: role) {
                    throw AlreadyImported(format: format, sourceID: earlier)
                }
                try sources.finish(sourceID: sourceID, contentHash: hash, records: records, rejected: rejected)
                run.totals.rowsWritten += rows
                run.count("records", records)
                run.count("rejected", rejected)
                run.count("turn_order", turnOrder)
                return .imported(format: format, detected: detected, records: records, rows: rows, rejected: rejected, turnOrder: turnOrder)
            }
        } catch let duplicate as AlreadyImported {
            run.count("skipped")
            return .alreadyImported(format: duplicate.format, sourceID: duplicate.sourceID)
        }
    }
}
