package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/quotetrail/quotetrail/model"
)

// The timeline is the reader's home view: the filtered statements under
// their year and month headings, with the reference events in the gutter
// (layout.go lays them out), a selection, the / search and the go-to-date
// field (search.go, datejump.go). It owns the filtering: a key that changes
// the filters (r, p, x, o, a picker's choice) lays the timeline out again
// — within the frame for a corpus up to the context's syncLimit, in a
// command tagged with a generation otherwise, whose stale results are
// dropped. It publishes what it shows (the statements, the highlighted
// words, the search it is narrowed to) in the context, for the views that
// take it: the compare view, the export dialog, the reader pane.
//
// Its rows are drawn through a rowViewport: only the rows on screen are
// measured and rendered.

const focusTimeline viewID = "timeline"

type timeline struct {
	viewBase
	ctx        *programContext
	keys       timelineKeys
	searchKeys searchKeys
	dateKeys   dateKeys

	lay    layout
	cursor int // selected view position
	vp     rowViewport
	width  int
	height int
	// display positions of the search's matches, ascending
	matchPos []int

	newest  bool // dated statements newest first
	gen     int  // generation of the layout; older results are dropped
	pending bool // a layout is on its way
	sr      search
	date    dateJump
}

const textLines = 2 // text lines per statement row before the ellipsis

// layoutMsg is a filtered, laid-out timeline computed in a command.
type layoutMsg struct {
	gen int
	lay layout
}

func newTimeline(ctx *programContext) *timeline {
	return &timeline{
		ctx:        ctx,
		keys:       newTimelineKeys(&ctx.global),
		searchKeys: newSearchKeys(&ctx.global),
		dateKeys:   newDateKeys(&ctx.global),
		vp:         rowViewport{areas: []int{0}, headroom: 3, fill: true},
		sr:         search{field: newField()},
		date:       dateJump{field: newField()},
	}
}

// Name implements view.
func (t *timeline) Name() string { return "timeline" }

// SetSize implements view.
func (t *timeline) SetSize(w, h int) {
	t.width, t.height = w, h
	t.vp.setAreas(h)
	t.ensureVisible()
}

// start lays out the first timeline of a loaded corpus.
func (t *timeline) start() {
	t.ctx.hl = highlightWords(t.ctx.filter.Query, "")
	c := t.ctx.c
	t.setLayout(buildLayout(c, c.Query(t.ctx.filter), t.newest, t.ctx.opt.From, t.ctx.opt.To, t.ctx.opt.Events))
}

// selected returns the selected statement's index.
func (t *timeline) selected() (int, bool) {
	if t.cursor < 0 || t.cursor >= len(t.lay.view) {
		return 0, false
	}
	return t.lay.view[t.cursor], true
}

// setLayout replaces the layout, keeping the selection on the same
// statement when it is still shown (or the nearest one) at the same place
// on screen.
func (t *timeline) setLayout(lay layout) {
	id, had := t.selected()
	offset := -1
	if had {
		ci := int(t.lay.itemOf[t.cursor])
		if ci >= t.vp.top {
			offset = t.linesBetween(t.vp.top, ci)
		}
	}
	t.lay = lay
	t.ctx.shown = lay.view
	t.cursor, t.vp.top = 0, 0
	if len(lay.view) == 0 {
		return
	}
	if had {
		pos, _ := lay.posOf(t.ctx.c, id)
		t.cursor = min(pos, len(lay.view)-1)
	}
	if offset >= 0 && offset < t.height {
		ci := int(lay.itemOf[t.cursor])
		t.vp.top = ci
		lines := 0
		for t.vp.top > 0 && lines+t.itemHeight(t.vp.top-1) <= offset {
			t.vp.top--
			lines += t.itemHeight(t.vp.top)
		}
	}
	t.ensureVisible()
}

// textWidth is the width of a statement's text lines.
func (t *timeline) textWidth() int { return max(10, t.contentWidth()-17) }

// maxContent caps the width rows are laid out in: on a very wide terminal
// the source stays near the speaker and lines stay readable.
const maxContent = 132

func (t *timeline) contentWidth() int { return min(t.width, maxContent) }

