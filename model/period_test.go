package model

import (
	"testing"
	"time"
)

func TestPeriodOf(t *testing.T) {
	cases := []struct {
		d    Date
		want Period
	}{
		{DayDate(Day(2021, 1, 19), "", "", Span{}), PeriodTrump1},
		{DayDate(Day(2021, 1, 20), "", "", Span{}), PeriodBiden},
		{DayDate(Day(2025, 1, 19), "", "", Span{}), PeriodBiden},
		{DayDate(Day(2025, 1, 20), "", "", Span{}), PeriodTrump2},
		{Date{Precision: PrecisionUnknown}, PeriodUnknown},
		{Date{}, PeriodUnknown},
	}
	for _, tc := range cases {
		if got := PeriodOf(tc.d); got != tc.want {
			t.Errorf("PeriodOf(%s) = %s, want %s", tc.d.Label(), got, tc.want)
		}
	}
}

func TestSplit(t *testing.T) {
	def, err := ParseSplit("election")
	if err != nil || !def.Time().Equal(Day(2024, 11, 6)) {
		t.Fatalf("election split = %v, %v", def, err)
	}
	inaug, _ := ParseSplit("inauguration")
	custom, _ := ParseSplit("2024-06-01")
	if _, err := ParseSplit("2019-01-01"); err == nil {
		t.Error("a split before the Biden period is accepted")
	}
	if _, err := ParseSplit("soon"); err == nil {
		t.Error("a bad split is accepted")
	}
	d := func(y int, m time.Month, dd int) Date { return DayDate(Day(y, m, dd), "", "", Span{}) }
	cases := []struct {
		s    Split
		d    Date
		want Side
	}{
		{def, d(2024, 11, 5), SideBiden},
		{def, d(2024, 11, 6), SideTrump},
		{def, d(2020, 12, 1), SideOutside},
		{def, Date{}, SideOutside},
		{inaug, d(2024, 12, 1), SideBiden},
		{inaug, d(2025, 1, 20), SideTrump},
		{custom, d(2024, 6, 1), SideTrump},
		{Split{}, d(2024, 11, 6), SideTrump}, // zero split is the default
	}
	for _, tc := range cases {
		if got := tc.s.SideOf(tc.d); got != tc.want {
			t.Errorf("split %s, %s: side %s, want %s", tc.s, tc.d.Label(), got, tc.want)
		}
	}
}

func TestDateConstructorsAndLabels(t *testing.T) {
	m := MonthDate(2024, time.June, "last June", "r", Span{})
	if m.Label() != "~June 2024" || !m.Earliest.Equal(Day(2024, 6, 1)) || !m.Latest.Equal(Day(2024, 6, 30)) {
		t.Errorf("month date: %s %v %v", m.Label(), m.Earliest, m.Latest)
	}
	r := RangeDate(Day(2024, 11, 30), Day(2024, 11, 7), "", "", Span{})
	if r.Label() != "between 2024-11-07 and 2024-11-30" || r.Value.Before(r.Earliest) || r.Value.After(r.Latest) {
		t.Errorf("range date: %s value %v", r.Label(), r.Value)
	}
	if one := RangeDate(Day(2024, 1, 2), Day(2024, 1, 2), "", "", Span{}); one.Precision != PrecisionDay {
		t.Errorf("a one-day range has precision %s", one.Precision)
	}
	if (Date{}).Label() != "date unknown" || (Date{}).Known() {
		t.Error("zero date is not unknown")
	}
	if y := YearDate(2014, "", "", Span{}); y.Short() != "2014~" {
		t.Errorf("year short = %q", y.Short())
	}
}

func TestParseDay(t *testing.T) {
	if d, _ := ParseDay("2024-02", true); !d.Equal(Day(2024, 2, 29)) {
		t.Errorf("end of 2024-02 = %v", d)
	}
	if d, _ := ParseDay("2024", false); !d.Equal(Day(2024, 1, 1)) {
		t.Errorf("start of 2024 = %v", d)
	}
	if _, err := ParseDay("24/11/2024", false); err == nil {
		t.Error("bad day accepted")
	}
}
