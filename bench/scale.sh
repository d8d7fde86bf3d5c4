#!/usr/bin/env bash
# bench/scale.sh N: the whole pipeline on N generated examples (bench/scale_data.py: half Chinese, small random
# edits). Runs import → filter → dedup (minhash, instruction) → dedup (minhash, --field all) → dedup (exact) →
# score heuristic → export alpaca → stats → a second filter, and prints per step the whole-process wall time,
# CPU seconds, peak RSS (/usr/bin/time -v) and the database size after the step. Targets (2 cores): the
# pipeline (import..export) <= 60 s at N = 1,000,000; peak RSS <= 300 MB except minhash dedup (<= 1 GB);
# database <= 1.2 GB per million after import+filter+dedup+score; the second filter adds <= 10%.
# Keep the generated file between runs with KEEP=dir (it is reused when present).
set -euo pipefail
N="${1:?usage: bench/scale.sh N}"
source "$(dirname "$0")/setup.sh"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
DIR="${KEEP:-$WORK}"
mkdir -p "$DIR"
FILE="$DIR/scale_$N.jsonl"
[ -f "$FILE" ] || python3 bench/scale_data.py "$N" "$DATA" "$FILE"
DB="$WORK/scale.db"
echo "N = $N, input $(( $(stat -c %s "$FILE") / 1000000 )) MB, $(nproc) cores, dsbench $(git rev-parse --short HEAD)"
printf '%-28s %9s %9s %10s %10s\n' step "wall s" "cpu s" "peak MB" "db MB"
total=0
step() {
    local name="$1"; shift
    /usr/bin/time -v -o "$WORK/time.txt" "$BIN" "$@" --db "$DB" > "$WORK/out.txt" 2> "$WORK/err.txt" \
        || { echo "$name failed:"; cat "$WORK/err.txt" "$WORK/time.txt"; exit 1; }
    python3 - "$WORK/time.txt" "$DB" "$name" "$PIPELINE" <<'PY'
import os, re, sys
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":")
seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall)))
cpu = float(re.search(r"User time \(seconds\): (\S+)", text).group(1)) + float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
db = sum(os.path.getsize(p) for p in (sys.argv[2], sys.argv[2] + "-wal") if os.path.exists(p)) / 1e6
print(f"{sys.argv[3]:<28} {seconds:9.2f} {cpu:9.2f} {peak:10.0f} {db:10.0f}")
with open(os.environ["WORK"] + "/wall.txt", "a") as f:
    f.write(f"{sys.argv[4]} {seconds}\n")
PY
}
export WORK
PIPELINE=1
step "import"                 import "$FILE"
step "filter"                 filter
step "dedup minhash"          dedup
step "dedup minhash --field all" dedup --field all
step "dedup exact"            dedup --method exact
step "score heuristic"        score
step "export alpaca"          export --format alpaca -o "$WORK/out.jsonl"
PIPELINE=0
step "stats"                  stats
step "filter (second run)"    filter
echo "dedup runs (pairs grow with the duplicate density: the generator draws from ~124K distinct records):"
sqlite3 "$DB" "select '  ' || json_extract(options, '$.method') || ' ' || json_extract(options, '$.field') || ': ' || json_extract(totals, '$.records') || ' records, ' || coalesce(json_extract(totals, '$.candidate_pairs'), '-') || ' candidate pairs, ' || json_extract(totals, '$.duplicates') || ' duplicates' from runs where command = 'dedup' order by id"
exported=$(wc -l < "$WORK/out.jsonl")
python3 - "$WORK/wall.txt" "$exported" "$N" <<'PY'
import sys
total = sum(float(s) for p, s in (line.split() for line in open(sys.argv[1])) if p == "1")
print(f"pipeline import..export: {total:.1f} s for {int(sys.argv[3]):,} examples ({int(sys.argv[2]):,} exported)")
PY
