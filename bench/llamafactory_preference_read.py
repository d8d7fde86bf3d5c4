"""Loads dsbench's LLaMA-Factory preference exports (alpaca-preference, sharegpt-preference) the way
LLaMA-Factory does, offline: its own get_dataset_list reads dataset_info.json, `datasets` loads the file, its own
converter aligns every record, then the pairwise processor's rule keeps a record only when the prompt has an
odd number of turns ending on the user and there are two responses (chosen, rejected).
Prints per dataset: records, converter skips, pairs that survive, and whether the entry is a ranking entry.
Usage: python llamafactory_preference_read.py DATASET_DIR NAME [NAME ...]"""
import logging
import sys

logging.disable(logging.WARNING)
from datasets import load_dataset  # noqa: E402
from llamafactory.data.converter import get_dataset_converter  # noqa: E402
from llamafactory.data.parser import get_dataset_list  # noqa: E402
from llamafactory.hparams import DataArguments  # noqa: E402

directory, names = sys.argv[1], sys.argv[2:]
arguments = DataArguments(dataset_dir=directory)
failures = 0
for attr in get_dataset_list(names, directory):
    rows = load_dataset("json", data_files=f"{directory}/{attr.dataset_name}", split="train")
    convert = get_dataset_converter(attr.formatting, attr, arguments)
    skipped = survived = 0
    for row in rows:
        aligned = convert(row)
        prompt, response = aligned["_prompt"], aligned["_response"]
        if not prompt and not response:
            skipped += 1
            continue
        pair = len(response) == 2 and all(r["role"] == "assistant" and r["content"] for r in response)
        if len(prompt) % 2 == 1 and prompt[-1]["role"] == "user" and pair and response[0]["content"] != response[1]["content"]:
            survived += 1
    ok = attr.ranking and survived == len(rows)
    failures += 0 if ok else 1
    print(f"{attr.dataset_name} ({attr.formatting}, ranking={attr.ranking}): {len(rows)} records, "
          f"{skipped} skipped by the converter, {survived} pairs survive{'' if ok else '  <-- NOT ALL'}")
sys.exit(1 if failures else 0)
