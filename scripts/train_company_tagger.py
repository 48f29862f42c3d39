#!/usr/bin/env python3
"""Experiment (not shipped): a statistical tagger of company names, a linear-chain CRF over characters.

    pip install python-crfsuite
    python scripts/train_company_tagger.py --pd1998 DATA/pd1998_01_pos/199801.txt \
        --gold-dir EVAL/dev --texts SEEDS --gold-dir EVAL/dev/fresh/gold --texts EVAL/dev/fresh/texts [--folds 5] \
        [--test-gold-dir G --test-texts T ...]

The rules find a firm by its suffix, its gazetteer entry or a slot they know; the question was whether a tagger
trained on the annotated articles finds the firms they miss. Its features carry no names, so that it cannot learn a
dev article's firms by heart: the character's kind; the character itself only for the 600 most frequent
characters of general news (People's Daily 1998: function words, cue verbs, list marks); the jieba word the
character belongs to (position, length, part of speech, known or not, place, industry word, weak firm suffix); the
rules' candidate class over it; over a window of two characters either side.

Gold company names are projected onto each article's text (every occurrence of a name or alias, longest first),
the characters labelled B/I/O and a CRF fitted (L1+L2). The script prints span P/R/F1 against the projected gold
and the same for the spans the rules do not already cover ("new"), which is what the tagger would add.

Result (2026-12-02, see the README's "Tried and not shipped"): cross-validated on the 35 dev articles it adds
16 spans beyond the rules, 4 of them right; trained on 75 articles it adds 24 spans on 30 unseen ones (16 right)
and 8 on 24 others (4 right). Too few and too uncertain for a runtime dependency and 15-20 % of the build's time.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.extract import lexicon as L  # noqa: E402
from kg.extract import word_classes as words  # noqa: E402
from kg.extract.entities import EntityFinder, split_sentences  # noqa: E402
from kg.extract.gazetteer import Gazetteer  # noqa: E402
from kg.ingest import read_article  # noqa: E402
from kg.records import EntityClass  # noqa: E402

_CLS_CODE = {EntityClass.COMPANY: "C", EntityClass.PARK: "P", EntityClass.INSTITUTE: "I",
             EntityClass.GOVERNMENT_BODY: "G", EntityClass.PERSON: "H", EntityClass.PLACE: "L"}
_MAX_SENTENCE = 300


_COMMON: set[str] = set()      # the 600 most frequent characters of People's Daily 1998 (--pd1998)


def common_chars() -> set[str]:
    return _COMMON


def _kind(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isascii() and ch.isalpha():
        return "A"
    if ch.isdigit():
        return "D"
    if ch.isspace():
        return "S"
    return "P"


@lru_cache(maxsize=1 << 16)
def _word_info(tok: str, gaz_place: bool) -> tuple[str, ...]:
    t = words.tag(tok)
    info = [f"t={t or 'unk'}", f"n={min(len(tok), 5)}"]
    if gaz_place:
        info.append("place")
    if tok in L.WEAK_COMPANY_SUFFIXES:
        info.append("weak")
    if tok in L.INDUSTRY_WORDS:
        info.append("ind")
    if len(tok) == 1 and t is None:
        info.append("rare1")
    return tuple(info)


def sentence_features(text: str, start: int, end: int, marks: list[str], gaz) -> list[list[str]]:
    """Feature lists of the characters text[start:end] (``marks``: per character, the rules' candidate code)."""
    common = common_chars()
    seg = text[start:end]
    per: list[tuple[str, ...]] = []
    pos = 0
    for tok in words.tokens(seg):
        info = _word_info(tok, gaz.place(tok) is not None if len(tok) >= 2 else False)
        n = len(tok)
        for i in range(n):
            bmes = "S" if n == 1 else "B" if i == 0 else "E" if i == n - 1 else "M"
            per.append((bmes,) + info)
        pos += n
    chars = [(_kind(ch), ch if ch in common else "*") for ch in seg]
    feats: list[list[str]] = []
    n = len(seg)
    for i in range(n):
        f = ["b"]
        for d in (-2, -1, 0, 1, 2):
            j = i + d
            if j < 0:
                f.append(f"{d}:BOS")
                continue
            if j >= n:
                f.append(f"{d}:EOS")
                continue
            k, c = chars[j]
            f.append(f"{d}:k={k}")
            f.append(f"{d}:c={c}")
            f.append(f"{d}:m={marks[start + j]}")
            if -1 <= d <= 1:
                for x in per[j]:
                    f.append(f"{d}:{x}")
        k0, c0 = chars[i]
        f.append(f"c-1c0={chars[i - 1][1] if i else '^'}|{c0}")
        f.append(f"c0c1={c0}|{chars[i + 1][1] if i + 1 < n else '$'}")
        feats.append(f)
    return feats


def candidate_marks(text: str, cands) -> list[str]:
    """Per character: the class code of the longest rule candidate over it (B/I), or O."""
    marks = ["O"] * (len(text) + 1)
    for c in sorted(cands, key=lambda c: c.end - c.start):
        code = _CLS_CODE.get(c.cls, "X")
        for k in range(c.start, min(c.end, len(text))):
            marks[k] = ("B" if k == c.start else "I") + code
    return marks


def sentence_spans(text: str, sentences) -> list[tuple[int, int]]:
    """The sentences as [start, end) spans cut to at most _MAX_SENTENCE characters (CRF cost is linear anyway;
    short pieces keep the features' memory small)."""
    out = []
    for s in sentences:
        a, b = s.start, s.end
        while b - a > _MAX_SENTENCE:
            cut = max(text.rfind(x, a, a + _MAX_SENTENCE) for x in "，,；;、")
            cut = cut + 1 if cut > a else a + _MAX_SENTENCE
            out.append((a, cut))
            a = cut
        if b > a:
            out.append((a, b))
    return out


def bio_spans(labels: list[str], offset: int) -> list[tuple[int, int]]:
    spans = []
    s = None
    for i, y in enumerate(labels + ["O"]):
        if y == "B" or y == "O":
            if s is not None:
                spans.append((offset + s, offset + i))
                s = None
            if y == "B":
                s = i
        elif y == "I" and s is None:
            s = i
    return spans


class CompanyTagger:
    """Company spans of a text, from a trained CRF."""

    def __init__(self, path: Path):
        import pycrfsuite

        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))

    def spans(self, text: str, sentences, cands, gaz) -> list[tuple[int, int]]:
        marks = candidate_marks(text, cands)
        out = []
        for a, b in sentence_spans(text, sentences):
            seg = text[a:b]
            if not any("\u4e00" <= ch <= "\u9fff" for ch in seg):
                continue
            labels = self.tagger.tag(sentence_features(text, a, b, marks, gaz))
            out += bio_spans(labels, a)
        return out


