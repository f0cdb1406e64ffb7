// 「名簿から読み込む」: pick the 厚生局's 名簿 (Excel), wait while it is read, find the hospital by 医療機関番号 or
// name, and fill the profile and 届出 from it.
import { useState } from "preact/hooks";

import { Notice } from "../components/field";
import { formatDate } from "../format";
import { ask } from "../components/dialog";
import { api, type Candidate, type MeiboSummary } from "../ipc";
import { setSnapshot } from "../state";

type Phase = { kind: "idle" } | { kind: "reading"; file: string } | { kind: "ready"; summary: MeiboSummary } | { kind: "error"; text: string };

export function MeiboImport() {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [query, setQuery] = useState("");
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [searchMessage, setSearchMessage] = useState<string | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);

  const pick = async () => {
    const before = phase;
    setPhase({ kind: "reading", file: "選んだ名簿" });
    setCandidates(null);
    setApplied(null);
    try {
      const summary = await api.meiboOpen();
      if (!summary) return setPhase(before);
      setPhase({ kind: "ready", summary });
      requestAnimationFrame(() => document.getElementById("meibo-query")?.focus());
    } catch (error) {
      setPhase({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    }
  };
  const search = async (event: Event) => {
    event.preventDefault();
    try {
      const found = await api.meiboSearch(query);
      setCandidates(found);
      setSearchMessage(found.length === 0 ? `「${query}」に当たる医療機関は名簿にありません。番号は7桁か10桁、名称は一部でも探せます。` : null);
    } catch (error) {
      setSearchMessage(error instanceof Error ? error.message : String(error));
    }
  };
  const choose = async (candidate: Candidate) => {
    try {
      // What the 名簿 would change, before → after, for the user to see before replacing.
      const preview = await api.meiboApply(candidate.number, true);
      const lines = preview.changes.map((change) => `・${change.label}: ${change.before ?? "（なし）"} → ${change.after ?? "（なし）"}`);
      const question =
        lines.length === 0
          ? `${candidate.name} の名簿の内容は、いまの病院情報と同じです。読み込みますか？`
          : `${candidate.name} の名簿の内容で、病院情報を次のとおり置き換えます。よろしいですか？\n\n${lines.join("\n")}`;
      if (!(await ask(question, "置き換える"))) return;
      const result = await api.meiboApply(candidate.number);
      setSnapshot(result.snapshot);
      setApplied(`${candidate.name}（医療機関番号 ${candidate.number}）の情報と届出 ${result.snapshot.case?.hospital.filings.length ?? 0}件を読み込みました。`);
      setHint(result.founder_hint);
      setCandidates(null);
    } catch (error) {
      setSearchMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div class="meibo">
      <div class="actions">
        <button type="button" onClick={pick} disabled={phase.kind === "reading"}>
          名簿から読み込む
        </button>
        <span class="hint">厚生局のホームページの「届出受理医療機関名簿」（Excel）から、届出を正確に読み込めます。</span>
      </div>
      {phase.kind === "reading" && (
        <div class="progress" role="status">
          {/* The dialog and the reading are one command on the Rust side: the file is named once it is read. */}
          <p>名簿ファイルを選ぶと、読み込みます…</p>
          <progress aria-label="名簿を読み込んでいます" />
        </div>
      )}
      {phase.kind === "error" && <Notice kind="error">{phase.text}</Notice>}
      {phase.kind === "ready" && (
        <>
          <Notice kind="info">
            {phase.summary.file_name}: {phase.summary.authority ?? ""}「届出受理医療機関名簿」{phase.summary.prefectures.join("・")}
            {phase.summary.as_of ? `（${formatDate(phase.summary.as_of)}現在）` : ""}: {phase.summary.institutions.toLocaleString("ja-JP")}医療機関
          </Notice>
          <form class="inline-form" onSubmit={search} aria-label="名簿から病院を探す">
            <div class="field">
              <label for="meibo-query">医療機関番号または病院名の一部</label>
              <input id="meibo-query" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} placeholder="例: 0101337 または さくら" />
            </div>
            <button type="submit">探す</button>
          </form>
          {searchMessage && <p class="message" role="alert">{searchMessage}</p>}
          {candidates && candidates.length > 0 && (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">医療機関番号</th>
                  <th scope="col">名称</th>
                  <th scope="col">病床数</th>
                  <th scope="col">届出の要件</th>
                  <th scope="col"><span class="visually-hidden">操作</span></th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((candidate) => (
                  <tr>
                    <td>{candidate.number}</td>
                    <td>
                      {candidate.name}
                      <br />
                      <span class="hint">{candidate.address}</span>
                    </td>
                    <td>{candidate.beds ?? "—"}</td>
                    <td>{candidate.meets_filing_conditions ? <span class="badge met">満たす（{candidate.matched_symbols.join("・")}）</span> : <span class="badge not_met">満たさない</span>}</td>
                    <td>
                      <button type="button" class="small" onClick={() => choose(candidate)}>
                        この病院を使う
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {applied && <Notice kind="ok">{applied}</Notice>}
      {hint && <Notice kind="info">{hint}</Notice>}
    </div>
  );
}
