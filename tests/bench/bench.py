#!/usr/bin/env python3
"""make bench: qb's commands beside their peers, in interleaved rounds.

Usage: bench.py BINDIR BANK ROUNDS [SVG [SMALLER_BANK]...]

Every round runs every command of every job once, in turn, so that a
change in the machine's load hits all of them alike.  Standard output goes
to a file (GNU grep stops at the first match when it sees /dev/null).
Before timing, each pair is checked to select the same records.  The table
gives each command's median wall time, its ratio to the job's peer, and
its peak RSS, and the bank's bytes over that time in GB/s.

With SVG, the jobs also run on the smaller banks, and the file gets a
chart of every command's median time over the bank sizes (log-log), so
one sees how each cost grows with the bank."""

import os
import shutil
import statistics
import subprocess
import sys
import time

BIN, BANK, ROUNDS = sys.argv[1], sys.argv[2], int(sys.argv[3])
SVG = sys.argv[4] if len(sys.argv) > 4 else None
SMALLER = sys.argv[5:]
OUT = os.path.join(os.path.dirname(BANK), "out")
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SMALL = os.path.join(TOP, "data", "backend.qb")
ENV = dict(os.environ, LC_ALL="C.UTF-8")
ENV.pop("QB_PATH", None)


def qb(name):
    return os.path.join(BIN, name)


def sh(cmd):
    return ["sh", "-c", cmd]


R1 = r"(?i)\b(index|cache)\w*"
R2 = r"\b\w+(tion|ment)s?\b"
JQ = r'split("\t") | {id: .[0], tags: (.[1] | split(",")), question: .[2], answer: .[3]}'
MLR_FIELDS = "--implicit-csv-header --headerless-csv-input --ifs tab"

# (job, peer label, [(label, argv)]): the first command is qb's, then peers.
def jobs(BANK):
    return [
        ("read the file", [
            ("qb-list F", [qb("qb-list"), BANK]),
            ("cat F", ["cat", BANK]),
            ("wc -l F", ["wc", "-l", BANK]),
            ("grep -F word F", ["grep", "-F", "cache", BANK])]),
        ("literal search", [
            ("qb-grep -F word F", [qb("qb-grep"), "-F", "cache", BANK]),
            ("grep -F word F", ["grep", "-F", "cache", BANK]),
            ("grep -P word F", ["grep", "-P", "cache", BANK]),
            ("rg word F", ["rg", "--no-config", "cache", BANK])]),
        ("count literal", [
            ("qb-grep -c word F", [qb("qb-grep"), "-c", "cache", BANK]),
            ("grep -cP word F", ["grep", "-cP", "cache", BANK]),
            ("rg -c word F", ["rg", "--no-config", "-c", "cache", BANK])]),
        ("count regex R1", [
            ("qb-grep -c R1 F", [qb("qb-grep"), "-c", R1, BANK]),
            ("grep -cP R1 F", ["grep", "-cP", R1, BANK]),
            ("rg -c R1 F", ["rg", "--no-config", "-c", R1, BANK])]),
    ("regex " + R1, [
            ("qb-grep", [qb("qb-grep"), R1, BANK]),
            ("grep -P", ["grep", "-P", R1, BANK]),
            ("rg", ["rg", "--no-config", R1, BANK])]),
        ("regex " + R2, [
            ("qb-grep", [qb("qb-grep"), R2, BANK]),
            ("grep -P", ["grep", "-P", R2, BANK]),
            ("rg", ["rg", "--no-config", R2, BANK])]),
        ("one random record", [
            ("qb-pick F", [qb("qb-pick"), BANK]),
            ("shuf -n 1 F", ["shuf", "-n", "1", BANK])]),
        ("1000 random records", [
            ("qb-pick -n 1000 F", [qb("qb-pick"), "-n", "1000", BANK]),
            ("shuf -n 1000 F", ["shuf", "-n", "1000", BANK])]),
        ("TSV to JSON Lines", [
            ("qb-fmt -a -f jsonl F", [qb("qb-fmt"), "-a", "-f", "jsonl", BANK]),
            ("jq -R", ["jq", "-cR", JQ, BANK]),
            ("mlr", sh(f"mlr {MLR_FIELDS} --ojsonl cat {BANK}"))]),
        ("TSV to CSV", [
            ("qb-fmt -a -f csv F", [qb("qb-fmt"), "-a", "-f", "csv", BANK]),
            ("jq -R", ["jq", "-rR", 'split("\t") | @csv', BANK]),
            ("mlr", sh(f"mlr {MLR_FIELDS} --ocsv cat {BANK}"))]),
        ("question of the day, big bank", [
            ("qb-pick --daily F", [qb("qb-pick"), "--daily", BANK]),
            ("shuf -n 1 F", ["shuf", "-n", "1", BANK])]),
        ("cron latency, 45 records", [
            ("qb-list | qb-pick --daily | qb-fmt",
             sh(f"{qb('qb-list')} | {qb('qb-pick')} --daily | {qb('qb-fmt')}")),
            ("fortune", [shutil.which("fortune", path=os.environ.get("PATH", "")
                                      + ":/usr/games") or "fortune"]),
            ("shuf -n 1", ["shuf", "-n", "1", SMALL])]),
    ]


