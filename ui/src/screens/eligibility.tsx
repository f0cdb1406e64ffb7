// 対象確認: every check with its verdict, the reason and what to do; the overall verdict first.
import type { Check } from "../bindings/Check";
import type { Overall } from "../bindings/Overall";
import type { Verdict } from "../bindings/Verdict";
import { linkTo } from "../route";
import { useSnapshot } from "../state";

export const VERDICT_LABEL: Record<Verdict, string> = { met: "満たす", not_met: "満たさない", needs_confirmation: "要確認" };
export const OVERALL_LABEL: Record<Overall, string> = { eligible: "対象", not_eligible: "対象外", needs_confirmation: "要確認" };

const OVERALL_TEXT: Record<Overall, string> = {
  eligible: "この病院は補助の対象です。すべての要件を満たしています。",
  not_eligible: "このままでは補助の対象になりません。「満たさない」の要件を確かめてください。",
  needs_confirmation: "満たさない要件はありませんが、確認が必要な要件があります。東京都に問い合わせてください。",
};

export function VerdictBadge(props: { verdict: Verdict }) {
  return <span class={`badge ${props.verdict}`}>{VERDICT_LABEL[props.verdict]}</span>;
}

export function ChecksTable(props: { checks: Check[]; caption: string }) {
  return (
    <table class="table checks">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">要件</th>
          <th scope="col">判定</th>
          <th scope="col">理由・すること</th>
        </tr>
      </thead>
      <tbody>
        {props.checks.map((check) => (
          <tr class={`check-${check.verdict}`}>
            <th scope="row">
              {/* The last characters kept together: 「…ていること」 never leaves 「と」 alone on a line. */}
              <span class="check-id">{check.id}</span> {check.label.slice(0, -4)}
              <span class="nowrap">{check.label.slice(-4)}</span>
            </th>
            <td>
              <VerdictBadge verdict={check.verdict} />
            </td>
            <td>{check.reason.replace(`${check.id} ${check.label}: `, "")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Eligibility() {
  const { snapshot, program } = useSnapshot();
  // A program whose row is the hospital has no trainees: its 研修会 are checked among the hospital's requirements.
  const hospitalRow = program?.row_kind === "hospital";
  const eligibility = snapshot!.eligibility;
  if (!eligibility) return <div class="screen"><h1 tabIndex={-1}>対象確認</h1><p>判定できませんでした。</p></div>;
  return (
    <div class="screen">
      <h1 tabIndex={-1}>対象確認</h1>
      <div class={`verdict-banner ${eligibility.verdict}`} role="status">
        <span class="verdict-label">病院の判定: {OVERALL_LABEL[eligibility.verdict]}</span>
        <span>{OVERALL_TEXT[eligibility.verdict]}</span>
      </div>
      <section class="card">
        <h2>病院の要件</h2>
        <ChecksTable checks={eligibility.checks} caption="病院の要件" />
        <p class="description">
          {hospitalRow ? (
            <>
              開設者や指定を直すには<a href={linkTo("hospital")}>「病院情報」</a>へ、研修会は<a href={linkTo("trainings")}>「研修会」</a>へ。
            </>
          ) : (
            <>
              届出や病床数を直すには<a href={linkTo("hospital")}>「病院情報」</a>へ。
            </>
          )}
        </p>
      </section>
      {!hospitalRow && (
        <section class="card">
          <h2>受講者の要件</h2>
          {eligibility.trainees.length === 0 ? (
            <p class="empty">
              受講者はまだいません。<a href={linkTo("trainees")}>「受講者」</a>で追加してください。
            </p>
          ) : (
            eligibility.trainees.map((trainee, index) => (
              <div class="trainee-checks">
                <h3>
                  <a href={linkTo("trainees", `trainees[${index}].name`)}>{trainee.name}</a>
                  <span class={`badge overall ${trainee.verdict}`}>{OVERALL_LABEL[trainee.verdict]}</span>
                </h3>
                <ChecksTable checks={trainee.checks} caption={`${trainee.name}の要件`} />
              </div>
            ))
          )}
        </section>
      )}
    </div>
  );
}
