package report

import (
	"math"
	"strconv"
	"strings"
)

// thousands formats an integer with comma separators: 502063 → "502,063".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// number formats a count: whole numbers with separators, others with one
// decimal.
func number(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return thousands(int(v))
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// Thousands formats n with thousands separators, as the report does.
func Thousands(n int) string { return thousands(n) }
