# The `hojo` command line's Windows build under Wine, in a folder with Japanese names and spaces in the user's
# profile (%USERPROFILE%\申請 書類\令和6年度 さくら病院\), each result compared with the Linux build's on the same
# input: check, calc, a case saved by Notepad (BOM, CRLF), export → import (and the Windows workbook read on Linux),
# meibo, db import → case, backup → change → restore, db check, the default database in %APPDATA%\Hojo\, a long
# path, and the exit codes and messages of a missing file and a usage error.
# Usage: bash scripts/windows/cli-under-wine.sh WINDOWS_HOJO.exe LINUX_HOJO (run by scripts/test.d/70-windows.sh).
set -euo pipefail
windows_exe="$1"
linux_hojo="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

source "$root/scripts/windows/wine-env.sh"
unset HOJO_DB

work="$(mktemp -d)"
folder_unix=""
appdata_unix=""
cleanup() {
  [ -n "$folder_unix" ] && rm -rf "$folder_unix"
  [ -n "$appdata_unix" ] && rm -rf "$appdata_unix"
  wine_stop
  rm -rf "$work"
}
trap cleanup EXIT
wine_setup "$work"
cp "$windows_exe" "$work/bin/hojo.exe"

cd "$work"
win() { "$wine" "$work/bin/hojo.exe" "$@"; }
lin() { "$linux_hojo" "$@"; }
failures=0
passed=0
pass() { passed=$((passed + 1)); echo "    ok: $1"; }
fail() { failures=$((failures + 1)); echo "    FAILED: $1" >&2; }
same() { # same NAME FILE_A FILE_B
  if cmp -s "$2" "$3"; then pass "$1"; else fail "$1 (Windows and Linux differ)"; diff "$2" "$3" | head -20 >&2 || true; fi
}

# Wine prints USERPROFILE and APPDATA with a CR before the newline.
profile_win="$("$wine" cmd /c 'echo %USERPROFILE%' | tr -d '\r')"
appdata_win="$("$wine" cmd /c 'echo %APPDATA%' | tr -d '\r')"
to_unix() { "$wine" winepath.exe -u "$1" 2>/dev/null | tr -d '\r'; }
folder_win="$profile_win\\申請 書類\\令和6年度 さくら病院"
folder_unix="$(to_unix "$profile_win")/申請 書類"
appdata_unix="$(to_unix "$appdata_win")/Hojo"
rm -rf "$folder_unix" "$appdata_unix"
mkdir -p "$folder_unix/令和6年度 さくら病院" "$work/linux"
here="$folder_unix/令和6年度 さくら病院"
echo "    folder: $folder_win"

cp "$root/examples/sakura-hospital.json" "$here/さくら病院 申請.json"
cp "$root/examples/sakura-hospital.json" "$work/linux/case.json"
case_win="$folder_win\\さくら病院 申請.json"

# check and calc
for command in check calc; do
  win "$command" "$case_win" >"$work/$command.win" 2>"$work/$command.win.err" || true
  lin "$command" "$work/linux/case.json" >"$work/$command.lin"
  [ -s "$work/$command.lin" ] || fail "$command: the Linux build printed nothing"
  same "$command" "$work/$command.win" "$work/$command.lin"
done

# A case file saved by Windows Notepad: UTF-8 with a BOM, CRLF line ends.
printf '\xef\xbb\xbf' >"$here/メモ帳で保存.json"
sed 's/$/\r/' "$root/examples/sakura-hospital.json" >>"$here/メモ帳で保存.json"
win calc "$folder_win\\メモ帳で保存.json" >"$work/notepad.win" 2>/dev/null || true
same "calc of a case saved by Notepad (BOM, CRLF)" "$work/notepad.win" "$work/calc.lin"

# export → import; the Windows workbook read back by both builds gives the case the Linux round trip gives.
workbook_win="$folder_win\\申請書 令和6年度.xlsx"
win export "$case_win" -o "$workbook_win" >/dev/null 2>"$work/export.err" || true
if [ -s "$here/申請書 令和6年度.xlsx" ]; then pass "export writes 申請書 令和6年度.xlsx"; else
  fail "export wrote no workbook"; cat "$work/export.err" >&2; fi
win import "$workbook_win" >"$work/import.win" 2>/dev/null || true
lin export "$work/linux/case.json" -o "$work/linux/shinsei.xlsx" >/dev/null 2>&1
lin import "$work/linux/shinsei.xlsx" >"$work/import.lin"
lin import "$here/申請書 令和6年度.xlsx" >"$work/import.win-on-lin" 2>/dev/null || true
same "export → import" "$work/import.win" "$work/import.lin"
same "the Windows workbook read on Linux" "$work/import.win-on-lin" "$work/import.lin"
win import "$workbook_win" -o "$folder_win\\読み込んだ申請.json" >/dev/null 2>&1 || true
same "import -o writes the case" "$here/読み込んだ申請.json" "$work/import.lin"
win export "$case_win" -o "$workbook_win" >/dev/null 2>"$work/exists.err" && status=0 || status=$?
if [ "$status" = 1 ] && grep -q -- "--force" "$work/exists.err"; then pass "export refuses to overwrite without --force"
else fail "export over an existing workbook: exit $status, $(cat "$work/exists.err")"; fi
leftovers="$(find "$here" \( -name '.hojo-*' -o -name '*.tmp*' -o -name '*.partial' \) | head -3)"
if [ -z "$leftovers" ]; then pass "no temporary file left"; else fail "temporary files left: $leftovers"; fi

