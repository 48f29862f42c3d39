"""The rule table (kg/extract/rules.py): one generated test per row, and a scan that keeps the table complete.

Every row's invented example, run through the whole pipeline, must give the row's ``expect`` relation with the
row's id as its cue (``pk:cue``). The rule modules are scanned for the cue strings they emit: each must be a row
of the rule table or of the cue table (kg/extract/cues.py), and each row must name a cue the code emits.
"""
from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

from kg.extract import learned, relations, signing
from kg.extract.cues import CUE_BY_ID
from kg.extract.rules import RULE_BY_ID, RULES, Rule, describe
from kg.records import Article, RelationKind

KINDS = {k.value for k in RelationKind}
RULE_MODULES = (relations, signing, learned)
SIGNING_IDS = {"with-sign", "joint-list", "park-signs"}     # rules whose words are cue-table rows too


_article = Article.from_text


@pytest.fixture(scope="module")
def run(extractor):
    """text -> [(head name, kind, tail name, cue)] of every relation the pipeline gives."""
    def _run(text: str) -> list[tuple[str, str, str, str]]:
        d = extractor.extract(_article(text))
        names = {e.key: e.name for e in d.entities}
        return [(names[r.head], r.kind.value, names[r.tail], r.cue) for r in d.relations]
    return _run


def _matches(rel: tuple[str, str, str, str], expect: tuple[str, str, str]) -> bool:
    head, kind, tail = expect
    if rel[1] != kind:
        return False
    if (rel[0], rel[2]) == (head, tail):
        return True
    return kind == RelationKind.PARTNERS_WITH.value and (rel[2], rel[0]) == (head, tail)   # symmetric


# --------------------------------------------------------------------------------------------- one test per row

@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_example_gives_its_relation_with_its_cue(rule: Rule, run):
    rels = run(rule.example)
    hits = [r for r in rels if _matches(r, rule.expect)]
    assert hits, f"row {rule.id}: {rule.expect} not found in {rels}"
    assert any(r[3] == rule.id for r in hits), \
        f"row {rule.id}: {rule.expect} found only with cues {sorted({r[3] for r in hits})}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_row_is_well_formed(rule: Rule):
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.id), f"row {rule.id}: ids are plain words"
    assert rule.kind in KINDS, f"row {rule.id}: unknown kind {rule.kind}"
    assert rule.expect[1] == rule.kind, f"row {rule.id}: expect gives {rule.expect[1]}, the row says {rule.kind}"
    assert rule.example and rule.reason and "\n" not in rule.reason
    # where: an importable module.Class.method or module.function whose source emits this very cue
    obj = None
    parts = rule.where.split(".")
    for k in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:k]))
        except ImportError:
            continue
        for attr in parts[k:]:
            obj = getattr(obj, attr, None)
        break
    assert obj is not None and callable(obj), f"row {rule.id}: {rule.where} is not a function"
    assert f'"{rule.id}"' in inspect.getsource(obj), f"row {rule.id}: {rule.where} does not emit it"
    if rule.id in CUE_BY_ID:
        assert rule.id in SIGNING_IDS and CUE_BY_ID[rule.id].kind == rule.kind


def test_rule_ids_are_unique():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert set(RULE_BY_ID) == set(ids)
    # a rule id that is also a cue-table row is one of the signing rules (the same rule in both tables)
    assert set(ids) & set(CUE_BY_ID) <= SIGNING_IDS


def test_examples_are_not_copied_from_the_seed_articles(seeds_dir: Path):
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt")))
    for rule in RULES:
        for clause in re.split(r"[，。；：“”、]", rule.example):
            assert len(clause) < 8 or clause not in seeds, f"row {rule.id}: {clause!r} is in a seed article"


# --------------------------------------------------------------------------------------------- the code's cues

