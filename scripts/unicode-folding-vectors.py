#!/usr/bin/env python3
"""Writes Tests/Fixtures/unicode-folding.json: what the search tokenizer's folding must make of
text, with the expected output taken from Python's Unicode database, not from sitegen's code.

The reference is the textbook folding with `unicodedata`: NFKD, `str.casefold()`, NFKD again,
remove every scalar whose canonical combining class is not 0 (the combining marks), NFC.
sitegen's folding (Sources/SearchIndex/TextFolding.swift and `fold` in
Templates/assets/js/search-engine.js) agrees with it except where one of the DEVIATIONS below
holds. Every case whose sitegen folding differs from the reference names the deviations that
make it differ (each one, switched back to the reference rule, changes the result); the
script stops if a difference is explained by none of them.

Run it again (python3 scripts/unicode-folding-vectors.py) after changing a rule here and in
both ports; it is deterministic for a given Python (the file records the Unicode version).
"""
import json
import pathlib
import sys
import unicodedata

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/Fixtures/unicode-folding.json"

# Scalars erased as accents: the Combining Diacritical Marks block and its Extended,
# Supplement, for Symbols and Half Marks blocks.
DIACRITIC_RANGES = [(0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F)]

# TextFolding.letterFolds: applied after NFC.
LETTER_FOLDS = {
    "\u00df": "ss", "\u03c2": "\u03c3", "\u00e6": "ae", "\u0153": "oe", "\u00f8": "o", "\u0111": "d",
    "\u00f0": "d", "\u0127": "h", "\u0131": "i", "\u0142": "l", "\u00fe": "th", "\u2019": "'", "\u02bc": "'",
    # Lowercase letters whose case folding (CaseFolding.txt) is another letter.
    "\u1c80": "\u0432", "\u1c81": "\u0434", "\u1c82": "\u043e", "\u1c83": "\u0441", "\u1c84": "\u0442",
    "\u1c85": "\u0442", "\u1c86": "\u044a", "\u1c87": "\u0463", "\u1c88": "\ua64b",
}

DEVIATIONS = {
    "lowercase": "Case is erased with the lowercase mapping (JavaScript has no case folding), plus the "
                 "letter folds for the lowercase letters whose case folding is another letter (ß, ς, the "
                 "Cyrillic ᲀ–ᲈ). Where the two still differ the classes are the same or the rule is meant: "
                 "Cherokee folds to its small letters instead of its capitals (Ꭰ and ꭰ still meet), and the "
                 "Greek iota subscript (U+0345, ypogegrammeni) is erased as an accent, so ᾳ meets α rather "
                 "than αι, as in monotonic Greek.",
    "diacriticsOnly": "Only the Combining Diacritical Marks blocks (U+0300–036F, 1AB0–1AFF, 1DC0–1DFF, "
                      "20D0–20FF, FE20–FE2F) are erased, the accents of Latin, Greek and Cyrillic that NFKD "
                      "splits off. Other combining marks are part of how a word is spelled: a virama or nukta "
                      "in Indic scripts, Thai and Lao vowels, the kana voicing marks (が is not か), Hebrew "
                      "points and Arabic harakat (kept; erasing them would be a rule for those scripts). "
                      "U+034F COMBINING GRAPHEME JOINER, inside U+0300–036F, is erased.",
    "letterFolds": "Letters no Unicode folding touches but a reader treats as other letters: æ → ae, "
                   "œ → oe, ø → o, đ ð → d, ħ → h, ı → i, ł → l, þ → th, and the typographic apostrophes "
                   "’ (U+2019) and ʼ (U+02BC) → ' (which the tokenizer keeps inside words).",
}


def strip(text, keep):
    return "".join(c for c in text if keep(c))


def reference(text):
    text = unicodedata.normalize("NFKD", text).casefold()
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", strip(text, lambda c: unicodedata.combining(c) == 0))


def is_diacritic(c):
    return any(low <= ord(c) <= high for low, high in DIACRITIC_RANGES)


def sitegen(text, without=()):
    """sitegen's folding; each name in `without` puts that step back to the reference rule."""
    text = unicodedata.normalize("NFKD", text)
    if "lowercase" in without:
        text = unicodedata.normalize("NFKD", text.casefold())
    else:
        text = text.lower()
    if "diacriticsOnly" in without:
        text = strip(text, lambda c: unicodedata.combining(c) == 0)
    else:
        text = strip(text, lambda c: not is_diacritic(c))
    text = unicodedata.normalize("NFC", text)
    folds = LETTER_FOLDS
    if "letterFolds" in without:
        folds = {k: v for k, v in LETTER_FOLDS.items() if v == reference(k)}
    return "".join(folds.get(c, c) for c in text)


