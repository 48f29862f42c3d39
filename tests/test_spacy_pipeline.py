"""The extraction pipeline is a real spaCy pipeline: saved with ``nlp.to_disk``, it loads with ``spacy.load`` in a
new process that never imported kg (the factories and the NER architecture are ``spacy_*`` entry points), its
``config.cfg`` round-trips, and the components declare every ``Doc._`` attribute they write."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.pipeline import make_entities, make_nlp, make_relations
from kg.ner.arch import CharBigramEmbed

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7dd7cb491af5f5f4.txt"
REINSTALL = "entry points missing from the installed metadata: reinstall with pip install -e ."

# run in a fresh interpreter: load the saved pipeline without importing kg first, extract, print what it found
CHILD = r"""
import json, sys
import spacy
assert not any(m == "kg" or m.startswith("kg.") for m in sys.modules), "kg imported before spacy.load"
nlp = spacy.load(sys.argv[1])
doc = nlp(open(sys.argv[2], encoding="utf-8").read())
print(json.dumps({"pipe_names": nlp.pipe_names, "config": nlp.config.to_str(),
                  "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents],
                  "entities": sorted(e.label for e in doc._.entities),
                  "relations": sorted([r.kind.value, r.head, r.tail] for r in doc._.relations)},
                 ensure_ascii=False))
"""


def found(nlp, doc) -> dict:
    return {"pipe_names": nlp.pipe_names, "config": nlp.config.to_str(),
            "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents],
            "entities": sorted(e.label for e in doc._.entities),
            "relations": sorted([r.kind.value, r.head, r.tail] for r in doc._.relations)}


@pytest.fixture(scope="module")
def text(tmp_path_factory) -> Path:
    """The first ~4,000 characters of a seed article (the NER runs at ~15k chars/s)."""
    raw = SEED.read_text(encoding="utf-8")
    cut = raw.index("\n", 4000)
    path = tmp_path_factory.mktemp("text") / "article.txt"
    path.write_text(raw[:cut], encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=[False, True], ids=["rules", "ner"])
def saved(request, tmp_path_factory):
    """(pipeline, folder it was saved to), without and with the trained NER."""
    nlp = make_nlp(use_ner=request.param)
    assert ("ner" in nlp.pipe_names) is request.param
    folder = tmp_path_factory.mktemp("pipeline") / "nlp"
    nlp.to_disk(folder)
    return nlp, folder


def test_factories_and_architectures_are_entry_points():
    """Every factory and registered function in kg/ has its ``spacy_*`` entry point, installed."""
    wanted: dict[str, set[str]] = {}
    for path in sorted((ROOT / "kg").rglob("*.py")):
        src = path.read_text(encoding="utf-8")
        for name in re.findall(r"@Language\.(?:factory|component)\(\s*\"([^\"]+)\"", src):
            wanted.setdefault("spacy_factories", set()).add(name)
        for reg, name in re.findall(r"@registry\.(\w+)\(\s*\"([^\"]+)\"", src):
            wanted.setdefault(f"spacy_{reg}", set()).add(name)
    assert wanted == {"spacy_factories": {"parkkg_entities", "parkkg_relations"},
                      "spacy_architectures": {"parkkg.CharBigramEmbed.v1"}}
    for group, names in wanted.items():
        installed = {ep.name: ep for ep in entry_points(group=group)}
        assert names <= set(installed), REINSTALL
    factories = {ep.name: ep for ep in entry_points(group="spacy_factories")}
    assert factories["parkkg_entities"].load() is make_entities
    assert factories["parkkg_relations"].load() is make_relations
    archs = {ep.name: ep for ep in entry_points(group="spacy_architectures")}
    assert archs["parkkg.CharBigramEmbed.v1"].load() is CharBigramEmbed


def test_saved_pipeline_loads_and_extracts_in_a_new_process(saved, text, tmp_path):
    nlp, folder = saved
    mine = found(nlp, nlp(text.read_text(encoding="utf-8")))
    assert mine["entities"] and mine["relations"] and mine["ents"]
    res = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(text)], cwd=tmp_path,
                         capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    theirs = json.loads(res.stdout)
    assert theirs == mine


def test_config_round_trips(saved, tmp_path):
    nlp, folder = saved
    written = (folder / "config.cfg").read_text(encoding="utf-8")
    assert spacy.util.load_config(folder / "config.cfg").to_str() == nlp.config.to_str()
    loaded = spacy.load(folder)
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.config.to_str() == nlp.config.to_str()
    loaded.to_disk(tmp_path / "again")
    assert (tmp_path / "again" / "config.cfg").read_text(encoding="utf-8") == written
    rebuilt = spacy.util.load_model_from_config(nlp.config, auto_fill=True, validate=True)
    assert rebuilt.pipe_names == nlp.pipe_names
    assert rebuilt.config.to_str() == nlp.config.to_str()


def _ext_written(doc: Doc) -> set[str]:
    """The ``doc._`` attributes that hold a value on ``doc`` (spaCy keeps them in ``doc.user_data``)."""
    return {f"doc._.{k[1]}" for k, v in doc.user_data.items()
            if isinstance(k, tuple) and len(k) == 4 and k[0] == "._." and k[2] is None and v is not None}


def test_components_declare_every_doc_attribute_they_write(text):
    nlp = make_nlp(use_ner=False)
    rel = nlp.get_pipe("parkkg_relations")
    rel.keep_pairs = True      # training mode: also writes doc._.pairs
    assert nlp.analyze_pipes()["problems"] == {name: [] for name in nlp.pipe_names}
    doc = nlp.make_doc(text.read_text(encoding="utf-8"))
    for name, proc in nlp.pipeline:
        before = {k: v for k, v in doc.user_data.items()}
        doc = proc(doc)
        changed = {k for k in _ext_written(doc) if
                   before.get(("._.", k[len("doc._."):], None, None)) is not doc._.get(k[len("doc._."):])}
        assigns = set(nlp.get_pipe_meta(name).assigns)
        assert changed, name
        assert changed <= assigns, f"{name} writes {sorted(changed - assigns)} without declaring them"
    assert {"doc._.pairs", "doc._.relations"} <= _ext_written(doc)
