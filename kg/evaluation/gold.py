"""Score one article's graph against a gold annotation in the ParkKG eval format.

The gold format (a JSON object): ``{"doc": "...", "entities": [{"name", "type", "aliases", "fortune500",
"lists"}], "relations": [{"head", "rel", "tail", "role", "implied", "evidence"}]}``; ``type`` is one of the six
entity classes, ``rel`` one of the six relation kinds, ``head``/``tail`` an entity's name or alias.

The graph is read through the public contract only (what any consumer of the Turtle sees): an entity is a
subject typed with a ``pk:`` entity class (``pk:Fortune500Firm`` counts as Company and sets fortune500), its
names are its ``rdfs:label`` and ``skos:altLabel`` values, a relation is an asserted ``pk:<kind>`` triple between
two entities (``pk:partnersWith`` is symmetric) and a worksFor role is a ``pk:role`` on its ``rdf:Statement``.

Matching (the same rules as the reference scorer of the eval set, so the figures agree with it):

- names are compared after NFKC with all whitespace and zero-width characters removed; a looser comparison also
  drops trailing 股份有限公司/有限责任公司/有限公司/公司/集团 (repeatedly) while at least 2 characters remain;
- gold and system entities are aligned one to one, greedily: exact-name pairs before loose-name pairs, then
  same-type before different-type, then pairs whose system label equals the gold name, then document order;
- an entity is a true positive when aligned and its gold type is among the system entity's types;
- a system relation matches a gold one when the kind agrees and both ends are aligned to the gold ends;
- an extra Place-locatedIn-Place relation is not scored when the administrative divisions confirm it;
- "stated only" scores keep gold relations with implied=false and ignore system hits on implied ones.

A set of articles (:func:`score_set`) is scored the way the reference set scorer ``score_set.py`` does: each article
extracted and built on its own, the counts of every row added up over the articles (micro P/R/F1, where an empty
denominator gives 0), and the mean of the per-article F1 figures as printed to three decimals; an article without
output counts 0 in the mean and nothing in the micro totals. The extractor is a parameter (anything with
``.extract(article) -> DocExtraction``), so a caller can pass one trained per cross-validation fold.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from kg.errors import InputError

PK = "https://w3id.org/parkkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_STATEMENT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"
RDF_SUBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
RDF_PREDICATE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"
RDF_OBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"

TYPES = ("Park", "Company", "Person", "GovernmentBody", "Institute", "Place")
CLASS_TO_TYPE = {PK + t: t for t in TYPES}
CLASS_TO_TYPE[PK + "Fortune500Firm"] = "Company"
RELS = ("hosts", "partnersWith", "worksFor", "locatedIn", "subsidiaryOf", "manages")
SYMMETRIC = frozenset({"partnersWith"})

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_WS = re.compile(r"\s+")
CORP_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "公司", "集团")


# ----------------------------------------------------------------------------------------------------- names
def normalise(name) -> str:
    """Exact-comparison form: NFKC, zero-width characters and all whitespace removed."""
    s = unicodedata.normalize("NFKC", str(name)).translate(_ZERO_WIDTH)
    return _WS.sub("", s)


def core_name(name) -> str:
    """Loose-comparison form: trailing corporate suffixes dropped (repeatedly) while 2+ characters remain."""
    s = normalise(name)
    changed = True
    while changed:
        changed = False
        for suf in CORP_SUFFIXES:
            if s.endswith(suf) and len(s) - len(suf) >= 2:
                s = s[: -len(suf)]
                changed = True
                break
    return s


class _Ent:
    __slots__ = ("key", "label", "names", "types", "primary", "f500", "norm", "core", "label_norm", "gold")

    def __init__(self, key, label, names, types, f500, gold=None):
        self.key = key
        self.label = label
        self.names = [n for n in names if normalise(n)]
        self.types = set(types)
        self.primary = next((t for t in TYPES if t in self.types), None)
        self.f500 = bool(f500)
        self.norm = {normalise(n) for n in self.names}
        self.core = {core_name(n) for n in self.names}
        self.label_norm = normalise(label) if label else ""
        self.gold = gold


def _rel_key(kind, a, b):
    if kind in SYMMETRIC and repr(b) < repr(a):
        a, b = b, a
    return (kind, a, b)


# ----------------------------------------------------------------------------------------------------- gold
@dataclass
class Gold:
    path: str
    doc: str
    ents: list
    rels: dict          # rel key -> {"implied", "role", "evidence"}


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; raises InputError naming the problem."""
    src = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(src, "gold file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(src, f"not a readable gold JSON file ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list) \
            or not isinstance(data.get("relations"), list):
        raise InputError(src, 'a gold file is a JSON object with "entities" and "relations" lists')
    ents, by_name = [], {}
    for i, e in enumerate(data["entities"]):
        if not isinstance(e, dict) or "name" not in e or "type" not in e:
            raise InputError(src, f"entity {i}: needs a name and a type")
        if e["type"] not in TYPES:
            raise InputError(src, f"entity {e['name']!r}: unknown type {e['type']!r} (one of {', '.join(TYPES)})")
        if e["name"] in by_name:
            raise InputError(src, f"duplicate entity name {e['name']!r}")
        names = [e["name"]] + [a for a in e.get("aliases", []) if a != e["name"]]
        ents.append(_Ent(i, e["name"], names, [e["type"]], e.get("fortune500", False), gold=e))
        by_name[e["name"]] = i
    alias_idx: dict[str, int] = {}
    for ent in ents:
        for n in ent.norm:
            alias_idx.setdefault(n, ent.key)

    def find(name) -> int:
        if name in by_name:
            return by_name[name]
        n = normalise(name)
        if n in alias_idx:
            return alias_idx[n]
        raise InputError(src, f"relation end {name!r} is not a gold entity")

    rels: dict = {}
    for r in data["relations"]:
        if not isinstance(r, dict) or not {"head", "rel", "tail"} <= set(r):
            raise InputError(src, f"relation {r!r}: needs head, rel and tail")
        if r["rel"] not in RELS:
            raise InputError(src, f"unknown relation kind {r['rel']!r} (one of {', '.join(RELS)})")
        key = _rel_key(r["rel"], ("g", find(r["head"])), ("g", find(r["tail"])))
        implied = bool(r.get("implied", False))
        if key in rels:   # stated beats implied
            rels[key]["implied"] = rels[key]["implied"] and implied
        else:
            rels[key] = {"implied": implied, "role": r.get("role"), "evidence": r.get("evidence")}
    return Gold(src, str(data.get("doc", "")), ents, rels)


