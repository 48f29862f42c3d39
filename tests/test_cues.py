"""The cue table (kg/extract/cues.py) and the learned relation classifier (kg/extract/learned.py).

One test per cue row is generated from the table: the row's pattern must match its own invented example.
The classifier's tests use invented articles only.
"""
from __future__ import annotations

import json
import re

import pytest

from kg.extract.cues import CUE_BY_ID, CUES, cue_hits
from kg.extract.learned import MODEL_PATH, Pair, RelationModel
from kg.records import Article, RelationKind

KINDS = {"hosts", "partnersWith", "subsidiaryOf", "against"}


_article = Article.from_text


@pytest.mark.parametrize("cue", CUES, ids=[c.id for c in CUES])
def test_cue_row_matches_its_example(cue):
    assert cue.kind in KINDS, f"row {cue.id}: unknown kind {cue.kind}"
    assert cue.reason and cue.example, f"row {cue.id}: every row has an example and a reason"
    assert cue.regex.search(cue.example), f"row {cue.id}: pattern {cue.pattern!r} misses its example"
    assert any(cid == cue.id for _s, _e, cid in cue_hits(cue.example))


def test_cue_ids_are_unique_and_plain():
    ids = [c.id for c in CUES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)


def test_every_cue_feature_of_the_shipped_model_names_a_row():
    model = RelationModel.load()
    assert model is not None, f"{MODEL_PATH} ships with the package"
    for kind, weights in model.weights.items():
        assert kind in {k.value for k in RelationKind}
        for f in weights:
            prefix, _, rest = f.partition(":")
            if prefix in ("s", "s0", "s1", "s2", "b"):
                assert rest in CUE_BY_ID, f"model feature {f} names no cue row"


def test_model_json_round_trip_is_byte_stable():
    model = RelationModel.load()
    text = model.to_json()
    assert RelationModel.from_json(text).to_json() == text
    assert json.loads(text)["threshold"].keys() == model.weights.keys()


def test_probability_follows_the_weights():
    model = RelationModel({"hosts": {"s0:settle": 3.0, "s0:visit": -3.0}}, {"hosts": -1.0}, {"hosts": 0.5})
    settle = Pair(RelationKind.HOSTS, 0, 1, None, {"s0:settle"})
    visit = Pair(RelationKind.HOSTS, 0, 1, None, {"s0:visit"})
    assert model.accept(settle) and not model.accept(visit)
    assert model.cue(settle) == "learned:settle"
    assert not model.accept(Pair(RelationKind.PARTNERS_WITH, 0, 1, None, {"s0:settle"}))  # not its kind


@pytest.fixture(scope="module")
def rels_of(extractor):
    def _run(text: str):
        d = extractor.extract(_article(text))
        names = {e.key: e.name for e in d.entities}
        return {(names[r.head], r.kind.value, names[r.tail]): r.cue for r in d.relations}, d
    return _run


def test_park_of_the_passage_hosts_the_firms_it_attracted(rels_of):
    # the park is named in one sentence and referred to as 这里 in the next
    rels, _ = rels_of("青川高新技术产业开发区位于江北。近年来，这里已经吸引星海光电科技有限公司、"
                      "蓝湾新材料有限公司等企业落户。")
    assert ("青川高新技术产业开发区", "hosts", "星海光电科技有限公司") in rels
    assert ("青川高新技术产业开发区", "hosts", "蓝湾新材料有限公司") in rels


def test_a_visit_is_not_tenancy(rels_of):
    rels, _ = rels_of("星海光电科技有限公司董事长一行到青川高新技术产业开发区参观考察。")
    assert not [k for k in rels if k[1] == "hosts"]


def test_sub_park_tenants_are_tenants_of_the_park(rels_of):
    rels, _ = rels_of("蓝湾新材料有限公司的新工厂落户青川高新区北湖片区，青川高新区今年还将引进更多企业。")
    assert ("青川高新区北湖片区", "hosts", "蓝湾新材料有限公司") in rels
    assert rels.get(("青川高新区", "hosts", "蓝湾新材料有限公司")) is not None