func (t *timeline) itemHeight(i int) int {
	it := t.lay.items[i]
	if it.kind != itemStmt {
		return 1
	}
	s := t.ctx.c.Statements[t.lay.view[it.ref]]
	return 1 + max(1, wrappedLines(s.Text, t.textWidth(), textLines))
}

// The rows, for the viewport: the layout's items, of which the statements
// can be selected.
func (t *timeline) rowCount() int          { return len(t.lay.items) }
func (t *timeline) rowHeight(i, _ int) int { return t.itemHeight(i) }
func (t *timeline) selectable(i int) bool  { return t.lay.items[i].kind == itemStmt }
func (t *timeline) cursorRow() (int, bool) {
	if len(t.lay.view) == 0 {
		return -1, false
	}
	return int(t.lay.itemOf[t.cursor]), true
}

// linesBetween counts the screen lines of rows [from, to).
func (t *timeline) linesBetween(from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		n += t.itemHeight(i)
	}
	return n
}

// ensureVisible scrolls so that the selected row is wholly on screen,
// showing the headings just above it when they fit.
func (t *timeline) ensureVisible() {
	ci, _ := t.cursorRow()
	t.vp.ensureVisible(t, ci, t.cursor == 0)
}

// move moves the selection by delta statements.
func (t *timeline) move(delta int) {
	if len(t.lay.view) == 0 {
		return
	}
	t.cursor = max(0, min(len(t.lay.view)-1, t.cursor+delta))
	t.ensureVisible()
}

func (t *timeline) moveTo(pos int) { t.cursor = 0; t.move(pos) }

// scroll moves the window by delta rows, keeping the selection on screen.
func (t *timeline) scroll(delta int) {
	f, l, ok := t.vp.scroll(t, delta)
	if !ok || len(t.lay.view) == 0 {
		return
	}
	first, last := int(t.lay.items[f].ref), int(t.lay.items[l].ref)
	t.cursor = max(first, min(last, t.cursor))
}

// jumpYear selects the first statement of the next (dir > 0) or previous
// year that has statements.
func (t *timeline) jumpYear(dir int) {
	if len(t.lay.view) == 0 {
		return
	}
	ci := int32(t.lay.itemOf[t.cursor])
	ys := t.lay.years
	cur := sort.Search(len(ys), func(i int) bool { return ys[i] > ci }) - 1 // heading of the current year
	for i := cur + dir; i >= 0 && i < len(ys); i += dir {
		h := ys[i]
		if t.lay.items[h].ref > 0 {
			for j := int(h) + 1; j < len(t.lay.items); j++ {
				if it := t.lay.items[j]; it.kind == itemStmt {
					t.cursor = int(it.ref)
					t.vp.top = int(h)
					t.ensureVisible()
					return
				}
			}
		}
	}
}

// nextMatch selects the next (dir > 0) or previous search match,
// wrapping around.
func (t *timeline) nextMatch(dir int) bool {
	m := t.matchPos
	if len(m) == 0 {
		return false
	}
	var to int
	if dir > 0 {
		i := sort.SearchInts(m, t.cursor+1)
		if i == len(m) {
			i = 0
		}
		to = m[i]
	} else {
		i := sort.SearchInts(m, t.cursor) - 1
		if i < 0 {
			i = len(m) - 1
		}
		to = m[i]
	}
	t.moveTo(to)
	return true
}

// matchIndex is the index of the selection among the matches, or -1
// when it is not on one.
func (t *timeline) matchIndex() int {
	i := sort.SearchInts(t.matchPos, t.cursor)
	if i < len(t.matchPos) && t.matchPos[i] == t.cursor {
		return i
	}
	return -1
}

func (t *timeline) isMatch(pos int) bool {
	i := sort.SearchInts(t.matchPos, pos)
	return i < len(t.matchPos) && t.matchPos[i] == pos
}

// Filtering and searching.

// layoutCmd filters and lays out the timeline in a command.
func (t *timeline) layoutCmd() tea.Cmd {
	t.syncOnly()
	t.gen++
	t.pending = true
	x := t.ctx
	c, f, newest, from, to, evs, gen := x.c, x.viewFilter(), t.newest, x.opt.From, x.opt.To, x.opt.Events, t.gen
	return func() tea.Msg {
		return layoutMsg{gen: gen, lay: buildLayout(c, c.Query(f), newest, from, to, evs)}
	}
}

