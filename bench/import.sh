#!/usr/bin/env bash
# `dsbench import` against `sqlite-utils insert` of the same file, side by side, each into a fresh database,
# best of 3 (by CPU) on alpaca_en_52k.json and alpaca_zh_52k.json: wall seconds, CPU seconds (user+sys) and
# peak RSS of each, and the CPU ratio sqlite-utils / dsbench (target: >= 2x). A third line shows the floor
# SQLite alone sets for our schema: the sqlite3 shell copying the very rows dsbench stored into a fresh
# database (INSERT ... SELECT, no JSON, no Swift). Judge CPU, not wall, when the machine is shared.
# Usage: bash bench/import.sh [runs]   (sqlite-utils: /work/venvs/su/bin, else a venv made under bench/.venv)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
DATA="${DSBENCH_DATA:-$(cd .. && pwd)/shared/data}"
[ -f "$DATA/alpaca_en_52k.json" ] || DATA=/work/shared/data
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

swift build -c release --product dsbench >/dev/null
BIN="$(swift build -c release --show-bin-path)/dsbench"
SU=/work/venvs/su/bin/sqlite-utils
if [ ! -x "$SU" ]; then
    SU=bench/.venv/bin/sqlite-utils
    if [ ! -x "$SU" ]; then
        python3 -m venv bench/.venv >/dev/null
        bench/.venv/bin/pip install --quiet sqlite-utils
    fi
fi
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell"; exit 1; }

# Runs "$@" RUNS times, each after `prepare`; prints "wall cpu rss_mb" of the run with the least CPU.
best() {
    local prepare="$1"; shift
    local best_line="" best_cpu=""
    for _ in $(seq "$RUNS"); do
        eval "$prepare"
        /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err"; exit 1; }
        read -r wall user sys rss < "$WORK/time"
        local cpu
        cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
        if [ -z "$best_cpu" ] || python3 -c "import sys; sys.exit(0 if $cpu < $best_cpu else 1)"; then
            best_cpu=$cpu
            best_line="$wall $cpu $((rss / 1024))"
        fi
    done
    echo "$best_line"
}

row() { printf '%-34s %8s %8s %9s\n' "$@"; }

echo "best of $RUNS by CPU; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in alpaca_en_52k alpaca_zh_52k; do
    FILE="$DATA/$name.json"
    [ -f "$FILE" ] || { echo "missing $FILE (set DSBENCH_DATA)"; exit 1; }
    echo
    echo "$name.json ($(wc -c < "$FILE") bytes)"
    row "" "wall s" "CPU s" "peak MB"
    read -r ours_wall ours_cpu ours_rss < <(best 'rm -f "$WORK"/ours.db*' "$BIN" import --db "$WORK/ours.db" "$FILE")
    row "dsbench import" "$ours_wall" "$ours_cpu" "$ours_rss"
    read -r su_wall su_cpu su_rss < <(best 'rm -f "$WORK"/su.db*' "$SU" insert "$WORK/su.db" data "$FILE")
    row "sqlite-utils insert" "$su_wall" "$su_cpu" "$su_rss"
    # The floor: the same rows copied by SQLite alone into a fresh dsbench schema (indexes built at the end).
    "$BIN" init --db "$WORK/schema.db" >/dev/null
    sqlite3 "$WORK/schema.db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('instructions', 'completions')" > "$WORK/indexes.sql"
    {
        echo "PRAGMA foreign_keys = ON; ATTACH '$WORK/ours.db' AS o; BEGIN;"
        sqlite3 "$WORK/schema.db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('instructions', 'completions') AND sql IS NOT NULL"
        echo "INSERT INTO runs SELECT * FROM o.runs; INSERT INTO sources SELECT * FROM o.sources;"
        echo "INSERT INTO instructions SELECT * FROM o.instructions; INSERT INTO completions SELECT * FROM o.completions;"
        cat "$WORK/indexes.sql"
        echo "COMMIT;"
    } > "$WORK/copy.sql"
    read -r floor_wall floor_cpu floor_rss < <(best 'rm -f "$WORK"/floor.db*; cp "$WORK/schema.db" "$WORK/floor.db"' \
        sh -c "sqlite3 '$WORK/floor.db' < '$WORK/copy.sql'")
    row "floor: sqlite3 INSERT...SELECT" "$floor_wall" "$floor_cpu" "$floor_rss"
    rows=$(sqlite3 "$WORK/ours.db" "select count(*) from instructions")
    python3 -c "import sys; o,t=float(sys.argv[1]),float(sys.argv[2]); print(f'CPU ratio sqlite-utils / dsbench: {t/o:.2f}x  (target >= 2x); $rows instructions + completions')" "$ours_cpu" "$su_cpu"
done
