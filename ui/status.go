package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// statusLine says what is filtered, how many statements are shown of how
// many, the marks, the search, and the problems met while loading.
func (m *Model) statusLine() string {
	if m.focus == focusCompare {
		return m.compareStatusLine()
	}
	th := m.th
	w := m.width
	var left string
	if m.filter.IsZero() {
		left = "all statements"
	} else {
		left = m.filter.String()
	}
	if m.flash != "" {
		left = m.flash
	} else if q := m.sr.query; q != "" {
		only := pick(m.sr.only, " · only matches", "")
		switch {
		case m.sr.pending:
			left += " · /" + q + only
		case m.sr.found == 0:
			left += " · /" + q + ": no match" + only
		default:
			// which match the selection is on: "3/20", as less says it
			at := "–"
			if i := m.tl.matchIndex(); i >= 0 {
				at = fmt.Sprint(i + 1)
			}
			left += fmt.Sprintf(" · /%s: %s/%d%s", q, at, m.sr.found, only)
		}
	}
	right := []string{fmt.Sprintf("%d of %d statements", len(m.tl.lay.view), len(m.c.Statements))}
	if m.pending {
		right[0] = "filtering… " + right[0]
	}
	if n := len(m.marks); n > 0 {
		right = append(right, fmt.Sprintf("%d marked", n))
	}
	if !m.mouse {
		right = append(right, "mouse off")
	}
	if sk, wn := m.problems(); sk+wn > 0 {
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

// problems counts the skipped files and the warnings (load-wide and per
// document).
func (m *Model) problems() (skipped, warnings int) {
	if m.c == nil {
		return 0, 0
	}
	return len(m.c.Skipped), len(m.c.Warnings) + m.docWarnings
}
