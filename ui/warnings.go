package ui

import (
	"fmt"
	"strings"

	"github.com/quotetrail/quotetrail/model"
)

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
