"""Honour lists the text puts firms on (瞪羚企业, 专精特新, 隐形冠军, 中国500强 …).

Two shapes, within one clause of a sentence:

- ``A、B等(企业)?(被)?(入选|成为|被评为|获评|认定为|荣获 …)(“)?L(”)?`` and ``A入选…L名单``: the enumeration right before
  the verb is put on the list L that follows it;
- ``(“)?L(”)?(企业)?(有|包括|如)?A、B``: a list name right before an enumeration.

L is short (2–20 characters), quotes stripped, and ends with a list word (``lexicon.LIST_ENDINGS``; a bare 企业
only with a list marker in the name). Only companies and institutes are put on lists: parks, places, persons and
government bodies are not. The Fortune Global 500 (世界500强) is left to the entity rules.
"""
from __future__ import annotations

from bisect import bisect_left

import re

from kg.extract import lexicon as L
from kg.extract.types import Cand, Ent, Sentence
from kg.records import EntityClass

FIRMS = (EntityClass.COMPANY, EntityClass.INSTITUTE)
MIN_LEN, MAX_LEN = 2, 20

_CLAUSE_END = re.compile(r"[，,；;。！？!?：:\n]")
_OPEN = {"“": "”", "‘": "’", '"': '"', "'": "'", "「": "」", "『": "』"}
_VERB = re.compile("|".join(map(re.escape, sorted(L.LIST_VERBS, key=len, reverse=True))))
# what may stand between the enumeration and the verb: 等(3家)?(企业)?, adverbs, dates
_SUBJ_GAP = re.compile(r"(?:等(?:[0-9一二三四五六七八九十百几多]+家)?(?:企业|公司|单位|机构)?)?"
                       r"(?:被|已|已经|均|都|也|还|先后|相继|分别|成功|再次|首次|同时|正式|顺利|一举|曾|今年|去年|近日|日前|"
                       r"此前|近年来|[0-9]{4}年(?:度)?)*")
_JOIN = re.compile(r"[、和及与]|以及")
_NAME_RUN = re.compile(r"[%s()（）·]+" % L.NAME_CHARS)
_LEAD = re.compile(r"^(?:了|为|过)?(?:[0-9]{4}年(?:度)?)?")
_TAIL = re.compile(r"(?:称号|荣誉|认定|资质|行列|之列|序列|企业称号)$")
_BEFORE_ENUM = re.compile(r"(?:有|包括|如|为|是)?[:：]?$")
_QUALIFIERS = ("国家级", "省级", "市级", "国家", "全国", "中国")


def list_name(s: str) -> str:
    """``s`` as a list name, or "" when it is none: ends with a list word, 2–20 characters, no clause inside."""
    s = _TAIL.sub("", s.strip())
    if not MIN_LEN <= len(s) <= MAX_LEN or "的" in s or L.FORTUNE_GLOBAL_LIST.search(s):
        return ""
    if s.endswith(tuple(L.LIST_ENDINGS)):
        return s
    if s.endswith("企业") and any(k in s for k in L.LIST_MARKERS):
        return s
    return ""


def _quoted_after(text: str, pos: int, end: int) -> str:
    """The list name starting at ``pos``: quoted (“L”, “L”企业, 《某刊》百强) or a bare run of name characters."""
    ch = text[pos:pos + 1]
    if ch in _OPEN:
        close = text.find(_OPEN[ch], pos + 1, end)
        if close < 0:
            return ""
        inner = text[pos + 1:close]
        if text[close + 1:close + 3] == "企业" and list_name(inner + "企业") and not list_name(inner):
            return inner + "企业"
        return list_name(inner)
    run = ""
    i = pos
    while i < end:  # book-title marks are dropped, their content kept: 《某刊》民企百强 -> 某刊民企百强
        m = _NAME_RUN.match(text, i)
        if m:
            run += m.group(0)
            i = m.end()
        elif text[i] in "《》":
            i += 1
        else:
            break
    run = _TAIL.sub("", run)
    # the longest prefix of the run that is a list name (入选瞪羚企业名单后 -> 瞪羚企业名单)
    for k in range(min(len(run), MAX_LEN + 4), MIN_LEN - 1, -1):
        name = list_name(run[:k])
        if name:
            return name
    return ""