# meibo: the 厚生局's 名簿 read from a Japanese path, as JSON lines and as CSV.
meibo="$root/tests/fixtures/meibo/meibo-11-saitama-r0710.xlsx"
cp "$meibo" "$here/届出受理医療機関名簿 埼玉.xlsx"
for format in json csv; do
  flag=(); [ "$format" = csv ] && flag=(--csv)
  win meibo "$folder_win\\届出受理医療機関名簿 埼玉.xlsx" "${flag[@]}" >"$work/meibo.$format.win" 2>/dev/null || true
  lin meibo "$meibo" "${flag[@]}" >"$work/meibo.$format.lin" 2>/dev/null
  same "meibo ($format, $(wc -l <"$work/meibo.$format.lin") lines)" "$work/meibo.$format.win" "$work/meibo.$format.lin"
done

# db import → case, backup → change → restore, check.
db_win="$folder_win\\hojo.sqlite3"
win db --db "$db_win" import "$case_win" >"$work/db-import.win" 2>/dev/null || true
lin db --db "$work/linux/hojo.sqlite3" import "$work/linux/case.json" >"$work/db-import.lin" 2>/dev/null
same "db import" "$work/db-import.win" "$work/db-import.lin"
win db --db "$db_win" case --year 2024 -o "$folder_win\\データベースから.json" >/dev/null 2>&1 || true
lin db --db "$work/linux/hojo.sqlite3" case --year 2024 -o "$work/linux/from-db.json" >/dev/null 2>&1
same "db import → db case" "$here/データベースから.json" "$work/linux/from-db.json"
backup_win="$(win db --db "$db_win" backup 2>"$work/backup.err" | tr -d '\r')" || true
case "$backup_win" in
  "$folder_win\\hojo.sqlite3.backups\\"*) pass "db backup in hojo.sqlite3.backups beside the database" ;;
  *) fail "db backup printed: $backup_win $(cat "$work/backup.err")" ;;
esac
sed 's/"salary": 3600000/"salary": 3000000/' "$here/さくら病院 申請.json" >"$here/人件費を変更.json"
grep -q '"salary": 3000000' "$here/人件費を変更.json" || fail "the test's change of 人件費 did not apply"
win db --db "$db_win" import --replace "$folder_win\\人件費を変更.json" >/dev/null 2>&1 || true
win db --db "$db_win" case --year 2024 >"$work/changed.win" 2>/dev/null || true
if grep -q 3000000 "$work/changed.win"; then pass "db import --replace changes the stored case"; else
  fail "the changed case was not stored"; fi
win db --db "$db_win" restore "$backup_win" >/dev/null 2>"$work/restore.err" || true
win db --db "$db_win" case --year 2024 >"$work/restored.win" 2>/dev/null || true
same "backup → change → restore" "$work/restored.win" "$work/linux/from-db.json"
win db --db "$db_win" check >"$work/check-db.win" 2>"$work/check-db.err" || true
if [ "$(tr -d '\r' <"$work/check-db.win")" = ok ]; then pass "db check"; else fail "db check: $(cat "$work/check-db.win" "$work/check-db.err")"; fi

# With neither --db nor HOJO_DB the database is %APPDATA%\Hojo\hojo.sqlite3, the folder the app uses too.
win db import "$case_win" >/dev/null 2>&1 || true
if [ -s "$appdata_unix/hojo.sqlite3" ]; then pass "the default database is %APPDATA%\\Hojo\\hojo.sqlite3"; else
  fail "no database in $appdata_unix"; fi

# A path longer than Windows' old limit of 260 characters.
long_win="$folder_win"
long_unix="$here"
for part in 1 2 3 4 5 6 7 8 9 10; do
  long_win="$long_win\\第${part}階層 長いフォルダの名前 申請書類の控え ${part}"
  long_unix="$long_unix/第${part}階層 長いフォルダの名前 申請書類の控え ${part}"
done
mkdir -p "$long_unix"
win export "$case_win" -o "$long_win\\申請書.xlsx" >/dev/null 2>&1 || true
win import "$long_win\\申請書.xlsx" >"$work/import.long" 2>/dev/null || true
same "export → import at a path of ${#long_win} characters" "$work/import.long" "$work/import.lin"
win db --db "$long_win\\hojo.sqlite3" import "$case_win" >/dev/null 2>"$work/long-db.err" || true
win db --db "$long_win\\hojo.sqlite3" case --year 2024 >"$work/long-db.win" 2>>"$work/long-db.err" || true
same "db import → case at a path of ${#long_win} characters" "$work/long-db.win" "$work/linux/from-db.json"

# Errors: a missing file is exit 1 with a Japanese message naming the Windows path; a usage error is exit 2.
win calc "$folder_win\\ありません.json" >/dev/null 2>"$work/missing.err" && status=0 || status=$?
if [ "$status" = 1 ] && grep -q "申請 書類" "$work/missing.err" && grep -q "ファイルが見つかりません" "$work/missing.err"; then
  pass "a missing file: exit 1, the path and the reason in Japanese"
else fail "a missing file: exit $status, $(cat "$work/missing.err")"; fi
win calc >/dev/null 2>&1 && status=0 || status=$?
if [ "$status" = 2 ]; then pass "a usage error: exit 2"; else fail "a usage error: exit $status"; fi

echo "windows-cli: $passed passed, $failures failed"
[ "$failures" = 0 ]