// refilter lays the timeline out again for the current filters and
// order. A corpus small enough to do it within a frame is done at once, so
// that keys typed right after apply to the new timeline; a larger one is
// done in a command.
func (t *timeline) refilter() tea.Cmd {
	cmd := t.layoutCmd()
	if len(t.ctx.c.Statements) > t.ctx.syncLimit {
		return cmd
	}
	return t.applyLayout(cmd().(layoutMsg))
}

func (t *timeline) applyLayout(msg layoutMsg) tea.Cmd {
	if msg.gen != t.gen {
		return nil // stale: a newer filter is on its way
	}
	t.pending = false
	t.setLayout(msg.lay)
	if t.sr.query != "" {
		return t.searchNow(false)
	}
	return nil
}

func (t *timeline) applySearch(msg searchResultMsg) {
	if msg.gen != t.sr.gen {
		return // stale
	}
	t.sr.pending = false
	t.sr.found = len(msg.matchPos)
	t.matchPos = msg.matchPos
	if msg.jump {
		t.moveTo(t.sr.origin)
		if len(msg.matchPos) > 0 && !t.isMatch(t.sr.origin) {
			t.nextMatch(1)
		}
	}
}

// setOnly narrows the timeline to the search's matches, or not.
func (t *timeline) setOnly(only bool) {
	t.sr.only = only
	t.syncOnly()
}

// syncOnly tells the context which search the timeline is narrowed to,
// for its viewFilter: the one in force while & is on.
func (t *timeline) syncOnly() {
	t.ctx.only = pick(t.sr.only && t.sr.query != "", t.sr.query, "")
}

// searchNow starts the search for the current query on the current
// layout.
func (t *timeline) searchNow(jump bool) tea.Cmd {
	x := t.ctx
	t.sr.gen++
	x.hl = highlightWords(x.filter.Query, t.sr.query)
	if strings.TrimSpace(t.sr.query) == "" || len(model.Words(t.sr.query)) == 0 {
		t.sr.pending = false
		t.sr.found = 0
		t.matchPos = nil
		return nil
	}
	t.sr.pending = true
	cmd := searchCmd(x.c, x.filter, t.lay, t.sr.query, t.sr.gen, jump)
	if len(x.c.Statements) > x.syncLimit {
		return cmd
	}
	t.applySearch(cmd().(searchResultMsg))
	return nil
}

// clearSearch ends the search; a timeline narrowed to its matches is
// laid out again, whole (the command is nil otherwise).
func (t *timeline) clearSearch() tea.Cmd {
	only := t.sr.only && t.sr.query != ""
	t.setOnly(false)
	t.sr.query = ""
	t.sr.field.SetValue("")
	t.sr.typing = false
	t.sr.gen++
	t.sr.pending = false
	t.sr.found = 0
	t.matchPos = nil
	t.ctx.hl = highlightWords(t.ctx.filter.Query, "")
	if only {
		return t.refilter()
	}
	return nil
}

// nextPeriods steps p through all → Biden → Trump (second term) →
// Trump (first term) → undated → all; any other choice (from the command
// line) goes back to all.
func nextPeriods(cur []model.Period) []model.Period {
	cycle := [][]model.Period{nil, {model.PeriodBiden}, {model.PeriodTrump2}, {model.PeriodTrump1}, {model.PeriodUnknown}}
	for i, ps := range cycle {
		if len(ps) == len(cur) && (len(ps) == 0 || ps[0] == cur[0]) {
			return cycle[(i+1)%len(cycle)]
		}
	}
	return nil
}

// The component.

// Update implements view: the keys and the mouse while the timeline has
// the focus, and the results of its layouts and searches.
func (t *timeline) Update(msg tea.Msg) (action, tea.Cmd) {
	defer t.syncOnly()
	switch msg := msg.(type) {
	case layoutMsg:
		return nil, t.applyLayout(msg)
	case searchResultMsg:
		t.applySearch(msg)
	case tea.KeyPressMsg:
		switch {
		case t.sr.typing:
			return nil, t.searchKey(msg)
		case t.date.typing:
			t.dateKey(msg)
			return nil, nil
		}
		return t.key(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			t.scroll(-3)
		case tea.MouseWheelDown:
			t.scroll(3)
		}
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return nil, nil
		}
		row, ok := t.vp.rowAt(t, 0, msg.Y-bodyTop)
		if !ok || !t.selectable(row) {
			return nil, nil
		}
		pos := int(t.lay.items[row].ref)
		same := pos == t.cursor
		t.cursor = pos
		t.ensureVisible()
		if id, ok := t.selected(); same && ok {
			return readStatement{id}, nil // a click on the selection opens it
		}
	}
	return nil, nil
}

