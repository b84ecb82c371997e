package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// One key map per view, held by the view (the export dialog's is in
// export.go). The same bindings handle the keys and draw the help, so help
// is never wrong; a binding that does not apply right now is disabled and
// vanishes from help.

// globalKeys work in every view whose key map lists them: the root checks
// that before it handles q, ? or m, so a field that takes every printable
// key lists none of them (ctrl+c always quits). There is one set, in the
// programContext; the key maps point to it.
type globalKeys struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	Mouse     key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Mouse:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mouse capture on/off")),
	}
}

func (k globalKeys) bindings() []key.Binding {
	return []key.Binding{k.Help, k.Mouse, k.Quit, k.ForceQuit}
}

// moveKeys scroll a list or a page; the timeline, reader and warnings view
// share their definitions.
type moveKeys struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	HalfUp, HalfDown key.Binding
	Top, Bottom      key.Binding
}

func newMoveKeys() moveKeys {
	return moveKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "f"), key.WithHelp("pgdn/f", "page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
	}
}

// step is how far a relative move key moves, in rows, when a page holds
// page rows: one, a page, or half a page, up (negative) or down. ok is
// false for every other key, Top and Bottom included.
func (k moveKeys) step(msg tea.KeyPressMsg, page int) (delta int, ok bool) {
	page = max(1, page)
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.HalfUp):
		return -max(1, page/2), true
	case key.Matches(msg, k.HalfDown):
		return max(1, page/2), true
	}
	return 0, false
}

func (k moveKeys) bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom}
}

// timelineKeys is the timeline's key map.
type timelineKeys struct {
	moveKeys
	PrevYear, NextYear key.Binding
	Open               key.Binding
	Order              key.Binding
	Speakers, Topics   key.Binding
	Russia, Period     key.Binding
	Search             key.Binding
	NextMatch          key.Binding
	PrevMatch          key.Binding
	OnlyMatches        key.Binding
	ClearSearch        key.Binding
	ClearFilters       key.Binding
	Mark, ClearMarks   key.Binding
	Copy               key.Binding
	GoToDate           key.Binding
	global             *globalKeys
}

func newTimelineKeys(g *globalKeys) timelineKeys {
	return timelineKeys{
		moveKeys:     newMoveKeys(),
		PrevYear:     key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous year")),
		NextYear:     key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next year")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read")),
		Order:        key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "newest/oldest first")),
		Speakers:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "speakers")),
		Topics:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "topics")),
		Russia:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "Russian officials only")),
		Period:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "period")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:    key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		OnlyMatches:  key.NewBinding(key.WithKeys("&"), key.WithHelp("&", "show only the matches")),
		ClearSearch:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search")),
		ClearFilters: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear filters")),
		Mark:         key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "mark, move down")),
		ClearMarks:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "clear marks")),
		Copy:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy marked/selected as Markdown")),
		GoToDate:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "go to a date")),
		global:       g,
	}
}

// ShortHelp implements help.KeyMap.
func (k timelineKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.global.Help, k.global.Quit, k.Open, k.Speakers, k.Topics, k.Period, k.Russia, k.Search, k.NextMatch, k.ClearSearch, k.ClearFilters, k.Mark}
}

// FullHelp implements help.KeyMap; the timeline adds the keys of the
// views it opens (w, c, e) to the fourth group.
func (k timelineKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		append(k.bindings(), k.PrevYear, k.NextYear, k.GoToDate),
		{k.Speakers, k.Topics, k.Russia, k.Period, k.ClearFilters},
		{k.Search, k.NextMatch, k.PrevMatch, k.OnlyMatches, k.ClearSearch},
		{k.Open, k.Order, k.Mark, k.ClearMarks, k.Copy},
		k.global.bindings(),
	}
}

// readerKeys is the reader pane's key map.
type readerKeys struct {
	moveKeys
	Removed key.Binding
	Focus   key.Binding
	Mark    key.Binding
	Copy    key.Binding
	Back    key.Binding
	global  *globalKeys
}

func newReaderKeys(g *globalKeys) readerKeys {
	return readerKeys{
		moveKeys: newMoveKeys(),
		Removed:  key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "removed/repaired")),
		Focus:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "details/article")),
		Mark:     key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "mark")),
		Copy:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy marked/this as Markdown")),
		Back:     key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		global:   g,
	}
}

// ShortHelp implements help.KeyMap.
func (k readerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Back, k.global.Help, k.global.Quit, k.Removed, k.Focus, k.Mark, k.Down}
}

// FullHelp implements help.KeyMap.
func (k readerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.bindings(), {k.Removed, k.Focus, k.Mark, k.Copy, k.Back}, k.global.bindings()}
}

// pickerKeys is the speaker and topic picker's key map. The narrowing
// field has the keyboard all the time: every printable key types into it
// (q and ? too), and the picker's actions are on keys that cannot be
// typed, as in lazygit's and gh-dash's filters. Space is the exception
// while nothing is typed — a leading space would narrow nothing — and
// toggles; once something is typed it types a space, and tab toggles.
type pickerKeys struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Toggle           key.Binding
	All              key.Binding
	Apply            key.Binding
	Cancel           key.Binding
	global           *globalKeys
}

func newPickerKeys(g *globalKeys) pickerKeys {
	k := pickerKeys{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Toggle:   key.NewBinding(key.WithKeys("space", "tab"), key.WithHelp("space/tab", "toggle")),
		All:      key.NewBinding(key.WithKeys("ctrl+a"), key.WithHelp("ctrl+a", "all/none")),
		Apply:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		global:   g,
	}
	k.state(false)
	return k
}