# ----------------------------------------------------------------------------------------------------- system
def _term(t):
    from rdflib import BNode, Literal, URIRef

    if isinstance(t, URIRef):
        return ("iri", str(t))
    if isinstance(t, BNode):
        return ("bnode", str(t))
    if isinstance(t, Literal):
        return ("lit", str(t))
    return ("other", str(t))


def read_graph(path: str | Path):
    """An rdflib Graph from a Turtle file, or from ``OUT/graph.ttl`` when given a build folder."""
    import rdflib
    from rdflib.util import guess_format

    from kg.output import current_generation

    p = Path(path)
    if p.is_dir():
        p = current_generation(p) / "graph.ttl"
    if not p.is_file():
        raise InputError(str(path), "no graph here (give OUT.ttl or a build folder holding graph.ttl)")
    g = rdflib.Graph()
    try:
        g.parse(str(p), format=guess_format(str(p)) or "turtle")
    except Exception as e:  # rdflib raises many kinds of parse errors
        raise InputError(str(p), f"cannot parse the graph ({e})") from None
    return g


@dataclass
class System:
    ents: dict
    order: list
    rels: set
    roles: dict
    ntriples: int


def load_system(graph) -> System:
    """The entities, relations and roles of a graph (an rdflib Graph, or a path to Turtle / a build folder)."""
    if isinstance(graph, (str, Path)):
        graph = read_graph(graph)
    types, f500 = defaultdict(set), set()
    labels, alts = defaultdict(list), defaultdict(list)
    by_pred = defaultdict(list)
    stmt_parts = defaultdict(dict)
    stmt_roles = defaultdict(list)
    n = 0
    for s_, p_, o_ in graph:
        n += 1
        s, p, o = _term(s_), str(p_), _term(o_)
        if p == RDF_TYPE and o[0] == "iri":
            if o[1] in CLASS_TO_TYPE:
                types[s].add(CLASS_TO_TYPE[o[1]])
                if o[1] == PK + "Fortune500Firm":
                    f500.add(s)
        elif p == RDFS_LABEL and o[0] == "lit":
            labels[s].append(o[1])
        elif p == SKOS_ALT and o[0] == "lit":
            alts[s].append(o[1])
        elif p in (RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT):
            stmt_parts[s][p] = o
        elif p == PK + "role" and o[0] == "lit":
            stmt_roles[s].append(o[1])
        if p.startswith(PK) and p[len(PK):] in RELS:
            by_pred[p[len(PK):]].append((s, o))
    ents = {}
    for node, ts in types.items():
        label = labels[node][0] if labels[node] else None
        ents[node] = _Ent(node, label, labels[node] + alts[node], ts, node in f500)
    order = sorted(ents)
    rels = {_rel_key(kind, s, o) for kind, pairs in by_pred.items() for s, o in pairs if s in ents and o in ents}
    roles = defaultdict(list)
    for st, parts in stmt_parts.items():
        pred = parts.get(RDF_PREDICATE)
        if not pred or pred[0] != "iri" or not pred[1].startswith(PK) or pred[1][len(PK):] not in RELS:
            continue
        s, o = parts.get(RDF_SUBJECT), parts.get(RDF_OBJECT)
        if s is not None and o is not None:
            roles[(s, pred[1][len(PK):], o)].extend(stmt_roles.get(st, []))
    return System(ents, order, rels, roles, n)


