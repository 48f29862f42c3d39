"""Fitting and cross-validating the learned relation classifier (:mod:`kg.extract.learned`) on gold articles.

Candidates and their features come from the pipeline itself (rules on, classifier off, ``keep_pairs``), so
training sees exactly what extraction will see. A candidate's label: the gold file has that relation between the
gold entities its two ends align to (the scorer's alignment, :func:`kg.evaluation.gold.align`).

Cross-validation is by article: the articles are dealt into k folds in a fixed order, each fold is extracted
with a model fitted on the other folds only, and the scores of all held-out articles are micro-averaged, as
``score_set.py`` does. Needs scikit-learn (``pip install -e '.[train]'``).
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.evaluation.gold import _Ent, _rel_key, align, combine, score
from kg.extract.learned import KINDS, Pair, RelationModel
from kg.records import Article

DEFAULT_C = 0.5
DEFAULT_THRESHOLD = 0.4       # CV on the fresh articles favours 0.2-0.3 by 0.01-0.04 hosts F1, but lower thresholds host clients and lenders on the seeds (tests/test_queries.py)
DEFAULT_BALANCE = 0.5     # article weight = n_pairs ** (1 - balance): 1 every article the same, 0 every pair


@dataclass
class Example:
    stem: str
    pairs: list[Pair]
    labels: list[bool]


def _relations_pipe(extractor):
    return extractor.nlp.get_pipe("parkkg_relations")


def align_to_gold(ents, gold) -> tuple[dict, dict]:
    """The scorer's alignment of an article's entities (``Ent``) to its gold entities: (Ent.idx -> gold index,
    gold index -> whether the classes agree)."""
    sys_ents = {e.idx: _Ent(e.idx, e.label, list(dict.fromkeys([e.label] + e.names)), [e.cls.value], e.f500)
                for e in ents}
    _g2s, s2g, typed = align(gold.ents, sys_ents, [e.idx for e in ents])
    return s2g, typed


def collect(items: list[tuple[str, Article, object]], extractor) -> list[Example]:
    """Candidate pairs and their gold labels for each (stem, article, gold) item."""
    pipe = _relations_pipe(extractor)
    saved = pipe.model, pipe.keep_pairs
    pipe.model, pipe.keep_pairs = None, True
    out = []
    try:
        for stem, article, gold in items:
            doc = extractor.nlp(article.text)
            ents = doc._.entities
            s2g, _typed = align_to_gold(ents, gold)
            labels = []
            for p in doc._.pairs:
                gi, gj = s2g.get(p.head), s2g.get(p.tail)
                labels.append(gi is not None and gj is not None
                              and _rel_key(p.kind.value, ("g", gi), ("g", gj)) in gold.rels)
            out.append(Example(stem, doc._.pairs, labels))
    finally:
        pipe.model, pipe.keep_pairs = saved
    return out


def fit(examples: list[Example], C: float = DEFAULT_C, threshold: float | dict = DEFAULT_THRESHOLD,
        kinds=KINDS, meta: dict | None = None, mode: str = "replace", balance: float = DEFAULT_BALANCE
        ) -> RelationModel:
    """One L2 logistic regression per relation kind over binary features (scikit-learn, liblinear)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    weights, bias, thresholds, counts = {}, {}, {}, {}
    for kind in kinds:
        X, y, w = [], [], []
        for ex in examples:
            mine = [(p, lab) for p, lab in zip(ex.pairs, ex.labels) if p.kind is kind]
            # every article weighs the same (a long page of many parks would otherwise drown the short news)
            weight = 1.0 / max(1, len(mine)) ** balance
            for p, lab in mine:
                X.append(dict.fromkeys(sorted(p.feats), 1.0))
                y.append(int(lab))
                w.append(weight)
        if sum(y) < 2 or sum(y) == len(y):
            continue       # nothing to learn from: the rules keep this kind
        vec = DictVectorizer(sort=True, sparse=False)   # small data: dense is simplest
        clf = LogisticRegression(C=C, solver="liblinear", max_iter=2000, random_state=0)
        scale = len(w) / sum(w)
        clf.fit(vec.fit_transform(X), y, sample_weight=[x * scale for x in w])
        names = vec.get_feature_names_out()
        weights[kind.value] = {str(n): round(float(w), 6) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-6}
        bias[kind.value] = round(float(clf.intercept_[0]), 6)
        thresholds[kind.value] = threshold[kind.value] if isinstance(threshold, dict) else threshold
        counts[kind.value] = {"candidates": len(y), "positive": sum(y)}
    return RelationModel(weights, bias, thresholds,
                         {**(meta or {}), "C": C, "mode": mode, "balance": balance, "training_pairs": counts})


def folds(stems: list[str], k: int) -> list[list[str]]:
    """Articles dealt into k folds in sorted order (deterministic)."""
    order = sorted(stems)
    return [order[i::k] for i in range(k)]


def cross_validate(items: list[tuple[str, Article, object]], extractor, k: int = 5, C: float = DEFAULT_C,
                   threshold: float | dict = DEFAULT_THRESHOLD, examples: list[Example] | None = None,
                   kinds=KINDS, mode: str = "replace", out_dir=None, balance: float = DEFAULT_BALANCE):
    """Scores of every article extracted by a model that never saw it; returns (per-article scores, total).

    ``out_dir``: also write each held-out article's graph to ``out_dir/<stem>/graph.ttl`` (the layout
    ``score_set.py`` reads, so that the official scorer can check these figures).
    """
    from pathlib import Path

    from kg.rdf.turtle import graph_turtle
    from kg.rdf.triples import to_rdf
    from kg.graph import build_graph

    examples = examples if examples is not None else collect(items, extractor)
    by_stem = {ex.stem: ex for ex in examples}
    pipe = _relations_pipe(extractor)
    saved = pipe.model
    per: dict[str, object] = {}
    try:
        for fold in folds([s for s, _a, _g in items], k):
            held = set(fold)
            train_examples = [by_stem[s] for s in by_stem if s not in held]
            pipe.model = fit(train_examples, C=C, threshold=threshold, kinds=kinds, mode=mode, balance=balance)
            for stem, article, gold in items:
                if stem in held:
                    G = build_graph([extractor.extract(article)])
                    per[stem] = score(gold, to_rdf(G))
                    if out_dir is not None:
                        d = Path(out_dir) / stem
                        d.mkdir(parents=True, exist_ok=True)
                        (d / "graph.ttl").write_bytes(graph_turtle(G))
    finally:
        pipe.model = saved
    scores = [per[s] for s, _a, _g in items]
    return per, combine(scores)