def gold_spans(text: str, gold: dict) -> list[tuple[int, int]]:
    names = sorted({n for e in gold["entities"] if e["type"] == "Company"
                    for n in [e["name"], *e.get("aliases", [])] if len(n) >= 2}, key=len, reverse=True)
    taken = bytearray(len(text))
    spans = []
    for n in names:
        k = text.find(n)
        while k != -1:
            if not any(taken[k:k + len(n)]):
                taken[k:k + len(n)] = b"\x01" * len(n)
                spans.append((k, k + len(n)))
            k = text.find(n, k + 1)
    return sorted(spans)


def load(pairs: list[tuple[Path, Path]], finder: EntityFinder) -> list[dict]:
    out = []
    for gdir, tdir in pairs:
        for g in sorted(gdir.glob("*.json")):
            gold = json.loads(g.read_text(encoding="utf-8"))
            tp = tdir / (g.stem + ".txt")
            if not tp.exists():
                tp = tdir / gold.get("doc", g.stem + ".txt")
            text = read_article(tp).text
            cands = finder.find(text)
            out.append({"stem": g.stem, "text": text, "gold": gold_spans(text, gold), "cands": cands,
                        "sentences": split_sentences(text)})
    return out


def sequences(art: dict, gaz):
    text = art["text"]
    marks = candidate_marks(text, art["cands"])
    gold = art["gold"]
    lab = ["O"] * len(text)
    for s, e in gold:
        lab[s] = "B"
        for k in range(s + 1, e):
            lab[k] = "I"
    for a, b in sentence_spans(text, art["sentences"]):
        yield sentence_features(text, a, b, marks, gaz), lab[a:b], a


