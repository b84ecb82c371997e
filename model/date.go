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
	// Clues lists every piece of evidence dating weighed, each with the
	// window of days it allows and what became of it; nil when the date
	// came from one source alone (front matter, a statement's own words
	// without a window to show).
	Clues []DateClue
}

// DateClue is one piece of dating evidence: the words, the rule that read
// them, the days they allow, and whether the date used them.
type DateClue struct {
	Rule     string
	Evidence string
	// Span locates Evidence in the cleaned text; zero when it is not there.
	Span Span
	// Windows are the days the clue allows, oldest first: one window for a
	// bound or a term, several for candidates ("President-elect Trump":
	// late 2016 or late 2024).
	Windows []DateWindow
	// Use says what dating made of the clue (ClueUsed, ClueNoEffect, …).
	Use ClueUse
}

// DateWindow is an inclusive range of days; a zero From or To is an open
// end ("on or after", "before").
type DateWindow struct {
	From, To time.Time
}

// ClueUse says what dating made of a clue.
type ClueUse string

// What a clue can come to.
const (
	// ClueUsed: the clue narrowed the date.
	ClueUsed ClueUse = "used"
	// ClueNoEffect: the clue agrees with the date but other clues were
	// narrower.
	ClueNoEffect ClueUse = "no effect"
	// ClueHint: a weak clue that only chooses between windows, and chose
	// nothing or was not needed.
	ClueHint ClueUse = "hint"
	// ClueConflict: the clue contradicts other clues as strong as it; the
	// date was widened to hold every reading.
	ClueConflict ClueUse = "conflict"
	// ClueOverruled: the clue contradicts stronger clues and was left out.
	ClueOverruled ClueUse = "overruled"
	// ClueExplicit: the date the text (or its metadata) gives as its own.
	ClueExplicit ClueUse = "explicit"
)

// Label renders the window: "2024-11-06…2025-01-20", "from 2022-02-24",
// "until 2026-02-04", "2024-11-05", "any day".
func (w DateWindow) Label() string {
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	switch {
	case w.From.IsZero() && w.To.IsZero():
		return "any day"
	case w.From.IsZero():
		return "until " + day(w.To)
	case w.To.IsZero():
		return "from " + day(w.From)
	case w.From.Equal(w.To):
		return day(w.From)
	}
	return day(w.From) + "…" + day(w.To)
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
