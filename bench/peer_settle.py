"""The peer of `hojo settle` in bench/32-report.sh: the same 精算 (settlement.md steps 1–14) the way a hospital's
scripted spreadsheet would do it — peer_calc.py's rules (exact integers) on the actual amounts, an item entered as
0 beside its receipts being their sum; S = Σ I, K the 交付決定額, 確定額 = min(S, K), R the 受入済額 and
差引過(△)不足額 = R − 確定額. It prints the same figures as `hojo settle` ({"trainees": [{name, A–G, I}], total,
decided, confirmed, received, difference}); it does not run the eligibility checks (every row counts) nor the
review. Usage: peer_settle.py REPORT.json"""
import json
import sys
from datetime import date

from peer_calc import CAP, FLAG, ONCE, STANDARD, month_overlaps


def actual(t):
    """The trainee with each item entered as 0 given by its receipts."""
    t = dict(t)
    for key in list(STANDARD) + ["other_costs"]:
        paid = sum(r["amount"] for r in t.get("receipts", []) if r["item"] == key)
        if not t.get(key) and paid:
            t[key] = paid
    return t


def row(t, year):
    fy_first, fy_last = date(year, 4, 1), date(year + 1, 3, 31)
    first, last = date.fromisoformat(t["enrolled_on"]), date.fromisoformat(t["course_ends_on"])
    amounts = {k: t.get(k, 0) for k in STANDARD}
    if t.get("salary_months"):
        amounts["salary"] = sum(m["amount"] for m in t["salary_months"]
                                if month_overlaps(m["month"], first, last) and month_overlaps(m["month"], fy_first, fy_last))
    a = sum(amounts.values()) + t.get("other_costs", 0)
    b = t.get("other_income", 0)
    c = a - b
    standards = {k: (0 if k in ONCE and k in t.get("prior_items", []) else v) for k, v in STANDARD.items()}
    eligible = {k: (v if t.get(FLAG.get(k, ""), True) else 0) for k, v in amounts.items()}
    e = min(sum(standards.values()), max(0, CAP - t.get("prior_years_standard_used", 0)))
    f = min(sum(min(eligible[k], standards[k]) for k in STANDARD), e)
    g = max(0, min(c, f))
    return {"name": t["name"], "A": a, "B": b, "C": c, "D": sum(eligible.values()), "E": e, "F": f, "G": g,
            "I": g // 2 // 1000 * 1000}


def settle(case):
    if case.get("stage") != "report" or "decision" not in case:
        raise SystemExit("実績報告ではありません")
    rows = [row(actual(t), case["fiscal_year"]) for t in case["trainees"]]
    total = sum(r["I"] for r in rows)
    decided = case["decision"]["amount"]
    confirmed = min(total, decided)
    received = case.get("received", 0)
    return {"trainees": rows, "total": total, "decided": decided, "confirmed": confirmed, "received": received,
            "difference": received - confirmed}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        print(json.dumps(settle(json.load(handle)), ensure_ascii=False))
