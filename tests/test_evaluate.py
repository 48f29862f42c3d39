"""``kg evaluate --gold`` / ``--gold-dir``: gold-file and set scoring (kg.evaluation.gold) and the command around it.

The fixtures are invented (tests/fixtures/eval): a six-entity gold and a hand-written graph whose expected
figures were worked out by hand from the matching rules (see kg/evaluation/gold.py). tests/fixtures/evalset holds two
invented articles (gold/<stem>.json, texts/<stem>.txt|.md) for the set mode; its tests check the bookkeeping
(micro = sum of the articles, the report's lines), not the extraction's figures, which change with the rules.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import InputError
from kg.evaluation.gold import (RELS, TYPES, ArticleResult, Count, SetScore, collect_set, combine, core_name, format_set, load_gold, normalise, score, score_set)

FIX = Path(__file__).parent / "fixtures" / "eval"
GOLD = FIX / "gold_small.json"
GRAPH = FIX / "graph_small.ttl"
SET = Path(__file__).parent / "fixtures" / "evalset"
SET_GOLD, SET_TEXTS = SET / "gold", SET / "texts"
LAST_LINE = re.compile(r"^set micro E=\d\.\d{3} R=\d\.\d{3} mean E=\d\.\d{3} R=\d\.\d{3} \((\d+) articles\)$")


def approx(x):
    return pytest.approx(x, abs=5e-4)


def test_name_forms():
    assert normalise("青石 科技\u200b有限公司") == "青石科技有限公司"
    assert normalise("ＡＢ科技") == "AB科技"            # NFKC
    assert core_name("蓝海集团有限公司") == "蓝海"          # suffixes dropped repeatedly
    assert core_name("蓝海公司") == "蓝海"
    assert core_name("XY集团") == "XY"
    assert core_name("某集团") == "某集团"                  # never below two characters


def test_count_edge_cases():
    assert (Count(0, 0, 0).precision, Count(0, 0, 0).recall, Count(0, 0, 0).f1) == (1.0, 1.0, 1.0)
    assert (Count(0, 0, 3).precision, Count(0, 0, 3).f1) == (0.0, 0.0)
    assert (Count(0, 2, 0).recall, Count(0, 2, 0).f1) == (0.0, 0.0)
    assert Count(1, 2, 3) + Count(1, 1, 1) == Count(2, 3, 4)


def test_exact_figures_on_a_known_graph():
    s = score(GOLD, GRAPH)
    ent, rel, st = s.entities, s.relations, s.stated
    # entities: 4 typed matches of 8 system / 6 gold (林远 is matched by name but typed Company)
    assert (ent["all"].tp, ent["all"].n_sys, ent["all"].n_gold) == (4, 8, 6)
    assert (ent["all"].precision, ent["all"].recall, ent["all"].f1) == (approx(0.5), approx(0.667), approx(0.571))
    assert (ent["untyped"].tp, ent["untyped"].f1) == (5, approx(0.714))
    assert (ent["Park"].tp, ent["Park"].n_sys, ent["Park"].n_gold) == (1, 1, 1)
    assert (ent["Company"].tp, ent["Company"].n_sys, ent["Company"].n_gold) == (2, 4, 2)   # 青石 by loose name
    assert ent["Company"].f1 == approx(0.667)
    assert (ent["Person"].tp, ent["Person"].n_sys, ent["Person"].f1) == (0, 0, 0.0)
    assert ent["GovernmentBody"].f1 == 0.0 and ent["Institute"].f1 == 1.0            # 0/0 counts as perfect
    assert (ent["Place"].tp, ent["Place"].n_sys, ent["Place"].f1) == (1, 3, approx(0.5))
    assert (ent["fortune500"].tp, ent["fortune500"].n_sys, ent["fortune500"].n_gold) == (1, 1, 1)
    # relations: the true 杭州 in 浙江 is not scored, the reversed containment is a false positive; partnersWith
    # asserted both ways counts once; the triple to a non-entity is not a relation
    assert s.neutral == 1
    assert (rel["all"].tp, rel["all"].n_sys, rel["all"].n_gold) == (4, 6, 5)
    assert (rel["all"].precision, rel["all"].recall, rel["all"].f1) == (approx(0.667), approx(0.8), approx(0.727))
    assert (rel["hosts"].tp, rel["hosts"].n_sys, rel["hosts"].f1) == (1, 2, approx(0.667))
    assert (rel["partnersWith"].f1, rel["worksFor"].f1, rel["subsidiaryOf"].f1) == (1.0, 1.0, 1.0)
    assert (rel["locatedIn"].tp, rel["locatedIn"].n_sys, rel["locatedIn"].f1) == (1, 2, approx(0.667))
    assert (rel["manages"].n_gold, rel["manages"].f1) == (1, 0.0)
    # stated only: the implied gold locatedIn/manages leave the counts on both sides
    assert (st["all"].tp, st["all"].n_sys, st["all"].n_gold, st["all"].f1) == (3, 5, 3, approx(0.75))
    assert s.roles == (1, 1)                 # 副总经理 contains 总经理
    assert s.false_positive_relations == ["星河高新区 -hosts-> 白鹭公司", "浙江 -locatedIn-> 杭州"]
    assert s.false_negative_entities[1] == "星河高新区管委会 (GovernmentBody)"
    assert (s.entity_f1, s.relation_f1) == (approx(0.571), approx(0.727))


def test_a_perfect_graph_scores_one(tmp_path):
    ttl = tmp_path / "graph.ttl"
    ttl.write_text("""@prefix pk: <https://w3id.org/parkkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix e: <https://w3id.org/parkkg/id/t/> .
