import json, sys
def write(path, rows, split):
    with open(path, 'w') as f:
        for r in rows:
            label, lang, kind, instruction, output = r
            rec = {"lang": lang, "label": label, "kind": kind, "split": split,
                   "instruction": instruction or "", "input": "", "output": output}
            if kind == "finish-length": rec["finish_reason"] = "length"
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(path, len(rows), sum(1 for r in rows if r[0]), "positive")
