"""Build rouge_fixture.json: ROUGE-L F-measure reference values from Python rouge_score.

Run in a throwaway venv (never a project dependency):
    python3 -m venv /tmp/rougevenv && /tmp/rougevenv/bin/pip install rouge-score
    /tmp/rougevenv/bin/python Tests/CurationTests/Fixtures/make_rouge_fixture.py \
        /work/shared/data/alpaca_en_52k.json Tests/CurationTests/Fixtures/rouge_fixture.json

Pairs are chosen deterministically (seeded RNG) from the Alpaca instructions, inputs and output
prefixes, and include near-duplicates, digits, punctuation, non-ASCII Latin text, the two characters
whose Python lower-casing yields ASCII (U+0130, U+212A), emoji and empty-ish strings.
CJK text is excluded on purpose: rouge_score drops it, while dsbench scores it per character.
"""
import json
import random
import sys

from rouge_score import rouge_scorer


def has_cjk(text):
    for ch in text:
        cp = ord(ch)
        if (0x3040 <= cp <= 0x30FF or 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF
                or 0xAC00 <= cp <= 0xD7AF or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F
                or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FA1F or 0xFF66 <= cp <= 0xFFDC):
            return True
    return False


def perturb(rng, text):
    """A near-duplicate: drop, swap or insert a few words."""
    words = text.split()
    if not words:
        return text + " extra"
    for _ in range(rng.randint(1, 3)):
        op = rng.random()
        i = rng.randrange(len(words))
        if op < 0.4 and len(words) > 1:
            del words[i]
        elif op < 0.7:
            j = rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
        else:
            words.insert(i, rng.choice(["the", "new", "3", "data", "quickly", "e-mail", "(note)"]))
    return " ".join(words)


def main():
    source, target_path = sys.argv[1], sys.argv[2]
    records = json.load(open(source, encoding="utf-8"))
    rng = random.Random(20240501)
    texts = []
    for r in records:
        for t in (r["instruction"], r["input"], r["output"][:240]):
            if t and not has_cjk(t):
                texts.append(t)
    non_ascii = [t for t in texts if any(ord(c) > 127 for c in t)]
    with_digits = [t for t in texts if any(c.isdigit() for c in t)]

    pairs = []
    for _ in range(900):  # random pairs
        pairs.append((rng.choice(texts), rng.choice(texts)))
    for _ in range(500):  # near-duplicates
        t = rng.choice(texts)
        pairs.append((t, perturb(rng, t)))
    for _ in range(200):  # non-ASCII Latin, symbols, emoji
        a = rng.choice(non_ascii)
        pairs.append((a, rng.choice(non_ascii + [perturb(rng, a)])))
    for _ in range(200):  # digits and punctuation
        a = rng.choice(with_digits)
        pairs.append((a, rng.choice(with_digits + [a.replace(" ", ", ")])))
    specials = [
        "", " ", "...", "!!!", "a", "A", "İstanbul is big", "istanbul is big", "\u212Aelvin scale",
        "kelvin scale", "naïve café", "naive cafe", "x2 + y2 = z2", "x^2+y^2=z^2", "😀 smile 😀",
        "smile", "don't stop", "dont stop", "e-mail me at john@example.com", "email me",
        "C++ and C#", "c and c", "3.14159", "3 14159", "\t\n", "ÄÖÜ straße", "strasse",
        "Ünïcödé Ïs Fün", "unicode is fun", "ＦＵＬＬ width", "full width",
    ]
    for a in specials:
        for b in specials:
            if rng.random() < 0.2:
                pairs.append((a, b))

    scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False)
    out = []
    for target, prediction in pairs:
        s = scorer.score(target, prediction)["rougeL"]
        out.append({"target": target, "prediction": prediction,
                    "precision": s.precision, "recall": s.recall, "fmeasure": s.fmeasure})
    with open(target_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
    print(f"{len(out)} pairs written to {target_path}")


if __name__ == "__main__":
    main()
