"""Gazetteers shipped in ``kg/data`` (facts with their source and licence next to them) and a fast matcher.

- administrative divisions of China (NBS codes 2023, WTFPL): provinces, cities, county-level divisions;
- national high-tech zones (177 rows, full and short names, city and district);
- national economic and technological development zones (234 rows, X经济技术开发区 and its X经开区 short form);
- Fortune Global 500, 2022, Chinese and English names by rank;
- countries (a hand list of common news forms) and Chinese surnames.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.records import EntityClass

DATA = resources.files("kg") / "data"
PARK_FILES = (DATA / "national_hitech_zones" / "national_hitech_zones_v2.csv",
              DATA / "national_dev_zones" / "national_etdz.csv")

PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
CITY_SUFFIXES = ("自治州", "地区", "市", "盟")
COUNTY_SUFFIXES = ("自治县", "区", "县", "市", "旗")
# county-level names whose short form is an everyday word or a park/org word: never match the short form
_AMBIGUOUS_SHORT = {"城关", "新华", "长安", "城中", "城东", "城西", "城南", "城北", "郊区", "市中", "矿区", "开发",
                    "高新", "新城", "中山", "和平", "平安", "永安", "光明", "东方", "白云", "朝阳", "铁西", "铁东",
                    "新区", "南区", "北区", "东区", "西区", "中区", "河东", "河西", "江北", "江南", "红旗", "胜利",
                    "先锋", "立新", "东风", "前进", "解放", "文化", "建设", "复兴", "团结", "向阳", "和田", "吉利",
                    "大同", "海城", "安全", "宝安", "龙华", "通州", "城区", "双桥", "桥东", "桥西", "新兴", "兴业",
                    "资源", "开平", "普兰", "金平", "安宁", "安定", "永和", "宁安", "长宁", "临江", "西安", "五华"}


_FUNCTION_END = set("等的了和与及在是也都就")


@dataclass(frozen=True)
class PlaceEntry:
    code: str
    name: str            # official full name (聊城市)
    level: int           # 0 country, 1 province, 2 city, 3 county
    parent: str = ""     # code of the containing division ("" for provinces: 中国)
    short: str = ""


@dataclass(frozen=True)
class ParkEntry:
    name: str            # 沈阳高新技术产业开发区
    short: str           # 沈阳高新区
    province: str
    city: str
    district: str


@dataclass(frozen=True)
class FortuneEntry:
    rank: int
    name_zh: str
    name_en: str
    short_zh: str
    country: str


def _strip_suffix(name: str, suffixes: tuple[str, ...], min_len: int = 2) -> str:
    for suf in suffixes:
        if name.endswith(suf) and len(name) - len(suf) >= min_len:
            return name[: -len(suf)]
    return ""


def _common_word(s: str) -> bool:
    """A county's short form that is an everyday word (合作, 比如, 振兴) is not matched on its own."""
    from kg.extract.word_classes import tag

    t = tag(s)
    if t in ("ns", "nz", "nt"):
        return False          # 义乌 (nz): a place name
    if t in ("nr", "nrt", "nrfg"):
        return len(s) < 3     # 张家港 is a place; two characters tagged as a person (安达, 惠民) are too often names
    return t is not None


def _person_like(s: str) -> bool:
    from kg.extract.word_classes import tag

    return tag(s) in ("nr", "nrt", "nrfg")


def english_display(name_en: str) -> str:
    """Fortune's upper-case names in the form news uses: MAGNA INTERNATIONAL -> Magna International.

    Short all-caps words (LG, SK, BMW, AT&T) and words with digits stay as they are.
    """
    words = []
    for w in name_en.split():
        if len(w) <= 3 or any(c.isdigit() or c in "&." for c in w):
            words.append(w if w not in ("OF", "AND", "THE") else w.lower())
        else:
            words.append(w[:1] + w[1:].lower())
    return " ".join(words)


