"""``kg diff``: what one graph has and the other lacks, as triples or as entities and relations.

Both sides are a build output folder (its ``graph.ttl``) or an RDF file (Turtle, N-Triples, TriG, N-Quads,
RDF/XML, JSON-LD by extension); :func:`resolve_graph_file` is the one place a side becomes a file. Graphs are
compared as sets of triples (named graphs are merged); ParkKG graphs use no blank nodes, so set difference is
exact. Parsing uses Oxigraph (a million triples in a few seconds).

:func:`entity_diff` says the same in labels: the entities (of the ParkKG classes) one side has and the other
lacks, and the relations between entities (``pk:hosts``, ``pk:partnersWith``…) added or lost, each under the
park it involves, else under its head entity.

Examples
--------
>>> a = {'<s> <p> "1" .'}; b = {'<s> <p> "1" .', '<s> <p> "2" .'}
>>> sorted(b - a)
['<s> <p> "2" .']
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from kg.errors import InputError
from kg.vocab import PK

GRAPH_FILENAME = "graph.ttl"

_PK = str(PK._NS)
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
#: the entity classes, in report order; an entity of several is reported as the first (the most specific)
ENTITY_CLASSES = ("Park", "Fortune500Firm", "Company", "Institute", "GovernmentBody", "Person", "Place")
RELATIONS = ("hosts", "partnersWith", "worksFor", "locatedIn", "subsidiaryOf", "manages")
SYMMETRIC = frozenset({"partnersWith"})


def resolve_graph_file(path: str | os.PathLike) -> Path:
    """The graph file of one side of a diff: an output folder's ``graph.ttl`` (of its current generation), or the
    RDF file itself."""
    from kg.output import current_generation

    p = Path(path)
    if p.is_dir():
        p = current_generation(p) / GRAPH_FILENAME
        if not p.is_file():
            raise InputError(str(path), f"no {GRAPH_FILENAME} in this folder (is it a `kg build` output?)")
        return p
    if not p.exists():
        raise InputError(str(path), "no such file or folder")
    return p


def _parse(path: str | os.PathLike) -> Iterator:
    """The triples (pyoxigraph ``Triple``) of one side; a file that cannot be read or parsed is an InputError."""
    import pyoxigraph as ox

    f = resolve_graph_file(path)
    try:
        fmt = ox.RdfFormat.from_extension(f.suffix.lstrip(".").lower() or "ttl") or ox.RdfFormat.TURTLE
    except ValueError:
        fmt = ox.RdfFormat.TURTLE
    try:
        for q in ox.parse(path=str(f), format=fmt):
            yield q.triple if isinstance(q, ox.Quad) else q
    except SyntaxError as e:
        raise InputError(str(f), f"not valid {fmt.name}: {e}") from None
    except OSError as e:
        raise InputError(str(f), e.strerror or str(e)) from None


def read_triples(path: str | os.PathLike) -> set[str]:
    """The triples of an output folder or RDF file, each as one N-Triples line (without the newline)."""
    return {f"{t.subject} {t.predicate} {t.object} ." for t in _parse(path)}


@dataclass
class Diff:
    added: list[str]
    removed: list[str]
    old_size: int
    new_size: int

    @property
    def same(self) -> bool:
        return not self.added and not self.removed


def diff(old: str | os.PathLike, new: str | os.PathLike) -> Diff:
    a, b = read_triples(old), read_triples(new)
    return Diff(added=sorted(b - a), removed=sorted(a - b), old_size=len(a), new_size=len(b))


def by_predicate(lines: list[str]) -> dict[str, int]:
    """Counts per predicate IRI (the second term of each N-Triples line)."""
    counts: dict[str, int] = {}
    for line in lines:
        p = line.split(" ", 2)[1]
        counts[p] = counts.get(p, 0) + 1
    return dict(sorted(counts.items()))


# ------------------------------------------------------------------------------------ entities and relations

@dataclass
class Entities:
    """What one side says about its entities: class and label of each (by IRI), and the relations among them
    as ``(head IRI, relation, tail IRI)``, a symmetric one once (head the smaller IRI)."""
    classes: dict[str, str]
    labels: dict[str, str]
    relations: set[tuple[str, str, str]]


def _better_label(language: str | None, text: str, current: tuple[bool, str] | None) -> tuple[bool, str]:
    """A deterministic choice among several labels: Chinese first, then the smallest."""
    key = (language != "zh", text)
    return key if current is None or key < current else current


def read_entities(path: str | os.PathLike) -> Entities:
    """The entities and relations of an output folder or RDF file."""
    import pyoxigraph as ox

    types: dict[str, set[str]] = {}
    labels: dict[str, tuple[bool, str]] = {}
    links: list[tuple[str, str, str]] = []
    relation_iris = {_PK + r: r for r in RELATIONS}
    for t in _parse(path):
        p = t.predicate.value
        if p == _RDF_TYPE and t.object.value.startswith(_PK):
            types.setdefault(t.subject.value, set()).add(t.object.value[len(_PK):])
        elif p == _RDFS_LABEL and isinstance(t.object, ox.Literal):
            labels[t.subject.value] = _better_label(t.object.language, t.object.value,
                                                    labels.get(t.subject.value))
        elif p in relation_iris:
            links.append((t.subject.value, relation_iris[p], t.object.value))
    classes = {iri: next(c for c in ENTITY_CLASSES if c in cs)
               for iri, cs in types.items() if not cs.isdisjoint(ENTITY_CLASSES)}
    relations = set()
    for head, rel, tail in links:
        if head in classes and tail in classes:   # the rdf:Statement copies and other resources are left out
            if rel in SYMMETRIC and tail < head:
                head, tail = tail, head
            relations.add((head, rel, tail))
    return Entities(classes, {iri: labels[iri][1] for iri in classes if iri in labels}, relations)


@dataclass(frozen=True)
class EntityChange:
    change: str   # "+" added, "-" removed
    cls: str
    label: str


@dataclass(frozen=True)
class RelationChange:
    """A relation added or lost, told from its group entity (a park it involves, else its head): ``label`` is
    the other end; ``inverse`` when the group entity is the tail of a directed relation (王海明 worksFor 青川高新区
    under 青川高新区)."""
    change: str
    group: str
    group_class: str
    relation: str
    label: str
    cls: str
    inverse: bool


@dataclass
class EntityDiff:
    entities: list[EntityChange]
    relations: list[RelationChange]

    @property
    def same(self) -> bool:
        return not self.entities and not self.relations


def _class_rank(cls: str) -> int:
    return ENTITY_CLASSES.index(cls)


def _grouped(head: str, rel: str, tail: str, classes: dict[str, str], label) -> tuple[str, str, bool]:
    """``(group, other end, inverse)`` of a relation: the park it involves (the head if both are parks), else
    its head; a symmetric relation between two parks or two non-parks goes under the smaller label."""
    head_park, tail_park = classes[head] == "Park", classes[tail] == "Park"
    if rel in SYMMETRIC:
        if head_park == tail_park and (label(tail), tail) < (label(head), head) or tail_park and not head_park:
            return tail, head, False
        return head, tail, False
    if tail_park and not head_park:
        return tail, head, True
    return head, tail, False


def entity_diff(old: str | os.PathLike, new: str | os.PathLike) -> EntityDiff:
    """The entities and relations added and removed from OLD to NEW, in labels (an entity gone from NEW is
    labelled as OLD labels it; one without a label keeps its IRI). Sorted: entities by class, label;
    relations of parks first, by group label, relation, label."""
    a, b = read_entities(old), read_entities(new)
    classes = {**a.classes, **b.classes}
    labels = {**a.labels, **b.labels}

    def label(iri: str) -> str:
        return labels.get(iri, iri)

    entities = [EntityChange(sign, classes[iri], label(iri))
                for sign, iris in (("+", b.classes.keys() - a.classes.keys()),
                                   ("-", a.classes.keys() - b.classes.keys()))
                for iri in iris]
    relations = []
    for sign, triples in (("+", b.relations - a.relations), ("-", a.relations - b.relations)):
        for head, rel, tail in triples:
            group, other, inverse = _grouped(head, rel, tail, classes, label)
            relations.append(RelationChange(sign, label(group), classes[group], rel, label(other), classes[other],
                                            inverse))
    entities.sort(key=lambda e: (_class_rank(e.cls), e.label, e.change))
    relations.sort(key=lambda r: (r.group_class != "Park", r.group, r.relation, r.label, r.change,
                                  _class_rank(r.group_class), _class_rank(r.cls), r.inverse))
    return EntityDiff(entities, relations)
