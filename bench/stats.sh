#!/usr/bin/env bash
# bench/stats.sh DB: `dsbench stats` on an existing database (e.g. the one bench/scale.sh's steps leave, 1M
# examples after import, filter, dedup and score) against sqlite3 answering the same figures from the plain
# views it used to read (latest_verdicts grouped by filter, active_duplicates grouped by method, the length
# texts), side by side: wall and CPU seconds and peak RSS (/usr/bin/time). Then checks that dsbench's verdict
# and duplicate rows equal the views'. Target (issue 11): <= 3 s wall at 1M, linear in N, peak <= 300 MB.
set -euo pipefail
DB="$(realpath "${1:?usage: bench/stats.sh DB}")"
source "$(dirname "$0")/setup.sh"
measure() { /usr/bin/time -f 'TIME %e %U %S %M' "$@" 2>&1 >/dev/null | awk '/^TIME/ {printf "%.2f %.2f %d", $2, $3 + $4, $5 / 1024}'; }
VERDICTS="SELECT filter, count(*), sum(passed), round(100.0 * sum(passed) / count(*), 1) FROM latest_verdicts GROUP BY filter ORDER BY filter"
DUPLICATES="SELECT method, count(*), count(DISTINCT duplicate_of) FROM active_duplicates GROUP BY method ORDER BY method"
LENGTHS="SELECT sum(length(iif(input = '', instruction, instruction || ' ' || input))) FROM instructions; SELECT sum(length(output)) FROM completions"
echo "$(sqlite3 "$DB" 'select count(*) from instructions') instructions, $(sqlite3 "$DB" 'select count(*) from verdict_checks') verdict checks, load average $(cut -d' ' -f1 /proc/loadavg)"
read -r wall cpu mb <<<"$(measure "$BIN" stats --db "$DB")"
echo "dsbench stats (every figure):                 ${wall} s wall, ${cpu} s CPU, ${mb} MB peak"
read -r wall cpu mb <<<"$(measure sqlite3 "$DB" "$VERDICTS")"
echo "sqlite3 latest_verdicts by filter (one group): ${wall} s wall, ${cpu} s CPU, ${mb} MB peak"
read -r wall cpu mb <<<"$(measure sqlite3 "$DB" "$DUPLICATES")"
echo "sqlite3 active_duplicates by method:           ${wall} s wall, ${cpu} s CPU, ${mb} MB peak"
read -r wall cpu mb <<<"$(measure sqlite3 "$DB" "$LENGTHS")"
echo "sqlite3 length sums (no percentiles):          ${wall} s wall, ${cpu} s CPU, ${mb} MB peak"
ours=$("$BIN" stats --json --db "$DB" | python3 -c '
import json, sys
o = json.load(sys.stdin)
for v in o.get("verdicts", []): print(v["filter"], v["checked"], v["passed"], float(v["pass_pct"]), sep="|")
for d in o.get("duplicates", []): print(d["method"], d["duplicates"], d["clusters"], sep="|")')
views=$(sqlite3 "$DB" "$VERDICTS; $DUPLICATES")
[ "$ours" = "$views" ] && echo "verdict and duplicate rows equal the views' ($(echo "$views" | wc -l) rows)" \
    || { echo "MISMATCH with the views:"; diff <(echo "$ours") <(echo "$views"); exit 1; }
