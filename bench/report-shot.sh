#!/usr/bin/env bash
# Renders a dsbench report to a PNG with headless Chromium, for a person to look at.
#   bench/report-shot.sh                    # builds the example pipeline's database (offline) and shoots its report
#   bench/report-shot.sh DB [OUT.png]       # the report of an existing database
# Installs Debian's chromium (and the Noto CJK fonts, so Chinese renders) with apt-get when missing.
# Prints the PNG's path and size. Needs no network except for that install.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${2:-$PWD/out/report.png}"
mkdir -p "$(dirname "$out")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v chromium >/dev/null; then
    echo "installing chromium (Debian package)…" >&2
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if ! fc-list :lang=zh | grep -q .; then
    echo "installing CJK fonts (fonts-noto-cjk)…" >&2
    apt-get install -y -qq fonts-noto-cjk >/dev/null
fi

swift build -c release --product dsbench >/dev/null
bin="$(swift build -c release --show-bin-path)/dsbench"

db="${1:-}"
if [ -z "$db" ]; then
    db="$work/example.db"
    "$bin" import examples/seed_tasks.jsonl --db "$db" >/dev/null
    "$bin" evolve --rounds 2 --backend rules --seed 7 --db "$db" >/dev/null
    "$bin" filter --db "$db" >/dev/null
    "$bin" dedup --method minhash --db "$db" >/dev/null
    "$bin" score --scorer heuristic --db "$db" >/dev/null
fi
"$bin" report --db "$db" --sample 20 -o "$work/report.html"

# A tall window shows every section in one image; the sample rows stay folded (<details>).
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,6400 \
    --screenshot="$out" "file://$work/report.html" >/dev/null 2>&1
ls -l "$out" | awk '{print $5 " bytes"}' | sed "s|^|$out: |"
