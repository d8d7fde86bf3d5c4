#!/usr/bin/env bash
# Runs the default filter rules over the 52K Alpaca examples (English, then Chinese) and prints examples/s
# (target >= 50K/s). The dry run measures loading + rule evaluation; the real run adds writing the verdicts.
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
