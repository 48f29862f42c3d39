"""The statistical NER: corpus readers, scoring, and the shipped model (loads offline, tags, scores)."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest
import spacy

from kg.ner import MODEL_DIR, NERModelError, add_to, load_ner_pipeline
from kg.ner.corpora import (CLUENER_EVAL_MAP, CLUENER_TRAIN_MAP, AnnotatedSentence, read_char_tagged,
                            read_cluener)
from kg.ner.benchmark import evaluate_sentences
from kg.ner.scoring import score_spans

FIXTURES = Path(__file__).parent / "fixtures" / "ner"
PD_SAMPLE = FIXTURES / "peoples_daily_test_sample.txt"


# --- readers -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, text, spans", [
    (["国 B-ORG", "务 I-ORG", "院 I-ORG", "总 O", "理 O", "李 B-PER", "强 I-PER"],
     "国务院总理李强", ((0, 3, "ORG"), (5, 7, "PER"))),
    (["欧 B-LOC", "美 B-LOC", "、 O"], "欧美、", ((0, 1, "LOC"), (1, 2, "LOC"))),              # adjacent B-B
    (["北\tB-LOC", "京\tE-LOC", "的\tO", "王\tS-PER"], "北京的王", ((0, 2, "LOC"), (3, 4, "PER"))),  # BMES, tabs
    (["中 B-ORG", "共 M-ORG", "中 M-ORG", "央 E-ORG"], "中共中央", ((0, 4, "ORG"),)),
    (["在 O", "京 I-LOC", "开 O"], "在京开", ((1, 2, "LOC"),)),                                  # stray I- starts
])
def test_read_char_tagged(tmp_path, lines, text, spans):
    path = tmp_path / "s.txt"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    assert list(read_char_tagged(path)) == [AnnotatedSentence(text, spans)]


def test_read_char_tagged_rejects_malformed_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("北 B-LOC\n京京 I-LOC\n", encoding="utf-8")
    with pytest.raises(Exception, match="bad.txt:2"):
        list(read_char_tagged(path))


def test_fixture_samples_parse():
    pd = list(read_char_tagged(PD_SAMPLE))
    assert len(pd) == 200
    assert all(0 <= s < e <= len(x.text) for x in pd for s, e, _ in x.spans)
    msra = list(read_char_tagged(FIXTURES / "msra_test_bmes_sample.txt"))
    assert len(msra) == 20 and sum(len(x.spans) for x in msra) == 4


def test_read_cluener_maps_and_marks_missing(tmp_path):
    path = tmp_path / "c.json"
    path.write_text('{"text": "浙商银行叶老桂玩CSOL", "label": {"company": {"浙商银行": [[0, 3]]}, '
                    '"name": {"叶老桂": [[4, 6]]}, "game": {"CSOL": [[8, 11]]}}}\n', encoding="utf-8")
    (sent,) = read_cluener(path, CLUENER_TRAIN_MAP)
    assert sent.spans == ((0, 4, "ORG"), (4, 7, "PER"))
    assert sent.missing == ((8, 12),)  # a category mapped to None is missing (not learned)
    (sent,) = read_cluener(path, {**CLUENER_TRAIN_MAP, "game": ""})
    assert sent.missing == () and sent.spans == ((0, 4, "ORG"), (4, 7, "PER"))  # "": learned as no entity
    assert sent.text[8:12] == "CSOL"
    (scored,) = read_cluener(path, CLUENER_EVAL_MAP)
    assert scored.spans == sent.spans


def test_cluener_fixture_offsets_match_surfaces():
    import json
    for line in (FIXTURES / "cluener_dev_sample.json").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for surfaces in rec["label"].values():
            for surface, offsets in surfaces.items():
                for s, e in offsets:
                    assert rec["text"][s:e + 1] == surface


# --- scoring -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("pred, gold, p, r", [
    ({(0, 2, "PER")}, {(0, 2, "PER")}, 1.0, 1.0),
    ({(0, 2, "ORG")}, {(0, 2, "PER")}, 0.0, 0.0),          # wrong label
    ({(0, 3, "PER")}, {(0, 2, "PER")}, 0.0, 0.0),          # wrong boundary
    ({(0, 2, "PER"), (5, 7, "LOC")}, {(0, 2, "PER")}, 0.5, 1.0),
    (set(), {(0, 2, "PER")}, 0.0, 0.0),
])
def test_score_spans(pred, gold, p, r):
    s = score_spans([(pred, gold)], ("PER", "LOC", "ORG"))["ALL"]
    assert (s.precision, s.recall) == (p, r)


def test_score_spans_ignores_unscored_labels():
    s = score_spans([({(0, 2, "LOC"), (3, 5, "PER")}, {(3, 5, "PER")})], ("PER", "ORG"))
    assert s["ALL"].precision == 1.0 and s["PER"].f1 == 1.0 and s["ORG"].n_gold == 0


# --- the shipped model ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ner_nlp():
    return load_ner_pipeline()


def test_model_is_small_and_loads_offline(monkeypatch):
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert 0 < size < 30 * 1024 * 1024

    def no_network(*args, **kwargs):
        raise AssertionError("the NER model tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    nlp = load_ner_pipeline()
    assert nlp.pipe_names == ["ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG"}


@pytest.mark.parametrize("text, expected", [
    ("国务院总理李强在北京会见了华为技术有限公司董事长。",
     {("国务院", "ORG"), ("李强", "PER"), ("北京", "LOC"), ("华为技术有限公司", "ORG")}),
    ("上海市人民政府与阿里巴巴集团签署战略合作协议。", {("上海市人民政府", "ORG"), ("阿里巴巴集团", "ORG")}),
    ("记者王小明从广州报道。", {("王小明", "PER"), ("广州", "LOC")}),
    ("比亚迪股份有限公司董事长王传福出席了签约仪式。", {("比亚迪股份有限公司", "ORG"), ("王传福", "PER")}),
    ("中国科学院院长侯建国在合肥调研。", {("中国科学院", "ORG"), ("侯建国", "PER"), ("合肥", "LOC")}),
])
def test_tags_obvious_examples(ner_nlp, text, expected):
    got = {(e.text, e.label_) for e in ner_nlp(text).ents}
    assert expected <= got, got


# Known misses of the shipped model (MODEL_CARD.md, limitations): a long modern firm name that starts with a place
# character (宁德时代… gives 宁/LOC and loses the person after it), a nested institute name cut at its parent
# (中国科学院|合肥物质科学研究院, the People's Daily convention). strict: a retrained model that fixes them makes
# these fail, so move them up. (The previous model's misses, 华为技术有限公司 and 阿里巴巴集团 read as places, are
# fixed and checked above.)
@pytest.mark.xfail(strict=True, reason="known model error (MODEL_CARD limitations)")
@pytest.mark.parametrize("text, expected", [
    ("宁德时代新能源科技股份有限公司董事长曾毓群出席了签约仪式。", ("宁德时代新能源科技股份有限公司", "ORG")),
    ("加拿大麦格纳公司与中国科学院合肥物质科学研究院签约。", ("中国科学院合肥物质科学研究院", "ORG")),
])
def test_known_misses(ner_nlp, text, expected):
    assert expected in {(e.text, e.label_) for e in ner_nlp(text).ents}


def test_add_to_blank_pipeline_gives_the_same_entities(ner_nlp):
    nlp = spacy.blank("zh")
    add_to(nlp)
    assert nlp.pipe_names == ["ner"]
    text = "国务院总理李强在北京会见了华为技术有限公司董事长。"
    assert [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents] == \
           [(e.start_char, e.end_char, e.label_) for e in ner_nlp(text).ents]


@pytest.mark.parametrize("make", [
    lambda: spacy.blank("en"),
    lambda: spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}}),
])
def test_add_to_rejects_other_tokenisation(make):
    with pytest.raises(NERModelError):
        add_to(make())


def test_load_from_missing_folder_is_a_clean_error(tmp_path):
    with pytest.raises(NERModelError, match="no trained NER model"):
        load_ner_pipeline(tmp_path)


def test_f1_on_peoples_daily_sample_above_floor(ner_nlp):
    sentences = list(read_char_tagged(PD_SAMPLE))
    scores, _ = evaluate_sentences(ner_nlp, sentences)
    # the shipped model scores 0.898 here (PER 0.921, LOC 0.932, ORG 0.830); the floor leaves room for a retrain
    assert scores["ALL"].f1 >= 0.85, {k: round(v.f1, 3) for k, v in scores.items()}
    for label in ("PER", "LOC", "ORG"):
        assert scores[label].f1 >= 0.75, (label, scores[label])


def test_kg_train_runs_end_to_end_on_tiny_corpora(tmp_path):
    """`kg train` converts the corpora, trains a few steps from configs/ner.cfg and writes a loadable model."""
    from kg.cli import main

    data = tmp_path / "data"
    pd = (FIXTURES / "peoples_daily_test_sample.txt").read_text(encoding="utf-8").strip().split("\n\n")
    msra_test = (FIXTURES / "msra_test_bmes_sample.txt").read_text(encoding="utf-8")
    clue = (FIXTURES / "cluener_dev_sample.json").read_text(encoding="utf-8").splitlines()
    files = {"msra_ner/msra_train.bmeso.txt": "\n\n".join(pd[:100] + pd[150:160]) + "\n",
             "peoples_daily_ner/example.test": "\n\n".join(pd[150:200]) + "\n",
             "peoples_daily_ner/example.dev": "\n\n".join(pd[100:150]) + "\n",
             "msra_ner/msra_test.bmeso.txt": msra_test,
             "msra_ner/msra_test_bio.oye93.txt": msra_test,
             "cluener2020/train.json": "\n".join(clue) + "\n",
             "cluener2020/dev.json": clue[0] + "\n"}
    files.update(_TINY_GAZETTEERS)
    for rel, text in files.items():
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text(text, encoding="utf-8")
    from kg.ner.training import build_corpora
    train, dev, stats = build_corpora(data)
    # test sentences never reach training: the 10 PD test sentences in the MSRA train file go, and so do
    # CLUENER dev (1 line) and the 4 CLUENER lines held out for dev
    assert stats["msra_train_kept"] == 100 and stats["cluener_train_kept"] == 15
    assert not {s.text for s in train} & ({s.text for s in dev} | {s.text for s in read_char_tagged(
        data / "peoples_daily_ner/example.test")})
    out = tmp_path / "model"
    rc = main(["train", "--data-dir", str(data), "--output", str(out), "--max-steps", "3",
               "--finetune", "--finetune-steps", "3", "--work-dir", str(tmp_path / "work")])
    assert rc == 0
    nlp = load_ner_pipeline(out)
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG"}


# Tiny gazetteers (facts) in the layout of the public data folder (--data-dir), for the silver-data generator.
_TINY_GAZETTEERS = {
    "national_hitech_zones/national_hitech_zones_v2.csv":
        "name_full,name_short,province,city,source,status,district,district_code,note\n"
        "青岛高新技术产业开发区,青岛高新区,山东省,青岛市,S1,national_by_2020,,,\n"
        "合肥高新技术产业开发区,合肥高新区,安徽省,合肥市,S1,national_by_2020,,,\n",
    "fortune_global500/fortune_global500_2022_zh_en.csv":
        "rank,name_zh,name_en,country,short_zh,country_match,name_en_raw\n"
        "392,麦格纳国际,MAGNA INTERNATIONAL,Canada,麦格纳,x,MAGNA INTERNATIONAL\n"
        "159,西门子,SIEMENS,Germany,西门子,x,SIEMENS\n",
    "admin_divisions_china/pca-code.json":
        '[{"code": "37", "name": "山东省", "children": [{"code": "3702", "name": "青岛市", "children": []}]},'
        ' {"code": "34", "name": "安徽省", "children": [{"code": "3401", "name": "合肥市", "children": []}]}]',
    "admin_divisions_china/areas.csv": "code,name,cityCode,provinceCode\n370211,黄岛区,3702,37\n",
}


def test_silver_sentences_are_deterministic_and_well_formed(tmp_path):
    from kg.ner.silver import generate

    for rel, text in _TINY_GAZETTEERS.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    first = generate(tmp_path, 300, seed=0)
    assert first == generate(tmp_path, 300, seed=0) and first != generate(tmp_path, 300, seed=1)
    parks = {"青岛高新技术产业开发区", "青岛高新区", "合肥高新技术产业开发区", "合肥高新区"}
    labels, missing = set(), set()
    for sent in first:
        for start, end, label in sent.spans:
            labels.add(label)
            assert sent.text[start:end] and sent.text[start:end] not in parks
        missing.update(sent.text[s:e] for s, e in sent.missing)
    assert labels == {"PER", "LOC", "ORG"}
    assert missing == parks            # parks are never labelled, only left unknown
    assert any(s.text[a:b] in ("麦格纳国际", "麦格纳", "西门子") for s in first for a, b, _ in s.spans)


def test_bigram_features_pair_each_char_with_its_neighbours():
    """parkkg.CharBigramEmbed.v1's keys: the bigram a char starts is the one the next char ends; equal bigrams
    get equal keys wherever they occur, different ones differ; the sentence edges get their own keys."""
    import numpy

    from kg.ner.arch import _bigram_keys

    orth = numpy.array([11, 22, 33, 11, 22], dtype="uint64")  # a b c a b
    right, left = _bigram_keys(orth)
    assert (left[1:] == right[:-1]).all()
    assert right[0] == right[3]                      # "ab" twice
    assert len({int(k) for k in right[:3]}) == 3     # ab, bc, ca differ
    assert left[0] != right[-1] and left[0] not in right and right[-1] not in left[1:]
    assert _bigram_keys(numpy.array([], dtype="uint64"))[0].shape == (0,)
