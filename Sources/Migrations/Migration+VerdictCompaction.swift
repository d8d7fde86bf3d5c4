/// Migration i11-verdict-compaction (issue 11): a filter run's per-subject checks cost about a third of what they
/// did, so a second run over a million examples adds a few percent to the database instead of about 9%.
/// `verdict_checks` becomes a WITHOUT ROWID table keyed by the subject and run — (instruction_id, completion_key,
/// run_id), completion_key being the completion's id or 0 for the instruction itself — with no rowid, no separate
/// subject index (the key is that index) and no run index (nothing looks checks up by run alone).
/// `completion_id` stays readable as a virtual column (NULL for the instruction), so ad-hoc SQL reads the same.
/// Existing checks are copied; the views that read checks are recreated on the key, with the same columns and
/// meaning (`latest_verdicts`, `examples`...). Never edit once shipped.
extension Migration {
    static let verdictCompaction = Migration(name: "i11-verdict-compaction", sql: #"""
DROP VIEW examples;
DROP VIEW latest_verdicts;
DROP VIEW latest_implied_passes;
DROP VIEW latest_recorded_verdicts;
DROP VIEW verdict_history;

CREATE TEMP TABLE i11_checks AS
SELECT instruction_id, coalesce(completion_id, 0) AS completion_key, run_id FROM verdict_checks;
DROP TABLE verdict_checks;

CREATE TABLE verdict_checks (
    instruction_id INTEGER NOT NULL REFERENCES instructions (id),
    completion_key INTEGER NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    completion_id INTEGER GENERATED ALWAYS AS (nullif(completion_key, 0)) VIRTUAL REFERENCES completions (id),
    PRIMARY KEY (instruction_id, completion_key, run_id)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO verdict_checks (instruction_id, completion_key, run_id)
SELECT instruction_id, completion_key, run_id FROM temp.i11_checks ORDER BY instruction_id, completion_key, run_id;
DROP TABLE temp.i11_checks;

CREATE VIEW verdict_history AS
SELECT v.*
FROM verdicts v
UNION ALL
SELECT NULL AS id, k.instruction_id, k.completion_id, r.filter, 1 AS passed, NULL AS reason, NULL AS detail, k.run_id, r.created_at
FROM verdict_checks k
JOIN run_rules r ON r.run_id = k.run_id AND r.scope = iif(k.completion_key = 0, 'instruction', 'completion')
WHERE NOT EXISTS (
    SELECT 1 FROM verdicts n
    WHERE n.instruction_id = k.instruction_id AND n.completion_id IS k.completion_id AND n.filter = r.filter
        AND n.run_id = k.run_id);

CREATE VIEW latest_recorded_verdicts AS
SELECT v.*
FROM verdicts v
WHERE NOT EXISTS (
        SELECT 1 FROM verdicts n
        WHERE n.instruction_id = v.instruction_id AND n.completion_id IS v.completion_id AND n.filter = v.filter
            AND (n.run_id > v.run_id OR (n.run_id = v.run_id AND n.id > v.id)))
    AND NOT EXISTS (
        SELECT 1 FROM verdict_checks k JOIN run_rules r ON r.run_id = k.run_id
        WHERE k.instruction_id = v.instruction_id AND k.completion_key = coalesce(v.completion_id, 0) AND k.run_id > v.run_id
            AND r.filter = v.filter AND r.scope = iif(v.completion_id IS NULL, 'instruction', 'completion'));

CREATE VIEW latest_implied_passes AS
SELECT
    NULL AS id, k.instruction_id, k.completion_id, r.filter, 1 AS passed, NULL AS reason, NULL AS detail, k.run_id,
    r.created_at
FROM verdict_checks k
JOIN run_rules r ON r.run_id = k.run_id AND r.scope = iif(k.completion_key = 0, 'instruction', 'completion')
WHERE NOT EXISTS (
        SELECT 1 FROM verdicts n
        WHERE n.instruction_id = k.instruction_id AND n.completion_id IS k.completion_id AND n.filter = r.filter
            AND n.run_id >= k.run_id)
    AND NOT EXISTS (
        SELECT 1 FROM verdict_checks k2 JOIN run_rules r2 ON r2.run_id = k2.run_id
        WHERE k2.instruction_id = k.instruction_id AND k2.completion_key = k.completion_key AND k2.run_id > k.run_id
            AND r2.filter = r.filter AND r2.scope = r.scope);

CREATE VIEW latest_verdicts AS
SELECT * FROM latest_recorded_verdicts
UNION ALL
SELECT * FROM latest_implied_passes;

CREATE VIEW examples AS
SELECT
    e.*,
    CASE
        WHEN e.failed_filters IS NOT NULL THEN 'fail'
        WHEN EXISTS (
            SELECT 1 FROM verdict_checks k
            WHERE k.instruction_id = e.instruction_id AND k.completion_key IN (0, e.completion_id)
        ) OR EXISTS (
            SELECT 1 FROM verdicts v
            WHERE v.instruction_id = e.instruction_id AND (v.completion_id IS NULL OR v.completion_id = e.completion_id)
        ) THEN 'pass'
        ELSE 'unchecked'
    END AS verdict,
    e.duplicate_of IS NOT NULL AS is_duplicate
FROM (
    SELECT
        i.id AS instruction_id,
        c.id AS completion_id,
        i.instruction,
        i.input,
        c.output,
        i.system,
        i.conversation,
        i.origin,
        i.strategy,
        i.depth,
        i.parent_id,
        i.root_id,
        i.task_id,
        i.language,
        i.task_type,
        i.is_classification,
        i.source,
        i.extra,
        c.origin AS completion_origin,
        c.model,
        c.finish_reason,
        c.sample_index,
        i.run_id,
        (
            SELECT group_concat(v.filter, ',') FROM latest_recorded_verdicts v
            WHERE v.instruction_id = i.id AND (v.completion_id IS NULL OR v.completion_id = c.id) AND v.passed = 0
        ) AS failed_filters,
        (
            SELECT count(*) FROM latest_recorded_verdicts v
            WHERE v.instruction_id = i.id AND (v.completion_id IS NULL OR v.completion_id = c.id) AND v.passed = 1
        ) + (
            SELECT count(*) FROM latest_implied_passes v
            WHERE v.instruction_id = i.id AND (v.completion_id IS NULL OR v.completion_id = c.id)
        ) AS passed_verdicts,
        (
            SELECT max(s.value) FROM scores s
            WHERE s.instruction_id = i.id AND (s.completion_id IS NULL OR s.completion_id = c.id)
                AND s.scorer <> 'complexity'
        ) AS best_score,
        (
            SELECT min(d.duplicate_of) FROM active_duplicates d WHERE d.instruction_id = i.id
        ) AS duplicate_of
    FROM instructions i
    LEFT JOIN completions c ON c.instruction_id = i.id
        -- i15-review: a completion that a person's edit replaced is hidden; the edit (origin 'edited',
        -- parent_id -> the original) stands in its place.
        AND NOT EXISTS (SELECT 1 FROM completions r WHERE r.parent_id = c.id AND r.origin = 'edited')
) e;
"""#)
}
