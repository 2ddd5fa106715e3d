#!/bin/sh
# Runs each libFuzzer target for SECONDS, on a corpus seeded from the
# shipped banks and the test data.  Usage: run.sh DIR SECONDS TARGET...
# A crash leaves its input as DIR/crash-* and makes this exit 1.
dir=$1 seconds=$2
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
status=0
for t in "$@"; do
	corpus=$dir/corpus/$t
	mkdir -p "$corpus"
	# Seeds: whole files, and (for the one-line targets) single lines.
	cp "$top"/data/*.qb "$top"/tests/data/*.qb "$corpus"/ 2>/dev/null
	case $t in
	rec)	split -l 1 -a 4 "$top/tests/data/hostile.qb" "$corpus/line-" ;;
	template) printf '%%n) %%i [%%t] %%q%%%%\\n' >"$corpus/t1" ;;
	date)	printf '2026-12-01' >"$corpus/d1"; printf '3,5-7,9-' >"$corpus/d2"
		printf 'yesterday-1period' >"$corpus/d3" ;;
	mail)	printf '"Lead, Team" <t@example.org>, Zo\303\253 <z@example.org>' \
		    >"$corpus/m1" ;;
	revlog)	printf '2026-12-01T09:30:05Z\tskill-21\t3' >"$corpus/r1"
		printf '2026-12-01T09:30+01:00' >"$corpus/r2" ;;
	import_*) cp "$top"/tests/data/import/* "$corpus"/
		# Rows as qb-fmt writes them, for the readers' fast paths.
		printf '{"id":"a","tags":["t","u"],"question":"Q \\"x\\"\\\\?","answer":"A\\nb\\tc"}\n{"id":"b","tags":[],"question":"Caf\303\251?","answer":""}\n' \
		    >"$corpus/usual.jsonl"
		printf 'id,tags,question,answer\na,"t,u",Q\\?,"A ""x"""\r\nb,,"Q\nq\tr",Caf\303\251\n' \
		    >"$corpus/usual.csv" ;;
	prefilter) printf '\000(?i)\\b(index|cache)\\w*\nan Index' >"$corpus/p1"
		printf '\001a.b|c(d|e)?f{2}\nc.ff' >"$corpus/p2" ;;
	esac
	echo "fuzz $t: $seconds s"
	"$dir/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix="$dir/" -print_final_stats=1 "$corpus" \
	    >"$dir/$t.log" 2>&1 || { status=1; tail -n 40 "$dir/$t.log"; }
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$dir/$t.log" |
	    sed "s/^/  $t /"
done
exit $status