JOBS = jobs(BANK)

# qb-list --from: the same bank written by qb-fmt as CSV and JSON Lines,
# imported, beside reading it as qb(5) (the target: within 1.5x).
IMPORTS = {fmt: f"{BANK}.{fmt}" for fmt in ("csv", "jsonl")}
for fmt, path in IMPORTS.items():
    if not os.path.exists(path):
        with open(path, "wb") as f:
            subprocess.run([qb("qb-fmt"), "-a", "-f", fmt, BANK], stdout=f,
                           check=True)
JOBS += [(f"import {fmt.upper()}", [
    (f"qb-list F.{fmt}", [qb("qb-list"), path]),
    ("qb-list F", [qb("qb-list"), BANK])]) for fmt, path in IMPORTS.items()]


def run(argv):
    """Wall seconds of one run, output to OUT."""
    with open(OUT, "wb") as out:
        start = time.perf_counter()
        status = subprocess.call(argv, stdout=out, stderr=subprocess.DEVNULL,
                                 env=ENV)
        elapsed = time.perf_counter() - start
    if status not in (0, 1):
        sys.exit(f"bench: {argv} exited {status}")
    return elapsed


def peak_rss(argv):
    """Peak RSS in KiB, from GNU time: a process forked from Python would
    count Python's own pages.  For sh -c pipelines it is the largest of
    the shell's children."""
    report = OUT + ".rss"
    with open(OUT, "wb") as out:
        subprocess.call(["/usr/bin/time", "-f", "%M", "-o", report] + argv,
                        stdout=out, stderr=subprocess.DEVNULL, env=ENV)
    with open(report) as f:
        return int(f.read().split()[-1])


def output(argv):
    return subprocess.run(argv, stdout=subprocess.PIPE, env=ENV,
                          check=False).stdout


def check_same_records():
    """qb and its peers must agree before their times mean anything."""
    ids = output(["cut", "-f", "1", BANK]).split(b"\n")
    questions = output(["cut", "-f", "3", BANK])
    for pattern in ["cache", R1, R2]:
        lines = subprocess.run(["grep", "-nP", pattern], input=questions,
                               stdout=subprocess.PIPE, env=ENV).stdout
        want = [ids[int(l.split(b":", 1)[0]) - 1] for l in lines.splitlines()]
        got = output(sh(f"{qb('qb-grep')} '{pattern}' {BANK} | cut -f 1"))
        if got.splitlines() != want:
            sys.exit(f"bench: qb-grep and grep -P disagree on {pattern}")
        print(f"same records: qb-grep and cut -f3 | grep -P, {pattern!r}: "
              f"{len(want)} records")
    n = len(ids) - 1
    for argv, what in [([qb("qb-list"), "-c", BANK], "qb-list -c"),
                       (sh(f"{qb('qb-fmt')} -f jsonl {BANK} | wc -l"), "jsonl lines"),
                       (sh(f"{qb('qb-fmt')} -f csv {BANK} | python3 -c "
                           "'import csv, sys; print(sum(1 for _ in csv.reader(sys.stdin)))'"),
                        "csv rows")]:
        got = int(output(argv).split()[0]) - (what == "csv rows")
        if got != n:
            sys.exit(f"bench: {what} gives {got}, wc -l gives {n}")
        print(f"same records: {what} and wc -l: {n}")
    for argv in ([qb("qb-pick"), "-n", "1000", BANK], ["shuf", "-n", "1000", BANK]):
        if len(output(argv).splitlines()) != 1000:
            sys.exit(f"bench: {argv} did not give 1000 records")
    print("same records: qb-pick -n 1000 and shuf -n 1000: 1000 each")


