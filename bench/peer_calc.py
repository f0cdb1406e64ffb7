"""The same 算定 as `hojo calc`, in the way a hospital's scripted spreadsheet would do it (Python, exact
integers). The peer of bench/10-engine.sh; it must print the same total."""
import json
import sys
from datetime import date

STANDARD = {"admission": 200000, "tuition": 1100000, "exam_fee": 50000, "registration_fee": 50000, "salary": 4900000}
ONCE = {"admission", "exam_fee", "registration_fee"}
FLAG = {"tuition": "tuition_completed_in_year", "exam_fee": "certified", "registration_fee": "certified"}
CAP = 12300000


def month_overlaps(ym, first, last):
    y, m = map(int, ym.split("-"))
    start = date(y, m, 1)
    end = date(y + (m == 12), m % 12 + 1, 1)
    return start <= last and first < end


def calc(case):
    year = case["fiscal_year"]
    fy_first, fy_last = date(year, 4, 1), date(year + 1, 3, 31)
    total = 0
    for t in case["trainees"]:
        first, last = date.fromisoformat(t["enrolled_on"]), date.fromisoformat(t["course_ends_on"])
        amounts = {k: t.get(k, 0) for k in STANDARD}
        if t.get("salary_months"):
            amounts["salary"] = sum(m["amount"] for m in t["salary_months"]
                                    if month_overlaps(m["month"], first, last) and month_overlaps(m["month"], fy_first, fy_last))
        a = sum(amounts.values()) + t.get("other_costs", 0)
        c = a - t.get("other_income", 0)
        standards = {k: (0 if k in ONCE and k in t.get("prior_items", []) else v) for k, v in STANDARD.items()}
        eligible = {k: (v if t.get(FLAG.get(k, ""), True) else 0) for k, v in amounts.items()}
        e = min(sum(standards.values()), max(0, CAP - t.get("prior_years_standard_used", 0)))
        f = min(sum(min(eligible[k], standards[k]) for k in STANDARD), e)
        g = max(0, min(c, f))
        total += g // 2 // 1000 * 1000
    return total


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        print(calc(json.load(handle)))
