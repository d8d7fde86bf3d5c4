#!/usr/bin/env bash
# The whole dsbench pipeline on the bundled seeds, offline: import → evolve (rules backend) → filter → dedup
# → score → export → report (one HTML page). No model or API key needed. Usage: ./examples/pipeline.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-out}"
mkdir -p "$out"
db="$out/pipeline.db"
rm -f "$db" "$db-wal" "$db-shm"

echo "building dsbench (release)…"
swift build -c release >/dev/null
dsbench=".build/release/dsbench"

"$dsbench" import examples/seed_tasks.jsonl --db "$db"
"$dsbench" evolve --rounds 2 --backend rules --seed 7 --db "$db"
"$dsbench" filter --db "$db"
"$dsbench" dedup --method minhash --db "$db"
"$dsbench" score --scorer heuristic --db "$db"
# Seeds with their answers, ready for training.
"$dsbench" export --format alpaca -o "$out/train.jsonl" --db "$db"
# Evolved instructions that survived filtering and dedup; they have no answers yet (the rules backend writes
# none), so they are exported as prompts for `dsbench complete` with a real model.
"$dsbench" export --format jsonl --all --where "origin = 'rules' and verdict <> 'fail' and not is_duplicate" \
    -o "$out/evolved_prompts.jsonl" --db "$db"
"$dsbench" stats --db "$db"
# One HTML page with charts, filter failures, duplicates, costs and a sample of rows: open it in a browser.
"$dsbench" report --db "$db" -o "$out/report.html"

cat <<EOT

Done. Database: $db
  training file:    $out/train.jsonl ($(wc -l < "$out/train.jsonl") examples)
  evolved prompts:  $out/evolved_prompts.jsonl ($(wc -l < "$out/evolved_prompts.jsonl") instructions awaiting answers)
  report:           $out/report.html   (open it in a browser)
Review rows by hand in the terminal: $dsbench review --db $db --sample 20
Inspect with: $dsbench show 1 --db $db   or   $dsbench sql --db $db "select * from examples limit 5"

To use a real model instead of the offline rules, point dsbench at any OpenAI-compatible server, e.g.
  export OPENAI_BASE_URL=http://localhost:11434/v1 DSBENCH_MODEL=qwen2.5:7b     # Ollama
  export OPENAI_API_KEY=sk-... DSBENCH_MODEL=gpt-4o-mini                          # OpenAI
and run:  $dsbench evolve --rounds 2 --db $db && $dsbench complete --db $db
EOT
