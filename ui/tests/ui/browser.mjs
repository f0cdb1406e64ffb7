// Debian's Chromium driven by playwright-core, on the built screens (dist-mock: the IPC mocked), served from
// 127.0.0.1 by a tiny static server. A fresh profile per run; no network beyond the loopback.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist-mock");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".json": "application/json" };

export async function startBrowser() {
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    const file = path.join(dist, url.pathname === "/" ? "mock.html" : decodeURIComponent(url.pathname));
    if (!file.startsWith(dist)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  }).listen(0, "127.0.0.1");
  await once(server, "listening");
  const profile = mkdtempSync(path.join(tmpdir(), "hojo-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: "ja-JP",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const base = `http://127.0.0.1:${server.address().port}/`;
  return {
    context,
    base,
    /** A new page on the screens; `start` is "sakura" (the example application) or "empty". */
    async open(start = "sakura", hash = "") {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
      await page.goto(`${base}mock.html?start=${start}${hash}`);
      await page.locator("main h1").first().waitFor();
      page.errors = errors;
      return page;
    },
    async close() {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
