/// Migration 3 (issue 11): compact verdict storage. A filter run used to write one `verdicts` row per rule per
/// subject (12 per example); at a million examples that was most of the database, and every run added as much
/// again. Now a filter run records which rules it applied (`run_rules`, per scope) and one `verdict_checks` row
/// per subject it judged; `verdicts` keeps the failures (with reason and detail) and every verdict other
/// commands write. A checked subject passed each rule of its run and scope that has no `verdicts` row for it.
///
/// `latest_verdicts` keeps its columns and meaning (the newest verdict per subject and filter; newest = highest
/// run, then highest id), as the union of `latest_recorded_verdicts` (stored rows nothing newer overrides) and
/// `latest_implied_passes` (id, reason and detail NULL); `verdict_history` lists every verdict, stored or
/// implied. The `examples` view keeps its columns and rows (and i15-review's hiding of edited completions).
/// Existing databases are converted: a passing row of a filter run becomes implied when its subject was judged
/// by every rule its run applied to that scope; the passes' detail (the measurements) is not kept.
/// Never edit once shipped.
extension Migration {
    static let verdictStorage = Migration(name: "i11-verdict-storage", sql: #"""
CREATE TABLE run_rules (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    filter TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('instruction', 'completion')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (run_id, scope, filter)
) STRICT;

CREATE TABLE verdict_checks (
    id INTEGER PRIMARY KEY,
    instruction_id INTEGER NOT NULL REFERENCES instructions (id),
    completion_id INTEGER REFERENCES completions (id),
    run_id INTEGER NOT NULL REFERENCES runs (id)
) STRICT;
CREATE INDEX verdict_checks_subject ON verdict_checks (instruction_id, completion_id, run_id);
CREATE INDEX verdict_checks_run ON verdict_checks (run_id);

-- Convert the verdicts of earlier filter runs.
CREATE TEMP TABLE i11_filter_verdicts AS
SELECT v.id, v.instruction_id, v.completion_id, v.filter, v.passed, v.run_id, v.created_at,
    iif(v.completion_id IS NULL, 'instruction', 'completion') AS scope
FROM verdicts v JOIN runs r ON r.id = v.run_id
WHERE r.command = 'filter';

INSERT INTO run_rules (run_id, filter, scope, created_at)
SELECT run_id, filter, scope, min(created_at) FROM temp.i11_filter_verdicts GROUP BY run_id, scope, filter;

-- A subject counts as checked only when its run judged it by every rule the run applied to its scope.
INSERT INTO verdict_checks (instruction_id, completion_id, run_id)
SELECT s.instruction_id, s.completion_id, s.run_id
FROM (
    SELECT instruction_id, completion_id, run_id, scope, count(DISTINCT filter) AS rules, count(*) AS total
    FROM temp.i11_filter_verdicts GROUP BY instruction_id, completion_id, run_id
) s
WHERE s.rules = s.total
    AND s.rules = (SELECT count(*) FROM run_rules r WHERE r.run_id = s.run_id AND r.scope = s.scope)
ORDER BY s.instruction_id, s.completion_id, s.run_id;

DELETE FROM verdicts WHERE id IN (
    SELECT f.id FROM temp.i11_filter_verdicts f
    WHERE f.passed = 1 AND EXISTS (
        SELECT 1 FROM verdict_checks k
        WHERE k.instruction_id = f.instruction_id AND k.completion_id IS f.completion_id AND k.run_id = f.run_id)
);
DROP TABLE temp.i11_filter_verdicts;

DROP VIEW examples;
DROP VIEW latest_verdicts;

CREATE VIEW verdict_history AS
SELECT v.*
FROM verdicts v
UNION ALL
SELECT NULL AS id, k.instruction_id, k.completion_id, r.filter, 1 AS passed, NULL AS reason, NULL AS detail, k.run_id, r.created_at
FROM verdict_checks k
JOIN run_rules r ON r.run_id = k.run_id AND r.scope = iif(k.completion_id IS NULL, 'instruction', 'completion')
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
        WHERE k.instruction_id = v.instruction_id AND k.completion_id IS v.completion_id AND k.run_id > v.run_id
            AND r.filter = v.filter AND r.scope = iif(v.completion_id IS NULL, 'instruction', 'completion'));

CREATE VIEW latest_implied_passes AS
SELECT
    NULL AS id, k.instruction_id, k.completion_id, r.filter, 1 AS passed, NULL AS reason, NULL AS detail, k.run_id,
    r.created_at
FROM verdict_checks k
JOIN run_rules r ON r.run_id = k.run_id AND r.scope = iif(k.completion_id IS NULL, 'instruction', 'completion')
WHERE NOT EXISTS (
        SELECT 1 FROM verdicts n
        WHERE n.instruction_id = k.instruction_id AND n.completion_id IS k.completion_id AND n.filter = r.filter
            AND n.run_id >= k.run_id)
    AND NOT EXISTS (
        SELECT 1 FROM verdict_checks k2 JOIN run_rules r2 ON r2.run_id = k2.run_id
        WHERE k2.instruction_id = k.instruction_id AND k2.completion_id IS k.completion_id AND k2.run_id > k.run_id
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
            WHERE k.instruction_id = e.instruction_id AND (k.completion_id IS NULL OR k.completion_id = e.completion_id)
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
