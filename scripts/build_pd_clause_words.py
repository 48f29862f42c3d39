"""Build ``kg/data/pd1998_clause_words.txt``: words that People's Daily 1998-01 (hand-tagged, the ``pd1998_01_pos``
folder of the project's data) uses almost only as verbs, adverbs, prepositions or conjunctions. jieba's dictionary
tags some of them as nouns or names (拓宽 nr, 充分发挥 n); the extraction reads them as the clause, not as the start
of a name.

    python scripts/build_pd_clause_words.py DATA/pd1998_01_pos/199801.txt
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

CLAUSE_TAGS = {"v", "vd", "ad", "d", "p", "c"}
MIN_COUNT = 3
MIN_SHARE = 0.75


def main(corpus: str, out: str = "kg/data/pd1998_clause_words.txt") -> None:
    tags: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            for tok in line.split():
                if "/" not in tok:
                    continue
                word, tag = tok.rsplit("/", 1)
                tags[word.lstrip("[")][tag.split("]")[0]] += 1
    words = sorted(w for w, c in tags.items() if len(w) >= 2 and sum(c.values()) >= MIN_COUNT
                   and sum(n for t, n in c.items() if t in CLAUSE_TAGS) >= MIN_SHARE * sum(c.values()))
    header = ("# Words People's Daily 1998-01 (PKU tags) uses as verbs, adverbs, prepositions or conjunctions in at "
              f"least {MIN_SHARE:.0%} of at least {MIN_COUNT} occurrences; built by scripts/build_pd_clause_words.py\n")
    Path(out).write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
