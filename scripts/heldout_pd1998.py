"""Held-out precision proxies on text nobody here wrote: People's Daily, January 1998 (segmented + POS-tagged).

The corpus is not shipped (research-use licence): ``--data-dir`` (default ``$PARKKG_DATA_DIR``) names the folder
that holds ``pd1998_01_pos/199801.txt`` (one paragraph a line, tokens ``word/TAG`` separated by two spaces; nr =
person name parts, ns = place, nt = organisation).

The tags are removed, each paragraph goes through the Extractor as one article, and the script reports:

- organisations and parks: the share of extracted mentions whose start and end fall on a gold word boundary and
  whose first gold word is not a pronoun, preposition, verb, adverb, conjunction or particle (r/p/v/d/c/u) --
  a proxy for the left boundary being right, not an F1 (the corpus does not mark park or firm names in full);
- persons: precision and recall against the gold person names (consecutive nr tokens joined: 江/nr 泽民/nr).

It is a check against over-fitting the park news the rules were written on, not a target: look at the examples
(``--show N``), fix causes, and confirm on another slice (``--offset``).

    .venv/bin/python scripts/heldout_pd1998.py --data-dir DATA [--paragraphs 1000] [--offset 0] [--show 20]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.records import Article, EntityClass  # noqa: E402

ORG_CLASSES = {EntityClass.COMPANY, EntityClass.INSTITUTE, EntityClass.GOVERNMENT_BODY, EntityClass.PARK}
BAD_FIRST_TAGS = {"r", "rg", "p", "v", "vd", "vg", "d", "dg", "c", "u"}


def read_paragraphs(path: Path, offset: int, n: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, [(start, end, tag)]) for ``n`` non-empty paragraphs from line ``offset`` on."""
    out = []
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < offset:
                continue
            toks = [t for t in line.strip().split("  ") if t]
            if not toks:
                continue
            words, pos = [], 0
            for t in toks:
                w, _, tag = t.rpartition("/")
                if not w:
                    w, tag = t, "x"
                words.append((pos, pos + len(w), tag))
                pos += len(w)
            text = "".join(t.rpartition("/")[0] or t for t in toks)
            out.append((text, words))
            if len(out) >= n:
                break
    return out


def gold_persons(words: list[tuple[int, int, str]]) -> set[tuple[int, int]]:
    spans, cur = set(), None
    for s, e, tag in words:
        if tag == "nr":
            cur = (cur[0], e) if cur is not None else (s, e)
        else:
            if cur is not None:
                spans.add(cur)
            cur = None
    if cur is not None:
        spans.add(cur)
    return spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    env = os.environ.get("PARKKG_DATA_DIR")
    ap.add_argument("--data-dir", type=Path, default=Path(env) if env else None)
    ap.add_argument("--paragraphs", type=int, default=1000)
    ap.add_argument("--offset", type=int, default=0, help="first line of the corpus to read")
    ap.add_argument("--show", type=int, default=0, help="print this many wrong names of each kind")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args()
    if args.data_dir is None:
        ap.error("give --data-dir (or set PARKKG_DATA_DIR): the folder holding pd1998_01_pos/")
    path = args.data_dir / "pd1998_01_pos" / "199801.txt"
    if not path.is_file():
        ap.error(f"{path} not found")

    from kg.extract.pipeline import Extractor

    paras = read_paragraphs(path, args.offset, args.paragraphs)
    ex = Extractor(use_ner=False)
    n_org = n_org_ok = 0
    n_per = n_per_ok = n_gold = n_gold_found = 0
    bad_orgs: Counter = Counter()
    bad_persons: Counter = Counter()
    missed: Counter = Counter()
    chars = sum(len(t) for t, _ in paras)
    t0 = time.perf_counter()
    for k, (text, words) in enumerate(paras):
        art = Article(doc_id=f"p{k}", source=f"199801.txt#{args.offset + k}", text=text, raw=text,
                      to_raw=tuple(range(len(text) + 1)))
        d = ex.extract(art)
        bounds = {s for s, _, _ in words} | {len(text)}
        first_tag = {s: tag for s, _, tag in words}
        gold = gold_persons(words)
        found: set[tuple[int, int]] = set()
        orgs: set[tuple[int, int]] = set()
        for e in d.entities:
            for m in e.mentions:
                if e.cls is EntityClass.PERSON:
                    found.add((m.start, m.end))
                elif e.cls in ORG_CLASSES:
                    orgs.add((m.start, m.end))
        for s, e in orgs:
            n_org += 1
            ok = s in bounds and e in bounds and first_tag.get(s, "").lower() not in BAD_FIRST_TAGS
            n_org_ok += ok
            if not ok:
                bad_orgs[text[s:e]] += 1
        for s, e in found:
            n_per += 1
            n_per_ok += (s, e) in gold
            if (s, e) not in gold:
                bad_persons[text[s:e]] += 1
        n_gold += len(gold)
        n_gold_found += len(gold & found)
        for s, e in gold - found:
            missed[text[s:e]] += 1
    secs = time.perf_counter() - t0

    def ratio(a: int, b: int) -> float:
        return round(a / b, 3) if b else 0.0

    res = {"paragraphs": len(paras), "offset": args.offset, "chars": chars, "seconds": round(secs, 1),
           "org_mentions": n_org, "org_boundary_ok": ratio(n_org_ok, n_org),
           "person_mentions": n_per, "person_precision": ratio(n_per_ok, n_per),
           "gold_persons": n_gold, "person_recall": ratio(n_gold_found, n_gold)}
    for k, v in res.items():
        print(f"{k:>18}: {v}")
    if args.show:
        for title, c in (("organisation/park names off a word boundary or opening with a clause word", bad_orgs),
                         ("persons not in the gold", bad_persons), ("gold persons missed", missed)):
            print(f"\n{title}:")
            print("  " + "  ".join(f"{n}×{c[n]}" if c[n] > 1 else n for n, _ in c.most_common(args.show)))
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
