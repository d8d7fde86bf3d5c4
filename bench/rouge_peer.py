"""Peer baseline for bench/rouge.sh: Python rouge_score rougeL F for every (pool, query) pair, keeping the
top match per query. Prints the wall time and one line per query: best pool index and F."""
import json
import sys
import time

from rouge_score import rouge_scorer

pool = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
queries = [l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8")]
scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False)
start = time.perf_counter()
best = []
for q in queries:
    top = (-1.0, -1)
    for i, p in enumerate(pool):
        f = scorer.score(p, q)["rougeL"].fmeasure
        if f > top[0]:
            top = (f, i)
    best.append(top)
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f}")
for f, i in best:
    print(f"{i} {f!r}")
