#!/usr/bin/env bash
# Runs the default filter rules over the 52K Alpaca examples (English, then Chinese) and prints examples/s
# (target >= 50K/s). The dry run measures loading + rule evaluation; the real run adds writing the verdicts.
#
# SCALE=file.jsonl (e.g. KEEP's /tmp/i11/data/scale_1000000.jsonl from bench/scale.sh) also imports that file
# once and, on copies of the database, runs filter, a second filter and score (heuristic), printing per step
# wall s, CPU s (user+sys), peak RSS (/usr/bin/time) and what the step added to the database. With
# BASE_BIN=path (another build, e.g. main's release binary) the same steps run with it side by side, on the
# same imported database (its schema is migrated by whichever binary opens it first: the base runs first).
set -euo pipefail
source "$(dirname "$0")/setup.sh"

for name in alpaca_en_52k alpaca_zh_52k; do
    "$BIN" import --db "$WORK/$name.db" "$DATA/$name.json" >/dev/null
    n=$("$BIN" sql --db "$WORK/$name.db" --csv "select count(*) from completions" | tail -1 | tr -d '\r')
    dry=$(seconds "$BIN" filter --db "$WORK/$name.db" --dry-run)
    real=$(seconds "$BIN" filter --db "$WORK/$name.db")
    verdicts=$("$BIN" sql --db "$WORK/$name.db" --csv "select count(*) from verdicts" | tail -1 | tr -d '\r')
    failed=$("$BIN" sql --db "$WORK/$name.db" --csv "select count(*) from examples where verdict = 'fail'" | tail -1 | tr -d '\r')
    python3 -c "import sys; n,d,r=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'{sys.argv[4]}: {n} examples; --dry-run {d:.2f}s = {n/d:,.0f} examples/s; with {sys.argv[5]} verdicts written {r:.2f}s = {n/r:,.0f} examples/s; {sys.argv[6]} examples fail (target >= 50,000/s)')" "$n" "$dry" "$real" "$name" "$verdicts" "$failed"
done

[ -n "${SCALE:-}" ] || exit 0
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
size() { python3 -c 'import os,sys; print(sum(os.path.getsize(p) for p in (sys.argv[1], sys.argv[1] + "-wal") if os.path.exists(p)))' "$1"; }
"${BASE_BIN:-$BIN}" import --db "$WORK/scale.db" "$SCALE" >/dev/null
echo "$(basename "$SCALE"): $(( $(size "$WORK/scale.db") / 1000000 )) MB after import; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %-16s %8s %8s %8s %12s\n' build step "wall s" "cpu s" "peak MB" "db added"
for label in ${BASE_BIN:+base} this; do
    bin="$BIN"; [ "$label" = base ] && bin="$BASE_BIN"
    cp "$WORK/scale.db" "$WORK/$label.db"
    for step in "filter" "filter (second)" "score heuristic"; do
        before=$(size "$WORK/$label.db")
        command=(filter); [ "$step" = "score heuristic" ] && command=(score)
        /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$bin" "${command[@]}" --db "$WORK/$label.db" >/dev/null
        after=$(size "$WORK/$label.db")
        read -r wall user sys peak < "$WORK/time.txt"
        python3 -c "import sys; w,u,s,p,b,a=sys.argv[3:9]; print(f'{sys.argv[1]:<12} {sys.argv[2]:<16} {float(w):8.2f} {float(u)+float(s):8.2f} {int(p)/1024:8.0f} {(int(a)-int(b))/1e6:8.1f} MB ({(int(a)-int(b))*100/int(b):.1f}%)')" \
            "$label" "$step" "$wall" "$user" "$sys" "$peak" "$before" "$after"
    done
    rm -f "$WORK/$label.db" "$WORK/$label.db-wal" "$WORK/$label.db-shm"
done