def case(label, text):
    folded, expected = sitegen(text), reference(text)
    if folded == expected:
        return [label, text, folded]
    causes = [name for name in DEVIATIONS if sitegen(text, without=(name,)) != folded]
    if not causes:
        sys.exit(f"{label}: sitegen folds {text!r} to {folded!r}, the reference to {expected!r}, "
                 "and no deviation explains it")
    return [label, text, folded, expected, " ".join(causes)]


def interesting(c):
    """Characters the folding changes or may change: everything NFKD, case or the letter folds
    touch, and every combining mark."""
    category = unicodedata.category(c)
    if category in ("Cn", "Cs", "Co", "Cc"):
        return False
    if 0xAC00 <= ord(c) <= 0xD7A3:
        return (ord(c) - 0xAC00) % 97 == 0  # Hangul syllables: decompose and compose back; a sample
    return (category.startswith("M") or c in LETTER_FOLDS or unicodedata.normalize("NFKD", c) != c
            or c.casefold() != c or c.lower() != c)


# Words: what readers type and authors write, in scripts and forms the folding handles.
WORDS = [
    "Straße", "STRASSE", "ẞ", "Ὀδυσσεύς", "ΟΔΥΣΣΕΥΣ", "ΆΈΉΊΌΎΏ", "ᾼᾳ", "İstanbul", "ıstanbul", "ǅemal",
    "Ǆ", "ﬁnance", "ﬀ", "Tiếng", "Việt", "ＣＡＦÉ", "Café", "cafe\u0301", "naïve", "Ⅻ", "x²", "H₂O",
    "ⓐⓑⓒ", "㎏", "℃", "①②", "½", "Œuvre", "Ærøskøbing", "Łódź", "Þórr", "Đặng", "Ħal", "Привет",
    "ЁЖИК", "Ελληνικά", "Ǩǩ", "ſtraße", "µm", "Ω", "Å", "ﬃ", "ﾊﾝｶｸ", "ｶﾞｯｺｳ", "がっこう", "한국어",
    "工业设计", "豈", "हिन्दी", "क़", "ไทย", "עִבְרִית", "مَدْرَسَة", "ᏣᎳᎩ", "ꮳꮃꭹ", "Ꭰꭰ", "rock’n’roll",
    "Oʼahu", "ᲀᲁᲂ", "Ǳ", "ȺȾ", "Ƀ", "ǈ", "ǋ", "Ꙋ", "ꙋ", "Ӂ", "Ӭ", "Ѷ", "ά", "ϓ", "ϔ", "ϐ", "ϑ", "ϕ",
    "ϰ", "ϱ", "ϵ", "ẛ", "ﬆ", "Ϊ́", "a\u1dc4", "e\u20dd", "i\ufe20", "a\u034fb",
]


def main():
    characters = [case(f"U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip(), c)
                  for c in map(chr, range(0x20, 0x110000)) if interesting(c)]
    words = [case(" ".join(f"U+{ord(c):04X}" for c in word), word) for word in WORDS]
    data = {
        "about": "Generated by scripts/unicode-folding-vectors.py from Python's unicodedata (see its "
                 "docstring); do not edit by hand. Each case is [label, input, fold] when sitegen's "
                 "folding (TextFolding.fold in Swift, fold in search-engine.js) is the reference's, or "
                 "[label, input, fold, reference fold, deviations] when a documented deviation makes "
                 "it differ. Both test suites expect fold.",
        "unicodeVersion": unicodedata.unidata_version,
        "reference": "NFKD, str.casefold(), NFKD, remove every scalar whose canonical combining class "
                     "is not 0, NFC",
        "deviations": DEVIATIONS,
        "words": words,
        "characters": characters,
    }
    lines = ["{"]
    for key in ("about", "unicodeVersion", "reference", "deviations"):
        lines.append(f" {json.dumps(key)}: {json.dumps(data[key], ensure_ascii=False)},")
    for key in ("words", "characters"):
        lines.append(f" {json.dumps(key)}: [")
        rows = [f"  {json.dumps(row, ensure_ascii=False)}" for row in data[key]]
        lines.append(",\n".join(rows))
        lines.append(" ]," if key == "words" else " ]")
    lines.append("}")
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    differing = sum(len(row) == 5 for row in words + characters)
    print(f"{OUTPUT.name}: {len(words)} words, {len(characters)} characters, {differing} differ from the "
          f"reference (Unicode {unicodedata.unidata_version})")


if __name__ == "__main__":
    main()
