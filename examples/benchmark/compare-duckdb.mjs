// Headline metrics of a generated event with DuckDB, through its Node.js
// package, for the README's comparison table (compare.py does the same with
// pandas, and with DuckDB's Python package where pip is reachable). Not a
// test: it needs `npm install @duckdb/node-api` in a folder given as
// NODE_PATH, or beside this file.
//
//	NODE_PATH=/tmp/duck/node_modules /usr/bin/time -f "%e s %M KB" node examples/benchmark/compare-duckdb.mjs /tmp/pareto
//
// It computes what compare.py computes: participants by segment, edits
// during the event, and 7-day retention of each segment.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const LOOKBACK_DAYS = 14;
const folder = process.argv[2] ?? "/tmp/engagement-bench-pareto-10000-1000000";
const require = createRequire(join(process.env.NODE_PATH ?? import.meta.dirname, "x.js"));
const { DuckDBInstance } = require("@duckdb/node-api");

const course = JSON.parse(readFileSync(join(folder, "course", "course.json"), "utf8")).course;
const asof = readFileSync(join(folder, "asof.txt"), "utf8").trim();
const t0 = performance.now();
const db = await DuckDBInstance.create(":memory:");
const con = await db.connect();
const csv = (f) => `read_csv_auto('${join(folder, f)}')`;
const segments = await con.runAndReadAll(`
  with acc as (select username, case when registration >= timestamp '${course.start}' - interval ${LOOKBACK_DAYS} day
               then 'new' else 'experienced' end as segment
               from ${csv("accounts.csv")} where not bot),
       con as (select username, timestamp from ${csv("contributions.csv")} where timestamp <= timestamp '${asof}'),
       later as (select distinct username from con where timestamp >= timestamp '${course.end}' + interval 7 day)
  select segment, count(*) as participants, avg(case when l.username is null then 0 else 1 end) as retention_7d
  from acc left join later l using (username) group by segment order by segment`);
const during = await con.runAndReadAll(`select count(*) from ${csv("contributions.csv")}
  where timestamp between timestamp '${course.start}' and timestamp '${course.end}'`);
const wall = (performance.now() - t0) / 1000;
console.log(`duckdb: ${wall.toFixed(2)} s: edits_during ${during.getRows()[0][0]}, segments ${JSON.stringify(segments.getRows(), (k, v) => (typeof v === "bigint" ? Number(v) : v))}`);
