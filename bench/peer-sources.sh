#!/usr/bin/env bash
# Runs both new sources of instructions end to end against the real llama.cpp server of
# ../shared/tools/llm-peer (llama-cpp-python, a random tiny model: the text is gibberish, the protocol real):
#   1. import --as documents (this README, an English and a Chinese manual), generate --from documents
#      (qa and instructions styles), complete from the chunk;
#   2. generate --method magpie over raw /v1/completions with the ChatML (qwen2) and Llama 3 templates,
#      two turns, stop strings and stop_token_ids, add_special_tokens false;
#   3. Ctrl-C in the middle of a Magpie run, then the same command again: no request is sent twice.
# Prints each command's summary and what the server saw. Start the server first:
#   ../shared/tools/llm-peer/start.sh        (PEER=http://127.0.0.1:18080/v1 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
PEER="${PEER:-http://127.0.0.1:18080/v1}"
MODEL="${PEER_MODEL:-tiny}"
curl -fsS -m 5 "$PEER/models" >/dev/null || { echo "no server at $PEER; run ../shared/tools/llm-peer/start.sh" >&2; exit 1; }
swift build --product dsbench >/dev/null
BIN="$(swift build --show-bin-path)/dsbench"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/peer.db"
LLM=(--base-url "$PEER" --model "$MODEL" --concurrency 2)
sql() { "$BIN" sql --db "$DB" --table "$1"; }
step() { printf '\n== %s\n' "$*"; }

mkdir -p "$WORK/docs"
cp README.md "$WORK/docs/dsbench-readme.md"
cat > "$WORK/docs/kettle.md" <<'DOC'
# Kettle Manual

The Model K2 kettle boils one litre of water in about four minutes. It switches itself off when the water boils.

## Cleaning

Descale the kettle once a month. Fill it with equal parts water and white vinegar, boil, and leave it for an hour.
DOC
cat > "$WORK/docs/kettle-zh.md" <<'DOC'
# 电热水壶说明书

K2 型电热水壶约四分钟即可烧开一升水。水烧开后会自动断电。

## 清洁

每月除垢一次。将等量的清水和白醋倒入壶中，烧开后静置一小时。
DOC

step "import --as documents"
"$BIN" import "$WORK/docs" --as documents --chunk-tokens 256 --overlap 32 --db "$DB"
sql "select path, count(*) chunks, max(tokens) max_tokens, min(line_start) first_line, max(line_end) last_line from document_chunks group by path"

step "generate --from documents (qa, 2 per chunk) on the two manuals"
"$BIN" generate --from documents --per-chunk 2 --where "path like '%kettle%'" --max-tokens 200 --db "$DB" "${LLM[@]}"
step "generate --from documents --style instructions on 5 README chunks"
"$BIN" generate --from documents --style instructions --where "path like '%readme%' and seq < 5" --max-tokens 200 --db "$DB" "${LLM[@]}"
sql "select purpose, status, finish_reason, count(*) calls from llm_calls group by 1, 2, 3"

step "generate --method magpie, ChatML (qwen2) template, 2 turns"
"$BIN" generate --method magpie --template qwen2 --count 4 --turns 2 --max-tokens 48 --query-max-tokens 48 --db "$DB" "${LLM[@]}" || true
step "generate --method magpie, Llama 3 template (BOS in the prompt, add_special_tokens false)"
"$BIN" generate --method magpie --template llama3 --count 2 --max-tokens 48 --query-max-tokens 48 --db "$DB" "${LLM[@]}" || true
sql "select substr(source, 8, instr(substr(source, 8), ':') - 1) template, count(*) rows, sum(conversation is not null) conversations, sum(json_array_length(conversation, '\$.messages')) / 2 turns from instructions where origin = 'magpie' group by 1"
sql "select v.filter, v.passed, count(*) n from latest_verdicts v join instructions i on i.id = v.instruction_id where i.origin = 'magpie' group by 1, 2"
step "what the server was sent and answered (raw completions)"
sql "select purpose, endpoint, finish_reason, count(*) calls, sum(prompt_tokens) prompt, sum(completion_tokens) completion from llm_calls where purpose like 'magpie%' group by 1, 2, 3"
sql "select substr(json_extract(request, '\$.prompt'), 1, 90) prompt_start, json_extract(request, '\$.stop_token_ids') stop_ids, json_extract(request, '\$.add_special_tokens') add_special from llm_calls where purpose = 'magpie-query' group by json_extract(request, '\$.stop_token_ids') limit 2"
echo "queries holding a stop string (must be 0): $("$BIN" sql --db "$DB" --csv "select count(*) from llm_calls where purpose = 'magpie-query' and (content like '%<|im_end|>%' or content like '%<|eot_id|>%')" | tail -1)"

step "Ctrl-C during a Magpie run, then rerun"
ARGS=(generate --method magpie --template qwen3 --count 250 --max-tokens 48 --query-max-tokens 48 --db "$DB" "${LLM[@]}")
before=$("$BIN" sql --db "$DB" --csv "select count(*) from llm_calls" | tail -1)
"$BIN" "${ARGS[@]}" & pid=$!
sleep 0.7; kill -INT "$pid" || echo "(the run ended before the signal)"; set +e; wait "$pid"; echo "first run exit code: $?"; set -e
mid=$("$BIN" sql --db "$DB" --csv "select count(*) from llm_calls" | tail -1)
"$BIN" "${ARGS[@]}" || true
sql "select id, status, llm_calls, rows_written from runs where command = 'generate' order by id desc limit 2"
sql "select count(*) sent, count(distinct request_hash) distinct_requests from llm_calls where id > $before and status = 'succeeded'"
echo "calls before/after the interrupt/after the rerun: $before / $mid / $("$BIN" sql --db "$DB" --csv "select count(*) from llm_calls" | tail -1)"
