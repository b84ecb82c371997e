package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The one-line key hint at the bottom and the full help screen (?) are
// both drawn from the key maps that handle the keys.

// activeKeyMap returns the key map of the view that has the keyboard.
func (m *Model) activeKeyMap(f focus) help.KeyMap {
	switch {
	case m.c == nil:
		return m.keys.loading
	case f == focusTimeline && m.sr.typing:
		return m.keys.search
	case f == focusTimeline && m.date.typing:
		return m.keys.date
	case f == focusTimeline:
		return m.keys.timeline
	case f == focusReader:
		return m.keys.reader
	case f == focusPicker:
		return m.keys.picker
	case f == focusWarnings:
		return m.keys.page
	case f == focusHelp:
		return m.keys.help
	case f == focusCompare:
		return m.keys.compare
	case f == focusExport:
		return m.ex.keys
	}
	return m.keys.timeline
}

func focusName(f focus) string {
	switch f {
	case focusReader:
		return "reader"
	case focusPicker:
		return "picker"
	case focusWarnings:
		return "skipped files and warnings"
	case focusHelp:
		return "help"
	case focusCompare:
		return "compare"
	case focusExport:
		return "export"
	}
	return "timeline"
}

// helpLine is the one-line key hint.
func (m *Model) helpLine() string {
	h := m.help
	h.SetWidth(m.width - 1)
	return fit(" "+h.ShortHelpView(m.activeKeyMap(m.focus).ShortHelp()), m.width)
}

// everyKey returns a key map's full help with every binding enabled: the
// one-line hint leaves out what does not apply right now, the full help
// lists every key of the view (x with no filter, n/N with no search…).
func everyKey(groups [][]key.Binding) [][]key.Binding {
	out := make([][]key.Binding, len(groups))
	for i, g := range groups {
		out[i] = make([]key.Binding, len(g))
		for j, b := range g {
			b.SetEnabled(true) // b is a copy: the key map is untouched
			out[i][j] = b
		}
	}
	return out
}

// helpLines renders the full help for the view help was opened from —
// every key of its key map; for the timeline, the keys of the fields it
// opens (search, pickers), which take every printable key and so cannot
// open help themselves — with a legend of the view's marks.
func (m *Model) helpLines() []string {
	h := m.help
	w := m.width
	lines := []string{" " + m.th.Heading.Render("Keys — "+focusName(m.back)), ""}
	section := func(title string, groups [][]key.Binding) {
		if title != "" {
			lines = append(lines, "", " "+m.th.Label.Render(title))
		}
		for _, l := range strings.Split(flowColumns(h, everyKey(groups), w-2), "\n") {
			lines = append(lines, " "+l)
		}
	}
	section("", m.activeKeyMap(m.back).FullHelp())
	if m.back == focusTimeline && m.c != nil {
		sk := m.keys.search
		section("While typing a search (/): every printable key types", [][]key.Binding{{sk.Accept, sk.Cancel, sk.NextMatch, sk.PrevMatch}})
		dk := m.keys.date
		section("While typing a date (d): 2024, 2024-11 or 2024-11-06", [][]key.Binding{{dk.Go, dk.Cancel}})
		pk := newPickerKeys(m.keys.global)
		section("In the speaker and topic pickers (s, t): every printable key narrows", [][]key.Binding{{pk.Up, pk.Down, pk.PageUp, pk.PageDown}, {pk.Toggle, pk.All, pk.Apply, pk.Cancel}})
	}
	legend := []string{
		"Dates: 2024-11-06 day · 2024-11~ month known · 2024~ year known · ~2024-11-04 a range (its best estimate; enter shows both ends) · ????-??-?? unknown.",
		"Kinds: D direct quotation · I indirect (reported speech) · M mixed.",
		"Gutter: ┆ Trump (first term) · │ Biden · ┃ Trump (second term) · ◆ reference event. Speakers: RU, US, UA, ·· other, ?? unknown.",
	}
	if m.back == focusCompare {
		legend = compareLegend()
	}
	lines = append(lines, "")
	for _, l := range legend {
		t := flatten(l)
		for _, sp := range wrapSpans(t, max(10, w-2)) {
			lines = append(lines, " "+m.th.Dim.Render(t[sp[0]:sp[1]]))
		}
	}
	return lines
}

// openHelp shows the full help for the focused view.
func (m *Model) openHelp() {
	m.back = m.focus
	m.focus = focusHelp
	m.helpPage.off = 0
	m.helpPage.SetSize(m.width, m.bodyHeight())
	m.helpPage.setLines(m.helpLines())
}

// flowColumns renders each group of bindings as a column and lays the
// columns left to right, starting a new band when the width runs out, so
// that narrow terminals show every key instead of dropping columns.
func flowColumns(h help.Model, groups [][]key.Binding, width int) string {
	const gap = 4
	var bands []string
	var row []string
	rowW := 0
	for _, g := range groups {
		col := h.FullHelpView([][]key.Binding{g})
		if strings.TrimSpace(ansi.Strip(col)) == "" {
			continue // every binding disabled
		}
		cw := lipgloss.Width(col)
		if len(row) > 0 && rowW+gap+cw > width {
			bands = append(bands, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowW = nil, 0
		}
		if len(row) > 0 {
			row = append(row, strings.Repeat(" ", gap))
			rowW += gap
		}
		row = append(row, col)
		rowW += cw
	}
	if len(row) > 0 {
		bands = append(bands, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Join(bands, "\n\n")
}
