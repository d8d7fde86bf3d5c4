#!/usr/bin/env python3
"""Writes N Alpaca-style JSONL records for bench/scale.sh: half Chinese, half English, drawn from the shared
Alpaca sets (alpaca_en_52k, alpaca_zh_52k, alpaca_zh_carbonz0), each with a small random edit so that exact
duplicates are rare while near-duplicates stay common (as in a merged pool of open datasets).

usage: scale_data.py N DATA_DIR OUT.jsonl [SEED]
"""
import json
import random
import sys

EN_WORDS = ["please", "briefly", "carefully", "now", "again", "also", "today", "simply", "clearly", "exactly"]
ZH_CHARS = list("请简要地再也今天详细清楚准确一下")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [(r.get("instruction", ""), r.get("input", ""), r.get("output", "")) for r in json.load(f)]


def edit_en(text, rng):
    words = text.split(" ")
    roll = rng.random()
    if roll < 0.4:
        words.insert(rng.randrange(len(words) + 1), rng.choice(EN_WORDS))
    elif roll < 0.7 and len(words) > 3:
        del words[rng.randrange(len(words))]
    elif roll < 0.9:
        words[rng.randrange(len(words))] = rng.choice(EN_WORDS)
    else:
        words.append(str(rng.randrange(1000)))
    return " ".join(words)


def edit_zh(text, rng):
    chars = list(text)
    roll = rng.random()
    if roll < 0.4:
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(ZH_CHARS))
    elif roll < 0.7 and len(chars) > 3:
        del chars[rng.randrange(len(chars))]
    elif roll < 0.9 and chars:
        chars[rng.randrange(len(chars))] = rng.choice(ZH_CHARS)
    else:
        chars.append(str(rng.randrange(1000)))
    return "".join(chars)


def main():
    n, data, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 11)
    english = load(f"{data}/alpaca_en_52k.json")
    chinese = load(f"{data}/alpaca_zh_52k.json") + load(f"{data}/alpaca_zh_carbonz0.json")
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            zh = i % 2 == 1
            pool, edit = (chinese, edit_zh) if zh else (english, edit_en)
            instruction, input_text, output = pool[rng.randrange(len(pool))]
            # Edit the instruction most of the time, sometimes the output instead (then the instruction repeats).
            if rng.random() < 0.85:
                instruction = edit(instruction, rng)
            else:
                output = edit(output, rng)
            f.write(dumps({"instruction": instruction, "input": input_text, "output": output}))
            f.write("\n")


if __name__ == "__main__":
    main()
