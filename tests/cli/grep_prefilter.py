#!/usr/bin/env python3
"""Differential test of qb-grep's prefilter (lib/prefilter.c).

Random patterns from a small grammar of the syntax the prefilter's
analysis follows, or must refuse (escapes, classes, quantifiers with {0},
?, *, lookarounds, \\Q...\\E, (?i) scopes, k and s, non-ASCII), are run
with the prefilter and with it turned off by QB_PREFILTER=0 (an
environment variable only the tests use), under options that change how
matches are made or reported; output, messages and exit status must be the
same, but for PCRE2 giving up on fewer records (see gave_up_less).  Prints "ok N" or the first difference.  Usage: grep_prefilter.py
[ROUNDS] [SEED]; the commands are found in PATH.
"""
import os
import random
import subprocess
import sys

WORDS = ["index", "cache", "Index", "CACHE", "cached", "reindex", "kelvin",
         "Skill", "na", "tab", "colour", "color", "abc", "ab", "x"]
ATOMS = ["a", "b", "c", "x", "n", "t", "k", "s", "K", "S", "é", "É", " ",
         ".", "\\.", "\\\\", "\\t", "\\n", "\\d", "\\w", "\\s", "[ab]",
         "[^x]", "[]a]", "[[:alpha:]]", "\\pL", "\\b", "^", "$", "\\Qa.b\\E",
         "\\Q(\\E", "\u212a", "\u017f", "\u0130", "\u0131"]
QUANTS = ["", "", "", "?", "*", "+", "{0}", "{2}", "{1,}", "{0,2}", "??",
          "*+"]


def atom(rng, depth):
    r = rng.random()
    if r < 0.35:
        return rng.choice(WORDS)
    if r < 0.7 or depth > 2:
        return rng.choice(ATOMS)
    inner = alternation(rng, depth + 1)
    head = rng.choice(["(", "(?:", "(?i:", "(?-i:", "(?=", "(?!", "(?<n>",
                       "(?>", "(?|"])
    if head == "(?<n>":
        head = "(?<n%d>" % rng.randrange(1000)
    return head + inner + ")"


def sequence(rng, depth):
    out = []
    for _ in range(rng.randrange(1, 5)):
        if rng.random() < 0.1:
            out.append(rng.choice(["(?i)", "(?-i)", "(?^)", "(?#c)"]))
        a = atom(rng, depth)
        q = rng.choice(QUANTS)
        if a in ("\\b", "^", "$") or a.startswith("(?="):
            q = ""
        elif a.endswith(")") and q not in ("", "?", "{0}", "{2}"):
            q = "?"     # nested unbounded repeats backtrack for long
        out.append(a + q)
    return "".join(out)


def alternation(rng, depth):
    n = 1 if rng.random() < 0.6 else rng.randrange(2, 4)
    return "|".join(sequence(rng, depth) for _ in range(n))


def bank(rng, path):
    texts = WORDS + ["é", "É", "\u212a", "\u017f", "\u0130", "\u0131",
                     "a.b", "(", " ", "\\t", "\\n", "\\\\", "ab", "a\\tb",
                     "na", "\\na", "abc", "xx"]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(300):
            q = "".join(rng.choice(texts) + rng.choice(["", " ", ""])
                        for _ in range(rng.randrange(1, 9)))
            a = "".join(rng.choice(texts) for _ in range(rng.randrange(0, 5)))
            tags = ",".join(rng.sample(["index", "cache", "kelvin", "na"],
                                       rng.randrange(1, 3)))
            f.write("p-%d\t%s\t%s?\t%s\n" % (i, tags, q, a))
        f.write("bad line\twith\ttoo\tmany\tfields\n")


OPTIONS = [[], ["-c"], ["-i"], ["-w"], ["-x"], ["-v", "-c"], ["-o"],
           ["-F"], ["-k", "all"], ["-k", "tags,answer"], ["-t", "cache"],
           ["-i", "-w", "-c"], ["-F", "-i"], ["--color=always"]]


def run(args, prefilter):
    env = dict(os.environ)
    if prefilter:
        env.pop("QB_PREFILTER", None)
    else:
        env["QB_PREFILTER"] = "0"
    p = subprocess.run(args, env=env, capture_output=True)
    return p.returncode, p.stdout, p.stderr


def gave_up_less(a, b):
    """The one allowed difference: a record the prefilter rules out is
    not given to PCRE2, which then cannot give up on it ("cannot match
    this record": not selected, even under -v), so when PCRE2 gave up
    without the prefilter, it may give up on fewer records with it, and
    the output and status may differ by those records.  Other messages
    stay the same."""
    def split(err):
        lines = err.decode().splitlines(keepends=True)
        gave = [x for x in lines if "cannot match this record" in x]
        return gave, [x for x in lines if x not in gave]
    ga, ra = split(a[2])
    gb, rb = split(b[2])
    return bool(gb) and ra == rb and set(ga) <= set(gb)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 16)
    tmp = os.environ.get("TMPDIR", "/tmp")
    data = os.path.join(tmp, "prefilter.qb")
    pats = os.path.join(tmp, "patterns")
    bank(rng, data)
    # The test data, when run from it (as the transcripts are): malformed
    # lines, CRLF, bare questions, escapes.
    data = [data] + [f for f in ("hostile.qb", "grep.qb", "good.qb",
                                 "crlf.qb", "bad-kinds.qb")
                     if os.path.exists(f)]
    for n in range(rounds):
        opts = rng.choice(OPTIONS)
        if rng.random() < 0.2:
            with open(pats, "w", encoding="utf-8") as f:
                for _ in range(rng.randrange(1, 4)):
                    f.write(alternation(rng, 0) + "\n")
            args = ["qb-grep"] + opts + ["-f", pats] + data
        else:
            args = ["qb-grep"] + opts + ["-e", alternation(rng, 0)] + data
        a = run(args, True)
        b = run(args, False)
        if a != b and not gave_up_less(a, b):
            print("differ: %r\nwith: %r\nwithout: %r" % (args, a, b))
            return 1
    print("ok %d" % rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
