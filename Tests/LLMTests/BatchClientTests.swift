import Foundation
import LLM
import Testing
import TestSupport

@Suite(.serialized) struct BatchClientTests {
    func client(_ server: ScriptedLLMServer) throws -> BatchClient {
        let config = try EndpointConfiguration.resolve(baseURL: server.baseURL, model: "scripted", environment: [:])
        return BatchClient(configuration: config, createAttempts: 4, createRetryDelay: 0.01)
    }

    func plan(_ texts: [String]) -> BatchFilePlan {
        BatchFilePlan(texts.map { text in
            let request = LLMRequest.chat(model: "scripted", messages: [.user(text)])
            return BatchInputLine(customID: request.hash(endpointIdentity: "e"), request: request)
        }, limits: .openAI)
    }

    @Test func uploadCreateProgressAndCollect() async throws {
        let service = ScriptedBatchService(hiddenCreates: 2) { _, body in
            let text = ScriptedBatchService.lastUserText(body)
            return text == "bad" ? .failure(status: 400, message: "rejected") : .answer(text.uppercased())
        }
        let server = try ScriptedLLMServer { service.reply(to: $0) ?? .echo }
        defer { server.stop() }
        let batches = try client(server)
        let file = plan(["a", "b", "bad"]).files[0]
        let fileID = try await batches.upload(file.data, filename: "dsbench.jsonl")
        #expect(service.file(fileID) == file.data)
        // The first two creates see "file not found" (the upload is not visible yet) and are retried.
        let created = try await batches.create(inputFileID: fileID, endpoint: file.url, key: "key-1")
        #expect(created.state == .validating)
        #expect(service.batches.count == 1)
        #expect(try await batches.retrieve(created.id).state == .inProgress)
        let done = try await batches.retrieve(created.id)
        #expect(done.state == .completed)
        #expect(done.completed == 2 && done.failed == 1)
        let output = BatchResultLine.parse(try await batches.content(ofFile: try #require(done.outputFileID))).lines
        #expect(Set(output.map(\.customID)) == Set(file.lines.prefix(2).map(\.customID)))
        #expect(output.filter { !$0.answered }.isEmpty)
        let errors = BatchResultLine.parse(try await batches.content(ofFile: try #require(done.errorFileID))).lines
        #expect(errors.map(\.customID) == [file.lines[2].customID])
        #expect(try await batches.find(key: "key-1")?.id == created.id)
        #expect(try await batches.find(key: "other") == nil)
    }

    @Test func invalidFileFailsInValidationNotAtCreation() async throws {
        let service = ScriptedBatchService()
        let server = try ScriptedLLMServer { service.reply(to: $0) ?? .echo }
        defer { server.stop() }
        let batches = try client(server)
        // Two models in one file: accepted at creation, failed with `errors` later, as hosted APIs do.
        var data = plan(["a"]).files[0].data
        let other = LLMRequest.chat(model: "other", messages: [.user("b")])
        data.append(BatchInputLine(customID: "x", request: other).jsonLine())
        let created = try await batches.create(inputFileID: try await batches.upload(data, filename: "f.jsonl"), endpoint: "/v1/chat/completions", key: "k")
        let failed = try await batches.retrieve(created.id)
        #expect(failed.state == .failed)
        #expect(failed.errors?.contains("only one model") == true)
    }

    @Test func expiredAndCancelledLinesLandInTheErrorFile() async throws {
        let service = ScriptedBatchService(expireAfter: 1)
        let server = try ScriptedLLMServer { service.reply(to: $0) ?? .echo }
        defer { server.stop() }
        let batches = try client(server)
        let file = plan(["a", "b", "c"]).files[0]
        let created = try await batches.create(inputFileID: try await batches.upload(file.data, filename: "f.jsonl"), endpoint: file.url, key: "k")
        _ = try await batches.retrieve(created.id)
        let expired = try await batches.retrieve(created.id)
        #expect(expired.state == .expired)
        let errors = BatchResultLine.parse(try await batches.content(ofFile: try #require(expired.errorFileID))).lines
        #expect(errors.count == 2 && errors.filter { !$0.expired }.isEmpty)

        let second = try await batches.create(inputFileID: created.inputFileID, endpoint: file.url, key: "k2")
        #expect(try await batches.cancel(second.id).state == .cancelling)
        let cancelled = try await batches.retrieve(second.id)
        #expect(cancelled.state == .cancelled)
        #expect(cancelled.outputFileID == nil)  // nothing ran: output file null, as providers send it
    }

    @Test func unknownBatchIsAnHTTPErrorWithTheServersMessage() async throws {
        let service = ScriptedBatchService()
        let server = try ScriptedLLMServer { service.reply(to: $0) ?? .echo }
        defer { server.stop() }
        await #expect(throws: BatchClientError.http(operation: "retrieve", status: 404, message: "No batch batch_9")) {
            try await self.client(server).retrieve("batch_9")
        }
    }
}
