#!/usr/bin/env bash
# Times `dsbench dedup --method minhash` on the 52K Alpaca instructions against datasketch MinHash+MinHashLSH
# (num_perm=128, threshold=0.8, lower-cased word sets; throwaway venv bench/.venv), printing both wall times,
# the ratio (target >= 20x), dsbench's peak memory (target <= 150 MB), and both tools' distinct candidate pairs:
# dsbench verifies every one by exact Jaccard (verified + rejected = candidates); datasketch reports its
# candidates unverified (how many are below the threshold is counted here).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
FILE="$DATA/alpaca_en_52k.json"

"$BIN" import --db "$WORK/b.db" "$FILE" >/dev/null

/usr/bin/time -v -o "$WORK/time.txt" "$BIN" dedup --db "$WORK/b.db" --method minhash --json > "$WORK/out.json"
ours=$(grep "Elapsed (wall clock)" "$WORK/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
peak=$(grep "Maximum resident set size" "$WORK/time.txt" | awk '{print $NF}')
echo "dsbench dedup --method minhash: ${ours}s wall (whole process), peak RSS $((peak / 1024)) MB"
echo "  summary: $(cat "$WORK/out.json")"
python3 -c "import json,sys; o=json.load(open(sys.argv[1])); print(f\"  dsbench: {o['candidate_pairs']} distinct candidate pairs, {o['verified_pairs']} verified (J >= 0.8), {o['rejected_pairs']} rejected by the exact check\")" "$WORK/out.json"

if [ ! -x bench/.venv/bin/python ] || ! bench/.venv/bin/python -c "import datasketch" 2>/dev/null; then
    python3 -m venv bench/.venv >/dev/null
    bench/.venv/bin/pip install --quiet datasketch
fi
read -r theirs pairs below < <(bench/.venv/bin/python bench/datasketch_dedup.py "$FILE")
echo "datasketch MinHash+MinHashLSH:  ${theirs}s (in-process, excluding JSON load), $pairs distinct candidate pairs, $below of them below J=0.8 (reported without a check)"
python3 -c "import sys; o,t=float(sys.argv[1]),float(sys.argv[2]); print(f'ratio (datasketch / dsbench): {t/o:.1f}x  (target >= 20x)')" "$ours" "$theirs"
