#!/usr/bin/env python3
"""Measures a desktop program under Xvfb (run inside xvfb-run and dbus-run-session by bench/60-app.sh):

  app_measure.py ready   PROGRAM...   seconds from launch until Hojo says its first screen is drawn with its data
  app_measure.py window  TITLE PROGRAM...   seconds from launch until a window whose name holds TITLE is mapped
  app_measure.py memory  ready|window[:TITLE] PROGRAM...   PSS and RSS (MB) of the program and every process it
                                             started (WebKit's web and network processes), 3 s after it is ready

Each prints one number per line (memory: "PSS RSS"). Bounded: gives up after 60 s."""
import os
import signal
import subprocess
import sys
import time

LIMIT = 60.0


def descendants(root):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def memory_mb(root):
    pss = rss = 0
    for pid in descendants(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
        except OSError:
            pass
    return pss / 1024, rss / 1024


def window_mapped(title):
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    return any(title in line for line in tree.splitlines())


def launch(program, env_extra=None):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.Popen(program, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, start_new_session=True, text=True)


def wait_ready(process):
    for line in process.stdout:
        if line.startswith("hojo-ready"):
            return
    raise SystemExit("the app ended before it was ready")


def wait_window(title, start):
    while time.monotonic() - start < LIMIT:
        if window_mapped(title):
            return
        time.sleep(0.01)  # polling the X server for the window; the measured interval ends at the first sight
    raise SystemExit(f"no window named {title!r} within {LIMIT} s")


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def main():
    mode = sys.argv[1]
    if mode == "ready":
        start = time.monotonic()
        process = launch(sys.argv[2:], {"HOJO_REPORT_READY": "1"})
        wait_ready(process)
        print(f"{time.monotonic() - start:.3f}")
        stop(process)
    elif mode == "window":
        title = sys.argv[2]
        start = time.monotonic()
        process = launch(sys.argv[3:])
        wait_window(title, start)
        print(f"{time.monotonic() - start:.3f}")
        stop(process)
    elif mode == "memory":
        how = sys.argv[2]
        start = time.monotonic()
        process = launch(sys.argv[3:], {"HOJO_REPORT_READY": "1"})
        if how == "ready":
            wait_ready(process)
        else:
            wait_window(how.split(":", 1)[1], start)
        time.sleep(3)  # idle: the figure is the memory of a window that has settled, not of its start
        pss, rss = memory_mb(process.pid)
        print(f"{pss:.0f} {rss:.0f}")
        stop(process)


if __name__ == "__main__":
    main()
