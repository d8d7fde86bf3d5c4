#!/usr/bin/env bash
# Times `dsbench import` of the 52K Alpaca file into a fresh database against `sqlite-utils insert` of the
# same file (installed into a throwaway venv under bench/.venv), and prints the ratio (target: >= 3x).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${DSBENCH_DATA:-$(cd .. && pwd)/shared/data}"
[ -f "$DATA/alpaca_en_52k.json" ] || DATA=/work/shared/data
FILE="$DATA/alpaca_en_52k.json"
[ -f "$FILE" ] || { echo "missing $FILE (set DSBENCH_DATA)"; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

swift build -c release --product dsbench >/dev/null
BIN="$(swift build -c release --show-bin-path)/dsbench"

seconds() { python3 -c 'import sys,time; t=time.perf_counter(); import subprocess; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print(f"{time.perf_counter()-t:.3f}")' "$@"; }

"$BIN" init --db "$WORK/warm.db" >/dev/null
ours=$(seconds "$BIN" import --db "$WORK/dsbench.db" "$FILE")
rows=$("$BIN" sql --db "$WORK/dsbench.db" --csv "select count(*) from instructions" | tail -1 | tr -d '\r')
echo "dsbench import:          ${ours}s  ($rows instructions + completions, one transaction)"

if [ ! -x bench/.venv/bin/sqlite-utils ]; then
    python3 -m venv bench/.venv >/dev/null
    bench/.venv/bin/pip install --quiet sqlite-utils
fi
theirs=$(seconds bench/.venv/bin/sqlite-utils insert "$WORK/peer.db" alpaca "$FILE")
echo "sqlite-utils insert:     ${theirs}s  ($(bench/.venv/bin/sqlite-utils "$WORK/peer.db" "select count(*) as n from alpaca" --csv | tail -1) rows, one table)"
python3 -c "import sys; o,t=float(sys.argv[1]),float(sys.argv[2]); print(f'ratio (sqlite-utils / dsbench): {t/o:.1f}x  (target >= 3x)')" "$ours" "$theirs"
