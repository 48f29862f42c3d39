"""Typed hand-offs between the stages (frozen dataclasses and closed str Enums).

Offsets: ``start``/``end`` on a :class:`Mention` or :class:`RelationRecord` are character offsets into the
*clean* text (``Article.text``); ``raw_start``/``raw_end`` point into the *raw* decoded text of the source
(``Article.raw``), which is what the graph reports to users.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class EntityClass(str, Enum):
    PARK = "Park"
    COMPANY = "Company"
    PERSON = "Person"
    GOVERNMENT_BODY = "GovernmentBody"
    INSTITUTE = "Institute"
    PLACE = "Place"


class RelationKind(str, Enum):
    HOSTS = "hosts"                # Park -> org
    PARTNERS_WITH = "partnersWith"  # symmetric
    WORKS_FOR = "worksFor"          # Person -> org, with a role
    LOCATED_IN = "locatedIn"
    SUBSIDIARY_OF = "subsidiaryOf"
    MANAGES = "manages"             # 管委会 -> Park

    @property
    def symmetric(self) -> bool:
        return self is RelationKind.PARTNERS_WITH


@dataclass(frozen=True)
class Article:
    """One input article after ingest.

    ``text`` is the repaired text the pipeline reads; ``raw`` the decoded original; ``to_raw[i]`` is the index
    in ``raw`` of ``text[i]`` (len(to_raw) == len(text) + 1, the last entry maps the end).
    """

    doc_id: str
    source: str            # file path (and ``#line`` for JSONL records)
    text: str
    raw: str
    to_raw: tuple[int, ...]
    title: str = ""
    url: str = ""
    date: str = ""
    bylines: tuple[str, ...] = ()
    encoding: str = "utf-8"

    @classmethod
    def from_text(cls, text: str, doc_id: str = "t", source: str = "t.txt") -> "Article":
        """An article of a plain string (its text is its raw text): extraction from a sentence in a notebook or a test."""
        return cls(doc_id=doc_id, source=source, text=text, raw=text, to_raw=tuple(range(len(text) + 1)))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean [start, end) span to the raw text."""
        if end <= start:
            r = self.to_raw[start]
            return r, r
        return self.to_raw[start], self.to_raw[end - 1] + 1


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class EntityRecord:
    """One entity of one article, after in-document alias merging."""

    key: str                        # document-local id, e.g. "e3"
    cls: EntityClass
    name: str                       # fullest name
    aliases: tuple[str, ...] = ()   # every other name seen (简称, short forms)
    fortune500: bool = False
    name_en: str = ""               # English name (Fortune list), when known
    lists: tuple[str, ...] = ()     # honours/lists the text puts it on (瞪羚企业, 专精特新)
    mentions: tuple[Mention, ...] = ()
    context: str = ""               # disambiguation key, e.g. the employer of a person
    fortune_rank: int = 0           # rank in the Fortune Global 500 2022 list (0: not on the list)
    place_code: str = ""            # administrative division code (places from the gazetteer)


@dataclass(frozen=True)
class RelationRecord:
    kind: RelationKind
    head: str                       # EntityRecord.key
    tail: str
    evidence: str                   # the sentence (clean text)
    sent_start: int                 # raw offsets of the evidence sentence
    sent_end: int
    role: str = ""                  # worksFor role
    implied: bool = False           # only the name implies it (聊城高新区 -> 聊城)
    cue: str = ""                   # which rule found it (for debugging / evaluation)


@dataclass(frozen=True)
class DocExtraction:
    """Everything extracted from one article."""

    doc_id: str
    source: str
    title: str
    url: str
    date: str
    n_chars: int
    entities: tuple[EntityRecord, ...] = ()
    relations: tuple[RelationRecord, ...] = ()
    content_hash: str = ""
