#!/usr/bin/python3
"""The peer of bench/40-meibo.sh: the job of `hojo meibo FILE` done the way one would in Python — openpyxl in
read-only mode, rows grouped by 医療機関番号, the filing conditions H2–H4, X2, X3 tested, one JSON object per line
for each hospital that meets them (the same fields as hojo prints)."""
import json
import re
import sys
import unicodedata

import openpyxl

H3 = {"地包ケア１", "地包ケア２", "地包ケア３", "地包ケア４"}
H4 = {"がん疼"}
FORBIDDEN = {"緩１", "緩２", "緩診"}


def beds_total(text):
    numbers = re.findall(r"\d+", unicodedata.normalize("NFKC", text or ""))
    return sum(int(n) for n in numbers) if numbers else None


def main(path):
    rows = openpyxl.load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True)
    header = next(row for row in rows if row and "医療機関番号" in row)
    col = {name: header.index(name) for name in ("都道府県コード", "都道府県名", "医療機関番号", "医療機関名称", "病床数", "受理記号")}
    institutions = {}
    for row in rows:
        number = row[col["医療機関番号"]]
        if not number:
            continue
        key = (row[col["都道府県コード"]], number)
        entry = institutions.get(key)
        if entry is None:
            entry = institutions[key] = {"name": row[col["医療機関名称"]], "prefecture": row[col["都道府県名"]],
                                         "beds": beds_total(row[col["病床数"]]), "symbols": []}
        if row[col["受理記号"]]:
            entry["symbols"].append(row[col["受理記号"]])
    for (prefecture, number), entry in institutions.items():
        symbols = set(entry["symbols"])
        if (entry["beds"] or 0) >= 20 and symbols & H3 and symbols & H4 and not symbols & FORBIDDEN:
            matched = [s for s in ["地包ケア１", "地包ケア２", "地包ケア３", "地包ケア４", "がん疼"] if s in symbols]
            print(json.dumps({"number": number, "name": entry["name"], "prefecture_code": prefecture,
                              "prefecture": entry["prefecture"], "beds": entry["beds"],
                              "symbols": matched, "h1": "met" if prefecture == "13" else "not_met"}, ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    main(sys.argv[1])
