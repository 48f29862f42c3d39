"""Model architectures of ParkKG's NER, registered with spaCy so that ``configs/ner.cfg`` and the shipped
``kg/models/ner/config.cfg`` can name them.

``parkkg.CharBigramEmbed.v1`` embeds every character token with hash tables over

- the character itself (``ORTH``), its ``SHAPE``,
- the bigram it starts (``c[i] c[i+1]``) and the bigram it ends (``c[i-1] c[i]``),

then mixes them with one Maxout layer, like spaCy's ``MultiHashEmbed``. Character bigrams are the classic
cheap substitute for words in Chinese sequence labelling (Zhang & Yang 2018 report +2–7 F1 from them on
MSRA / OntoNotes / Weibo): `有限` `公司` `高新` `委员` carry what a single char does not.  The bigram keys are
computed from the ``ORTH`` hashes with numpy, so the feature costs no Python per token.

Import this module (``kg.ner`` does) before loading or training a pipeline that uses it.
"""
from __future__ import annotations

from typing import Callable, List, Tuple

import numpy
from spacy.attrs import ORTH, SHAPE
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

#: Keys standing for "before the first" / "after the last" character.
_START = numpy.uint64(0x9E3779B97F4A7C15)
_END = numpy.uint64(0xC2B2AE3D27D4EB4F)
_MIX = numpy.uint64(0x100000001B3)


def _bigram_keys(orth: numpy.ndarray) -> Tuple[numpy.ndarray, numpy.ndarray]:
    """(key of c[i]c[i+1], key of c[i-1]c[i]) for a column of ORTH hashes (uint64, wrapping arithmetic)."""
    nxt = numpy.empty_like(orth)
    prv = numpy.empty_like(orth)
    if len(orth):
        nxt[:-1] = orth[1:]
        nxt[-1] = _END
        prv[1:] = orth[:-1]
        prv[0] = _START
    with numpy.errstate(over="ignore"):
        right = (orth * _MIX) ^ nxt
        left = (prv * _MIX) ^ orth
    return right, left


def bigram_features() -> Model[List[Ints2d], List[Ints2d]]:
    """Append the two bigram-key columns to each doc's (n, k) feature array whose column 0 is ORTH."""
    def forward(model, docs_feats: List[Ints2d], is_train: bool) -> Tuple[List[Ints2d], Callable]:
        out = []
        for feats in docs_feats:
            arr = model.ops.to_numpy(feats).astype("uint64", copy=False)
            right, left = _bigram_keys(arr[:, 0].copy())
            out.append(model.ops.asarray(numpy.column_stack([arr, right, left]), dtype="uint64"))
        return out, lambda d_out: []

    return Model("bigram_features", forward)


@registry.architectures("parkkg.CharBigramEmbed.v1")
def CharBigramEmbed(width: int, char_rows: int, shape_rows: int, bigram_rows: int
                    ) -> Model[List[Doc], List[Floats2d]]:
    """Hash embeddings of char, shape and both adjacent bigrams, mixed to ``width`` by a Maxout layer."""
    tables = [HashEmbed(width, char_rows, column=0, seed=8, dropout=0.0),
              HashEmbed(width, shape_rows, column=1, seed=9, dropout=0.0),
              HashEmbed(width, bigram_rows, column=2, seed=10, dropout=0.0),
              HashEmbed(width, bigram_rows, column=3, seed=11, dropout=0.0)]
    return chain(
        FeatureExtractor([ORTH, SHAPE]),
        bigram_features(),
        list2ragged(),
        with_array(concatenate(*tables)),
        with_array(Maxout(width, width * len(tables), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
