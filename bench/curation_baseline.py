#!/usr/bin/env python3
"""Helpers for bench/curation-accuracy.sh.

prepare IN OUT      copy a labelled fixture into an importable JSONL (a neutral, unique instruction where the
                    record has none; labels travel in the extra fields)
score CSV           P/R/F1 per language from `lang,label,flagged` rows (dsbench's verdicts)
baseline IN         P/R/F1 per language of the common substring-phrase refusal matcher on the same fixture
"""
import csv, json, sys

# The usual phrase list of refusal filters in SFT cleaning scripts: a refusal is any output containing one.
BASELINE_PHRASES = [
    "i'm sorry", "i am sorry", "i apologize", "i apologise", "i cannot", "i can't", "i can not", "i am unable",
    "i'm unable", "i am not able", "i'm not able", "as an ai", "as a language model", "as an assistant",
    "i'm just an ai", "unfortunately", "i must decline", "i won't", "i will not",
    "抱歉", "对不起", "我无法", "我不能", "作为一个人工智能", "作为ai", "作为一个ai", "作为人工智能", "很遗憾", "我没有办法",
]


def prf(rows):
    out = {}
    for lang, label, flagged in rows:
        c = out.setdefault(lang, [0, 0, 0, 0])  # tp fp fn tn
        c[0 if label and flagged else 1 if flagged else 2 if label else 3] += 1
    result = {}
    for lang, (tp, fp, fn, tn) in sorted(out.items()):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[lang] = (p, r, f, tp + fp + fn + tn)
    return result


def records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    cmd = sys.argv[1]
    if cmd == "prepare":
        with open(sys.argv[3], "w", encoding="utf-8") as out:
            for n, r in enumerate(records(sys.argv[2])):
                r = dict(r)
                if not r.get("instruction"):
                    r["instruction"] = f"Answer the message (record {n + 1})."
                r["label"] = 1 if r["label"] else 0
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif cmd == "score":
        with open(sys.argv[2], encoding="utf-8") as f:
            rows = [(r["lang"], r["label"] == "1", r["flagged"] == "1") for r in csv.DictReader(f)]
        for lang, (p, r, f1, n) in prf(rows).items():
            print(f"{lang}\t{n}\t{p:.3f}\t{r:.3f}\t{f1:.3f}")
    elif cmd == "baseline":
        rows = []
        for r in records(sys.argv[2]):
            text = r["output"].lower().replace("\u2019", "'")
            rows.append((r["lang"], r["label"], any(p in text for p in BASELINE_PHRASES)))
        for lang, (p, r, f1, n) in prf(rows).items():
            print(f"{lang}\t{n}\t{p:.3f}\t{r:.3f}\t{f1:.3f}")


if __name__ == "__main__":
    main()
