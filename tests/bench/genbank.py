#!/usr/bin/env python3
"""Writes a synthetic question bank in canonical qb(5) form, the same bytes
for the same N and seed on every machine: python3 genbank.py N SEED.

Records average about 217 bytes, like the bank the benchmark targets were
measured on.  Questions hold plain words, some non-ASCII text and words
the benchmark's patterns look for; answers also hold \\n and \\t escapes.
Questions have no escapes, so grep on the raw question field and qb-grep
on the unescaped one must select the same records."""

import random
import sys

WORDS = """the a of to and in is for on with that by this be are from or as an
at it not how what why when which who use can data query server client
request response cache index table row column key value store stream queue
thread process lock memory disk network latency throughput service api http
error retry timeout log metric trace deploy build test release version
schema migration backup replica shard partition transaction commit rollback
design pattern interface module function method object class type value""".split()
ENDINGS = ["tion", "ment", "tions", "ments"]
STEMS = ["applica", "configura", "replica", "optimiza", "deploy", "manage",
         "require", "develop", "imple", "serializa", "normaliza", "isola"]
FOREIGN = ["café", "naïve", "résumé", "Größe", "façade", "中文", "日本語",
           "データ", "Ελληνικά", "😀"]
TAGS = ["sql", "databases", "api", "http", "security", "concurrency", "oop",
        "debugging", "performance", "career", "testing", "networking",
        "caching", "design", "cloud", "linux"]


def word(rng):
    r = rng.random()
    if r < 0.04:
        return rng.choice(STEMS) + rng.choice(ENDINGS)
    if r < 0.06:
        return rng.choice(FOREIGN)
    if r < 0.07:
        return rng.choice(["Index", "indexes", "cache", "Caching", "cached"])
    return rng.choice(WORDS)


def sentence(rng, lo, hi):
    words = [word(rng) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize()


def main():
    n = int(sys.argv[1])
    rng = random.Random(sys.argv[2] if len(sys.argv) > 2 else "qb")
    out = sys.stdout
    for i in range(n):
        tags = ",".join(rng.sample(TAGS, rng.randint(1, 3)))
        question = sentence(rng, 7, 17) + "?"
        answer = sentence(rng, 12, 24) + "."
        if rng.random() < 0.1:
            answer += "\\n" + sentence(rng, 3, 8) + "."
        if rng.random() < 0.05:
            answer += "\\tSee also: " + word(rng) + "."
        out.write(f"b-{i:07d}\t{tags}\t{question}\t{answer}\n")


if __name__ == "__main__":
    main()
