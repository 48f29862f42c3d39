"""kg.extract.word_classes reads jieba's dictionary itself (3x faster to load than importing jieba); its cuts, tags
and counts must be exactly jieba's."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import word_classes as words

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def jieba_dt():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt, jieba.posseg.dt.word_tag_tab


def test_cuts_equal_jieba_on_every_seed_window(jieba_dt):
    dt, _ = jieba_dt
    checked = 0
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for size in (3, 8, 25, 80):
            for start in range(0, len(text), 53):
                s = text[start:start + size]
                assert list(words._cut(s)) == list(dt.cut(s, HMM=False)), s
                checked += 1
    assert checked > 1000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("高新区科技有限公司中国人民银行研究院发展合作山东济南 abcXYZ019.+-#%&\n\t，。、（）")),
               max_size=40))
def test_cuts_equal_jieba_on_arbitrary_strings(jieba_dt, s):
    assert list(words._cut(s)) == list(jieba_dt[0].cut(s, HMM=False))


def test_tags_and_counts_equal_jieba(jieba_dt):
    dt, tags = jieba_dt
    counts, our_tags, _, _ = words._dictionary()
    assert our_tags == tags
    assert all((counts.get(w) or 0) == (dt.FREQ.get(w) or 0) for w in dt.FREQ)
    assert words.frequency("公司") == dt.FREQ["公司"] > 0
    assert words.tag("研究院") == tags["研究院"]
