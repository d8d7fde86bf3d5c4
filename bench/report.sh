#!/usr/bin/env bash
# Times `dsbench report` on the 52K Alpaca set (English, then Chinese) with every default filter verdict,
# minhash and exact duplicates and heuristic scores in the database (target: <= 3 s), with peak RSS, and
# `dsbench stats` on the same database as a reference for the bare aggregate queries.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
for name in alpaca_en_52k alpaca_zh_52k; do
    db="$WORK/$name.db"
    "$BIN" import --db "$db" "$DATA/$name.json" >/dev/null
    "$BIN" filter --db "$db" >/dev/null
    "$BIN" dedup --db "$db" --method minhash >/dev/null 2>&1
    "$BIN" dedup --db "$db" --method exact >/dev/null 2>&1
    "$BIN" score --db "$db" --scorer heuristic >/dev/null 2>&1
    verdicts=$("$BIN" sql --db "$db" --csv "select count(*) from verdicts" | tail -1 | tr -d '\r')
    scores=$("$BIN" sql --db "$db" --csv "select count(*) from scores" | tail -1 | tr -d '\r')
    first=$(seconds "$BIN" report --db "$db" -o "$WORK/$name.html" 2>/dev/null)
    second=$(seconds "$BIN" report --db "$db" -o "$WORK/$name.html" 2>/dev/null)
    peak=$(rss "$BIN" report --db "$db" -o "$WORK/$name.html")
    stats=$(seconds "$BIN" stats --db "$db")
    size=$(wc -c < "$WORK/$name.html")
    echo "$name: $verdicts verdicts, $scores scores; report $first s (again $second s), peak RSS $((peak / 1024)) MB, $((size / 1024)) KiB HTML; dsbench stats $stats s (target: report <= 3 s)"
done
