"""National economic and technological development zones (国家级经开区) gazetteer: data checks and extraction.

The sentences are invented; only the zone names come from kg/data/national_dev_zones/national_etdz.csv.
"""
from __future__ import annotations

import csv
import json

import pytest

from kg.extract.gazetteer import DATA, Gazetteer
from kg.records import Article

ETDZ_CSV = DATA / "national_dev_zones" / "national_etdz.csv"
HITECH_CSV = DATA / "national_hitech_zones" / "national_hitech_zones_v2.csv"


def _rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


_article = Article.from_text


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _rows(ETDZ_CSV)


def test_same_columns_as_the_hitech_gazetteer(rows):
    assert list(rows[0].keys()) == list(_rows(HITECH_CSV)[0].keys())
    assert len(rows) >= 230


def test_no_duplicate_full_or_short_names(rows):
    full = [r["name_full"] for r in rows]
    short = [r["name_short"] for r in rows if r["name_short"]]
    assert len(full) == len(set(full))
    assert len(short) == len(set(short))


def test_short_name_is_the_jingkaiqu_form(rows):
    for r in rows:
        if r["name_full"].endswith("经济技术开发区"):
            assert r["name_short"] == r["name_full"][: -len("经济技术开发区")] + "经开区", r["name_full"]
        else:
            assert not r["name_short"].endswith("经开区"), r["name_full"]


def test_every_row_has_a_source(rows):
    assert all(r["source"].strip() for r in rows)


def test_province_and_city_exist_in_the_division_gazetteer(rows):
    tree = json.loads((DATA / "admin_divisions_china" / "pca-code.json").read_text(encoding="utf-8"))
    provinces = {p["name"]: p for p in tree}
    for r in rows:
        assert r["province"] in provinces, r
        prov = provinces[r["province"]]
        cities = {c["name"] for c in prov["children"]}
        counties = {d["name"] for c in prov["children"] for d in c.get("children", [])}
        # municipalities name themselves; province-administered county-level cities (石河子市) stand for the city
        assert r["city"] == r["province"] or r["city"] in cities or r["city"] in counties, r
        if r["district"]:
            assert r["district"] in counties, r


def test_loaded_beside_the_hitech_zones_without_replacing_them():
    gaz = Gazetteer.load()
    assert gaz.park_names["邵阳经开区"].name == "邵阳经济技术开发区"
    assert gaz.park_names["邵阳经济技术开发区"].province == "湖南省"
    # 苏州工业园区 is in both lists: the high-tech entry stays, and it is listed once
    hitech = {r["name_full"]: r for r in _rows(HITECH_CSV)}
    entry = gaz.park_names["苏州工业园区"]
    assert entry.short == hitech["苏州工业园区"]["name_short"]
    assert [p.name for p in gaz.parks].count("苏州工业园区") == 1
    for name, row in hitech.items():
        assert gaz.park_names[name].short == row["name_short"]


@pytest.mark.parametrize("text, full, short", [
    ("某公司今天宣布在邵阳经开区投资建设新工厂。", "邵阳经济技术开发区", "邵阳经开区"),
    ("临岳科技有限公司将在合肥蜀山经开区建设研发中心。", "合肥蜀山经济技术开发区", "合肥蜀山经开区"),
])
def test_short_name_in_text_gives_the_park_with_its_full_name(extractor, text, full, short):
    d = extractor.extract(_article(text))
    parks = [e for e in d.entities if e.cls.value == "Park"]
    assert [e.name for e in parks] == [full]
    assert short in parks[0].aliases
