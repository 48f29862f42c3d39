"""partnersWith from the grammar of signings and joint work, over the parties of one sentence.

Three rules, each named by a row id of the cue table (``kg/extract/cues.py``) as its ``pk:cue``:

- ``with-sign``: ``L 与 R1、R2 … 签约/签署/签订/合作/协作/共建/携手…`` (和 too, between two names: ``P和X签约``):
  every party between 与 and the verb partners
  with the party before 与 (the nearest one in the sentence, with the 、-list it belongs to: ``A、B等企业与P签订
  入驻协议``); a sentence without one speaks of the park in focus (``开发区通过深化与A、B等协作``).
  ``A与B、C与D等项目签约`` pairs each 与's two neighbours; ``与A、B分别就X、Y项目签约`` reaches past the topics.
- ``joint-list``: ``A、B联手打造 / 合资成立 / 共同出资``: the parties listed right before the joint verb partner
  with each other.
- ``park-signs``: ``P…签约，A、B等项目落户``: a park that signs, then the firms of the same sentence.

Parties are companies, institutes, parks and government bodies (a Place is not a party: signings with a city
give no partnersWith).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.types import Cand, Ent, Rel, Sentence
from kg.records import EntityClass, RelationKind

PARTIES = (EntityClass.COMPANY, EntityClass.INSTITUTE, EntityClass.PARK, EntityClass.GOVERNMENT_BODY)
FIRMS = (EntityClass.COMPANY, EntityClass.INSTITUTE)
_VERB = re.compile(r"签约|签署|签订|达成(?:了)?(?:战略)?合作|合作|协作|共建|共同建设|共同打造|联合打造|携手|牵手|联手|结成|对接|"
                   r"共同投资|共同出资|联合投资|合资")
_PIVOT = re.compile(r"[与同跟]")
_PIVOT_AND = re.compile(r"[与同跟和]")
_JOINT = re.compile(r"联手|携手|合资|联合成立|联合设立|共同出资|共同投资|共同打造|共同建设|联合打造")
_PARK_SIGN = re.compile(r"(?:集中)?签约(?!落户|入驻|进驻|落地)")   # 签约落户: settling (hosts), not a partnership
_PAIRS_LIST = re.compile(r"[与同跟][^、，。；]{2,30}、[^、，。；]{2,30}[与同跟]")
_EACH_ON = re.compile(r"分别就|分别围绕|分别在")
_MAX_REACH = 80          # characters from 与 to its verb
# a park named by its kind alone right after 与 (与高新区签约): the park in focus
_BARE_PARK = re.compile(r"(?:该|本)?(?:高新区|开发区|经开区|园区|保税区|综保区|新区|产业园|示范区)(?:管委会|党工委)?"
                        r"(?=签|共建|合作|达成|就|在|举行|正式)")


def _rel(kind, a: Ent, b: Ent, sent: Sentence, cue: str):

    h, t = (a.idx, b.idx) if a.idx < b.idx else (b.idx, a.idx)
    return Rel(kind, h, t, sent, cue=cue)


def _list_around(text: str, parties: list[tuple[Cand, Ent]], i: int) -> list[tuple[Cand, Ent]]:
    """The 、-list that party ``i`` belongs to (itself when alone)."""
    out = [parties[i]]
    j = i
    while j > 0 and text[parties[j - 1][0].end:parties[j][0].start] in ("、", "和", "及"):
        j -= 1
        out.insert(0, parties[j])
    j = i
    while j + 1 < len(parties) and text[parties[j][0].end:parties[j + 1][0].start] in ("、", "和", "及"):
        j += 1
        out.append(parties[j])
    return out


def signing_partners(text: str, sentences: list[Sentence], ents: list[Ent], mentions: list[Cand],
                     ent_of: dict[int, Ent]) -> list:
    starts = [s.start for s in sentences]
    by_sent: dict[int, list[tuple[Cand, Ent]]] = {}
    park_before: list[tuple[int, Ent]] = []
    for m in mentions:
        e = ent_of.get(id(m))
        if e is None:
            continue
        if e.cls is EntityClass.PARK:
            park_before.append((m.start, e))
        if e.cls in PARTIES:
            by_sent.setdefault(max(0, bisect_right(starts, m.start) - 1), []).append((m, e))
    park_pos = [p for p, _e in park_before]
    out = []
    for k, parties in sorted(by_sent.items()):
        sent = sentences[k] if sentences else Sentence(0, len(text))
        seg_start = sent.start
        # with-sign
        for w in _PIVOT_AND.finditer(text, sent.start, sent.end):
            if w.group() == "和" and not (any(m.end == w.start() for m, _e in parties)
                                          and any(m.start == w.end() for m, _e in parties)):
                continue     # 和 joins two parties named right around it (P和X签约); elsewhere it coordinates
            reach = _MAX_REACH
            if _EACH_ON.search(text, w.end(), min(sent.end, w.end() + _MAX_REACH)):
                reach = 3 * _MAX_REACH   # 与A、B、C分别就X、Y、Z项目签约: the verb comes after the list of topics
            v = _VERB.search(text, w.end(), min(sent.end, w.end() + reach))
            if v is None or re.search(r"[。；;！？]", text[w.end():v.start()]):
                continue
            right = [(m, e) for m, e in parties if w.end() <= m.start and m.end <= v.start()]
            # the party before 与 is in the same clause: A与B签约；C与D签约 never pairs B with C
            before = [i for i, (m, _e) in enumerate(parties) if m.end <= w.start()
                      and not re.search(r"[；;。！？]", text[m.end:w.start()])]
            if not right and before and _BARE_PARK.match(text, w.end()):
                # X与高新区/保税区/管委会签署…: the park word alone is the park in focus
                j = bisect_right(park_pos, w.start()) - 1
                if j >= 0:
                    right = [(None, park_before[j][1])]
                    before = [i for i in before if parties[i][1].cls in FIRMS]
            if not right:
                continue
            if _PAIRS_LIST.search(text, seg_start, v.start()):
                # A与B、C与D等项目签约: pairs, each 与 joining its two neighbours only
                nxt = [(m, e) for m, e in right if m.start == w.end()]
                if before and nxt and parties[before[-1]][0].end == w.start():
                    el, er = parties[before[-1]][1], nxt[0][1]
                    if el.idx != er.idx:
                        out.append(_rel(RelationKind.PARTNERS_WITH, el, er, sent, "with-sign"))
                continue
            if before:
                last, first = parties[before[-1]][0], parties[before[0]][0]
                if re.search(r"[，,]\s*$", text[last.end:w.start()]) and _PIVOT_AND.search(text, first.end, last.start):
                    # A与B签订X，与C签订Y: a clause opened by 与 goes on with the sentence's subject, not with B
                    left = _list_around(text, parties, before[0])
                else:
                    left = _list_around(text, parties, before[-1])
            else:
                j = bisect_right(park_pos, seg_start) - 1
                left = [(None, park_before[j][1])] if j >= 0 else []
            for _ml, el in left:
                for _mr, er in right:
                    if el.idx != er.idx:
                        out.append(_rel(RelationKind.PARTNERS_WITH, el, er, sent, "with-sign"))
        # joint-list
        for v in _JOINT.finditer(text, sent.start, sent.end):
            before = [i for i, (m, _e) in enumerate(parties) if m.end <= v.start() and v.start() - m.end <= 14]
            if not before:
                continue
            group = _list_around(text, parties, before[-1])
            if len(group) < 2 or re.search(r"[与同跟]", text[group[0][0].start:v.start()]):
                continue
            for i, (_ma, ea) in enumerate(group):
                for _mb, eb in group[i + 1:]:
                    if ea.idx != eb.idx:
                        out.append(_rel(RelationKind.PARTNERS_WITH, ea, eb, sent, "joint-list"))
        # park-signs
        for v in _PARK_SIGN.finditer(text, sent.start, sent.end):
            parks = [(m, e) for m, e in parties if e.cls is EntityClass.PARK and m.end <= v.start()
                     and not any(m.end <= mm.start < v.start() and ee.cls is not EntityClass.PARK
                                 for mm, ee in parties)]
            if not parks or _PIVOT.search(text, parks[-1][0].end, v.start()):
                continue
            park = parks[-1][1]
            for m, e in parties:
                if m.start > v.end() and e.cls in FIRMS:
                    out.append(_rel(RelationKind.PARTNERS_WITH, park, e, sent, "park-signs"))
    return out
