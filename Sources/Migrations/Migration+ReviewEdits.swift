/// Migration "i15-review": `dsbench review` stores a person's edit of an output as a new completion (origin
/// 'edited', `parent_id` → the original). The `examples` view is recreated with one change — the LEFT JOIN on
/// completions leaves out a completion that an edit replaced — so export, stats and report use the edit in its
/// place. The index on `completions.parent_id` keeps that NOT EXISTS a lookup. Never edit once shipped.
extension Migration {
    static let reviewEdits = Migration(name: "i15-review", sql: #"""
CREATE INDEX completions_parent ON completions (parent_id);

-- The only difference from the previous examples view is the AND NOT EXISTS (…) on the completions join.
DROP VIEW examples;
CREATE VIEW examples AS
SELECT
    e.*,
    CASE
        WHEN e.failed_filters IS NOT NULL THEN 'fail'
        WHEN e.passed_verdicts > 0 THEN 'pass'
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
            SELECT group_concat(v.filter, ',') FROM latest_verdicts v
            WHERE v.instruction_id = i.id AND (v.completion_id IS NULL OR v.completion_id = c.id) AND v.passed = 0
        ) AS failed_filters,
        (
            SELECT count(*) FROM latest_verdicts v
            WHERE v.instruction_id = i.id AND (v.completion_id IS NULL OR v.completion_id = c.id) AND v.passed = 1
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
