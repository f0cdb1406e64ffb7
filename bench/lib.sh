# Helpers for bench/*.sh; sourced.
# mean_ms FILE.json INDEX: the mean of a hyperfine --export-json result, in milliseconds.
mean_ms() {
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]; print('%.1f' % (r['mean']*1000))" "$1" "$2"
}
# cpu_ms FILE.json INDEX: user + system CPU time per run, in ms (what the 2 shared cores' load does not inflate).
cpu_ms() {
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]; print('%.0f' % ((r['user'] + r['system']) * 1000))" "$1" "$2"
}
# ratio FILE.json A B: how many times faster result A is than result B (means), one decimal.
ratio() {
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print('%.1f' % (r[int(sys.argv[3])]['mean'] / r[int(sys.argv[2])]['mean']))" "$1" "$2" "$3"
}