e:a a pk:Park ; rdfs:label "星河高新技术产业开发区"@zh .
e:b a pk:Company ; rdfs:label "青石科技有限公司"@zh .
e:a pk:hosts e:b .
""", encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"entities": [
        {"name": "星河高新区", "type": "Park", "aliases": ["星河高新技术产业开发区"]},
        {"name": "青石科技有限公司", "type": "Company"}],
        "relations": [{"head": "星河高新区", "rel": "hosts", "tail": "青石科技有限公司"}]}, ensure_ascii=False),
        encoding="utf-8")
    s = score(gold, tmp_path)             # a build folder is read as OUT/graph.ttl
    assert s.entity_f1 == 1.0 and s.relation_f1 == 1.0


@pytest.mark.parametrize("payload, problem", [
    ('{"entities": [{"name": "X", "type": "Firm"}], "relations": []}', "unknown type"),
    ('{"entities": [{"name": "X", "type": "Park"}], "relations": [{"head": "X", "rel": "hosts", "tail": "Y"}]}',
     "not a gold entity"),
    ('{"entities": [], "relations": [{"head": "X", "rel": "owns", "tail": "Y"}]}', "unknown relation kind"),
    ('[1, 2]', "JSON object"),
    ('{nope', "not a readable gold JSON"),
])
def test_bad_gold_files_are_named(tmp_path, payload, problem):
    path = tmp_path / "gold.json"
    path.write_text(payload, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        load_gold(path)


def test_cli_scores_a_graph(capsys, tmp_path):
    out_json = tmp_path / "r.json"
    assert main(["evaluate", "--gold", str(GOLD), str(GRAPH), "--verbose", "--json", str(out_json)]) == 0
    text = capsys.readouterr().out
    assert "  Company                    gold=2    sys=4    tp=2    P=0.500 R=1.000 F1=0.667" in text
    assert "  hosts                      gold=1    sys=2    tp=1    P=0.500 R=1.000 F1=0.667" in text
    assert "  - 星河高新区 -hosts-> 白鹭公司" in text
    assert "entities F1=0.571 relations F1=0.727" in text
    assert "speed: not measured" in text
    report = json.loads(out_json.read_text(encoding="utf-8"))["gold"][str(GOLD)]
    assert report["entities"]["all"] == {"gold": 6, "sys": 8, "tp": 4, "p": 0.5, "r": 0.6667, "f1": 0.5714}


def test_cli_builds_an_article_then_scores_it_and_times_it(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("青石科技有限公司落户星河高新区。青石科技总经理林远表示，公司将与蓝海集团签约合作。\n",
                       encoding="utf-8")
    out_json = tmp_path / "r.json"
    assert main(["evaluate", "--gold", str(GOLD), "--article", str(article), "--json", str(out_json)]) == 0
    text = capsys.readouterr().out
    assert text.rstrip().splitlines()[-1].startswith("speed: ")
    assert "chars/s" in text
    report = json.loads(out_json.read_text(encoding="utf-8"))["gold"]
    assert report["speed"]["chars_per_s"] > 0 and report["speed"]["chars"] == len(article.read_text("utf-8").strip())
    figures = report[str(GOLD)]
    assert figures["entities"]["Person"]["tp"] == 1


def test_cli_pairs_gold_files_with_graphs(capsys):
    assert main(["evaluate", "--gold", str(GOLD), "--gold", str(GOLD), str(GRAPH)]) != 0
    assert "2 gold file(s) but 1 graph(s)" in capsys.readouterr().err
    assert main(["evaluate", str(GRAPH)]) != 0
    assert "needs --gold" in capsys.readouterr().err


# ----------------------------------------------------------------------------------------------------- sets
class CountingExtractor:
    """Any object with .extract(article) will do (a cross-validation fold passes its own)."""

    def __init__(self):
        from kg.extract.pipeline import Extractor

        self.inner, self.seen = Extractor(), []

    def extract(self, article):
        self.seen.append(article.doc_id)
        return self.inner.extract(article)


@pytest.fixture(scope="module")
def extractor():
    return CountingExtractor()


def _keys():
    return (("entities", ("all", "untyped", "fortune500") + TYPES), ("relations", ("all",) + RELS),
            ("stated", ("all",) + RELS))


def test_set_micro_totals_are_the_sums_of_the_articles(extractor, tmp_path):
    items = collect_set(SET_GOLD, SET_TEXTS)
    assert [(i.gold.name, i.article.source) for i in items] == [("a01.json", "a01.txt"), ("a02.json", "a02.md")]
    extractor.seen.clear()
    res = score_set(items, extractor, out_dir=tmp_path / "out")
    assert extractor.seen == ["a01", "a02"]                      # each article extracted once, on its own
    assert [a.stem for a in res.articles] == ["a01", "a02"] and res.n_articles == 2
    for attr, keys in _keys():
        for k in keys:
            total = getattr(res.micro, attr)[k]
            parts = [getattr(a.score, attr)[k] for a in res.articles]
            assert (total.tp, total.n_sys, total.n_gold) == (sum(c.tp for c in parts), sum(c.n_sys for c in parts),
                                                             sum(c.n_gold for c in parts)), (attr, k)
    assert res.micro.entities["all"].n_gold == 13 and res.micro.relations["all"].n_gold == 11   # 7+6, 6+5 in gold
    # the written Turtle scores as the graph scored in memory (what score_set.py reads back)
    for a in res.articles:
        ttl = tmp_path / "out" / a.stem / "graph.ttl"
        assert ttl.is_file() and ttl.stat().st_size > 0
        again = score(a.gold, ttl)
        assert again.as_dict() == a.score.as_dict()
    lines = format_set(res).splitlines()
    assert lines[0].startswith("a01: E=") and lines[1].startswith("a02: E=")
    m = LAST_LINE.match(lines[-1])
    assert m and m.group(1) == "2"
    assert lines[-1] == res.last_line()
    e = res.micro.entities["all"]
    row = f"  all (typed match)          gold={e.n_gold:4d} sys={e.n_sys:4d} tp={e.tp:4d}  P={e.tp / e.n_sys:.3f} "
    assert any(ln.startswith(row) for ln in lines)


def test_set_mean_uses_the_printed_figures_and_counts_missing_articles():
    one = score(GOLD, GRAPH)                                     # E 0.571, R 0.727 (worked out above)
    arts = [ArticleResult("x1", str(GOLD), "x1.txt", one), ArticleResult("x2", str(GOLD), "x2.txt", one),
            ArticleResult("x3", str(GOLD), None, None, "no article x3.txt")]
    res = SetScore(arts, combine([one, one]))
    assert (arts[0].entity_f1, arts[0].relation_f1, arts[2].entity_f1) == (0.571, 0.727, 0.0)
    # micro over the two scored articles (counts doubled: same ratios); mean over all three
    assert res.last_line() == "set micro E=0.571 R=0.727 mean E=0.381 R=0.485 (3 articles)"
    text = format_set(res)
    assert "x3: no output: no article x3.txt; counted as an article without output" in text
    assert "  Company                    gold=   4 sys=   8 tp=   4  P=0.500 R=1.000 F1=0.667" in text
    # as the set scorer: an empty denominator gives 0 (the one-article report gives 1 for 0/0)
    assert "  Institute                  gold=   0 sys=   0 tp=   0  P=0.000 R=0.000 F1=0.000" in text
    assert "fortune500" not in text
    d = res.as_dict()
    assert d["n_articles"] == 3 and d["articles"]["x3"]["problem"] == "no article x3.txt"
    assert d["micro"]["entities"]["all"] == {"gold": 12, "sys": 16, "tp": 8, "p": 0.5, "r": 0.6667, "f1": 0.5714}


def test_combine_of_nothing_is_zero():
    z = combine([])
    assert z.entities["all"] == Count(0, 0, 0) and z.stated["manages"] == Count(0, 0, 0)
    assert SetScore([], z).last_line() == "set micro E=0.000 R=0.000 mean E=0.000 R=0.000 (0 articles)"


def test_cli_scores_a_set_and_writes_the_graphs(capsys, tmp_path):
    out, out_json = tmp_path / "out", tmp_path / "r.json"
    assert main(["evaluate", "--gold-dir", str(SET_GOLD), "--texts", str(SET_TEXTS), "--out", str(out),
                 "--json", str(out_json)]) == 0
    lines = capsys.readouterr().out.rstrip().splitlines()
    m = LAST_LINE.match(lines[-1])
    assert m and m.group(1) == "2"
    for title in ("ENTITIES", "RELATIONS incl. implied", "RELATIONS stated only"):
        assert title in lines
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == \
        ["a01/graph.ttl", "a02/graph.ttl"]
    report = json.loads(out_json.read_text(encoding="utf-8"))["set"]
    assert report["n_articles"] == 2 and set(report["articles"]) == {"a01", "a02"}
    for kind in ("entities", "relations"):
        for field_ in ("gold", "sys", "tp"):
            assert report["micro"][kind]["all"][field_] == sum(a[kind]["all"][field_]
                                                                for a in report["articles"].values())
    typed = report["micro"]["entities"]["all"]
    assert (f"  all (typed match)          gold={typed['gold']:4d} sys={typed['sys']:4d} tp={typed['tp']:4d}  "
            in "\n".join(lines))


def test_cli_names_a_missing_text_and_goes_on(capsys, tmp_path):
    gold = tmp_path / "gold"
    shutil.copytree(SET_GOLD, gold)
    shutil.copy(SET_GOLD / "a02.json", gold / "a03.json")        # a gold file whose article is missing
    out = tmp_path / "out"
    assert main(["evaluate", "--gold-dir", str(gold), "--texts", str(SET_TEXTS), "--out", str(out)]) == 0
    lines = capsys.readouterr().out.rstrip().splitlines()
    missing = [ln for ln in lines if ln.startswith("a03:")]
    assert missing == [f"a03: no output: no article {SET_TEXTS / 'a03.txt'} (nor another text file of that stem); "
                       "counted as an article without output"]
    assert LAST_LINE.match(lines[-1]).group(1) == "3"
    assert sorted(p.name for p in out.iterdir()) == ["a01", "a02"]


def test_cli_pairs_gold_dirs_with_text_dirs_in_order(capsys, tmp_path):
    assert main(["evaluate", "--gold-dir", str(SET_GOLD), "--texts", str(SET_TEXTS)]) == 0
    whole = capsys.readouterr().out.rstrip().splitlines()[-1]
    for stem, name in (("a01", "a01.txt"), ("a02", "a02.md")):
        (tmp_path / stem / "gold").mkdir(parents=True)
        (tmp_path / stem / "texts").mkdir()
        shutil.copy(SET_GOLD / f"{stem}.json", tmp_path / stem / "gold")
        shutil.copy(SET_TEXTS / name, tmp_path / stem / "texts")
    args = ["evaluate"]
    for stem in ("a01", "a02"):
        args += ["--gold-dir", str(tmp_path / stem / "gold"), "--texts", str(tmp_path / stem / "texts")]
    assert main(args) == 0
    assert capsys.readouterr().out.rstrip().splitlines()[-1] == whole
    # --stems keeps some articles only
    assert main(["evaluate", "--gold-dir", str(SET_GOLD), "--texts", str(SET_TEXTS), "--stems", "a02"]) == 0
    lines = capsys.readouterr().out.rstrip().splitlines()
    assert lines[0].startswith("a02: E=") and LAST_LINE.match(lines[-1]).group(1) == "1"


@pytest.mark.parametrize("argv, problem", [
    (["--gold-dir", "G1", "--gold-dir", "G2", "--texts", "T"], "2 --gold-dir but 1 --texts"),
    (["--texts", "T"], "go with --gold-dir"),
    (["--gold", "g.json", "--gold-dir", "G", "--texts", "T"], "not both"),
    (["--gold-dir", "NOPE", "--texts", "NOPE"], "gold folder not found"),
    (["--gold-dir", "SET", "--texts", "SET", "--stems", "a01,zz"], "zz: no gold file of these stems"),
    (["--gold-dir", "SET", "--texts", "SET", "--gold-dir", "SET", "--texts", "SET"], "stems of a set must differ"),
])
def test_cli_set_usage_errors(capsys, tmp_path, argv, problem):
    argv = [str(SET_GOLD) if a == "SET" else str(tmp_path / a) if a.isupper() or a.endswith(".json") else a
            for a in argv]
    assert main(["evaluate"] + argv) != 0
    assert problem in capsys.readouterr().err
