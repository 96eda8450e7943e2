#!/usr/bin/env python3
"""Headline metrics of a generated event with pandas and DuckDB, for the
README's comparison table. Not a test: it needs the libraries installed
(Debian: python3-pandas; DuckDB: pip install duckdb) and skips those absent.

    python3 examples/benchmark/compare.py /tmp/engagement-bench-pareto-10000-1000000

It computes what both peers are usually asked for: participants by segment,
edits during the event, and 7-day retention of each segment, and prints wall
time and peak memory (ru_maxrss of the process after each engine).
"""
import json
import resource
import sys
import time
from pathlib import Path

LOOKBACK_DAYS = 14


def event(folder):
    c = json.loads((folder / "course" / "course.json").read_text())["course"]
    return c["start"], c["end"], (folder / "asof.txt").read_text().strip()


def with_pandas(folder):
    import pandas as pd
    start, end, asof = (pd.Timestamp(x) for x in event(folder))
    acc = pd.read_csv(folder / "accounts.csv", parse_dates=["registration"])
    con = pd.read_csv(folder / "contributions.csv", usecols=["username", "timestamp"], parse_dates=["timestamp"])
    acc = acc[~acc["bot"]]
    acc["segment"] = (acc["registration"] >= start - pd.Timedelta(days=LOOKBACK_DAYS)).map({True: "new", False: "experienced"})
    con = con[con["timestamp"] <= asof]
    during = con[(con["timestamp"] >= start) & (con["timestamp"] <= end)]
    later = set(con.loc[con["timestamp"] >= end + pd.Timedelta(days=7), "username"])
    out = {"edits_during": len(during)}
    for seg, g in acc.groupby("segment"):
        out[f"participants/{seg}"] = len(g)
        out[f"retention_7d/{seg}"] = g["username"].isin(later).mean()
    return out


def with_duckdb(folder):
    import duckdb
    start, end, asof = event(folder)
    q = f"""
    with acc as (select username, case when registration >= timestamp '{start}' - interval {LOOKBACK_DAYS} day
                 then 'new' else 'experienced' end as segment
                 from read_csv_auto('{folder}/accounts.csv') where not bot),
         con as (select username, timestamp from read_csv_auto('{folder}/contributions.csv') where timestamp <= timestamp '{asof}'),
         later as (select distinct username from con where timestamp >= timestamp '{end}' + interval 7 day)
    select segment, count(*) as participants, avg(case when l.username is null then 0 else 1 end) as retention_7d
    from acc left join later l using (username) group by segment order by segment"""
    rows = duckdb.sql(q).fetchall()
    during = duckdb.sql(f"select count(*) from read_csv_auto('{folder}/contributions.csv') "
                        f"where timestamp between timestamp '{start}' and timestamp '{end}'").fetchone()[0]
    out = {"edits_during": during}
    for seg, n, r in rows:
        out[f"participants/{seg}"], out[f"retention_7d/{seg}"] = n, r
    return out


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/engagement-bench-pareto-10000-1000000")
    for name, f in (("pandas", with_pandas), ("duckdb", with_duckdb)):
        try:
            t = time.perf_counter()
            out = f(folder)
            wall = time.perf_counter() - t
        except ImportError as e:
            print(f"{name}: skipped ({e})")
            continue
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{name}: {wall:.2f} s, peak RSS so far {rss:.0f} MB: {out}")


if __name__ == "__main__":
    main()
