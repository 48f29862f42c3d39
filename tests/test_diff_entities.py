"""``kg diff --entities`` (issue 12, 2b): what changed, in labels, for a daily script; and diff(1)'s exit codes
(0 same, 1 differ, 2 error) through the real command line. Every name here is invented."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main as kg_main

HEAD = "青川高新区新签约两个项目\n本报讯 近日，宏泰精密有限公司正式入驻青川高新区，将建设精密零部件生产基地。"
TAIL = "青川高新区管委会主任王海明表示，将全力做好服务。\n"
OTHER = ("澜沧湾经开区招商成果丰硕\n本报讯 今年以来，澜沧湾经开区引进北辰仪表有限公司等一批企业。"
         "北辰仪表有限公司与宏泰精密有限公司签署战略合作协议。\n")
DROPPED, ADDED = "澜沧湾新材料有限公司", "星辰量子科技有限公司"


def _corpus(folder: Path, firm: str) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(f"{HEAD}同时，{firm}也落户青川高新区。{TAIL}", encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    """Two builds with `kg build`: the second has one firm hosted by 青川高新区 more and one less."""
    root = tmp_path_factory.mktemp("diffent")
    outs = []
    for name, firm in (("monday", DROPPED), ("tuesday", ADDED)):
        out = root / f"out-{name}"
        assert kg_main(["build", str(_corpus(root / name, firm)), "-o", str(out), "--no-html", "--no-store"]) == 0
        outs.append(out)
    return outs[0], outs[1]


def test_entities_lists_the_added_and_removed_firm_under_its_park(builds, capsys):
    old, new = builds
    capsys.readouterr()
    assert kg_main(["diff", str(old), str(new), "--entities"]) == 1
    cap = capsys.readouterr()
    assert cap.out == (f"entities\n"
                       f"  Company: +{ADDED}\n"
                       f"  Company: -{DROPPED}\n"
                       f"relations\n"
                       f"  青川高新区: +{ADDED} (hosts)\n"
                       f"  青川高新区: -{DROPPED} (hosts)\n")
    assert "https://" not in cap.out and not re.search("[0-9a-f]{16}", cap.out)
    assert cap.err == "entities: +1 -1; relations: +1 -1\n"
    # the other way round, and the same bytes every time
    assert kg_main(["diff", str(new), str(old), "--entities"]) == 1
    assert f"  青川高新区: -{ADDED} (hosts)\n  青川高新区: +{DROPPED} (hosts)\n" in capsys.readouterr().out
    kg_main(["diff", str(old), str(new), "--entities"])
    assert capsys.readouterr().out == cap.out


def test_entities_as_json_and_csv(builds, capsys):
    old, new = builds
    capsys.readouterr()
    assert kg_main(["diff", str(old), str(new), "--entities", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["entities"] == [{"change": "added", "label": ADDED, "class": "Company"},
                                  {"change": "removed", "label": DROPPED, "class": "Company"}]
    assert [(r["change"], r["group"], r["group_class"], r["relation"], r["label"], r["class"], r["inverse"])
            for r in report["relations"]] == [("added", "青川高新区", "Park", "hosts", ADDED, "Company", False),
                                              ("removed", "青川高新区", "Park", "hosts", DROPPED, "Company", False)]

    assert kg_main(["diff", str(old), str(new), "--entities", "--format", "csv"]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["section"], r["change"], r["group"], r["relation"], r["inverse"], r["label"]) for r in rows] == [
        ("entity", "added", "", "", "", ADDED), ("entity", "removed", "", "", "", DROPPED),
        ("relation", "added", "青川高新区", "hosts", "false", ADDED),
        ("relation", "removed", "青川高新区", "hosts", "false", DROPPED)]


def test_exit_codes_0_same_1_differ_2_error(builds, tmp_path, capsys):
    old, new = builds
    for mode in ([], ["--stat"], ["--entities"]):
        assert kg_main(["diff", str(old), str(old / "graph.ttl"), *mode]) == 0
        assert kg_main(["diff", str(old), str(new), *mode]) == 1
    capsys.readouterr()

    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    errors = {str(tmp_path / "nothing"): "nothing: no such file or folder",
              str(bad): "bad.ttl: not valid Turtle",
              str(tmp_path / "empty"): "empty: no graph.ttl in this folder"}
    for side, message in errors.items():
        for mode in ([], ["--entities"]):
            assert kg_main(["diff", str(old), side, *mode]) == 2
            cap = capsys.readouterr()
            assert cap.out == ""
            assert len(cap.err.splitlines()) == 1 and cap.err.startswith("kg diff: error: ") and message in cap.err

    assert kg_main(["diff", str(old), str(new), "--format", "csv"]) == 2
    assert capsys.readouterr().err == "kg diff: error: --format is for the --entities report\n"


@pytest.mark.parametrize("argv", [["diff", "OLD-ONLY"], ["diff", "A", "B", "--stat", "--entities"],
                                  ["diff", "A", "B", "--entities", "--format", "xml"]])
def test_bad_arguments_exit_2_from_the_command_line(argv):
    proc = subprocess.run([sys.executable, "-m", "kg", *argv], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "kg diff: error:" in proc.stderr and "Traceback" not in proc.stderr


def test_a_missing_side_exits_2_from_the_command_line(builds, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "diff", str(builds[0]), str(tmp_path / "gone"), "--entities"],
                          capture_output=True, text=True)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"kg diff: error: {tmp_path / 'gone'}: no such file or folder\n"


def test_other_commands_still_exit_1_on_an_error(tmp_path, capsys):
    assert kg_main(["export", str(tmp_path / "nothing"), "--format", "ntriples"]) == 1
    assert "kg export: error:" in capsys.readouterr().err


OLD_TTL = """\
@prefix pk: <https://w3id.org/parkkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix id: <https://w3id.org/parkkg/id/> .
id:p1 a pk:Park ; rdfs:label "青川高新区"@zh ; pk:hosts id:c1 ; pk:partnersWith id:c3 .
id:c1 a pk:Company ; rdfs:label "宏泰精密有限公司"@zh ; pk:partnersWith id:c2 .
id:c2 a pk:Company ; rdfs:label "北辰仪表有限公司"@zh ; pk:partnersWith id:c1 .
id:c3 a pk:Company , pk:Fortune500Firm ; rdfs:label "星桥汽车"@zh , "Xingqiao Motors"@en ;
    pk:partnersWith id:p1 .
