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

// timeline is the timeline view: a window over a layout with a selection.
type timeline struct {
	c      *model.Corpus
	th     *theme
	lay    layout
	cursor int // selected view position
	top    int // first row on screen
	width  int
	height int
	marks  map[int]bool
	// search: display positions of the matches (ascending) and the word
	// prefixes to highlight
	matchPos []int
	hl       []string
}

const textLines = 2 // text lines per statement row before the ellipsis

func (t *timeline) SetSize(w, h int) {
	t.width, t.height = w, h
	t.ensureVisible()
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
		if ci >= t.top {
			offset = t.linesBetween(t.top, ci)
		}
	}
	t.lay = lay
	t.cursor, t.top = 0, 0
	if len(lay.view) == 0 {
		return
	}
	if had {
		pos, _ := lay.posOf(t.c, id)
		t.cursor = min(pos, len(lay.view)-1)
	}
	if offset >= 0 && offset < t.height {
		ci := int(lay.itemOf[t.cursor])
		t.top = ci
		lines := 0
		for t.top > 0 && lines+t.itemHeight(t.top-1) <= offset {
			t.top--
			lines += t.itemHeight(t.top)
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
	s := t.c.Statements[t.lay.view[it.ref]]
	return 1 + max(1, wrappedLines(s.Text, t.textWidth(), textLines))
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
	if len(t.lay.items) == 0 || t.height <= 0 {
		t.top = 0
		return
	}
	if len(t.lay.view) == 0 {
		t.top = min(t.top, len(t.lay.items)-1)
		return
	}
	ci := int(t.lay.itemOf[t.cursor])
	if ci < t.top {
		t.top = ci
		// bring the headings right above into view
		for k := 0; k < 3 && t.top > 0 && t.lay.items[t.top-1].kind != itemStmt; k++ {
			t.top--
		}
	}
	if t.cursor == 0 {
		t.top = 0
	}
	if ci-t.top > t.height {
		t.top = ci - t.height
	}
	if t.top < ci {
		lines := t.linesBetween(t.top, ci+1)
		for t.top < ci && lines > t.height {
			lines -= t.itemHeight(t.top)
			t.top++
		}
	}
	// never leave the screen half empty while rows above are hidden
	t.top = min(t.top, t.maxTop())
}

// maxTop is the last row the window may start at: the first row from
// which every row to the end fits on screen (0 when they all do). A
// window starting below it would leave lines blank with rows above
// hidden.
func (t *timeline) maxTop() int {
	lines := 0
	for i := len(t.lay.items) - 1; i >= 0; i-- {
		lines += t.itemHeight(i)
		if lines > t.height {
			return min(i+1, len(t.lay.items)-1)
		}
	}
	return 0
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

// visible returns the view positions of the first and last statements
// wholly on screen (last < first when there are none).
func (t *timeline) visible() (first, last int) {
	first, last = -1, -2
	lines := 0
	for i := t.top; i < len(t.lay.items); i++ {
		h := t.itemHeight(i)
		if lines+h > t.height {
			break
		}
		lines += h
		if it := t.lay.items[i]; it.kind == itemStmt {
			if first < 0 {
				first = int(it.ref)
			}
			last = int(it.ref)
		}
	}
	if first < 0 {
		return 0, -1
	}
	return first, last
}

func (t *timeline) pageStatements() int {
	f, l := t.visible()
	return max(1, l-f)
}

// scroll moves the window by delta rows, keeping the selection on screen.
func (t *timeline) scroll(delta int) {
	if len(t.lay.items) == 0 {
		return
	}
	t.top = max(0, min(t.maxTop(), t.top+delta))
	if len(t.lay.view) == 0 {
		return
	}
	f, l := t.visible()
	if l < f {
		return
	}
	if t.cursor < f {
		t.cursor = f
	} else if t.cursor > l {
		t.cursor = l
	}
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
					t.top = int(h)
					t.ensureVisible()
					return
				}
			}
		}
	}
}

