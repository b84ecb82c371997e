package ui

import (
	"unicode"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// field is the reader's one text field — the search (/), the go-to-date
// field (d), the pickers' narrowing and the export path: bubbles'
// textinput in the theme's styles, with a cursor that does not blink (so
// that screens and goldens are the same from one frame to the next) and no
// ctrl+v (textinput would run a clipboard tool). A key whose text is not
// printable (a control, a bidi or zero-width mark) types nothing, and
// neither does one held with ctrl or alt.
//
// Besides typing, it edits as textinput does: backspace, ctrl+w and
// alt+backspace (a word), ctrl+u (to the start), ctrl+k (to the end), the
// arrows, home and end — where the view that holds it does not bind those
// keys itself.
type field struct {
	ti textinput.Model
}

// newField returns an empty field that has the keyboard.
func newField() field {
	ti := textinput.New()
	ti.Prompt = ""
	ti.KeyMap.Paste.SetEnabled(false)
	ti.SetStyles(textinput.Styles{}) // no blinking; View sets the theme's
	ti.Focus()
	return field{ti: ti}
}

// Value is the text typed.
func (f *field) Value() string { return f.ti.Value() }

// SetValue replaces the text, with the cursor after it.
func (f *field) SetValue(s string) {
	f.ti.SetValue(s)
	f.ti.CursorEnd()
}

// Focus gives the field the keyboard; Blur takes it away (and hides the
// cursor).
func (f *field) Focus() { f.ti.Focus() }

// Blur takes the keyboard away.
func (f *field) Blur() { f.ti.Blur() }

// Update edits the field with a key and reports whether its text changed.
func (f *field) Update(msg tea.KeyPressMsg) (changed bool) {
	if msg.Text != "" {
		if msg.Mod&^tea.ModShift != 0 {
			return false
		}
		for _, r := range msg.Text {
			if !unicode.IsPrint(r) {
				return false
			}
		}
	}
	before := f.ti.Value()
	f.ti, _ = f.ti.Update(msg) // the cursor does not blink: no command
	return f.ti.Value() != before
}

// View draws the prompt and the field in width columns at most: the text
// scrolls to keep the cursor in view.
func (f *field) View(th *theme, prompt string, width int) string {
	st := textinput.Styles{
		Focused: textinput.StyleState{Prompt: th.Prompt, Text: th.Input},
		Blurred: textinput.StyleState{Prompt: th.Prompt, Text: th.Input},
		Cursor:  textinput.CursorStyle{Color: th.CursorColor},
	}
	f.ti.SetStyles(st)
	f.ti.Prompt = prompt
	// the text and the cursor's cell fit in what the prompt leaves
	f.ti.SetWidth(max(1, width-ansi.StringWidth(prompt)-1))
	f.ti.SetCursor(f.ti.Position()) // scroll for the width
	return f.ti.View()
}