def _list_before(text: str, start: int, pos: int) -> str:
    """The list name ending right before ``pos`` (瞪羚企业A, “隐形冠军”企业A, 专精特新小巨人企业有A)."""
    before = text[start:pos]
    before = before[:len(before) - len(_BEFORE_ENUM.search(before).group(0))]
    if before.endswith("企业") and before[:-2][-1:] in _OPEN.values():
        before = before[:-2]
    if before[-1:] in _OPEN.values():
        close = before[-1]
        opener = next((o for o, c in _OPEN.items() if c == close), "")
        i = before.rfind(opener, 0, len(before) - 1)
        if i < 0:
            return ""
        inner = before[i + 1:-1]
        return list_name(inner) or list_name(inner + "企业")
    # unquoted: grow leftwards over list words and qualifiers (国家级专精特新小巨人企业)
    name = ""
    rest = before
    while True:
        for w in tuple(L.LIST_ENDINGS) + ("企业",) + _QUALIFIERS:
            if rest.endswith(w) and (w != "企业" or name == ""):
                name, rest = w + name, rest[:-len(w)]
                break
        else:
            break
    if name == "企业" or L.FORTUNE_GLOBAL_LIST.search(before[-len(name) - 6:]):
        return ""     # 世界500强A: the Fortune Global 500, not an honour list
    return list_name(name)


def find_lists(text: str, sentences: list[Sentence], ents: list[Ent], mentions: list[Cand]) -> dict[int, list[str]]:
    """Ent.idx -> the list names the text puts it on (first-seen order). Also sets ``Ent.lists``."""
    ent_of = {id(c): e for e in ents for c in e.mentions}
    ms = sorted((m for m in mentions if id(m) in ent_of), key=lambda m: (m.start, -m.end))
    starts = [m.start for m in ms]
    out: dict[int, list[str]] = {}

    def put(group: list[Cand], name: str) -> None:
        for m in group:
            e = ent_of[id(m)]
            if e.cls in FIRMS and name not in out.setdefault(e.idx, []):
                out[e.idx].append(name)

    for sent in sentences:
        lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)  # linear, not sentences x mentions
        sms = [m for m in ms[lo:hi] if m.end <= sent.end]
        if not sms:
            continue
        # clauses of the sentence
        bounds = [sent.start] + [m.end() for m in _CLAUSE_END.finditer(text, sent.start, sent.end)] + [sent.end]
        for cs, ce in zip(bounds, bounds[1:]):
            cms = [m for m in sms if cs <= m.start and m.end <= ce]
            if not cms:
                continue
            # shape 1: enumeration + verb + list
            for v in _VERB.finditer(text, cs, ce):
                before = [m for m in cms if m.end <= v.start()]
                if not before:
                    continue
                last = before[-1]
                if not _SUBJ_GAP.fullmatch(text, last.end, v.start()):
                    continue
                name_start = v.end() + len(_LEAD.match(text[v.end():ce]).group(0))
                name = _quoted_after(text, name_start, ce)
                if not name:
                    continue
                put(_enumeration(text, before), name)
            # shape 2: list name + enumeration
            i = 0
            while i < len(cms):
                group = _enumeration_from(text, cms, i)
                name = _list_before(text, max(cs, cms[i].start - 30), cms[i].start)
                if name and (i == 0 or cms[i - 1].end <= cms[i].start - len(name)):
                    put(group, name)
                i += len(group)
    for e in ents:
        e.lists = out.get(e.idx, [])
    return out


def _enumeration(text: str, before: list[Cand]) -> list[Cand]:
    """The mentions joined by 、/和/及 that end with the last of ``before``."""
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if m.end <= group[0].start and _JOIN.fullmatch(text, m.end, group[0].start):
            group.insert(0, m)
        elif m.end > group[0].start:
            continue   # nested in the first member
        else:
            break
    return group


def _enumeration_from(text: str, ms: list[Cand], i: int) -> list[Cand]:
    """The mentions joined by 、/和/及 starting with ms[i]."""
    group = [ms[i]]
    for m in ms[i + 1:]:
        if m.start >= group[-1].end and _JOIN.fullmatch(text, group[-1].end, m.start):
            group.append(m)
        else:
            break
    return group
