#!/usr/bin/env bash
# Imports each shared dataset (plus a file of tricky JSON) with a reference dsbench binary (default: the
# release build in ../main) and with this tree's release build, each into a fresh database, and compares
# dumps of the content tables without timestamps and durations. Prints one line per file and exits 1 on
# any difference. Usage: bash bench/import_identity.sh [reference-binary]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${DSBENCH_DATA:-$(cd .. && pwd)/shared/data}"
[ -f "$DATA/alpaca_en_52k.json" ] || DATA=/work/shared/data
REF="${1:-$(cd .. && pwd)/main/.build/release/dsbench}"
[ -x "$REF" ] || REF=/work/main/.build/release/dsbench
[ -x "$REF" ] || { echo "no reference binary (give its path)"; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
swift build -c release --product dsbench >/dev/null
OURS="$(swift build -c release --show-bin-path)/dsbench"

# Tricky but valid records: escapes, surrogate pairs, \u0000, floats and long integers, nested extra fields,
# duplicate keys, trailing commas (Foundation accepts them), CRLF, blank lines, a BOM, and one bad line.
printf '\xef\xbb\xbf{"instruction":"esc \\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00 nul\\u0000end","input":"","output":"o"}\r\n\r\n' > "$WORK/tricky.jsonl"
cat >> "$WORK/tricky.jsonl" <<'EOF'
{"instruction":"numbers","output":"x","n":[0,-0,1.0,1e2,-1.5e-3,9223372036854775807,9223372036854775808,-9223372036854775808,123456789012345678901234567890,1e-400],"b":true,"z":null}

{"instruction":"nested 中文","output":"y","extra":{"deep":{"list":[1,{"k":"v"}],"empty":{}},"e\u0301":"é"},"score":5}
{"instruction":"duplicate key","instruction":"second wins","output":"z"}
{"instruction":"trailing comma","output":"w",}
{"instruction":"e\u0301 combining","input":"한국어 입력","output":"日本語のテキスト"}
EOF
printf '{"instruction":"bad","output":"x"\n' > "$WORK/bad.jsonl"
cat "$WORK/tricky.jsonl" "$WORK/bad.jsonl" > "$WORK/tricky_bad.jsonl"

dump() {
    sqlite3 "$1" <<'EOF'
.mode quote
SELECT id, instruction, input, system, conversation, origin, task_id, parent_id, root_id, strategy, depth, language,
       task_type, is_classification, source, source_id, extra, llm_call_id, run_id, round, chunk_id FROM instructions ORDER BY id;
SELECT id, instruction_id, output, origin, model, finish_reason, sample_index, parent_id, llm_call_id, run_id FROM completions ORDER BY id;
SELECT id, path, content_hash, format, role, records, rejected, run_id FROM sources ORDER BY id;
SELECT id, source_id, line, field, reason, raw, run_id FROM rejects ORDER BY id;
SELECT instruction_id, completion_id, filter, passed, reason, detail FROM latest_verdicts ORDER BY 1, 2, 3;
SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name;
EOF
}

status=0
run() {  # name, file, extra arguments...
    local name="$1" file="$2"; shift 2
    rm -f "$WORK"/ref.db* "$WORK"/ours.db*
    local ref_out ours_out
    ref_out=$(cd "$WORK" && "$REF" import --db ref.db "$file" "$@" 2>&1) || true
    ours_out=$(cd "$WORK" && "$OURS" import --db ours.db "$file" "$@" 2>&1) || true
    if [ "$ref_out" != "$ours_out" ]; then
        echo "DIFFERENT output  $name"; echo "  ref:  $ref_out"; echo "  ours: $ours_out"; status=1; return
    fi
    if [ ! -f "$WORK/ref.db" ]; then echo "same (no database)  $name"; return; fi
    if cmp -s <(dump "$WORK/ref.db") <(dump "$WORK/ours.db"); then
        echo "same  $name  ($(sqlite3 "$WORK/ours.db" 'select count(*) from instructions') instructions)"
    else
        echo "DIFFERENT content  $name"; diff <(dump "$WORK/ref.db") <(dump "$WORK/ours.db") | head -5; status=1
    fi
}

for file in alpaca_en_52k.json alpaca_zh_52k.json alpaca_zh_carbonz0.json llamafactory_alpaca_en_demo.json \
    llamafactory_alpaca_zh_demo.json sharegpt_glaive_toolcall_en_demo.json sharegpt_glaive_toolcall_zh_demo.json \
    sharegpt_fastchat_dummy_conversation.json self_instruct_seed_tasks.jsonl self_instruct_user_oriented_252.jsonl; do
    run "$file" "$DATA/$file"
done
run "tricky.jsonl" "$WORK/tricky.jsonl"
run "tricky_bad.jsonl (aborts)" "$WORK/tricky_bad.jsonl"
run "tricky_bad.jsonl --skip-invalid" "$WORK/tricky_bad.jsonl" --skip-invalid
exit $status
