"""Derives bench/data/twenty-trainees-report.json (the 実績報告 of bench/30-workbook.sh's 20-trainee case) from
bench/data/twenty-trainees.json: stage "report", the 交付決定 of the application's total, half of it received by
概算払, receipts for every item paid (tuition in two halves; every other trainee's items entered as 0 with the
receipts giving them, the rest with the amount beside its receipts), and each trainee's 受講状況 at the end of the
年度. Deterministic; run with Debian's python3: make_report.py IN.json OUT.json"""
import json
import sys

from peer_calc import calc

PAYEES = {"admission": "入学金", "tuition": "授業料", "other_costs": "教材費"}


def receipts(t, i):
    school = t["institution"]
    out = []
    if t["admission"]:
        out.append({"item": "admission", "paid_on": "2024-04-01", "payee": school, "description": "入学金", "amount": t["admission"]})
    if t["tuition"]:
        first = t["tuition"] // 2
        out.append({"item": "tuition", "paid_on": "2024-04-10", "payee": school, "description": "前期授業料", "amount": first})
        out.append({"item": "tuition", "paid_on": "2024-10-10", "payee": school, "description": "後期授業料", "amount": t["tuition"] - first})
    if t["other_costs"]:
        books = t["other_costs"] * 2 // 3
        out.append({"item": "other_costs", "paid_on": "2024-05-12", "payee": "看護書房", "description": "教材費（テキスト）", "amount": books})
        out.append({"item": "other_costs", "paid_on": "2024-09-20", "payee": "看護書房", "description": "教材費（演習資料）", "amount": t["other_costs"] - books})
    if i % 2:
        for key in ("admission", "tuition", "other_costs"):
            t[key] = 0  # the receipts give the amount
    return out


def report(t):
    if t["course_ends_on"] > "2025-03-31":
        return {"course_status": "enrolled", "outcome": "1年次の課程を予定どおり終え、2年次に進級した。病棟で疼痛評価の勉強会を始めた。"}
    if not t["tuition_completed_in_year"]:
        return {"course_status": "withdrawn", "outcome": "家庭の事情により年度途中で退学した。受講料は補助の対象としない。"}
    return {"course_status": "completed", "completed_on": t["course_ends_on"],
            "outcome": "教育課程を修了し、令和7年度の認定審査を受審予定。院内の緩和ケアチームに加わり、病棟の疼痛評価の手順を見直した。"}


def make(case):
    decided = calc(case)
    for i, t in enumerate(case["trainees"]):
        t["receipts"] = receipts(t, i)
        t["report"] = report(t)
    case["stage"] = "report"
    case["decision"] = {"decided_on": "2024-07-01", "number": "6保医政第1234号", "amount": decided}
    case["received"] = decided // 2 // 1000 * 1000
    return case


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        case = make(json.load(handle))
    with open(sys.argv[2], "w", encoding="utf-8") as handle:
        json.dump(case, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
