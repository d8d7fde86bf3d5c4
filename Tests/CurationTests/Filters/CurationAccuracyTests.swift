import Foundation
import Testing
@testable import Curation

/// One labelled record of a development set under Fixtures/curation/ (see Fixtures/README.md).
struct LabelledRecord: Decodable {
    var lang: String
    var label: Bool
    var kind: String
    var split: String
    var instruction: String
    var input: String
    var output: String
    var finish_reason: String?
}

/// Counts of one rule on one language: true/false positives and negatives, with the misjudged texts.
struct Confusion {
    var tp = 0, fp = 0, tn = 0, fn = 0
    var misses: [String] = []

    var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
    var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// Precision, recall and F1 of the refusal, truncated and toxicity rules per language on our labelled
/// development sets; each must reach 0.95 F1. The held-out sets were written before tuning and are not tuned
/// against: they must stay above a lower floor and are reported by bench/curation-accuracy.sh.
@Suite struct CurationAccuracyTests {
    static func records(_ name: String) throws -> [LabelledRecord] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Fixtures/curation"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(LabelledRecord.self, from: Data($0.utf8)) }
    }

    static func score(_ rule: any FilterRule, _ records: [LabelledRecord]) -> [String: Confusion] {
        var byLanguage: [String: Confusion] = [:]
        for r in records {
            let subject = FilterSubject.output(r.output, instruction: r.instruction, input: r.input, finishReason: r.finish_reason)
            let flagged = !rule.evaluate(subject).passed
            var c = byLanguage[r.lang, default: Confusion()]
            switch (r.label, flagged) {
            case (true, true): c.tp += 1
            case (false, false): c.tn += 1
            case (true, false): c.fn += 1; c.misses.append("missed: \(r.output.debugDescription)")
            case (false, true): c.fp += 1; c.misses.append("wrongly flagged: \(r.output.debugDescription)")
            }
            byLanguage[r.lang] = c
        }
        return byLanguage
    }

    static func check(_ ruleName: String, _ file: String, floor: Double) throws {
        let rule = try #require(FilterConfig().rule(named: ruleName))
        let records = try Self.records(file)
        let scores = score(rule, records)
        #expect(Set(scores.keys) == ["en", "zh"])
        for (lang, c) in scores.sorted(by: { $0.key < $1.key }) {
            print(String(format: "%@ %@ %@: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d tn %d)", ruleName, file, lang,
                         c.precision, c.recall, c.f1, c.tp, c.fp, c.fn, c.tn))
            if ProcessInfo.processInfo.environment["DSBENCH_SHOW_MISSES"] != nil && file.hasSuffix(".dev") { print(c.misses.joined(separator: "\n")) }
            #expect(c.f1 >= floor, "\(ruleName) \(lang) F1 \(c.f1) < \(floor):\n\(c.misses.prefix(40).joined(separator: "\n"))")
        }
    }

    @Test func refusal() throws {
        try Self.check("refusal", "refusal.dev", floor: 0.95)
        #expect(try Self.records("refusal.dev").count >= 300)
    }

    @Test func refusalHeldOut() throws { try Self.check("refusal", "refusal.heldout", floor: 0.80) }
}

extension CurationAccuracyTests {
    @Test func truncated() throws {
        try Self.check("truncated", "truncated.dev", floor: 0.95)
        #expect(try Self.records("truncated.dev").count >= 300)
    }

    @Test func truncatedHeldOut() throws { try Self.check("truncated", "truncated.heldout", floor: 0.80) }
}

extension CurationAccuracyTests {
    @Test func toxicity() throws {
        try Self.check("toxicity", "toxicity.dev", floor: 0.95)
        let records = try Self.records("toxicity.dev")
        #expect(records.count >= 300)
        #expect(Double(records.filter { !$0.label }.count) >= 0.35 * Double(records.count))
    }

    @Test func toxicityHeldOut() throws { try Self.check("toxicity", "toxicity.heldout", floor: 0.80) }
}
