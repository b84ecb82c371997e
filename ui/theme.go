package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/quotetrail/quotetrail/model"
)

// palette is the colours of one theme. The three periods' bands differ in
// hue, not only in shade (Trump's first and second terms were two reds). With NO_COLOR there is no palette:
// every style is built from attributes alone.
type palette struct {
	fg, dim, faint, accent   color.Color
	selBg, selFg, matchBg    color.Color
	russia, us, ukraine      color.Color
	other, unknown           color.Color
	trump1, biden, trump2    color.Color
	event, warn, err, border color.Color
}

func darkPalette() palette {
	c := lipgloss.Color
	return palette{
		fg: c("#E4E4E4"), dim: c("#8A8A8A"), faint: c("#5F5F5F"), accent: c("#87AFFF"),
		selBg: c("#3A3F58"), selFg: c("#FFFFFF"), matchBg: c("#AF8700"),
		russia: c("#FF6B6B"), us: c("#6CA8FF"), ukraine: c("#F5D547"), other: c("#8FD18F"), unknown: c("#A8A8A8"),
		trump1: c("#B48EDB"), biden: c("#5F87D7"), trump2: c("#D75F5F"),
		event: c("#FFAF00"), warn: c("#FFAF5F"), err: c("#FF5F5F"), border: c("#4E4E4E"),
	}
}

func lightPalette() palette {
	c := lipgloss.Color
	return palette{
		fg: c("#1C1C1C"), dim: c("#6C6C6C"), faint: c("#A8A8A8"), accent: c("#005FAF"),
		selBg: c("#D0DCF5"), selFg: c("#000000"), matchBg: c("#FFD75F"),
		russia: c("#C0392B"), us: c("#1F5FBF"), ukraine: c("#8A6D00"), other: c("#2E7D32"), unknown: c("#6C6C6C"),
		trump1: c("#7B4F9E"), biden: c("#3F6FBF"), trump2: c("#C03030"),
		event: c("#AF5F00"), warn: c("#AF5F00"), err: c("#C00000"), border: c("#BCBCBC"),
	}
}

// theme holds every style the reader draws with, built in one place from
// a palette (or from attributes alone when colour is off).
type theme struct {
	dark, noColor bool

	Title, TitleDim         lipgloss.Style
	Status, StatusKey       lipgloss.Style
	Year, YearRule, Month   lipgloss.Style
	Empty, Event            lipgloss.Style
	Date, DateInferred      lipgloss.Style
	Kind, Source, Text, Dim lipgloss.Style
	Selected                lipgloss.Style // the selected row's meta line
	Cursor, Mark            lipgloss.Style
	Match                   lipgloss.Style // a search match in text
	Statement               lipgloss.Style // the statement in its article
	Evidence                lipgloss.Style // the date evidence in the article
	Context                 lipgloss.Style // the bar beside the statement's paragraph
	Heading, Label          lipgloss.Style
	Removed, Warn, Err      lipgloss.Style
	Input, Prompt           lipgloss.Style
	CursorColor             color.Color // a field's block cursor (nil: reverse video alone)
	Checked                 lipgloss.Style
	Affil                   map[model.Affiliation]lipgloss.Style
	Band                    map[model.Period]lipgloss.Style
	Help                    help.Styles

	// the compare view: words only in the Biden-period (left) statement,
	// only in the Trump-period (right) one, and in both; the panes' labels
	DiffLeft, DiffRight, DiffShared lipgloss.Style
	PaneLeft, PaneRight             lipgloss.Style
}

