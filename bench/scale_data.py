#!/usr/bin/env python3
"""Writes N Alpaca-style JSONL records for bench/scale.sh: half Chinese, half English, made from the shared Alpaca
sets (alpaca_en_52k, alpaca_zh_52k, alpaca_zh_carbonz0), with duplicate rates that stay the same at every N.

A pool of ~124K distinct records cannot supply a million distinct ones by resampling: drawn 1,000,000 times, each
source repeats ~8 times, so the share of near-duplicates would grow with N (54% of the rows at 1M against 17% at
100K) and a benchmark would measure the pool running dry rather than the pipeline. So each
field of a fresh record is spliced from two sources of the same language (the head of one text joined to the tail of
another at a word boundary, or at a character for Chinese), which keeps Alpaca's lengths, scripts and vocabulary
while making repeats of one source dissimilar (word Jaccard around 1/3 or less). On top of that, a fixed share of
records repeat an earlier record of the file:

- NEAR_SHARE (15%) are a near-copy of a recent record with one small edit (a word or character inserted, deleted
  or replaced, or a number appended; 85% of the time in the instruction, otherwise in the output, so the
  instruction then repeats exactly), as in a merged pool of open datasets;
- EXACT_SHARE (1%) repeat a recent record unchanged.

usage: scale_data.py N DATA_DIR OUT.jsonl [SEED]
"""
import collections
import json
import random
import sys

NEAR_SHARE = 0.15
EXACT_SHARE = 0.01
RECENT = 50_000  # near and exact copies pick from the last RECENT records written

EN_WORDS = ["please", "briefly", "carefully", "now", "again", "also", "today", "simply", "clearly", "exactly"]
ZH_CHARS = list("请简要地再也今天详细清楚准确一下")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [(r.get("instruction", ""), r.get("input", ""), r.get("output", "")) for r in json.load(f)]


def splice_en(head, tail, rng):
    """The first 30-70% of head's words followed by the matching remainder of tail's words."""
    a, b = head.split(" "), tail.split(" ")
    if len(a) < 2 or len(b) < 2:
        return head
    cut = max(1, round(len(a) * rng.uniform(0.3, 0.7)))
    rest = max(1, round(len(b) * (1 - cut / len(a))))
    return " ".join(a[:cut] + b[len(b) - rest:])


def splice_zh(head, tail, rng):
    """The first 30-70% of head's characters followed by the matching remainder of tail's characters."""
    if len(head) < 2 or len(tail) < 2:
        return head
    cut = max(1, round(len(head) * rng.uniform(0.3, 0.7)))
    rest = max(1, round(len(tail) * (1 - cut / len(head))))
    return head[:cut] + tail[len(tail) - rest:]


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


def fresh(pool, splice, rng):
    """A record whose instruction, input and output are each spliced from two random sources."""
    a, b, c, d = (pool[rng.randrange(len(pool))] for _ in range(4))
    instruction = splice(a[0], b[0], rng)
    # Most Alpaca inputs are empty; splice only two non-empty ones, so the share of empty inputs stays Alpaca's.
    input_text = splice(a[1], c[1], rng) if a[1] and c[1] else a[1]
    output = splice(c[2], d[2], rng)
    return instruction, input_text, output


def main():
    n, data, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 11)
    english = load(f"{data}/alpaca_en_52k.json")
    chinese = load(f"{data}/alpaca_zh_52k.json") + load(f"{data}/alpaca_zh_carbonz0.json")
    recent = {False: collections.deque(maxlen=RECENT), True: collections.deque(maxlen=RECENT)}
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            zh = i % 2 == 1
            pool, splice, edit = (chinese, splice_zh, edit_zh) if zh else (english, splice_en, edit_en)
            earlier = recent[zh]
            roll = rng.random()
            if earlier and roll < EXACT_SHARE:
                record = earlier[rng.randrange(len(earlier))]
            elif earlier and roll < EXACT_SHARE + NEAR_SHARE:
                instruction, input_text, output = earlier[rng.randrange(len(earlier))]
                if rng.random() < 0.85:
                    instruction = edit(instruction, rng)
                else:
                    output = edit(output, rng)
                record = (instruction, input_text, output)
            else:
                record = fresh(pool, splice, rng)
            earlier.append(record)
            instruction, input_text, output = record
            f.write(dumps({"instruction": instruction, "input": input_text, "output": output}))
            f.write("\n")


if __name__ == "__main__":
    main()
