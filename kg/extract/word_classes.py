"""Word knowledge from jieba's dictionary (shipped inside the jieba wheel, no download): part-of-speech tags
of ~350k common words. Used for two judgements a reader makes without thinking:

- a name does not start with a verb or a function word (``期待合作示范区`` -> ``合作示范区``);
- a phrase made only of common dictionary words is a generic term, not a name (``工程机械``, ``人工智能``),
  while names contain words the dictionary does not know or tags as proper nouns (``采埃孚``, ``广汽菲克``).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Iterator

_FUNCTION_TAGS = {"v", "p", "c", "d", "u", "uj", "ul", "ud", "ug", "uv", "uz", "r", "f", "m", "q", "ad", "y",
                  "e", "o", "zg", "vd", "k"}
_NAME_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng", "x"}
_TIME_LOCATIVE_END = tuple("上时前后中里内")
# common words the dictionary tags as proper nouns (上市 "go public" is tagged ns): their everyday reading
_TAG_FIXES = {"上市": "v", "落地": "v", "开展": "v", "新建": "v", "全面": "ad", "党委": "n", "党组": "n", "党政": "n"}


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], dict[str, str], float, int]:
    """jieba's dictionary (``jieba/dict.txt``, ~350k lines ``word count tag``) read straight from the wheel:
    counts, tags, log of the total count, longest word. jieba itself would take ~1.1 s to import its POS module
    and load its prefix dictionary; reading the file takes ~0.4 s, and every process of a build pays it once."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise ImportError("the jieba package (its dictionary) is not installed")
    counts: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = longest = 0
    with open(os.path.join(os.path.dirname(spec.origin), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, n = parts[0], int(parts[1])
            counts[word] = n          # as jieba: a later line wins, every line adds to the total
            total += n
            if len(parts) > 2:
                tags[word] = parts[2]
            if len(word) > longest:
                longest = len(word)
    return counts, tags, math.log(total), longest


# jieba's own block patterns (jieba.re_han_default, re_skip_default, re_eng)
_RE_HAN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
_RE_SKIP = re.compile(r"(\r\n|\s)")
_RE_ENG = re.compile(r"[a-zA-Z0-9]")


def _cut(s: str) -> Iterator[str]:
    """Exactly ``jieba.cut(s, HMM=False)`` (tested against it): the most probable path through the words of the
    dictionary, runs of single Latin letters and digits joined, other characters one by one."""
    for block in _RE_HAN.split(s):
        if not block:
            continue
        if _RE_HAN.match(block):
            yield from _cut_block(block)
        else:
            for x in _RE_SKIP.split(block):
                if _RE_SKIP.match(x):
                    yield x
                else:
                    yield from x


def _cut_block(s: str) -> Iterator[str]:
    counts, _, logtotal, longest = _dictionary()
    n = len(s)
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        ends = [j - 1 for j in range(i + 1, min(n, i + longest) + 1) if counts.get(s[i:j])] or [i]
        route[i] = max((math.log(counts.get(s[i:x + 1]) or 1) - logtotal + route[x + 1][0], x) for x in ends)
    i, buf = 0, ""
    while i < n:
        j = route[i][1] + 1
        word = s[i:j]
        if len(word) == 1 and _RE_ENG.match(word):
            buf += word
        else:
            if buf:
                yield buf
                buf = ""
            yield word
        i = j
    if buf:
        yield buf


def tokens(s: str) -> list[str]:
    return list(_tokens(s))


@lru_cache(maxsize=1 << 16)
def _tokens(s: str) -> tuple[str, ...]:
    # the same short strings (a name's prefix, a suffix's context) are cut again and again: cache the cuts
    return tuple(_cut(s))


def tag(word: str) -> str | None:
    t = _TAG_FIXES.get(word)
    return t if t is not None else _dictionary()[1].get(word)


@lru_cache(maxsize=1)
def _pd_clause_words() -> frozenset[str]:
    """Words People's Daily 1998 (hand-tagged) uses as verbs, adverbs, prepositions or conjunctions
    (``kg/data/pd1998_clause_words.txt``, built by ``scripts/build_pd_clause_words.py``)."""
    from importlib import resources

    text = resources.files("kg").joinpath("data/pd1998_clause_words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


def clause_word(word: str) -> bool:
    """A word of the clause rather than of a name, by the hand-tagged newspaper corpus where jieba's dictionary tags
    it as a noun or a name (拓宽 nr, 充分发挥 n: two such words written as one)."""
    pd = _pd_clause_words()
    return word in pd or (len(word) >= 4 and any(word[:k] in pd and word[k:] in pd for k in (2, len(word) - 2)))


def frequency(word: str) -> int:
    """The word's count in jieba's dictionary (0 when it is not there)."""
    return _dictionary()[0].get(word) or 0


def is_content_word(word: str) -> bool:
    """A dictionary word that is not a verb or function word (数据, 成都, 以色列, 华为): a stop character inside
    it does not end a name."""
    t = tag(word)
    return t is not None and t not in _FUNCTION_TAGS and t not in ("vn", "a", "t", "s")


def leading_verb(s: str) -> int:
    """Length of a two-or-more-character verb (升级, 建设, 推进) that ``s`` starts with, else 0."""
    toks = tokens(s)
    if toks and len(toks[0]) >= 2 and tag(toks[0]) in ("v", "vn", "vd"):
        return len(toks[0])
    return 0


def leading_common_word(s: str) -> int:
    """Length of a two-or-more-character common word (noun, verb, adjective; not a proper noun) ``s`` starts
    with, else 0."""
    toks = tokens(s)
    if toks and len(toks[0]) >= 2 and tag(toks[0]) in ("n", "v", "vn", "vd", "a", "ad", "d", "t"):
        return len(toks[0])
    return 0


# words that end a brand (云岚国际, 某某集团) rather than describe a product
_BRAND_TAILS = frozenset({"国际", "集团", "股份", "控股", "实业", "科技", "智能", "新材料", "新能源", "半导体", "微电子",
                          "机器人", "自动化", "生物医药", "智能云"})


_COMMON_YE = frozenset("工业 农业 产业 企业 行业 商业 物业 创业 就业 专业 事业 作业 营业 职业 林业 渔业 牧业 主业 实业".split())


def leading_brand(s: str, whole: bool = False) -> int:
    """Length of the brand a project or product phrase starts with (云岚国际|创新药生产基地, 岳宝乐|婴幼儿配方奶粉,
    星海云|工业互联网创新中心), else 0: words the dictionary does not know, proper nouns, and characters standing
    alone, up to the first common word. ``whole``: the phrase ends there (岳东方数科|总部), so the characters after
    a proper noun are part of the brand."""
    toks = tokens(s)
    n = singles = 0
    named = False
    for i, tok in enumerate(toks):
        t = tag(tok)
        if len(tok) == 1:
            if tok in _CLAUSE_CHARS or (t in _LONE_CLAUSE_TAGS and t != "d") or t == "f":
                break        # 纸上, 万和汇, 研发的: a clause character ends the brand

            singles += 1
            if named and singles > 1 and not (whole and n + len(tok) == len(s) and singles <= 2) \
                    and not _run_before_qualifier(toks, i, n):
                return _back_to_name(toks, i)
            n += 1
            continue
        if t is None or (t in _NAME_TAGS and (t != "j" or len(tok) >= 3)):   # 研发, 数控 (j): common
            named, singles = True, 0
            n += len(tok)
            continue
        if tok in _BRAND_TAILS or (tok.endswith("业") and len(tok) == 2 and tok not in _COMMON_YE):
            if n >= 2:
                n += len(tok)
            break
        break
    return n if n >= 2 else 0


# words that follow a brand in a project's name (某科恒道|高端装备…项目): a run of lone characters right before one
# of them is the end of the brand, not a clause
_AFTER_BRAND = frozenset({"高端", "新型", "智能", "绿色", "先进", "装备", "新材料", "新能源", "年产"})


def _run_before_qualifier(toks: list[str], i: int, n: int) -> bool:
    """Token ``i`` (a lone character) belongs to a run of lone characters that ends right before one of
    ``_AFTER_BRAND``, and the brand so far (``n`` characters) stays short: 岳科恒川|高端装备."""
    j = i
    while j < len(toks) and len(toks[j]) == 1 and tag(toks[j]) not in ("x", "w") and toks[j] not in _CLAUSE_CHARS:
        j += 1
    return j < len(toks) and toks[j] in _AFTER_BRAND and n + (j - i) <= 6


def _back_to_name(toks: list[str], i: int) -> int:
    """Length up to the end of the last proper noun before token ``i`` plus one character after it."""
    n = 0
    last = 0
    for tok in toks[:i]:
        n += len(tok)
        if len(tok) > 1:
            last = n
    return last


def starts_with_common_word(name: str) -> bool:
    """``name`` opens with a two-character dictionary word that is not a name or noun (强调, 强化, 高兴)."""
    toks = tokens(name)
    if not toks or len(toks[0]) < 2:
        return False
    t = tag(toks[0])
    return t is not None and t not in _NAME_TAGS and t not in ("n", "ng", "nr", "nz")


def leading_function_words(s: str, keep: set[str] | frozenset = frozenset()) -> int:
    """Length of the run of verbs/function words at the start of ``s`` (words in ``keep`` stop the run)."""
    n = 0
    toks = tokens(s)
    prev = None
    for i, tok in enumerate(toks):
        t = tag(tok)
        if tok in keep or t is None:
            break
        if len(tok) == 1 and tok not in _CLAUSE_CHARS and not (
                t == "m" and i + 1 < len(toks) and tag(toks[i + 1]) == "q") and not (
                t in _LONE_CLAUSE_TAGS) and not (
                t == "v" and i + 1 < len(toks) and len(toks[i + 1]) >= 2 and tag(toks[i + 1]) in ("v", "d")) and not (
                t == "a" and prev in ("v", "vd")):
            # a lone character often begins an unknown name: 瑞邦, 迈科, 亿达 (but 让博源, 两家); a pronoun,
            # preposition, conjunction or adverb standing alone is the clause (他希望…, 同…, 但…), so is a verb
            # before another verb (去攻克…) and a complement after a verb (发挥好…)
            break
        if len(tok) >= 2 and t not in _FUNCTION_TAGS and t not in ("t", "a") and clause_word(tok):
            t = "v"          # 拓宽|某速集团, 充分发挥|某利耀能: a verb the dictionary tags as a noun or a name
        if t in _FUNCTION_TAGS or (t == "t" and tok.endswith(_TIME_LOCATIVE_END)) or (t == "a" and prev in ("v", "vd")):
            n += len(tok)
            prev = t
            continue
        break
    return n


# jieba tags of lone characters that never open a name (pronouns, prepositions, conjunctions, adverbs, particles)
_LONE_CLAUSE_TAGS = frozenset({"r", "p", "c", "d", "u", "uj", "ul", "ud", "ug", "uv", "uz"})


# single characters that modify common phrases (世界一流高|科技园区, 新|材料)
_GENERIC_SINGLE = frozenset("高新大小老强优全总分各诸众若")
# single characters that are clause words, not the first character of a name
_CLAUSE_CHARS = frozenset("让使令帮请派叫要想会能可应需将把被对向给由经称任当做办搞有是为以于与和及或并且也都就还又再才更自建设"
                          "而但却则若如即亦兼率带交找去到随跟"
                          "最很均已在的了着过地得所从往朝沿按据凭靠随等之其该此各每某本这那哪个家位名项批种类")


def is_generic_phrase(s: str) -> bool:
    """True when ``s`` is made only of common dictionary words that are not proper nouns.

    Industry words of recent news that the dictionary lacks (文创, 双创, 电商) count as common words.
    """
    if _EXTRA_RE.search(s):
        return all(_is_generic(part) for part in _EXTRA_RE.split(s) if part)
    return _is_generic(s)


# common words of park and industry news missing from jieba's dictionary (it splits them into characters)
EXTRA_COMMON_WORDS = ("文创", "双创", "电商", "智造", "数智", "大数据", "新经济", "数创", "科创", "金创", "众创",
                      "跨境", "网红", "康养", "文旅", "智算", "算力", "信创", "新基建", "专精特新", "赋能")
_EXTRA_RE = re.compile("|".join(sorted(EXTRA_COMMON_WORDS, key=len, reverse=True)))


def _is_generic(s: str) -> bool:
    toks = tokens(s)
    if not toks:
        return True
    for tok in toks:
        t = tag(tok)
        if t is None or t in _NAME_TAGS:
            return False
        if len(tok) == 1 and tok not in _CLAUSE_CHARS and tok not in _GENERIC_SINGLE:
            return False   # single characters outside dictionary words: part of an unknown name (迈胜, 新澳)
    return True
