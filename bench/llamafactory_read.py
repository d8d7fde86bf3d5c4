"""Reads dsbench exports the way LLaMA-Factory does, offline: dataset_info.json parsed by its own
get_dataset_list, the file loaded by `datasets` (Arrow: one type per column), every record passed through its
own dataset converter (alpaca / sharegpt / openai), then its supervised-example rule (odd prompt length, one
response). Prints, per dataset: records, records the converter skipped, records the trainer would drop,
records that carry tools. Usage: python llamafactory_read.py DATASET_DIR [NAME ...]"""
import json
import logging
import sys

logging.disable(logging.WARNING)
from datasets import load_dataset  # noqa: E402
from llamafactory.data.converter import get_dataset_converter  # noqa: E402
from llamafactory.data.parser import get_dataset_list  # noqa: E402
from llamafactory.hparams import DataArguments  # noqa: E402

directory = sys.argv[1]
names = sys.argv[2:] or sorted(json.load(open(f"{directory}/dataset_info.json")))
data_args = DataArguments(dataset_dir=directory)
for attr in get_dataset_list(names, directory):
    path = f"{directory}/{attr.dataset_name}"
    try:
        dataset = load_dataset("json", data_files=path, split="train")
    except Exception as error:  # the Arrow reader refuses the file
        print(f"{attr.dataset_name}: LOAD FAILED: {type(error).__name__}: {str(error)[:200]}")
        continue
    converter = get_dataset_converter(attr.formatting, attr, data_args)
    broken = dropped = with_tools = 0
    for example in dataset:
        aligned = converter(example)
        if not aligned["_prompt"] and not aligned["_response"]:
            broken += 1
        elif len(aligned["_prompt"]) % 2 != 1 or len(aligned["_response"]) != 1:
            dropped += 1
        if aligned["_tools"]:
            with_tools += 1
    print(f"{attr.dataset_name} ({attr.formatting}): {len(dataset)} records, {broken} skipped by the converter, "
          f"{dropped} dropped as invalid examples, {with_tools} with tools")
