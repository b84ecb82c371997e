package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// Status implements view: the status line says what is filtered, how
// many statements are shown of how many, the marks, the search, and the
// problems met while loading. The views that have no status line of their
// own show this one.
func (t *timeline) Status() string {
	x := t.ctx
	th := x.th
	w := x.width
	var left string
	if x.filter.IsZero() {
		left = "all statements"
	} else {
		left = x.filter.String()
	}
	if x.flash != "" {
		left = x.flash
	} else if q := t.sr.query; q != "" {
		only := pick(t.sr.only, " · only matches", "")
		switch {
		case t.sr.pending:
			left += " · /" + q + only
		case t.sr.found == 0:
			left += " · /" + q + ": no match" + only
		default:
			// which match the selection is on: "3/20", as less says it
			at := "–"
			if i := t.matchIndex(); i >= 0 {
				at = fmt.Sprint(i + 1)
			}
			left += fmt.Sprintf(" · /%s: %s/%d%s", q, at, t.sr.found, only)
		}
	}
	right := []string{fmt.Sprintf("%d of %d statements", len(t.lay.view), len(x.c.Statements))}
	if t.pending {
		right[0] = "filtering… " + right[0]
	}
	if n := len(x.marks); n > 0 {
		right = append(right, fmt.Sprintf("%d marked", n))
	}
	if !x.mouse {
		right = append(right, "mouse off")
	}
	if sk, wn := x.problems(); sk+wn > 0 {
		full := append(right, fmt.Sprintf("%d skipped, %s", sk, plural(wn, "warning")))
		r := strings.Join(full, " · ") + " "
		if lipgloss.Width(left)+lipgloss.Width(r)+3 <= w {
			return th.Status.Render(spread(" "+left, r, w))
		}
		right = append(right, fmt.Sprintf("⚠ %d (w)", sk+wn))
	}
	return th.Status.Render(spread(" "+left, strings.Join(right, " · ")+" ", w))
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
