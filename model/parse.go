package model

import (
	"fmt"
	"strings"
	"time"
)

// ParseDay reads a day for --from/--to: YYYY-MM-DD, YYYY-MM (the first
// day of the month, or with end set its last day) or YYYY (likewise).
func ParseDay(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			case "2006":
				t = t.AddDate(1, 0, -1)
			}
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("bad date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// ParseAffiliation reads an affiliation name, case-insensitively; "us",
// "usa" and "russian" are accepted too.
func ParseAffiliation(s string) (Affiliation, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "russia", "russian", "ru":
		return Russia, nil
	case "united states", "us", "usa", "u.s.", "american":
		return UnitedStates, nil
	case "ukraine", "ukrainian", "ua":
		return Ukraine, nil
	case "other":
		return Other, nil
	case "unknown":
		return NoAffil, nil
	}
	return "", fmt.Errorf("unknown affiliation %q (want russia, us, ukraine, other or unknown)", s)
}
