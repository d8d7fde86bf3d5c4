#!/usr/bin/env bash
# Completions per second of `dsbench complete` against a scripted OpenAI-compatible server that answers
# after a fixed 100 ms, at concurrency 1, 8 and 64, next to the Little's-law limit (c / 0.1 s).
# The whole path is measured: request building, HTTP, retries bookkeeping, one transaction per answer.
# Usage: bench/llm-throughput.sh   (builds release unless DSBENCH=path/to/dsbench is set)
set -euo pipefail
cd "$(dirname "$0")/.."
DELAY=0.1
if [[ -z "${DSBENCH:-}" ]]; then
    swift build -c release --product dsbench >/dev/null
    DSBENCH=.build/release/dsbench
fi
WORK=$(mktemp -d)
PORT_FILE="$WORK/port"
python3 bench/mock_openai_server.py --delay "$DELAY" >"$PORT_FILE" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [[ -s "$PORT_FILE" ]] && break; sleep 0.1; done
PORT=$(head -1 "$PORT_FILE")

printf '%-12s %8s %12s %14s %10s\n' concurrency calls "calls/s" "limit c/0.1s" "of limit"
for C in 1 8 64; do
    N=$(( C == 1 ? 30 : C * 20 ))
    DB="$WORK/bench-$C.db"
    "$DSBENCH" init --db "$DB" >/dev/null
    python3 - "$DB" "$N" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
run = db.execute("INSERT INTO runs (command, status) VALUES ('bench-setup', 'succeeded')").lastrowid
db.executemany("INSERT INTO instructions (instruction, origin, language, run_id) VALUES (?, 'imported', 'en', ?)",
               [(f"Benchmark question {i}: say something about number {i}.", run) for i in range(int(sys.argv[2]))])
db.commit()
PY
    OUT=$("$DSBENCH" complete --db "$DB" --base-url "http://127.0.0.1:$PORT/v1" --model mock \
        --concurrency "$C" --json)
    python3 - "$OUT" "$C" "$DELAY" <<'PY'
import json, sys
summary = json.loads(sys.argv[1]); c = int(sys.argv[2]); delay = float(sys.argv[3])
rate = summary["calls"] / summary["seconds"]
limit = c / delay
print(f"{c:<12} {summary['calls']:>8} {rate:>12.1f} {limit:>14.1f} {100 * rate / limit:>9.0f}%")
PY
done
