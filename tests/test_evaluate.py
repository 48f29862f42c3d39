"""``kg evaluate --gold``: gold-file scoring (kg.evaluate) and the command around it.

The fixtures are invented (tests/fixtures/eval): a six-entity gold and a hand-written graph whose expected
figures were worked out by hand from the matching rules (see kg/evaluate.py).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import InputError
from kg.evaluate import Count, core_name, load_gold, normalise, score

FIX = Path(__file__).parent / "fixtures" / "eval"
GOLD = FIX / "gold_small.json"
GRAPH = FIX / "graph_small.ttl"


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
