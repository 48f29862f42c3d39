"""Domain supervision: silver sentences about parks and firms, generated from gazetteers and templates.

The public corpora are 1998 People's Daily / MSRA news and CLUENER web text, with few firms of the kind
ParkKG reads about (科技有限公司 in a 高新区). These templates put company names — Fortune Global 500 Chinese
names and synthetic ``[place][brand][industry][suffix]`` names — people, government bodies and places into
news-like sentences. Park names (national high-tech zone gazetteer) appear in them too, but as *missing*
spans: the model is neither taught that a park is an ORG/LOC nor that it is "outside"; the pipeline's rules
label parks. Deterministic for a given seed. Developer tooling for ``kg train``.
"""
from __future__ import annotations

import csv
import json
import random
from pathlib import Path

from kg.ner.corpora import AnnotatedSentence

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志文斌辉海波宁红玉兰鹏飞宇浩然晨阳雪梅琳凯峰亮成东林春雷新立永俊锋晓颖慧佳欣怡婷倩"
_BRAND = "博源华瑞恒通泰康宏达鑫盛天润中科启明英诺金诚汇智联创远航星云海信德众合安普睿新凯正嘉禾力拓易川精锐光谷赛维尔格隆腾飞奥特"
_INDUSTRY = ["科技", "电子", "新材料", "生物医药", "智能装备", "汽车零部件", "化工", "新能源", "机械", "信息技术",
             "光电", "半导体", "医疗器械", "环保科技", "数控", "软件", "网络科技", "精密制造", "食品", "纺织"]
_SUFFIX = ["有限公司", "股份有限公司", "集团有限公司", "集团", "公司", "有限责任公司", "股份公司"]
_ROLES = ["董事长", "总经理", "创始人", "技术负责人", "副总经理", "总裁", "负责人", "首席执行官"]
_GOV_ROLES = ["主任", "局长", "县长", "市长", "副主任", "党工委书记", "副局长"]
_GOV_SUFFIX = ["人民政府", "科技局", "发展和改革委员会", "工业和信息化局", "商务局", "市场监督管理局", "财政局"]
_PRODUCTS = ["芯片", "电池", "零部件", "传感器", "新型材料", "检测设备", "工业机器人", "软件系统", "模具", "药品"]

# {C}/{C2}: company, {F}: Fortune 500 firm, {P}: person, {L}: place, {G}: government body, {K}: park (missing),
# {R}: company role, {GR}: government role, {N}: number, {X}: product, {B}: a short company form (brand+公司)
_TEMPLATES = [
    "{C}落户{K}，项目总投资{N}亿元。",
    "位于{K}的{C}是一家专注于{X}研发的高新技术企业。",
    "{C}{R}{P}告诉记者，今年企业订单已排到年底。",
    "{P}是{C}的{R}，他表示企业将继续加大研发投入。",
    "{C}与{C2}签署战略合作协议，双方将在{X}领域开展合作。",
    "记者从{G}获悉，{C}、{C2}等企业已入驻{K}。",
    "世界500强企业{F}在{L}投资建设{X}生产基地。",
    "{F}与{C}达成合作，{C}将为其提供{X}。",
    "{G}{GR}{P}一行到{C}调研。",
    "{K}管委会{GR}{P}介绍，园区已聚集{N}家{X}企业。",
    "{C}的客户包括{F}等世界500强企业。",
    "{L}的{C}正在为{F}赶制一批{X}。",
    "据{C}{R}{P}介绍，{B}去年营业收入超过{N}亿元。",
    "{B}成立于{Y}年，总部位于{L}。",
    "{F}{R}{P}在{L}出席签约仪式。",
    "{P}说，{C}已与{F}建立长期合作关系。",
    "{L}{G2}与{C}举行项目签约仪式。",
    "近日，{C}被认定为国家级专精特新“小巨人”企业。",
    "{C}投资{N}亿元在{K}建设{X}项目。",
    "{C}旗下的{C2}主要生产{X}。",
]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


