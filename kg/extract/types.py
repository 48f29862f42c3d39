"""The types the extraction modules hand each other: candidate mentions, sentences, document entities and
relations (clean-text offsets throughout).

They live here, below every rule module, so that entities -> resolve -> relations -> learned / signing import
in one direction only.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.gazetteer import FortuneEntry, ParkEntry, PlaceEntry
from kg.records import EntityClass, RelationKind
from kg.vocab import normalise_name


@dataclass
class Cand:
    """A candidate mention (clean-text offsets)."""

    start: int
    end: int
    cls: EntityClass
    source: str                 # gazetteer | suffix | list | person | alias | short | joint …
    score: int = 0              # higher wins overlaps of equal length
    place: PlaceEntry | None = None
    park: ParkEntry | None = None
    fortune: FortuneEntry | None = None
    f500_cue: bool = False
    text: str = ""
    official: str = ""          # the official name of a fixed-name body (中科院 -> 中国科学院)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Ent:
    idx: int
    cls: EntityClass
    names: list[str] = field(default_factory=list)   # surface names, first-seen order
    mentions: list[Cand] = field(default_factory=list)
    place: PlaceEntry | None = None
    park: ParkEntry | None = None
    fortune: FortuneEntry | None = None
    f500: bool = False
    official: str = ""          # gazetteer full name, when known
    lists: list[str] = field(default_factory=list)   # honour lists the text puts it on (kg.extract.lists)

    @property
    def label(self) -> str:
        if self.official:
            return self.official
        return max(self.names, key=lambda n: (len(normalise_name(n)), -self.names.index(n)))

    def add(self, c: Cand) -> None:
        self.mentions.append(c)
        if c.text not in self.names:
            self.names.append(c.text)


@dataclass(frozen=True)
class Rel:
    kind: RelationKind
    head: int            # Ent.idx
    tail: int
    sent: Sentence | None
    role: str = ""
    implied: bool = False
    cue: str = ""


def dedupe(rels: list[Rel]) -> list[Rel]:
    seen = set()
    out = []
    for r in rels:
        if r.head == r.tail:
            continue
        h, t = r.head, r.tail
        if r.kind is RelationKind.PARTNERS_WITH and t < h:
            h, t = t, h
            r = Rel(r.kind, h, t, r.sent, r.role, r.implied, r.cue)
        key = (r.kind, h, t, r.sent.start if r.sent else -1)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out
