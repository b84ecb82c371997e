package model

import (
	"fmt"
	"strings"
	"time"
)

// Period is a US administration.
type Period string

// The periods, in order.
const (
	PeriodTrump1  Period = "trump-1" // until 2021-01-20
	PeriodBiden   Period = "biden"   // 2021-01-20 … 2025-01-19
	PeriodTrump2  Period = "trump-2" // from 2025-01-20
	PeriodUnknown Period = "unknown" // no date
)

// Periods lists the dated periods in order.
var Periods = []Period{PeriodTrump1, PeriodBiden, PeriodTrump2}

// Reference days that bound the periods and the default comparison split.
var (
	Inauguration2021 = Day(2021, time.January, 20)
	Inauguration2025 = Day(2025, time.January, 20)
	Election2024     = Day(2024, time.November, 5)
	// DefaultSplit is the first day of the comparison's Trump side: the day
	// after the 2024 election, when Kremlin wording turned to the president-elect.
	DefaultSplit = Day(2024, time.November, 6)
)

// PeriodOf returns the administration in office on the date's best estimate.
func PeriodOf(d Date) Period {
	if !d.Known() {
		return PeriodUnknown
	}
	switch {
	case d.Value.Before(Inauguration2021):
		return PeriodTrump1
	case d.Value.Before(Inauguration2025):
		return PeriodBiden
	default:
		return PeriodTrump2
	}
}

// Label names the period for people.
func (p Period) Label() string {
	switch p {
	case PeriodTrump1:
		return "Trump (first term)"
	case PeriodBiden:
		return "Biden"
	case PeriodTrump2:
		return "Trump (second term)"
	}
	return "undated"
}

// ParsePeriod reads a period name ("biden", "trump-1", "trump-2",
// "unknown"; "trump1" and "trump2" too).
func ParsePeriod(s string) (Period, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "trump-1", "trump1":
		return PeriodTrump1, nil
	case "biden":
		return PeriodBiden, nil
	case "trump-2", "trump2":
		return PeriodTrump2, nil
	case "unknown":
		return PeriodUnknown, nil
	}
	return "", fmt.Errorf("unknown period %q (want biden, trump-1, trump-2 or unknown)", s)
}

// Side is where a statement falls in the Biden/Trump comparison.
type Side string

// The comparison sides.
const (
	SideBiden   Side = "biden"
	SideTrump   Side = "trump"
	SideOutside Side = "outside"
)

// Split is the first day of the comparison's Trump side. Statements from
// 2021-01-20 up to the day before it are on the Biden side; earlier ones
// and undated ones are outside.
type Split time.Time

// ParseSplit reads "election" (2024-11-06, the default), "inauguration"
// (2025-01-20) or a date YYYY-MM-DD.
func ParseSplit(s string) (Split, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "election":
		return Split(DefaultSplit), nil
	case "inauguration":
		return Split(Inauguration2025), nil
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return Split{}, fmt.Errorf("bad split %q: want election, inauguration or YYYY-MM-DD", s)
	}
	if !t.After(Inauguration2021) {
		return Split{}, fmt.Errorf("bad split %q: must be after 2021-01-20", s)
	}
	return Split(t), nil
}

// Time returns the split day.
func (s Split) Time() time.Time {
	if time.Time(s).IsZero() {
		return DefaultSplit
	}
	return time.Time(s)
}

// String renders the split as YYYY-MM-DD.
func (s Split) String() string { return s.Time().Format("2006-01-02") }

// SideOf returns the comparison side of a date under the split.
func (s Split) SideOf(d Date) Side {
	if !d.Known() || d.Value.Before(Inauguration2021) {
		return SideOutside
	}
	if d.Value.Before(s.Time()) {
		return SideBiden
	}
	return SideTrump
}
