/// Migration "i13-preferences": preference data for DPO/KTO. `pairwise_judgements` holds each answer a judge
/// gave when shown two completions of one instruction (which was shown first, the winner or a tie, the
/// rationale, whether it was the swapped re-ask of a position-bias check); `preferences` holds the chosen and
/// rejected completion per instruction that a `dsbench preferences` run selected, with the scores, the margin,
/// the scorer and the judgement that ordered them; `latest_preferences` is the newest succeeded run's pairs.
/// New tables and a view only; never edit once shipped.
extension Migration {
    static let preferences = Migration(name: "i13-preferences", sql: #"""
CREATE TABLE pairwise_judgements (
    id INTEGER PRIMARY KEY,
    instruction_id INTEGER NOT NULL REFERENCES instructions (id),
    first_id INTEGER NOT NULL REFERENCES completions (id),
    second_id INTEGER NOT NULL REFERENCES completions (id),
    winner TEXT NOT NULL CHECK (winner IN ('first', 'second', 'tie')),
    preferred_id INTEGER REFERENCES completions (id),
    swap_check INTEGER NOT NULL DEFAULT 0 CHECK (swap_check IN (0, 1)),
    rationale TEXT,
    judge TEXT NOT NULL,
    template TEXT NOT NULL,
    llm_call_id INTEGER REFERENCES llm_calls (id),
    run_id INTEGER NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (first_id <> second_id),
    CHECK ((winner = 'tie') = (preferred_id IS NULL))
) STRICT;
CREATE INDEX pairwise_judgements_subject ON pairwise_judgements (instruction_id, first_id, second_id);
CREATE INDEX pairwise_judgements_run ON pairwise_judgements (run_id);

CREATE TABLE preferences (
    id INTEGER PRIMARY KEY,
    instruction_id INTEGER NOT NULL REFERENCES instructions (id),
    chosen_id INTEGER NOT NULL REFERENCES completions (id),
    rejected_id INTEGER NOT NULL REFERENCES completions (id),
    chosen_score REAL NOT NULL,
    rejected_score REAL NOT NULL,
    margin REAL NOT NULL CHECK (margin > 0),
    scorer TEXT NOT NULL,
    rejected_policy TEXT NOT NULL CHECK (rejected_policy IN ('worst', 'random-lower', 'second')),
    judgement_id INTEGER REFERENCES pairwise_judgements (id),
    run_id INTEGER NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (chosen_id <> rejected_id)
) STRICT;
CREATE INDEX preferences_run ON preferences (run_id, instruction_id);

CREATE VIEW latest_preferences AS
SELECT p.*
FROM preferences p
WHERE p.run_id = (SELECT max(r.id) FROM runs r WHERE r.command = 'preferences' AND r.status = 'succeeded');
"""#)
}