// rowAt returns the view position of the statement drawn at screen line y
// of the timeline, if any.
func (t *timeline) rowAt(y int) (int, bool) {
	lines := 0
	for i := t.top; i < len(t.lay.items) && lines < t.height; i++ {
		h := t.itemHeight(i)
		if y >= lines && y < lines+h {
			if it := t.lay.items[i]; it.kind == itemStmt {
				return int(it.ref), true
			}
			return 0, false
		}
		lines += h
	}
	return 0, false
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

// Update handles the keys and mouse events that move around the timeline.
// It reports whether it handled the message and, for a click on the
// already selected statement, that the user asked to open it.
func (t *timeline) Update(msg tea.Msg, k timelineKeys) (handled, open bool) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if d, ok := k.step(msg, t.pageStatements()); ok {
			t.move(d)
			return true, false
		}
		switch {
		case key.Matches(msg, k.Top):
			t.moveTo(0)
			t.top = 0
		case key.Matches(msg, k.Bottom):
			// the last statement, and the rows after it (the events
			// after the last statement) as far as they fit
			t.moveTo(len(t.lay.view) - 1)
			if len(t.lay.view) > 0 {
				t.top = max(t.top, min(t.maxTop(), int(t.lay.itemOf[t.cursor])))
			}
		case key.Matches(msg, k.PrevYear):
			t.jumpYear(-1)
		case key.Matches(msg, k.NextYear):
			t.jumpYear(1)
		default:
			return false, false
		}
		return true, false
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			t.scroll(-3)
		case tea.MouseWheelDown:
			t.scroll(3)
		default:
			return false, false
		}
		return true, false
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return false, false
		}
		pos, ok := t.rowAt(msg.Y - bodyTop)
		if !ok {
			return true, false
		}
		same := pos == t.cursor
		t.cursor = pos
		t.ensureVisible()
		return true, same
	}
	return false, false
}

// View draws the rows on screen: exactly height lines of width columns.
func (t *timeline) View() string {
	lines := make([]string, 0, t.height)
	if len(t.lay.view) == 0 && t.height > 0 {
		note := "No statements match the filters; x clears them."
		if len(t.c.Statements) == 0 {
			note = fmt.Sprintf("No statements were found in the %s loaded; w lists skipped files and warnings.", plural(len(t.c.Documents), "document"))
		}
		lines = append(lines, fit("  "+t.th.Warn.Render(note), t.width))
	}
	for i := t.top; i < len(t.lay.items) && len(lines) < t.height; i++ {
		lines = append(lines, t.renderItem(i)...)
	}
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

func (t *timeline) gutter(p model.Period) string {
	return t.th.Band[p].Render(bandGlyph(p)) + " "
}

// periodNear is the period of the row i, or of the statement after it
// for a month heading.
func (t *timeline) periodNear(i int) model.Period {
	for j := i; j < len(t.lay.items) && j < i+3; j++ {
		if it := t.lay.items[j]; it.kind == itemStmt {
			return t.c.Statements[t.lay.view[it.ref]].Period()
		}
	}
	return model.PeriodUnknown
}

func (t *timeline) renderItem(i int) []string {
	it := t.lay.items[i]
	th := t.th
	w := t.contentWidth()
	switch it.kind {
	case itemYear:
		label := strconv.Itoa(int(it.year))
		var note string
		switch it.ref {
		case 0:
			note = " no statements "
		case 1:
			note = " 1 statement "
		default:
			note = fmt.Sprintf(" %d statements ", it.ref)
		}
		rule := max(0, w-2-len(label)-1-len(note)-2)
		line := "  " + th.Year.Render(label) + " " + th.YearRule.Render("──") + pick(it.ref == 0, th.Empty, th.Dim).Render(note) + th.YearRule.Render(strings.Repeat("─", rule))
		return []string{fit(line, w)}
	case itemUndated:
		note := fmt.Sprintf(" %d statements ", it.ref)
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
	th := t.th
	id := t.lay.view[pos]
	s := t.c.Statements[id]
	sp := t.c.SpeakerInfo(s.Speaker)
	sel := pos == t.cursor
	g := t.gutter(s.Period())

	cur, mark := " ", " "
	if sel {
		cur = th.Cursor.Render("▸")
	}
	if t.marks[id] {
		mark = th.Mark.Render("●")
	}
	src := cut(sourceLabel(t.c, s), max(8, min(24, t.width/5)))
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
	for _, r := range wordMatches(text, t.hl) {
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
