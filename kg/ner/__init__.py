"""ParkKG's statistical NER: a spaCy ``ner`` component for the zh char-segmented pipeline.

The trained pipeline ships in ``kg/models/ner`` (see ``kg/models/MODEL_CARD.md``). It predicts the labels in
:data:`LABELS`: ``PER`` (people), ``LOC`` (places: countries, provinces, cities, districts…) and ``ORG``
(organisations of every kind — firms, government bodies, institutes; telling them apart is left to rules).

Use either the whole trained pipeline::

    nlp = load_ner_pipeline()
    doc = nlp("国务院总理李强在北京会见了华为技术有限公司董事长")
    [(e.text, e.label_) for e in doc.ents]

or put its component into an existing ``spacy.blank("zh")`` pipeline (char segmenter)::

    nlp = spacy.blank("zh")
    add_to(nlp, before="my_rules")    # same position keywords as Language.add_pipe
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import ParkKGError
from kg.ner.corpora import LABELS

__all__ = ["LABELS", "MODEL_DIR", "NER_COMPONENT", "NERModelError", "add_to", "load_ner_pipeline"]

#: Where the trained pipeline lies inside the package.
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"
#: Name of the trained component in the shipped pipeline.
NER_COMPONENT = "ner"


class NERModelError(ParkKGError):
    """The trained NER model is missing, unreadable or does not fit the pipeline it is added to."""


def load_ner_pipeline(path: str | Path | None = None):
    """Load the trained NER pipeline (``spacy.Language``: zh char tokenizer + ``ner``) from disk, offline."""
    import spacy

    from kg.ner import arch  # noqa: F401  (registers the architectures the config names)

    path = Path(path) if path is not None else MODEL_DIR
    if not (path / "config.cfg").is_file():
        raise NERModelError(f"{path}: no trained NER model here (config.cfg missing); run `kg train`")
    try:
        return spacy.load(path)
    except (OSError, ValueError) as e:
        raise NERModelError(f"{path}: cannot load the NER model: {e}") from e


def add_to(nlp, name: str = NER_COMPONENT, path: str | Path | None = None, **position):
    """Add the trained ``ner`` component to ``nlp`` (a zh pipeline with the char segmenter); return it.

    ``position`` takes ``Language.add_pipe``'s ``before``/``after``/``first``/``last``. The component sets
    ``doc.ents`` (labels :data:`LABELS`); put rule components that must override it *after* it.
    """
    if nlp.lang != "zh":
        raise NERModelError(f"the NER model needs a zh pipeline, got lang={nlp.lang!r}")
    segmenter = getattr(nlp.tokenizer, "segmenter", None)
    if segmenter is not None and str(getattr(segmenter, "value", segmenter)) != "char":
        raise NERModelError(f"the NER model was trained on char tokens; this pipeline segments with "
                            f"{segmenter!s}")
    trained = load_ner_pipeline(path)
    return nlp.add_pipe(NER_COMPONENT, name=name, source=trained, **position)
