#!/usr/bin/env python3
"""Drives qb-drill's session through a pseudo-terminal: records come down a
pipe, keys go in at the terminal, the screen is read back.  A test fails
when an expected screen does not appear within a few seconds.

Usage: python3 tests/pty/drill.py BINDIR   Prints "N passed, N failed"."""

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import unicodedata

BIN = os.path.abspath(sys.argv[1])
AT = "2026-12-01T09:00:00Z"
RECORDS = (
    "r1\tsql\tWhat does an index speed up?\tLookups by key.\n"
    "r2\t\tName one isolation level.\tRead committed.\n"
)
LONG = ("r3\tdesign\tWhy would a service put a queue between itself and a "
        "slow dependency that sometimes fails?\tTo absorb bursts and retry "
        "later without losing requests.\n")


class Session:
    def __init__(self, args, stdin, cols=80, env=None):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ,
                    struct.pack("HHHH", 24, cols, 0, 0))
        self.slave = slave

        def child():
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

        e = dict(os.environ, NO_COLOR="1", TERM="xterm", TZ="UTC")
        e.update(env or {})
        # stdin None: the terminal is standard input too.
        self.p = subprocess.Popen(
            [os.path.join(BIN, "qb-drill")] + args,
            stdin=slave if stdin is None else subprocess.PIPE,
            stdout=slave, stderr=slave, preexec_fn=child, env=e)
        if stdin is not None:
            self.p.stdin.write(stdin.encode())
            self.p.stdin.close()
        self.screen = ""

    def read(self, timeout=0.2):
        while True:
            r, _, _ = select.select([self.master], [], [], timeout)
            if not r:
                return
            try:
                data = os.read(self.master, 4096)
            except OSError:
                return
            if not data:
                return
            self.screen += data.decode("utf-8", "replace").replace("\r", "")

    def expect(self, text, timeout=5):
        end = time.time() + timeout
        while text not in self.screen:
            if time.time() > end:
                raise AssertionError("never saw %r in:\n%s" % (text, self.screen))
            self.read(0.1)
        # What follows the match is what the next expect looks at.
        self.screen = self.screen[self.screen.index(text) + len(text):]

    def press(self, keys):
        os.write(self.master, keys.encode())

    def wait(self):
        end = time.time() + 5
        while self.p.poll() is None and time.time() < end:
            self.read(0.05)
        self.read(0.05)
        return self.p.wait(1)

    def tty_restored(self):
        lflag = termios.tcgetattr(self.slave)[3]
        return bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)

    def close(self):
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()
        os.close(self.master)
        os.close(self.slave)


def width(line):
    w = 0
    for ch in line:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w


