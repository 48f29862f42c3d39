"""Score a spaCy pipeline's entities on the public NER test sets (exact span), and time it."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from kg.ner.corpora import LABELS, PUBLIC_SETS, AnnotatedSentence
from kg.ner.scoring import PRF, score_spans


@dataclass(frozen=True)
class SetResult:
    name: str
    description: str
    n_sentences: int
    n_chars: int
    seconds: float
    scores: dict[str, PRF]      # per label + "ALL"

    @property
    def chars_per_second(self) -> float:
        return self.n_chars / self.seconds if self.seconds else 0.0


def predict_spans(nlp, texts: list[str], label_map: Mapping[str, str] | None = None,
                  batch_size: int = 256) -> list[set[tuple[int, int, str]]]:
    """Run ``nlp`` over ``texts``; return per text the ``(start, end, label)`` of its entities.

    ``label_map`` renames predicted labels (e.g. ``{"Company": "ORG"}``); labels mapped to ``""`` are dropped.
    """
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        spans = set()
        for ent in doc.ents:
            label = label_map.get(ent.label_, ent.label_) if label_map else ent.label_
            if label:
                spans.add((ent.start_char, ent.end_char, label))
        out.append(spans)
    return out


def evaluate_sentences(nlp, sentences: list[AnnotatedSentence], labels: Iterable[str] = LABELS,
                       label_map: Mapping[str, str] | None = None, batch_size: int = 256
                       ) -> tuple[dict[str, PRF], float]:
    """Return (scores, seconds spent in ``nlp.pipe``)."""
    texts = [s.text for s in sentences]
    start = time.perf_counter()
    predicted = predict_spans(nlp, texts, label_map, batch_size)
    seconds = time.perf_counter() - start
    scores = score_spans(((p, s.spans) for p, s in zip(predicted, sentences)), labels)
    return scores, seconds


def evaluate_public(nlp, data_dir: str | Path, names: Iterable[str] = tuple(PUBLIC_SETS),
                    label_map: Mapping[str, str] | None = None, limit: int = 0,
                    batch_size: int = 256) -> list[SetResult]:
    """Score ``nlp`` on the named public test sets under ``data_dir`` (see :data:`PUBLIC_SETS`).

    CLUENER is scored on ORG and PER only (its ``address`` category is not our LOC convention).
    """
    results = []
    for name in names:
        spec = PUBLIC_SETS[name]
        sentences = spec.read(data_dir)
        if limit:
            sentences = sentences[:limit]
        labels = ("PER", "ORG") if spec.fmt == "cluener" else LABELS
        scores, seconds = evaluate_sentences(nlp, sentences, labels, label_map, batch_size)
        results.append(SetResult(name, spec.description, len(sentences),
                                 sum(len(s.text) for s in sentences), seconds, scores))
    return results
