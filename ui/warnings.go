package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/quotetrail/quotetrail/model"
)

// The warnings view (w) lists the files the load skipped and why, the
// warnings on the load and on each document, and what was loaded.

const focusWarnings viewID = "warnings"

type warningsView struct {
	viewBase
	ctx  *programContext
	keys pageKeys
	open key.Binding
	page pager
	// the theme and width the lines were rendered for
	th *theme
	w  int
}

func newWarningsView(ctx *programContext) *warningsView {
	return &warningsView{
		ctx:  ctx,
		keys: newPageKeys(&ctx.global),
		open: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "skipped files, warnings")),
	}
}

// Name implements view.
func (v *warningsView) Name() string { return "skipped files and warnings" }

// OpenKey implements view.
func (v *warningsView) OpenKey() *key.Binding { return &v.open }

// Open implements view: the list from its top.
func (v *warningsView) Open() tea.Cmd {
	v.page.off = 0
	v.render()
	return nil
}

// SetSize implements view.
func (v *warningsView) SetSize(w, h int) { v.page.SetSize(w, h) }

// render lays the lines out for the theme and the width, when they
// changed.
func (v *warningsView) render() {
	if v.th != v.ctx.th || v.w != v.page.width || v.page.lines == nil {
		v.th, v.w = v.ctx.th, v.page.width
		v.page.setLines(warningLines(v.ctx.c, v.th, v.w))
	}
}

// Update implements view: esc goes back, the rest scrolls.
func (v *warningsView) Update(msg tea.Msg) (action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, v.keys.Back) {
		return goBack{}, nil
	}
	v.page.Update(msg, v.keys.moveKeys)
	return nil, nil
}

// View implements view.
func (v *warningsView) View() string {
	v.render()
	return v.page.View()
}

// ShortHelp implements help.KeyMap.
func (v *warningsView) ShortHelp() []key.Binding { return v.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (v *warningsView) FullHelp() [][]key.Binding { return v.keys.FullHelp() }

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
