"""The peer of bench/30-workbook.sh: the same application workbook written with openpyxl, the way a hospital's
scripted spreadsheet would make it — five sheets plus the hidden data sheet, the same cells, formulas with their
results' inputs, 和暦 number formats, borders, ＭＳ 明朝, merges, protection, A4 print setup, print areas and
defined names. The 算定 comes from peer_calc.py's rules (exact integers). Usage: peer_workbook.py CASE.json OUT.xlsx"""
import json
import sys
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Protection, Side
from openpyxl.workbook.defined_name import DefinedName

from peer_calc import CAP, FLAG, ONCE, STANDARD, month_overlaps

LABELS = {"admission": "入学料", "tuition": "受講料", "exam_fee": "認定審査料", "registration_fee": "認定登録料", "salary": "人件費"}
QUALIFICATIONS = {"cancer_nursing_cns": "がん看護専門看護師", "palliative_care_cn": "緩和ケア認定看護師", "cancer_pain_cn": "がん性疼痛看護認定看護師"}
FONT = Font(name="ＭＳ 明朝", size=10.5, charset=128)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
DATE = '[$-411]ggge"年"m"月"d"日"'
AMOUNT = "#,##0"


def put(sheet, ref, value, number_format=None, boxed=True, wrap=False):
    cell = sheet[ref]
    cell.value = value
    cell.font = FONT
    if boxed:
        cell.border = BOX
    if number_format:
        cell.number_format = number_format
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    return cell


def set_up(sheet, title, landscape, last):
    sheet.title = title
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    for side in ("left", "right", "top", "bottom"):
        setattr(sheet.page_margins, side, 15 / 25.4)
    sheet.print_area = f"A1:{last}"
    sheet.protection.sheet = True


def rows(case):
    year = case["fiscal_year"]
    fy_first, fy_last = date(year, 4, 1), date(year + 1, 3, 31)
    for t in case["trainees"]:
        first, last = date.fromisoformat(t["enrolled_on"]), date.fromisoformat(t["course_ends_on"])
        amounts = {k: t.get(k, 0) for k in STANDARD}
        if t.get("salary_months"):
            amounts["salary"] = sum(m["amount"] for m in t["salary_months"]
                                    if month_overlaps(m["month"], first, last) and month_overlaps(m["month"], fy_first, fy_last))
        standards = {k: (0 if k in ONCE and k in t.get("prior_items", []) else v) for k, v in STANDARD.items()}
        eligible = {k: (v if t.get(FLAG.get(k, ""), True) else 0) for k, v in amounts.items()}
        selected = {k: min(eligible[k], standards[k]) for k in STANDARD}
        a = sum(amounts.values()) + t.get("other_costs", 0)
        e = min(sum(standards.values()), max(0, CAP - t.get("prior_years_standard_used", 0)))
        yield t, amounts, standards, selected, a, sum(eligible.values()), e


