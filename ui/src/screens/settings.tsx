// 設定: where the database is, its backups, and restoring one.
import { useEffect, useState } from "preact/hooks";

import { Notice } from "../components/field";
import { ask } from "../components/dialog";
import { api, type Backup } from "../ipc";
import { apply, useSnapshot } from "../state";
import { DataLocation } from "./welcome";

const when = new Intl.DateTimeFormat("ja-JP", { dateStyle: "medium", timeStyle: "short" });

export function Settings() {
  const { snapshot } = useSnapshot();
  const storage = snapshot!.storage;
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [outcome, setOutcome] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  useEffect(() => {
    if (storage.persistent) void api.listBackups().then(setBackups, () => setBackups([]));
  }, [storage.persistent]);

  const run = async (action: () => Promise<string>) => {
    try {
      setOutcome({ kind: "ok", text: await action() });
    } catch (error) {
      setOutcome({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    }
  };
  const backupNow = () =>
    run(async () => {
      setBackups(await api.backupNow());
      return "バックアップを作りました。";
    });
  const restore = (backup: Backup) =>
    run(async () => {
      if (!(await ask(`${when.format(new Date(backup.taken_at))} のバックアップに戻します。いまの内容もバックアップしてから戻します。`, "このバックアップに戻す"))) return "戻すのをやめました。";
      await apply(api.restoreBackup(backup.path));
      setBackups(await api.listBackups());
      return `${when.format(new Date(backup.taken_at))} の状態に戻しました。`;
    });

  return (
    <div class="screen">
      <h1 tabIndex={-1}>設定</h1>
      <DataLocation />
      <section class="card">
        <h2>バックアップ</h2>
        {!storage.persistent ? (
          <p>データベースが使えないため、バックアップはありません。</p>
        ) : (
          <>
            <p>
              起動するたびに、変更があればデータベースのバックアップを自動で作ります（新しいものから10個まで残します）。保存場所: <code class="path">{storage.backups}</code>
            </p>
            <div class="actions">
              <button type="button" onClick={backupNow}>
                いまバックアップする
              </button>
            </div>
            {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
            {backups && backups.length === 0 && <p class="empty">バックアップはまだありません（次に起動したとき、変更があれば作られます）。</p>}
            {backups && backups.length > 0 && (
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">日時</th>
                    <th scope="col">きっかけ</th>
                    <th scope="col">その時点までの入力・変更の回数</th>
                    <th scope="col"><span class="visually-hidden">操作</span></th>
                  </tr>
                </thead>
                <tbody>
                  {backups.map((backup) => (
                    <tr>
                      <td>{when.format(new Date(backup.taken_at))}</td>
                      <td>{backup.reason}</td>
                      <td>{Number(backup.revision) === 0 ? "まだ入力なし" : `${Number(backup.revision).toLocaleString("ja-JP")}回`}</td>
                      <td>
                        <button type="button" class="small" onClick={() => restore(backup)}>
                          この状態に戻す
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>
    </div>
  );
}