def _emitted_cues() -> tuple[dict[str, set[str]], set[str]]:
    """The cue strings the rule modules emit, by module, and the prefixes they test cues with.

    Found from the syntax tree: ``cue="x"`` keyword arguments; string arguments passed positionally to a
    parameter or dataclass field named ``cue`` (``add(a, b, "partner-cue")``, ``_rel(…, "with-sign")``,
    ``Rel(kind, h, t, sent, role, implied, "x")``); strings compared with a ``.cue`` (``r.cue in ("a", "b")``);
    and ``.cue.startswith("x")`` prefixes.
    """
    trees = {m.__name__: ast.parse(Path(m.__file__).read_text(encoding="utf-8")) for m in RULE_MODULES}
    cue_pos: dict[str, int] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names = [a.arg for a in node.args.posonlyargs + node.args.args if a.arg not in ("self", "cls")]
                if "cue" in names:
                    cue_pos[node.name] = names.index("cue")
            elif isinstance(node, ast.ClassDef):
                fields = [s.target.id for s in node.body if isinstance(s, ast.AnnAssign)
                          and isinstance(s.target, ast.Name)]
                if "cue" in fields:
                    cue_pos[node.name] = fields.index("cue")

    def strings(node) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return [s for e in node.elts for s in strings(e)]
        return []

    def is_cue(node) -> bool:
        return (isinstance(node, ast.Attribute) and node.attr == "cue") or (isinstance(node, ast.Name) and node.id == "cue")

    found: dict[str, set[str]] = {}
    prefixes: set[str] = set()
    for mod, tree in trees.items():
        out = found.setdefault(mod, set())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg == "cue":
                        out.update(strings(kw.value))
                f = node.func
                fname = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
                if fname in cue_pos and cue_pos[fname] < len(node.args):
                    out.update(strings(node.args[cue_pos[fname]]))
                if isinstance(f, ast.Attribute) and f.attr == "startswith" and is_cue(f.value):
                    prefixes.update(s for a in node.args for s in strings(a))
            elif isinstance(node, ast.Compare) and (is_cue(node.left) or any(map(is_cue, node.comparators))):
                for side in [node.left, *node.comparators]:
                    out.update(strings(side))
    return found, prefixes


def test_every_cue_the_rules_emit_has_a_row():
    found, prefixes = _emitted_cues()
    emitted = set().union(*found.values())
    missing = sorted(c for c in emitted if c not in RULE_BY_ID and c not in CUE_BY_ID)
    assert not missing, f"cues emitted without a row in kg/extract/rules.py (or kg/extract/cues.py): {missing}"
    for p in prefixes:
        assert any(r.startswith(p) for r in RULE_BY_ID), f"cue prefix {p!r} tested in the code names no row"
    # the scan sees every module's rules (a blind scan would pass vacuously)
    assert {"settle-in-park", "partner-cue", "name-place"} <= found["kg.extract.relations"]
    assert SIGNING_IDS <= found["kg.extract.signing"]
    assert {"nested-park", "signing-party"} <= found["kg.extract.learned"]


def test_every_row_names_a_cue_the_code_emits():
    found, _ = _emitted_cues()
    emitted = set().union(*found.values())
    dead = sorted(set(RULE_BY_ID) - emitted)
    assert not dead, f"rows whose cue no rule emits (renamed or removed rules): {dead}"


def test_every_cue_of_the_examples_is_described(run):
    for rule in RULES:
        for *_, cue in run(rule.example):
            line = describe(cue)
            assert "no rule or cue row" not in line and "no cue row" not in line, f"{rule.id} example: {line}"


# --------------------------------------------------------------------------------------------- describe

def test_describe_a_rule_a_signing_rule_and_a_learned_cue():
    line = describe("settle-in-park")
    assert line.startswith("settle-in-park (hosts") and RULE_BY_ID["settle-in-park"].where in line
    assert "\n" not in line
    assert "/" in describe("with-sign") and "signing_partners" in describe("with-sign")
    line = describe("learned:settle")
    assert "learned classifier" in line and CUE_BY_ID["settle"].reason in line
    assert "no cue row spoke" not in line
    assert "learned classifier" in describe("learned")
    assert "no rule or cue row" in describe("no-such-rule")


def test_learned_statements_name_a_cue_row(run):
    # the classifier alone finds this one (no rule speaks for a two-character brand before its 项目开工)
    rels = run("青川高新区举行开工仪式，临岳年产十万台电机项目开工。")
    learned_cues = [c for *_, c in rels if c.startswith("learned")]
    assert learned_cues, f"no statement of the classifier in {rels}"
    for c in learned_cues:
        assert c.partition(":")[2] in CUE_BY_ID, f"{c} names no row of kg/extract/cues.py"
