// A small W3C WebDriver client over fetch for tauri-driver (which hands the session to WebKitWebDriver), and the
// start of the real app: no browser name in the capabilities, the binary's absolute path in tauri:options.
import { spawn } from "node:child_process";
import { once } from "node:events";
import net from "node:net";

const ELEMENT = "element-6066-11e4-a52f-4a4e0e34b3b4";

async function freePort() {
  const server = net.createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}

/** Waits until the driver accepts connections: polls its /status, bounded by attempts, not by sleeping blind. */
async function waitForDriver(base, driver) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (driver.exitCode !== null) throw new Error(`tauri-driver exited with ${driver.exitCode}`);
    try {
      const response = await fetch(`${base}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("tauri-driver did not start");
}

/** The browser's own driver that tauri-driver hands the session to: WebKitWebDriver for WebKitGTK on Linux,
 * msedgedriver for WebView2 on Windows (HOJO_NATIVE_DRIVER names another). */
function nativeDriver() {
  return process.env.HOJO_NATIVE_DRIVER ?? (process.platform === "win32" ? "msedgedriver.exe" : "/usr/bin/WebKitWebDriver");
}

export class App {
  static async launch(binary, env = {}) {
    const port = await freePort();
    const nativePort = await freePort();
    const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort), "--native-driver", nativeDriver()], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForDriver(base, driver);
    const app = new App(base, driver);
    const session = await app.request("POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application: binary } } },
    });
    app.session = session.sessionId;
    return app;
  }

  constructor(base, driver) {
    this.base = base;
    this.driver = driver;
    this.session = null;
  }

  async request(method, path, body, timeout = Number(process.env.WEBDRIVER_TIMEOUT_MS ?? 60_000)) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A WebDriver call that hangs fails the test instead of the whole run.
      signal: AbortSignal.timeout(timeout),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(answer.value ?? answer)}`);
    return answer.value;
  }

  command(method, path, body) {
    return this.request(method, `/session/${this.session}${path}`, body);
  }

  /** Runs a script in the window; `arguments` as in WebDriver. */
  execute(script, args = []) {
    return this.command("POST", "/execute/sync", { script, args });
  }

  executeAsync(script, args = []) {
    return this.command("POST", "/execute/async", { script, args });
  }

  /** Waits until a CSS selector matches, checking once per animation frame inside the page (bounded). */
  async find(selector) {
    const found = await this.executeAsync(
      `const [selector, done] = arguments; let frames = 0;
       const look = () => { const e = document.querySelector(selector); if (e) done(true); else if (++frames > 600) done(false); else requestAnimationFrame(look); };
       look();`,
      [selector],
    );
    if (!found) throw new Error(`nothing matches ${selector}`);
    const element = await this.command("POST", "/element", { using: "css selector", value: selector });
    return element[ELEMENT] ?? Object.values(element)[0];
  }

  async click(selector) {
    const id = await this.find(selector);
    await this.command("POST", `/element/${id}/click`, {});
  }

  async type(selector, text) {
    const id = await this.find(selector);
    await this.command("POST", `/element/${id}/clear`, {});
    if (text !== "") await this.command("POST", `/element/${id}/value`, { text });
  }

  async text(selector) {
    const id = await this.find(selector);
    return this.command("GET", `/element/${id}/text`);
  }

  /** Waits until the element's text satisfies the test (checked on each animation frame, bounded). */
  async waitForText(selector, expected) {
    const ok = await this.executeAsync(
      `const [selector, expected, done] = arguments; let frames = 0;
       const look = () => { const e = document.querySelector(selector); if (e && e.textContent.includes(expected)) done(true); else if (++frames > 600) done(false); else requestAnimationFrame(look); };
       look();`,
      [selector, expected],
    );
    if (!ok) throw new Error(`${selector} never showed ${expected}: ${await this.text(selector).catch(() => "(missing)")}`);
  }

  /** Opens a screen as a user does, by its link in the list on the left. */
  async go(screen) {
    await this.click(`nav a[href="#/${screen}"]`);
    await this.find(`main h1`);
  }

  /** Reloads the window (after a command run through invoke, which the screens did not see). */
  async reload() {
    await this.execute(`setTimeout(() => location.reload(), 0);`);
    await this.find(`main h1`);
  }

  /**
   * Waits two animation frames, so what was just changed is painted, then takes a PNG screenshot.
   * WebKitWebDriver never answers a screenshot of a page exactly as tall as the window (no overflow): for the
   * shot, the page is made one pixel taller than the window.
   */
  async screenshot() {
    // Through the CSSOM: the app's CSP refuses an injected <style> element.
    await this.executeAsync(
      `const done = arguments[0];
       document.body.style.minHeight = "calc(100vh + 1px)";
       requestAnimationFrame(() => requestAnimationFrame(() => done(true)));`,
    );
    try {
      return Buffer.from(await this.command("GET", "/screenshot"), "base64");
    } finally {
      await this.execute(`document.body.style.minHeight = "";`);
    }
  }

  /** Calls one of the app's commands through the real IPC, as the screens do (for what a native dialog would ask). */
  invoke(cmd, args) {
    return this.executeAsync(
      `const [cmd, args, done] = arguments;
       window.__TAURI_INTERNALS__.invoke(cmd, args).then((value) => done({ ok: value ?? null }), (error) => done({ error }));`,
      [cmd, args],
    );
  }

  async close() {
    try {
      if (this.session) await this.request("DELETE", `/session/${this.session}`);
    } finally {
      this.driver.kill();
      await once(this.driver, "exit").catch(() => {});
    }
  }
}
