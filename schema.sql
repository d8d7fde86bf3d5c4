-- The schema that dsbench's migrations produce. Generated from Sources/Migrations; a test keeps them equal.
-- Read it for ad-hoc SQL: sqlite3 dsbench.db, or dsbench sql '...'

CREATE TABLE schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

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
CREATE INDEX runs_command ON runs (command, id);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('self-instruct', 'alpaca', 'sharegpt', 'openai', 'csv', 'text')),
    role TEXT NOT NULL CHECK (role IN ('seeds', 'examples')),
    records INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    UNIQUE (content_hash, format, role)
) STRICT;

CREATE TABLE rejects (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    line INTEGER NOT NULL,
    field TEXT,
    reason TEXT NOT NULL,
    raw TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs (id)
) STRICT;
CREATE INDEX rejects_source ON rejects (source_id, line);

CREATE TABLE llm_calls (
    id INTEGER PRIMARY KEY,
    request_hash TEXT NOT NULL,
    purpose TEXT NOT NULL,
    endpoint TEXT NOT NULL CHECK (endpoint IN ('chat', 'completions')),
    endpoint_host TEXT,
    model TEXT NOT NULL,
    parameters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
    request TEXT NOT NULL CHECK (json_valid(request)),
    response TEXT,
    content TEXT,
    finish_reason TEXT,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    usage_estimated INTEGER NOT NULL DEFAULT 0 CHECK (usage_estimated IN (0, 1)),
    cost_usd REAL,
    latency_ms INTEGER,
    attempts INTEGER NOT NULL DEFAULT 1,
    http_status INTEGER,
    status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
    error TEXT,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
, endpoint_url TEXT, batch_id INTEGER REFERENCES batches (id)) STRICT;
-- (endpoint_url and batch_id were added by migration i14-batches with ALTER TABLE, hence their layout.)
CREATE INDEX llm_calls_hash ON llm_calls (request_hash, status);
CREATE INDEX llm_calls_run ON llm_calls (run_id);

CREATE TABLE batches (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    command TEXT NOT NULL,
    endpoint_url TEXT NOT NULL,
    model TEXT NOT NULL,
    url TEXT NOT NULL,
    submission_key TEXT NOT NULL UNIQUE,
    provider_batch_id TEXT,
    input_file_id TEXT,
    output_file_id TEXT,
    error_file_id TEXT,
    state TEXT NOT NULL DEFAULT 'preparing' CHECK (state IN ('preparing', 'validating', 'failed', 'in_progress', 'finalizing', 'completed', 'expired', 'cancelling', 'cancelled')),
    request_count INTEGER NOT NULL CHECK (request_count >= 0),
    completed_count INTEGER NOT NULL DEFAULT 0,
    failed_count INTEGER NOT NULL DEFAULT 0,
    errors TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    collected_at TEXT
) STRICT;
CREATE INDEX batches_state ON batches (state, collected_at);

CREATE TABLE batch_requests (
    batch_id INTEGER NOT NULL REFERENCES batches (id),
    request_hash TEXT NOT NULL,
    purpose TEXT NOT NULL,
    request TEXT NOT NULL CHECK (json_valid(request)),
    PRIMARY KEY (batch_id, request_hash)
) STRICT;
CREATE INDEX batch_requests_hash ON batch_requests (request_hash);

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
, round INTEGER CHECK (round IS NULL OR round >= 1), chunk_id INTEGER REFERENCES chunks (id)) STRICT;
CREATE INDEX instructions_origin ON instructions (origin, depth);
CREATE INDEX instructions_parent ON instructions (parent_id);
CREATE INDEX instructions_root ON instructions (root_id);
CREATE INDEX instructions_task ON instructions (task_id);
CREATE INDEX instructions_source ON instructions (source_id);
CREATE INDEX instructions_run ON instructions (run_id);
CREATE INDEX instructions_chunk ON instructions (chunk_id);

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
CREATE INDEX completions_instruction ON completions (instruction_id, sample_index);
CREATE INDEX completions_run ON completions (run_id);
CREATE INDEX completions_parent ON completions (parent_id);

