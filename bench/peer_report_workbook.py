"""The peer of `hojo export` of a report in bench/32-report.sh: the same 実績報告書 written with openpyxl the way
bench/peer_workbook.py writes the application's — 第6号様式 and 別紙1–4 plus the hidden sheet holding the case
file, the same cells (src/workbook/report/layout.rs), formulas (別紙3's item 計 and 合計, 別紙2's A–I, 合計,
確定額 = MIN, 差引過(△)不足額 and its meaning by IF), 和暦 and △ number formats, borders, ＭＳ 明朝, merges,
unlocked inputs, protection, A4 print setup, print areas and the defined names 交付決定額/確定額/精算額合計/
差引過不足額. The 精算 is peer_settle.py's. It does not measure text for row heights, break pages, cache formula
results, or run the review. Usage: peer_report_workbook.py REPORT.json OUT.xlsx"""
import json
import sys
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Protection, Side
from openpyxl.workbook.defined_name import DefinedName

from peer_calc import FLAG, ONCE, STANDARD, month_overlaps
from peer_settle import actual, settle

LABELS = {"admission": "入学料", "tuition": "受講料", "exam_fee": "認定審査料", "registration_fee": "認定登録料", "salary": "人件費"}
QUALIFICATIONS = {"cancer_nursing_cns": ("がん看護専門看護師", "看護系大学院修士課程（高度実践看護師教育課程・がん看護）"),
                  "palliative_care_cn": ("緩和ケア認定看護師", "認定看護師教育課程 B課程（特定行為研修を組み込んだ課程）"),
                  "cancer_pain_cn": ("がん性疼痛看護認定看護師", "認定看護師教育課程 A課程")}
STATUS = {"enrolled": "在学中", "completed": "修了", "withdrawn": "中途退学"}
KINDS = {"trainee": "受講者給与費", "substitute": "代替看護職員給与費"}
NOTES = {"tuition": ("本年度分の課程を年度内に修了", "本年度分の課程を修了した場合に計上"),
         "exam_fee": (None, "認定後に計上"), "registration_fee": (None, "認定後に計上")}
FONT = Font(name="ＭＳ 明朝", size=10.5, charset=128)
TITLE = Font(name="ＭＳ 明朝", size=14, charset=128)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
OPEN = Protection(locked=False)
DATE = '[$-411]ggge"年"m"月"d"日"'
AMOUNT = "#,##0"
SIGNED = '#,##0;"△"#,##0'
F2, F3, F4, F1 = "別紙2_精算額調書", "別紙3_支出済額内訳", "別紙4_受講者名簿_実績", "第6号様式_実績報告書"


def col(n):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n]


def put(sheet, ref, value, number_format=None, boxed=True, wrap=False, unlocked=False, font=FONT, align=None):
    cell = sheet[ref]
    cell.value = value
    cell.font = font
    if boxed:
        cell.border = BOX
    if number_format:
        cell.number_format = number_format
    if wrap or align:
        cell.alignment = align or WRAP
    if unlocked:
        cell.protection = OPEN
    return cell


def merged(sheet, first, last, value, **style):
    put(sheet, first, value, **style)
    sheet.merge_cells(f"{first}:{last}")


def set_up(sheet, title, landscape, last, widths):
    sheet.title = title
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    for side in ("left", "right", "top", "bottom"):
        setattr(sheet.page_margins, side, 15 / 25.4)
    sheet.print_area = f"A1:{last}"
    for i, width in enumerate(widths):
        sheet.column_dimensions[col(i)].width = width
    sheet.protection.sheet = True
    sheet.protection.formatColumns = sheet.protection.formatRows = False


def wareki(d):
    year = d.year - 2018
    return f"令和{'元' if year == 1 else year}年{d.month}月{d.day}日"


