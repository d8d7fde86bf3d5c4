/// Migration "i12-documents": the provenance of document Q&A. A `documents` row per imported text (a file, or
/// one record of a JSON/JSONL file), its `chunks` (heading path, character and line ranges), a view joining
/// them for `generate --from documents --where`, and `instructions.chunk_id` linking a question to its passage.
/// Never edit once shipped.
extension Migration {
    static let documents = Migration(name: "i12-documents", sql: #"""
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

ALTER TABLE instructions ADD COLUMN chunk_id INTEGER REFERENCES chunks (id);
CREATE INDEX instructions_chunk ON instructions (chunk_id);

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
"""#)
}