// moveKey moves around the timeline; it reports whether msg was a move.
func (t *timeline) moveKey(msg tea.KeyPressMsg) bool {
	k := t.keys
	if d, ok := k.step(msg, t.vp.page(t)); ok {
		t.move(d)
		return true
	}
	switch {
	case key.Matches(msg, k.Top):
		t.moveTo(0)
		t.vp.top = 0
	case key.Matches(msg, k.Bottom):
		// the last statement, and the rows after it (the events after the
		// last statement) as far as they fit
		t.moveTo(len(t.lay.view) - 1)
		if len(t.lay.view) > 0 {
			t.vp.top = max(t.vp.top, min(t.vp.maxTop(t), int(t.lay.itemOf[t.cursor])))
		}
	case key.Matches(msg, k.PrevYear):
		t.jumpYear(-1)
	case key.Matches(msg, k.NextYear):
		t.jumpYear(1)
	default:
		return false
	}
	return true
}

func (t *timeline) key(msg tea.KeyPressMsg) (action, tea.Cmd) {
	if t.moveKey(msg) {
		return nil, nil
	}
	x := t.ctx
	k := t.keys
	switch {
	case key.Matches(msg, k.Open):
		if id, ok := t.selected(); ok {
			return readStatement{id}, nil
		}
	case key.Matches(msg, k.Order):
		t.newest = !t.newest
		return nil, t.refilter()
	case key.Matches(msg, k.Speakers):
		return pickFilter{pickSpeakers}, nil
	case key.Matches(msg, k.Topics):
		return pickFilter{pickTopics}, nil
	case key.Matches(msg, k.Russia):
		if len(x.filter.Affiliations) == 1 && x.filter.Affiliations[0] == model.Russia {
			x.filter.Affiliations = nil
		} else {
			x.filter.Affiliations = []model.Affiliation{model.Russia}
		}
		return nil, t.refilter()
	case key.Matches(msg, k.Period):
		x.filter.Periods = nextPeriods(x.filter.Periods)
		return nil, t.refilter()
	case key.Matches(msg, k.ClearFilters):
		x.filter = model.Filter{}
		t.setOnly(false)
		t.clearSearch()
		return nil, t.refilter()
	case key.Matches(msg, k.GoToDate):
		t.date.typing = true
		t.date.field.SetValue("")
	case key.Matches(msg, k.Search):
		t.sr.typing = true
		t.sr.origin = t.cursor
		t.sr.field.SetValue("")
	case key.Matches(msg, k.NextMatch):
		t.nextMatch(1)
	case key.Matches(msg, k.PrevMatch):
		t.nextMatch(-1)
	case key.Matches(msg, k.ClearSearch):
		return nil, t.clearSearch()
	case key.Matches(msg, k.OnlyMatches):
		if t.sr.query == "" {
			x.flash = "no search to narrow to: / searches"
			return nil, nil
		}
		t.setOnly(!t.sr.only)
		return nil, t.refilter()
	case key.Matches(msg, k.Mark):
		if id, ok := t.selected(); ok {
			x.toggleMark(id)
			t.move(1)
		}
	case key.Matches(msg, k.ClearMarks):
		clear(x.marks)
	case key.Matches(msg, k.Copy):
		if id, ok := t.selected(); ok {
			return nil, copyMarkdown(x, id)
		}
	default:
		// the keys of the views the timeline opens (w, c, e)
		for _, o := range x.opens {
			if key.Matches(msg, *o.binding) {
				return openView{o.id}, nil
			}
		}
	}
	return nil, nil
}

