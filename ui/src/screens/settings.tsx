// 設定: where the database is, backups and restore.
import { useSnapshot } from "../state";
import { DataLocation } from "./welcome";

export function Settings() {
  const { snapshot } = useSnapshot();
  const storage = snapshot!.storage;
  return (
    <div class="screen">
      <h1 tabIndex={-1}>設定</h1>
      <DataLocation />
      <section class="card">
        <h2>バックアップ</h2>
        {storage.persistent ? (
          <p>
            バックアップは <code class="path">{storage.backups}</code> に保存されます。
          </p>
        ) : (
          <p>データベースへの保存とバックアップは準備中です。</p>
        )}
      </section>
    </div>
  );
}
