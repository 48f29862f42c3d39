"""The kg command line run in-process, for tests: exit code, stdout and stderr (pytest's ``capsys``)."""
from __future__ import annotations

from kg.cli import main


def run_kg(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err
