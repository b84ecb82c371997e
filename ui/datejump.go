package ui

import (
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/quotetrail/quotetrail/model"
)

// The go-to-date field (d): type a year, a month or a day (2024,
// 2024-11, 2024-11-06) and enter selects the first statement of that day
// or after it — oldest first; newest first, the first of it or before —
// with the headings above it on screen. Statements are placed by their
// date's best estimate, as the timeline sorts them.

type dateJump struct {
	typing bool
	field  field
}

// dateKey handles a key while the date field has the keyboard.
func (t *timeline) dateKey(msg tea.KeyPressMsg) {
	k := t.dateKeys
	switch {
	case key.Matches(msg, k.Cancel):
		t.date.typing = false
	case key.Matches(msg, k.Go):
		text := strings.TrimSpace(t.date.field.Value())
		if text == "" {
			t.date.typing = false
			return
		}
		day, err := model.ParseDay(text, t.newest)
		if err != nil {
			t.ctx.flash = "not a date: " + text + " (type 2024, 2024-11 or 2024-11-06)"
			return
		}
		t.date.typing = false
		t.ctx.flash = t.jumpToDate(day, text)
	default:
		t.date.field.Update(msg)
	}
}

// jumpToDate selects the first statement dated on or after day (oldest
// first) or on or before it (newest first), with the headings above it on
// screen, and returns a note for the status line: "" when it found one,
// else what it did instead. Undated statements are never a date's.
func (t *timeline) jumpToDate(day time.Time, text string) string {
	l := &t.lay
	if l.dated == 0 {
		return "no dated statement is shown"
	}
	val := func(p int) time.Time { return t.ctx.c.Statements[l.view[p]].Date.Value }
	pos := sort.Search(l.dated, func(p int) bool {
		if l.newest {
			return !val(p).After(day)
		}
		return !val(p).Before(day)
	})
	note := ""
	if pos == l.dated {
		pos = l.dated - 1
		note = "no statement " + pick(l.newest, "on or before ", "on or after ") + text + "; the " + pick(l.newest, "oldest", "newest") + " dated one is selected"
	}
	t.moveTo(pos)
	// the statement near the top, under its month and year headings
	top := int(l.itemOf[pos])
	for k := 0; k < 2 && top > 0 && l.items[top-1].kind != itemStmt; k++ {
		top--
	}
	t.vp.top = top
	t.ensureVisible()
	return note
}