def log_lines(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return f.read().splitlines()


def test_full_session(tmp):
    log = os.path.join(tmp, "full")
    s = Session(["--log", log, "--at", AT], RECORDS)
    try:
        s.expect("Q: What does an index speed up?")
        s.expect("space: show the answer")
        s.press(" ")
        s.expect("A: Lookups by key.")
        s.expect("1 Again 1m   2 Hard 6m   3 Good 10m   4 Easy 8d")
        s.press("3")
        s.expect("Good: next in 10m")
        s.expect("Q: Name one isolation level.")
        s.press(" ")
        s.press("4")
        s.expect("Easy: next in 8d")
        # The learning card comes back in the same session.
        s.expect("Q: What does an index speed up?")
        s.press("\n")
        s.expect("A: Lookups by key.")
        s.press("3")
        s.expect("Good: next in ")
        s.expect("Done. 3 reviewed: 0 again, 0 hard, 2 good, 1 easy; 0 left.")
        assert s.wait() == 0, "exit status"
        assert s.tty_restored(), "terminal not restored"
        assert log_lines(log) == [
            "2026-12-01T09:00:00Z\tr1\t3", "2026-12-01T09:00:00Z\tr2\t4",
            "2026-12-01T09:00:00Z\tr1\t3"], log_lines(log)
    finally:
        s.close()


def test_quit_mid_session(tmp):
    log = os.path.join(tmp, "quit")
    s = Session(["--log", log, "--at", AT], RECORDS)
    try:
        s.expect("Q: What does an index speed up?")
        s.press(" ")
        s.expect("4 Easy 8d")
        s.press("1")
        s.expect("Again: next in 1m")
        s.expect("Q: Name one isolation level.")
        s.press(" ")
        s.expect("A: Read committed.")
        s.press("q")
        s.expect("Quit. 1 reviewed: 1 again, 0 hard, 0 good, 0 easy; 2 left.")
        assert s.wait() == 0, "exit status"
        assert s.tty_restored(), "terminal not restored"
        assert log_lines(log) == ["2026-12-01T09:00:00Z\tr1\t1"], log_lines(log)
    finally:
        s.close()


def test_interrupt(tmp):
    log = os.path.join(tmp, "int")
    s = Session(["--log", log, "--at", AT], RECORDS)
    try:
        s.expect("Q: What does an index speed up?")
        s.press(" 2")
        s.expect("Hard: next in 6m")
        s.expect("Q: Name one isolation level.")
        s.press("\x03")		# ^C: SIGINT from the terminal
        status = s.wait()
        assert status == -signal.SIGINT, "status %r" % status
        assert s.tty_restored(), "terminal not restored"
        assert log_lines(log) == ["2026-12-01T09:00:00Z\tr1\t2"], log_lines(log)
    finally:
        s.close()


def test_terminate(tmp):
    log = os.path.join(tmp, "term")
    s = Session(["--log", log, "--at", AT], RECORDS)
    try:
        s.expect("Q: What does an index speed up?")
        s.press(" ")
        s.expect("4 Easy 8d")
        s.p.send_signal(signal.SIGTERM)
        assert s.wait() == -signal.SIGTERM, "exit status"
        assert s.tty_restored(), "terminal not restored"
        assert log_lines(log) == [], log_lines(log)
    finally:
        s.close()


def test_bank_on_terminal(tmp):
    """With no FILE and the terminal as stdin, the bank is drilled."""
    log = os.path.join(tmp, "bank")
    s = Session(["--log", log, "--at", AT, "--new=1"], None,
                env={"QB_PATH": ""})
    try:
        s.expect("skill-01  [skill,architecture,api]  new")
        s.expect("Q: What is the difference between back-end")
        s.press(" ")
        s.expect("1 Again 1m")
        s.press("4")
        s.expect("Done. 1 reviewed: 0 again, 0 hard, 0 good, 1 easy; 0 left.")
        assert s.wait() == 0, "exit status"
        assert log_lines(log) == ["2026-12-01T09:00:00Z\tskill-01\t4"]
    finally:
        s.close()


def test_due_first(tmp):
    """A record due comes before new ones, with how overdue it is."""
    log = os.path.join(tmp, "due")
    with open(log, "w") as f:
        f.write("2026-11-01T09:00:00Z\tr2\t4\n")
    s = Session(["--log", log, "--at", AT], RECORDS)
    try:
        s.expect("due 0  learning 0  new 1")
        s.expect("r2  due, 22d overdue")
        s.expect("Q: Name one isolation level.")
        s.press(" ")
        s.expect("4 Easy ")
        s.press("3")
        s.expect("Q: What does an index speed up?")
        s.press("q")
        assert s.wait() == 0, "exit status"
        assert log_lines(log)[1] == "2026-12-01T09:00:00Z\tr2\t3"
    finally:
        s.close()


def test_narrow_window(tmp):
    log = os.path.join(tmp, "narrow")
    s = Session(["--log", log, "--at", AT], LONG, cols=24)
    try:
        s.read(0.5)
        shown = s.screen
        s.expect("space: show the answer")
        s.press(" ")
        s.read(0.5)
        shown += s.screen
        s.expect("q quit")
        s.press("q")
        s.wait()
    finally:
        s.close()
    assert "   put a queue between\n" in shown, shown
    assert "A: To absorb bursts and\n" in shown, shown
    # Every line of the question, answer and choices fits in 24 columns.
    for line in shown.split("\n"):
        assert width(line) <= 24, "too wide: %r" % line


def test_nothing_due(tmp):
    log = os.path.join(tmp, "none")
    s = Session(["--log", log, "--at", AT, "--new=0"], RECORDS)
    try:
        s.expect("Nothing to drill now")
        assert s.wait() == 1, "exit status"
        assert not os.path.exists(log)
    finally:
        s.close()


def test_colour(tmp):
    log = os.path.join(tmp, "colour")
    s = Session(["--log", log, "--at", AT], RECORDS, env={"NO_COLOR": ""})
    try:
        s.expect("\033[1m")
        s.press("q")
        s.wait()
    finally:
        s.close()


def main():
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, fn in sorted(globals().items()):
            if not name.startswith("test_"):
                continue
            try:
                fn(tmp)
                passed += 1
            except Exception as e:
                failed += 1
                print("FAIL: %s: %s" % (name, e))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