def test_statements_name_their_cue(rels_of):
    rels, d = rels_of("青川高新技术产业开发区位于江北。这里已经吸引星海光电科技有限公司、蓝湾新材料有限公司等企业落户。")
    cues = {r.cue for r in d.relations}
    assert all(c for c in cues)
    for c in cues:
        if c.startswith("learned:"):
            assert c.split(":", 1)[1] in CUE_BY_ID


def test_train_relations_cross_validates_and_writes_a_loadable_model(repo_root, tmp_path, capsys):
    pytest.importorskip("sklearn")
    from kg.cli import main

    fx = repo_root / "tests" / "fixtures" / "evalset"
    out = tmp_path / "relations.json"
    rc = main(["train-relations", "--gold-dir", str(fx / "gold"), "--texts", str(fx / "texts"), "--folds", "2",
               "--output", str(out), "--C", "1.0"])
    text = capsys.readouterr().out
    assert rc == 0
    assert "cross-validated (2 folds by article, 2 articles)" in text and "fit (model fitted on all 2" in text
    model = RelationModel.load(out)
    assert model is not None and model.meta["trained_on"] == ["a01", "a02"]
    assert out.read_text(encoding="utf-8") == model.to_json()      # deterministic, sorted JSON
    again = tmp_path / "again.json"
    assert main(["train-relations", "--gold-dir", str(fx / "gold"), "--texts", str(fx / "texts"), "--folds", "2",
                 "--output", str(again), "--C", "1.0"]) == 0
    assert again.read_bytes() == out.read_bytes()                  # the same data, the same bytes


def test_train_relations_names_a_missing_gold_folder(tmp_path, capsys):
    pytest.importorskip("sklearn")
    from kg.cli import main

    rc = main(["train-relations", "--gold-dir", str(tmp_path / "nope"), "--texts", str(tmp_path), "--no-write"])
    assert rc == 1
    assert "gold folder not found" in capsys.readouterr().err


def test_firms_visited_in_the_park_stay_its_tenants(rels_of):
    rels, _ = rels_of("区委书记王立新到云岚工业园区调研。王立新首先到星海光电科技有限公司、蓝湾新材料有限公司调研生产经营情况。")
    assert ("云岚工业园区", "hosts", "星海光电科技有限公司") in rels


def test_the_model_vetoes_the_weakest_rules_hosts_for_a_pair_it_finds_unlikely():
    # park-sentence hosts survive only where the classifier gives the pair some probability; other rules stand
    from kg.extract.learned import decide
    from kg.extract.types import Ent, Rel
    from kg.records import EntityClass

    park, a, b = Ent(0, EntityClass.PARK, ["青川高新区"]), Ent(1, EntityClass.COMPANY, ["岳泰科技"]), \
        Ent(2, EntityClass.COMPANY, ["川岚集团"])
    model = RelationModel({"hosts": {"s0:settle": 4.0, "s0:visit": -4.0}}, {"hosts": 0.0}, {"hosts": 0.9},
                          {"mode": "union"})
    pairs = [Pair(RelationKind.HOSTS, 0, 1, None, {"s0:visit"}), Pair(RelationKind.HOSTS, 0, 2, None, {"s0:settle"})]
    rules = [Rel(RelationKind.HOSTS, 0, 1, None, cue="park-sentence"),
             Rel(RelationKind.HOSTS, 0, 2, None, cue="park-sentence")]
    kept = {(r.head, r.tail) for r in decide(rules, pairs, model, [park, a, b], "")}
    assert (0, 2) in kept and (0, 1) not in kept
    rules = [Rel(RelationKind.HOSTS, 0, 1, None, cue="park-introduces")]
    assert (0, 1) in {(r.head, r.tail) for r in decide(rules, pairs, model, [park, a, b], "")}
