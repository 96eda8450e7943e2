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
//     every aggregate), in this order of precedence: facilitator, invalid
//     username, account not found, bot, data incomplete. A participant whose
//     account lookup did not answer is data incomplete, never not found.
//   - Shares carry numerator, denominator and a 95% Wilson score interval.
//     A share that cannot be observed yet, or whose segment is empty, is
//     empty with a note: never 0.
//
// Each metric name constant documents its definition and source.
//
// # Parameters
//
// Every parameter is a field of Params, passed by value: the new-editor
// look-back, the long-term threshold, the retention windows, the number of
// active windows and the active-editor threshold. Start from DefaultParams
// and change fields; Compute refuses, with an error naming the field, what
// it cannot compute with.
//
// # Extending
//
// Compute runs in passes: segmenting (segment.go), selecting the
// contributions and sorting each participant's in time order (pass.go,
// sort.go), one pass over each participant's contributions, on two halves
// of the participants at once (pass.go), then one function per metric
// family (rows.go, months.go, breakdown.go). ComputeTable reads the
// contributions held by column in a Table (table.go), the form a large
// event is read in; Compute takes a slice. A new family of rows is a method on pass that
// reads the per-participant results, indexed like pass.sums.
//
// # Dependencies
//
// metrics imports the standard library only. The huge-page advice for a
// large table's columns belongs to whoever allocates them: NewTableAlloc
// takes their memory from the caller (dataset, reading contributions.csv,
// advises it with internal/hugealloc), and a re-analysis reserves its
// whole heap in huge pages before reading (examples/workshop), which
// covers the memory Compute takes while it runs.
package metrics
