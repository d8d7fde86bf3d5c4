import Formats
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
    /// Where the progress line goes on a terminal; nil keeps quiet (pipes, --json).
    let progressSink: (any TextSink)?

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
        // A regular file is hashed on its own thread (below), so the reader need not hash what it streams; stdin
        // or a pipe given by name (`<(zcat data.jsonl.gz)`) can only be read once, so the reader hashes it.
        let regularFile = path != "-" && BackgroundFileHash.isRegularFile(path)
        do {
            reader = try ImportReader(
                path: path, format: format, renaming: renaming, knownHash: regularFile ? "hashed separately" : nil)
        } catch {
            throw CommandError.data(file: displayName, line: error.line, field: error.field, reason: error.reason)
        }
        let hashing = regularFile ? BackgroundFileHash(path: path) : nil
        let format = reader.format
        let detected = reader.detected
        let role = self.role ?? (format == .selfInstruct ? "seeds" : "examples")
        let instructionOrigin: InstructionStore.Origin = role == "seeds" ? .seed : .imported
        let completionOrigin: CompletionStore.Origin = role == "seeds" ? .seed : .imported
        let sources = SourceStore(database)
        /// A file whose bytes were imported before (same format and role) is skipped: checked as soon as the
        /// background hash is ready (`wait`: wait for it), and rolled back by throwing `AlreadyImported`. A bad
        /// record met before the hash is ready waits for this check, so an imported file is skipped, not refused.
        var hashChecked = false
        func skipIfImportedBefore(wait: Bool) throws {
            guard let hashing, !hashChecked else { return }
            guard let finished = wait ? .some(hashing.wait()) : hashing.poll() else { return }
            hashChecked = true
            if let hash = finished, let earlier = try sources.existing(contentHash: hash, format: format.rawValue, role: role) {
                throw AlreadyImported(format: format, sourceID: earlier)
            }
        }
        let instructions = InstructionStore(database)
        let completions = CompletionStore(database)
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
                        for (record, prepared) in zip(produced, item.prepared) {
                            var row = InstructionStore.NewInstruction(instruction: record.instruction, origin: instructionOrigin, runID: runID)
                            row.input = record.input
                            row.system = record.system
                            row.conversation = prepared.conversationJSON
                            row.taskID = record.instanceIndex == 0 ? nil : taskID
                            row.language = prepared.language
                            row.isClassification = record.isClassification
                            row.taskType = record.taskType
                            row.source = "\(displayName):\(record.line)"
                            row.sourceID = sourceID
                            row.extra = prepared.extraJSON
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
                let progress = ImportProgress(
                    path: path, displayName: displayName, sink: progressSink ?? BufferSink(), enabled: progressSink != nil)
                defer { progress.finish() }
                // Into a fresh database the indexes are built once at the end instead of row by row.
                try skipIfImportedBefore(wait: false)
                let streamedHash = try database.withIndexesDeferred(on: ["instructions", "completions"]) {
                    while true {
                        switch readAhead.next() {
                        case .items(let batch, let bytesRead):
                            try interrupt.check()
                            progress.read(upTo: bytesRead)
                            try skipIfImportedBefore(wait: false)
                            do {
                                for item in batch { try store(item) }
                            } catch let error as CommandError {
                                try skipIfImportedBefore(wait: true)
                                throw error
                            }
                        case .failed(let error):
                            try skipIfImportedBefore(wait: true)
                            throw CommandError.data(file: displayName, line: error.line, field: error.field, reason: error.reason)
                        case .finished(let hash):
                            return hash
                        }
                    }
                }
                let hash: String
                if let hashing {
                    guard let digest = hashing.wait() else {
                        throw CommandError.data(file: displayName, line: 0, field: nil, reason: "cannot read the file to hash it")
                    }
                    hash = digest
                } else {
                    hash = streamedHash
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
