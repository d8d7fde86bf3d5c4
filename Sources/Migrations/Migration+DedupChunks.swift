/// Migration "i11-dedup-chunks": `dedup_chunks` holds what a resumable `dedup` run has computed so far, one row per
/// chunk of instruction ids, committed with the run's cursor: the ids of the chunk's compared records and, per
/// record, the method's hashes (minhash: one 32-bit hash per LSH band; exact: the 64-bit hash of the canonical
/// key), little-endian. `input_stamp` describes the inputs the hashes depend on, so a rerun after the data
/// changed starts over. The rows are scratch: the run that finishes deletes them in the transaction that writes
/// its duplicates. Never edit once shipped.
extension Migration {
    static let dedupChunks = Migration(name: "i11-dedup-chunks", sql: #"""
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
"""#)
}
