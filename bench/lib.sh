# Helpers for bench/*.sh; sourced.
# mean_ms FILE.json INDEX: the mean of a hyperfine --export-json result, in milliseconds.
mean_ms() {
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]; print('%.1f' % (r['mean']*1000))" "$1" "$2"
}
