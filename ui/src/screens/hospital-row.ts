// The screens of a program whose 算定 row is the hospital itself (kanwa-training): 研修会 in place of 受講者, and its
// own 経費 and 算定 in place of the per-trainee ones. app.tsx picks these when the open program's row is the hospital.
import "./hospital-row.css";

import type { ScreenId } from "../route";
import { HospitalCalculation } from "./calculation-hospital";
import { HospitalCosts } from "./costs-hospital";

export { Trainings } from "./trainings";

export const HOSPITAL_ROW_VIEWS: Partial<Record<ScreenId, () => preact.JSX.Element>> = {
  costs: HospitalCosts,
  calculation: HospitalCalculation,
};

/** The screen a finding of the review belongs to: the library files the hospital row's fields (研修会, 経費 and
 * 積算内訳) under the hospital, but they are entered on 研修会 and 経費. */
export function findingScreen(section: ScreenId, path: string | null): ScreenId {
  if (path?.startsWith("trainings")) return "trainings";
  if (path && /^(costs|workings|other_costs|other_income)\b/.test(path)) return "costs";
  return section;
}