func newTheme(dark, noColor bool) *theme {
	s := lipgloss.NewStyle
	t := &theme{dark: dark, noColor: noColor}
	if noColor {
		t.Title = s().Bold(true)
		t.TitleDim = s()
		t.Status = s().Reverse(true)
		t.StatusKey = s().Reverse(true).Bold(true)
		t.Year = s().Bold(true)
		t.YearRule = s()
		t.Month = s().Underline(true)
		t.Empty = s().Italic(true)
		t.Event = s().Bold(true)
		t.Date = s()
		t.DateInferred = s().Italic(true)
		t.Kind = s().Bold(true)
		t.Source = s()
		t.Text = s()
		t.Dim = s()
		t.Selected = s().Reverse(true).Bold(true)
		t.Cursor = s().Bold(true)
		t.Mark = s().Bold(true)
		t.Match = s().Underline(true).Bold(true)
		t.Statement = s().Reverse(true)
		t.Evidence = s().Underline(true)
		t.Context = s().Bold(true)
		t.Heading = s().Bold(true).Underline(true)
		t.Label = s().Bold(true)
		t.Removed = s().Strikethrough(true)
		t.Warn = s().Bold(true)
		t.Err = s().Bold(true).Reverse(true)
		t.Input = s()
		t.Prompt = s().Bold(true)
		t.Checked = s().Bold(true)
		t.DiffLeft = s().Italic(true) // lighter than a strike: most of a side's words can be its own
		t.DiffRight = s().Underline(true)
		t.DiffShared = s().Bold(true)
		t.PaneLeft = s().Bold(true)
		t.PaneRight = s().Bold(true)
		t.Affil = map[model.Affiliation]lipgloss.Style{}
		for _, a := range model.Affiliations {
			t.Affil[a] = s()
		}
		t.Affil[model.NoAffil] = s().Italic(true)
		t.Band = map[model.Period]lipgloss.Style{}
		for _, p := range model.Periods {
			t.Band[p] = s()
		}
		t.Band[model.PeriodUnknown] = s()
		t.Help = help.Styles{
			ShortKey: s().Bold(true), ShortDesc: s(), ShortSeparator: s(), Ellipsis: s(),
			FullKey: s().Bold(true), FullDesc: s(), FullSeparator: s(),
		}
		return t
	}
	p := lightPalette()
	if dark {
		p = darkPalette()
	}
	t.Title = s().Bold(true).Foreground(p.accent)
	t.TitleDim = s().Foreground(p.dim)
	t.Status = s().Foreground(p.selFg).Background(p.selBg)
	t.StatusKey = t.Status.Bold(true)
	t.Year = s().Bold(true).Foreground(p.fg)
	t.YearRule = s().Foreground(p.border)
	t.Month = s().Foreground(p.accent)
	t.Empty = s().Italic(true).Foreground(p.dim)
	t.Event = s().Bold(true).Foreground(p.event)
	t.Date = s().Foreground(p.fg)
	t.DateInferred = s().Italic(true).Foreground(p.dim)
	t.Kind = s().Bold(true).Foreground(p.accent)
	t.Source = s().Foreground(p.dim)
	t.Text = s().Foreground(p.fg)
	t.Dim = s().Foreground(p.dim)
	t.Selected = s().Bold(true).Foreground(p.selFg).Background(p.selBg)
	t.Cursor = s().Bold(true).Foreground(p.accent)
	t.Mark = s().Bold(true).Foreground(p.event)
	t.Match = s().Bold(true).Underline(true).Foreground(lipgloss.Color("#000000")).Background(p.matchBg)
	t.Statement = s().Foreground(p.selFg).Background(p.selBg).Bold(true)
	t.Evidence = s().Underline(true).Foreground(p.event)
	t.Context = s().Foreground(p.accent)
	t.Heading = s().Bold(true).Foreground(p.accent)
	t.Label = s().Bold(true).Foreground(p.dim)
	t.Removed = s().Strikethrough(true).Foreground(p.dim)
	t.Warn = s().Foreground(p.warn)
	t.Err = s().Bold(true).Foreground(p.err)
	t.Input = s().Foreground(p.fg)
	t.Prompt = s().Bold(true).Foreground(p.accent)
	t.CursorColor = p.selBg
	t.Checked = s().Bold(true).Foreground(p.other)
	t.DiffLeft = s().Foreground(p.biden)
	t.DiffRight = s().Foreground(p.trump2)
	t.DiffShared = s().Bold(true).Foreground(p.fg)
	t.PaneLeft = s().Bold(true).Foreground(p.biden)
	t.PaneRight = s().Bold(true).Foreground(p.trump2)
	t.Affil = map[model.Affiliation]lipgloss.Style{
		model.Russia:       s().Bold(true).Foreground(p.russia),
		model.UnitedStates: s().Bold(true).Foreground(p.us),
		model.Ukraine:      s().Bold(true).Foreground(p.ukraine),
		model.Other:        s().Bold(true).Foreground(p.other),
		model.NoAffil:      s().Italic(true).Foreground(p.unknown),
	}
	t.Band = map[model.Period]lipgloss.Style{
		model.PeriodTrump1:  s().Foreground(p.trump1),
		model.PeriodBiden:   s().Foreground(p.biden),
		model.PeriodTrump2:  s().Foreground(p.trump2),
		model.PeriodUnknown: s().Foreground(p.faint),
	}
	t.Help = help.DefaultStyles(dark)
	return t
}

// affil returns the style for a speaker's affiliation.
func (t *theme) affil(a model.Affiliation) lipgloss.Style {
	if st, ok := t.Affil[a]; ok {
		return st
	}
	return t.Affil[model.NoAffil]
}

// bandGlyph is the gutter mark of a period: distinct glyphs, so the band
// reads without colour too.
func bandGlyph(p model.Period) string {
	switch p {
	case model.PeriodTrump1:
		return "┆"
	case model.PeriodBiden:
		return "│"
	case model.PeriodTrump2:
		return "┃"
	}
	return " "
}

// affilTag is a two-letter tag for an affiliation, shown beside the
// speaker so that affiliation reads without colour.
func affilTag(a model.Affiliation) string {
	switch a {
	case model.Russia:
		return "RU"
	case model.UnitedStates:
		return "US"
	case model.Ukraine:
		return "UA"
	case model.Other:
		return "··"
	}
	return "??"
}

// kindMarker is the one-letter marker of a statement's kind.
func kindMarker(k model.Kind) string {
	switch k {
	case model.Direct:
		return "D"
	case model.Indirect:
		return "I"
	case model.Mixed:
		return "M"
	}
	return "?"
}