# ----------------------------------------------------------------------------------------------------- alignment
def align(gold_ents, sys_ents, sys_order):
    """Greedy one-to-one alignment: returns (gold index -> node, node -> gold index, gold index -> typed)."""
    exact_idx, core_idx = defaultdict(set), defaultdict(set)
    for g in gold_ents:
        for n in g.norm:
            exact_idx[n].add(g.key)
        for n in g.core:
            core_idx[n].add(g.key)
    cands = []
    for si, node in enumerate(sys_order):
        s = sys_ents[node]
        exact, loose = set(), set()
        for n in s.norm:
            exact |= exact_idx.get(n, set())
        for n in s.core:
            loose |= core_idx.get(n, set())
        for gi in exact | loose:
            g = gold_ents[gi]
            cands.append((0 if gi in exact else 1, 0 if g.primary in s.types else 1,
                          0 if s.label_norm == normalise(g.label) else 1, gi, si, node))
    cands.sort(key=lambda c: c[:5])
    g2s, s2g, typed = {}, {}, {}
    for _ex, ty, _lab, gi, _si, node in cands:
        if gi in g2s or node in s2g:
            continue
        g2s[gi], s2g[node], typed[gi] = node, gi, ty == 0
    return g2s, s2g, typed


# ----------------------------------------------------------------------------------------------------- containment
_PLACE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "省", "市",
                   "地区", "盟", "县", "区")


def _short(name) -> str:
    n = normalise(name)
    for suf in _PLACE_SUFFIXES:
        if n.endswith(suf) and len(n) - len(suf) >= 2:
            return n[: -len(suf)]
    return n


