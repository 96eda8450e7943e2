package frame

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"example.com/engagement/engagement/metrics"
)

// Included keeps the contributions of the participants counted in the
// numbers (not facilitators, bots or others left out).
func Included(df dataframe.DataFrame) dataframe.DataFrame {
	return keep(df, ColIncluded, func(e series.Element) bool { return e.String() == "true" })
}

// InContent keeps the contributions in content namespaces.
func InContent(df dataframe.DataFrame) dataframe.DataFrame {
	return keep(df, ColContent, func(e series.Element) bool { return e.String() == "true" })
}

// keep returns the rows of df whose column col satisfies ok; a missing
// column gives a frame whose Err names it.
func keep(df dataframe.DataFrame, col string, ok func(series.Element) bool) dataframe.DataFrame {
	if df.Err != nil {
		return df
	}
	if !slices.Contains(df.Names(), col) {
		return dataframe.DataFrame{Err: fmt.Errorf("the frame has no %q column (it has %s)", col, strings.Join(df.Names(), ", "))}
	}
	return df.Filter(dataframe.F{Colname: col, Comparator: series.CompFunc, Comparando: ok})
}

// OnWiki keeps the rows on the given wikis ("en.wikipedia.org").
func OnWiki(df dataframe.DataFrame, wikis ...string) dataframe.DataFrame {
	return keep(df, ColWiki, func(e series.Element) bool { return slices.Contains(wikis, e.String()) })
}

// InNamespace keeps the rows in the given namespaces (0 = articles).
func InNamespace(df dataframe.DataFrame, ns ...int) dataframe.DataFrame {
	return keep(df, ColNS, func(e series.Element) bool {
		n, err := e.Int()
		return err == nil && slices.Contains(ns, n)
	})
}

// InSegment keeps the rows of the given segments (new, experienced,
// excluded; "all" rows of the metrics and monthly frames too).
func InSegment(df dataframe.DataFrame, segs ...metrics.Segment) dataframe.DataFrame {
	return keep(df, ColSegment, func(e series.Element) bool { return slices.Contains(segs, metrics.Segment(e.String())) })
}

// InPeriod keeps the contributions made before, during or after the event.
func InPeriod(df dataframe.DataFrame, periods ...metrics.Period) dataframe.DataFrame {
	return keep(df, ColPeriod, func(e series.Element) bool { return slices.Contains(periods, metrics.Period(e.String())) })
}

// Between keeps the contributions from from (inclusive) to to (exclusive).
func Between(df dataframe.DataFrame, from, to time.Time) dataframe.DataFrame {
	lo, hi := from.UTC().Format(time.RFC3339), to.UTC().Format(time.RFC3339)
	return keep(df, ColTimestamp, func(e series.Element) bool { s := e.String(); return s >= lo && s < hi })
}

// WithMetric keeps the rows of a metrics frame for the given metrics
// (e.g. metrics.RetentionMetric(7), metrics.MetricSurvivingNewEditors),
// in the order given.
func WithMetric(df dataframe.DataFrame, names ...string) dataframe.DataFrame {
	kept := keep(df, ColMetric, func(e series.Element) bool { return slices.Contains(names, e.String()) })
	if kept.Err != nil {
		return kept
	}
	order, row := make([]int, kept.Nrow()), make([]int, kept.Nrow())
	metric := kept.Col(ColMetric).Records()
	for i := range order {
		order[i], row[i] = slices.Index(names, metric[i]), i
	}
	return kept.Mutate(series.New(order, series.Int, "_order")).Mutate(series.New(row, series.Int, "_row")).
		Arrange(dataframe.Sort("_order"), dataframe.Sort("_row")).Drop([]string{"_order", "_row"})
}

// Head keeps the first n rows (all when there are fewer).
func Head(df dataframe.DataFrame, n int) dataframe.DataFrame {
	if df.Err != nil || df.Nrow() <= n {
		return df
	}
	rows := make([]int, max(n, 0))
	for i := range rows {
		rows[i] = i
	}
	return df.Subset(rows)
}

// Created keeps the revisions that created their page.
func Created(df dataframe.DataFrame) dataframe.DataFrame {
	return keep(df, ColCreated, func(e series.Element) bool { return e.String() == "true" })
}
