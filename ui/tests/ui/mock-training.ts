// The mock backend's part for the 研修会 program (kanwa-training): the edits of its 研修会 and 経費 with 積算内訳, as
// the library applies them in the cases the tests type (an item with lines amounts to their sum), and the refusals
// they meet. Like the rest of the mock it computes no 算定: the figures shown stay the engine's (the fixture).

type Args = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type State = any;

function refuse(message: string, path: string | null = null): never {
  throw { message, path };
}

const toHalf = (text: string) => text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function yen(text: string, path: string): number {
  const half = toHalf(text).replace(/[，,円\s]/g, "");
  if (half === "") return 0;
  if (!/^\d+$/.test(half)) refuse(`「${text.trim()}」は金額として読めません。120000 や 120,000 のように数字で入力してください`, path);
  return Number(half);
}

function count(text: string, path: string, label: string): number {
  const half = toHalf(text).replace(/[人回部通名\s]/g, "");
  if (half === "") return 0;
  if (!/^\d+$/.test(half)) refuse(`「${text.trim()}」は${label}として読めません。数字で入力してください`, path);
  return Number(half);
}

/** 2024-10-12, 令和6年10月12日, R6.10.12 → 2024-10-12; anything else refused as the library words it. */
function date(text: string, path: string): string {
  const half = toHalf(text).trim();
  const pad = (n: string) => n.padStart(2, "0");
  let match = half.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (match) return `${match[1]}-${pad(match[2])}-${pad(match[3])}`;
  match = half.match(/^(?:令和|R)(\d+)[年.](\d+)[月.](\d+)日?$/);
  if (match) return `${2018 + Number(match[1])}-${pad(match[2])}-${pad(match[3])}`;
  refuse(`「${text.trim()}」は日付として読めません。令和6年10月12日、R6.10.12、2024-10-12 のように入力してください`, path);
}

function sum(state: State, item: string) {
  const lines = state.case.workings?.[item] ?? [];
  state.case.costs = { ...(state.case.costs ?? {}), [item]: lines.reduce((total: number, line: { unit_price: number; quantity: number }) => total + line.unit_price * line.quantity, 0) };
}

/** Applies an edit of the 研修会 program; `undefined` when the edit is not one of them. */
export function trainingEdit(state: State, change: Args): State | undefined {
  const case_ = state.case;
  const index = Number(change.index);
  switch (change.kind) {
    case "add_training": {
      const at = `trainings[${case_.trainings?.length ?? 0}]`;
      if (!String(change.title ?? "").trim()) refuse("研修会の名称を入力してください", `${at}.title`);
      const held_on = date(String(change.held_on), `${at}.held_on`);
      case_.trainings = [...(case_.trainings ?? []), { title: String(change.title).trim(), held_on, venue: null, planned_participants: 0, follows_guideline: false }];
      return state;
    }
    case "set_training": {
      const field = String(change.field);
      const path = `trainings[${index}].${field}`;
      const training = case_.trainings[index];
      const text = String(change.text);
      if (field === "held_on") training.held_on = date(text, path);
      else if (field === "planned_participants") training.planned_participants = count(text, path, "定員");
      else if (field === "follows_guideline") training.follows_guideline = text === "true";
      else if (field === "title" && !text.trim()) refuse("研修会の名称を入力してください", path);
      else training[field] = text.trim() || null;
      return state;
    }
    case "remove_training":
      case_.trainings.splice(index, 1);
      return state;
    case "restore_training":
      case_.trainings = case_.trainings ?? [];
      case_.trainings.splice(index, 0, change.training);
      return state;
    case "set_working_line": {
      const item = String(change.item);
      const field = String(change.field);
      const path = `workings.${item}[${index}].${field}`;
      case_.workings = case_.workings ?? {};
      const lines = (case_.workings[item] = case_.workings[item] ?? []);
      if (index === lines.length) lines.push({ description: "", unit_price: 0, quantity: 1, unit: "" });
      const text = String(change.text);
      if (field === "unit_price") lines[index].unit_price = yen(text, path);
      else if (field === "quantity") lines[index].quantity = count(text, path, "数量");
      else lines[index][field] = text.trim();
      sum(state, item);
      return state;
    }
    case "remove_working_line": {
      const item = String(change.item);
      case_.workings[item].splice(index, 1);
      if (case_.workings[item].length === 0) delete case_.workings[item];
      else sum(state, item);
      return state;
    }
    case "restore_working_line": {
      const item = String(change.item);
      case_.workings = case_.workings ?? {};
      (case_.workings[item] = case_.workings[item] ?? []).splice(index, 0, change.line);
      sum(state, item);
      return state;
    }
    case "set_cost": {
      const item = String(change.item);
      const path = item.startsWith("other_") ? item : `costs.${item}`;
      const amount = yen(String(change.text), path);
      if (item.startsWith("other_")) case_[item] = amount;
      else if ((case_.workings?.[item] ?? []).length > 0) refuse("積算内訳を入力しているため、金額は積算内訳の合計になります。内訳の行を直してください", path);
      else case_.costs = { ...(case_.costs ?? {}), [item]: amount };
      return state;
    }
    default:
      return undefined;
  }
}
