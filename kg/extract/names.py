"""What organisation names are made of: the core of a firm's name, group and member names, abbreviations."""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.gazetteer import Gazetteer
from kg.vocab import normalise_name


def company_core(name: str, gaz: Gazetteer) -> str:
    """Short form of an organisation name: leading places and trailing industry words removed."""
    n = normalise_name(name)
    n = re.sub(r"[(（][^)）]*[)）]", "", n)
    changed = True
    while changed:
        changed = False
        for w in L.INDUSTRY_WORDS:
            if n.endswith(w) and len(n) - len(w) >= 2:
                n = n[: -len(w)]
                changed = True
                break
    # leading place names (国家, 省, 市, 县): 加拿大麦格纳 -> 麦格纳, 山东鑫亚格林鲍尔 -> 鑫亚格林鲍尔
    for k in range(min(len(n) - 2, 7), 1, -1):
        head = n[:k]
        if gaz.place(head) is not None:
            n = n[k:]
            break
    return n


def strip_trades(name: str, keep: int = 1) -> str:
    """The brand of a firm's name without its trailing trade words (某岳机电设备 -> 某岳), leaving at least ``keep``
    characters."""
    brand = name
    while True:
        word = next((w for w in L.FIRM_INDUSTRY_WORDS if brand.endswith(w) and len(brand) - len(w) >= keep), None)
        if word is None:
            return brand
        brand = brand[:-len(word)]


GROUP_ENDS = ("集团", "控股集团", "集团公司", "集团有限公司", "集团股份有限公司")
_SAME_FIRM_ENDS = ("股份", "控股", "实业", "公司", "有限公司", "股份有限公司", "有限责任公司")


def group_and_member(a: str, b: str, core: str, ordered: bool = False) -> bool:
    """One name is the group (X集团), the other the core and an industry word of its own (X精工, X新材料): a
    member of the group, not another name of it (X股份, X控股, X集团有限公司 are the same firm's names).
    ``ordered``: only ``a`` may be the group."""
    for g, m in ((a, b),) if ordered else ((a, b), (b, a)):
        g = re.sub(r"[(（][^)）]*[)）]", "", g)
        if g.endswith(GROUP_ENDS) and m.startswith(core) and len(m) - len(core) >= 2 and "集团" not in m \
                and not m[len(core):].startswith(_SAME_FIRM_ENDS) and g.startswith(core):
            return True
    return False


def is_abbreviation(short: str, full: str) -> bool:
    """山东产研院 abbreviates 山东产业技术研究院: same first and last character, characters in order."""
    s, f = normalise_name(short), normalise_name(full)
    if len(s) < 3 or len(s) >= len(f) or s[0] != f[0] or s[-1] != f[-1] or f.startswith(s):
        return False     # 建设银行 does not abbreviate 建设银行河北省分行: it names the parent
    dash = max(f.rfind(d) for d in "—-－")
    if dash >= 2 and not any(ch in s for ch in f[dash - 2:dash]):
        return False     # 东岭—西山科技园 is not abbreviated by a name that leaves out what precedes the dash
    it = iter(f)
    return all(ch in it for ch in s)
