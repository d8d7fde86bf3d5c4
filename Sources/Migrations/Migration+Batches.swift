/// Migration "i14-batches": Batch API work. `batches` keeps each provider batch with the run that submitted it,
/// its endpoint and model, the provider's batch and file ids (kept locally: providers delete files after 30
/// days), its state and request counts, and our `submission_key` (sent as batch metadata, so a batch created
/// just before a crash is found, not submitted again). `batch_requests` lists the requests (by hash) of each
/// batch, with what is needed to write their `llm_calls` rows on collection. `llm_calls` gains the base URL
/// of the endpoint that answered and the batch that carried the call. Never edit once shipped.
extension Migration {
    static let batches = Migration(name: "i14-batches", sql: #"""
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

ALTER TABLE llm_calls ADD COLUMN endpoint_url TEXT;
ALTER TABLE llm_calls ADD COLUMN batch_id INTEGER REFERENCES batches (id);
"""#)
}
