"""Peer baseline for bench/dedup.sh: datasketch MinHash + MinHashLSH (num_perm=128, threshold=0.8) over
lower-cased word sets of the Alpaca instructions. Prints wall time, candidate pairs, and how many of the
pairs it reports are below the threshold by exact Jaccard (datasketch does not verify)."""
import json
import re
import sys
import time

from datasketch import MinHash, MinHashLSH

records = json.load(open(sys.argv[1], encoding="utf-8"))
start = time.perf_counter()
sets = [set(re.findall(r"\w+", r["instruction"].lower())) for r in records]
lsh = MinHashLSH(threshold=0.8, num_perm=128)
hashes = []
for i, words in enumerate(sets):
    m = MinHash(num_perm=128)
    for w in words:
        m.update(w.encode("utf-8"))
    hashes.append(m)
    lsh.insert(i, m)
pairs = set()
for i, m in enumerate(hashes):
    for j in lsh.query(m):
        if j != i:
            pairs.add((min(i, j), max(i, j)))
elapsed = time.perf_counter() - start
below = sum(1 for i, j in pairs if len(sets[i] & sets[j]) / max(1, len(sets[i] | sets[j])) < 0.8)
print(f"{elapsed:.3f} {len(pairs)} {below}")
