"""The peer of benches/attachment.rs: the same scan stored the way a script usually does it with Python's
sqlite3 — read whole, inserted as one BLOB parameter, listed, read back whole and written out — measuring the
rise of the process's peak resident memory above where it stood the same way (/proc/self/clear_refs, VmHWM).

usage: peer_attachment.py SCAN_FILE WORK_FOLDER
"""
import os
import sqlite3
import sys


def status_kb(key):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise SystemExit(key + " not found")


def main():
    scan, folder = sys.argv[1], sys.argv[2]
    db = os.path.join(folder, "peer.sqlite3")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(
        "CREATE TABLE attachment (id INTEGER PRIMARY KEY, file_name TEXT, size INTEGER, data BLOB)"
    )
    conn.commit()
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    baseline = status_kb("VmRSS")
    with open(scan, "rb") as file:
        data = file.read()
    with conn:
        conn.execute(
            "INSERT INTO attachment (file_name, size, data) VALUES (?, ?, ?)", ("領収書.pdf", len(data), data)
        )
    del data
    listed = conn.execute("SELECT id, file_name, size FROM attachment").fetchall()
    assert len(listed) == 1
    (blob,) = conn.execute("SELECT data FROM attachment WHERE id = ?", (listed[0][0],)).fetchone()
    with open(os.path.join(folder, "peer-out.pdf"), "wb") as out:
        out.write(blob)
    peak = status_kb("VmHWM")
    print("%.1f" % ((peak - baseline) / 1024.0))


main()