def items(t, year):
    """別紙3's items of a trainee: (key, label, lines [(date, description, payee, amount, note, counted)], amount,
    standard, selected, note), skipping an item with nothing paid."""
    fy_first, fy_last = date(year, 4, 1), date(year + 1, 3, 31)
    first, last = date.fromisoformat(t["enrolled_on"]), date.fromisoformat(t["course_ends_on"])
    a = actual(t)
    out = []
    for key in list(STANDARD) + ["other_costs"]:
        lines = []
        if key == "salary" and t.get("salary_months"):
            for m in sorted(t["salary_months"], key=lambda m: m["month"]):
                y, mo = map(int, m["month"].split("-"))
                inside_course, inside_year = month_overlaps(m["month"], first, last), month_overlaps(m["month"], fy_first, fy_last)
                note = "計上" if inside_course and inside_year else "受講期間外のため計上しない" if not inside_course else "年度外のため計上しない"
                lines.append((None, f"人件費　令和{y - 2018}年{mo}月分", "", m["amount"], note, note == "計上"))
            amount = sum(line[3] for line in lines if line[5])
        else:
            for r in t.get("receipts", []):
                if r["item"] == key:
                    lines.append((date.fromisoformat(r["paid_on"]), r["description"], r["payee"], r["amount"], "", True))
            amount = a.get(key, 0)
            if not lines and amount:
                lines.append((None, LABELS.get(key, "その他（対象外経費）") + "（領収書の明細なし）", "", amount, "", True))
        if not lines:
            continue
        if key == "other_costs":
            out.append((key, "その他（対象外経費）", lines, amount, None, 0, "教材費・旅費等（補助対象外）"))
            continue
        standard = 0 if key in ONCE and key in t.get("prior_items", []) else STANDARD[key]
        counted = t.get(FLAG.get(key, ""), True)
        selected = min(amount if counted else 0, standard)
        note = NOTES.get(key, (None, None))[0 if counted else 1] or ""
        out.append((key, LABELS[key], lines, amount, standard, selected, note))
    return out


