#!/usr/bin/env bash
# Times `dsbench export --format alpaca` of the 52K Alpaca examples (after filter, dedup and score, default
# selection) against the bare view query it runs, `sqlite3 db "select … from examples where …" > /dev/null`,
# and prints rows/s (target >= 100K/s) and the ratio (target <= 1.5x), wall and CPU seconds, whole processes.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
DB="$WORK/e.db"
"$BIN" import --db "$DB" "$DATA/alpaca_en_52k.json" >/dev/null
"$BIN" filter --db "$DB" >/dev/null
"$BIN" dedup --db "$DB" >/dev/null
"$BIN" score --db "$DB" >/dev/null
# The query export runs for the alpaca layout (ExampleSelection: record columns, default gate, order).
QUERY="SELECT instruction_id, instruction, input, output, system, conversation, extra FROM examples WHERE output IS NOT NULL AND (verdict <> 'fail' OR failed_filters = 'turn-order') AND NOT is_duplicate ORDER BY instruction_id, sample_index"
measure() {  # prints "wall cpu" of a command, best of 3
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %U %S" -o "$WORK/t.txt" "$@" > /dev/null 2>&1
        awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$WORK/t.txt"
    done | sort -n | head -1
}
read -r ours_wall ours_cpu < <(measure "$BIN" export --db "$DB" --format alpaca -o "$WORK/out.jsonl")
read -r view_wall view_cpu < <(measure sqlite3 "$DB" "$QUERY")
rows=$(wc -l < "$WORK/out.jsonl")
python3 - "$rows" "$ours_wall" "$ours_cpu" "$view_wall" "$view_cpu" <<'PY'
import sys
rows, ow, oc, vw, vc = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"dsbench export alpaca: {rows:,} rows in {ow:.2f} s wall, {oc:.2f} s CPU = {rows/ow:,.0f} rows/s wall, {rows/oc:,.0f} rows/s CPU (target >= 100,000/s)")
print(f"sqlite3 bare view query: {vw:.2f} s wall, {vc:.2f} s CPU")
print(f"ratio export / view query: {ow/vw:.2f}x wall, {oc/vc:.2f}x CPU (target <= 1.5x)")
PY
