#!/usr/bin/env python3
# Reads a file as Anki's text importer does (rslib/src/import_export/text/
# csv): "#key:value" header lines at the top; then CSV with the chosen
# separator, in which an unquoted line starting with "#" is a comment and
# an empty line is skipped.  Prints the notes as qb's JSON Lines; with
# EXPECTED.jsonl, prints the counts and whether the notes are those records.
import csv
import io
import json
import sys

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|",
              "space": " "}


class Lines:
    """Physical lines for csv.reader, dropping comments at a record start."""

    def __init__(self, lines):
        self.lines = iter(lines)
        self.at_start = True

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            line = next(self.lines)
            if self.at_start and line.startswith("#"):
                continue
            self.at_start = False
            return line


def physical_lines(text):
    """Lines ended by CR, LF or CRLF, as the csv crate has them (not by
    U+2028, which str.splitlines() would split at)."""
    return list(io.StringIO(text, newline=""))


def read(text):
    meta = {}
    for line in physical_lines(text):
        line = line.rstrip("\r\n")
        if not line.startswith("#"):
            break
        key, colon, value = line[1:].partition(":")
        if colon:
            meta[key.strip()] = value.strip()
    sep = meta.get("separator", "tab")
    sep = SEPARATORS.get(sep, sep)
    tags = int(meta.get("tags column", 0))
    guid = int(meta.get("guid column", 0))
    lines = Lines(physical_lines(text))
    notes = []
    for row in csv.reader(lines, delimiter=sep):
        lines.at_start = True
        if not row:
            continue
        notes.append({
            "id": row[guid - 1] if guid and guid <= len(row) else "",
            "tags": row[tags - 1].split() if tags and tags <= len(row) else [],
            "question": row[0],
            "answer": row[1] if len(row) > 1 else "",
        })
    return meta, notes


meta, notes = read(sys.stdin.read())
if len(sys.argv) > 1:
    with open(sys.argv[1], encoding="utf-8") as f:
        want = [json.loads(line) for line in f]
    print(len(want), "records,", len(notes), "notes,",
          "guid column", meta.get("guid column", "none") + ",",
          "same" if notes == want else "differ")
else:
    for n in notes:
        print(json.dumps(n, ensure_ascii=False, separators=(",", ":")))
