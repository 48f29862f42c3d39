"""Exact-span precision / recall / F1 per label and overall."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


Span = tuple[int, int, str]


def score_spans(pairs: Iterable[tuple[Iterable[Span], Iterable[Span]]],
                labels: Iterable[str]) -> dict[str, PRF]:
    """Score ``(predicted, gold)`` span sets per sentence; returns ``{label: PRF, ..., "ALL": PRF}``.

    Only spans whose label is in ``labels`` count, on both sides. A predicted span is right when start, end and
    label are all equal to a gold span's.
    """
    labels = tuple(labels)
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    for pred, gold in pairs:
        pred = {s for s in pred if s[2] in labels}
        gold = {s for s in gold if s[2] in labels}
        for s in pred:
            n_pred[s[2]] += 1
        for s in gold:
            n_gold[s[2]] += 1
        for s in pred & gold:
            tp[s[2]] += 1
    out = {lab: PRF(tp[lab], n_pred[lab], n_gold[lab]) for lab in labels}
    out["ALL"] = PRF(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out
