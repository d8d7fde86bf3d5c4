/// Migration 2: wider CHECK enums for the features of the second milestone, in one table rebuild so later
/// migrations only add columns and tables. runs.status gains 'abandoned' (a run whose process died), and runs
/// gains `pid` and `host` (to notice that); instructions.origin gains 'document' (grounded Q&A from documents)
/// and 'magpie'; completions.origin gains 'edited' (a person's edit in review). Never edit once shipped.
extension Migration {
    static let enumExtensions = Migration(name: "002-enum-extensions", sql: #"""
-- SQLite cannot change a CHECK constraint in place, so the three tables are rebuilt (foreign keys off,
-- legacy ALTER TABLE on: references from other tables keep naming the original tables).
ALTER TABLE runs RENAME TO runs_before_002;
ALTER TABLE instructions RENAME TO instructions_before_002;
ALTER TABLE completions RENAME TO completions_before_002;

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
    model TEXT,
    endpoint_host TEXT,
    template TEXT,
    status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted', 'abandoned')),
    error TEXT,
    rows_written INTEGER NOT NULL DEFAULT 0,
    llm_calls INTEGER NOT NULL DEFAULT 0,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    totals TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(totals)),
    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at TEXT,
    pid INTEGER,
    host TEXT
) STRICT;

CREATE TABLE instructions (
    id INTEGER PRIMARY KEY,
    instruction TEXT NOT NULL,
    input TEXT NOT NULL DEFAULT '',
    system TEXT,
    conversation TEXT CHECK (conversation IS NULL OR json_valid(conversation)),
    origin TEXT NOT NULL CHECK (origin IN ('seed', 'imported', 'generated', 'evolved', 'rules', 'scrubbed', 'document', 'magpie')),
    task_id INTEGER REFERENCES instructions (id),
    parent_id INTEGER REFERENCES instructions (id),
    root_id INTEGER REFERENCES instructions (id),
    strategy TEXT,
    depth INTEGER NOT NULL DEFAULT 0 CHECK (depth >= 0),
    language TEXT NOT NULL DEFAULT 'und' CHECK (language IN ('en', 'zh', 'ja', 'ko', 'other', 'und')),
    task_type TEXT,
    is_classification INTEGER CHECK (is_classification IN (0, 1)),
    source TEXT,
    source_id INTEGER REFERENCES sources (id),
    extra TEXT CHECK (extra IS NULL OR json_valid(extra)),
    llm_call_id INTEGER REFERENCES llm_calls (id),
    run_id INTEGER NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE completions (
    id INTEGER PRIMARY KEY,
    instruction_id INTEGER NOT NULL REFERENCES instructions (id),
    output TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('imported', 'seed', 'model', 'scrubbed', 'edited')),
    model TEXT,
    finish_reason TEXT,
    sample_index INTEGER NOT NULL DEFAULT 0,
    parent_id INTEGER REFERENCES completions (id),
    llm_call_id INTEGER REFERENCES llm_calls (id),
    run_id INTEGER NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

INSERT INTO runs (id, command, options, model, endpoint_host, template, status, error, rows_written, llm_calls, prompt_tokens, completion_tokens, cost_usd, totals, started_at, finished_at)
SELECT id, command, options, model, endpoint_host, template, status, error, rows_written, llm_calls, prompt_tokens, completion_tokens, cost_usd, totals, started_at, finished_at FROM runs_before_002;
INSERT INTO instructions (id, instruction, input, system, conversation, origin, task_id, parent_id, root_id, strategy, depth, language, task_type, is_classification, source, source_id, extra, llm_call_id, run_id, created_at)
SELECT id, instruction, input, system, conversation, origin, task_id, parent_id, root_id, strategy, depth, language, task_type, is_classification, source, source_id, extra, llm_call_id, run_id, created_at FROM instructions_before_002;
INSERT INTO completions (id, instruction_id, output, origin, model, finish_reason, sample_index, parent_id, llm_call_id, run_id, created_at)
SELECT id, instruction_id, output, origin, model, finish_reason, sample_index, parent_id, llm_call_id, run_id, created_at FROM completions_before_002;

DROP TABLE completions_before_002;
DROP TABLE instructions_before_002;
DROP TABLE runs_before_002;

CREATE INDEX runs_command ON runs (command, id);
CREATE INDEX instructions_origin ON instructions (origin, depth);
CREATE INDEX instructions_parent ON instructions (parent_id);
CREATE INDEX instructions_root ON instructions (root_id);
CREATE INDEX instructions_task ON instructions (task_id);
CREATE INDEX instructions_source ON instructions (source_id);
CREATE INDEX instructions_run ON instructions (run_id);
CREATE INDEX completions_instruction ON completions (instruction_id, sample_index);
CREATE INDEX completions_run ON completions (run_id);
"""#, rebuildsTables: true)
}
