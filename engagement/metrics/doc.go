// Package metrics computes every engagement metric of an event from one set
// of typed records: the event window, the participants, their account facts
// and their live contributions, observed up to an explicit as-of instant.
//
// Nothing here reads the clock or the network: Compute is a pure function, so
// the same inputs always give the same numbers, and a run can be re-analysed
// from its CSV files with other parameters.
//
// # Definitions
//
// The definitions follow the project's metrics.md, which cites its sources:
//
//   - Event window: start and end inclusive. During = start <= t <= end;
//     after = end < t <= as-of.
//   - Segments: "new" = registered in [start - lookback, end] (Event Metrics,
//     lookback 14 days by default; accounts registered after the end are new
//     too); "experienced" = registered earlier, or with no registration date
//     (very old accounts); "all" = both. "long_term" flags participants with
//     at least 500 live edits before start on the scope wikis (the Programs &
//     Events Dashboard's rule); they stay in "experienced".
//   - Exclusions (kept in the participant table with a reason, left out of
//     every aggregate): facilitator, invalid username, account not found, bot.
//   - Shares carry numerator, denominator and a 95% Wilson score interval.
//     A share that cannot be observed yet, or whose segment is empty, is
//     empty with a note: never 0.
//
// Each metric name constant documents its definition and source.
package metrics
