#!/usr/bin/python3
"""Builds the large 名簿 files bench/40-meibo.sh measures, from a real one, by rewriting its sheet XML:

  tokyo   SRC OUT ROWS  the 届出 rows of SRC, then repeated under new 医療機関番号 (7000000, 7000001, …) until the
                        sheet has ROWS 届出 rows — the size of Tokyo's 名簿 (about 80,000) with real content;
  empty   SRC OUT ROWS  SRC followed by ROWS rows that hold only a formatted empty cell (a sheet formatted down to
                        row 1,000,000)."""
import re
import sys
import zipfile

ROW = re.compile(r'<row r="(\d+)"[^>]*>.*?</row>', re.S)
CELL_REF = re.compile(r' r="([A-Z]+)\d+"')
NUMBER_CELL = re.compile(r'<c r="E\d+"[^>]*?(?:/>|>.*?</c>)', re.S)


def rewrite(src, out, transform):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = transform(data.decode("utf-8-sig")).encode("utf-8")
            zout.writestr(item.filename, data)


def tokyo(text, rows_wanted):
    head, rest = text.split("<sheetData>", 1)
    body, tail = rest.split("</sheetData>", 1)
    rows = [(int(m.group(1)), m.group(0)) for m in ROW.finditer(body)]
    data = [xml for number, xml in rows if number >= 5]
    last = rows[-1][0]
    out = [xml for _, xml in rows]
    numbers = {}
    copy = 0
    while len(out) - (len(rows) - len(data)) < rows_wanted:
        copy += 1
        for xml in data:
            if len(out) - (len(rows) - len(data)) >= rows_wanted:
                break
            last += 1
            original = NUMBER_CELL.search(xml).group(0)
            key = (copy, re.sub(r' r="E\d+"', "", original))
            new_number = numbers.setdefault(key, f"{7000000 + len(numbers):07d}")
            xml = xml.replace(original, f'<c r="E0" t="inlineStr"><is><t>{new_number}</t></is></c>')
            xml = re.sub(r'<row r="\d+"', f'<row r="{last}"', xml, count=1)
            out.append(CELL_REF.sub(lambda m: f' r="{m.group(1)}{last}"', xml))
    head = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="A2:X{last}"', head)
    return f"{head}<sheetData>{''.join(out)}</sheetData>{tail}"


def empty(text, rows_wanted):
    head, rest = text.split("<sheetData>", 1)
    body, tail = rest.split("</sheetData>", 1)
    last = max(int(n) for n in re.findall(r'<row r="(\d+)"', body))
    filler = "".join(f'<row r="{n}"><c r="A{n}" s="0"/></row>' for n in range(last + 1, last + 1 + rows_wanted))
    return f"{head}<sheetData>{body}{filler}</sheetData>{tail}"


if __name__ == "__main__":
    kind, src, out, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    rewrite(src, out, lambda text: {"tokyo": tokyo, "empty": empty}[kind](text, rows))
