#!/usr/bin/env python3
"""Experiment (not shipped): a learned entity filter over the rules' entities, cross-validated by article.

Usage: python scripts/entity_filter_experiment.py EVAL_DIR SEEDS_DIR

Result recorded in kg/models/MODEL_CARD.md: at no threshold does it drop more wrong entities than right ones,
so the pipeline has no such filter. What was tried:

The name rules of :mod:`kg.extract.entities` are written for recall; some of what they find is not a name a
reader would accept (a phrase before 产业园, a common word before 集团, a title glued to a person). Each entity the
resolver returns is described by generic features (its class, which rules found it, how often and where it is
mentioned, its last characters, the characters around its first mention, whether a gazetteer knows it) and a
logistic regression trained on annotated articles gives the probability that it is a gold entity of that class.
Entities below the threshold are dropped before the relations are sought.

"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path  # noqa: I001

import sys

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.extract.resolve import Ent  # noqa: E402
from kg.records import EntityClass  # noqa: E402
from kg.vocab import normalise_name  # noqa: E402

MODEL_PATH = Path("entities.json")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class EntityModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict = field(default_factory=dict)

    def prob(self, feats: set[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in sorted(feats))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def keep(self, feats: set[str]) -> bool:
        return self.prob(feats) >= self.threshold

    def to_json(self) -> str:
        return json.dumps({"weights": dict(sorted(self.weights.items())), "bias": self.bias,
                           "threshold": self.threshold, "meta": self.meta},
                          ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, s: str) -> "EntityModel":
        d = json.loads(s)
        return cls(d["weights"], d["bias"], d["threshold"], d.get("meta", {}))

    @classmethod
    def load(cls, path: Path | None = None) -> "EntityModel | None":
        path = path or MODEL_PATH
        if not path.is_file():
            return None
        return cls.from_json(path.read_text(encoding="utf-8"))


def features(e: Ent, text: str) -> set[str]:
    c = e.cls.value
    name = normalise_name(e.label)
    f = {f"cls={c}"}
    for m in e.mentions:
        f.add(f"src={m.source}")
        f.add(f"{c}&src={m.source}")
    n = len(e.mentions)
    f.add(f"mentions={min(n, 3)}")
    f.add(f"{c}&len={min(len(name), 12) // 2}")
    if len(name) >= 1:
        f.add(f"{c}&suf1={name[-1]}")
    if len(name) >= 2:
        f.add(f"{c}&suf2={name[-2:]}")
    if len(set(e.names)) > 1:
        f.add("aliases")
    if e.place is not None:
        f.add("gaz_place")
    if e.park is not None:
        f.add("gaz_park")
    if e.fortune is not None:
        f.add("gaz_fortune")
    if e.official:
        f.add("official")
    if _LATIN.search(name):
        f.add("latin")
    first = min(e.mentions, key=lambda m: m.start) if e.mentions else None
    if first is not None:
        before, after = text[first.start - 1:first.start], text[first.end:first.end + 1]
        f.add(f"{c}&before={before if before and not before.isspace() else '^'}")
        f.add(f"{c}&after={after if after and not after.isspace() else '$'}")
        if before == "、" or after in ("、", "等"):
            f.add("listed")
    return f


def apply(model: EntityModel | None, ents: list[Ent], mentions: list, text: str):
    """The entities (and their mentions) the model keeps; every entity when there is no model."""
    if model is None:
        return ents, mentions
    kept = [e for e in ents if model.keep(features(e, text))]
    if len(kept) == len(ents):
        return ents, mentions
    keep_ids = {id(m) for e in kept for m in e.mentions}
    return kept, [m for m in mentions if id(m) in keep_ids]


CLASSES = tuple(EntityClass)


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from kg.commands.train_relations import gold_items
    from kg.extract.pipeline import Extractor
    from kg.evaluation.relation_training import align_to_gold, folds

    ev, seeds = Path(sys.argv[1]), Path(sys.argv[2])
    items = gold_items([ev / "dev", ev / "dev/fresh/gold"], [seeds, ev / "dev/fresh/texts"])
    ex = Extractor(use_ner=False)
    data = {}
    for stem, article, gold in items:
        doc = ex.nlp(article.text)
        ents = doc._.entities
        s2g, typed = align_to_gold(ents, gold)
        data[stem] = [(features(e, doc.text), e.idx in s2g and typed[s2g[e.idx]]) for e in ents]
    for C in (0.3, 1.0, 3.0):
        probs = []
        for fold in folds(list(data), 5):
            rows = [r for s in data if s not in fold for r in data[s]]
            vec = DictVectorizer(sort=True, sparse=False)
            clf = LogisticRegression(C=C, solver="liblinear", max_iter=2000, random_state=0)
            clf.fit(vec.fit_transform([dict.fromkeys(f, 1.0) for f, _l in rows]), [int(l) for _f, l in rows])
            for s in fold:
                X = vec.transform([dict.fromkeys(f, 1.0) for f, _l in data[s]])
                probs += [(p, l, s) for p, (_f, l) in zip(clf.predict_proba(X)[:, 1], data[s])]
        for th in (0.2, 0.4, 0.6, 0.7, 0.8):
            for sub, name in (("f", "fresh"), ("", "all")):
                rows = [(p, l) for p, l, s in probs if s.startswith(sub)]
                good = sum(1 for p, l in rows if p < th and l)
                bad = sum(1 for p, l in rows if p < th and not l)
                print(f"C={C} threshold={th} {name}: {len(rows)} entities, dropped {good} right and {bad} wrong")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