CREATE TABLE verdicts (
    id INTEGER PRIMARY KEY,
    instruction_id INTEGER NOT NULL REFERENCES instructions (id),
    completion_id INTEGER REFERENCES completions (id),
    filter TEXT NOT NULL,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    reason TEXT,
    detail TEXT CHECK (detail IS NULL OR json_valid(detail)),
    run_id INTEGER NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX verdicts_subject ON verdicts (instruction_id, completion_id, filter, id);
CREATE INDEX verdicts_run ON verdicts (run_id);

CREATE TABLE run_rules (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    filter TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('instruction', 'completion')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (run_id, scope, filter)
) STRICT;

CREATE TABLE verdict_checks (
    instruction_id INTEGER NOT NULL REFERENCES instructions (id),
    completion_key INTEGER NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    completion_id INTEGER GENERATED ALWAYS AS (nullif(completion_key, 0)) VIRTUAL REFERENCES completions (id),
    PRIMARY KEY (instruction_id, completion_key, run_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE scores (
    id INTEGER PRIMARY KEY,
    instruction_id INTEGER NOT NULL REFERENCES instructions (id),
    completion_id INTEGER REFERENCES completions (id),
    scorer TEXT NOT NULL,
    value REAL NOT NULL CHECK (value BETWEEN 0 AND 10),
    rationale TEXT,
    detail TEXT CHECK (detail IS NULL OR json_valid(detail)),
    llm_call_id INTEGER REFERENCES llm_calls (id),
    run_id INTEGER NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX scores_subject ON scores (instruction_id, completion_id, scorer, id);

CREATE TABLE duplicates (
    id INTEGER PRIMARY KEY,
    instruction_id INTEGER NOT NULL REFERENCES instructions (id),
    duplicate_of INTEGER NOT NULL REFERENCES instructions (id),
    method TEXT NOT NULL CHECK (method IN ('exact', 'minhash', 'rouge')),
    field TEXT NOT NULL DEFAULT 'instruction' CHECK (field IN ('instruction', 'all')),
    similarity REAL NOT NULL,
    threshold REAL,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (instruction_id <> duplicate_of)
) STRICT;
CREATE INDEX duplicates_subject ON duplicates (instruction_id, method, run_id);
CREATE INDEX duplicates_run ON duplicates (run_id);

CREATE TABLE settings (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL CHECK (json_valid(value)),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

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

CREATE VIEW active_duplicates AS
SELECT d.*
FROM duplicates d
WHERE d.run_id = (
    SELECT max(r.id) FROM runs r
    WHERE r.command = 'dedup' AND r.status = 'succeeded' AND json_extract(r.options, '$.method') = d.method
);

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

CREATE VIEW seeds AS
SELECT
    i.*,
    1 + (SELECT count(*) FROM instructions t WHERE t.task_id = i.id) AS instances
FROM instructions i
WHERE i.origin = 'seed' AND i.task_id IS NULL;

CREATE VIEW lineage AS
WITH RECURSIVE chain (instruction_id, ancestor_id, distance) AS (
    SELECT id, id, 0 FROM instructions
    UNION ALL
    SELECT chain.instruction_id, i.parent_id, chain.distance + 1
    FROM chain JOIN instructions i ON i.id = chain.ancestor_id
    WHERE i.parent_id IS NOT NULL
)
SELECT
    chain.instruction_id,
    chain.ancestor_id,
    chain.distance,
    a.origin AS ancestor_origin,
    a.strategy AS ancestor_strategy,
    a.depth AS ancestor_depth,
    a.instruction AS ancestor_instruction
FROM chain JOIN instructions a ON a.id = chain.ancestor_id;

CREATE VIEW latest_preferences AS
SELECT p.*
FROM preferences p
WHERE p.run_id = (SELECT max(r.id) FROM runs r WHERE r.command = 'preferences' AND r.status = 'succeeded');

-- Documents for grounded Q&A (migration i12-documents)
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    record_line INTEGER,
    content_hash TEXT NOT NULL,
    title TEXT,
    language TEXT NOT NULL DEFAULT 'und' CHECK (language IN ('en', 'zh', 'ja', 'ko', 'other', 'und')),
    format TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'json', 'jsonl')),
    bytes INTEGER NOT NULL CHECK (bytes >= 0),
    chunk_tokens INTEGER NOT NULL CHECK (chunk_tokens > 0),
    overlap INTEGER NOT NULL CHECK (overlap >= 0),
    run_id INTEGER NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX documents_path ON documents (path, record_line, content_hash);

CREATE TABLE chunks (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    seq INTEGER NOT NULL CHECK (seq >= 0),
    text TEXT NOT NULL,
    heading_path TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(heading_path)),
    char_start INTEGER NOT NULL CHECK (char_start >= 0),
    char_end INTEGER NOT NULL CHECK (char_end >= char_start),
    line_start INTEGER NOT NULL CHECK (line_start >= 1),
    line_end INTEGER NOT NULL CHECK (line_end >= line_start),
    tokens INTEGER NOT NULL CHECK (tokens >= 0),
    language TEXT NOT NULL DEFAULT 'und' CHECK (language IN ('en', 'zh', 'ja', 'ko', 'other', 'und')),
    run_id INTEGER NOT NULL REFERENCES runs (id),
    UNIQUE (document_id, seq)
) STRICT;

CREATE VIEW document_chunks AS
SELECT
    c.id AS chunk_id,
    c.document_id,
    c.seq,
    c.text,
    c.heading_path,
    c.char_start,
    c.char_end,
    c.line_start,
    c.line_end,
    c.tokens,
    c.language,
    d.path,
    d.record_line,
    d.title,
    d.format,
    d.content_hash
FROM chunks c JOIN documents d ON d.id = c.document_id;

CREATE TABLE dedup_chunks (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    first_id INTEGER NOT NULL,
    last_id INTEGER NOT NULL CHECK (last_id >= first_id),
    records INTEGER NOT NULL CHECK (records >= 0),
    ids BLOB NOT NULL,
    hashes BLOB NOT NULL,
    input_stamp TEXT NOT NULL
) STRICT;
CREATE INDEX dedup_chunks_run ON dedup_chunks (run_id, first_id);