class Gazetteer:
    """All gazetteers, loaded once (``Gazetteer.load()`` is cached)."""

    def __init__(self) -> None:
        self.places: dict[str, PlaceEntry] = {}          # code -> entry
        self.place_names: dict[str, str] = {}            # any name form -> code
        self.parks: list[ParkEntry] = []
        self.park_names: dict[str, ParkEntry] = {}       # full or short -> entry
        self.fortune: list[FortuneEntry] = []
        self.fortune_names: dict[str, FortuneEntry] = {}
        self.surnames: set[str] = set()
        self.gov_bodies: dict[str, str] = {}             # any name -> official name (中科院 -> 中国科学院)
        self.weak_place_names: dict[str, str] = {}       # county short forms read as names too -> code
        self.listed: dict[str, str] = {}                 # A-share short name (迈瑞医疗) -> stock code

    # ------------------------------------------------------------------ loading
    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "Gazetteer":
        g = cls()
        g._load_countries()
        g._load_divisions()
        g._load_parks()
        g._load_fortune()
        g._load_listed()
        g._load_surnames()
        text = (DATA / "gov_bodies_zh.txt").read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith("#"):
                continue
            for item in line.split():
                names = item.split("=")
                for n in names:
                    g.gov_bodies[n] = names[0]
        return g

    def _add_place(self, entry: PlaceEntry, *names: str) -> None:
        self.places[entry.code] = entry
        for n in names:
            if n and n not in self.place_names:
                self.place_names[n] = entry.code

    def _load_countries(self) -> None:
        text = (DATA / "countries_zh.txt").read_text(encoding="utf-8")
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            names = [n.strip() for n in line.split(",") if n.strip()]
            code = "C:" + names[0]
            self._add_place(PlaceEntry(code, names[0], 0), *[n for n in names if n != "我国"])

    def _load_divisions(self) -> None:
        tree = json.loads((DATA / "admin_divisions_china" / "pca-code.json").read_text(encoding="utf-8"))
        placeholder = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
        # provinces and cities first: a county's short form never takes a province's or city's name (天津市河北区
        # is not 河北)
        for prov in tree:
            pname = prov["name"]
            self._add_place(PlaceEntry(prov["code"], pname, 1, "C:中国", _strip_suffix(pname, PROVINCE_SUFFIXES)),
                            pname, _strip_suffix(pname, PROVINCE_SUFFIXES))
        for prov in tree:
            for city in prov.get("children", []):
                if city["name"] not in placeholder:
                    cshort = _strip_suffix(city["name"], CITY_SUFFIXES)
                    self._add_place(PlaceEntry(city["code"], city["name"], 2, prov["code"], cshort), city["name"], cshort)
        for prov in tree:
            pname = prov["name"]
            pshort = _strip_suffix(pname, PROVINCE_SUFFIXES)
            pentry = PlaceEntry(prov["code"], pname, 1, "C:中国", pshort)
            self._add_place(pentry, pname, pshort)
            for city in prov.get("children", []):
                cname = city["name"]
                parent = prov["code"]
                if cname in placeholder:
                    centry = None
                else:
                    cshort = _strip_suffix(cname, CITY_SUFFIXES)
                    centry = PlaceEntry(city["code"], cname, 2, parent, cshort)
                    self._add_place(centry, cname, cshort)
                for county in city.get("children", []):
                    code = county["code"]
                    name = county["name"]
                    if "70" <= code[4:6] <= "79" or "开发区" in name or "高新" in name or name in placeholder:
                        continue  # functional zones (xx7x) are parks, not places; 8x-9x are county-level cities (昆山市)
                    short = _strip_suffix(name, COUNTY_SUFFIXES)
                    weak = ""
                    if short in _AMBIGUOUS_SHORT or len(short) < 2 or _common_word(short) or short[-1] in _FUNCTION_END:
                        # 天等 (蓝天等): a short form ending in a function character; 昌乐, 嘉善 (also read as
                        # personal names) count only where the text confirms them (山东昌乐, 浙江嘉善)
                        if len(short) >= 2 and _person_like(short) and short not in _AMBIGUOUS_SHORT:
                            weak = short
                        short = ""
                    entry = PlaceEntry(code, name, 3, centry.code if centry else parent, short)
                    if weak:
                        self.weak_place_names.setdefault(weak, code)
                    # districts named by a direction alone (东区, 郊区, 矿区) are everyday words: not matched
                    self._add_place(entry, "" if name in _AMBIGUOUS_SHORT else name, short)
        # Hong Kong, Macao, Taiwan: top level only
        for name in ("香港特别行政区", "澳门特别行政区", "台湾省"):
            short = _strip_suffix(name, PROVINCE_SUFFIXES)
            self._add_place(PlaceEntry("HMT:" + short, name, 1, "C:中国", short), name, short)

    def _load_parks(self) -> None:
        # high-tech zones first: a zone in both lists (苏州工业园区) keeps its high-tech entry
        for path in PARK_FILES:
            with path.open(encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    if row["name_full"] in self.park_names:
                        continue
                    entry = ParkEntry(row["name_full"], row["name_short"], row["province"], row["city"],
                                      row.get("district", ""))
                    self.parks.append(entry)
                    for n in (entry.name, entry.short):
                        if n:
                            self.park_names.setdefault(n, entry)

    def _load_fortune(self) -> None:
        path = DATA / "fortune_global500" / "fortune_global500_2022_zh_en.csv"
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                entry = FortuneEntry(int(row["rank"]), row["name_zh"], english_display(row["name_en"]),
                                     row["short_zh"], row["country"])
                self.fortune.append(entry)
                for n in (entry.name_zh, entry.short_zh):
                    if n and len(n) >= 2:
                        self.fortune_names.setdefault(n, entry)
        # the short names Chinese news uses for Chinese members (中国电信, 南方电网, 一汽, 中石化), written by hand
        by_rank = {e.rank: e for e in self.fortune}
        with (DATA / "fortune_global500" / "short_names_zh.csv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                entry = by_rank[int(row["rank"])]
                for n in row["news_short_names"].split(";"):
                    self.fortune_names.setdefault(n, entry)

    def _load_listed(self) -> None:
        with (DATA / "listed_companies" / "a_share_names.csv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                self.listed.setdefault(row["name"], row["code"])

    def _load_surnames(self) -> None:
        text = (DATA / "surnames_zh.txt").read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith("#"):
                continue
            self.surnames.update(line.split())

    # ------------------------------------------------------------------ queries
    def place(self, name: str) -> PlaceEntry | None:
        code = self.place_names.get(name)
        return self.places.get(code) if code else None

    def parent_of(self, entry: PlaceEntry) -> PlaceEntry | None:
        return self.places.get(entry.parent) if entry.parent else None

    def contains(self, outer: PlaceEntry, inner: PlaceEntry) -> bool:
        cur = self.parent_of(inner)
        while cur is not None:
            if cur.code == outer.code:
                return True
            cur = self.parent_of(cur)
        return False

    def fortune_entry(self, name: str) -> FortuneEntry | None:
        return self.fortune_names.get(name)


@dataclass
class DictMatcher:
    """Longest-match dictionary lookup over a string (non-overlapping, left to right).

    Indexed by first character so that only positions that can start a term are tried.
    """

    terms: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lengths: dict[str, list[int]] = {}
        for t in self.terms:
            self._lengths.setdefault(t[0], []).append(len(t))
        for k, v in self._lengths.items():
            self._lengths[k] = sorted(set(v), reverse=True)

    def finditer(self, text: str):
        i, n = 0, len(text)
        lengths, terms = self._lengths, self.terms
        while i < n:
            ls = lengths.get(text[i])
            if ls:
                for L in ls:
                    if i + L <= n:
                        s = text[i:i + L]
                        if s in terms:
                            yield i, i + L, terms[s]
                            i += L
                            break
                else:
                    i += 1
                    continue
                continue
            i += 1


CLASS_OF_GAZETTEER = {"place": EntityClass.PLACE, "park": EntityClass.PARK, "fortune": EntityClass.COMPANY}
