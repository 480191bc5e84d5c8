#!/usr/bin/env python3
"""Time how long a terminal program takes to draw a screen, watching its terminal directly.

Like ../shared/tools/tmux_paint.py, but without tmux and without polling: the program runs
on a pseudo-terminal of WIDTHxHEIGHT whose output this script reads as it comes, and the
"first paint" is the moment the output so far (escape sequences removed) matches --ready.
Each run: fork a pty, exec the command (TERM=xterm-256color), read until the match, send the
--quit keys, wait for the exit.  The time runs from just before the fork, so it includes
starting a process (measure `echo READY` for that floor).  Output, one JSON object:
  {"runs": [...ms...], "median_ms": x}

With --key KEY and --key-ready, KEY is sent as soon as the first screen is there, and the
time runs from launch to the screen after it.
With --anchor CMD (and --anchor-ready, --anchor-quit), each run of the command follows a run
of the anchor, so that both see the same stretch of a noisy machine; the object then adds
"anchor_runs", "anchor_median_ms" and "ratio_median" (the median of each pair's ratio).
"""

import argparse
import fcntl
import json
import os
import pty
import re
import select
import shlex
import signal
import statistics
import struct
import sys
import termios
import time

ESCAPES = re.compile(rb"\x1b\[[0-9;?>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78cM]|[\x0e\x0f]")


def run_once(command, ready, width, height, quit_keys, timeout, key=None, key_ready=None):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    deadline = t0 + timeout

    def wait_for(pattern, what):
        """Reads until the output (escapes removed) matches; returns ms since launch."""
        output = b""
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(ESCAPES.sub(b"", output)[-2000:].decode("utf-8", "replace"))
            if not select.select([fd], [], [], left)[0]:
                continue
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                raise RuntimeError("exited before %s:\n" % what + ESCAPES.sub(b"", output).decode("utf-8", "replace"))
            now = time.perf_counter()
            output = (output + chunk)[-(1 << 20):]
            if pattern.search(ESCAPES.sub(b"", output).decode("utf-8", "replace")):
                return now - t0

    try:
        painted = wait_for(ready, "drawing")
        if key is not None:
            # The key at once, then the time from launch until the screen after it.
            os.write(fd, key.encode().decode("unicode_escape").encode())
            painted = wait_for(key_ready, "the key's screen")
        time.sleep(0.05)  # let it settle, then quit
        for quit_key in quit_keys:
            try:
                os.write(fd, quit_key.encode().decode("unicode_escape").encode())
            except OSError:
                break  # it has ended by itself
            time.sleep(0.02)
        end = time.perf_counter() + 30
        while time.perf_counter() < end:
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    if not os.read(fd, 1 << 16):
                        break
                except OSError:
                    break
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                pid = 0
                break
    finally:
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass
        os.close(fd)
    return painted * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--width", type=int, default=120)
    parser.add_argument("--height", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ready", required=True, help="regex: the first screen is drawn")
    parser.add_argument("--quit", default="q", help="space-separated keys that quit (\\n for Enter)")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--key", help="a key sent at the first screen: the time is then to --key-ready")
    parser.add_argument("--key-ready", help="regex: the screen after --key is drawn")
    parser.add_argument("--anchor", help="a command (one shell-quoted string) run before each run")
    parser.add_argument("--anchor-ready", help="regex: the anchor's first screen is drawn")
    parser.add_argument("--anchor-quit", default="q", help="keys that quit the anchor")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    ready = re.compile(args.ready, re.M)
    if bool(args.key) != bool(args.key_ready):
        parser.error("--key and --key-ready go together")
    key_ready = re.compile(args.key_ready, re.M) if args.key else None
    if args.anchor and not args.anchor_ready:
        parser.error("--anchor needs --anchor-ready")
    anchor = shlex.split(args.anchor) if args.anchor else None
    anchor_ready = re.compile(args.anchor_ready, re.M) if anchor else None
    runs, anchor_runs = [], []
    try:
        for _ in range(args.runs):
            if anchor:
                anchor_runs.append(round(run_once(
                    anchor, anchor_ready, args.width, args.height, args.anchor_quit.split(), args.timeout), 2))
            runs.append(round(run_once(
                command, ready, args.width, args.height, args.quit.split(), args.timeout, args.key, key_ready), 2))
    except (TimeoutError, RuntimeError) as error:
        print("pty_paint: %s" % error, file=sys.stderr)
        return 1
    result = {"runs": runs, "median_ms": round(statistics.median(runs), 2)}
    if anchor:
        result["anchor_runs"] = anchor_runs
        result["anchor_median_ms"] = round(statistics.median(anchor_runs), 2)
        result["ratio_median"] = round(statistics.median(r / a for r, a in zip(runs, anchor_runs)), 3)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
