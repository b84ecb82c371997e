package model

import (
	"fmt"
	"time"
)

// Precision says how much of a Date the text settled.
type Precision string

// The precisions a Date can have, finest first.
const (
	PrecisionDay     Precision = "day"
	PrecisionMonth   Precision = "month"
	PrecisionYear    Precision = "year"
	PrecisionRange   Precision = "range"
	PrecisionUnknown Precision = "unknown"
)

// Date is a date as far as the text settles it: a best single estimate
// (Value, for sorting), the earliest and latest days it can be, how precise
// it is, and the words and rule that set it.
//
// All times are midnight UTC. For PrecisionUnknown all three are zero.
type Date struct {
	Value     time.Time
	Earliest  time.Time
	Latest    time.Time
	Precision Precision
	// Evidence is the text that set the date, as written.
	Evidence string
	// EvidenceSpan locates Evidence in the cleaned document text; it is the
	// zero Span when the evidence is not in the text (front matter, URL).
	EvidenceSpan Span
	// Rule names the rule that set the date ("dateline+caption-year").
	Rule string
}

// Day returns midnight UTC of the given calendar day.
func Day(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// Known reports whether the date is set at all.
func (d Date) Known() bool {
	return d.Precision != "" && d.Precision != PrecisionUnknown && !d.Value.IsZero()
}

// DayDate is a day-precise Date.
func DayDate(t time.Time, evidence, rule string, span Span) Date {
	t = Day(t.Year(), t.Month(), t.Day())
	return Date{Value: t, Earliest: t, Latest: t, Precision: PrecisionDay, Evidence: evidence, EvidenceSpan: span, Rule: rule}
}

// MonthDate is a month-precise Date; its value is the middle of the month.
func MonthDate(year int, month time.Month, evidence, rule string, span Span) Date {
	first := Day(year, month, 1)
	last := first.AddDate(0, 1, -1)
	return Date{Value: Day(year, month, 15), Earliest: first, Latest: last, Precision: PrecisionMonth, Evidence: evidence, EvidenceSpan: span, Rule: rule}
}

// YearDate is a year-precise Date; its value is 1 July.
func YearDate(year int, evidence, rule string, span Span) Date {
	return Date{Value: Day(year, time.July, 1), Earliest: Day(year, time.January, 1), Latest: Day(year, time.December, 31), Precision: PrecisionYear, Evidence: evidence, EvidenceSpan: span, Rule: rule}
}

// RangeDate is a Date known only to lie between two days; its value is the
// midpoint. A range of one day is a day-precise date.
func RangeDate(earliest, latest time.Time, evidence, rule string, span Span) Date {
	if latest.Before(earliest) {
		earliest, latest = latest, earliest
	}
	if earliest.Equal(latest) {
		return DayDate(earliest, evidence, rule, span)
	}
	days := int(latest.Sub(earliest).Hours() / 24)
	return Date{Value: earliest.AddDate(0, 0, days/2), Earliest: earliest, Latest: latest, Precision: PrecisionRange, Evidence: evidence, EvidenceSpan: span, Rule: rule}
}

// Label renders the date for people: "2024-11-06", "~November 2024",
// "~2024", "between 2024-11-07 and 2024-11-30", "date unknown".
func (d Date) Label() string {
	if !d.Known() {
		return "date unknown"
	}
	switch d.Precision {
	case PrecisionDay:
		return d.Value.Format("2006-01-02")
	case PrecisionMonth:
		return "~" + d.Value.Format("January 2006")
	case PrecisionYear:
		return fmt.Sprintf("~%d", d.Value.Year())
	default:
		return "between " + d.Earliest.Format("2006-01-02") + " and " + d.Latest.Format("2006-01-02")
	}
}

// Short renders the date in at most ten columns for a timeline row:
// "2024-11-06", "2024-11~", "2024~", "~2024-08-14".
func (d Date) Short() string {
	if !d.Known() {
		return "????-??-??"
	}
	switch d.Precision {
	case PrecisionDay:
		return d.Value.Format("2006-01-02")
	case PrecisionMonth:
		return d.Value.Format("2006-01") + "~"
	case PrecisionYear:
		return d.Value.Format("2006") + "~"
	default:
		return "~" + d.Value.Format("2006-01-02")
	}
}
