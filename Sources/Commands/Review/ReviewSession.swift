import Foundation
import Store

/// The review loop: shows one example at a time and turns keys into decisions. `a` accepts, `r` asks for a
/// reason and rejects, `e` opens the output in `$EDITOR` and stores the edit, `s` skips, `u` takes back the
/// last step (a decision is removed from the database), `q`, Ctrl-C or Ctrl-D quits. Space/`j` and `b`/`k`
/// scroll a long example. Every decision is committed before the next example is shown.
struct ReviewSession {
    let database: Database
    let terminal: ReviewTerminal
    let decisions: ReviewDecisions
    let subjects: [ExampleDraw.Key]
    let environment: [String: String]

    /// Decisions made, for the closing line and the run's totals.
    struct Tally {
        var accepted = 0, rejected = 0, edited = 0, skipped = 0

        var text: String { "accepted \(accepted), rejected \(rejected), edited \(edited), skipped \(skipped)" }

        mutating func count(_ decision: ReviewDecisions.Decision?, by step: Int) {
            switch decision {
            case .accepted: accepted += step
            case .rejected: rejected += step
            case .edited: edited += step
            case nil: skipped += step
            }
        }
    }

    /// One step taken, so `u` can go back to it.
    private struct Step {
        let index: Int
        let item: ReviewItem
        let decision: ReviewDecisions.Decision?
    }

    func run() throws -> Tally {
        var tally = Tally()
        var history: [Step] = []
        var index = 0
        var message: String? = subjects.isEmpty ? "nothing to review" : nil
        terminal.enterRawMode()
        defer {
            terminal.restore()
            terminal.show("\r\n")
        }
        while true {
            var screen = currentScreen()
            guard index < subjects.count else {
                terminal.show(screen.finished(total: subjects.count, counts: tally.text, message: message))
                guard terminal.readByte() == UInt8(ascii: "u"), let step = history.popLast() else { return tally }
                try takeBack(step, tally: &tally)
                index = step.index
                message = "undone"
                continue
            }
            guard let item = try ReviewItem.load(database, instructionID: subjects[index].instructionID,
                                                 completionID: subjects[index].completionID)
            else { index += 1; continue }
            var scroll = 0
            var decided: ReviewDecisions.Decision?? = nil
            while decided == nil {
                screen = currentScreen()  // the window may have been resized
                terminal.show(screen.render(item, position: index + 1, total: subjects.count, scroll: scroll, message: message))
                message = nil
                guard let key = terminal.readByte() else { return tally }
                switch key {
                case UInt8(ascii: "a"):
                    decided = .some(try decisions.accept(item))
                case UInt8(ascii: "r"):
                    terminal.show("\r\n")
                    guard let reason = terminal.readLine(prompt: "reason (Enter to store, Esc to cancel): ") else {
                        message = "reject cancelled"
                        continue
                    }
                    let trimmed = reason.trimmingCharacters(in: .whitespaces)
                    decided = .some(try decisions.reject(item, reason: trimmed.isEmpty ? "rejected" : trimmed))
                case UInt8(ascii: "e"):
                    switch editedOutput(of: item) {
                    case .success(let output?): decided = .some(try decisions.edit(item, output: output))
                    case .success(nil): message = "output unchanged, nothing stored"
                    case .failure(let problem): message = problem.message
                    }
                case UInt8(ascii: "s"):
                    decided = .some(nil)
                case UInt8(ascii: "u"):
                    guard let step = history.popLast() else { message = "nothing to undo"; continue }
                    try takeBack(step, tally: &tally)
                    index = step.index
                    message = "undone"
                    break
                case UInt8(ascii: "q"), 0x03, 0x04:
                    return tally
                case UInt8(ascii: " "), UInt8(ascii: "j"):
                    scroll = min(scroll + screen.bodyHeight - 1, max(screen.body(item).count - screen.bodyHeight, 0))
                case UInt8(ascii: "b"), UInt8(ascii: "k"):
                    scroll = max(scroll - (screen.bodyHeight - 1), 0)
                default:
                    message = "keys: " + ReviewScreen.keyLine
                }
                if key == UInt8(ascii: "u") { break }
            }
            if let decision = decided {
                history.append(Step(index: index, item: item, decision: decision))
                tally.count(decision, by: 1)
                message = decision.map(Self.describe) ?? "skipped"
                index += 1
            }
        }
    }

    private func currentScreen() -> ReviewScreen {
        let size = terminal.size(environment: environment)
        return ReviewScreen(columns: size.columns, rows: size.rows)
    }

    private func takeBack(_ step: Step, tally: inout Tally) throws {
        if let decision = step.decision { try decisions.undo(decision, on: step.item) }
        tally.count(step.decision, by: -1)
    }

    static func describe(_ decision: ReviewDecisions.Decision) -> String {
        switch decision {
        case .accepted: "accepted"
        case .rejected(let reason): "rejected: \(reason)"
        case .edited(let id): "edit stored as completion #\(id)"
        }
    }

    /// Why an edit stored nothing.
    struct EditProblem: Error { let message: String }

    /// Opens the output in `$EDITOR` (else `$VISUAL`, else vi) with the terminal restored, and returns the new
    /// text, nil when unchanged or empty. One trailing newline (editors add one) is dropped.
    private func editedOutput(of item: ReviewItem) -> Result<String?, EditProblem> {
        let original = item.output ?? ""
        let path = NSTemporaryDirectory() + "dsbench-review-\(getpid())-\(item.instructionID).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(original.utf8)) else {
            return .failure(EditProblem(message: "cannot write \(path)"))
        }
        let editor = environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["VISUAL"] ?? "vi"
        terminal.restore()
        terminal.show("\u{1B}[H\u{1B}[2J")
        defer { terminal.enterRawMode() }
        // posix_spawn, not Foundation's Process: Process puts the child in a process group of its own, which is
        // not the terminal's foreground group, so vi or nano fail their first read of the terminal (EIO) and
        // exit 1. Spawned without attributes, the editor shares dsbench's (foreground) group.
        let arguments = ["/bin/sh", "-c", "\(editor) \"$1\"", "sh", path]
        let cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, cArguments, cEnvironment)
        guard spawned == 0 else {
            return .failure(EditProblem(message: "cannot start editor '\(editor)': \(String(cString: strerror(spawned)))"))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS (macros Swift does not import).
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard exitCode == 0 else {
            return .failure(EditProblem(message: "editor exited with status \(exitCode), nothing stored"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(EditProblem(message: "cannot read \(path) back"))
        }
        var edited = String(decoding: data, as: UTF8.self)
        if edited.hasSuffix("\n"), !original.hasSuffix("\n") { edited.removeLast() }
        guard edited != original, !edited.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .success(nil) }
        return .success(edited)
    }
}