// searchKey handles a key while the search field has the keyboard.
func (t *timeline) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	prev := t.sr.query
	switch t.sr.Update(msg, t.searchKeys) {
	case searchChanged:
		if t.sr.only {
			// the timeline shows the matches: lay it out for the new words
			// (or whole again, once the field is empty)
			return t.refilter()
		}
		if t.sr.query == "" {
			cmd := t.searchNow(false)
			t.moveTo(t.sr.origin)
			return cmd
		}
		return t.searchNow(true)
	case searchAccept:
		if t.sr.field.Value() == "" && prev != "" {
			t.sr.query = prev // enter on an empty field keeps the last search
		}
	case searchCancel:
		t.sr.query = prev // clearSearch lays the timeline out whole again if it was narrowed
		cmd := t.clearSearch()
		t.moveTo(t.sr.origin)
		return cmd
	case searchNext:
		t.nextMatch(1)
	case searchPrev:
		t.nextMatch(-1)
	}
	return nil
}

// UpdateKeys implements view: the bindings that apply now.
func (t *timeline) UpdateKeys() {
	x := t.ctx
	k := &t.keys
	searching := t.sr.query != ""
	k.NextMatch.SetEnabled(searching)
	k.PrevMatch.SetEnabled(searching)
	k.ClearSearch.SetEnabled(searching)
	k.OnlyMatches.SetHelp("&", pick(t.sr.only, "show every statement again", "show only the matches"))
	k.ClearMarks.SetEnabled(len(x.marks) > 0)
	k.ClearFilters.SetEnabled(!x.filter.IsZero() || searching)
	shown := x.c != nil && len(t.lay.view) > 0
	k.Open.SetEnabled(shown)
	k.Mark.SetEnabled(shown)
	k.Copy.SetEnabled(shown)
	k.Order.SetHelp("o", pick(t.newest, "oldest first", "newest first"))
}

// ShortHelp implements help.KeyMap: the keys of the field that has the
// keyboard, or the timeline's.
func (t *timeline) ShortHelp() []key.Binding {
	switch {
	case t.sr.typing:
		return t.searchKeys.ShortHelp()
	case t.date.typing:
		return t.dateKeys.ShortHelp()
	}
	return t.keys.ShortHelp()
}

// FullHelp implements help.KeyMap; the open keys of the views the
// timeline opens join its fourth group.
func (t *timeline) FullHelp() [][]key.Binding {
	switch {
	case t.sr.typing:
		return t.searchKeys.FullHelp()
	case t.date.typing:
		return t.dateKeys.FullHelp()
	}
	groups := t.keys.FullHelp()
	for _, o := range t.ctx.opens {
		groups[3] = append(groups[3], *o.binding)
	}
	return groups
}

// HelpExtra implements view: the keys of the fields the timeline opens,
// which take every printable key and so cannot open help themselves, and
// the legend of its marks.
func (t *timeline) HelpExtra() ([]helpSection, []string) {
	sk, dk, pk := t.searchKeys, t.dateKeys, newPickerKeys(&t.ctx.global)
	return []helpSection{
		{"While typing a search (/): every printable key types", [][]key.Binding{{sk.Accept, sk.Cancel, sk.NextMatch, sk.PrevMatch}}},
		{"While typing a date (d): 2024, 2024-11 or 2024-11-06", [][]key.Binding{{dk.Go, dk.Cancel}}},
		{"In the speaker and topic pickers (s, t): every printable key narrows", [][]key.Binding{{pk.Up, pk.Down, pk.PageUp, pk.PageDown}, {pk.Toggle, pk.All, pk.Apply, pk.Cancel}}},
	}, timelineLegend()
}

// timelineLegend explains the timeline's marks in help.
func timelineLegend() []string {
	return []string{
		"Dates: 2024-11-06 day · 2024-11~ month known · 2024~ year known · ~2024-11-04 a range (its best estimate; enter shows both ends) · ????-??-?? unknown.",
		"Kinds: D direct quotation · I indirect (reported speech) · M mixed.",
		"Gutter: ┆ Trump (first term) · │ Biden · ┃ Trump (second term) · ◆ reference event. Speakers: RU, US, UA, ·· other, ?? unknown.",
	}
}

// Title implements view: the periods' legend and the order.
func (t *timeline) Title() string {
	th := t.ctx.th
	legend := ""
	for _, p := range model.Periods {
		legend += th.Band[p].Render(bandGlyph(p)) + th.TitleDim.Render(" "+shortPeriod(p)+"  ")
	}
	return legend + th.TitleDim.Render(pick(t.newest, "newest first ", "oldest first "))
}

