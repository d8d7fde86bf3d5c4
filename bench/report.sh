#!/usr/bin/env bash
# Times `dsbench report` on the 52K Alpaca set (English, then Chinese) with every default filter verdict,
# minhash and exact duplicates and heuristic scores in the database (target: <= 3 s), with peak RSS, and
# `dsbench stats` on the same database as a reference for the bare aggregate queries.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

# wall s, CPU s (user + sys) and peak RSS in MB of one run, from GNU time.
measure() { /usr/bin/time -f 'TIME %e %U %S %M' "$@" 2>&1 >/dev/null | awk '/^TIME/ {printf "%.2f %.2f %d", $2, $3 + $4, $5 / 1024}'; }
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
for name in alpaca_en_52k alpaca_zh_52k; do
    db="$WORK/$name.db"
    "$BIN" import --db "$db" "$DATA/$name.json" >/dev/null
    "$BIN" filter --db "$db" >/dev/null
    "$BIN" dedup --db "$db" --method minhash >/dev/null 2>&1
    "$BIN" dedup --db "$db" --method exact >/dev/null 2>&1
    "$BIN" score --db "$db" --scorer heuristic >/dev/null 2>&1
    verdicts=$("$BIN" sql --db "$db" --csv "select count(*) from verdicts" | tail -1 | tr -d '\r')
    scores=$("$BIN" sql --db "$db" --csv "select count(*) from scores" | tail -1 | tr -d '\r')
    runs=""
    for attempt in 1 2 3; do
        read -r wall cpu mb <<<"$(measure "$BIN" report --db "$db" -o "$WORK/$name.html")"
        runs="$runs ${wall}s"
    done
    read -r swall scpu smb <<<"$(measure "$BIN" stats --db "$db")"
    size=$(wc -c < "$WORK/$name.html")
    echo "$name: $verdicts verdicts, $scores scores; report wall$runs (last: CPU ${cpu}s, peak RSS ${mb} MB, $((size / 1024)) KiB HTML); dsbench stats wall ${swall}s CPU ${scpu}s; load average $(cut -d' ' -f1 /proc/loadavg) (target: report <= 3 s)"
done