@lru_cache(maxsize=1)
def containment() -> dict:
    """Place name -> names of the places containing it, from the shipped administrative divisions."""
    tree = json.loads((resources.files("kg") / "data" / "admin_divisions_china" / "pca-code.json")
                      .read_text(encoding="utf-8"))
    up = defaultdict(set)

    def walk(node, ancestors):
        names = {normalise(node["name"]), _short(node["name"])}
        if node["name"] not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            for n in names:
                up[n] |= ancestors | {"中国", "中华人民共和国"}
            ancestors = ancestors | names
        for child in node.get("children", []):
            walk(child, ancestors)

    for prov in tree:
        walk(prov, set())
    return dict(up)


def _contains(up, outer_names, inner_names) -> bool:
    outer = {normalise(n) for n in outer_names} | {_short(n) for n in outer_names}
    return any(up.get(normalise(n), set()) & outer or up.get(_short(n), set()) & outer for n in inner_names)


# ----------------------------------------------------------------------------------------------------- scoring
@dataclass(frozen=True)
class Count:
    tp: int
    n_sys: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_sys if self.n_sys else (1.0 if self.n_gold == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else (1.0 if self.n_sys == 0 else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Count") -> "Count":
        return Count(self.tp + other.tp, self.n_sys + other.n_sys, self.n_gold + other.n_gold)

    def as_dict(self) -> dict:
        return {"gold": self.n_gold, "sys": self.n_sys, "tp": self.tp, "p": round(self.precision, 4),
                "r": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class GoldScore:
    gold: str
    n_gold_entities: int
    n_sys_entities: int
    n_sys_relations: int
    entities: dict            # "all", "untyped", each type, "fortune500" -> Count
    relations: dict           # "all", each kind -> Count (implied relations included)
    stated: dict              # the same, gold implied=false only
    roles: tuple[int, int]    # worksFor roles agreeing, worksFor matches with a gold role
    neutral: int              # extra Place-locatedIn-Place relations not scored
    false_negative_entities: list = field(default_factory=list)   # strings
    false_positive_entities: list = field(default_factory=list)
    false_negative_relations: list = field(default_factory=list)
    false_positive_relations: list = field(default_factory=list)

    @property
    def entity_f1(self) -> float:
        return self.entities["all"].f1

    @property
    def relation_f1(self) -> float:
        return self.relations["all"].f1

    def as_dict(self) -> dict:
        return {"gold": self.gold,
                "entities": {k: v.as_dict() for k, v in self.entities.items()},
                "relations": {k: v.as_dict() for k, v in self.relations.items()},
                "relations_stated": {k: v.as_dict() for k, v in self.stated.items()},
                "roles_agreeing": list(self.roles), "neutral_place_containment": self.neutral,
                "false_negative_entities": self.false_negative_entities,
                "false_positive_entities": self.false_positive_entities,
                "false_negative_relations": self.false_negative_relations,
                "false_positive_relations": self.false_positive_relations}


def score(gold: Gold | str | Path, system) -> GoldScore:
    """Score a graph (rdflib Graph, Turtle path, build folder or :class:`System`) against a gold file."""
    if not isinstance(gold, Gold):
        gold = load_gold(gold)
    sysd = system if isinstance(system, System) else load_system(system)
    gents, grels, sents = gold.ents, gold.rels, sysd.ents
    g2s, s2g, typed = align(gents, sents, sysd.order)

    # ---- entities
    tp_typed = sum(1 for gi in g2s if typed[gi])
    ent = {"all": Count(tp_typed, len(sents), len(gents)), "untyped": Count(len(g2s), len(sents), len(gents))}
    gold_by_type = Counter(g.primary for g in gents)
    sys_by_type = Counter()
    for node, e in sents.items():
        gi = s2g.get(node)
        sys_by_type[gents[gi].primary if gi is not None and typed[gi] else e.primary] += 1
    tp_by_type = Counter(gents[gi].primary for gi in g2s if typed[gi])
    for t in TYPES:
        ent[t] = Count(tp_by_type[t], sys_by_type[t], gold_by_type[t])
    gpos = {g.key for g in gents if g.f500}
    spos = {n for n, e in sents.items() if e.f500}
    ent["fortune500"] = Count(sum(1 for n in spos if n in s2g and s2g[n] in gpos), len(spos), len(gpos))

    # ---- relations
    def mapped(node):
        gi = s2g.get(node)
        return ("s", node) if gi is None else ("g", gi)

    def end_type(x):
        return gents[x[1]].primary if x[0] == "g" else sents[x[1]].primary

    def end_names(x):
        return gents[x[1]].names if x[0] == "g" else sents[x[1]].names

    srels = {_rel_key(k, mapped(s), mapped(o)) for k, s, o in sysd.rels}
    gkeys = set(grels)
    up = containment()
    neutral = {k for k in srels if k[0] == "locatedIn" and k not in gkeys and end_type(k[1]) == "Place"
               and end_type(k[2]) == "Place" and _contains(up, end_names(k[2]), end_names(k[1]))}
    srels -= neutral
    gstated = {k for k, v in grels.items() if not v["implied"]}
    srels_stated = srels - (gkeys - gstated)

    def per_kind(sys_set, gold_set):
        tp = sys_set & gold_set
        out = {"all": Count(len(tp), len(sys_set), len(gold_set))}
        for k in RELS:
            out[k] = Count(sum(1 for x in tp if x[0] == k), sum(1 for x in sys_set if x[0] == k),
                           sum(1 for x in gold_set if x[0] == k))
        return out

    tp = srels & gkeys
    role_ok = role_n = 0
    for k in tp:
        if k[0] != "worksFor" or not grels[k].get("role"):
            continue
        role_n += 1
        gr = normalise(grels[k]["role"])
        sr = sysd.roles.get((g2s[k[1][1]], "worksFor", g2s[k[2][1]]), [])
        if any(normalise(r) and (normalise(r) in gr or gr in normalise(r)) for r in sr):
            role_ok += 1

    # ---- error lists (what a developer reads to improve the rules)
    def show_sys(node):
        e = sents.get(node)
        if e is None:
            return node[1]
        return e.label or (e.names[0] if e.names else node[1])

    def show_end(x):
        return gents[x[1]].label if x[0] == "g" else show_sys(x[1])

    fn_ents = []
    for g in gents:
        if g.key in g2s and typed[g.key]:
            continue
        extra = ""
        if g.key in g2s:
            extra = f"  [name-matched {show_sys(g2s[g.key])!r} typed {'/'.join(sorted(sents[g2s[g.key]].types))}]"
        fn_ents.append(f"{g.label} ({g.primary}){extra}")
    fp_ents = []
    for node in sysd.order:
        if node in s2g and typed[s2g[node]]:
            continue
        e = sents[node]
        extra = f"  [name-matched gold {gents[s2g[node]].label!r} ({gents[s2g[node]].primary})]" if node in s2g else ""
        fp_ents.append(f"{show_sys(node)} ({'/'.join(sorted(e.types))}){extra}")
    fn_rels = [f"{gents[k[1][1]].label} -{k[0]}-> {gents[k[2][1]].label}" + ("  [implied]" if grels[k]["implied"] else "")
               for k in sorted(gkeys - srels, key=lambda k: (k[0], k[1][1], k[2][1]))]
    fp_rels = [f"{show_end(k[1])} -{k[0]}-> {show_end(k[2])}" for k in sorted(srels - gkeys, key=repr)]
    return GoldScore(gold.path, len(gents), len(sents), len(sysd.rels), ent, per_kind(srels, gkeys),
                     per_kind(srels_stated, gstated), (role_ok, role_n), len(neutral),
                     fn_ents, fp_ents, fn_rels, fp_rels)


def combine(scores: list[GoldScore]) -> GoldScore:
    """Micro-averaged totals over several gold files (counts added up)."""
    def add(dicts):
        out = {}
        for d in dicts:
            for k, v in d.items():
                out[k] = out[k] + v if k in out else v
        return out

    zero = Count(0, 0, 0)
    return GoldScore("all gold files", sum(s.n_gold_entities for s in scores), sum(s.n_sys_entities for s in scores),
                     sum(s.n_sys_relations for s in scores),
                     add([dict.fromkeys(("all", "untyped") + TYPES + ("fortune500",), zero)] + [s.entities for s in scores]),
                     add([dict.fromkeys(("all",) + RELS, zero)] + [s.relations for s in scores]),
                     add([dict.fromkeys(("all",) + RELS, zero)] + [s.stated for s in scores]),
                     (sum(s.roles[0] for s in scores), sum(s.roles[1] for s in scores)),
                     sum(s.neutral for s in scores))


# ----------------------------------------------------------------------------------------------------- report
def _line(name: str, c: Count, width: int = 26) -> str:
    return (f"  {name:<{width}} gold={c.n_gold:<4d} sys={c.n_sys:<4d} tp={c.tp:<4d} "
            f"P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}")


def format_score(s: GoldScore, verbose: bool = False, limit: int = 30) -> str:
    """The report ``kg evaluate --gold`` prints (the same lines and figures as the reference scorer)."""
    L = ["ENTITIES", _line("all (typed match)", s.entities["all"]),
         _line("all (untyped: name only)", s.entities["untyped"])]
    L += [_line(t, s.entities[t]) for t in TYPES]
    f5 = s.entities["fortune500"]
    L.append(_line("fortune500=true", f5) if f5.n_gold or f5.n_sys else
             f"  {'fortune500=true':<26} n/a (no fortune500 entity in gold or output)")
    if s.neutral:
        L.append(f"  note: {s.neutral} extra Place-locatedIn-Place relations not scored "
                 "(neither credited nor penalised)")
    L += ["", "RELATIONS (incl. implied)"] + [_line(k, s.relations[k]) for k in ("all",) + RELS]
    L += ["RELATIONS (stated only: gold implied=false; system hits on implied gold ignored)"]
    L += [_line(k, s.stated[k]) for k in ("all",) + RELS]
    if s.roles[1]:
        L.append(f"  worksFor roles agreeing (substring either way): {s.roles[0]}/{s.roles[1]}")
    if verbose:
        for title, items in (("FALSE NEGATIVE ENTITIES (gold not matched with the right type)", s.false_negative_entities),
                             ("FALSE POSITIVE ENTITIES (system not matched with the right type)", s.false_positive_entities),
                             ("FALSE NEGATIVE RELATIONS", s.false_negative_relations),
                             ("FALSE POSITIVE RELATIONS", s.false_positive_relations)):
            L.append("" if title.startswith("FALSE NEGATIVE ENTITIES") else None)
            L.append(title)
            L += [f"  - {x}" for x in items[:limit]]
            if len(items) > limit:
                L.append(f"  ... {len(items) - limit} more")
    L += ["", f"entities F1={s.entity_f1:.3f} relations F1={s.relation_f1:.3f}"]
    return "\n".join(x for x in L if x is not None)


# ----------------------------------------------------------------------------------------------------- sets
# the text suffixes an article of a set may have, in order of preference (a .jsonl file holds many articles)
SET_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")


def set_prf(c: Count) -> tuple[float, float, float]:
    """P, R, F1 as the reference set scorer computes them over summed counts: an empty denominator gives 0."""
    p = c.tp / c.n_sys if c.n_sys else 0.0
    r = c.tp / c.n_gold if c.n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _printed(x: float) -> float:
    """A figure as the per-article report prints it (three decimals): the set scorer averages those."""
    return float(f"{x:.3f}")


@dataclass
class ArticleResult:
    """One article of a set: its score, or ``score=None`` when it has no output (``problem`` says why)."""
    stem: str
    gold: str
    source: str | None
    score: GoldScore | None
    problem: str = ""

    @property
    def entity_f1(self) -> float:
        """Typed entity F1 to three decimals as the per-article report prints it; 0 without output."""
        return _printed(self.score.entity_f1) if self.score is not None else 0.0

    @property
    def relation_f1(self) -> float:
        return _printed(self.score.relation_f1) if self.score is not None else 0.0

    def as_dict(self) -> dict:
        out = {"gold": self.gold, "source": self.source, "entity_f1": self.entity_f1,
               "relation_f1": self.relation_f1}
        if self.score is None:
            out["problem"] = self.problem
        else:
            out.update({k: v for k, v in self.score.as_dict().items() if k != "gold"})
        return out


@dataclass
class SetScore:
    """The articles of a set, each scored on its own, and the micro totals (counts added over the articles)."""
    articles: list[ArticleResult]
    micro: GoldScore          # combine() of the articles with output

    @property
    def n_articles(self) -> int:
        return len(self.articles)

    @property
    def micro_entity_f1(self) -> float:
        return set_prf(self.micro.entities["all"])[2]

    @property
    def micro_relation_f1(self) -> float:
        return set_prf(self.micro.relations["all"])[2]

    @property
    def mean_entity_f1(self) -> float:
        return sum(a.entity_f1 for a in self.articles) / len(self.articles) if self.articles else 0.0

    @property
    def mean_relation_f1(self) -> float:
        return sum(a.relation_f1 for a in self.articles) / len(self.articles) if self.articles else 0.0

    def last_line(self) -> str:
        """``set micro E=… R=… mean E=… R=… (n articles)``, the reference set scorer's last line."""
        return (f"set micro E={self.micro_entity_f1:.3f} R={self.micro_relation_f1:.3f} "
                f"mean E={self.mean_entity_f1:.3f} R={self.mean_relation_f1:.3f} ({self.n_articles} articles)")

    def as_dict(self) -> dict:
        def rows(d):
            return {k: dict(zip(("gold", "sys", "tp"), (v.n_gold, v.n_sys, v.tp)))
                    | dict(zip(("p", "r", "f1"), (round(x, 4) for x in set_prf(v)))) for k, v in d.items()}

        return {"n_articles": self.n_articles,
                "micro": {"entity_f1": round(self.micro_entity_f1, 4), "relation_f1": round(self.micro_relation_f1, 4),
                          "entities": rows(self.micro.entities), "relations": rows(self.micro.relations),
                          "relations_stated": rows(self.micro.stated),
                          "roles_agreeing": list(self.micro.roles),
                          "neutral_place_containment": self.micro.neutral},
                "mean": {"entity_f1": round(self.mean_entity_f1, 4), "relation_f1": round(self.mean_relation_f1, 4)},
                "articles": {a.stem: a.as_dict() for a in self.articles}}


class SetItem(NamedTuple):
    """One article of a set: its gold file, the article (None: no output) and, if None, why."""
    gold: Path
    article: object
    problem: str = ""


def find_set_text(text_dir: str | Path, stem: str) -> Path | None:
    """The article file of ``stem`` in ``text_dir`` (``stem.txt`` first, then the other text suffixes), or None."""
    for suf in SET_TEXT_SUFFIXES:
        p = Path(text_dir) / (stem + suf)
        if p.is_file():
            return p
    return None


def collect_set(gold_dir: str | Path, text_dir: str | Path, stems=None, on_missing=None) -> list[SetItem]:
    """A :class:`SetItem` for each ``gold_dir/<stem>.json`` (sorted; only those in ``stems`` when given).

    The article is ``text_dir/<stem>.txt`` (or another text suffix), read with :func:`kg.ingest.read.read_article`;
    when there is none or it cannot be read the pair holds None and ``on_missing(gold path, problem)`` is called.
    Raises InputError when a folder is missing.
    """
    from kg.ingest import read_article

    gdir, tdir = Path(gold_dir), Path(text_dir)
    if not gdir.is_dir():
        raise InputError(str(gdir), "gold folder not found")
    if not tdir.is_dir():
        raise InputError(str(tdir), "text folder not found")
    golds = sorted(p for p in gdir.glob("*.json") if p.is_file())
    if stems is not None:
        keep = set(stems)
        golds = [p for p in golds if p.stem in keep]
    pairs = []
    for g in golds:
        text = find_set_text(tdir, g.stem)
        article, problem = None, ""
        if text is None:
            problem = f"no article {tdir / (g.stem + '.txt')} (nor another text file of that stem)"
        else:
            try:
                article = read_article(text)
            except InputError as e:
                problem = str(e)
        if article is None and on_missing is not None:
            on_missing(g, problem)
        pairs.append(SetItem(g, article, problem))
    return pairs


def score_set(pairs, extractor, *, out_dir: str | Path | None = None, on_article=None) -> SetScore:
    """Extract, build and score each article of a set on its own; the per-article scores and the micro totals.

    ``pairs``: ``(gold, article)`` tuples or :class:`SetItem` tuples, ``gold`` a path or a loaded :class:`Gold`,
    ``article`` a :class:`kg.records.Article` or None for an article without output (a third element says why).
    ``extractor``: anything with ``.extract(article) -> DocExtraction`` (one per cross-validation fold, say).
    ``out_dir``: also write ``out_dir/<gold stem>/graph.ttl`` (the layout the reference set scorer reads).
    ``on_article(result)`` is called after each article (progress, per-article lines).
    """
    from kg.rdf.turtle import graph_turtle
    from kg.rdf.triples import to_rdf
    from kg.graph import build_graph

    results: list[ArticleResult] = []
    seen: dict[str, str] = {}
    for pair in pairs:
        gold, article = pair[0], pair[1]
        problem = pair[2] if len(pair) > 2 else ""
        if not isinstance(gold, Gold):
            gold = load_gold(gold)
        stem = Path(gold.path).stem
        if stem in seen:
            raise InputError(gold.path, f"gold stem {stem!r} also in {seen[stem]}: the stems of a set must differ")
        seen[stem] = gold.path
        if article is None:
            res = ArticleResult(stem, gold.path, None, None, problem or "no article")
        else:
            G = build_graph([extractor.extract(article)])
            if out_dir is not None:
                d = Path(out_dir) / stem
                d.mkdir(parents=True, exist_ok=True)
                (d / "graph.ttl").write_bytes(graph_turtle(G))
            res = ArticleResult(stem, gold.path, article.source, score(gold, to_rdf(G)))
        results.append(res)
        if on_article is not None:
            on_article(res)
    return SetScore(results, combine([r.score for r in results if r.score is not None]))


def format_set(s: SetScore, per_article: bool = True) -> str:
    """The reference set scorer's report: ``<stem>: E=… R=…`` lines, the micro rows, then the ``set micro`` line."""
    L = []
    if per_article:
        for a in s.articles:
            L.append(f"{a.stem}: no output: {a.problem}; counted as an article without output" if a.score is None
                     else f"{a.stem}: E={a.entity_f1:.3f} R={a.relation_f1:.3f}")
    rows = (("ENTITIES", s.micro.entities, (("all (typed match)", "all"), ("all (untyped: name only)", "untyped"))
             + tuple((t, t) for t in TYPES)),
            ("RELATIONS incl. implied", s.micro.relations, tuple((k, k) for k in ("all",) + RELS)),
            ("RELATIONS stated only", s.micro.stated, tuple((k, k) for k in ("all",) + RELS)))
    for title, counts, names in rows:
        L.append(title)
        for name, key in names:
            c = counts[key]
            p, r, f = set_prf(c)
            L.append(f"  {name:26s} gold={c.n_gold:4d} sys={c.n_sys:4d} tp={c.tp:4d}  P={p:.3f} R={r:.3f} F1={f:.3f}")
    L.append(s.last_line())
    return "\n".join(L)
