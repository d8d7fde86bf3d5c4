#!/usr/bin/env bash
# Opt-in: exports the shared ShareGPT, Alpaca and tool-call demo files and some hand-made faulty
# conversations with `dsbench export --dataset-info`, prints dsbench's own `--check` verdict, then lets
# LLaMA-Factory's own loader read the same files (bench/llamafactory_read.py) side by side.
# Needs a venv with `pip install llamafactory` (default /work/venvs/llamafactory; set LLAMAFACTORY_VENV).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${LLAMAFACTORY_VENV:-/work/venvs/llamafactory}"
[ -x "$VENV/bin/python" ] || { echo "no LLaMA-Factory venv at $VENV (python3 -m venv \$VENV && \$VENV/bin/pip install llamafactory)"; exit 1; }
DATA="${DSBENCH_DATA:-$(cd .. && pwd)/shared/data}"
[ -d "$DATA" ] || DATA=/work/shared/data
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
swift build --product dsbench >/dev/null
BIN="$(swift build --show-bin-path)/dsbench"

cat > "$WORK/faulty.jsonl" <<'JSONL'
{"conversations": [{"from": "user", "value": "Name a prime number."}, {"from": "assistant", "value": "7"}]}
{"conversations": [{"role": "user", "content": "Name an even prime."}, {"role": "chatgpt", "content": "2"}]}
{"conversations": [{"from": "human", "value": "Hi."}, {"from": "human", "value": "Name a square."}, {"from": "gpt", "value": "4"}]}
{"conversations": [{"from": "gpt", "value": "Hello!"}, {"from": "human", "value": "Name a cube."}, {"from": "gpt", "value": "8"}]}
{"conversations": [{"from": "human", "value": "a"}, {"from": "gpt", "value": "b"}, {"from": "system", "value": "Be brief."}, {"from": "human", "value": "c"}, {"from": "gpt", "value": "d"}]}
{"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}], "tools": [{"name": "f", "parameters": {}}]}
JSONL
cat > "$WORK/legacy.jsonl" <<'JSONL'
{"functions": [{"name": "get_time", "parameters": {"type": "object"}}], "messages": [{"role": "user", "content": "Time?"}, {"role": "assistant", "content": null, "function_call": {"name": "get_time", "arguments": "{\"tz\": \"UTC\"}"}}, {"role": "function", "name": "get_time", "content": "12:00"}, {"role": "assistant", "content": "It is noon."}]}
JSONL

mkdir -p "$WORK/data"
"$BIN" import --db "$WORK/t.db" "$DATA/sharegpt_glaive_toolcall_en_demo.json" "$DATA/sharegpt_glaive_toolcall_zh_demo.json" \
    "$DATA/sharegpt_fastchat_dummy_conversation.json" "$DATA/llamafactory_alpaca_en_demo.json" \
    "$DATA/llamafactory_alpaca_zh_demo.json" "$WORK/faulty.jsonl" "$WORK/legacy.jsonl"
echo "== dsbench export --check"
for format in alpaca sharegpt openai; do
    "$BIN" export --db "$WORK/t.db" --format "$format" --json-array -o "$WORK/data/$format.json" --dataset-info "$WORK/data" 2>&1 | grep -v "^registered"
done
"$BIN" export --db "$WORK/t.db" --format sharegpt --turns keep --json-array -o "$WORK/data/sharegpt_keep.json" --dataset-info "$WORK/data" 2>&1 | grep -v "^registered"
echo "== LLaMA-Factory $("$VENV/bin/python" -c 'import llamafactory; print(llamafactory.__version__)') reading the same files"
"$VENV/bin/python" bench/llamafactory_read.py "$WORK/data"
