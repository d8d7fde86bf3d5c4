import random, unicodedata
from common import write
from trunc_texts import EN_DEV, ZH_DEV, EN_HELD, ZH_HELD

def is_han(c): return '\u4e00' <= c <= '\u9fff'
def cut_points(t):
    """Byte-safe cut points inside a sentence: after a letter/Han char, not at the end, leaving enough text."""
    pts = []
    for i in range(1, len(t) - 1):
        prev = t[i - 1]
        if not (prev.isalpha() or is_han(prev)): continue
        if t[i] in ' \n' and not t[i-1].isalpha(): continue
        pts.append(i)
    return pts

CLOSERS = set('.!?。！？…)]}"\'”’」』》）】`|~～')
def punctuated(t):
    """Texts whose sentences carry closing punctuation; a cut in an unpunctuated title, poem or bare list is
    indistinguishable from a complete one, so those are not used as sources."""
    lines = [l for l in t.split('\n') if l.strip()]
    return sum(1 for l in lines if l.rstrip()[-1] in CLOSERS) * 2 > len(lines)
def units(t):
    import re
    return len(re.findall(r'[A-Za-z0-9]+', t)) + sum(1 for c in t if is_han(c))
def truncations(texts, rng, lang, minlen, per_text=1):
    rows = []
    for t in texts:
        if len(t) < minlen or not punctuated(t): continue
        pts = [p for p in cut_points(t) if units(t[:p]) >= (4 if lang == "en" else 8)]
        if not pts: continue
        for p in sorted(set(rng.choice(pts) for _ in range(per_text))):
            rows.append((True, lang, "cut", "", t[:p].rstrip()))
    return rows

STRUCT_EN = [
"Steps to bake bread:\n1. Mix flour, water, yeast and salt.\n2. Knead for ten minutes.\n3.",
"Here are the options:\n- Take the train\n- Rent a car\n-",
"```python\nfor item in items:\n    print(item)",
"| Name | Age |\n|---|---|\n| Alice | 30 |\n| Bob | 2",
"| Country | Capital |\n|---|---|",
"The **most important** factor is **consistency, because",
"The results (see the table below for details",
"He replied: \"I will be there by",
"To be honest, the ending was a bit rushed. To be continued...",
"Things to pack:\n1. Passport\n2. Charger\n3. Sunscreen\n4.",
"Our plan has three phases. Phase one covers research. Phase two covers the",
"Key features include:",
"Benefits of exercise include better sleep, improved mood,",
"The recipe calls for two cups of flour, one egg and",
]
STRUCT_ZH = [
"做番茄炒蛋的步骤：\n1. 打散鸡蛋。\n2. 番茄切块。\n3. 先炒",
"需要准备的材料：\n- 面粉\n- 鸡蛋\n-",
"```python\nfor i in range(10):\n    print(i)",
"| 城市 | 人口 |\n|---|---|\n| 北京 | 21",
"这是**最关键的**一点，也是**很多人忽视",
"他回答说：“我明天一定会",
"主要原因有以下几点：",
"故事讲到这里，未完待续",
"我们需要准备的材料有面粉、鸡蛋、牛奶以及",
"实验结果（详见表2",
"旅行必带物品：\n1. 身份证\n2. 充电器\n3.",
"光合作用是植物利用光能把二氧化碳和水转化为",
"《三国演义》的作者是罗贯中，这部小说描写了东汉末年到西晋初年之间近百年的历史风云，塑造了诸葛亮、曹操、刘备等",
]
rng = random.Random(9)
dev = [(False, "en", "complete", "", t) for t in EN_DEV] + [(False, "zh", "complete", "", t) for t in ZH_DEV]
dev += truncations(EN_DEV, rng, "en", 25, 3) + truncations(ZH_DEV, rng, "zh", 12, 3)
dev += [(True, "en", "structure", "", t) for t in STRUCT_EN] + [(True, "zh", "structure", "", t) for t in STRUCT_ZH]
dev.append((True, "en", "finish-length", "", "The answer is 4."))
write("/work/wt/i9-curation/Tests/CurationTests/Fixtures/curation/truncated.dev.jsonl", dev, "dev")
rng = random.Random(2026)
held = [(False, "en", "complete", "", t) for t in EN_HELD] + [(False, "zh", "complete", "", t) for t in ZH_HELD]
held += truncations(EN_HELD, rng, "en", 25, 2) + truncations(ZH_HELD, rng, "zh", 12, 2)
write("/work/wt/i9-curation/Tests/CurationTests/Fixtures/curation/truncated.heldout.jsonl", held, "heldout")