// state sets the bindings for whether something is typed in the
// narrowing field: then space types and esc clears what was typed.
func (k *pickerKeys) state(narrowing bool) {
	k.Toggle.SetKeys(pick(narrowing, []string{"tab"}, []string{"space", "tab"})...)
	k.Toggle.SetHelp(pick(narrowing, "tab", "space/tab"), "toggle")
	k.Cancel.SetHelp("esc", pick(narrowing, "clear narrowing", "cancel"))
}

func pick[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}

// ShortHelp implements help.KeyMap.
func (k pickerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Toggle, k.Apply, k.Cancel, k.All, k.Up, k.Down}
}

// FullHelp implements help.KeyMap.
func (k pickerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Toggle, k.All, k.Apply, k.Cancel}, {k.global.ForceQuit}}
}

// searchKeys is the search field's key map.
type searchKeys struct {
	Accept    key.Binding
	Cancel    key.Binding
	NextMatch key.Binding
	PrevMatch key.Binding
	global    *globalKeys
}

func newSearchKeys(g *globalKeys) searchKeys {
	return searchKeys{
		Accept:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
		NextMatch: key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next match")),
		PrevMatch: key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous match")),
		global:    g,
	}
}

// ShortHelp implements help.KeyMap.
func (k searchKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Accept, k.Cancel, k.NextMatch, k.PrevMatch}
}

// FullHelp implements help.KeyMap.
func (k searchKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Accept, k.Cancel, k.NextMatch, k.PrevMatch}, {k.global.ForceQuit}}
}

// dateKeys is the key map of the go-to-date field (d).
type dateKeys struct {
	Go     key.Binding
	Cancel key.Binding
	global *globalKeys
}

func newDateKeys(g *globalKeys) dateKeys {
	return dateKeys{
		Go:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		global: g,
	}
}

// ShortHelp implements help.KeyMap.
func (k dateKeys) ShortHelp() []key.Binding { return []key.Binding{k.Go, k.Cancel} }

// FullHelp implements help.KeyMap.
func (k dateKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Go, k.Cancel}, {k.global.ForceQuit}}
}

// pageKeys is the key map of the plain scrolling views (warnings).
type pageKeys struct {
	moveKeys
	Back   key.Binding
	global *globalKeys
}

func newPageKeys(g *globalKeys) pageKeys {
	return pageKeys{
		moveKeys: newMoveKeys(),
		Back:     key.NewBinding(key.WithKeys("esc", "w", "backspace"), key.WithHelp("esc", "back")),
		global:   g,
	}
}

// ShortHelp implements help.KeyMap.
func (k pageKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Back, k.global.Help, k.global.Quit, k.Down, k.Up, k.PageDown}
}

// FullHelp implements help.KeyMap.
func (k pageKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.bindings(), {k.Back}, k.global.bindings()}
}

// helpKeys is the key map of the full help screen itself.
type helpKeys struct {
	moveKeys
	Close  key.Binding
	global *globalKeys
}

func newHelpKeys(g *globalKeys) helpKeys {
	return helpKeys{
		moveKeys: newMoveKeys(),
		Close:    key.NewBinding(key.WithKeys("esc", "?"), key.WithHelp("esc/?", "close help")),
		global:   g,
	}
}

// ShortHelp implements help.KeyMap.
func (k helpKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Close, k.Down, k.Up, k.global.Quit}
}

// FullHelp implements help.KeyMap.
func (k helpKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Close, k.global.Quit}, k.bindings()}
}

// loadingKeys is the key map while the corpus loads.
type loadingKeys struct{ global *globalKeys }

// ShortHelp implements help.KeyMap.
func (k loadingKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.global.Help, k.global.Mouse, k.global.Quit}
}

// FullHelp implements help.KeyMap.
func (k loadingKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.global.bindings()} }

// compareKeys is the compare view's key map; while the term chooser is
// open only its own keys (PickUp … Cancel) are enabled.
type compareKeys struct {
	moveKeys
	Focus     key.Binding
	Open      key.Binding
	Earlier   key.Binding
	Later     key.Binding
	Split     key.Binding
	Terms     key.Binding
	ClearTerm key.Binding
	Back      key.Binding
	PickUp    key.Binding
	PickDown  key.Binding
	Choose    key.Binding
	Cancel    key.Binding
	global    *globalKeys
}

func newCompareKeys(g *globalKeys) compareKeys {
	return compareKeys{
		moveKeys:  newMoveKeys(),
		Focus:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "other pane")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read")),
		Earlier:   key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "split a month earlier")),
		Later:     key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "split a month later")),
		Split:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "election/inauguration split")),
		Terms:     key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "filter by a distinctive term")),
		ClearTerm: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear term")),
		Back:      key.NewBinding(key.WithKeys("esc", "c"), key.WithHelp("esc/c", "timeline")),
		PickUp:    key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		PickDown:  key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Choose:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "filter by term")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		global:    g,
	}
}

// ShortHelp implements help.KeyMap.
func (k compareKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Choose, k.Cancel, k.PickDown, k.ClearTerm, k.Back, k.global.Help, k.global.Quit, k.Focus, k.Open, k.Earlier, k.Later, k.Split, k.Terms}
}

// FullHelp implements help.KeyMap.
func (k compareKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		k.bindings(),
		{k.Focus, k.Open, k.Earlier, k.Later, k.Split, k.Terms, k.ClearTerm, k.Back},
		{k.PickUp, k.PickDown, k.Choose, k.Cancel},
		k.global.bindings(),
	}
}
