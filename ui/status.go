package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/quotetrail/quotetrail/model"
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

// warningLines renders the skipped files and warnings view.
func warningLines(c *model.Corpus, th *theme, width int) []string {
	var out []string
	ww := max(10, width-6)
	add := func(prefix, text string, st func(string) string) {
		t := flatten(text)
		for i, ln := range wrapSpans(t, ww) {
			out = append(out, pick(i == 0, prefix, strings.Repeat(" ", len([]rune(prefix))))+st(t[ln[0]:ln[1]]))
		}
	}
	plain := func(x string) string { return th.Text.Render(x) }
	warn := func(x string) string { return th.Warn.Render(x) }

	out = append(out, " "+th.Heading.Render(fmt.Sprintf("Skipped files (%d)", len(c.Skipped))))
	if len(c.Skipped) == 0 {
		out = append(out, "   "+th.Dim.Render("none"))
	}
	for _, s := range c.Skipped {
		add("   ", s.Path, func(x string) string { return th.Label.Render(x) })
		add("     ", s.Reason, warn)
	}
	out = append(out, "")
	n := len(c.Warnings)
	for _, d := range c.Documents {
		n += len(d.Warnings)
	}
	out = append(out, " "+th.Heading.Render(fmt.Sprintf("Warnings (%d)", n)))
	if n == 0 {
		out = append(out, "   "+th.Dim.Render("none"))
	}
	for _, w := range c.Warnings {
		add("   ", w, warn)
	}
	for _, d := range c.Documents {
		for _, w := range d.Warnings {
			add("   ", d.Path+": "+w, warn)
		}
	}
	out = append(out, "")
	out = append(out, " "+th.Heading.Render(fmt.Sprintf("Loaded (%d documents, %d statements)", len(c.Documents), len(c.Statements))))
	for _, d := range c.Documents {
		add("   ", fmt.Sprintf("%s — %s — %s", d.Path, pick(d.Source == "", "source unknown", d.Source), d.Date.Label()), plain)
	}
	return out
}
