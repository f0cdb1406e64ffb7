// The real app's process under tauri-driver (driver → WebKitWebDriver → the app → WebKit's processes), found by
// its binary, for the tests that kill it (Linux: /proc; Windows: the process table through PowerShell, the driver
// being msedgedriver) and the benchmark that measures its memory (Linux only).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import path from "node:path";

function children() {
  const map = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!map.has(parent)) map.set(parent, []);
      map.get(parent).push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return map;
}

/** A process and everything it started. */
export function descendants(root) {
  const map = children();
  const found = [];
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop();
    found.push(pid);
    todo.push(...(map.get(pid) ?? []));
  }
  return found;
}

/** Windows: the processes under `root` with their executables (Get-CimInstance Win32_Process). */
function windowsDescendants(root) {
  const script = "Get-CimInstance Win32_Process | Select-Object ProcessId,ParentProcessId,ExecutablePath | ConvertTo-Json -Compress";
  const table = JSON.parse(execFileSync("powershell.exe", ["-NoProfile", "-Command", script], { encoding: "utf8", maxBuffer: 64 << 20 }));
  const found = [];
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop();
    for (const entry of table) {
      if (entry.ParentProcessId === pid && entry.ProcessId !== pid) {
        found.push(entry);
        todo.push(entry.ProcessId);
      }
    }
  }
  return found;
}

/** The app started under the driver `driverPid`: the descendant running `binary`. */
export function appPid(driverPid, binary) {
  if (process.platform === "win32") {
    const wanted = path.resolve(binary).toLowerCase();
    const app = windowsDescendants(driverPid).find((entry) => (entry.ExecutablePath ?? "").toLowerCase() === wanted);
    if (!app) throw new Error(`no process of ${binary} under ${driverPid}`);
    return app.ProcessId;
  }
  const wanted = realpathSync(binary);
  for (const pid of descendants(driverPid)) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`) === wanted) return pid;
    } catch {
      // not ours to read, or gone
    }
  }
  throw new Error(`no process of ${binary} under ${driverPid}`);
}

/** PSS, RSS and USS (its private pages: unlike PSS, not shared out with other programs mapping the same
 * libraries, which come and go on a shared machine) in kB of a process and every process it started (the app and its WebKit processes); with
 * `alone`, of that process only (the app's own Rust side, where a file is read and stored). */
export function memoryKb(root, alone = false) {
  let pss = 0;
  let rss = 0;
  let uss = 0;
  for (const pid of alone ? [root] : descendants(root)) {
    try {
      for (const line of readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").split("\n")) {
        if (line.startsWith("Pss:")) pss += Number(line.split(/\s+/)[1]);
        else if (line.startsWith("Rss:")) rss += Number(line.split(/\s+/)[1]);
        else if (line.startsWith("Private_")) uss += Number(line.split(/\s+/)[1]);
      }
    } catch {
      // gone
    }
  }
  return { pss, rss, uss };
}