def train(arts: list[dict], gaz, path: Path, c1: float, c2: float, iters: int) -> None:
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=False)
    for art in arts:
        for x, y, _a in sequences(art, gaz):
            tr.append(x, y)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True,
                   "feature.minfreq": 2})
    tr.train(str(path))


def evaluate(arts: list[dict], gaz, path: Path) -> Counter:
    tagger = CompanyTagger(path)
    c = Counter()
    for art in arts:
        pred = set(tagger.spans(art["text"], art["sentences"], art["cands"], gaz))
        gold = set(art["gold"])
        rule = [(x.start, x.end) for x in art["cands"] if x.cls is EntityClass.COMPANY]
        new = {p for p in pred if not any(a < p[1] and p[0] < b for a, b in rule)}
        c["tp"] += len(pred & gold)
        c["sys"] += len(pred)
        c["gold"] += len(gold)
        c["new_tp"] += len(new & gold)
        c["new_sys"] += len(new)
        c["gold_missed_by_rules"] += len({g for g in gold if g not in set(rule)})
    return c


def report(name: str, c: Counter) -> None:
    p = c["tp"] / c["sys"] if c["sys"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    np_ = c["new_tp"] / c["new_sys"] if c["new_sys"] else 0.0
    print(f"{name}: spans P={p:.3f} R={r:.3f} F1={f:.3f} (gold {c['gold']}, sys {c['sys']}); "
          f"new beyond the rules: {c['new_sys']} spans, {c['new_tp']} right (P={np_:.3f}); "
          f"gold spans the rules miss: {c['gold_missed_by_rules']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold-dir", action="append", type=Path, required=True)
    ap.add_argument("--texts", action="append", type=Path, required=True)
    ap.add_argument("--test-gold-dir", action="append", type=Path, default=[])
    ap.add_argument("--test-texts", action="append", type=Path, default=[])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--out", type=Path, default=None, help="write the model fitted on all training articles here")
    ap.add_argument("--pd1998", type=Path, required=True, help="People's Daily 1998 (pd1998_01_pos/199801.txt)")
    a = ap.parse_args()
    counts = Counter(ch for line in a.pd1998.read_text(encoding="utf-8", errors="replace").splitlines()
                     for tok in line.split() for ch in tok.split("/")[0])
    _COMMON.update(ch for ch, _n in counts.most_common() if not ch.isspace() and not ch.isdigit())
    _COMMON.intersection_update({ch for ch, _n in counts.most_common(600)})
    gaz = Gazetteer.load()
    finder = EntityFinder(gaz)
    arts = load(list(zip(a.gold_dir, a.texts)), finder)
    tmp = Path("/tmp") / "company_crf_cv.crfsuite"
    if a.folds > 1:
        order = list(range(len(arts)))
        random.Random(0).shuffle(order)
        total = Counter()
        for f in range(a.folds):
            test = [arts[i] for i in order[f::a.folds]]
            trn = [arts[i] for k, i in enumerate(order) if k % a.folds != f]
            train(trn, gaz, tmp, a.c1, a.c2, a.iterations)
            total += evaluate(test, gaz, tmp)
        report(f"cross-validated ({a.folds} folds by article, {len(arts)} articles)", total)
    train(arts, gaz, tmp, a.c1, a.c2, a.iterations)
    report("fit (all training articles)", evaluate(arts, gaz, tmp))
    for gdir, tdir in zip(a.test_gold_dir, a.test_texts):
        report(f"held out {gdir}", evaluate(load([(gdir, tdir)], finder), gaz, tmp))
    if a.out:
        a.out.write_bytes(tmp.read_bytes())
        print(f"model -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
