"""From candidate mentions to the entities of one article: overlaps, aliases, short forms, Fortune 500.

Output: a list of :class:`Ent` (document entities) and the accepted mentions, each pointing at its entity.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract import lexicon as L
from kg.extract import word_classes as words
from kg.extract.entities import _NATIONAL_PHRASE, EntityFinder
from kg.extract.gazetteer import PlaceEntry
from kg.extract.names import company_core, group_and_member, is_abbreviation, strip_trades
from kg.extract.types import Cand, Ent
from kg.records import EntityClass
from kg.vocab import normalise_name, park_key

_CJK = re.compile(f"[{L.CJK}]")
ALIAS_RE = re.compile(r"[（(](?:以下简称|以下称|下称|简称|以下简称为)[“\"《]?([^）)”\"》]{2,20})[”\"》]?[）)]")
_ORG_SUFFIXES = ("集团", "公司", "银行")
_PARK_SUFFIXES = tuple(s for s, c in L.SUFFIXES if c is EntityClass.PARK) + ("园区", "园")
F500_CUE = re.compile(r"(?:世界|全球)\s*500\s*强")


_PLACE_WORD_ENDS = frozenset("港湾区县市镇村路街湖山河岛桥站")
_DIVISION_ENDS = ("省", "市", "区", "县", "镇", "乡", "旗", "州", "街道", "盟", "村")
_LEGAL_ENDS = ("公司", "集团", "银行", "厂", "社", "所", "行", "店")
# trade words that are also verbs or generic nouns: not taken on their own before a product (某某|建设…项目)
_VERB_TRADES = frozenset({"建设", "发展", "投资", "开发", "管理", "系统", "服务"})
# the level word of a place name (青川|市 is no whole place: the name goes on)
_LEVEL_CHARS = frozenset("省市区县州旗镇乡盟")
# what may follow a firm's name written with its industry: a list mark, a clause mark, a project or a count
_FIRM_NAME_END = re.compile(r"$|[、，,；;。：:．.\s（(）)“”\"等和及与的]|项目|年产|总部|基地|生产|工厂|新厂|[0-9０-９一二三四五六七八九十两]")

# a product named after a firm's trade words (某嘉电子智能|传感器项目): the firm is the brand and its first trade word
_PRODUCT_AFTER = re.compile(f"[{L.CJK}]{{1,8}}?(?:项目|生产线|基地)")

# bodies named by their level alone, and the place level each stands for
_BARE_LEVEL_BODIES = frozenset("市委 县委 区委 省委 市政府 县政府 区政府 省政府 市人民政府 县人民政府 区人民政府 省人民政府".split())
_LEVEL_OF = {"省": 1, "市": 2, "县": 3, "区": 3}


class Resolver:
    def __init__(self, finder: EntityFinder):
        self.finder = finder
        self.gaz = finder.gaz

    # ------------------------------------------------------------------ overlaps
    @staticmethod
    def select(cands: list[Cand]) -> tuple[list[Cand], dict[int, list[Cand]]]:
        """Non-overlapping mentions (longest, then strongest) and, per accepted mention, the candidates inside it."""
        order = sorted(range(len(cands)), key=lambda i: (-cands[i].length, -cands[i].score, cands[i].start))
        taken: list[Cand] = []
        occupied = bytearray(max((c.end for c in cands), default=0) + 1)
        for i in order:
            c = cands[i]
            if any(occupied[c.start:c.end]):
                continue
            occupied[c.start:c.end] = b"\x01" * c.length
            taken.append(c)
        taken.sort(key=lambda c: c.start)
        inner: dict[int, list[Cand]] = {}
        starts = [t.start for t in taken]
        for c in cands:
            # the accepted mentions do not overlap: only the last one starting at or before c can hold it
            k = bisect_right(starts, c.start) - 1
            if k < 0:
                continue
            t = taken[k]
            if t is not c and c.end <= t.end and (c.start, c.end) != (t.start, t.end):
                inner.setdefault(id(t), []).append(c)
        return taken, inner

    def _country_inside(self, text: str, mentions: list[Cand], inner: dict[int, list[Cand]]) -> None:
        """中国 opening an organisation's or park's name (中国某车, 中国某业银行, 中国(某省)自贸试验区) is a place of the
        name, as 加拿大 is in 加拿大某某公司, also where the gazetteer matched the whole name (a Fortune Global 500 firm
        whose name starts with the country)."""
        china = self.gaz.place("中国")
        if china is None:
            return
        for m in mentions:
            if m.cls is EntityClass.PLACE or m.cls is EntityClass.PERSON or m.length < 4 \
                    or text[m.start:m.start + 2] not in ("中国", "中國") or _NATIONAL_PHRASE.match(text, m.start + 2):
                continue     # (中国特色社会主义现代化产业园: a slogan, not the country)
            if any(c.cls is EntityClass.PLACE and c.start == m.start for c in inner.get(id(m), ())):
                continue
            inner.setdefault(id(m), []).append(Cand(m.start, m.start + 2, EntityClass.PLACE, "gazetteer", 2, place=china,
                                                    text=text[m.start:m.start + 2]))

    # ------------------------------------------------------------------ main
    def resolve(self, text: str, cands: list[Cand]) -> tuple[list[Ent], list[Cand], dict[int, list[Cand]]]:
        self._alias_links: list[tuple[str, str]] = []
        cands = self._explicit_aliases(text, cands)
        mentions, inner = self.select(cands)
        ents: list[Ent] = []
        by_key: dict[tuple, Ent] = {}

        def key_of(c: Cand) -> tuple:
            if c.cls is EntityClass.PLACE and c.place is not None:
                return ("place", c.place.code)
            if c.cls is EntityClass.PARK:
                if c.park is not None:
                    return ("park", park_key(c.park.short or c.park.name))
                return ("park", self._park_variant_key(c.text))
            if c.fortune is not None:
                return ("fortune", c.fortune.rank)
            if c.official:
                return (c.cls.value, c.official)
            return (c.cls.value, normalise_name(c.text))

        def entity_for(c: Cand) -> Ent:
            k = key_of(c)
            e = by_key.get(k)
            if e is None:
                e = Ent(len(ents), c.cls)
                ents.append(e)
                by_key[k] = e
            return e

        self._country_inside(text, mentions, inner)
        # nested gazetteer places and parks inside accepted names are entities too (加拿大 in 加拿大麦格纳公司)
        for m in mentions:
            e = entity_for(m)
            e.add(m)
            self._absorb(e, m)
            for c in inner.get(id(m), []):
                if m.cls is EntityClass.PERSON or (m.source == "place-brand" and m.fortune is None
                                                   and c.cls is EntityClass.PLACE and c.place is not None
                                                   and c.place.level > 0):
                    break    # 安达 in 吕安达 is a given name, not a place; 某城时代 is a brand
                if c.source == "gazetteer" and c.cls is EntityClass.PARK and self._park_word_only(text, m, c):
                    continue
                if c.cls is EntityClass.PLACE and c.place is not None and c.place.level == 0 and c.start == m.start \
                        and m.cls in (EntityClass.INSTITUTE, EntityClass.GOVERNMENT_BODY) and any(
                            x.source == "gazetteer" and x.official and x.start == m.start for x in inner[id(m)]):
                    continue     # 中国科学院X大学: the country is part of a national body's fixed name
                if c.cls is EntityClass.PLACE and c.place is not None and c.place.level > 0 and m.park is not None \
                        and m.park.province and not self._in_province(c.place, m.park.province):
                    continue     # 东湖 of 东湖高新区 (a Wuhan zone) is not the 东湖区 of another province
                if (c.source == "gazetteer" and c.cls in (EntityClass.PLACE, EntityClass.PARK)) or \
                        (c.source == "gazetteer" and c.fortune is not None and m.source == "sub-brand") or \
                        (c.source in ("gazetteer", "listed") and c.cls is EntityClass.COMPANY
                         and m.cls is EntityClass.PARK) or \
                        (c.source == "suffix" and c.start == m.start and c.cls in (EntityClass.PARK, EntityClass.COMPANY)
                         and m.cls is not EntityClass.PLACE) or \
                        (c.source == "park-brand" and c.start == m.start and m.cls is EntityClass.PARK) or \
                        (c.start == m.start and c.end < m.end and c.cls is m.cls is EntityClass.INSTITUTE
                         and c.source == "suffix" and text.endswith("大学", c.start, c.end)):
                    # 某某大学|岩土所, 某某大学|某某研究院: the university is an institute too; a known firm that
                    # names a park (某市|某为…产业园) is a firm too
                    ie = entity_for(c)
                    c.text = text[c.start:c.end]
                    ie.add(c)
                    self._absorb(ie, c)
        self._merge_variants(ents)
        self._park_cores_named_as_places(ents, mentions)
        self._counties_of_other_cities(ents, mentions)
        ents = [e for e in ents if e.mentions]
        mentions = self._short_forms(text, ents, mentions)
        self._fortune(text, ents)
        taken = {normalise_name(n) for e in ents for n in e.names}
        for e in ents:
            if e.cls is EntityClass.PARK:
                written = list(e.names)      # (the aliases below come from the names as written)
                self._province_free_alias(e)
                self._district_free_alias(e, written, taken)
            elif e.cls is EntityClass.COMPANY:
                self._industry_names(text, e, taken)
                self._country_free_alias(e, taken)
        for i, e in enumerate(ents):
            e.idx = i
        return ents, mentions, inner

    def park_core(self, name: str) -> str:
        """The distinctive part of a park's name: places before it and the park word after it removed
        (某市云屏湖高新技术产业开发区 -> 云屏湖); '' when nothing distinctive is left."""
        n = normalise_name(name)
        for suf in sorted(_PARK_SUFFIXES, key=len, reverse=True):
            if n.endswith(suf) and len(n) > len(suf):
                n = n[: -len(suf)]
                break
        else:
            return ""
        changed = True
        while changed and len(n) > 2:
            changed = False
            for k in (3, 2):
                p = self.gaz.place(n[:k])
                if p is not None and p.level <= 2 and len(n) - k >= 2:
                    n, changed = n[k:], True
                    break
        place = self.gaz.place(n)
        if place is not None and place.name.endswith(_DIVISION_ENDS):
            return ""        # 青川高新区: a division and the park word, nothing of the park's own
        return n if len(n) >= 2 and not words.is_generic_phrase(n) else ""

    def _counties_of_other_cities(self, ents: list[Ent], mentions: list[Cand]) -> None:
        """A county's short form seen only inside other names (东湖 of 某汉东湖高新区, 滨海 of a coastal new area, 中原 of a
        park) is the county only when a province or city the article names contains it: 东湖 in a park of a city that
        is not the county's is a lake's name, 滨海 a coast's, not the 东湖区 or 滨海县 of another province."""
        top = {id(m) for m in mentions}
        upper = [e.place for e in ents if e.cls is EntityClass.PLACE and e.mentions and e.place is not None
                 and e.place.level in (1, 2)]
        if not upper:
            return
        for e in ents:
            if e.cls is not EntityClass.PLACE or e.place is None or e.place.level != 3 or not e.mentions:
                continue
            if any(id(m) in top or normalise_name(m.text) == normalise_name(e.place.name) for m in e.mentions):
                continue
            if not any(self.gaz.contains(p, e.place) for p in upper):
                e.mentions = []

    def _park_cores_named_as_places(self, ents: list[Ent], mentions: list[Cand]) -> None:
        """A place that is no division (a town-level area, a lake) and is the distinctive part of a park named in the
        article is the park's short name there (云屏湖 of 某市云屏湖高新区): its mentions of its own become the
        park's; those inside the park's name go."""
        cores: dict[str, Ent] = {}
        for e in ents:
            if e.cls is EntityClass.PARK and e.mentions:
                for n in e.names:
                    c = self.park_core(n)
                    if c:
                        cores.setdefault(c, e)
        if not cores:
            return
        top = {id(m) for m in mentions}
        for e in ents:
            if e.cls is not EntityClass.PLACE or not e.mentions or e.place is None:
                continue
            park = cores.get(normalise_name(e.label))
            if park is None or e.label.endswith(_DIVISION_ENDS):
                continue
            for c in e.mentions:
                if id(c) in top:
                    c.cls = EntityClass.PARK
                    park.add(c)
            e.mentions, e.names = [], []

    def _in_province(self, place: PlaceEntry, province: str) -> bool:
        home = self.gaz.place(province)
        return home is None or place.code == home.code or self.gaz.contains(home, place)

    def _province_free_alias(self, e: Ent) -> None:
        """云南岳川经济开发区 is also called 岳川经济开发区: a park named with its province before its city gets the
        name without the province as an alias (skos:altLabel), so that either form finds it."""
        for name in list(e.names):
            n = normalise_name(name)
            for k in (3, 2):
                entry = self.gaz.place(n[:k])
                rest = n[k:]
                if entry is not None and entry.level == 1 and len(rest) >= 5 and self.gaz.place(rest[:2]) \
                        and self.finder.suffix_re.search(rest) and rest not in e.names:
                    e.names.append(rest)
                    break

    def _district_free_alias(self, e: Ent, written: list[str], taken: set[str]) -> None:
        """某宁市某宁区新兴产业园 is also 某宁区新兴产业园 (a city before its district); 某平区岚湖科学城 and 重庆市某某新城
        are also 岚湖科学城 and 某某新城 (a district or a municipality before a name not made of common words alone)."""
        for name in written:
            n = normalise_name(name)
            for k in (3, 2):
                entry = self.gaz.place(n[:k])
                rest = n[k:]
                if entry is None or entry.level not in (1, 2, 3) or len(rest) < 4 or rest in e.names or rest[0] in _LEVEL_CHARS \
                        or normalise_name(rest) in taken or rest in L.BARE_PARK_WORDS:
                    continue
                sm = self.finder.suffix_re.search(rest)
                if sm is None or sm.end() != len(rest) or sm.start() < 2:
                    continue
                inner = self.gaz.place(rest[:2]) or self.gaz.place(rest[:3])
                city_district = entry.level == 2 and inner is not None and inner.level == 3
                own_name = entry.level in (1, 3) and inner is None and not words.is_generic_phrase(rest) \
                    and not words.leading_function_words(rest)
                if city_district or own_name:
                    e.names.append(rest)
                    taken.add(normalise_name(rest))
                break

    def _country_free_alias(self, e: Ent, taken: set[str]) -> None:
        """A foreign firm written with its country (瑞士某某, 澳大利亚某拓) is also called by its name alone."""
        if e.fortune is not None or e.official:
            return
        for n in list(e.names):
            for k in (5, 4, 3, 2):
                entry = self.gaz.place(n[:k]) if len(n) > k + 1 else None
                if entry is None or entry.level != 0 or entry.code == "C:中国":
                    continue
                rest = n[k:]
                if rest not in e.names and normalise_name(rest) not in taken and not words.is_generic_phrase(rest) \
                        and not words.leading_function_words(rest):
                    e.names.append(rest)
                    taken.add(normalise_name(rest))
                break

    def _industry_names(self, text: str, e: Ent, taken: set[str]) -> None:
        """A firm's short name is its brand and its industry, and either part names it: 宝岭激光 is also 宝岭, and a
        brand written before industry words (`宝岭激光、…`, `宝岭机电设备项目`) is also called by the longer form,
        which becomes its label (the fullest name). Registered names (…公司, …集团), Fortune Global 500 firms and
        fixed names are left as they are; no name of another entity of the article is taken."""
        if e.fortune is not None or e.official or any(n.endswith(_LEGAL_ENDS) for n in e.names):
            return
        for m in e.mentions:
            if any(m.text.endswith(w) and len(m.text) - len(w) >= 2 for w in L.FIRM_INDUSTRY_WORDS):
                continue     # 某松科技|激光焊接设备二期: a name that has its trade already is not extended by a product
            at = m.end
            ends = []
            while at - m.end < 8:
                word = next((w for w in L.FIRM_INDUSTRY_WORDS if text.startswith(w, at)), None)
                if word is None:
                    break
                at += len(word)
                ends.append(at)
            if ends and not _FIRM_NAME_END.match(text, at):
                # 某嘉电子|智能传感器…项目: the brand and its first trade word, before a product
                # (某玛特|汽车零部件…项目); one trade word, then a product, is the firm's (某岳医药|透皮贴剂项目) unless
                # it starts a longer word (某云|数据中心项目)
                one = len(ends) == 1 and words.tokens(text[m.end:m.end + 8])[:1] == [text[m.end:ends[0]]] \
                    and text[m.end:ends[0]] not in _VERB_TRADES
                at = ends[0] if one or len(ends) > 1 and _PRODUCT_AFTER.match(text, ends[-1]) and not any(
                    text.startswith(w, m.end) for w in L.PRODUCT_WORDS) else m.end
            longer = text[m.start:at]
            if at > m.end and len(normalise_name(m.text)) <= 6 \
                    and normalise_name(longer) not in taken and longer not in e.names:
                e.names.append(longer)
                taken.add(normalise_name(longer))
        for n in list(e.names):
            brand = strip_trades(n)
            if brand != n and len(brand) >= 2 and brand not in e.names and normalise_name(brand) not in taken \
                    and not self.gaz.place(brand) and not words.is_generic_phrase(brand) \
                    and not words.leading_function_words(brand) and _CJK.match(brand):
                e.names.append(brand)
                taken.add(normalise_name(brand))

    def _park_variant_key(self, name: str) -> str:
        """长春南关区(长春高新区)数字产业园 = 长春南关数字产业园; X产业园区 = X产业园: brackets dropped, places in
        their short form, 园区 as 园."""
        n = park_key(name)
        out, i = [], 0
        while i < len(n):
            for k in (4, 3, 2):
                w = n[i:i + k]
                entry = self.gaz.place(w) if len(w) == k else None
                if entry is not None and entry.short and w == entry.name and entry.level > 0:
                    out.append(entry.short)
                    i += k
                    break
            else:
                out.append(n[i])
                i += 1
        n = "".join(out)
        return n[:-2] + "园" if n.endswith("园区") and len(n) > 4 else n

    def _park_word_only(self, text: str, m: Cand, c: Cand) -> bool:
        """A well-known park's short name (no park suffix of its own) inside another name is a word of that name,
        not a mention of the park: 某园发展集团, 某园信息谷公司, 某园人工智能产业园; nor is a park's name after a dash
        (东岭—西山科技园 is one park)."""
        inner = text[c.start:c.end]
        if any(ch in "—-－" for ch in text[m.start:c.start]):
            return True
        return c.start >= m.start and c.end < m.end and not inner.endswith(_PARK_SUFFIXES)

    def _qualified_park(self, prefix: str, short: str) -> bool:
        """沪黔协作昆仑科技城 / 昆仑科技城 where the short name starts with its city: the words before it qualify the
        same park (partners, a brand); a park name before it (X新区Y产业园) makes the longer one a park inside X."""
        if len(prefix) > 6 or not any(self.gaz.place(short[:k]) for k in (2, 3)):
            return False
        return not any(x in prefix for x in _PARK_SUFFIXES) and not any(ch in "—-－" for ch in prefix)

    def _place_chain(self, s: str) -> bool:
        """``s`` is one or more place names in a row (内蒙古鄂尔多斯, 山东省济宁市, 西安): the leading places of a
        name that is otherwise the same as a shorter one."""
        if not s:
            return False
        ok = [False] * (len(s) + 1)
        ok[0] = True
        for i in range(len(s)):
            if not ok[i]:
                continue
            for k in range(2, min(8, len(s) - i) + 1):
                if self.gaz.place(s[i:i + k]) is not None:
                    ok[i + k] = True
        return ok[len(s)]

    def _local_branch(self, a: str, b: str) -> bool:
        """昆山X集团 and X集团, both full names: the city's firm is a local one, not the same firm (a country or
        province prefix names the same firm: 加拿大麦格纳公司 / 麦格纳公司)."""
        a, b = normalise_name(a), normalise_name(b)
        if len(a) < len(b):
            a, b = b, a
        if a == b or not a.endswith(b) or not b.endswith(_ORG_SUFFIXES):
            return False
        place = self.gaz.place(a[: -len(b)])
        return place is not None and place.level >= 2

    def _brand_of(self, short: Ent, cs: str, full: Ent, cf: str) -> bool:
        """某阳岳拓 / 某阳岳拓汽车配件制造有限公司, 某岳聚芯 / 某岳聚芯半导体: a brand that no gazetteer
        knows (a known brand names a group and its members) is the short form of a firm named by it and words of its
        trade, not that firm's parent."""
        if len(cs) < 2 or not cf.startswith(cs) or len(cf) == len(cs) or short.f500 or any(
                c.source in ("gazetteer", "listed", "sub-brand") for c in short.mentions):
            return False
        ls = normalise_name(short.label)
        if ls.endswith(_ORG_SUFFIXES) or len(normalise_name(full.label)) <= len(ls):
            return False
        bare = next((ls[k:] for k in (4, 3, 2) if len(ls) - k >= 2 and self.gaz.place(ls[:k])), ls)
        if bare != cs:
            return False     # 某达科技: a brand with a trade word of its own, a firm (a parent) of its own
        rest = cf[len(cs):]
        return words.is_generic_phrase(rest) and not self._separate_org(rest)

    def _separate_org(self, rest: str) -> bool:
        """What follows a firm's name in a longer one makes another organisation: a place (建设银行河北省分行)
        or an organisation suffix of its own (北方重工沈阳齿轮公司)."""
        if any(self.gaz.place(rest[:k]) for k in (2, 3, 4)):
            return True
        return rest.endswith(tuple(s for s, c in L.SUFFIXES if c in (EntityClass.COMPANY, EntityClass.INSTITUTE)))

    def _absorb(self, e: Ent, c: Cand) -> None:
        if c.place is not None and e.place is None:
            e.place = c.place
            e.official = c.place.name if c.place.level > 0 else ""
        if c.park is not None and e.park is None:
            e.park = c.park
            e.official = c.park.name
        if c.fortune is not None and e.fortune is None:
            e.fortune = c.fortune
        if c.official and not e.official:
            e.official = c.official
            if c.official not in e.names:
                e.names.append(c.official)

    def _explicit_aliases(self, text: str, cands: list[Cand]) -> list[Cand]:
        """`X（以下简称Y）`: Y names the entity right before the bracket; every later Y is a mention of it."""
        extra: list[Cand] = []
        for m in ALIAS_RE.finditer(text):
            alias = m.group(1).strip()
            before = [c for c in cands if c.end == m.start() and c.cls is not EntityClass.PERSON]
            if not before or alias.startswith("《"):
                continue
            head = max(before, key=lambda c: c.length)
            for occ in re.finditer(re.escape(alias), text):
                if occ.start() == m.start(1):
                    continue
                extra.append(Cand(occ.start(), occ.end(), head.cls, "alias", 5, park=head.park,
                                  fortune=head.fortune, text=alias))
            # the alias inside the bracket itself, so that it is recorded as a name
            extra.append(Cand(m.start(1), m.start(1) + len(alias), head.cls, "alias", 5, park=head.park,
                              fortune=head.fortune, text=alias))
            head_text = text[head.start:head.end]
            self._alias_links.append((head_text, alias))
        return cands + extra

    def _merge_variants(self, ents: list[Ent]) -> None:
        """Merge entities that are the same by alias declaration or abbreviation."""
        links = getattr(self, "_alias_links", [])
        name_to_ent: dict[str, Ent] = {}
        for e in ents:
            for n in e.names:
                name_to_ent.setdefault(normalise_name(n), e)
        for full, alias in links:
            a, b = name_to_ent.get(normalise_name(full)), name_to_ent.get(normalise_name(alias))
            if a is not None and b is not None and a is not b:
                self._merge(a, b)
        # a name with a leading place is the same as the name without it (长春南关区政府 / 南关区政府)
        live = [e for e in ents if e.mentions and e.cls not in (EntityClass.PLACE, EntityClass.PERSON)]
        # pairs are compared within buckets of a cheap key that any merging pair shares (all pairs of a long
        # document would be quadratic): here the class and the last three characters of the name
        def tail_key(e: Ent) -> tuple:
            n = normalise_name(e.label)
            if e.cls is EntityClass.PARK:
                n = self._park_variant_key(n)
            return (e.cls, n[-3:])

        by_tail: dict[tuple, list[Ent]] = {}
        for e in live:
            by_tail.setdefault(tail_key(e), []).append(e)
        for e in live:
            if not e.mentions:
                continue
            for f in by_tail.get(tail_key(e), ()):
                if e is f or not e.mentions or not f.mentions or e.cls is not f.cls:
                    continue
                le, lf = normalise_name(e.label), normalise_name(f.label)
                if e.cls is EntityClass.PARK:   # 长春南关区(长春高新区)数字产业园 / 南关数字产业园区
                    le, lf = self._park_variant_key(le), self._park_variant_key(lf)
                place = self.gaz.place(le[: -len(lf)]) if len(lf) >= 3 and len(le) > len(lf) and le.endswith(lf) else None
                # a firm named with its city (昆山X集团) may be the local subsidiary of X集团: only a country or
                # province merges firms (加拿大麦格纳公司 / 麦格纳公司)
                if place is not None and (e.cls is not EntityClass.COMPANY or place.level <= 1):
                    self._merge(e, f)
                elif e.cls is EntityClass.PARK and len(lf) >= 4 and len(le) > len(lf) and le.endswith(lf) \
                        and (self._place_chain(le[: -len(lf)]) or self._qualified_park(le[: -len(lf)], lf)):
                    self._merge(e, f)    # 省 + 市 + X经济开发区 / X经济开发区: a chain of places, then the name
        # a park written as its city + one of its known names (武汉东湖高新区 = 东湖高新区, the short name of
        # 武汉东湖新技术开发区): parks are few per article, so every pair is compared
        parks = [e for e in live if e.cls is EntityClass.PARK]
        for e in parks:
            for f in parks:
                if e is f or not e.mentions or not f.mentions:
                    continue
                le = self._park_variant_key(normalise_name(e.label))
                for n in f.names:
                    ln = self._park_variant_key(normalise_name(n))
                    if len(ln) >= 4 and len(le) > len(ln) and le.endswith(ln) and self._place_chain(le[:-len(ln)]):
                        self._merge(f, e)
                        break
        # a body named by its level alone (市委, 县政府) is the article's one body of that kind named with its place
        # (某阳市委 ... 市委常委、副市长X): the conventions put the official in the named body
        bodies = [e for e in live if e.cls is EntityClass.GOVERNMENT_BODY and e.mentions]
        for e in bodies:
            bare = normalise_name(e.label)
            if bare not in _BARE_LEVEL_BODIES or not e.mentions:
                continue
            named = [f for f in bodies if f is not e and f.mentions and self._named_level_body(normalise_name(f.label), bare)]
            if len(named) == 1:
                self._merge(named[0], e)
        # a firm's short form seen as an entity of its own (麦格纳 / 加拿大麦格纳公司, 浦项制铁 / 韩国浦项集团)
        firms = [e for e in ents if e.cls is EntityClass.COMPANY and e.mentions]
        by_core: dict[str, list[Ent]] = {}     # a merging pair's cores share their first two characters
        for f in firms:
            by_core.setdefault(company_core(f.label, self.gaz)[:2], []).append(f)
        for e in firms:
            if not e.mentions:
                continue
            ce = company_core(e.label, self.gaz)
            if len(ce) < 2:
                continue
            for f in by_core.get(ce[:2], ()):
                if f is e or not f.mentions or not e.mentions:
                    continue
                cf = company_core(f.label, self.gaz)
                if any(c.source == "sub-brand" for c in f.mentions + e.mentions) and cf != ce:
                    continue     # 岳汽解放 / 岳汽集团: a member firm of the group, not the group
                if any(c.source == "place-brand" for c in f.mentions + e.mentions):
                    continue     # 甲城时代 / 乙省时代: the place is part of each brand, not a location to drop
                if any(c.source == "joint" for c in f.mentions + e.mentions):
                    continue     # 甲乙, the joint venture of 甲 and 乙, is not 甲
                if group_and_member(normalise_name(e.label), normalise_name(f.label), ce):
                    continue     # 岳泰集团 / 岳泰精工: the group and a member firm named after it, two firms
                if len(cf) >= 2 and (cf == ce or (len(ce) >= 2 and cf.startswith(ce) and
                                                  normalise_name(f.label) == cf
                                                  and not self._separate_org(cf[len(ce):]))) \
                        and not self._local_branch(e.label, f.label):
                    self._merge(e, f)
                elif self._brand_of(e, ce, f, cf):
                    self._merge(f, e)
        # abbreviations between entities of the same class (山东产研院 / 山东产业技术研究院)
        by_ends: dict[tuple, list[Ent]] = {}   # an abbreviation has its full name's first and last character
        for f in ents:
            for key in {(f.cls, n[:1], n[-1:]) for n in map(normalise_name, f.names)}:
                by_ends.setdefault(key, []).append(f)
        for e in ents:
            if not e.mentions:
                continue
            le = normalise_name(e.label)
            for f in by_ends.get((e.cls, le[:1], le[-1:]), ()):
                if f is e or not f.mentions or f.cls is not e.cls:
                    continue
                if any(is_abbreviation(n, e.label) for n in f.names) and len(f.label) < len(e.label):
                    self._merge(e, f)

    def _named_level_body(self, name: str, bare: str) -> bool:
        """``name`` is a place of ``bare``'s level, then ``bare`` (某阳市委 for 市委, 某县人民政府 for 县政府)."""
        for tail in (bare, bare[1:]):
            if len(name) > len(tail) + 1 and name.endswith(tail):
                place = self.gaz.place(name[:-len(tail)])
                if place is not None and place.level == _LEVEL_OF.get(bare[0]) and (
                        tail == bare or name[-len(tail) - 1] == bare[0]):
                    return True
        return False

    @staticmethod
    def _merge(keep: Ent, gone: Ent) -> None:
        if gone is keep or not gone.mentions:
            return
        if len(gone.label) > len(keep.label) and keep.cls is gone.cls:
            keep, gone = gone, keep
        for c in gone.mentions:
            keep.add(c)
        keep.place = keep.place or gone.place
        keep.park = keep.park or gone.park
        keep.fortune = keep.fortune or gone.fortune
        keep.official = keep.official or gone.official
        gone.mentions = []
        gone.names = []

    def _short_forms(self, text: str, ents: list[Ent], mentions: list[Cand]) -> list[Cand]:
        """Later short mentions of a firm (博源, 博源公司, 麦格纳) become mentions of the full entity."""
        occupied = bytearray(len(text) + 1)
        for m in mentions:
            occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
        cores: dict[str, Ent] = {}
        for e in ents:
            if e.cls not in (EntityClass.COMPANY, EntityClass.INSTITUTE) or not e.mentions:
                continue
            for n in list(e.names):
                core = company_core(n, self.gaz)
                if len(core) >= 2 and core != normalise_name(n) and not self.gaz.place(core) \
                        and core not in self.finder.suffix_cls and core not in L.INDUSTRY_WORDS:
                    cores.setdefault(core, e)     # 中国银行 -> 银行 is no short form
        # X地区 as a park (its 管委会 named): the bare X is the park, even where a firm is named after it (X集团)
        for e in ents:
            if e.cls is EntityClass.PARK and e.mentions:
                for n in e.names:
                    if n.endswith("地区") and 2 <= len(n) - 2 <= 4 and not self.gaz.place(n[:-2]):
                        cores[n[:-2]] = e
        new: list[Cand] = []
        if cores:
            pat = re.compile("|".join(re.escape(c) for c in sorted(cores, key=len, reverse=True)))
            tail = re.compile("(?:%s)*" % "|".join(re.escape(w) for w in L.INDUSTRY_WORDS))
            for m in pat.finditer(text):
                s = m.start()
                e_ = m.end() + tail.match(text, m.end()).end() - m.end()
                if e_ > m.end() and self.finder.role_re.match(text, m.end()):
                    e_ = m.end()   # 博源技术负责人: 技术负责人 is the role, 博源 the firm
                if any(occupied[s:e_]):
                    continue
                if s > 0 and _CJK.match(text[s - 1]) and text[s - 1] not in L.LEFT_STOP_CHARS:
                    # inside a longer run of name characters: only if the left neighbour is a stop word
                    if not any(text.endswith(w, 0, s) for w in L.LEFT_STOP_WORDS):
                        continue
                ent = cores[m.group()]
                if e_ > m.end() and any(group_and_member(normalise_name(n), text[s:e_], m.group()) for n in ent.names):
                    continue     # 岳泰新材料 after 岳泰集团: a member firm, not the group's short name
                c = Cand(s, e_, ent.cls, "short", 0, text=text[s:e_])
                ent.add(c)
                occupied[s:e_] = b"\x01" * (e_ - s)
                new.append(c)
        # a park's distinctive part alone (岚湾 after 岚湾经济开发区, 云屏 after 某市云屏高新区) is the park
        park_cores = {}
        for e in ents:
            if e.cls is EntityClass.PARK and e.mentions:
                for n in e.names:
                    c = self.park_core(n)
                    if c and not self.gaz.place(c) and c not in self.finder.suffix_cls:
                        park_cores.setdefault(c, e)
        if park_cores:
            pat = re.compile("|".join(re.escape(c) for c in sorted(park_cores, key=len, reverse=True)))
            for m in pat.finditer(text):
                s, e_ = m.start(), m.end()
                if any(occupied[s:e_]) or text[e_:e_ + 1] in _PLACE_WORD_ENDS or self.finder.suffix_re.match(text, e_):
                    continue
                if s > 0 and _CJK.match(text[s - 1]) and text[s - 1] not in L.LEFT_STOP_CHARS \
                        and not any(text.endswith(w, 0, s) for w in L.LEFT_STOP_WORDS):
                    continue
                ent = park_cores[m.group()]
                c = Cand(s, e_, EntityClass.PARK, "short", 0, text=m.group())
                ent.add(c)
                occupied[s:e_] = b"\x01" * (e_ - s)
                new.append(c)
        # a name seen once is a mention wherever it appears again in the article
        persons = {normalise_name(n): e for e in ents if e.cls is not EntityClass.PLACE and e.mentions
                   for n in e.names if len(normalise_name(n)) >= 2}
        if persons:
            pat = re.compile("|".join(re.escape(p) for p in sorted(persons, key=len, reverse=True)))
            for m in pat.finditer(text):
                if any(occupied[m.start():m.end()]):
                    continue
                ent = persons[m.group()]
                if ent.cls is EntityClass.PARK and text[m.end():m.end() + 1] in _PLACE_WORD_ENDS:
                    continue     # 云屏港: a port named after the park's area, not the park
                c = Cand(m.start(), m.end(), ent.cls, "repeat", 0, text=m.group())
                ent.add(c)
                occupied[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                new.append(c)
        return sorted(mentions + new, key=lambda c: c.start)

    def _fortune(self, text: str, ents: list[Ent]) -> None:
        cue_ends = [m.end() for m in F500_CUE.finditer(text)]
        for e in ents:
            if e.cls is not EntityClass.COMPANY:
                continue
            if e.fortune is None:
                for n in e.names:
                    core = company_core(n, self.gaz)
                    entry = self.gaz.fortune_entry(normalise_name(n)) or self.gaz.fortune_entry(core)
                    if entry is not None:
                        e.fortune = entry
                        break
            if e.fortune is not None:
                e.f500 = True
                continue
            for m in e.mentions:
                for ce in cue_ends:
                    gap = text[ce:m.start]
                    if 0 <= m.start - ce <= 6 and re.fullmatch(r"[的企业公司巨头\s]*", gap):
                        e.f500 = True
