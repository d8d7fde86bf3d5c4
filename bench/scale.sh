#!/usr/bin/env bash
# bench/scale.sh N [N...]: the whole pipeline on N generated examples (bench/scale_data.py: half Chinese, spliced
# from the shared Alpaca sets, 15% near-copies and 1% exact copies at every N). Runs import → filter → dedup
# (minhash, instruction) → dedup (minhash, --field all) → dedup (exact) → score heuristic → export alpaca → stats →
# a second filter, and prints per step the whole-process wall time, CPU seconds (user + system), peak RSS
# (/usr/bin/time -v) and the database size after the step. Given several N (e.g. 100000 1000000), it ends with
# each step's time ratio between the largest and the smallest N.
# Targets (2 cores): import..export <= 60 s at N = 1,000,000, each step's 1M/100K ratio <= 11; peak RSS <= 300 MB
# except minhash dedup (<= 1 GB); database <= 1.2 GB per million after import+filter+dedup+score; the second filter
# adds <= 10%. Keep the generated files between runs with KEEP=dir (a file there is reused).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bench/scale.sh N [N...]" >&2; exit 64; }
source "$(dirname "$0")/setup.sh"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
DIR="${KEEP:-$WORK}"
mkdir -p "$DIR"
export WORK

# step N KIND NAME ARGS...: runs dsbench ARGS on N's database and appends "N KIND name wall cpu peak db" to
# $WORK/steps.txt. KIND 1: the issue's end-to-end steps; 2: the extra dedup runs; 0: after the pipeline.
step() {
    local n="$1" kind="$2" name="$3"; shift 3
    /usr/bin/time -v -o "$WORK/time.txt" "$BIN" "$@" --db "$DB" > "$WORK/out.txt" 2> "$WORK/err.txt" \
        || { echo "$name failed:"; cat "$WORK/err.txt" "$WORK/time.txt"; exit 1; }
    python3 - "$WORK/time.txt" "$DB" "$name" "$n" "$kind" <<'PY'
import os, re, sys
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":")
seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall)))
cpu = float(re.search(r"User time \(seconds\): (\S+)", text).group(1)) + float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
db = sum(os.path.getsize(p) for p in (sys.argv[2], sys.argv[2] + "-wal") if os.path.exists(p)) / 1e6
name, n, kind = sys.argv[3], sys.argv[4], sys.argv[5]
print(f"{name:<28} {seconds:9.2f} {cpu:9.2f} {peak:10.0f} {db:10.0f}")
with open(os.environ["WORK"] + "/steps.txt", "a") as f:
    f.write(f"{n}\t{kind}\t{name}\t{seconds}\t{cpu}\t{peak}\t{db}\n")
PY
}

for N in "$@"; do
    FILE="$DIR/scale_$N.jsonl"
    [ -f "$FILE" ] || python3 bench/scale_data.py "$N" "$DATA" "$FILE"
    DB="$WORK/scale_$N.db"
    echo "N = $N, input $(( $(stat -c %s "$FILE") / 1000000 )) MB, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), dsbench $(git rev-parse --short HEAD)"
    printf '%-28s %9s %9s %10s %10s\n' step "wall s" "cpu s" "peak MB" "db MB"
    step "$N" 1 "import"                    import "$FILE"
    step "$N" 1 "filter"                    filter
    step "$N" 1 "dedup minhash"             dedup
    step "$N" 2 "dedup minhash --field all" dedup --field all
    step "$N" 2 "dedup exact"               dedup --method exact
    step "$N" 1 "score heuristic"           score
    step "$N" 1 "export alpaca"             export --format alpaca -o "$WORK/out.jsonl"
    step "$N" 0 "stats"                     stats
    step "$N" 0 "filter (second run)"       filter
    echo "dedup runs:"
    sqlite3 "$DB" "select '  ' || json_extract(options, '$.method') || ' ' || json_extract(options, '$.field') || ': ' || json_extract(totals, '$.records') || ' records, ' || coalesce(json_extract(totals, '$.candidate_pairs'), '-') || ' candidate pairs, ' || json_extract(totals, '$.duplicates') || ' duplicates' from runs where command = 'dedup' order by id"
    python3 - "$WORK/steps.txt" "$(wc -l < "$WORK/out.jsonl")" "$N" <<'PY'
import sys
n = sys.argv[3]
steps = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
mine = [s for s in steps if s[0] == n]
total = sum(float(s[3]) for s in mine if s[1] == "1")
extra = sum(float(s[3]) for s in mine if s[1] == "2")
db = {s[2]: float(s[6]) for s in mine}
print(f"end to end (import, filter, dedup minhash, score, export): {total:.1f} s for {int(n):,} examples ({int(sys.argv[2]):,} exported)")
print(f"with dedup --field all and dedup --method exact as well: {total + extra:.1f} s")
print(f"second filter run adds {100 * (db['filter (second run)'] / db['stats'] - 1):.1f}% to the database")
PY
    rm -f "$DB" "$DB-wal" "$DB-shm"
    echo
done

if [ $# -ge 2 ]; then
    python3 - "$WORK/steps.txt" "$1" "${@: -1}" <<'PY'
import sys
small, large = sys.argv[2], sys.argv[3]
steps = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
by = {(s[0], s[2]): s for s in steps}
print(f"ratio {int(large):,} / {int(small):,} per step (linear: <= {int(large) / int(small) * 1.1:.0f})")
print(f"{'step':<28} {'wall':>7} {'cpu':>7}")
for s in steps:
    if s[0] == small and (large, s[2]) in by:
        t = by[(large, s[2])]
        print(f"{s[2]:<28} {float(t[3]) / float(s[3]):7.1f} {float(t[4]) / float(s[4]):7.1f}")
PY
fi