func shortPeriod(p model.Period) string {
	switch p {
	case model.PeriodTrump1:
		return "Trump 1"
	case model.PeriodBiden:
		return "Biden"
	case model.PeriodTrump2:
		return "Trump 2"
	}
	return "?"
}

// Footer implements view: the search or date field while one is typed in.
func (t *timeline) Footer() string {
	th, w := t.ctx.th, t.ctx.width
	switch {
	case t.sr.typing:
		return fit(" "+t.sr.field.View(th, "/", w-2), w)
	case t.date.typing:
		return fit(" "+t.date.field.View(th, "go to date (YYYY, YYYY-MM or YYYY-MM-DD): ", w-2), w)
	}
	return ""
}

// View implements view: the rows on screen, exactly height lines of width
// columns.
func (t *timeline) View() string {
	lines := make([]string, 0, t.height)
	if len(t.lay.view) == 0 && t.height > 0 {
		note := "No statements match the filters; x clears them."
		if c := t.ctx.c; len(c.Statements) == 0 {
			note = fmt.Sprintf("No statements were found in the %s loaded; w lists skipped files and warnings.", plural(len(c.Documents), "document"))
		}
		lines = append(lines, fit("  "+t.ctx.th.Warn.Render(note), t.width))
	}
	lines = append(lines, t.vp.draw(t, 0, t.renderItem)...)
	if len(lines) > t.height {
		lines = lines[:t.height]
	}
	for i, l := range lines {
		lines[i] = fit(l, t.width)
	}
	for len(lines) < t.height {
		lines = append(lines, strings.Repeat(" ", t.width))
	}
	return strings.Join(lines, "\n")
}

