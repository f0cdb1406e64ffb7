// One real app per test file, on a database of its own in a fresh folder: launched before the file's tests, closed
// and its folder removed after them. The open/save dialogs run on the Rust side; a test answers them by writing
// to `answers` (one line per dialog).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";

import { App } from "./webdriver.mjs";

export function appInFreshFolder(prefix) {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  const session = {
    folder,
    database: path.join(folder, "hojo.sqlite3"),
    answers: path.join(folder, "dialog-answers.txt"),
    /** The running app (set before the first test). */
    app: null,
  };
  before(async () => {
    const binary = process.env.HOJO_APP_BINARY;
    assert.ok(binary && path.isAbsolute(binary), "HOJO_APP_BINARY: the app's absolute path");
    writeFileSync(session.answers, "");
    session.app = await App.launch(binary, { HOJO_DB: session.database, HOJO_TEST_DIALOG_ANSWERS: session.answers });
    await session.app.find("main h1");
  });
  after(async () => {
    await session.app?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return session;
}
