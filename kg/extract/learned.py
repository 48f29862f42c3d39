"""The learned relation classifier: which park hosts which firm, who partners with whom, who owns whom.

The hand-written rules of :mod:`kg.extract.relations` are precise where they were written and miss most of the
ways real 招商 news says the same thing. Here every candidate pair of an article's entities is described by
generic features (the cue rows of :mod:`kg.extract.cues` in the sentence, between the names, around them; the
distance in sentences; whether the park is the one the passage is about; the classes; what the rules found) and
a logistic regression trained on annotated articles decides.

- hosts: every (park, firm or institute) pair of the article, linked through the firm's mention that is nearest
  to a mention of the park (the same sentence, or a park named in the sentences before: ``这里已吸引A、B``);
- partnersWith: every pair of organisations (companies, institutes, parks, government bodies) named in one
  sentence;
- subsidiaryOf: every ordered pair of companies named in one sentence, or whose names share a core.

Weights ship as JSON (``kg/models/relations.json``) and scoring is plain Python (a dot product per pair); fitting
needs scikit-learn (``pip install -e '.[train]'``, ``kg train-relations``). Features are computed identically at
training and at extraction time, in :func:`candidates`.
"""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.extract.cues import CUES, cue_hits
from kg.extract.types import Cand, Ent, Rel, Sentence, dedupe
from kg.records import EntityClass, RelationKind
from kg.vocab import normalise_name

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "relations.json"
KINDS = (RelationKind.HOSTS, RelationKind.PARTNERS_WITH, RelationKind.SUBSIDIARY_OF)
FIRMS = (EntityClass.COMPANY, EntityClass.INSTITUTE)
PARTIES = (EntityClass.COMPANY, EntityClass.INSTITUTE, EntityClass.PARK, EntityClass.GOVERNMENT_BODY)
_LEGAL = re.compile(r"(?:有限公司|有限责任公司|股份公司|集团|公司)$")
_ADMIN = re.compile(r"(?:管委会|管理委员会|党工委|管理局|管理办公室|服务中心)$")
_DEVELOPER = re.compile(r"城投|城建|建投|开发建设|开发投资|产业发展|发展集团|发展有限|投资集团|运营管理|建设投资|园区管理|园区运营")
_MAX_PARTIES = 24   # a sentence naming more organisations than this (a long roll) gives no partner pairs


@dataclass
class Pair:
    kind: RelationKind
    head: int                   # Ent.idx
    tail: int
    sent: Sentence | None       # the evidence
    feats: set[str] = field(default_factory=set)


