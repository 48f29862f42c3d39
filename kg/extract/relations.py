"""Relations between the entities of one article, from cue structure in sentences and from names.

Each rule is a small function over one sentence (or one name) that yields :class:`Rel` values; the rule's
name is kept as the relation's ``cue`` so that evaluation can tell which rule found what.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from kg.extract import lexicon as L
from kg.extract import word_classes as words
from kg.extract.gazetteer import Gazetteer
from kg.extract.names import GROUP_ENDS, company_core, group_and_member, strip_trades
from kg.extract.types import Cand, Ent, Rel, Sentence, dedupe
from kg.records import EntityClass, RelationKind
from kg.vocab import normalise_name

ORGS = (EntityClass.COMPANY, EntityClass.INSTITUTE, EntityClass.GOVERNMENT_BODY)
FIRMS = (EntityClass.COMPANY, EntityClass.INSTITUTE)
_ROLE_TAIL = re.compile("(?:%s)$" % "|".join(map(re.escape, L.PERSON_ROLES)))
_PROJECTS_COUNTED = re.compile(r"(?:竣工|投产|开工|签约|落地)项目[0-9一二三四五六七八九十]+个")
_PARK_REFERENCE = re.compile(r"园区|该区|区内|园内|高新区|开发区|经开区|产业园|在此|落户|入驻|落地|引进|聚集|集聚|"
                             + _PROJECTS_COUNTED.pattern)
# a body named by its level alone (市政府, 省人大常委会), and the party committee of a place right before it
_BARE_LEVEL_BODY = re.compile("(?:省|市|县|区)(?:人民政府|政府|人大常委会|人大|政协)")
_COMMITTEE_BEFORE = re.compile("(省|市|县|区)委[、和及]?$")
# a group of companies (…集团, …集团有限公司): in a passage about a park, mostly the parent, investor or visitor
_GROUP = re.compile(r"集团(?:股份|控股)?(?:有限公司|有限责任公司|公司)?$")


def _passage_park(park: Ent | None, main: Ent | None, named: Counter) -> Ent | None:
    """The park a passage is about: the park named last, but a park named only once (a project's site, a park in
    passing) leaves the passage to the park the article is about (``main``), unless it is a part of it (its name
    starts with the main park's: 某经开区某山片区)."""
    if park is None or main is None or park.idx == main.idx or named[park.idx] != 1:
        return park
    label = normalise_name(park.label)
    return park if any(label.startswith(normalise_name(n)) for n in main.names + [main.label]) else main


def _parent_park(e: Ent, ents: list[Ent]) -> Ent | None:
    """The park whose name the name of park ``e`` starts with (甲新区 of 甲新区东片区), if the article names it."""
    name = normalise_name(e.label)
    return next((p for p in ents if p.cls is EntityClass.PARK and p is not e and any(
        len(n) >= 3 and name.startswith(n) for n in map(normalise_name, p.names))), None)   # any of its names


def firms_own_parks(ents: list[Ent], gaz: Gazetteer) -> set[int]:
    """The parks a firm builds and names after itself (甲岳绿色包装产业园, 甲岳(某市)智能产业园, 某市甲岳…产业园):
    parks whose name opens with a company's name, after the place it may start with. Such a park is a project of
    its firm: it hosts no other firm (an institute named after it is in it), and a passage about it is still about
    the park it lies in."""
    brands = {normalise_name(n) for e in ents if e.cls is EntityClass.COMPANY for n in e.names}
    brands = {b for b in brands if len(b) >= 2}
    out = set()
    for e in ents:
        if e.cls is not EntityClass.PARK or e.park is not None:
            continue
        for n in map(normalise_name, e.names):
            heads = [n] + [n[k:] for k in (2, 3) if gaz.place(n[:k]) is not None]
            if any(h.startswith(b) and len(h) > len(b) for h in heads for b in brands):
                out.add(e.idx)
                break
    return out


def without_own_park_hosts(rels: list[Rel], own_parks: set[int]) -> list[Rel]:
    """The relations less the hosts of a park named after its firm (``firms_own_parks``); an institute named after
    such a park is still in it (``name-hosts``)."""
    return [r for r in rels if r.kind is not RelationKind.HOSTS or r.head not in own_parks or r.cue == "name-hosts"]


class RelationFinder:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def find(self, text: str, sentences: list[Sentence], ents: list[Ent], mentions: list[Cand],
             inner: dict[int, list[Cand]], own_parks: set[int] | None = None) -> list[Rel]:
        """The rules' relations of one article. ``own_parks``: ``firms_own_parks(ents)``, when the caller has it."""
        ent_of: dict[int, Ent] = {id(c): e for e in ents for c in e.mentions}
        mentions = [m for m in mentions if id(m) in ent_of]
        rels: list[Rel] = []
        rels += self._from_names(text, ents, ent_of, inner, sentences)
        rels += self._short_admins(ents, rels, sentences)
        # X高新区管委会 stands for its park where a sentence speaks of 园区企业 (the park is only inside the name)
        managed = {r.head: r.tail for r in rels if r.kind is RelationKind.MANAGES}
        focus_firm: Ent | None = None
        focus_park: Ent | None = None
        employer: dict[int, Ent] = {}
        partners: dict[int, set[int]] = {}
        focus_by_cls: dict[EntityClass, Ent] = {}
        focus_pos: dict[int, int] = {}
        by_idx = {e.idx: e for e in ents}
        own_parks = firms_own_parks(ents, self.gaz) if own_parks is None else own_parks
        mi = 0
        main, named = self._main_park(ents, mentions, ent_of, own_parks)
        for sent in sentences:
            ms = []
            while mi < len(mentions) and mentions[mi].start < sent.end:
                if mentions[mi].start >= sent.start:
                    ms.append(mentions[mi])
                mi += 1
            ctx = _SentCtx(text, sent, ms, ent_of, focus_firm, _passage_park(focus_park, main, named), employer,
                           partners, by_idx)
            ctx.focus_by_cls, ctx.focus_pos, ctx.managed = focus_by_cls, focus_pos, managed
            ctx.own_parks = own_parks
            rels += self._works_for(ctx)
            rels += self._hosts(ctx)
            found = self._partners(ctx)
            for r in found:
                partners.setdefault(r.head, set()).add(r.tail)
                partners.setdefault(r.tail, set()).add(r.head)
            rels += found
            # the object of 为/与/向 B (a client, a partner) does not take the focus from the subject firm of the
            # sentence: X为B赶制订单。该公司… is X
            objects = {r.tail: r.head for r in found if r.cue in ("partner-cue", "client-list")}
            rels += self._subsidiary(ctx)
            rels += self._located(ctx)
            rels += self._manages(ctx)
            prev_end, prev_firm = -1, False
            for m in ms:
                e = ent_of[id(m)]
                focus_pos[e.idx] = m.end
                # 某某集团|甲新区东片区…项目: a part of a park named right after a firm is the site of the firm's project;
                # the passage stays about the park it is part of
                after_firm = prev_firm and prev_end == m.start
                prev_end, prev_firm = m.end, e.cls is EntityClass.COMPANY
                if e.cls in FIRMS:
                    focus_firm = e
                    focus_by_cls[e.cls] = e
                elif e.cls is EntityClass.PARK and e.idx not in own_parks:
                    parent = _parent_park(e, ents) if after_firm else None
                    focus_park = parent or e
                elif e.idx in managed:
                    focus_park = by_idx[managed[e.idx]]
                elif e.cls is EntityClass.PLACE and e.place is not None and e.place.level >= 2:
                    focus_by_cls[e.cls] = e       # the city or county 该县/全市 refers to
            if focus_firm is not None and focus_firm.idx in objects:
                subject = by_idx.get(objects[focus_firm.idx])
                if subject is not None and subject.cls in FIRMS:
                    focus_firm = focus_by_cls[subject.cls] = subject
        rels += self._topic_park(text, sentences, mentions, ent_of, rels, own_parks, main, named)
        rels = without_own_park_hosts(rels, own_parks)
        # a firm whose name carries a place in another province is not hosted by the park (酒泉… by a 济南 park)
        rels = [r for r in rels if r.kind is not RelationKind.HOSTS or r.cue in ("name-hosts", "park-introduces")
                or self.compatible(by_idx[r.tail], by_idx[r.head])]
        return dedupe(rels)

    def _topic_park(self, text, sentences, mentions, ent_of, rels, own_parks, main, named) -> list[Rel]:
        """A domestic firm named in full in a passage about a park, and not its partner, is hosted by it. ``main`` and
        ``named``: the article's main park and how often each park is named (:meth:`_main_park`)."""
        partners = {r.head for r in rels if r.kind is RelationKind.PARTNERS_WITH} | \
                   {r.tail for r in rels if r.kind is RelationKind.PARTNERS_WITH}
        hosted = {r.tail for r in rels if r.kind is RelationKind.HOSTS}
        out = []
        park: Ent | None = None
        for m in mentions:
            e = ent_of[id(m)]
            if e.cls is EntityClass.PARK:
                park = _passage_park(e, main, named) if e.idx not in own_parks else park
                continue
            if park is None or e.cls is not EntityClass.COMPANY or e.idx in partners or e.idx in hosted or e.f500:
                continue
            if m.source == "project":
                # a firm at the head of a project's name (某岳医药|…项目): a name the dictionary does not hold, of a
                # park named with its place
                brand = strip_trades(m.text, keep=2)      # (高精尖|智能: a dictionary word, no brand)
                if len(m.text) < 3 or words.tag(m.text) is not None or words.tag(brand) not in (None, "nrt", "nt") \
                        or not any(self.gaz.place(park.label[:k]) for k in (2, 3)):
                    continue
            elif m.source not in ("suffix", "list", "weak", "listed") or not re.search(
                    r"(有限公司|集团|股份公司|设计院|研究院)$", m.text) and m.source not in ("list", "weak", "listed"):
                continue
            if not self.compatible(e, park) or _national(e) or _university(e) or _GROUP.search(m.text):
                continue     # a group named in passing is mostly a parent, investor or visitor, not the tenant
            sent = _sentence_at(sentences, m.start)
            listed = m.source == "list" or text[m.start - 1:m.start] == "、" or text[m.end:m.end + 1] == "、"
            # A、B、C等企业列出采购清单: firms listed as buyers or suppliers are not tenants (but in
            # 签约的项目包括A公司投资的X项目、B公司投资的Y项目 the investors of the park's projects are)
            if listed and sent is not None and _partner_sentence(text[sent.start:sent.end]) \
                    and not _INVESTOR_OF.match(text, m.end):
                continue
            out.append(Rel(RelationKind.HOSTS, park.idx, e.idx, sent, cue="topic-park"))
            hosted.add(e.idx)
        return out

    @staticmethod
    def _main_park(ents, mentions, ent_of, own_parks) -> tuple[Ent | None, Counter]:
        """The park the article is about (the one named most often: at least twice, and more often than any other)
        and how often each park is named."""
        counts = Counter(ent_of[id(m)].idx for m in mentions
                         if ent_of[id(m)].cls is EntityClass.PARK and ent_of[id(m)].idx not in own_parks)
        top = counts.most_common(2)
        if not top or top[0][1] < 2 or len(top) == 2 and top[0][1] == top[1][1]:
            return None, counts
        return next(e for e in ents if e.idx == top[0][0]), counts

    def compatible(self, firm: Ent, park: Ent) -> bool:
        """A firm whose name carries a place outside the park's province is not hosted there."""
        name = normalise_name(firm.label)
        # 中国科学院深圳先进技术研究院, 中科院X研究所: the place after the national prefix decides
        national = re.match(r"(?:中国科学院|中国工程院|中国|中科院)", name)
        if national and len(name) - national.end() >= 4:
            name = name[national.end():]
        for k in (3, 2):
            entry = self.gaz.place(name[:k])
            if entry is None:
                continue
            if entry.level == 0:
                return entry.code == "C:中国"
            if park.park is not None:
                prov = self.gaz.place(park.park.province)
                return prov is not None and (entry.code == prov.code or self.gaz.contains(prov, entry))
            # a park outside the national list (天津经济技术开发区): the place its own name starts with
            park_name = normalise_name(park.label)
            home = next((p for p in (self.gaz.place(park_name[:j]) for j in (3, 2)) if p is not None), None)
            if home is not None and home.level >= 1 and home.code[:2].isdigit() and entry.code[:2].isdigit():
                return home.code[:2] == entry.code[:2]     # administrative codes: the first two digits = province
            return True
        return True

    # ------------------------------------------------------------------ from names (implied)
    def _from_names(self, text, ents, ent_of, inner, sentences) -> list[Rel]:
        out: list[Rel] = []
        self._all_inner = sorted({id(c): c for lst in inner.values() for c in lst}.values(), key=lambda c: c.start)
        self._inner_starts = [c.start for c in self._all_inner]
        self._org_names = sorted({n for e in ents if e.cls in ORGS and e.mentions for n in e.names if len(n) >= 2},
                                 key=len, reverse=True)
        by_name: dict[str, Ent] = {}
        for e in ents:
            for n in e.names + [e.label]:
                by_name.setdefault(normalise_name(n), e)
        places = {e.place.code: e for e in ents if e.place is not None and e.cls is EntityClass.PLACE}
        parks = [e for e in ents if e.cls is EntityClass.PARK]

        def sent_of(pos: int) -> Sentence | None:
            return _sentence_at(sentences, pos)

        for e in ents:
            if e.cls is not EntityClass.PERSON:
                home = self.gaz.place(e.park.province) if e.park is not None and e.park.province else None
                for ie, sent in self._name_places(e, by_name, inner, sent_of):
                    if home is not None and ie.place is not None and ie.place.level > 0 and not (
                            ie.place.code == home.code or self.gaz.contains(home, ie.place)):
                        continue     # 东湖 of 东湖高新区 (Wuhan) is not the 东湖区 of another province
                    out.append(Rel(RelationKind.LOCATED_IN, e.idx, ie.idx, sent, implied=True, cue="name-place"))
            # a park's administration named after it manages it (聊城高新区管委会 -> 聊城高新区): the longest park
            # name the body's name starts with (…互联网产业园发展服务中心 manages the 互联网产业园, not the zone)
            if e.cls in (EntityClass.GOVERNMENT_BODY, EntityClass.INSTITUTE) or e.cls is EntityClass.COMPANY:
                park, plen = None, 0
                for f in parks:
                    for fn in f.names + [f.label] + _park_stems(f):
                        nf = normalise_name(fn)
                        if len(nf) >= 3 and len(nf) > plen and any(
                                normalise_name(n).startswith(nf) and normalise_name(n) != nf for n in e.names):
                            park, plen = f, len(nf)
                if park is not None:
                    sent = sent_of(e.mentions[0].start)
                    if e.cls is EntityClass.GOVERNMENT_BODY:
                        if _is_park_admin(e):
                            out.append(Rel(RelationKind.MANAGES, e.idx, park.idx, sent, implied=True,
                                           cue="name-manages"))
                    elif e.cls is EntityClass.INSTITUTE:
                        # an institute named after a park is in it (长沙高新技术产业服务中心); a firm named after
                        # one is mostly the company that builds or runs it (no relation, the conventions say)
                        out.append(Rel(RelationKind.HOSTS, park.idx, e.idx, sent, implied=True, cue="name-hosts"))
            # a firm named after another firm is its subsidiary (建设银行河北省分行 -> 建设银行); a firm named after
            # an institute (中国农业科学院控股有限公司) is its holding or spin-off, not a subsidiary by name
            if e.cls is EntityClass.COMPANY:
                for f in ents:
                    if f is e or f.cls is not EntityClass.COMPANY:
                        continue
                    # the parent's own names, not short forms guessed from it (迈胜 of 昆山迈胜装备集团)
                    parent_names = {f.label} | {c.text for c in f.mentions if c.source not in ("short", "repeat")}
                    sub_brand = any(c.source == "sub-brand" for c in e.mentions)    # 甲云 of 甲: one character
                    if any(normalise_name(e.label).startswith(normalise_name(fn)) and
                           len(normalise_name(e.label)) - len(normalise_name(fn)) >= (1 if sub_brand else 2)
                           and len(normalise_name(fn)) >= 2
                           for fn in parent_names):
                        out.append(Rel(RelationKind.SUBSIDIARY_OF, e.idx, f.idx, sent_of(e.mentions[0].start),
                                       implied=True, cue="name-subsidiary"))
                    elif _group_member_by_name(self.gaz, e.label, f.label):
                        out.append(Rel(RelationKind.SUBSIDIARY_OF, e.idx, f.idx, sent_of(e.mentions[0].start),
                                       implied=True, cue="name-subsidiary"))
            # an institute named after a university or academy (某某大学岩土所, 某某大学智能制造研究院) is its unit
            if e.cls is EntityClass.INSTITUTE:
                for f in ents:
                    if f is not e and f.cls is EntityClass.INSTITUTE and f.label.endswith(L.INSTITUTE_PARENTS) \
                            and len(e.label) - len(f.label) >= 2 \
                            and any(normalise_name(n).startswith(normalise_name(f.label)) for n in e.names):
                        out.append(Rel(RelationKind.SUBSIDIARY_OF, e.idx, f.idx, sent_of(e.mentions[0].start),
                                       implied=True, cue="name-unit"))
            # X市委、市政府: the body named by its level alone is the place's, as its party committee is
            if e.cls is EntityClass.GOVERNMENT_BODY and all(_BARE_LEVEL_BODY.fullmatch(n) for n in e.names):
                for m in e.mentions:
                    pm = _COMMITTEE_BEFORE.search(text, max(0, m.start - 12), m.start)
                    if pm is None or pm.group(1) != m.text[0]:
                        continue
                    entry = next((p for k in (2, 3, 4, 5) if (p := self.gaz.place(
                        text[pm.start() - k:pm.start()] + pm.group(1))) is not None), None)
                    if entry is not None and entry.code in places:
                        out.append(Rel(RelationKind.LOCATED_IN, e.idx, places[entry.code].idx, sent_of(m.start),
                                       implied=True, cue="committee-body"))
                        break
            # a national high-tech zone lies in its city and district (gazetteer)
            if e.cls is EntityClass.PARK and e.park is not None:
                for pname in (e.park.city, e.park.district):
                    entry = self.gaz.place(pname) if pname else None
                    if entry is not None and entry.code in places:
                        out.append(Rel(RelationKind.LOCATED_IN, e.idx, places[entry.code].idx,
                                       sent_of(e.mentions[0].start), implied=True, cue="gazetteer-park"))
            # a place lies in every mentioned division above it (宁波 -> 浙江, 昌乐县 -> 潍坊市 and 山东省)
            if e.cls is EntityClass.PLACE and e.place is not None:
                up = self.gaz.places.get(e.place.parent) if e.place.parent else None
                if up is None and e.place.parent == "C:中国":
                    up = self.gaz.place("中国")
                while up is not None:
                    if up.code in places and places[up.code] is not e:
                        out.append(Rel(RelationKind.LOCATED_IN, e.idx, places[up.code].idx,
                                       sent_of(e.mentions[0].start), implied=True, cue="gazetteer-place"))
                    up = self.gaz.places.get(up.parent) if up.parent else None
        return out

    def _name_places(self, e: Ent, by_name, inner, sent_of) -> list[tuple[Ent, Sentence | None]]:
        """The places an entity's own name puts it in.

        Parks inside a name are transparent (西安高新区(长安)软件产业园 is in 西安 and 长安); a firm's or body's
        name inside it is not, unless no other place is named (北方重工沈阳齿轮公司 is in 沈阳, not in 中国;
        中国农业科学院控股有限公司 is in 中国). ``A(B)…`` with B not inside A names where it is (深圳(河源)产业转移工业园
        is in 河源). A government body is where its jurisdiction is: the innermost place (长春南关区政府: 南关区).
        """
        found: dict[int, tuple[Ent, Sentence | None, bool]] = {}
        for m in e.mentions:
            inside = inner.get(id(m))
            if inside is None:   # a name nested in an accepted one (…互联网产业园 in …互联网产业园发展服务中心)
                lo = bisect_left(self._inner_starts, m.start)
                hi = bisect_left(self._inner_starts, m.end)
                inside = [c for c in self._all_inner[lo:hi] if c.end <= m.end and (c.start, c.end) != (m.start, m.end)]
            opaque = [(c.start, c.end) for c in inside
                      if c.cls in ORGS and (c.start, c.end) != (m.start, m.end)]
            mtext = m.text or ""
            # other organisations' names inside this one (北方重工 in 北方重工沈阳齿轮公司) are opaque too
            for n in self._org_names:
                if n != mtext:
                    k = mtext.find(n)
                    while k != -1:
                        opaque.append((m.start + k, m.start + k + len(n)))
                        k = mtext.find(n, k + 1)
            for c in inside:
                ie = by_name.get(normalise_name(c.text))
                if ie is None or ie is e or ie.cls is not EntityClass.PLACE:
                    continue
                in_org = any(s <= c.start and c.end <= t and (s, t) != (c.start, c.end) for s, t in opaque)
                prev = found.get(ie.idx)
                if prev is None or (prev[2] and not in_org):
                    found[ie.idx] = (ie, sent_of(m.start), in_org)
                # A(B): a place right before a bracket that holds a place outside it
                rel = c.end - m.start
                if rel < len(mtext) and mtext[rel] in "(（" and ie.place is not None:
                    close = mtext.find(")" if mtext[rel] == "(" else "）", rel)
                    inner_place = self.gaz.place(mtext[rel + 1:close]) if close > rel else None
                    if inner_place is not None and not self.gaz.contains(ie.place, inner_place) \
                            and inner_place.code != ie.place.code:
                        found[ie.idx] = (ie, None, None)     # dropped below
        if not found and e.official and e.mentions:
            # a fixed-name body mentioned by its short form is where its official name says (中科院: 中国科学院)
            for k in (4, 3, 2):
                ie = by_name.get(normalise_name(e.official[:k]))
                if ie is not None and ie.cls is EntityClass.PLACE and len(e.official) > k:
                    found[ie.idx] = (ie, sent_of(e.mentions[0].start), False)
                    break
        items = [(ie, sent, opq) for ie, sent, opq in found.values() if opq is not None]
        if any(not opq for _, _, opq in items):
            items = [x for x in items if not x[2]]
        if any(x[0].place is not None and x[0].place.level > 0 for x in items):
            # 株洲中国动力谷自主创新园: 中国 after a Chinese city qualifies a brand, not the location
            items = [x for x in items if x[0].place is None or x[0].place.code != "C:中国"]
        if e.cls is EntityClass.GOVERNMENT_BODY:
            items = [x for x in items if not any(
                y is not x and x[0].place is not None and y[0].place is not None
                and self.gaz.contains(x[0].place, y[0].place) for y in items)]
        return [(ie, sent) for ie, sent, _ in items]

    # ------------------------------------------------------------------ sentence rules
    def _works_for(self, ctx: "_SentCtx") -> list[Rel]:
        out = []
        text = ctx.text
        for i, m in enumerate(ctx.ms):
            p = ctx.ent(m)
            if p.cls is not EntityClass.PERSON:
                continue
            left = text[ctx.sent.start:m.start]
            role_m = _ROLE_TAIL.search(left)
            if not role_m and i + 1 < len(ctx.ms) and text[m.end:m.end + 1] in "，,是":
                # 吴海峰，X公司创始人，… / 王建国是X公司的董事长: the person, then the organisation and the role
                om = ctx.ms[i + 1]
                org = ctx.ent(om)
                at = om.end + (text[om.end:om.end + 1] == "的")
                after = _ROLE_AT.match(text, at) if om.start == m.end + 1 and org.cls in ORGS else None
                if after and (after.end() >= len(text) or text[after.end()] in "，,。；"):
                    ctx.employer[p.idx] = org
                    out.append(Rel(RelationKind.WORKS_FOR, p.idx, org.idx, ctx.sent, role=after.group(), cue="role-apposition"))
                continue
            if not role_m:
                continue
            # the organisation: the nearest organisation mention ending before the role phrase
            org_m = None
            for prev in reversed(ctx.ms[:i]):
                pe = ctx.ent(prev)
                if pe.cls in ORGS or pe.cls is EntityClass.PARK:
                    org_m = prev
                    break
            role_start = ctx.sent.start + role_m.start()   # role_m matched `left`, which starts at the sentence
            bare = _BARE_ADMIN_ROLE.search(left)
            if bare and org_m is not None and _COMMITTEE_CHAIN.fullmatch(text, org_m.end, m.start) \
                    and normalise_name(ctx.ent(org_m).label).endswith(("党工委", "工委")):
                bare = None      # X党工委副书记、管委会主任Y: one office, in the named 党工委 (conventions)
            if bare and ctx.focus_park is not None and (org_m is None or org_m.end <= ctx.sent.start + bare.start()):
                # 开发区党工委书记、管委会主任X with the body unnamed: X works for the park in focus (conventions)
                role = bare.group().strip("、， ")
                # a 党工委 office goes to the park's 党工委 where the article names it; else to the park
                employer = ctx.focus_park
                if "工委" in role:
                    employer = next((ctx.by_idx[b] for b, pk in sorted(ctx.managed.items())
                                     if pk == ctx.focus_park.idx and b in ctx.by_idx
                                     and normalise_name(ctx.by_idx[b].label).endswith("工委")), employer)
                ctx.employer[p.idx] = employer
                out.append(Rel(RelationKind.WORKS_FOR, p.idx, employer.idx, ctx.sent, role=role,
                               cue="admin-role-of-park"))
                continue
            if org_m is not None and m.start - org_m.end <= 14 and \
                    not re.search(r"[，。；：“”]", text[org_m.end:m.start]):
                role = text[org_m.end:m.start]
                org = ctx.ent(org_m)
            elif org_m is not None and m.start - org_m.end <= 40 and not any(
                    ctx.ent(q).cls is EntityClass.PERSON and org_m.end <= q.start and q.end <= role_start
                    and re.search(r"[，,；;]", text[q.end:role_start]) for q in ctx.ms[:i]):
                # (甲市委书记A，市长B: B's office is not in the body named for A)
                role = text[role_start:m.start]
                org = ctx.ent(org_m)
            elif ctx.focus_firm is not None and (
                    re.search(r"(公司|企业|集团)[^，。“”]{0,12}$", left) or (
                        role_m.group() in L.FIRM_ROLES and ctx.focus_firm.cls is EntityClass.COMPANY
                        and ctx.sent.start - ctx.focus_pos.get(ctx.focus_firm.idx, -10 ** 9) <= _ROLE_FOCUS_WINDOW)):
                # 公司副总经理…; 一旁，生产经理X…: a firm's own role, right after the firm was named
                role = text[role_start:m.start]
                org = ctx.focus_firm
            else:
                continue
            if org.cls is EntityClass.PARK and not _PARK_OFFICE.fullmatch(role.strip("、， ")):
                continue     # (某开发区主任X, 某园区管委会主任Y: the park's own office; other roles are not the park's)
            role = role.strip("、， ")
            # X董事长A、副总裁B: the role of B is what follows the last person named before it
            prev_person = next((q for q in reversed(ctx.ms[:i]) if ctx.ent(q).cls is EntityClass.PERSON
                                and q.end <= m.start and q.end > m.start - len(role) - 1), None)
            if prev_person is not None:
                role = text[prev_person.end:m.start].strip("、，和及 ")
            role = re.sub(r"^(的|之)", "", role)
            if not role or len(role) > 16:
                continue
            ctx.employer[p.idx] = org
            out.append(Rel(RelationKind.WORKS_FOR, p.idx, org.idx, ctx.sent, role=role, cue="role"))
            # 甲省委常委、乙市委书记NAME (or ，): each organisation of a chain of offices with its own role
            k = ctx.ms.index(org_m) if org_m is not None and ctx.ent(org_m) is org else -1
            while k > 0 and text[ctx.ms[k].start - 1:ctx.ms[k].start] in ("、", "，", ","):
                prev_m = ctx.ms[k - 1]
                gap = text[prev_m.end:ctx.ms[k].start - 1]
                prev = ctx.ent(prev_m)
                if prev.cls not in ORGS or prev is org or not _ROLE_TAIL.search(gap) or len(gap) > 8:
                    break
                out.append(Rel(RelationKind.WORKS_FOR, p.idx, prev.idx, ctx.sent, role=gap, cue="role-chain"))
                k -= 1
        return out

    def _park_introduces(self, ctx: "_SentCtx") -> list[Rel]:
        """``park-introduces``: P(先后)引进了A、B、C等企业 / P…，签约引进A、B等项目 / 先后引入A、B等龙头企业和C、D等配套
        企业 / P已落地A等项目. The subject of 引进/引入/招引/吸引/落地 is the park named last before the verb in the
        sentence, or, when the clause names no subject (a topic chain: 青川经开区全年…。签约引进A、B…), the park in
        focus; a firm, person or other body named before the verb in the same clause is the subject instead
        (X公司引进了Y技术: nothing).
        The objects are the firms and institutes the verb governs: the list right after it, items joined by 、/和/及
        (and 等…和 joining two lists). ``signs-introduces``: 签约引进 says the park signed with them: partnersWith too."""
        text, ms = ctx.text, ctx.ms
        out: list[Rel] = []
        s0, s1 = ctx.sent.start, ctx.sent.end
        for v in _PARK_INTRODUCES.finditer(text, s0, s1):
            before = [m for m in ms if m.end <= v.start()]
            place = self._introducing_place(ctx, v.start(), before)
            if place is not None:     # 某县引进A、B等企业 (no park named): the firms are in the county
                out += [Rel(RelationKind.LOCATED_IN, e.idx, place.idx, ctx.sent, cue="place-introduces")
                        for e in self._introduced(ctx, v.end())]
                continue
            subject = None
            if before:
                last = before[-1]
                e = ctx.ent(last)
                gap = text[last.end:v.start()]
                near = len(gap) <= 24 and not _NOT_ITS_SUBJECT.search(gap)
                if e.cls is EntityClass.PARK and near:
                    subject = e
                elif e.idx in ctx.managed and near:
                    subject = ctx.by_idx.get(ctx.managed[e.idx])
                elif not re.search("[，,；;：:]", gap):
                    continue     # 临岳集团引进了…: a firm, person or body is the subject
            if subject is None:
                clause = text[max([s0] + [m.end for m in before]):v.start()]
                if before and not re.search("[，,；;：:]", clause):
                    continue
                subject = ctx.focus_park if not any(ctx.ent(m).cls is EntityClass.PARK for m in ms) else next(
                    (ctx.ent(m) for m in reversed(before) if ctx.ent(m).cls is EntityClass.PARK), None)
            if subject is None or subject.cls is not EntityClass.PARK:
                continue
            for e in self._introduced(ctx, v.end()):
                out.append(Rel(RelationKind.HOSTS, subject.idx, e.idx, ctx.sent, cue="park-introduces"))
                if "签约" in v.group():     # 签约引进A、B: the park signed with them, so it is their partner too
                    out.append(Rel(RelationKind.PARTNERS_WITH, subject.idx, e.idx, ctx.sent, cue="signs-introduces"))
        return out

    @staticmethod
    def _introduced(ctx: "_SentCtx", expected: int) -> list[Ent]:
        """The firms and institutes an introducing verb ending at ``expected`` governs: the list right after it."""
        text, out = ctx.text, []
        for n in ctx.ms:
            if n.start < expected:
                continue
            if not (n.start == expected or _COORD_GAP.fullmatch(text, expected, n.start)
                    or (_NEXT_LIST_GAP.fullmatch(text, expected, n.start) and _LIST_END.match(text, n.start, ctx.sent.end))):
                break        # (A、B等世界500强，C、D等隐形冠军，共N家企业: a second list under the verb)
            e = ctx.ent(n)
            if e.cls not in FIRMS or not _OBJECT_END.match(text, n.end):
                break        # 引进X体系的项目: the name qualifies the object, it is not the object
            out.append(e)
            expected = n.end
        return out

    @staticmethod
    def _introducing_place(ctx: "_SentCtx", verb: int, before: list[Cand]) -> Ent | None:
        """A city or county that brings firms in, in a sentence that names no park: named right before the verb
        (某县集群引进…) or referred to (该县/全县…引进, the county last named)."""
        if any(ctx.ent(m).cls is EntityClass.PARK for m in ctx.ms):
            return None
        place = None
        if before:
            e = ctx.ent(before[-1])
            if e.cls is EntityClass.PLACE and _PLACE_SUBJECT_GAP.fullmatch(ctx.text, before[-1].end, verb):
                place = e
        if place is None and _PLACE_ANAPHOR.search(ctx.text, max(ctx.sent.start, verb - 12), verb):
            place = ctx.focus_by_cls.get(EntityClass.PLACE)
        return place if place is not None and place.place is not None and place.place.level >= 2 else None

    def _hosts(self, ctx: "_SentCtx") -> list[Rel]:
        out = []
        text = ctx.text
        ms = ctx.ms
        for i, m in enumerate(ms):
            park = ctx.ent(m)
            if park.cls is not EntityClass.PARK or park.idx in ctx.own_parks:
                continue
            # P(的|内的|里的|企业)? ORG
            if i + 1 < len(ms):
                nxt = ms[i + 1]
                gap = text[m.end:nxt.start]
                ne = ctx.ent(nxt)
                if ne.cls in FIRMS and re.fullmatch(r"(的|内的|里的|内|中的|园区企业|企业|园区的)?", gap):
                    out.append(Rel(RelationKind.HOSTS, park.idx, ne.idx, ctx.sent, cue="park-of-org"))
                    # P甲…、乙…等N个项目: the park's counted list of projects, each opened by its firm's brand
                    end = _COUNTED_END.search(text, nxt.end, ctx.sent.end) if not gap else None
                    for later in ms[i + 2:] if end is not None else ():
                        le = ctx.ent(later)
                        if later.start >= end.start():
                            break
                        if le.cls in FIRMS and text[later.start - 1] == "、":
                            out.append(Rel(RelationKind.HOSTS, park.idx, le.idx, ctx.sent, cue="park-projects"))
            # ORG 落户/入驻/落地 (在|于)? P ; (该企业|该中心) … P
            before = text[ctx.sent.start:m.start]
            cue = re.search(r"(落户|入驻|落地|扎根|进驻|迁入|选址|落到了|落到|签约落户)(在|于|到)?$", before)
            if cue:
                subj = None
                for prev in reversed(ms[:i]):
                    pe = ctx.ent(prev)
                    if pe.cls in FIRMS:
                        subj = pe
                        break
                    if pe.cls is EntityClass.PERSON and pe.idx in ctx.employer:
                        subj = ctx.employer[pe.idx]
                        break
                if subj is None and re.search("|".join(L.ANAPHORA) + r"|(?:该|此|这个|这一|上述)项目", before):
                    subj = ctx.focus_for(before)
                if subj is not None and subj.cls in FIRMS:
                    out.append(Rel(RelationKind.HOSTS, park.idx, subj.idx, ctx.sent, cue="settle-in-park"))
        # P(先后)引进了A、B、C等…: the firms a park brought in are its tenants, wherever their names come from
        out += self._park_introduces(ctx)
        # the park of the sentence: one it names, else one whose 管委会 it names, else the park in focus
        parks = [ctx.ent(m) for m in ms if ctx.ent(m).cls is EntityClass.PARK and ctx.ent(m).idx not in ctx.own_parks]
        managed = [ctx.by_idx[ctx.managed[ctx.ent(m).idx]] for m in ms if ctx.ent(m).idx in ctx.managed]
        in_focus = (parks or managed or [self._bare_park(ctx) or ctx.focus_park])[0]
        # X将在园区投资建设…: a firm investing or settling "in the park" (not named) is hosted by that park
        for m in ms:
            e = ctx.ent(m)
            if e.cls in FIRMS and not e.f500 and in_focus is not None and _IN_THE_PARK.match(text, m.end):
                out.append(Rel(RelationKind.HOSTS, in_focus.idx, e.idx, ctx.sent, cue="in-the-park"))
        # an anaphoric firm in a sentence about a park: 在贵阳高新区帮助下，该企业…
        sent_text = text[ctx.sent.start:ctx.sent.end]
        referent = ctx.focus_for(sent_text) if parks and any(a in sent_text for a in L.ANAPHORA) else None
        if referent is not None:
            out.append(Rel(RelationKind.HOSTS, parks[0].idx, referent.idx, ctx.sent, cue="anaphora-in-park"))
        # enumerations of firms in a sentence that refers to the park
        park = in_focus
        # 竣工项目4个，分别为A项目、B项目: the park's projects counted, each named after its firm
        counted = _PROJECTS_COUNTED.search(sent_text) is not None
        if park is not None and _PARK_REFERENCE.search(sent_text) and not _partner_sentence(sent_text):
            for m in ms:
                e = ctx.ent(m)
                if e.cls in FIRMS and not e.f500 and (m.source in ("list", "weak", "suffix", "short", "listed") or (
                        m.source == "project" and counted)) \
                        and _is_local_firm(e) and not _university(e):
                    out.append(Rel(RelationKind.HOSTS, park.idx, e.idx, ctx.sent, cue="park-sentence"))
        return out

    @staticmethod
    def _short_admins(ents: list[Ent], rels: list[Rel], sentences: list[Sentence]) -> list[Rel]:
        """``short-manages``: an administration named by the park's short form or kind alone (高新区党工委,
        某某新区党工委, 市经开区管委会) manages the one park of the article that name fits: a park whose name ends
        with the short form, or the one park of that kind."""
        managing = {r.head for r in rels if r.kind is RelationKind.MANAGES}
        parks = [e for e in ents if e.cls is EntityClass.PARK]
        out = []
        for e in ents:
            if e.cls is not EntityClass.GOVERNMENT_BODY or e.idx in managing:
                continue
            m = _SHORT_ADMIN.fullmatch(normalise_name(e.label))
            if m is None:
                continue
            short = m.group(1)
            kinds = _KIND_OF.get(short)
            fits = [p for p in parks if any(
                (_kind_of(normalise_name(n)) & kinds) if kinds else
                (normalise_name(n).endswith(short) and normalise_name(n) != short) for n in p.names + [p.label])]
            if len(fits) == 1:
                sent = _sentence_at(sentences, e.mentions[0].start) if e.mentions else None
                out.append(Rel(RelationKind.MANAGES, e.idx, fits[0].idx, sent, implied=True, cue="short-manages"))
        return out

    @staticmethod
    def _bare_park(ctx: "_SentCtx") -> Ent | None:
        """The park a sentence names by its kind alone (…正式进驻经开区, 在高新区投资): of the parks named before,
        the last one of that kind (an article about a 经开区 that also names a 新城 means the 经开区)."""
        text, s0, s1 = ctx.text, ctx.sent.start, ctx.sent.end
        for b in _BARE_KIND.finditer(text, s0, s1):
            if any(m.start <= b.start() < m.end for m in ctx.ms):
                continue     # part of a name the sentence gives
            kinds = _KIND_OF[b.group()]
            best, pos = None, -1
            for idx, end in ctx.focus_pos.items():
                e = ctx.by_idx.get(idx)
                if e is not None and e.cls is EntityClass.PARK and end > pos and any(
                        _kind_of(normalise_name(n)) & kinds for n in e.names + [e.label]):
                    best, pos = e, end
            if best is not None:
                return best
        return None

    def _partners(self, ctx: "_SentCtx") -> list[Rel]:
        text = ctx.text
        sent_text = text[ctx.sent.start:ctx.sent.end]
        if not _partner_sentence(sent_text) and "提供" not in sent_text and "签订" not in sent_text:
            # (为A、B等企业提供支持; A与B签订合同: 签订 alone does not make the sentence about partners for _hosts)
            return []
        out: list[Rel] = []
        ms = ctx.ms
        firms = [m for m in ms if ctx.ent(m).cls in ORGS]

        def subject_before(pos: int, exclude: Ent, group: list[Cand] = ()) -> Ent | None:
            # the subject of the clause: A与B签约；C与D签约 (C missed) never makes A C's partner
            clause = max(text.rfind("；", ctx.sent.start, pos), text.rfind(";", ctx.sent.start, pos)) + 1
            for k, m in enumerate(ms):
                if m.start >= pos:
                    break
                if m.start < clause:
                    continue
                e = ctx.ent(m)
                if e is exclude:
                    continue
                nxt = ms[k + 1] if k + 1 < len(ms) else None
                if e.cls in ORGS and nxt is not None and nxt.start < pos and ctx.ent(nxt) is not exclude \
                        and _PARENT_OF.fullmatch(text, m.end, nxt.start):
                    continue   # A旗下子公司B…与C合作: the subject is B
                if e.cls in ORGS:
                    return e
                if e.cls is EntityClass.PERSON and e.idx in ctx.employer:
                    return ctx.employer[e.idx]
                if e.cls in (EntityClass.PLACE, EntityClass.PARK) and m.end == pos:
                    return None  # 昆山市与X签署合作协议: a city is the party (not an organisation: no partnersWith)
            # a list of clients with no subject in the sentence: the firm already known to deal with one of them
            # (来自A、B、C等客户的订单, where an earlier sentence had X 为 A 赶制) before the firm last in focus
            members = {ctx.ent(g).idx for g in group}
            for g in group:
                for idx in sorted(ctx.partners.get(ctx.ent(g).idx, set()) - members):
                    known = ctx.by_idx.get(idx)
                    if known is not None and known.cls in FIRMS and not known.f500:
                        return known
            before = text[ctx.sent.start:pos]
            if re.search("|".join(L.ANAPHORA) + r"|我们|公司", before):
                return ctx.focus_for(before, window=_ANAPHOR_WINDOW)
            if pos - ctx.sent.start < 30:
                # no organisation before 与 in the sentence: the firm in focus, unless a name the rules did not
                # recognise stands there (9月20日，某某与B签约: 某某 is the subject, not the last firm in focus)
                rest = re.sub(r"[0-9０-９]+[年月日号]?|[^\u4e00-\u9fff]", "", before)
                rest = re.sub(r"^(?:日前|近日|目前|今年|去年|当天|随后|同时|此外|其中|另外|此次|本次)", "", rest)
                if rest and not words.is_generic_phrase(rest):
                    return None
                return ctx.focus_for(before, window=_FOCUS_WINDOW)
            return None

        def add(a: Ent | None, b: Ent, cue: str) -> None:
            if a is None or a is b or b.cls in (EntityClass.PARK, EntityClass.PLACE, EntityClass.PERSON):
                return
            out.append(Rel(RelationKind.PARTNERS_WITH, a.idx, b.idx, ctx.sent, cue=cue))

        def coordinated(i: int) -> list[Cand]:
            """The mention at i and those joined to it by 、/和/及 right after it."""
            group = [firms[i]]
            j = i + 1
            while j < len(firms) and re.fullmatch(r"[、和及与,，]?", text[group[-1].end:firms[j].start]):
                group.append(firms[j])
                j += 1
            return group

        done: set[int] = set()
        for i, m in enumerate(firms):
            if i in done:
                continue
            before = text[max(ctx.sent.start, m.start - 12):m.start]
            lead = re.search(r"(与|和|同|跟|携手|牵手|联手|联合|为|向|替|给)((?:世界|全球)500强(?:企业|公司|巨头)?)?[的]?$",
                             before)
            if lead and lead.group(1) == "和" and not any(
                    o.end == m.start - len(lead.group(0)) + 1 for o in ms):
                lead = None      # 和 means "with" between two names (A和B合作); 包括和某光电: part of a name
            group = coordinated(i)
            after = text[group[-1].end:min(ctx.sent.end, group[-1].end + 24)]
            # A 与 B 合作 / 为 B 赶制 / 联合 B、C 推出
            if lead and (lead.group(1) in ("联合", "携手", "牵手", "联手") or
                         re.search(r"合作|签约|签署|签订|合同|赶制|供货|提供|配套|订单|协议|共建|合资|推出|对接|采购|牵手|携手|联手|结盟|橄榄枝|联合|共同", after)):
                subj = subject_before(m.start - len(lead.group(0)), ctx.ent(m))
                for g in group:
                    add(subj, ctx.ent(g), "partner-cue")
                done.update(range(i, i + len(group)))
                continue
            # 来自 A、B、C 等…客户的订单 ; A、B 是我们的客户 ; 他们的客户包括 A、B
            if (re.match(r"(等)?[^，。；]{0,8}?(客户|合作伙伴|供应商|订单)", after)
                    or _CLIENTS_BEFORE.search(text, max(ctx.sent.start, m.start - 16), m.start)):
                subj = subject_before(m.start, ctx.ent(m), group)
                for g in group:
                    add(subj, ctx.ent(g), "client-list")
                done.update(range(i, i + len(group)))
                continue
            # A 伸出橄榄枝 … B 接住
            if re.match(r"[“\"]?伸出[“\"]?橄榄枝", after):
                partner = next((ctx.ent(x) for x in firms[i + 1:] if ctx.ent(x).cls in FIRMS), None)
                if partner is None:
                    partner = ctx.focus_firm
                if partner is not None:
                    add(partner, ctx.ent(m), "olive-branch")
        # A、B 双方 …
        if "双方" in sent_text and not out:
            # a city or district is no party: signings with a Place give no partnersWith (the annotation conventions)
            parties = [m for m in ms if ctx.ent(m).cls in ORGS + (EntityClass.PARK,)]
            if len(parties) >= 2 and re.fullmatch(r"[、和与及]", text[parties[0].end:parties[1].start]):
                a, b = ctx.ent(parties[0]), ctx.ent(parties[1])
                if a is not b:
                    out.append(Rel(RelationKind.PARTNERS_WITH, a.idx, b.idx, ctx.sent, cue="both-parties"))
        return out

    def _manages(self, ctx: "_SentCtx") -> list[Rel]:
        """作为中国X园的管理部门，Y服务中心…: Y manages the park named in the 作为 clause."""
        out = []
        for i, m in enumerate(ctx.ms):
            body = ctx.ent(m)
            if body.cls is not EntityClass.GOVERNMENT_BODY:
                continue
            cue = L.PARK_ADMIN_INTRO.search(ctx.text, max(ctx.sent.start, m.start - 40), m.start)
            if cue is None:
                continue
            for prev in ctx.ms[:i]:
                if ctx.ent(prev).cls is EntityClass.PARK and cue.start(1) <= prev.start < cue.end(1):
                    out.append(Rel(RelationKind.MANAGES, body.idx, ctx.ent(prev).idx, ctx.sent, cue="admin-of-park"))
        return out

    def _subsidiary(self, ctx: "_SentCtx") -> list[Rel]:
        out = []
        text = ctx.text
        for a, b in zip(ctx.ms, ctx.ms[1:]):
            ea, eb = ctx.ent(a), ctx.ent(b)
            if ea.cls not in FIRMS or eb.cls not in FIRMS or ea is eb:
                continue
            gap = text[a.end:b.start]
            if re.fullmatch(r"(旗下|下属|控股)的?(?:全资|控股)?(?:子公司|分公司|企业)?", gap) or re.fullmatch(
                    r"的?(?:全资|控股)?(?:子公司|分公司)(?:之一)?[—\-－:：，,、]*", gap):
                # A旗下的B; A全资子公司——B
                out.append(Rel(RelationKind.SUBSIDIARY_OF, eb.idx, ea.idx, ctx.sent, cue="subsidiary-cue"))
            elif re.fullmatch(r"(是|为|系)", gap) and re.match(r"的?(全资|控股)?子公司", text[b.end:]):
                out.append(Rel(RelationKind.SUBSIDIARY_OF, ea.idx, eb.idx, ctx.sent, cue="subsidiary-cue"))
        return out

    @staticmethod
    def _place_ent(ctx: "_SentCtx", name: str) -> Ent | None:
        """The article's Place entity with this name, if any."""
        for e in ctx.by_idx.values():
            if e.cls is EntityClass.PLACE and name in (normalise_name(n) for n in e.names + [e.label]):
                return e
        return None

    def _located(self, ctx: "_SentCtx") -> list[Rel]:
        out = []
        text = ctx.text
        for i, m in enumerate(ctx.ms):
            e = ctx.ent(m)
            if e.cls is not EntityClass.PLACE:
                continue
            before = text[max(ctx.sent.start, m.start - 4):m.start]
            if not re.search(r"(位于|地处|坐落于|坐落在|落户)$", before):
                continue
            # 位于浙江省湖州市长兴县: the most specific place of the chain
            j = i
            while j + 1 < len(ctx.ms) and ctx.ms[j + 1].start == ctx.ms[j].end \
                    and ctx.ent(ctx.ms[j + 1]).cls is EntityClass.PLACE:
                j += 1
            place = ctx.ent(ctx.ms[j])
            subject = None
            for prev in reversed(ctx.ms[:i]):
                pe = ctx.ent(prev)
                if pe.cls in ORGS or pe.cls is EntityClass.PARK:
                    subject = pe
                    break
            if subject is None and j + 1 < len(ctx.ms) and text[ctx.ms[j].end:ctx.ms[j + 1].start] == "的":
                nxt = ctx.ent(ctx.ms[j + 1])   # (总部)位于深圳的X公司
                if nxt.cls in ORGS or nxt.cls is EntityClass.PARK:
                    subject = nxt
            if subject is not None:
                out.append(Rel(RelationKind.LOCATED_IN, subject.idx, place.idx, ctx.sent, cue="located-cue"))
        # 长安区智能制造产业基地、文化创意产业基地: a park coordinated after one named with a place is there too
        for i, m in enumerate(ctx.ms[:-1]):
            a, b = ctx.ent(m), ctx.ent(ctx.ms[i + 1])
            if a.cls is EntityClass.PARK and b.cls is EntityClass.PARK and a is not b \
                    and text[m.end:ctx.ms[i + 1].start] in ("、", "和", "及", "与"):
                b_text = normalise_name(ctx.ms[i + 1].text or b.label)
                if any(self.gaz.place(b_text[k:k + n]) for k in range(len(b_text)) for n in (2, 3)):
                    continue
                a_text = normalise_name(m.text or a.label)
                for n in (4, 3, 2):
                    place = self._place_ent(ctx, a_text[:n])
                    if place is not None:
                        out.append(Rel(RelationKind.LOCATED_IN, b.idx, place.idx, ctx.sent, cue="coordinated-park"))
                        break
        # A、B等一批长兴企业, A、B等一批澳门优质企业, A、B等上海项目: the firms of a list closed by a place's firms are there
        for i, m in enumerate(ctx.ms):
            place = ctx.ent(m)
            if place.cls is not EntityClass.PLACE or not _FIRMS_AFTER_PLACE.match(text, m.end):
                continue
            at = _FIRMS_OF_PLACE.search(text, ctx.sent.start, m.start)
            if at is None:
                continue
            expected = at.start()
            for prev in reversed(ctx.ms[:i]):
                pe = ctx.ent(prev)
                if prev.end != expected or pe.cls is not EntityClass.COMPANY:
                    break
                out.append(Rel(RelationKind.LOCATED_IN, pe.idx, place.idx, ctx.sent, cue="firms-of-place"))
                expected = prev.start - 1
                if expected < ctx.sent.start or text[expected] not in "、和及":
                    break
        # 在<Place>挂牌/设立/成立“<Park>”
        for i, m in enumerate(ctx.ms[:-1]):
            e, n = ctx.ent(m), ctx.ent(ctx.ms[i + 1])
            if e.cls is EntityClass.PLACE and n.cls in (EntityClass.PARK,) + ORGS:
                gap = text[m.end:ctx.ms[i + 1].start]
                if text[max(0, m.start - 1):m.start] == "在" and re.fullmatch(r"(挂牌|设立|成立|揭牌|建设)“?", gap):
                    out.append(Rel(RelationKind.LOCATED_IN, n.idx, e.idx, ctx.sent, cue="established-in"))
        return out


# an administration named by a park's short form or kind: (市)高新区党工委, 经开区管委会, 某某示范区党工委
_SHORT_ADMIN = re.compile(r"(?:市|区|县)?([\u4e00-\u9fff]{2,8}?(?:区|园|城|新区))(?:党工委|管委会|管理委员会|工委|管委)")
_PARK_ADMIN_SUFFIXES = ("管委会", "管理委员会", "党工委", "工委", "区委", "管理办公室", "管理局", "管理处", "管理中心",
                        "服务中心", "办事处")


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    """The sentence holding ``pos`` (sentences are sorted and disjoint)."""
    k = bisect_right(sentences, pos, key=lambda s: s.start) - 1
    if k >= 0 and sentences[k].start <= pos < sentences[k].end:
        return sentences[k]
    return None


def _is_park_admin(e: Ent) -> bool:
    """A park's administration (管委会, 党工委, …服务中心): it manages the park."""
    return any(normalise_name(n).endswith(_PARK_ADMIN_SUFFIXES) for n in e.names + [e.label])


def _park_stems(park: Ent) -> list[str]:
    """济南高新技术产业开发区 -> 济南高新技术产业: the stem that bodies and firms named after the park start with."""
    out = []
    for n in [park.label] + park.names:
        for suf in ("开发区", "园区"):
            if n.endswith(suf) and len(n) - len(suf) >= 5:
                out.append(n[: -len(suf)])
    return out


def _partner_sentence(s: str) -> bool:
    return any(c in s for c in L.PARTNER_CUES)


def _is_local_firm(e: Ent) -> bool:
    """Foreign firms (加拿大…, 韩国…) are partners of park firms, not hosted by the park."""
    return not (e.place is not None and e.place.level == 0 and e.place.code != "C:中国")


# P 先后引进了 A、B…: a park bringing firms in
# between a city or county and its introducing verb: adverbs and the kind of the effort (某县集群|引进, 某市先后|引进)
_PLACE_SUBJECT_GAP = re.compile(r"(?:坚持|集群|精准|大力|积极|先后|相继|陆续|已|已经|还|共|累计|成功|近年来|今年以来|[，,])*")
_PLACE_ANAPHOR = re.compile(r"(?:该|全|本)(?:县|市|区)(?:集群|精准|大力|积极|先后|相继|陆续|已|已经|还|共|累计|成功)*$")
_PARK_INTRODUCES = re.compile(r"(?:签约|先后|相继|陆续|已|已经|还|又|共|成功|累计|重点|积极|新)*(?:引进|引入|招引|吸引|吸纳|引来|落地)(?:了)?"
                              r"(?:包括)?")
# between a park and 引进: the park is not the subject (P与A合作引进…, 为P引进…)
_NOT_ITS_SUBJECT = re.compile("与|和|同|跟|为|对")
# what may follow a name that is itself the object of 引进 (a list goes on, the clause ends, the firm settles)
_OBJECT_END = re.compile(r"[、和及与等，。；,;：:（(“”\"\s]|$|落户|入驻|落地|项目|企业|公司|[0-9一二三四五六七八九十两]+[家个项]")
# what closes a list of firms named as a place's: A、B等(一大批|30多家)长兴企业
_FIRMS_OF_PLACE = re.compile(r"等(?:一批|一大批|多家|众多|数十家|[0-9一二三四五六七八九十百]+[多余]?家)?$")
# …等澳门优质品牌企业, …等上海项目: the place's firms (or their projects) right after the place
_FIRMS_AFTER_PLACE = re.compile("(?:知名|优质|重点|龙头|骨干|本土|本地)?(?:品牌)?(?:企业|公司|项目)")
# the end of a counted list of projects, right after its last item: …、乙年产…等4个项目
_COUNTED_END = re.compile(r"(?<=[^，,。；;！？])" + L.COUNTED_PROJECTS_END)
# X公司投资的Y项目 / 投资建设的: the firm invests in a project of the passage's park
_INVESTOR_OF = re.compile(r"(?:投资|投建|投资建设|建设)的")
# 等<category>，then a second list that again ends in 等 within its clause (A、B等世界500强，C、D等隐形冠军)
_NEXT_LIST_GAP = re.compile(r"等[^，。；！？、]{1,10}[，,]")
_LIST_END = re.compile(r"[^，,。；;！？]*?等")
# what joins the items of one list: A、B / A和B / A及B / A等龙头企业和B、C等配套企业 (two lists)
_COORD_GAP = re.compile(r"、|和|及|以及|、以及|等[^，。；！？、0-9]{0,10}(?:和|及|以及)")
# X (将|已)?在园区投资/建设/落户…: the park in focus, not named
_IN_THE_PARK = re.compile(r"(?:将|已|已经|拟|计划|正|先后|也)?(?:在|于|落户|入驻|扎根|进驻)(?:该园区|园区|园内|区内|该区|本区)"
                          r"(?:内)?(?:投资|建设|新建|设立|落户|布局|建成|落地|扩产|成立)")
# a park named by its kind alone, and the kinds each word may stand for (开发区: any development zone)
_BARE_KIND = re.compile(r"经济技术开发区|高新技术产业开发区|经开区|高新区|开发区|新区|保税区|综保区")
_KIND_OF = {"经济技术开发区": {"经开"}, "经开区": {"经开"}, "高新技术产业开发区": {"高新"}, "高新区": {"高新"},
            "开发区": {"经开", "高新", "开发"}, "新区": {"新区"}, "保税区": {"保税"}, "综保区": {"保税"}}


def _kind_of(name: str) -> set[str]:
    """The kinds a park's name says it is of (青川经济技术开发区: 经开), by its last word."""
    w = next((w for w in _KIND_OF if name.endswith(w)), None)     # longest first: the dict's order
    return _KIND_OF[w] if w is not None else set()


# a role right after an organisation (the longest one: 董事长兼总经理 before 董事长)
_ROLES = "|".join(sorted(map(re.escape, L.PERSON_ROLES), key=len, reverse=True))
_ROLE_AT = re.compile(f"(?:{_ROLES})(?:兼(?:{_ROLES}))?")
# between a parent firm and its subsidiary: A旗下的B, A全资子公司B
_PARENT_OF = re.compile(r"(?:旗下|下属)的?(?:全资|控股)?(?:子公司|分公司|企业)?|的?(?:全资|控股)?(?:子公司|分公司)")
# a role in a park's unnamed party committee or administration: (开发区)党工委书记、管委会主任 right before a name
_COMMITTEE_CHAIN = re.compile(r"(?:(?:常务)?副?(?:书记|主任|委员)|(?:管委会|管委)(?:常务)?副?主任|、)+")
_BARE_ADMIN_ROLE = re.compile(r"(?<![\u4e00-\u9fff])(?:(?:高新区|开发区|经开区|新区|园区|区)?(?:党工委|管委会)(?:常务)?"
                              r"(?:副)?(?:书记|主任|委员)[、，]?){1,3}$")
# an office of a park's own administration, named right after the park: 某开发区(管委会)(常务)副主任X
_PARK_OFFICE = re.compile(r"(?:(?:党工委|管委会)?(?:常务)?(?:副)?(?:书记|主任)[、，]?){1,3}")
_ROLE_FOCUS_WINDOW = 200  # characters back to the firm a role without its firm belongs to
# 客户包括/有/涵盖 A、B: the clients named after the word (the subject is the firm in focus)
_CLIENTS_BEFORE = re.compile(r"(?:客户|合作伙伴|合作方|供应商)(?:群体|名单)?(?:包括|包含|有|涵盖|遍及|覆盖|既有|还有|中有)(?:了)?"
                             r"(?:(?:世界|全球)500强(?:企业|公司)?|国内外|知名企业|众多)?[的]?$")
_FOCUS_WINDOW = 400      # characters a subject-less clause reaches back for the firm in focus
_ANAPHOR_WINDOW = 1500   # characters an anaphor (该公司, 我们) reaches back


def _university(e: Ent) -> bool:
    """整合山东大学科研资源: a university in a sentence about a park is its partner, not its tenant."""
    return normalise_name(e.label).endswith(("大学", "学院"))


def _national(e: Ent) -> bool:
    """中国农业科学院控股有限公司, 国家电网: a national firm is not a park's tenant by mere mention."""
    return normalise_name(e.label).startswith(("中国", "国家", "中华", "全国"))


class _SentCtx:
    __slots__ = ("text", "sent", "ms", "ent_of", "focus_firm", "focus_park", "employer", "partners", "by_idx",
                 "focus_by_cls", "focus_pos", "managed", "own_parks")

    def __init__(self, text, sent, ms, ent_of, focus_firm, focus_park, employer, partners=None, by_idx=None):
        self.text, self.sent, self.ms, self.ent_of = text, sent, ms, ent_of
        self.focus_firm, self.focus_park, self.employer = focus_firm, focus_park, employer
        self.partners = partners if partners is not None else {}     # entity idx -> partner idxs so far
        self.by_idx = by_idx if by_idx is not None else {}
        self.focus_by_cls: dict = {}      # EntityClass -> the last entity of that class in focus
        self.focus_pos: dict = {}         # entity idx -> end of its last mention before this sentence
        self.managed: dict = {}           # 管委会 entity idx -> idx of the park it manages
        self.own_parks: set = set()       # parks named after the firm that builds them (firms_own_parks)

    def focus_for(self, before: str, window: int = 0) -> Ent | None:
        """The referent of the last anaphor in ``before``: 该中心/该院 an institute, 该公司/这家企业 a company, else
        the firm last in focus. With ``window``, only a firm mentioned within that many characters before the
        sentence (a subject-less clause does not reach back into another story of the page)."""
        last = max(((before.rfind(a), a) for a in L.ANAPHORA), default=(-1, ""))
        if last[0] < 0:
            e = self.focus_firm
        elif last[1] in L.INSTITUTE_ANAPHORA:
            e = self.focus_by_cls.get(EntityClass.INSTITUTE)
        else:
            e = self.focus_by_cls.get(EntityClass.COMPANY)
        if e is not None and window and self.sent.start - self.focus_pos.get(e.idx, -10 ** 9) > window:
            return None
        return e

    def ent(self, m: Cand) -> Ent:
        return self.ent_of[id(m)]


_BARE_ADMIN = re.compile(r"(?:高新区|开发区|经开区|园区|新区|保税区|综保区|示范区|产业园|自贸区)?(?:管委会|管理委员会|管委)")


def bare_administrations(rels: list[Rel], ents: list[Ent]) -> tuple[list[Rel], list[Ent]]:
    """A 管委会 named by its park's kind alone (高新区管委会主任X) is no entity of its own: as the annotation
    conventions ask, its officials work for the park in focus where they are named (the nearest park named
    before them, else the article's first park), with the role as written."""
    bare = {e.idx for e in ents if e.cls is EntityClass.GOVERNMENT_BODY and e.mentions
            and all(_BARE_ADMIN.fullmatch(normalise_name(n)) for n in e.names)}
    if not bare:
        return rels, ents
    parks = sorted((m.start, e.idx) for e in ents if e.cls is EntityClass.PARK for m in e.mentions)
    out = []
    for r in rels:
        if r.head in bare or r.tail in bare:
            if r.kind is not RelationKind.WORKS_FOR or r.tail not in bare or not parks:
                continue
            pos = r.sent.start if r.sent is not None else 0
            j = bisect_right([p for p, _i in parks], pos + (r.sent.end - r.sent.start if r.sent else 0)) - 1
            park = parks[max(j, 0)][1]
            role = r.role if r.role.startswith("管委") else "管委会" + r.role
            r = Rel(r.kind, r.head, park, r.sent, role=role, implied=r.implied, cue=r.cue)
        out.append(r)
    return dedupe(out), [e for e in ents if e.idx not in bare]


def _group_member_by_name(gaz, member: str, group: str) -> bool:
    """岳泰精工 of 岳泰集团: a firm named with the group's brand and an industry word of its own."""
    g = normalise_name(group)
    core = company_core(g, gaz)
    return g.endswith(GROUP_ENDS) and len(core) >= 2 and group_and_member(g, normalise_name(member), core, True)