def write(case, out):
    book = Workbook()
    h = case["hospital"]
    form = book.active
    set_up(form, "第1号様式", False, "I30")
    put(form, "B1", "第1号様式", boxed=False)
    put(form, "B5", "東京都知事　殿", boxed=False)
    for ref, label, value in (("7", "所在地", h.get("address")), ("8", "名称", h["name"]), ("9", "代表者職氏名", h.get("representative"))):
        put(form, "E" + ref, label, boxed=False)
        put(form, "F" + ref, value, boxed=False, wrap=True).protection = Protection(locked=False)
        form.merge_cells(f"F{ref}:H{ref}")
    put(form, "B12", f"令和{case['fiscal_year'] - 2018}年度東京都緩和ケア関連専門看護師等資格取得支援事業補助金交付申請書", boxed=False)
    form.merge_cells("B12:H12")
    put(form, "B19", "１　交付申請額", boxed=False)
    n = len(case["trainees"])
    put(form, "E19", f"='別紙2_所要額調書'!L{7 + n}", AMOUNT, boxed=False)

    plan = book.create_sheet()
    set_up(plan, "別紙1_事業計画書", False, "G40")
    for row, label, value in ((4, "病院名", "='第1号様式'!F8&\"\""), (6, "所在地", "='第1号様式'!F7&\"\""),
                              (7, "病床数", h.get("beds")), (20, "事業の目的及び効果", h.get("purpose"))):
        put(plan, f"B{row}", label)
        put(plan, f"C{row}", value, wrap=True)
        plan.merge_cells(f"C{row}:F{row}")

    budget = book.create_sheet()
    set_up(budget, "別紙2_所要額調書", True, f"M{9 + n}")
    for col, text in zip("BCDEFGHIJKL", ["受講者氏名", "対象資格", "(A)総事業費", "(B)寄付金その他の収入額", "(C)差引額", "(D)対象経費の支出予定額",
                                       "(E)基準額", "(F)選定額", "(G)補助基本額", "(H)補助率", "(I)補助所要額"]):
        put(budget, f"{col}6", text, wrap=True)
    breakdown = book.create_sheet()
    set_up(breakdown, "別紙3_支出予定額内訳", True, "G400")
    roster = book.create_sheet()
    set_up(roster, "別紙4_受講者名簿", False, f"K{5 + n}")
    block = 5
    for i, (t, amounts, standards, selected, a, d, e) in enumerate(rows(case)):
        r = 7 + i
        put(budget, f"B{r}", f"='別紙4_受講者名簿'!C{5 + i}&\"\"")
        put(budget, f"C{r}", QUALIFICATIONS.get(t["qualification"], t["qualification"]))
        total_row = block + 2 + len(STANDARD) + 1
        put(budget, f"D{r}", f"='別紙3_支出予定額内訳'!C{total_row}", AMOUNT)
        put(budget, f"E{r}", t.get("other_income", 0), AMOUNT)
        put(budget, f"F{r}", f"=D{r}-E{r}", AMOUNT)
        put(budget, f"G{r}", d, AMOUNT)
        put(budget, f"H{r}", e, AMOUNT)
        put(budget, f"I{r}", f"=MIN(H{r},'別紙3_支出予定額内訳'!E{total_row})", AMOUNT)
        put(budget, f"J{r}", f"=MAX(0,MIN(F{r},I{r}))", AMOUNT)
        put(budget, f"K{r}", "1/2")
        put(budget, f"L{r}", f"=ROUNDDOWN(J{r}*1/2,-3)", AMOUNT)
        put(breakdown, f"B{block}", f"=\"受講者{i + 1}　\"&'別紙4_受講者名簿'!C{5 + i}", boxed=False)
        for j, text in enumerate(["経費区分", "支出予定額", "基準額", "選定額", "備考"]):
            put(breakdown, f"{'BCDEF'[j]}{block + 1}", text)
        for j, key in enumerate(STANDARD):
            row = block + 2 + j
            put(breakdown, f"B{row}", LABELS[key])
            put(breakdown, f"C{row}", amounts[key], AMOUNT)
            put(breakdown, f"D{row}", standards[key], AMOUNT)
            put(breakdown, f"E{row}", f"=MIN(C{row},D{row})", AMOUNT)
            put(breakdown, f"F{row}", "")
        other = block + 2 + len(STANDARD)
        put(breakdown, f"B{other}", "その他（対象外経費）")
        put(breakdown, f"C{other}", t.get("other_costs", 0), AMOUNT)
        put(breakdown, f"B{other + 1}", "合計")
        put(breakdown, f"C{other + 1}", f"=SUM(C{block + 2}:C{other})", AMOUNT)
        put(breakdown, f"E{other + 1}", f"=SUM(E{block + 2}:E{other})", AMOUNT)
        block = other + 3
        rr = 5 + i
        put(roster, f"B{rr}", i + 1)
        put(roster, f"C{rr}", t["name"], wrap=True)
        put(roster, f"D{rr}", QUALIFICATIONS.get(t["qualification"], t["qualification"]), wrap=True)
        put(roster, f"E{rr}", t.get("institution"), wrap=True)
        put(roster, f"G{rr}", date.fromisoformat(t["enrolled_on"]), DATE)
        put(roster, f"H{rr}", date.fromisoformat(t["course_ends_on"]), DATE)
        put(roster, f"J{rr}", t.get("salary_kind", "trainee"))
    total = 7 + n
    for col in "DEFGHIJL":
        put(budget, f"{col}{total}", f"=SUM({col}7:{col}{total - 1})", AMOUNT)
    book.defined_names.append(DefinedName("交付申請額", attr_text="'第1号様式'!$E$19"))
    book.defined_names.append(DefinedName("補助所要額合計", attr_text=f"'別紙2_所要額調書'!$L${total}"))

    data = book.create_sheet("hojo_data")
    data.sheet_state = "hidden"
    data.append(["項目", "値", "説明"])
    data.append(["layout", "hojo-workbook/1", ""])
    for key in ("format", "program", "fiscal_year"):
        data.append([key, str(case[key]), ""])
    for i, t in enumerate(case["trainees"]):
        for key in ("qualification", "salary_kind", "tuition_completed_in_year", "certified", "prior_years_standard_used"):
            data.append([f"trainees[{i}].{key}", str(t.get(key, "")), ""])
    book.save(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        write(json.load(handle), sys.argv[2])