def timed(job_list, rounds):
    """Median wall time of each (job, label), from interleaved rounds."""
    times = {}
    for r in range(rounds):
        for job, cmds in job_list:
            for label, argv in cmds:
                times.setdefault((job, label), []).append(run(argv))
        print(f"round {r + 1} of {rounds} done", file=sys.stderr)
    return {k: statistics.median(v) for k, v in times.items()}


def records(bank):
    with open(bank, "rb") as f:
        return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))


COLOURS = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]


def chart(path, points):
    """points: {size: {(job, label): seconds}}; one log-log panel a job."""
    import math
    sizes = sorted(points)
    names = [job for job, _ in JOBS]
    cols, pw, ph = 3, 330, 230
    rows = (len(names) + cols - 1) // cols
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{cols * pw}" '
           f'height="{rows * ph + 30}" font-family="sans-serif" font-size="10">',
           f'<rect width="100%" height="100%" fill="white"/>',
           f'<text x="8" y="18" font-size="13">qb and its peers: median wall '
           f'seconds over bank size (records), log-log</text>']
    for n, (job, cmds) in enumerate(JOBS):
        x0, y0 = (n % cols) * pw + 45, (n // cols) * ph + 45
        w, h = pw - 60, ph - 75
        vals = [points[s][(job, l)] for s in sizes for l, _ in cmds
                if (job, l) in points[s]]
        lo, hi = math.log10(max(min(vals), 1e-4)), math.log10(max(vals))
        hi = hi if hi > lo else lo + 1
        lx = [math.log10(s) for s in sizes]
        xl, xh = lx[0], lx[-1] if lx[-1] > lx[0] else lx[0] + 1

        def px(s):
            return x0 + (math.log10(s) - xl) / (xh - xl) * w

        def py(t):
            return y0 + h - (math.log10(max(t, 1e-4)) - lo) / (hi - lo) * h
        out.append(f'<text x="{x0}" y="{y0 - 8}" font-size="11">{escape(job[:44])}</text>')
        out.append(f'<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="none" stroke="#999"/>')
        for s in sizes:
            out.append(f'<text x="{px(s):.1f}" y="{y0 + h + 12}" text-anchor="middle">{s:,}</text>')
        for t in (10 ** lo, 10 ** hi):
            out.append(f'<text x="{x0 - 3}" y="{py(t) + 3:.1f}" text-anchor="end">{t:.3g}s</text>')
        for i, (label, _) in enumerate(cmds):
            c = COLOURS[i % len(COLOURS)]
            pts = " ".join(f"{px(s):.1f},{py(points[s][(job, label)]):.1f}"
                           for s in sizes if (job, label) in points[s])
            out.append(f'<polyline points="{pts}" fill="none" stroke="{c}" stroke-width="{2 if i == 0 else 1.2}"/>')
            out.append(f'<text x="{x0 + 4}" y="{y0 + 11 + 10 * i}" fill="{c}">{escape(label[:40])}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    check_same_records()
    rss = {(job, label): peak_rss(argv) for job, cmds in JOBS
           for label, argv in cmds}
    med = timed(JOBS, ROUNDS)
    size = os.path.getsize(BANK)
    print(f"\n{'job':32} {'command':36} {'median s':>9} {'qb/peer':>8} "
          f"{'GB/s':>6} {'RSS MiB':>8}")
    for job, cmds in JOBS:
        ours = med[(job, cmds[0][0])]
        for i, (label, argv) in enumerate(cmds):
            m = med[(job, label)]
            ratio = "" if i == 0 else f"{ours / m:.2f}x"
            # Throughput only for the commands that read the bank.
            gbs = f"{size / m / 1e9:6.2f}" if any(BANK in a for a in argv) else ""
            print(f"{job[:32]:32} {label[:36]:36} {m:9.4f} {ratio:>8} "
                  f"{gbs:>6} {rss[(job, label)] / 1024:8.1f}")
    if SVG is None:
        return
    points = {records(BANK): med}
    for bank in SMALLER:
        points[records(bank)] = timed(jobs(bank), ROUNDS)
    chart(SVG, points)
    print(f"chart: {SVG} ({', '.join(f'{n:,}' for n in sorted(points))} records)")


if __name__ == "__main__":
    main()
