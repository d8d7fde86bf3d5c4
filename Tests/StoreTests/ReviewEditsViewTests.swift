import Migrations
import Store
import Testing

/// Migration "i15-review": the `examples` view shows a reviewer's edit in place of the completion it replaced,
/// and nothing else changes (a scrubbed copy still leaves its original in the view).
@Suite struct ReviewEditsViewTests {
    @Test func anEditReplacesItsOriginalAndAScrubbedCopyDoesNot() throws {
        let database = try Database(path: ":memory:")
        try Migrator().migrate(database)
        let run = try RunStore(database).start(command: "test", optionsJSON: "{}")
        let store = InstructionStore(database)
        let completions = CompletionStore(database)
        let edited = try store.insert(.init(instruction: "Name a colour.", origin: .imported, runID: run))
        let original = try completions.insert(.init(instructionID: edited, output: "Bleu", origin: .imported, runID: run))
        var edit = CompletionStore.NewCompletion(instructionID: edited, output: "Blue", origin: .edited, runID: run)
        edit.parentID = original
        let editID = try completions.insert(edit)
        let scrubbed = try store.insert(.init(instruction: "Mail me.", origin: .imported, runID: run))
        let withPII = try completions.insert(.init(instructionID: scrubbed, output: "a@b.example", origin: .imported, runID: run))
        var copy = CompletionStore.NewCompletion(instructionID: scrubbed, output: "<EMAIL>", origin: .scrubbed, runID: run)
        copy.parentID = withPII
        let copyID = try completions.insert(copy)
        let rows = try database.query("SELECT instruction_id, completion_id, output FROM examples ORDER BY completion_id")
        #expect(rows.map { $0.int64("completion_id") } == [editID, withPII, copyID])
        #expect(rows.first { $0.int64("instruction_id") == edited }?.string("output") == "Blue")
        // Undoing the edit (deleting it) brings the original back.
        try completions.delete(id: editID, runID: run)
        #expect(try database.scalar("SELECT output FROM examples WHERE instruction_id = ?", [.integer(edited)]).stringValue == "Bleu")
    }
}
