#!/usr/bin/env bash
# Accuracy of the refusal, truncated and toxicity rules on dsbench's labelled development sets
# (Tests/CurationTests/Fixtures/curation/*.jsonl, written by us), per language: precision, recall, F1.
# Each set is imported and filtered with the real CLI; the held-out sets were written before the rules were
# tuned and are never tuned against. The refusal rows also show the common substring-phrase matcher
# ("I'm sorry", "I cannot", "as an AI", "抱歉", "我无法"…, see curation_baseline.py) on the same records.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
FIX=Tests/CurationTests/Fixtures/curation
HELP=bench/curation_baseline.py

printf '%-10s %-8s %-4s %5s %7s %7s %7s\n' rule set lang n P R F1
for rule in refusal truncated toxicity; do
    for split in dev heldout; do
        db="$WORK/$rule-$split.db"
        python3 "$HELP" prepare "$FIX/$rule.$split.jsonl" "$WORK/$rule-$split.jsonl"
        "$BIN" import --db "$db" "$WORK/$rule-$split.jsonl" >/dev/null
        "$BIN" filter --db "$db" --rules "$rule" >/dev/null
        "$BIN" sql --db "$db" --csv "select json_extract(i.extra, '\$.lang') as lang, json_extract(i.extra, '\$.label') as label,
            1 - v.passed as flagged from latest_verdicts v join instructions i on i.id = v.instruction_id
            where v.completion_id is not null and v.filter = '$rule'" > "$WORK/$rule-$split.csv"
        python3 "$HELP" score "$WORK/$rule-$split.csv" | while IFS=$'\t' read -r lang n p r f; do
            printf '%-10s %-8s %-4s %5s %7s %7s %7s\n' "$rule" "$split" "$lang" "$n" "$p" "$r" "$f"
        done
        if [ "$rule" = refusal ]; then
            python3 "$HELP" baseline "$FIX/$rule.$split.jsonl" | while IFS=$'\t' read -r lang n p r f; do
                printf '%-10s %-8s %-4s %5s %7s %7s %7s\n' "phrases*" "$split" "$lang" "$n" "$p" "$r" "$f"
            done
        fi
    done
done
echo "* phrases = the common substring-phrase refusal matcher, on the refusal sets"
