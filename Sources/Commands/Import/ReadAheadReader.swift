import Curation
import Dispatch
import Foundation
import Formats
import Synchronization

/// Runs an `ImportReader` on its own thread and hands its items over in batches, so parsing (JSON, mapping,
/// language detection) overlaps with the inserts on the owner thread. The queue holds at most a few batches, so memory stays
/// constant however large the file is.
final class ReadAheadReader: Sendable {
    /// One source record with, for each of its neutral records, the column values worked out on the reading
    /// thread (language detection, JSON text), so the writing thread only binds and inserts.
    struct Item: Sendable {
        let item: ImportItem
        let prepared: [Prepared]

        /// Column values of one neutral record.
        struct Prepared: Sendable {
            /// Detected from the instruction and input together (`instructions.language`).
            let language: String
            /// `NeutralRecord.extraJSON`.
            let extraJSON: String?
            /// `NeutralRecord.conversationJSON`.
            let conversationJSON: String?
        }

        init(_ item: ImportItem) {
            self.item = item
            if case .records(let records) = item {
                prepared = records.map { record in
                    // Counted as instruction + " " + input, without joining the strings.
                    var counts = ScriptCounts(record.instruction)
                    counts.add(record.input)
                    return Prepared(
                        language: LanguageDetector.detect(counts: counts).rawValue, extraJSON: record.extraJSON,
                        conversationJSON: record.conversationJSON)
                }
            } else {
                prepared = []
            }
        }
    }

    /// What the reading thread hands over.
    enum Message: Sendable {
        /// Items, and the input's bytes read once they were parsed (for progress).
        case items([Item], bytesRead: Int)
        /// The reader hit damage that makes the rest of the file unreadable.
        case failed(FormatError)
        /// The whole input was read; its SHA-256.
        case finished(contentHash: String)
    }

    private struct State {
        var queue: [Message] = []
        var cancelled = false
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let space: DispatchSemaphore
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading. The reader belongs to the reading thread from here on; the caller must not touch it.
    init(_ reader: ImportReader, batchSize: Int = 256, depth: Int = 4) {
        space = DispatchSemaphore(value: depth)
        let handOver = ReaderTransfer(reader)
        let thread = Thread { [self] in
            defer { done.signal() }
            let reader = handOver.reader
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            do throws(FormatError) {
                while let item = try reader.next() {
                    batch.append(Item(item))
                    if batch.count == batchSize {
                        guard send(.items(batch, bytesRead: reader.source.bytesRead)) else { return }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { guard send(.items(batch, bytesRead: reader.source.bytesRead)) else { return } }
                _ = send(.finished(contentHash: try reader.contentHash()))
            } catch {
                _ = send(.failed(error))
            }
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The next message, waiting for the reading thread when none is ready.
    func next() -> Message {
        available.wait()
        let message = state.withLock { $0.queue.removeFirst() }
        space.signal()
        return message
    }

    /// Stops the reading thread (the owner gave up: an error or an interrupt) and waits for it to end, so the
    /// file is closed before the caller goes on.
    func close() {
        state.withLock { $0.cancelled = true }
        space.signal()
        done.wait()
        // Hand back the room of messages that will never be taken: libdispatch traps when a semaphore is
        // released below its starting value, which an early stop (a bad record, an interrupt, a file already
        // imported) with several batches queued used to do.
        let unread = state.withLock { state in
            defer { state.queue.removeAll() }
            return state.queue.count
        }
        for _ in 0..<unread { space.signal() }
    }

    /// Queues a message; false when the owner has cancelled.
    private func send(_ message: Message) -> Bool {
        space.wait()
        return state.withLock { state in
            if state.cancelled {
                space.signal()  // let a further send (or close) through
                return false
            }
            state.queue.append(message)
            available.signal()
            return true
        }
    }
}

/// Moves the reader (not Sendable) to the reading thread; nothing else touches it afterwards.
private final class ReaderTransfer: @unchecked Sendable {
    let reader: ImportReader
    init(_ reader: ImportReader) { self.reader = reader }
}