// wrappedLines is len(wrapSpans(flatten(text), width)), capped at limit:
// how many lines the text takes. Keys call it for every row they move
// over, so ASCII text, whose width is its length, is measured without
// wrapping it.
func wrappedLines(text string, width, limit int) int {
	blank := func(c byte) bool { return c <= ' ' || c == 0x7f } // a space once flattened
	a, z := 0, len(text)
	for a < z && blank(text[a]) {
		a++
	}
	for z > a && blank(text[z-1]) {
		z--
	}
	ascii := true
	for k := a; k < z; k++ {
		if text[k] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii || limit > 2 {
		return min(limit, len(wrapSpans(flatten(text), width)))
	}
	switch {
	case a == z:
		return 0
	case z-a <= max(1, width):
		return min(limit, 1)
	}
	return min(limit, 2) // at least two
}

func (t *timeline) gutter(p model.Period) string {
	return t.ctx.th.Band[p].Render(bandGlyph(p)) + " "
}

// periodNear is the period of the row i, or of the statement after it
// for a month heading.
func (t *timeline) periodNear(i int) model.Period {
	for j := i; j < len(t.lay.items) && j < i+3; j++ {
		if it := t.lay.items[j]; it.kind == itemStmt {
			return t.ctx.c.Statements[t.lay.view[it.ref]].Period()
		}
	}
	return model.PeriodUnknown
}

func (t *timeline) renderItem(i int) []string {
	it := t.lay.items[i]
	th := t.ctx.th
	w := t.contentWidth()
	switch it.kind {
	case itemYear:
		label := strconv.Itoa(int(it.year))
		note := countNote(int(it.ref))
		rule := max(0, w-2-len(label)-1-len(note)-2)
		line := "  " + th.Year.Render(label) + " " + th.YearRule.Render("──") + pick(it.ref == 0, th.Empty, th.Dim).Render(note) + th.YearRule.Render(strings.Repeat("─", rule))
		return []string{fit(line, w)}
	case itemUndated:
		note := countNote(int(it.ref))
		line := "  " + th.Year.Render("Date unknown") + " " + th.YearRule.Render("──") + th.Dim.Render(note) + th.YearRule.Render(strings.Repeat("─", max(0, w-14-len(note)-4)))
		return []string{fit(line, w)}
	case itemMonth:
		m := time.Month(it.month).String() + " " + strconv.Itoa(int(it.year))
		if it.month == monthUnknown {
			m = strconv.Itoa(int(it.year)) + ", month unknown"
		}
		return []string{fit(t.gutter(t.periodNear(i+1))+"   "+th.Month.Render(m), w)}
	case itemEvent:
		ev := t.lay.events[it.ref]
		p := model.PeriodOf(model.DayDate(ev.Day, "", "", model.Span{}))
		line := t.gutter(p) + "  " + th.Event.Render("◆ "+ev.Day.Format("2006-01-02")+"  "+ev.Label)
		return []string{fit(line, w)}
	}
	return t.renderStatement(int(it.ref))
}

func (t *timeline) renderStatement(pos int) []string {
	th := t.ctx.th
	id := t.lay.view[pos]
	s := t.ctx.c.Statements[id]
	sp := t.ctx.c.SpeakerInfo(s.Speaker)
	sel := pos == t.cursor
	g := t.gutter(s.Period())

	cur, mark := " ", " "
	if sel {
		cur = th.Cursor.Render("▸")
	}
	if t.ctx.marks[id] {
		mark = th.Mark.Render("●")
	}
	src := cut(sourceLabel(t.ctx.c, s), max(8, min(24, t.width/5)))
	metaW := max(10, t.contentWidth()-5)
	date := s.Date.Short()
	speaker := s.Speaker
	if speaker == model.UnknownSpeaker {
		speaker = "unknown speaker"
		if m := strings.TrimSpace(flatten(s.Mention)); m != "" {
			speaker += " (" + m + ")"
		}
	}
	var meta string
	if sel {
		plain := fmt.Sprintf("%-11s %s %s %s", date, kindMarker(s.Kind), speaker, affilTag(sp.Affiliation))
		meta = th.Selected.Render(spread(plain, src, metaW))
	} else {
		ds := th.Date
		if s.Date.Precision != model.PrecisionDay {
			ds = th.DateInferred
		}
		left := ds.Render(fmt.Sprintf("%-11s", date)) + " " + th.Kind.Render(kindMarker(s.Kind)) + " " +
			th.affil(sp.Affiliation).Render(speaker) + " " + th.Dim.Render(affilTag(sp.Affiliation))
		meta = spread(left, th.Source.Render(src), metaW)
	}
	lines := []string{fit(g+cur+mark+" "+meta, t.width)}

	text := flatten(s.Text)
	tw := t.textWidth()
	wrapped := wrapSpans(text, tw)
	var spans []span
	for _, r := range wordMatches(text, t.ctx.hl) {
		spans = append(spans, span{r[0], r[1], th.Match})
	}
	pad := g + strings.Repeat(" ", 15)
	if len(wrapped) == 0 {
		return append(lines, fit(pad+th.Dim.Render("(no text)"), t.width))
	}
	for k := 0; k < len(wrapped) && k < textLines; k++ {
		a, z := wrapped[k][0], wrapped[k][1]
		if k == textLines-1 && k < len(wrapped)-1 {
			// last line with more to come: cut with an ellipsis
			for z > a && lipgloss.Width(text[a:z]) > tw-1 {
				_, n := utf8.DecodeLastRuneInString(text[a:z])
				z -= n
			}
			// cut at a word boundary when one is near
			if sp := strings.LastIndexByte(text[a:z], ' '); sp > 0 && z-(a+sp) < 16 && z < len(text) && text[z] != ' ' {
				z = a + sp
			}
			for z > a && text[z-1] == ' ' {
				z--
			}
			lines = append(lines, fit(pad+styleRange(text, a, z, th.Text, spans)+th.Dim.Render("…"), t.width))
			continue
		}
		lines = append(lines, fit(pad+styleRange(text, a, z, th.Text, spans), t.width))
	}
	return lines
}

// sourceLabel names where a statement was reported: "TASS", "via
// Kommersant", "TASS +2" — or "source unknown": a file name ("01") says
// nothing to a reader; the reader pane gives the path.
func sourceLabel(c *model.Corpus, s *model.Statement) string {
	src := "source unknown"
	if d := c.Document(s.Doc); d != nil && strings.TrimSpace(d.Source) != "" {
		src = d.Source
	}
	if n := len(s.Sources) - 1; n > 0 {
		src += fmt.Sprintf(" +%d", n)
	}
	return src
}

// countNote is a heading's count of statements: " no statements ",
// " 1 statement ", " 12 statements ".
func countNote(n int) string {
	switch n {
	case 0:
		return " no statements "
	case 1:
		return " 1 statement "
	}
	return fmt.Sprintf(" %d statements ", n)
}
