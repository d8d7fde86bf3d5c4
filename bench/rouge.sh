#!/usr/bin/env bash
# A pool of 2,000 Alpaca instructions in a fresh db; `dsbench similar --file` with 200 other instructions
# (400,000 pairs, whole process timed) next to Python rouge_score scoring the same 400,000 pairs. Checks that
# the top scores agree and prints the ratio (target >= 100x).
set -euo pipefail
source "$(dirname "$0")/setup.sh"

python3 - "$DATA/alpaca_en_52k.json" "$WORK" <<'PY'
import json, sys
records = json.load(open(sys.argv[1], encoding="utf-8"))
clean = [r["instruction"].replace("\n", " ").strip() for r in records]
pool = clean[0:20000:10]          # 2,000 instructions
queries = clean[20001:40000:100]  # 200 others
open(f"{sys.argv[2]}/pool.txt", "w").write("\n".join(pool) + "\n")
open(f"{sys.argv[2]}/queries.txt", "w").write("\n".join(queries) + "\n")
PY
"$BIN" import --db "$WORK/r.db" --format text "$WORK/pool.txt" >/dev/null
start=$(date +%s.%N)
"$BIN" similar --db "$WORK/r.db" --file "$WORK/queries.txt" --top 1 --json > "$WORK/ours.jsonl"
end=$(date +%s.%N)
ours=$(python3 -c "print(f'{$end - $start:.3f}')")
echo "dsbench similar --file (200 queries x 2,000 pool = 400,000 pairs, whole process): ${ours}s"

if [ ! -x bench/.venv/bin/python ] || ! bench/.venv/bin/python -c "import rouge_score" 2>/dev/null; then
    python3 -m venv bench/.venv >/dev/null
    bench/.venv/bin/pip install --quiet rouge-score
fi
bench/.venv/bin/python bench/rouge_peer.py "$WORK/pool.txt" "$WORK/queries.txt" > "$WORK/theirs.txt"
theirs=$(head -1 "$WORK/theirs.txt")
echo "rouge_score (same 400,000 pairs, scoring loop only): ${theirs}s"
python3 - "$WORK/ours.jsonl" "$WORK/theirs.txt" "$ours" "$theirs" <<'PY'
import json, sys
ours = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
theirs = [l.split() for l in open(sys.argv[2]).read().splitlines()[1:]]
worst = 0.0
for o, (i, f) in zip(ours, theirs):
    mine = o["matches"][0]["fmeasure"] if o["matches"] else 0.0
    worst = max(worst, abs(mine - float(f)))
print(f"top scores agree on {len(ours)} queries: max |delta| = {worst:.2e}")
print(f"ratio (rouge_score / dsbench): {float(sys.argv[4]) / float(sys.argv[3]):.0f}x  (target >= 100x)")
PY