class _Gazetteers:
    def __init__(self, data_dir: Path):
        zones = _read_csv(data_dir / "national_hitech_zones/national_hitech_zones_v2.csv")
        self.parks = sorted({n for z in zones for n in (z["name_full"], z["name_short"]) if n})
        fortune = _read_csv(data_dir / "fortune_global500/fortune_global500_2022_zh_en.csv")
        self.fortune = sorted({n for r in fortune for n in (r["name_zh"], r["short_zh"]) if n})
        provinces = json.loads((data_dir / "admin_divisions_china/pca-code.json").read_text(encoding="utf-8"))
        cities = []
        for prov in provinces:
            for city in prov.get("children", []):
                if city["name"] not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                    cities.append(city["name"])
        self.provinces = sorted(p["name"] for p in provinces)
        self.cities = sorted(set(cities))
        self.short_cities = sorted({_short_place(c) for c in self.cities if c.endswith("市")
                                    and len(_short_place(c)) <= 3})
        self.short_places = sorted(set(self.short_cities) | {_short_place(p) for p in self.provinces
                                                             if len(_short_place(p)) <= 3})
        areas = _read_csv(data_dir / "admin_divisions_china/areas.csv")
        self.districts = sorted({a["name"] for a in areas if a["name"] not in ("市辖区",)})


def _short_place(name: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def generate(data_dir: str | Path, n: int, seed: int = 0) -> list[AnnotatedSentence]:
    """Return ``n`` silver sentences (deterministic for a given seed)."""
    gaz = _Gazetteers(Path(data_dir))
    rng = random.Random(seed)

    def place() -> str:
        pool = rng.choice((gaz.provinces, gaz.cities, gaz.cities, gaz.districts))
        name = rng.choice(pool)
        return _short_place(name) if rng.random() < 0.5 else name

    def brand() -> str:
        return "".join(rng.sample(_BRAND, rng.choice((2, 2, 2, 3))))

    def company() -> str:
        prefix = rng.choice(gaz.short_places) if rng.random() < 0.5 else ""
        return prefix + brand() + rng.choice(_INDUSTRY) + rng.choice(_SUFFIX)

    def person() -> str:
        return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))

    def gov() -> str:
        if rng.random() < 0.7:
            return rng.choice(gaz.short_cities) + "市" + rng.choice(_GOV_SUFFIX)
        return rng.choice(gaz.provinces) + rng.choice(_GOV_SUFFIX)

    out = []
    for _ in range(n):
        template = rng.choice(_TEMPLATES)
        values = {"C": ("ORG", company()), "C2": ("ORG", company()), "F": ("ORG", rng.choice(gaz.fortune)),
                  "P": ("PER", person()), "L": ("LOC", place()), "G": ("ORG", gov()), "G2": ("ORG", gov()),
                  "K": (None, rng.choice(gaz.parks)), "B": ("ORG", brand() + "公司"),
                  "R": ("", rng.choice(_ROLES)), "GR": ("", rng.choice(_GOV_ROLES)),
                  "N": ("", str(rng.randint(2, 300))), "X": ("", rng.choice(_PRODUCTS)),
                  "Y": ("", str(rng.randint(1990, 2022)))}
        text, spans, missing, pos = "", [], [], 0
        for literal, key in _split(template):
            text += literal
            if key is None:
                continue
            label, value = values[key]
            start = len(text)
            text += value
            if label is None:
                missing.append((start, len(text)))
            elif label:
                spans.append((start, len(text), label))
        out.append(AnnotatedSentence(text, tuple(spans), tuple(missing)))
    return out


def _split(template: str):
    """Yield (literal, key) pairs of a ``{KEY}`` template; the last key is None."""
    rest = template
    while rest:
        i = rest.find("{")
        if i < 0:
            yield rest, None
            return
        j = rest.index("}", i)
        yield rest[:i], rest[i + 1:j]
        rest = rest[j + 1:]
