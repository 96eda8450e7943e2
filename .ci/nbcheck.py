#!/usr/bin/env python3
"""Checks notebooks executed by nbconvert: fails on any error output, and
prints the time from the first code cell to the first chart.

    python3 .ci/nbcheck.py EXECUTED.ipynb...

An error output, or a stderr stream saying "exit status", "panic:", "[ERROR]",
"cannot" or "undefined:" (GoNB reports a failing cell program only on stderr,
and nbconvert then exits 0), fails the check and is printed with its cell.
The times come from the cell timings nbclient records (metadata.execution):
from the first code cell's start to the end of the first cell that shows a
PNG or SVG image.
"""
import json
import re
import sys
from datetime import datetime

BAD = re.compile(r"exit status|panic:|\[ERROR\]|cannot|undefined:")


def text(v):
    return "".join(v) if isinstance(v, list) else (v or "")


def when(cell, key):
    t = cell.get("metadata", {}).get("execution", {}).get(key)
    return datetime.fromisoformat(t.replace("Z", "+00:00")) if t else None


def check(path):
    nb = json.load(open(path))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    bad = []
    for i, c in enumerate(code):
        for o in c.get("outputs", []):
            if o["output_type"] == "error":
                bad.append((i, "%s: %s" % (o.get("ename"), o.get("evalue"))))
            elif o.get("name") == "stderr" and BAD.search(text(o.get("text"))):
                bad.append((i, text(o.get("text"))))
    for i, msg in bad:
        shown = [text(o.get("text") or o.get("data", {}).get("text/markdown") or o.get("data", {}).get("text/plain"))
                 for o in code[i].get("outputs", [])]
        print("FAIL %s: code cell %d:\n--- cell:\n%s\n--- output:\n%s\n--- all its outputs:\n%s" % (
            path, i + 1, text(code[i]["source"]), msg, "\n".join(s for s in shown if s)))
    start = when(code[0], "iopub.execute_input") if code else None
    first = None
    for i, c in enumerate(code):
        if any(o.get("data", {}).get("image/png") or o.get("data", {}).get("image/svg+xml") for o in c.get("outputs", [])):
            first = (i, when(c, "shell.execute_reply"))
            break
    if start is None:
        chart = "no cell timings recorded"
    elif first is None:
        chart = "no chart"
    elif first[1] is None:
        chart = "chart in code cell %d, no timing" % (first[0] + 1)
    else:
        chart = "first chart %.1f s after the first cell started (code cell %d)" % ((first[1] - start).total_seconds(), first[0] + 1)
    if not bad:
        print("ok   %s: %s" % (path, chart))
    return not bad


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    results = [check(p) for p in sys.argv[1:]]
    sys.exit(0 if all(results) else 1)
