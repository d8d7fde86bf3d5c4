import Foundation
import LLM
import Store
import Testing
import TestSupport

/// `stats` reads verdict pass rates, duplicates and length percentiles through faster paths than the views
/// and sorted lists it used to; the figures must equal those of the plain definitions on a database with two
/// filter runs (the second with fewer rules), a review-style verdict, two dedup methods, and texts in
/// English, Chinese, emoji and characters outside the BMP.
@Suite struct StatsFiguresTests {
    func database() throws -> (TemporaryDirectory, String) {
        let dir = TemporaryDirectory()
        let db = dir.file("s.db"), file = dir.file("in.jsonl")
        var lines: [String] = []
        let outputs = ["Paris.", "巴黎。", "I'm sorry, but I cannot help with that.", "", "🙂 𠀀𠀁 ok", "Yes\u{2028}no",
                       "光合作用是植物利用光能把二氧化碳和水合成有机物的过程。", String(repeating: "long answer ", count: 40)]
        for index in 0..<60 {
            let instruction = index % 7 == 0 ? "What is the capital of France?" : "Question \(index): 解释第\(index)个概念 \(index % 3 == 0 ? "𠀀" : "")"
            let record: [String: Any] = ["instruction": instruction, "input": index % 4 == 0 ? "" : "context \(index)",
                                         "output": outputs[index % outputs.count]]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self))
        }
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        for arguments in [["import", file], ["filter"], ["filter", "--rules", "refusal,empty"], ["dedup", "--method", "exact"], ["dedup"]] {
            let result = runCLI(arguments + ["--db", db])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let database = try Database(path: db)
        let run = try RunStore(database).start(command: "review", optionsJSON: "{}")
        try database.execute("INSERT INTO verdicts (instruction_id, filter, passed, run_id) VALUES (1, 'human', 1, ?), (2, 'human', 0, ?)", [.integer(run), .integer(run)])
        // Ill-formed UTF-8 written by hand is measured as the String it decodes to (U+FFFD for each bad part).
        try database.execute("INSERT INTO instructions (instruction, input, origin, run_id) VALUES (CAST(x'e4b8ad80ff41e4b8' AS TEXT), 'ok', 'imported', ?)", [.integer(run)])
        try database.execute("INSERT INTO completions (instruction_id, output, origin, run_id) VALUES (last_insert_rowid(), CAST(x'f09080e4b8ade4b8ade4b8ade4b8ade4b8ade4b8ade4b8ade4b8ade4b8ade4b8ad' AS TEXT) || ' long enough to be the longest output of all of them, more than the others here', 'imported', ?)", [.integer(run)])
        return (dir, db)
    }

    static func percentiles(_ values: [Int]) -> [String: Int] {
        let sorted = values.sorted()
        func at(_ q: Double) -> Int { sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))] }
        return ["count": sorted.count, "p50": at(0.5), "p90": at(0.9), "p99": at(0.99), "max": sorted.last!]
    }

    @Test func figuresEqualThoseOfTheViewsAndSortedLengths() throws {
        let (dir, db) = try database()
        _ = dir
        let result = runCLI(["stats", "--json", "--db", db])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "no progress in a pipe")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let database = try Database(path: db)

        let verdicts = try #require(object["verdicts"] as? [[String: Any]])
        let expectedVerdicts = try database.query("""
            SELECT filter, count(*) AS checked, sum(passed) AS passed, round(100.0 * sum(passed) / count(*), 1) AS pass_pct
            FROM latest_verdicts GROUP BY filter ORDER BY filter
            """)
        #expect(expectedVerdicts.count >= 8)
        #expect(verdicts.map { $0["filter"] as? String } == expectedVerdicts.map { $0.string("filter") })
        #expect(verdicts.map { $0["checked"] as? Int } == expectedVerdicts.map { $0.int("checked") })
        #expect(verdicts.map { $0["passed"] as? Int } == expectedVerdicts.map { $0.int("passed") })
        #expect(verdicts.map { $0["pass_pct"] as? Double } == expectedVerdicts.map { $0.double("pass_pct") })

        let duplicates = try #require(object["duplicates"] as? [[String: Any]])
        let expectedDuplicates = try database.query("""
            SELECT method, count(*) AS duplicates, count(DISTINCT duplicate_of) AS clusters
            FROM active_duplicates GROUP BY method ORDER BY method
            """)
        #expect(expectedDuplicates.count == 2)
        #expect(duplicates.map { $0["method"] as? String } == expectedDuplicates.map { $0.string("method") })
        #expect(duplicates.map { $0["duplicates"] as? Int } == expectedDuplicates.map { $0.int("duplicates") })
        #expect(duplicates.map { $0["clusters"] as? Int } == expectedDuplicates.map { $0.int("clusters") })

        let lengths = try #require(object["lengths"] as? [String: [String: [String: Int]]])
        for (name, sql) in [("instruction", "SELECT iif(input = '', instruction, instruction || ' ' || input) AS t FROM instructions"),
                            ("output", "SELECT output AS t FROM completions")] {
            let texts = try database.query(sql).map { $0.string("t") }
            #expect(texts.contains { $0.contains("\u{FFFD}") }, "the ill-formed \(name) is measured")
            #expect(lengths[name]?["chars"] == Self.percentiles(texts.map { $0.unicodeScalars.count }), "\(name)")
            #expect(lengths[name]?["tokens"] == Self.percentiles(texts.map(TokenEstimator.estimate)), "\(name)")
        }
        // The text form prints the same groups.
        let text = runCLI(["stats", "--db", db]).stdout
        #expect(text.contains("verdicts (latest per subject and filter):"))
        #expect(text.contains("human"))
    }
}
