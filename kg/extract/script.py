"""Articles written in traditional characters (Hong Kong, Macao and Taiwan pages, mirrors of mainland news) are
read with the simplified-script gazetteers and lexicons: the text is mapped to simplified characters one
character for one (OpenCC's character table, ``kg/data/opencc``), so every offset stays valid, and the names
found are given back in the article's own characters.

OpenCC's phrase conversion is not used (it may change a text's length); the character table alone is what an
offset-preserving reading needs, so it ships as data instead of a dependency (the ``opencc`` module name is also
taken by two different packages).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

# a text is read as traditional when at least this many of its characters, and this share of its Chinese
# characters, are traditional forms (simplified text holds a few characters the table maps too: 著, 乾)
MIN_TRADITIONAL = 5
MIN_SHARE = 0.05


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    text = resources.files("kg").joinpath("data/opencc/TSCharacters.txt").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        trad, _, simp = line.partition("\t")
        simp = simp.split()[0] if simp.split() else ""
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            table[ord(trad)] = simp
    return table


def simplified(text: str) -> str:
    """``text`` in simplified characters, character for character, when it is written in traditional ones;
    otherwise ``text`` itself."""
    table = _table()
    changed = sum(1 for ch in text if ord(ch) in table)
    if changed < MIN_TRADITIONAL:
        return text
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if changed < MIN_SHARE * cjk:
        return text
    return text.translate(table)


class Restorer:
    """Gives names found in the simplified reading back in the article's characters."""

    def __init__(self, simple: str, original: str):
        self.simple, self.original = simple, original

    def __call__(self, name: str) -> str:
        at = self.simple.find(name)
        if at >= 0:
            return self.original[at:at + len(name)]
        return name      # not written in the article (a gazetteer's full name): the gazetteer's own form


def restore_names(ents, restore: Restorer) -> None:
    """The names, mentions and honour lists of ``ents`` (found in the simplified reading) in the article's own
    characters."""
    for e in ents:
        e.names = list(dict.fromkeys(restore(n) for n in e.names))
        for m in e.mentions:
            m.text = restore.original[m.start:m.end]
        e.lists = [restore(x) for x in e.lists]