@dataclass
class RelationModel:
    """Per relation kind: feature weights, bias and decision threshold (probability)."""

    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    threshold: dict[str, float]
    meta: dict = field(default_factory=dict)

    @property
    def kinds(self) -> set[RelationKind]:
        return {RelationKind(k) for k in self.weights}

    def prob(self, p: Pair) -> float:
        w = self.weights[p.kind.value]
        z = self.bias[p.kind.value] + sum(w.get(f, 0.0) for f in sorted(p.feats))   # sorted: the same float sum in every process
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def accept(self, p: Pair) -> bool:
        return p.kind.value in self.weights and self.prob(p) >= self.threshold[p.kind.value]

    def cue(self, p: Pair) -> str:
        """The cue row that speaks most for the pair (``pk:cue``), e.g. ``learned:settle``: the cue feature of the
        pair with the highest weight (the least negative one when none is positive: the other features carried
        the decision, and the row still says which cue word the sentence holds)."""
        w = self.weights[p.kind.value]
        best, best_w = "", float("-inf")
        for f in sorted(p.feats):    # sorted: ties go the same way in every process (string hashes vary)
            if ":" in f and f.split(":", 1)[0] in ("s", "b", "s0", "s1", "s2") and w.get(f, 0.0) > best_w:
                best, best_w = f.split(":", 1)[1], w.get(f, 0.0)
        return f"learned:{best}" if best else "learned"

    def to_json(self) -> str:
        return json.dumps({"weights": {k: dict(sorted(v.items())) for k, v in sorted(self.weights.items())},
                           "bias": self.bias, "threshold": self.threshold, "meta": self.meta},
                          ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, s: str) -> "RelationModel":
        d = json.loads(s)
        return cls(d["weights"], d["bias"], d["threshold"], d.get("meta", {}))

    @classmethod
    def load(cls, path: Path | None = None) -> "RelationModel | None":
        path = path or MODEL_PATH
        if not path.is_file():
            return None
        return cls.from_json(path.read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------------------------------- features
class _Doc:
    """Per-article indexes the features share: mentions by entity and sentence, cue hits by sentence."""

    def __init__(self, text: str, sentences: list[Sentence], ents: list[Ent], mentions: list[Cand],
                 ent_of: dict[int, Ent]):
        self.text, self.sentences = text, sentences
        self.starts = [s.start for s in sentences]
        self.by_idx = {e.idx: e for e in ents}
        self.ms_of: dict[int, list[tuple[int, Cand]]] = {}      # entity -> [(sentence index, mention)]
        self.in_sent: dict[int, list[tuple[Cand, Ent]]] = {}    # sentence index -> mentions in order
        for m in mentions:
            e = ent_of.get(id(m))
            if e is None:
                continue
            k = self.sent_index(m.start)
            self.ms_of.setdefault(e.idx, []).append((k, m))
            self.in_sent.setdefault(k, []).append((m, e))
        self._cues: dict[int, list[tuple[int, int, str]]] = {}
        self.park_ms = sorted(((m.start, e.idx) for e in ents if e.cls is EntityClass.PARK
                               for _k, m in self.ms_of.get(e.idx, ())))

    def sent_index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def cues(self, k: int) -> list[tuple[int, int, str]]:
        """Cue hits of sentence k, absolute offsets."""
        hits = self._cues.get(k)
        if hits is None:
            s = self.sentences[k] if self.sentences else Sentence(0, len(self.text))
            seg = self.text[s.start:s.end]
            hits = [(s.start + m.start(), s.start + m.end(), c.id) for c in CUES for m in c.regex.finditer(seg)]
            self._cues[k] = hits
        return hits

    def sent(self, k: int) -> Sentence | None:
        return self.sentences[k] if 0 <= k < len(self.sentences) else None

    def focus_park(self, pos: int) -> int | None:
        """The park named last before ``pos``."""
        j = bisect_right(self.park_ms, (pos, -1)) - 1
        return self.park_ms[j][1] if j >= 0 else None


def _cue_feats(doc: _Doc, k: int, lo: int, hi: int, out: set[str], prefix: str) -> None:
    """Cue rows in sentence k (``prefix:id``) and between ``lo`` and ``hi`` (``b:id``)."""
    for s, e, cid in doc.cues(k):
        out.add(f"{prefix}:{cid}")
        if lo <= s and e <= hi:
            out.add(f"b:{cid}")


def _gap(n: int) -> str:
    return "0-2" if n <= 2 else "3-10" if n <= 10 else "11-30" if n <= 30 else "31+"


def _rule_index(rule_rels) -> dict:
    idx: dict = {}
    for r in rule_rels:
        idx.setdefault((r.kind, r.head, r.tail), r.cue)
        if r.kind is RelationKind.PARTNERS_WITH:
            idx.setdefault((r.kind, r.tail, r.head), r.cue)
        idx.setdefault(("any", r.kind, r.tail), r.cue)
        idx.setdefault(("any", r.kind, r.head), r.cue)
        if r.kind is RelationKind.SUBSIDIARY_OF:
            idx.setdefault(("child", r.head), r.cue)
            idx.setdefault(("parent", r.tail), r.cue)
    return idx


def candidates(text: str, sentences: list[Sentence], ents: list[Ent], mentions: list[Cand],
               ent_of: dict[int, Ent], rule_rels, kinds=KINDS, compatible=None,
               own_parks: set[int] | frozenset = frozenset()) -> list[Pair]:
    """Every candidate pair of the article with its features (the same at training and extraction time).

    ``compatible(firm, park)``: False when the firm's name places it in another province than the park.
    ``own_parks``: parks named after the firm that builds them (:func:`kg.extract.relations.firms_own_parks`),
    which host no firm.
    """
    doc = _Doc(text, sentences, ents, mentions, ent_of)
    rules = _rule_index(rule_rels)
    out: list[Pair] = []
    if RelationKind.HOSTS in kinds:
        out += _host_pairs(doc, [e for e in ents if e.idx not in own_parks], rules, compatible)
    if RelationKind.PARTNERS_WITH in kinds:
        out += _partner_pairs(doc, rules)
    if RelationKind.SUBSIDIARY_OF in kinds:
        out += _subsidiary_pairs(doc, ents, rules)
    return out


def _firm_feats(e: Ent, doc: _Doc, f: set[str]) -> None:
    name = normalise_name(e.label)
    f.add(f"cls={e.cls.value}")
    if e.f500 or e.fortune is not None:
        f.add("f500")
    if _LEGAL.search(name):
        f.add("legal")
    if len(doc.ms_of.get(e.idx, ())) > 1:
        f.add("repeated")
    if e.place is not None and e.place.level == 0 and e.place.code != "C:中国":
        f.add("foreign")
    if name.startswith(("中国", "国家", "中华", "全国")):
        f.add("national")
    if name.endswith(("大学", "学院")):
        f.add("university")
    if re.search(r"[A-Za-z]", name):
        f.add("latin")
    if _DEVELOPER.search(name):
        f.add("developer")    # 城投, 建投, X发展集团, X开发建设有限公司: who builds and runs parks, not their tenant


def _host_pairs(doc: _Doc, ents: list[Ent], rules: dict, compatible=None) -> list[Pair]:
    parks = [e for e in ents if e.cls is EntityClass.PARK and e.idx in doc.ms_of]
    firms = [e for e in ents if e.cls in FIRMS and e.idx in doc.ms_of]
    if not parks or not firms:
        return []
    count = {p.idx: len(doc.ms_of[p.idx]) for p in parks}
    first = {p.idx: doc.ms_of[p.idx][0][1].start for p in parks}
    top = max(parks, key=lambda p: (count[p.idx], -first[p.idx])).idx
    first_park = min(parks, key=lambda p: first[p.idx]).idx
    labels = {p.idx: normalise_name(p.label) for p in parks}
    n_parks = min(len(parks), 4)
    doc_len = "short" if len(doc.text) < 1500 else "medium" if len(doc.text) < 4000 else "long"
    out = []
    for p in parks:
        p_sents = sorted({k for k, _m in doc.ms_of[p.idx]})
        pname = labels[p.idx]
        outer = any(o != p.idx and pname != n and n.startswith(pname) for o, n in labels.items())
        inner = any(o != p.idx and pname != n and pname.startswith(n) for o, n in labels.items())
        for firm in firms:
            best = None    # (rank, k, mention, d)
            for k, m in doc.ms_of[firm.idx]:
                j = bisect_right(p_sents, k) - 1
                if j >= 0:
                    d = k - p_sents[j]
                    rank = d
                else:
                    d = -1
                    rank = 100 + p_sents[0] - k
                if best is None or rank < best[0]:
                    best = (rank, k, m, d)
            _rank, k, m, d = best
            f: set[str] = set()
            f.add("d=after" if d < 0 else f"d={min(d, 3)}")
            if doc.focus_park(m.start) == p.idx:
                f.add("focus")
                f.add(f"focus&d={min(max(d, 0), 3)}")
            if any(doc.focus_park(mm.start) == p.idx for _kk, mm in doc.ms_of[firm.idx]):
                f.add("focus_any")
            if p.idx == top:
                f.add("top_park")
                # how much the article is about one park: a short report on one park hosts most firms it names
                f.add(f"top&parks={n_parks}")
                f.add(f"top&len={doc_len}")
                if d >= 0:
                    f.add(f"top&d={min(d, 3)}")
            if len(parks) == 1:
                f.add("only_park")
            if p.idx == first_park:
                f.add("first_park")
            if outer:
                f.add("park_outer")
            if inner:
                f.add("park_inner")
            if p.park is not None:
                f.add("park_national")
            _firm_feats(firm, doc, f)
            fname = normalise_name(firm.label)
            stem = re.sub(r"(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|产业园区|产业园|工业园区|工业园|园区|新区)$",
                          "", pname)
            if len(stem) >= 2 and stem in fname:
                f.add("named_after_park")
            foreign = firm.place is not None and firm.place.level == 0 and firm.place.code != "C:中国"
            if compatible is not None and not foreign and not compatible(firm, p):
                f.add("other_province")
            t = doc.text
            if t[m.start - 1:m.start] == "、" or t[m.end:m.end + 1] in ("、", "等"):
                f.add("listed")
            dd = min(max(d, 0), 2)
            lo = hi = m.start
            if d == 0:
                pm = min((pm for kk, pm in doc.ms_of[p.idx] if kk == k), key=lambda x: abs(x.start - m.start))
                lo, hi = (pm.end, m.start) if pm.start < m.start else (m.end, pm.start)
                f.add("park_before" if pm.start < m.start else "park_after")
                others = sum(1 for mm, e in doc.in_sent.get(k, ()) if e.cls is EntityClass.PARK and e.idx != p.idx)
                if others:
                    f.add("other_park_in_sent")
            _cue_feats(doc, k, lo, hi, f, f"s{dd}")
            # (fewer, coarser features generalise better on unseen articles: the cue words right next to the
            # firm, the rule's own name and "hosted by another park" were tried and left out, see the model card)
            if rules.get((RelationKind.HOSTS, p.idx, firm.idx)) is not None:
                f.add("rule:hosts")
            if (RelationKind.PARTNERS_WITH, p.idx, firm.idx) in rules:
                f.add("rule:partner_of_park")
            elif ("any", RelationKind.PARTNERS_WITH, firm.idx) in rules:
                f.add("rule:partner_any")
            if ("child", firm.idx) in rules:
                f.add("rule:is_subsidiary")
            if ("parent", firm.idx) in rules:
                f.add("rule:is_parent")      # 中国X旗下的X环境落户: the subsidiary settles, not the group
            out.append(Pair(RelationKind.HOSTS, p.idx, firm.idx, doc.sent(k), f))
    return out


def _partner_pairs(doc: _Doc, rules: dict) -> list[Pair]:
    found: dict[tuple[int, int], Pair] = {}
    for k, ms in sorted(doc.in_sent.items()):
        parties = [(m, e) for m, e in ms if e.cls in PARTIES]
        if len({e.idx for _m, e in parties}) < 2 or len(parties) > _MAX_PARTIES:
            continue
        for i, (ma, ea) in enumerate(parties):
            for mb, eb in parties[i + 1:]:
                if ea.idx == eb.idx or mb.start < ma.end:
                    continue
                key = (min(ea.idx, eb.idx), max(ea.idx, eb.idx))
                f: set[str] = set()
                a_cls, b_cls = sorted((ea.cls.value, eb.cls.value))
                f.add(f"cls={a_cls}-{b_cls}")
                between = doc.text[ma.end:mb.start]
                f.add(f"gap={_gap(len(between))}")
                if between.strip() in ("、", "和", "及", "与", "以及", ",", "，"):
                    f.add("coordinated")
                if between[-1:] in "与同和跟" and between:
                    f.add("with_before_second")
                if doc.text[max(0, ma.start - 1):ma.start] in ("与", "同", "和", "跟"):
                    f.add("with_before_first")
                if "、" in between:
                    f.add("list_between")
                n = len({e.idx for _m, e in parties})
                f.add(f"parties={min(n, 5)}")
                for e in (ea, eb):
                    if e.cls is EntityClass.GOVERNMENT_BODY and _ADMIN.search(normalise_name(e.label)):
                        f.add("park_admin")
                    if e.f500 or e.fortune is not None:
                        f.add("f500")
                _cue_feats(doc, k, ma.end, mb.start, f, "s")
                cue = rules.get((RelationKind.PARTNERS_WITH, ea.idx, eb.idx))
                if cue is not None:
                    f.add("rule:partners")
                if rules.get((RelationKind.HOSTS, ea.idx, eb.idx)) or rules.get((RelationKind.HOSTS, eb.idx, ea.idx)):
                    f.add("rule:hosts")
                if key in found:
                    found[key].feats |= f
                else:
                    found[key] = Pair(RelationKind.PARTNERS_WITH, key[0], key[1], doc.sent(k), f)
    # the park a passage is about, unnamed in the sentence (开发区通过深化与A、B合作…): a party too
    for k, ms in sorted(doc.in_sent.items()):
        s = doc.sent(k)
        fp = doc.focus_park(s.start if s is not None else 0)
        if fp is None or any(e.idx == fp for _m, e in ms):
            continue
        parties = [(m, e) for m, e in ms if e.cls in PARTIES and e.cls is not EntityClass.PARK]
        if not parties or len(parties) > _MAX_PARTIES:
            continue
        head = doc.text[s.start:parties[0][0].start] if s is not None else ""
        for m, e in parties:
            key = (min(fp, e.idx), max(fp, e.idx))
            f = {"focus_pair", f"cls=Park-{e.cls.value}", f"parties={min(len(parties), 5)}"}
            _cue_feats(doc, k, m.end, s.end if s is not None else m.end, f, "s")
            if re.search(r"(?:与|同|和|跟)$", head) or "与" in head[-12:]:
                f.add("with_before_first")
            if doc.text[m.start - 1:m.start] == "、" or doc.text[m.end:m.end + 1] in ("、", "等"):
                f.add("list_between")
            if e.f500 or e.fortune is not None:
                f.add("f500")
            if (RelationKind.PARTNERS_WITH, fp, e.idx) in rules:
                f.add("rule:partners")
            if (RelationKind.HOSTS, fp, e.idx) in rules:
                f.add("rule:hosts")
            if key in found:
                found[key].feats |= f
            else:
                found[key] = Pair(RelationKind.PARTNERS_WITH, key[0], key[1], s, f)
    return list(found.values())


def _core(name: str) -> str:
    n = normalise_name(name)
    n = re.sub(r"[（(][^）)]*[）)]", "", n)
    return re.sub(r"(?:股份有限公司|有限责任公司|有限公司|集团|公司|股份)$", "", n)


def _subsidiary_pairs(doc: _Doc, ents: list[Ent], rules: dict) -> list[Pair]:
    comps = [e for e in ents if e.cls is EntityClass.COMPANY and e.idx in doc.ms_of]
    found: dict[tuple[int, int], Pair] = {}
    for k, ms in sorted(doc.in_sent.items()):
        cs = [(m, e) for m, e in ms if e.cls is EntityClass.COMPANY]
        if len(cs) > _MAX_PARTIES:
            continue
        for ma, ea in cs:
            for mb, eb in cs:
                if ea.idx == eb.idx:
                    continue
                f: set[str] = {"same_sent", "child_first" if ma.start < mb.start else "parent_first"}
                lo, hi = (ma.end, mb.start) if ma.start < mb.start else (mb.end, ma.start)
                if hi < lo:
                    continue
                f.add(f"gap={_gap(hi - lo)}")
                _cue_feats(doc, k, lo, hi, f, "s")
                key = (ea.idx, eb.idx)
                if key in found:
                    found[key].feats |= f
                else:
                    found[key] = Pair(RelationKind.SUBSIDIARY_OF, ea.idx, eb.idx, doc.sent(k), f)
    for a in comps:
        ca = _core(a.label)
        for b in comps:
            cb = _core(b.label)
            if a.idx == b.idx or len(cb) < 2 or len(ca) <= len(cb) or not ca.startswith(cb):
                continue
            key = (a.idx, b.idx)
            p = found.get(key)
            if p is None:
                k = doc.ms_of[a.idx][0][0]
                p = found[key] = Pair(RelationKind.SUBSIDIARY_OF, a.idx, b.idx, doc.sent(k), set())
            p.feats.add("name_prefix")
            if re.search(r"[（(]", normalise_name(a.label)):
                p.feats.add("branch_paren")
    for key, p in found.items():
        if (RelationKind.SUBSIDIARY_OF, key[0], key[1]) in rules:
            p.feats.add("rule:subsidiary")
        if (RelationKind.SUBSIDIARY_OF, key[1], key[0]) in rules:
            p.feats.add("rule:subsidiary_reverse")
        for e, tag in ((doc.by_idx[key[0]], "child"), (doc.by_idx[key[1]], "parent")):
            if e.f500 or e.fortune is not None:
                p.feats.add(f"{tag}_f500")
            if _LEGAL.search(normalise_name(e.label)):
                p.feats.add(f"{tag}_legal")
    return list(found.values())


# ----------------------------------------------------------------------------------------------------- decisions
# a signing or cooperation with the second party of 与: 与A、B签署…协议 / 与A开展合作
_WITH_SIGN = re.compile(r"(?:与|同|和|跟)([^。；！？]{1,80}?)(?:正式|成功|现场|顺利|举行|进行|开展|深化|达成|共同|分别|)*"
                        r"(?:签约|签署|签订|合作|协作|携手|牵手|共建|战略合作)")
_ADMIN_NAME = re.compile(r"(?:管委会|管理委员会|党工委)$")
_SIGNED = re.compile(r"签约|签署|签订|签下")


@lru_cache(maxsize=4096)
def _cue_ids(sentence: str) -> frozenset:
    """The cue rows a sentence holds (cached: the vetoes ask again for every pair of a sentence)."""
    return frozenset(cid for _a, _b, cid in cue_hits(sentence))


_VETO = {c.id for c in CUES if c.veto}
_SETTLED = {c.id for c in CUES if c.kind == "hosts" and c.id not in ("project", "facility", "here", "cluster")}
# the park as the destination of a trip: …一行到P考察 (the firm named before it is the visitor)
_TO_PARK = re.compile(r"(?:一行)?(?:到|赴|莅临|来到|走进|前往|抵达)$")


def _visitor(text: str, s: int, e: int, firm: Ent, park: Ent) -> bool:
    """The firm is the visitor of the park in sentence [s, e): named before 到/赴/莅临 + the park, in a sentence
    with a visit row (考察, 调研…) and no word of settling or investing. (Firms visited by officials *in* the
    park, 到P调研…到A、B调研, are the park's.)"""
    ids = _cue_ids(text[s:e])
    if not ids & _VETO or ids & _SETTLED:
        return False
    for pm in park.mentions:
        if s <= pm.start < e and _TO_PARK.search(text, max(s, pm.start - 4), pm.start):
            if any(s <= fm.start and fm.end <= pm.start for fm in firm.mentions):
                return True
    return False


# a park's team out on an investment-promotion trip: the firms it calls on elsewhere are prospects, not tenants
_OUTBOUND = re.compile(r"招商(?:团队|小分队|组|专班|团)|(?:赴|前往)[^。；]{0,24}?(?:开展|进行)?(?:招商|考察|拜访|推介)")
_CALL_ON = re.compile(r"拜访|走访|考察|对接|洽谈|座谈|会见|交流|邀请|参会|推介")
_SETTLED_STRONG = {"settle", "sign-settle", "project-milestone", "park-firm", "located"}


def _prospect(text: str, s: int, e: int, outbound: bool) -> bool:
    """On a trip (``outbound``), a sentence that calls on firms without a word of settling or investing."""
    if not outbound or not _CALL_ON.search(text, s, e):
        return False
    ids = _cue_ids(text[s:e])
    return not ids & _SETTLED_STRONG


def _vetoed(p: Pair, text: str, by_idx: dict, outbound: bool = False) -> bool:
    """Not hosted, whatever the weights say: a firm named in its sentence only as another firm's client or
    partner (为X赶制, no word of settling or investing), or the visitor of the park (see :func:`_visitor`)."""
    if p.kind is not RelationKind.HOSTS:
        return False
    ids = {f.split(":", 1)[1] for f in p.feats if f[:2] in ("s0", "s1", "s2") and ":" in f}
    if not ids & _SETTLED and "rule:partner_any" in p.feats:
        return True
    return p.sent is not None and (_visitor(text, p.sent.start, p.sent.end, by_idx[p.tail], by_idx[p.head])
                                   or _prospect(text, p.sent.start, p.sent.end, outbound))


# not a tenant, whatever the rule or the model says: a bank (its branch lends to the park and its firms) and the
# company that builds or runs the park (named after it: P运营管理有限公司, P投资发展有限公司; the conventions give it
# no relation)
_BANK = re.compile(r"银行")
_VEHICLE = re.compile("(?:资本|创投|母基金|基金|创新投)$")
_MEMBERSHIP = re.compile("(?:商会|联盟|协会|联合会|促进会|总会)$")
_UNIVERSITY = re.compile("(?:大学|学院|大學|學院)$")
_RUNS_PARK = re.compile(r"运营|投资发展|开发建设|建设发展|开发投资|建设投资|投资建设|城投|建投")


def _not_a_tenant(firm: Ent, parks: list[Ent]) -> bool:
    """A bank, an investment vehicle named by its fund or capital arm (某投资本, 某泰创投, 某站母基金: the park's
    funds that sign beside its tenants; a fund management company, 某某基金管理有限公司, is a tenant), a body of
    members (商会, 联盟, 协会: its members may be tenants, it is not; no annotated article hosts one), a university
    or college (a park's partner far more often than its tenant: 7 of 39 hosted in the annotated articles), or a firm
    named after one of the article's parks with a word of building or running it."""
    name = normalise_name(firm.label)
    if _BANK.search(name):
        return True
    if _VEHICLE.search(name) or _MEMBERSHIP.search(name) or _UNIVERSITY.search(name):
        return True
    if not _RUNS_PARK.search(name):
        return False
    return any(len(pn) >= 3 and pn in name for p in parks for pn in map(normalise_name, p.names + [p.label]))


# rules whose hosts the classifier may veto: a firm listed in a sentence that refers to the park (park-sentence,
# precision 0.57 on the unseen articles) is kept only when the model gives the pair at least this probability
_RULE_GATE = {"park-sentence": 0.2}


def decide(rule_rels, pairs: list[Pair], model: RelationModel, ents: list[Ent], text: str):
    """The article's relations: the rules' for the kinds the model does not decide, the model's for the others
    (``meta.mode == "union"``: the rules' and the model's), and two consequences of accepted hosts:

    - ``nested-park``: a firm hosted by a sub-park (X高新区Y片区) is hosted by the park it is part of, when the
      article names that park;
    - ``signing-party``: a park hosting a firm whose sentence says the park (or its 管委会, named before 与) signed
      with or works with the firm (…与A、B签约) is also its partner, as the conventions ask;
    - ``signed-with-park``: a park (or its 管委会) that signs with a firm hosts it.

    Vetoes (rules' hosts and the model's alike): the park's visitor (:func:`_visitor`), a prospect called on during
    an investment trip (:func:`_prospect`), a bank or the park's builder or operator (:func:`_not_a_tenant`); the
    model's only: a firm named as another firm's client or partner. The model also vetoes the hosts of the weakest
    rule (``park-sentence``) for a pair it gives less than ``_RULE_GATE`` (a pair it never saw is kept).
    """

    kinds = model.kinds
    union = model.meta.get("mode") == "union"
    rels = list(rule_rels) if union else [r for r in rule_rels if r.kind not in kinds]
    by_idx = {e.idx: e for e in ents}
    outbound = bool(_OUTBOUND.search(text))
    if RelationKind.HOSTS in kinds:     # the vetoes hold for the rules' hosts too
        rels = [r for r in rels if r.kind is not RelationKind.HOSTS or r.sent is None or r.cue.startswith("name")
                or not (_visitor(text, r.sent.start, r.sent.end, by_idx[r.tail], by_idx[r.head])
                        or _prospect(text, r.sent.start, r.sent.end, outbound))]
    if union and RelationKind.HOSTS in kinds:
        best: dict[tuple[int, int], float] = {}
        for p in pairs:
            if p.kind is RelationKind.HOSTS:
                best[(p.head, p.tail)] = max(best.get((p.head, p.tail), 0.0), model.prob(p))
        rels = [r for r in rels if r.kind is not RelationKind.HOSTS or r.cue not in _RULE_GATE
                or best.get((r.head, r.tail), 1.0) >= _RULE_GATE[r.cue]]
    accepted = [p for p in pairs if model.accept(p) and not _vetoed(p, text, by_idx, outbound)]
    rels += [Rel(p.kind, p.head, p.tail, p.sent, cue=model.cue(p)) for p in accepted]
    parks = [e for e in ents if e.cls is EntityClass.PARK]
    if RelationKind.HOSTS in kinds:
        rels = [r for r in rels if r.kind is not RelationKind.HOSTS or not _not_a_tenant(by_idx[r.tail], parks)]
    hosted = [(r.head, r.tail, r.sent) for r in rels if r.kind is RelationKind.HOSTS]
    have = {(h, t) for h, t, _s in hosted}
    for h, t, sent in hosted:
        inner = normalise_name(by_idx[h].label)
        for outer in parks:      # by any of the outer park's names (某省某州新区 is also 某州新区)
            if outer.idx != h and (outer.idx, t) not in have and any(
                    len(n) >= 4 and inner.startswith(n) and len(inner) > len(n) for n in map(normalise_name, outer.names)):
                rels.append(Rel(RelationKind.HOSTS, outer.idx, t, sent, cue="nested-park"))
                have.add((outer.idx, t))
    if RelationKind.HOSTS in kinds:
        partners = {(min(r.head, r.tail), max(r.head, r.tail)) for r in rels if r.kind is RelationKind.PARTNERS_WITH}
        for r in [r for r in rels if r.kind is RelationKind.HOSTS and r.sent is not None and not r.implied]:
            s, e = r.sent.start, r.sent.end
            spans = [(c.start, c.end) for c in by_idx[r.tail].mentions if s <= c.start and c.end <= e]
            for m in _WITH_SIGN.finditer(text, s, e):
                if not any(m.start(1) <= a and b <= m.end(1) for a, b in spans):
                    continue
                # the signing party: an administration named before 与 in the sentence, else the park itself
                party = r.head
                for adm in ents:
                    if adm.cls is EntityClass.GOVERNMENT_BODY and _ADMIN_NAME.search(normalise_name(adm.label)) \
                            and any(s <= c.start and c.end <= m.start() for c in adm.mentions):
                        party = adm.idx
                if not text[s:m.start()] or any(s <= a and b <= m.start() for a, b in spans):
                    continue
                key = (min(party, r.tail), max(party, r.tail))
                if key not in partners:
                    partners.add(key)
                    rels.append(Rel(RelationKind.PARTNERS_WITH, key[0], key[1], r.sent, cue="signing-party"))
                break
    if RelationKind.HOSTS in kinds:
        # a park (or its 管委会) that signs with a firm hosts it (the annotation conventions): 园区与X签约/签署…协议
        managed = {r.head: r.tail for r in rels if r.kind is RelationKind.MANAGES}
        have = {(r.head, r.tail) for r in rels if r.kind is RelationKind.HOSTS}
        for r in [r for r in rels if r.kind is RelationKind.PARTNERS_WITH and r.sent is not None]:
            if not _SIGNED.search(text, r.sent.start, r.sent.end):
                continue
            for a, b in ((r.head, r.tail), (r.tail, r.head)):
                park = a if by_idx[a].cls is EntityClass.PARK else managed.get(a)
                if park is None or by_idx[b].cls not in FIRMS or (park, b) in have or _not_a_tenant(by_idx[b], parks):
                    continue
                if _visitor(text, r.sent.start, r.sent.end, by_idx[b], by_idx[park]):
                    continue
                rels.append(Rel(RelationKind.HOSTS, park, b, r.sent, cue="signed-with-park"))
                have.add((park, b))
    # a park's own administration is not its partner (某某经开区管委会与…签约 names the body, then the park)
    manages = {frozenset((r.head, r.tail)) for r in rels if r.kind is RelationKind.MANAGES}
    rels = [r for r in rels if r.kind is not RelationKind.PARTNERS_WITH or frozenset((r.head, r.tail)) not in manages]
    return dedupe(rels)
