package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The one text field (textinput): it types printable keys, edits as
// before (backspace, ctrl+w, ctrl+u), types nothing for controls and
// bidi or zero-width marks, and keeps the end of a long text in view.
func TestField(t *testing.T) {
	f := newField()
	for _, k := range keys("type:dmitry peskov") {
		f.Update(k.(tea.KeyPressMsg))
	}
	if f.Value() != "dmitry peskov" {
		t.Fatalf("typed %q", f.Value())
	}
	for _, r := range []rune{'\u0007', '\u200b', '\u202e'} {
		if f.Update(tea.KeyPressMsg{Code: r, Text: string(r)}) {
			t.Errorf("%U typed", r)
		}
	}
	if f.Update(tea.KeyPressMsg{Code: 'x', Text: "x", Mod: tea.ModAlt}) {
		t.Error("alt+x typed")
	}
	for _, c := range []struct{ key, want string }{
		{"backspace", "dmitry pesko"},
		{"ctrl+w", "dmitry "},
		{"ctrl+u", ""},
	} {
		if !f.Update(keyMsg(c.key)) || f.Value() != c.want {
			t.Errorf("%s: %q, want %q", c.key, f.Value(), c.want)
		}
	}
	f.SetValue(strings.Repeat("a", 50) + "END")
	th := newTheme(true, false)
	v := ansi.Strip(f.View(th, "/", 20))
	if w := ansi.StringWidth(v); w > 20 || !strings.Contains(v, "END") {
		t.Errorf("a long text in 20 columns: %q (%d wide)", v, w)
	}
}

// Without colour the field's cursor reads from reverse video alone.
func TestFieldWithoutColour(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m, _ = drive(t, m, tea.EnvMsg{"NO_COLOR=1"})
	m, _ = drive(t, m, keys("/", "type:tango")...)
	c := m.View().Content
	last := c[strings.LastIndex(c, "\n")+1:]
	if !strings.Contains(ansi.Strip(last), "/tango") || !hasSGR(last, "7") {
		t.Errorf("the search field without colour: %q", last)
	}
	for _, p := range sgrParams(last) {
		if strings.Contains(p, "38") || strings.Contains(p, "48") {
			t.Errorf("a colour in the field without colour: %q", p)
		}
	}
}
