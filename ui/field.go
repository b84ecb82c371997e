package ui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
)

// field is a one-line text field: typed characters go to the end;
// backspace, ctrl+w (word) and ctrl+u (all) delete. It is deterministic
// (no blinking cursor), which keeps goldens stable.
type field struct {
	value []rune
}

// newField returns an empty field.
func newField() field { return field{} }

// Value is the text typed.
func (f *field) Value() string { return string(f.value) }

// SetValue replaces the text.
func (f *field) SetValue(s string) { f.value = []rune(s) }

// Update edits the field with a key and reports whether its text changed.
func (f *field) Update(msg tea.KeyPressMsg) (changed bool) {
	switch msg.String() {
	case "backspace", "ctrl+h":
		if len(f.value) == 0 {
			return false
		}
		f.value = f.value[:len(f.value)-1]
		return true
	case "ctrl+w", "alt+backspace":
		v := strings.TrimRightFunc(string(f.value), unicode.IsSpace)
		i := strings.LastIndexFunc(v, unicode.IsSpace)
		f.value = []rune(v[:i+1])
		return true
	case "ctrl+u":
		changed = len(f.value) > 0
		f.value = nil
		return changed
	}
	if msg.Mod&^tea.ModShift != 0 || msg.Text == "" {
		return false
	}
	for _, r := range msg.Text {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	f.value = append(f.value, []rune(msg.Text)...)
	return true
}

// View draws the field with a prompt and a block cursor.
func (f *field) View(th *theme, prompt string, width int) string {
	v := string(f.value)
	room := width - len([]rune(prompt)) - 1
	if r := []rune(v); len(r) > room && room > 0 {
		v = "…" + string(r[len(r)-room+1:])
	}
	return th.Prompt.Render(prompt) + th.Input.Render(v) + th.Status.Render(" ")
}
