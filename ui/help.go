package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The one-line key hint at the bottom and the full help screen (?) are
// both drawn from the key maps that handle the keys: the hint from the
// focused view's ShortHelp (app.go), the help view from the FullHelp of the
// view it was opened over, with every binding shown, and that view's
// extra sections and legend.

const focusHelp viewID = "help"

type helpView struct {
	viewBase
	ctx  *programContext
	keys helpKeys
	page pager
	of   view // the view whose keys are shown
}

func newHelpView(ctx *programContext) *helpView {
	return &helpView{ctx: ctx, keys: newHelpKeys(&ctx.global)}
}

// Name implements view.
func (h *helpView) Name() string { return "help" }

// describe shows the keys of v, from the top.
func (h *helpView) describe(v view) {
	h.of = v
	h.page.off = 0
	h.page.setLines(h.lines())
}

// SetSize implements view.
func (h *helpView) SetSize(w, height int) { h.page.SetSize(w, height) }

// Update implements view: esc or ? closes, the rest scrolls.
func (h *helpView) Update(msg tea.Msg) (action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, h.keys.Close) {
		return goBack{}, nil
	}
	h.page.Update(msg, h.keys.moveKeys)
	return nil, nil
}

// View implements view: the lines are drawn again each time, as the keys
// of the view below change (a search started) and the width does.
func (h *helpView) View() string {
	h.page.setLines(h.lines())
	return h.page.View()
}

// ShortHelp implements help.KeyMap.
func (h *helpView) ShortHelp() []key.Binding { return h.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (h *helpView) FullHelp() [][]key.Binding { return h.keys.FullHelp() }

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

// lines renders the full help of the view help was opened over — every
// key of its key map, the sections it adds (for the timeline, the keys of
// the fields it opens: search, pickers) — with the legend of its marks.
func (h *helpView) lines() []string {
	if h.of == nil {
		return nil
	}
	th, hm, w := h.ctx.th, h.ctx.help, h.page.width
	lines := []string{" " + th.Heading.Render("Keys — "+h.of.Name()), ""}
	section := func(title string, groups [][]key.Binding) {
		if title != "" {
			lines = append(lines, "", " "+th.Label.Render(title))
		}
		for _, l := range strings.Split(flowColumns(hm, everyKey(groups), w-2), "\n") {
			lines = append(lines, " "+l)
		}
	}
	section("", h.of.FullHelp())
	sections, legend := h.of.HelpExtra()
	for _, s := range sections {
		section(s.title, s.groups)
	}
	lines = append(lines, "")
	for _, l := range legend {
		t := flatten(l)
		for _, sp := range wrapSpans(t, max(10, w-2)) {
			lines = append(lines, " "+th.Dim.Render(t[sp[0]:sp[1]]))
		}
	}
	return lines
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
