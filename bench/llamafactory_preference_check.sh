#!/usr/bin/env bash
# Checks that LLaMA-Factory's own converter loads dsbench's ranking layouts with every pair surviving.
# Data: the shared FastChat multi-turn dummy conversations, the LLaMA-Factory Chinese Alpaca demo and the
# Glaive tool-call demo, imported; each imported answer gets a second, worse candidate (its first 20
# characters) and judge scores 8 and 3, via SQL; then `dsbench preferences` and
# `dsbench export --format alpaca-preference|sharegpt-preference --dataset-info`. The venv is
# /work/venvs/llamafactory (llamafactory 0.9.x from PyPI), or $LLAMAFACTORY_VENV.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
VENV="${LLAMAFACTORY_VENV:-/work/venvs/llamafactory}"
[ -f "$VENV/bin/python" ] || { echo "no LLaMA-Factory venv at $VENV" >&2; exit 1; }
DB="$WORK/prefs.db"
for file in sharegpt_fastchat_dummy_conversation.json llamafactory_alpaca_zh_demo.json sharegpt_glaive_toolcall_en_demo.json; do
    "$BIN" import "$DATA/$file" --db "$DB" >/dev/null
done
sqlite3 "$DB" <<'SQL'
INSERT INTO runs (command, status) VALUES ('bench-setup', 'succeeded');
INSERT INTO completions (instruction_id, output, origin, sample_index, run_id)
    SELECT instruction_id, substr(output, 1, 20), 'model', 1, (SELECT max(id) FROM runs) FROM completions
    WHERE length(output) > 25;
INSERT INTO scores (instruction_id, completion_id, scorer, value, run_id)
    SELECT instruction_id, id, 'judge', iif(sample_index = 0, 8, 3), (SELECT max(id) FROM runs) FROM completions;
SQL
"$BIN" preferences --db "$DB"
echo "pairs in latest_preferences: $(sqlite3 "$DB" 'select count(*) from latest_preferences'), multi-turn: $(sqlite3 "$DB" 'select count(*) from latest_preferences p join instructions i on i.id = p.instruction_id where i.conversation is not null')"
OUT="$WORK/lf"
mkdir -p "$OUT"
"$BIN" export --db "$DB" --format alpaca-preference --json-array -o "$OUT/dsbench_alpaca_pref.json" --dataset-info "$OUT"
"$BIN" export --db "$DB" --format sharegpt-preference -o "$OUT/dsbench_sharegpt_pref.jsonl" --dataset-info "$OUT"
"$VENV/bin/python" "$(pwd)/bench/llamafactory_preference_read.py" "$OUT" dsbench_alpaca_pref dsbench_sharegpt_pref