id:w a pk:Person ; rdfs:label "王海明"@zh ; pk:worksFor id:p1 .
id:g a pk:GovernmentBody ; rdfs:label "青川高新区管委会"@zh ; pk:manages id:p1 .
id:s a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ;
    <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> id:p1 .
"""


def test_relations_in_labels_symmetric_once_and_pointing_at_the_park(tmp_path, capsys):
    """The person and the partnerships are gone from NEW: labelled from OLD, partnersWith once, the relations
    pointing at the park (worksFor, manages) under the park with "←", a label's newline escaped."""
    old = tmp_path / "old.ttl"
    old.write_text(OLD_TTL, encoding="utf-8")
    new = tmp_path / "new.nt"
    new.write_text('<https://w3id.org/parkkg/id/p1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
                   '<https://w3id.org/parkkg/ontology#Park> .\n'
                   '<https://w3id.org/parkkg/id/p1> <http://www.w3.org/2000/01/rdf-schema#label> "青川高新区"@zh .\n'
                   '<https://w3id.org/parkkg/id/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
                   '<https://w3id.org/parkkg/ontology#Institute> .\n'
                   '<https://w3id.org/parkkg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "岳岚\\n研究院"@zh .\n',
                   encoding="utf-8")
    assert kg_main(["diff", str(old), str(new), "--entities"]) == 1
    assert capsys.readouterr().out == (
        "entities\n"
        "  Fortune500Firm: -星桥汽车\n"
        "  Company: -北辰仪表有限公司\n"
        "  Company: -宏泰精密有限公司\n"
        "  Institute: +岳岚\\n研究院\n"
        "  GovernmentBody: -青川高新区管委会\n"
        "  Person: -王海明\n"
        "relations\n"
        "  青川高新区: -宏泰精密有限公司 (hosts)\n"
        "  青川高新区: -青川高新区管委会 (← manages)\n"
        "  青川高新区: -星桥汽车 (partnersWith)\n"
        "  青川高新区: -王海明 (← worksFor)\n"
        "  北辰仪表有限公司: -宏泰精密有限公司 (partnersWith)\n")
