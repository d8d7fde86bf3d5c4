import Store

/// `review --stats`: per reviewer, how many examples were decided and how, and how often the person agreed
/// with the rule filters on the same subjects; per rule, how often a person accepted what the rule failed —
/// the figure that says whether a rule can be trusted. An edit counts as the person finding the original
/// answer not good enough (a rejection of the original) and is compared with the rules' verdicts on it.
struct ReviewStats {
    /// The human verdicts with the rule verdicts on the same subject (the original answer, for an edit). The
    /// per-row lookups read the two halves of `latest_verdicts` (stored rows, implied passes) so each is an
    /// index search; failures are always stored rows.
    static let judged = """
        WITH human AS (
            SELECT h.instruction_id, h.passed, coalesce(json_extract(h.detail, '$.reviewer'), '?') AS reviewer,
                coalesce(h.reason = 'edited' AND json_extract(h.detail, '$.edited_from') IS NOT NULL, 0) AS edited,
                coalesce(json_extract(h.detail, '$.edited_from'), h.completion_id) AS judged_completion
            FROM latest_verdicts h WHERE h.filter = 'human'
        ), judged AS (
            SELECT human.*, human.passed AND NOT human.edited AS person_ok,
                (SELECT count(*) FROM latest_recorded_verdicts r WHERE r.instruction_id = human.instruction_id
                    AND (r.completion_id IS NULL OR r.completion_id = human.judged_completion) AND r.filter <> 'human')
                + (SELECT count(*) FROM latest_implied_passes r WHERE r.instruction_id = human.instruction_id
                    AND (r.completion_id IS NULL OR r.completion_id = human.judged_completion) AND r.filter <> 'human')
                    AS rule_checks,
                (SELECT count(*) FROM latest_recorded_verdicts r WHERE r.instruction_id = human.instruction_id
                    AND (r.completion_id IS NULL OR r.completion_id = human.judged_completion) AND r.filter <> 'human'
                    AND r.passed = 0) AS rule_failures
            FROM human
        )
        """

    static let perReviewer = judged + """
        SELECT reviewer, count(*) AS reviewed, sum(person_ok) AS accepted, sum(NOT passed) AS rejected,
            sum(edited) AS edited, sum(rule_checks > 0) AS rule_checked,
            sum(rule_checks > 0 AND person_ok = (rule_failures = 0)) AS agreed,
            sum(person_ok AND rule_failures > 0) AS accepted_rule_failed,
            sum(NOT person_ok AND rule_checks > 0 AND rule_failures = 0) AS rejected_rules_passed
        FROM judged GROUP BY reviewer ORDER BY reviewer
        """

    static let perRule = judged + """
        SELECT r.filter, count(*) AS failed_and_reviewed, sum(j.person_ok) AS person_accepted
        FROM judged j JOIN latest_recorded_verdicts r ON r.instruction_id = j.instruction_id
            AND (r.completion_id IS NULL OR r.completion_id = j.judged_completion) AND r.filter <> 'human' AND r.passed = 0
        GROUP BY r.filter ORDER BY r.filter
        """

    let reviewers: [Row]
    let rules: [Row]

    static func collect(_ database: Database) throws -> ReviewStats {
        ReviewStats(reviewers: try database.query(perReviewer), rules: try database.query(perRule))
    }

    var text: String {
        guard !reviewers.isEmpty else { return "no human decisions yet: run dsbench review\n" }
        var out = "per reviewer (agreement: the person and the rules reached the same verdict, over subjects the rules checked):\n"
        out += ResultPrinter.table(
            columns: ["reviewer", "reviewed", "accepted", "rejected", "edited", "rule-checked", "agreement",
                      "accepted, rule failed", "rejected or edited, rules passed"],
            rows: reviewers.map { row in
                [row.string("reviewer"), String(row.int("reviewed")), String(row.int("accepted")), String(row.int("rejected")),
                 String(row.int("edited")), String(row.int("rule_checked")),
                 Self.percent(row.int("agreed"), of: row.int("rule_checked")),
                 String(row.int("accepted_rule_failed")), String(row.int("rejected_rules_passed"))]
            })
        guard !rules.isEmpty else { return out }
        out += "\nper rule (of the subjects a rule failed and a person reviewed, how many the person accepted anyway):\n"
        out += ResultPrinter.table(
            columns: ["rule", "failed & reviewed", "person accepted", "person agreed"],
            rows: rules.map { row in
                let failed = row.int("failed_and_reviewed"), accepted = row.int("person_accepted")
                return [row.string("filter"), String(failed), String(accepted), Self.percent(failed - accepted, of: failed)]
            })
        return out
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        return String(Double(Int(Double(part) / Double(whole) * 1000 + 0.5)) / 10) + "%"
    }
}
