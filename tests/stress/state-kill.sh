#!/bin/bash
# A stress run of qb-pick --state, by hand (minutes, not for make check):
# 32 concurrent workers, each running qb-pick many times, every run killed
# with SIGKILL after a random 0 to MAXMS-1 ms (at most 999).  Afterwards:
#   - the state file parses and holds no id twice;
#   - every pick of a run that exited 0 is in it (nothing lost), and no
#     two such runs picked the same record (nothing repeated in a round);
#   - every id in it was written by some run (nothing recorded unseen);
#   - no temporary file is left after one more run.
# The bank is larger than all the picks, so no round ends.
#
# Usage: tests/stress/state-kill.sh BINDIR [WORKERS] [RUNS] [MAXMS]
set -u
bindir=$(cd "${1:?usage: $0 BINDIR [WORKERS] [RUNS]}" && pwd) || exit 2
workers=${2:-32}
runs=${3:-40}
maxms=${4:-100}
dir=$(mktemp -d) || exit 2
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 2
export PATH="$bindir:$PATH"

awk -v n=$((workers * runs + 500)) 'BEGIN {
	for (i = 0; i < n; i++) printf "k-%d\tt\tQuestion %d?\tA.\n", i, i
}' > bank.qb

worker() {
	local w=$1 i ms
	for ((i = 0; i < runs; i++)); do
		ms=$((RANDOM % maxms))
		timeout -s KILL "0.$(printf %03d $ms)" \
		    qb-pick --state=st bank.qb > "out.$w.$i" 2>/dev/null
		echo $? > "rc.$w.$i"
	done
}
for ((w = 0; w < workers; w++)); do
	worker $w 2>/dev/null &
done
wait

fail=0
ok_runs=$(grep -lx 0 rc.* | wc -l)
killed=$(grep -lx 137 rc.* | wc -l)
echo "runs: $((workers * runs)), exited 0: $ok_runs, killed: $killed"
if ! qb-pick --state=st bank.qb > /dev/null; then
	echo "FAIL: the state file does not parse"; fail=1
fi
# The last run above added one pick: take it out again for the checks.
sed '$d' st > st.checked
if [ -n "$(sort st.checked | uniq -d)" ]; then
	echo "FAIL: an id is in the state twice"; fail=1
fi
for rc in $(grep -lx 0 rc.*); do cut -f1 "out.${rc#rc.}"; done | sort > ok.ids
if [ -n "$(uniq -d ok.ids)" ]; then
	echo "FAIL: two successful runs picked the same record:"; uniq -d ok.ids
	fail=1
fi
if [ -n "$(comm -23 ok.ids <(sort st.checked))" ]; then
	echo "FAIL: a successful pick is not in the state"; fail=1
fi
cat out.* | cut -f1 | sort -u > all.ids
if [ -n "$(comm -13 all.ids <(sort st.checked))" ]; then
	echo "FAIL: the state holds an id no run wrote"; fail=1
fi
if ls | grep -q qbtmp; then
	echo "FAIL: temporaries left:"; ls | grep qbtmp; fail=1
fi
echo "state: $(wc -l < st.checked) ids"
[ $fail = 0 ] && echo "PASS"
exit $fail