def write(case, out):
    s = settle(case)
    book = Workbook()
    h, year, n = case["hospital"], case["fiscal_year"], len(case["trainees"])
    year_name = f"令和{year - 2018}年度"
    total_row = 7 + n
    summary = [total_row + 2 + k for k in range(5)]  # 交付決定額, 精算額合計, 確定額, 受入済額, 差引過不足額

    form = book.active
    set_up(form, F1, False, "I32", [2, 4, 14, 6, 18, 16, 16, 18, 2])
    put(form, "B1", "第6号様式", boxed=False)
    merged(form, "G3", "H3", "令和　　年　　月　　日", boxed=False, unlocked=True, align=Alignment(horizontal="right"))
    put(form, "B5", "東京都知事　殿", boxed=False)
    for row, label, value in ((7, "所在地", h.get("address")), (8, "名称", h["name"]), (9, "代表者職氏名", h.get("representative"))):
        put(form, f"E{row}", label, boxed=False)
        merged(form, f"F{row}", f"H{row}", value, boxed=False, wrap=True, unlocked=True)
    merged(form, "B12", "H12", f"{year_name}東京都緩和ケア関連専門看護師等資格取得支援事業補助金実績報告書", boxed=False, font=TITLE, align=CENTER)
    decision = case["decision"]
    body = f"　{wareki(date.fromisoformat(decision['decided_on']))}付{decision['number'].strip()}で交付決定を受けた標記補助金について、関係書類を添えて報告します。"
    merged(form, "B14", "H14", body, boxed=False, wrap=True)
    merged(form, "B17", "H17", "記", boxed=False, align=CENTER)
    for row, label, target in ((19, "１　交付決定額", summary[0]), (21, "２　精算額", summary[2])):
        put(form, f"B{row}", label, boxed=False)
        put(form, f"D{row}", "金", boxed=False)
        put(form, f"E{row}", f"='{F2}'!$F${target}", AMOUNT, boxed=False).border = Border(bottom=THIN)
        put(form, f"F{row}", "円", boxed=False)
    put(form, "B23", "３　添付書類", boxed=False)
    for i, name in enumerate(["(1) 事業実績書（別紙1）", "(2) 精算額調書（別紙2）", "(3) 支出済額内訳（別紙3）",
                              "(4) 受講者名簿（実績）（別紙4）", "(5) 領収書等の写し", "(6) 修了証書・認定証の写し"]):
        put(form, f"C{24 + i}", name, boxed=False)

    results = book.create_sheet()
    set_up(results, "別紙1_事業実績書", False, f"F{6 + 9 * max(n, 1)}", [2, 24, 20, 20, 20, 2])
    put(results, "B1", "別紙1", boxed=False)
    merged(results, "B2", "E2", "事業実績書", boxed=False, font=TITLE, align=CENTER)
    put(results, "B4", "病院名")
    merged(results, "C4", "E4", f"='{F1}'!F8&\"\"", wrap=True)
    settlement = book.create_sheet()
    set_up(settlement, F2, True, f"M{summary[4] + 3}", [2, 16, 20, 13, 13, 13, 13, 13, 13, 13, 8, 13, 2])
    put(settlement, "B1", "別紙2", boxed=False)
    merged(settlement, "B2", "L2", f"{year_name}　東京都緩和ケア関連専門看護師等資格取得支援事業　精算額調書", boxed=False, font=TITLE, align=CENTER)
    put(settlement, "B4", "病院名")
    merged(settlement, "C4", "E4", f"='{F1}'!F8&\"\"", wrap=True)
    put(settlement, "L5", "（単位：円）", boxed=False, align=Alignment(horizontal="right"))
    for i, text in enumerate(["受講者氏名", "対象資格", "(A)\n総事業費", "(B)\n寄付金その他\nの収入額", "(C)\n差引額\n(A)－(B)",
                              "(D)\n対象経費の\n実支出額", "(E)\n基準額", "(F)\n選定額", "(G)\n補助基本額", "(H)\n補助率", "(I)\n精算額"]):
        put(settlement, f"{col(1 + i)}6", text, align=CENTER)
    receipts = book.create_sheet()
    roster = book.create_sheet()
    set_up(roster, F4, True, f"K{5 + max(n, 1)}", [2, 5, 14, 16, 20, 24, 17, 17, 17, 13, 2])
    put(roster, "B1", "別紙4", boxed=False)
    merged(roster, "B2", "J2", "受講者名簿（実績）", boxed=False, font=TITLE, align=CENTER)
    for i, text in enumerate(["番号", "氏名", "対象資格", "教育機関名", "課程", "入学（受講開始）\n年月日", "修了年月日\n（受講状況）", "認定年月日", "人件費の\n区分"]):
        put(roster, f"{col(1 + i)}4", text, align=CENTER)

    put(receipts, "B1", "別紙3", boxed=False)
    merged(receipts, "B2", "I2", "支出済額内訳", boxed=False, font=TITLE, align=CENTER)
    put(receipts, "B3", "病院名")
    merged(receipts, "C3", "E3", f"='{F1}'!F8&\"\"", wrap=True)
    put(receipts, "I3", "（単位：円）", boxed=False, align=Alignment(horizontal="right"))
    block = 5
    for i, (t, r) in enumerate(zip(case["trainees"], s["trainees"])):
        label, course = QUALIFICATIONS.get(t["qualification"], (t["qualification"], ""))
        report = t.get("report", {})
        # 別紙1: the trainee's block.
        b1 = 6 + 9 * i
        merged(results, f"B{b1}", f"E{b1}", f"受講者{i + 1}　{t['name']}（{label}）", boxed=False, wrap=True)
        completed = wareki(date.fromisoformat(report["completed_on"])) if report.get("completed_on") else ""
        certification = wareki(date.fromisoformat(report["certified_on"])) + " 認定" if report.get("certified_on") else "認定" if t.get("certified") else "結果待ち（認定前）"
        for k, (name, value) in enumerate(zip(["教育機関名", "課程", "受講期間", "受講状況", "修了年月日", "認定審査の結果", "事業の成果"],
                                              [t.get("institution", ""), course,
                                               f"{wareki(date.fromisoformat(t['enrolled_on']))}〜{wareki(date.fromisoformat(t['course_ends_on']))}",
                                               STATUS.get(report.get("course_status"), "未記入"), completed, certification, report.get("outcome", "")])):
            put(results, f"B{b1 + 1 + k}", name)
            merged(results, f"C{b1 + 1 + k}", f"E{b1 + 1 + k}", value or None, wrap=True, unlocked=True)
        results.row_dimensions[b1 + 7].height = 54
        # 別紙3: the receipts, item by item.
        merged(receipts, f"B{block}", f"I{block}", f"受講者{i + 1}　{t['name']}（{label}）", boxed=False, wrap=True)
        for k, text in enumerate(["番号", "支払年月日", "内容（但し書き）", "支払先", "金額", "基準額", "選定額", "備考"]):
            put(receipts, f"{col(1 + k)}{block + 1}", text, align=CENTER)
        row, number, totals = block + 2, 0, []
        for key, item_label, lines, amount, standard, selected, note in items(t, case["fiscal_year"]):
            counted = []
            for paid_on, description, payee, line_amount, line_note, counts in lines:
                number += 1
                put(receipts, f"B{row}", number, align=CENTER)
                put(receipts, f"C{row}", paid_on, DATE, unlocked=True)
                put(receipts, f"D{row}", description, wrap=True, unlocked=True)
                put(receipts, f"E{row}", payee, wrap=True, unlocked=True)
                put(receipts, f"F{row}", line_amount, AMOUNT, unlocked=True)
                put(receipts, f"G{row}", None)
                put(receipts, f"H{row}", None)
                put(receipts, f"I{row}", line_note, wrap=True)
                if counts:
                    counted.append(f"F{row}")
                row += 1
            merged(receipts, f"B{row}", f"E{row}", f"{item_label}　計")
            put(receipts, f"F{row}", f"=SUM({','.join(counted)})" if counted else amount, AMOUNT)
            put(receipts, f"G{row}", standard, AMOUNT)
            put(receipts, f"H{row}", selected, AMOUNT)
            put(receipts, f"I{row}", note, wrap=True)
            totals.append(row)
            row += 1
        merged(receipts, f"B{row}", f"E{row}", "合計", align=CENTER)
        put(receipts, f"F{row}", f"=SUM({','.join('F%d' % x for x in totals)})" if totals else 0, AMOUNT)
        put(receipts, f"G{row}", None)
        put(receipts, f"H{row}", f"=SUM({','.join('H%d' % x for x in totals)})" if totals else 0, AMOUNT)
        put(receipts, f"I{row}", None)
        receipts_total, block = row, row + 2
        # 別紙2: the trainee's row.
        q = 7 + i
        put(settlement, f"B{q}", f"='{F4}'!C{5 + i}&\"\"", wrap=True)
        put(settlement, f"C{q}", label, wrap=True)
        settlement.row_dimensions[q].height = 27
        put(settlement, f"D{q}", f"='{F3}'!F{receipts_total}", AMOUNT)
        put(settlement, f"E{q}", r["B"], AMOUNT)
        put(settlement, f"F{q}", f"=D{q}-E{q}", AMOUNT)
        put(settlement, f"G{q}", r["D"], AMOUNT)
        put(settlement, f"H{q}", r["E"], AMOUNT)
        put(settlement, f"I{q}", f"=MIN(H{q},'{F3}'!H{receipts_total})", AMOUNT)
        put(settlement, f"J{q}", f"=MAX(0,MIN(F{q},I{q}))", AMOUNT)
        put(settlement, f"K{q}", "1/2", align=CENTER)
        put(settlement, f"L{q}", f"=ROUNDDOWN(J{q}*1/2,-3)", AMOUNT)
        # 別紙4: the trainee's line.
        w = 5 + i
        put(roster, f"B{w}", i + 1, align=CENTER)
        put(roster, f"C{w}", t["name"], wrap=True, unlocked=True)
        put(roster, f"D{w}", label, wrap=True)
        put(roster, f"E{w}", t.get("institution"), wrap=True, unlocked=True)
        put(roster, f"F{w}", course, wrap=True)
        put(roster, f"G{w}", date.fromisoformat(t["enrolled_on"]), DATE, unlocked=True)
        if report.get("completed_on"):
            put(roster, f"H{w}", date.fromisoformat(report["completed_on"]), DATE, unlocked=True)
        else:
            put(roster, f"H{w}", STATUS.get(report.get("course_status"), "未記入"), align=CENTER)
        put(roster, f"I{w}", date.fromisoformat(report["certified_on"]) if report.get("certified_on") else "認定済" if t.get("certified") else "結果待ち", DATE)
        put(roster, f"J{w}", KINDS.get(t.get("salary_kind", "trainee")), wrap=True)
        roster.row_dimensions[w].height = 40
    set_up(receipts, F3, True, f"J{block}", [2, 6, 16, 30, 24, 13, 13, 13, 30, 2])

    merged(settlement, f"B{total_row}", f"C{total_row}", "合計", align=CENTER)
    for c in "DEFGHIJL":
        put(settlement, f"{c}{total_row}", f"=SUM({c}7:{c}{total_row - 1})" if n else 0, AMOUNT)
    put(settlement, f"K{total_row}", None)
    rows = [("交付決定額", "交付決定通知書の額", s["decided"]),
            ("精算額合計", "(I) 精算額の合計", f"=L{total_row}"),
            ("確定額", "精算額合計と交付決定額の少ない方", f"=MIN(F{summary[1]},F{summary[0]})"),
            ("受入済額", "概算払などで既に受け入れた額", s["received"]),
            ("差引過(△)不足額", "受入済額－確定額", f"=F{summary[3]}-F{summary[2]}")]
    for row, (label, note, value) in zip(summary, rows):
        merged(settlement, f"B{row}", f"E{row}", label)
        typed = not isinstance(value, str)
        put(settlement, f"F{row}", value, AMOUNT if typed else SIGNED, unlocked=typed)
        d = summary[4]
        text = f'="{note}："&IF(F{d}>0,"返還額",IF(F{d}<0,"精算払の請求額（△）","過不足なし"))' if row == d else note
        merged(settlement, f"G{row}", f"L{row}", text)
    if s["total"] > s["decided"]:
        merged(settlement, f"B{summary[4] + 2}", f"L{summary[4] + 2}", "精算額の合計が交付決定額を上回っています。確定額は交付決定額までです。", wrap=True)

    for name, ref in (("交付決定額", f"'{F1}'!$E$19"), ("確定額", f"'{F1}'!$E$21"),
                      ("精算額合計", f"'{F2}'!$L${total_row}"), ("差引過不足額", f"'{F2}'!$F${summary[4]}")):
        book.defined_names.append(DefinedName(name, attr_text=ref))

    data = book.create_sheet("hojo_report")
    data.sheet_state = "hidden"
    data.protection.sheet = True
    data.column_dimensions["A"].width, data.column_dimensions["B"].width = 12, 80
    put(data, "A1", "layout", boxed=False)
    put(data, "B1", "hojo-report/1", boxed=False)
    put(data, "B2", "このシートは、補助金申請アシスタント Hojo がこの実績報告書を読み込み直すときに使う控え（ケースファイル）で、通常は表示されません。", boxed=False, wrap=True)
    text = json.dumps(case, ensure_ascii=False, indent=2)
    for k in range(0, len(text), 30000):
        data.cell(row=3 + k // 30000, column=2, value=text[k:k + 30000])
    book.properties.title = f"{year_name}東京都緩和ケア関連専門看護師等資格取得支援事業補助金実績報告書"
    book.properties.creator = h["name"]
    book.save(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        write(json.load(handle), sys.argv[2])
