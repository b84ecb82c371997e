package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/quotetrail/quotetrail/model"
	"github.com/quotetrail/quotetrail/ui/tmuxtest"
)

func openCompare(t *testing.T, w, h int, opt Options, before ...string) Model {
	t.Helper()
	m := newFixture(t, w, h, opt)
	m, _ = drive(t, m, keys(append(before, "c")...)...)
	if m.focus != focusCompare {
		t.Fatalf("c did not open the compare view (focus %s)", string(m.focus))
	}
	return m
}

func TestCompareOpensOnTheFilteredTimeline(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	scr := screen(m)
	mustContain(t, scr, "Before the election", "After the election", "to 2024-11-05 · 18", "from 2024-11-06 · 15",
		"terms, none clear:", "tango alone 0/2", "dialogue and talks · 2 pairs",
		"Moscow is ready for a broad and comprehensive", "the Kremlin welcomes the readiness",
		"compare · split 2024-11-06 (election)", "3 pairs · 2 undated, 6 before 2021 left out · 41 of 41 statements",
		"Before the election, unpaired · 15")
	// the timeline's filters apply to both sides: Peskov only
	m = openCompare(t, 100, 30, Options{Filter: model.Filter{Speakers: []string{"Peskov"}}})
	for _, side := range [][]int{m.cv.cmp.Left.IDs, m.cv.cmp.Right.IDs} {
		for _, id := range side {
			if sp := m.c.Statements[id].Speaker; sp != "Dmitry Peskov" {
				t.Errorf("%s in a comparison filtered to Peskov", sp)
			}
		}
	}
	mustContain(t, screen(m), "speaker: Dmitry Peskov")
	// esc and c both go back to the timeline
	for _, k := range []string{"esc", "c"} {
		m = openCompare(t, 100, 30, Options{})
		m, _ = drive(t, m, keys(k)...)
		if m.focus != focusTimeline {
			t.Errorf("%s: focus %s, want the timeline", k, string(m.focus))
		}
	}
}

func TestCompareTabMovesFocus(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	left, _ := m.cv.focusedStatement()
	if m.cv.right || m.c.Statements[left].Period() != model.PeriodBiden {
		t.Fatalf("the left pane should have the focus on a Biden-period statement")
	}
	m, _ = drive(t, m, keys("tab")...)
	right, _ := m.cv.focusedStatement()
	if !m.cv.right || right == left || m.cv.cmp.Pairs[0].Right != right {
		t.Errorf("tab: right=%v statement %d, want the first pair's right %d", m.cv.right, right, m.cv.cmp.Pairs[0].Right)
	}
	mustContain(t, screen(m), "tab focus the before pane")
	m, _ = drive(t, m, keys("tab")...)
	if m.cv.right {
		t.Error("tab again should move the focus back to the left")
	}
}

func TestCompareScrollsTogether(t *testing.T) {
	m := openCompare(t, 80, 24, Options{})
	first := m.cv.cursor
	m, _ = drive(t, m, keys("j", "j", "j", "j", "j")...)
	if m.cv.cursor <= first || m.cv.vp.top == 0 {
		t.Errorf("j: cursor %d top %d", m.cv.cursor, m.cv.vp.top)
	}
	// stacked: the selected row's left statement is in the top pane and its
	// right one in the bottom pane
	scr := screen(m)
	l, _ := m.cv.stmtAt(m.cv.cursor, false)
	r, okR := m.cv.stmtAt(m.cv.cursor, true)
	mustContain(t, scr, firstWords(m.c.Statements[l].Text, 4))
	if okR {
		mustContain(t, scr, firstWords(m.c.Statements[r].Text, 4))
	}
	m, _ = drive(t, m, keys("G")...)
	if !m.cv.selectable(m.cv.cursor) || m.cv.cursor < len(m.cv.rows)-1 {
		t.Errorf("G: cursor %d of %d rows", m.cv.cursor, len(m.cv.rows))
	}
	m, _ = drive(t, m, keys("g")...)
	if m.cv.cursor != m.cv.firstSelectable() || m.cv.vp.top != 0 {
		t.Errorf("g: cursor %d top %d", m.cv.cursor, m.cv.vp.top)
	}
	m, _ = drive(t, m, keys("pgdown")...)
	if m.cv.cursor == m.cv.firstSelectable() {
		t.Error("pgdown did not move")
	}
	m, _ = drive(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown, Y: 10}, tea.MouseWheelMsg{Button: tea.MouseWheelDown, Y: 10})
	if m.cv.vp.top < 3 {
		t.Errorf("the wheel did not scroll: top %d", m.cv.vp.top)
	}
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}

func TestCompareMovesTheSplit(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	gen, left := m.cv.gen, len(m.cv.cmp.Left.IDs)
	m, _ = drive(t, m, keys(">")...)
	if got := m.cv.cmp.Split.String(); got != "2024-12-06" {
		t.Fatalf("> : split %s, want 2024-12-06", got)
	}
	if m.cv.gen == gen || len(m.cv.cmp.Left.IDs) <= left {
		t.Errorf("> did not recompute: gen %d→%d, left %d→%d", gen, m.cv.gen, left, len(m.cv.cmp.Left.IDs))
	}
	mustContain(t, screen(m), "compare · split 2024-12-06", "Before 2024-12-06", "From 2024-12-06", "2024-12-05 · ")
	m, _ = drive(t, m, keys("<", "<")...)
	if got := m.cv.cmp.Split.String(); got != "2024-10-06" {
		t.Errorf("< <: split %s, want 2024-10-06", got)
	}
	// i switches between the election and the inauguration
	m, _ = drive(t, m, keys("i")...)
	if got := m.cv.cmp.Split.String(); got != "2025-01-20" {
		t.Errorf("i: split %s, want the inauguration", got)
	}
	mustContain(t, screen(m), "compare · split 2025-01-20 (inauguration)", "Biden period", "Trump period")
	if h := m.cv.keys.Split.Help().Desc; h != "split at the election" {
		t.Errorf("i's help reads %q after switching to the inauguration", h)
	}
	m, _ = drive(t, m, keys("i")...)
	if got := m.cv.cmp.Split.String(); got != "2024-11-06" {
		t.Errorf("i again: split %s, want the election", got)
	}
	// the split stays while the view is closed and reopened
	m, _ = drive(t, m, keys(">", "c", "c")...)
	if got := m.cv.cmp.Split.String(); got != "2024-12-06" {
		t.Errorf("reopened: split %s", got)
	}
}

func TestCompareEnterOpensTheReaderAndEscComesBack(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("j", "tab")...)
	cursor, top := m.cv.cursor, m.cv.vp.top
	want, _ := m.cv.focusedStatement()
	m, _ = drive(t, m, keys("enter")...)
	if m.focus != focusReader || m.rd.id != want {
		t.Fatalf("enter: focus %s on %d, want the reader on %d", string(m.focus), m.rd.id, want)
	}
	mustContain(t, screen(m), "── article")
	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusCompare || m.cv.cursor != cursor || m.cv.vp.top != top || !m.cv.right {
		t.Errorf("esc: focus %s cursor %d top %d right %v, want the compare view at %d/%d", string(m.focus), m.cv.cursor, m.cv.vp.top, m.cv.right, cursor, top)
	}
	// and esc from the reader opened from the timeline still goes to the timeline
	m, _ = drive(t, m, keys("esc", "enter", "esc")...)
	if m.focus != focusTimeline {
		t.Errorf("reader from the timeline: esc goes to %s", string(m.focus))
	}
}

func TestCompareEmptySideSaysWhy(t *testing.T) {
	// Blinken spoke only in the Biden period: nothing is left for the Trump side
	m := openCompare(t, 100, 30, Options{Filter: model.Filter{Speakers: []string{"Blinken"}}})
	scr := screen(m)
	mustContain(t, scr, "No statement on this side matches", "speaker: Antony Blinken")
	if len(m.cv.cmp.Pairs) != 0 || len(m.cv.cmp.Left.IDs) != 3 {
		t.Errorf("pairs %d, left %d", len(m.cv.cmp.Pairs), len(m.cv.cmp.Left.IDs))
	}
	// the Biden side is still listed
	mustContain(t, scr, "We will impose costs for the poisoning")
	// the Biden period (p) split at the inauguration (i): the same
	m = openCompare(t, 80, 24, Options{}, "p")
	m, _ = drive(t, m, keys("i")...)
	mustContain(t, screen(m), "No statement on this side matches these filters")
	// without filters: the split is past every statement
	m = openCompare(t, 100, 30, Options{Split: model.Split(model.Day(2025, 12, 1))})
	mustContain(t, screen(m), "No statement in this corpus falls on")
	if got := m.cv.emptyReason(true); !strings.HasSuffix(got, "this side (from 2025-12-01).") {
		t.Errorf("the empty Trump side says %q", got)
	}
}

func TestCompareTermFiltersBothPanes(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("T")...)
	if !m.cv.picking {
		t.Fatal("T did not open the term chooser")
	}
	mustContain(t, screen(m), "Filter both panes to statements using a term", "enter filter by term", "esc cancel")
	mustNotContain(t, screen(m), "tab other pane", "tab focus")
	terms := m.cv.pickTerms()
	var k int
	for i, x := range terms {
		if x.Term == "tango alone" {
			k = i
		}
	}
	for i := 0; i < k; i++ {
		m, _ = drive(t, m, keys("j")...)
	}
	m, _ = drive(t, m, keys("enter")...)
	if m.cv.term != "tango alone" || m.cv.picking {
		t.Fatalf("term %q picking %v", m.cv.term, m.cv.picking)
	}
	for _, id := range append(append([]int{}, m.cv.cmp.Left.IDs...), m.cv.cmp.Right.IDs...) {
		if !strings.Contains(strings.ToLower(m.c.Statements[id].Text), "tango alone") {
			t.Errorf("%q is shown with the term tango alone", m.c.Statements[id].Text)
		}
	}
	scr := screen(m)
	mustContain(t, scr, "term: tango alone", "No statement on this side uses “tango alone”", "esc clear term")
	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusCompare || m.cv.term != "" || len(m.cv.cmp.Left.IDs) != 18 {
		t.Errorf("esc should clear the term and stay: focus %s term %q", string(m.focus), m.cv.term)
	}
	// esc in the chooser cancels it
	m, _ = drive(t, m, keys("T", "esc")...)
	if m.cv.picking || m.cv.term != "" || m.focus != focusCompare {
		t.Error("esc in the chooser should only close it")
	}
}

func TestCompareStaleResultIsDropped(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	old := compareCmd(m.c, m.filter, model.Split(model.Inauguration2025), "", m.cv.gen)().(compareMsg)
	m, _ = drive(t, m, keys(">")...)
	m, _ = drive(t, m, old)
	if got := m.cv.cmp.Split.String(); got != "2024-12-06" {
		t.Errorf("a stale comparison replaced the current one: split %s", got)
	}
}

func TestCompareInACommandForBigCorpora(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m.syncLimit = 0
	nm, cmd := m.Update(keyMsg("c"))
	m = nm.(Model)
	if cmd == nil || m.cv.cmp != nil {
		t.Fatal("the comparison should be computed in a command")
	}
	mustContain(t, screen(m), "Comparing the wording before and after the split…", "comparing…")
	m, _ = drive(t, m, cmd())
	mustContain(t, screen(m), "3 pairs")
}

func TestCompareDiffsOnlyRowsOnScreen(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	if n := len(m.cv.diffs); n == 0 || n > len(m.cv.cmp.Pairs) {
		t.Errorf("%d diffs for %d pairs", n, len(m.cv.cmp.Pairs))
	}
	for _, p := range m.cv.cmp.Pairs {
		if p.Diff != nil {
			t.Error("the comparison should leave the diffs to the view (LazyDiff)")
		}
	}
}

func TestCompareHelpFromItsKeyMap(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("?")...)
	scr := screen(m)
	mustContain(t, scr, "Keys — compare", "split a month earlier", "split a month later", "filter by a distinctive term", "focus the after pane", "split at the inauguration")
	// every key of the view, those that do not apply right now too
	mustContain(t, strings.Join(strings.Fields(scr), " "), "esc clear term", "enter filter by term")
	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusCompare {
		t.Errorf("closing help: focus %s", string(m.focus))
	}
}

func TestCompareDiffReadsWithoutColour(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	m, _ = drive(t, m, tea.EnvMsg{"NO_COLOR=1"})
	v := m.View().Content
	for _, attr := range []string{"3", "4", "1"} { // italic (left only), underline (right only), bold (shared)
		if !hasSGR(v, attr) {
			t.Errorf("NO_COLOR: no SGR %s in the compare view", attr)
		}
	}
	// issue 19: a strike made the left pane almost all struck through
	if hasSGR(v, "9") {
		t.Error("NO_COLOR: the left side's own words are struck through; a lighter mark reads better")
	}
	for _, p := range sgrParams(v) {
		if strings.Contains(p, "38;") || strings.Contains(p, "48;") {
			t.Fatalf("NO_COLOR: a colour in the compare view: %q", p)
		}
	}
}

func TestCompareFillsTheScreen(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 24}, {99, 30}, {100, 30}, {200, 50}} {
		m := openCompare(t, size[0], size[1], Options{})
		for _, step := range []string{"", "j", "G", "tab", "T", "esc", ">", "i"} {
			if step != "" {
				m, _ = drive(t, m, keys(step)...)
			}
			lines := strings.Split(screen(m), "\n")
			if len(lines) != size[1] {
				t.Errorf("%v after %q: %d lines", size, step, len(lines))
			}
			for i, l := range lines {
				if w := len([]rune(l)); w != size[0] {
					t.Errorf("%v after %q: line %d is %d wide: %q", size, step, i, w, l)
					break
				}
			}
		}
	}
}

// Goldens of the compare view on the fixture corpus: side by side at
// 100×30 and 200×50, stacked at 80×24. Update with:
// go test ./ui -run TestCompareGolden -update
func TestCompareGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"side_by_side_100x30", 100, 30, nil},
		{"side_by_side_200x50", 200, 50, []string{"j", "tab"}},
		{"stacked_80x24", 80, 24, []string{"j"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := openCompare(t, c.w, c.h, Options{})
			m, _ = drive(t, m, keys(c.keys...)...)
			golden.RequireEqual(t, m.View().Content)
		})
	}
}

// The compare view on the real binary and the built-in corpus: c shows
// both panes' headings and the central pair of the shift, its word
// differences in distinct styles.
func TestTmuxCompare(t *testing.T) {
	bin := buildQuotetrail(t)
	s := startTmux(t, 100, 30)
	s.Type("TERM=xterm-256color " + bin)
	s.Send("Enter")
	s.WaitFor("the timeline", func(scr string) bool { return ofStatements.MatchString(scr) })
	s.Send("c")
	// the counts follow the built-in corpus's extraction; the status line
	// drops "(election)" when the counts leave no room for it
	// waiting for the pair's words too: a capture can land while the
	// headings are drawn and the rows below still hold the timeline
	scr := s.WaitText("Before the election", "After the election", "terms", "pairs", "split 2024-11-06",
		"We are ready for dialogue, but", "No preconditions are necessary")
	if !ofStatements.MatchString(scr) {
		t.Fatalf("no statement count in the status line:\n%s", scr)
	}
	styled, err := s.Tmux("capture-pane", "-e", "-p", "-t", s.Name)
	if err != nil {
		t.Fatalf("capture-pane -e: %v", err)
	}
	var pairLine, sharedLine string
	for _, l := range strings.Split(styled, "\n") {
		plain := stripSGR(l)
		if strings.Contains(plain, "We are ready for dialogue, but") {
			pairLine = l
		}
		if strings.Contains(plain, "broad and comprehensive dialogue") {
			sharedLine = l
		}
	}
	// the left-only words and the right-only words in two colours
	colours := map[string]bool{}
	for _, p := range sgrParams(pairLine) {
		if strings.HasPrefix(p, "38") {
			colours[p] = true
		}
	}
	if len(colours) < 3 { // left-only, the divider, right-only
		t.Errorf("the pair's line is not highlighted: %q", pairLine)
	}
	if !hasSGR(sharedLine, "1") {
		t.Errorf("the shared word is not bold: %q", sharedLine)
	}
	s.Send("Tab", "Enter")
	s.WaitText("── article")
	s.Send("Escape")
	s.WaitText("Before the election", "After the election")
	s.Send("c")
	s.WaitFor("the timeline again", func(scr string) bool {
		return ofStatements.MatchString(scr) && !strings.Contains(scr, "After the election")
	})
	s.Send("q")
	s.WaitText(tmuxtest.Prompt)
}

func stripSGR(s string) string { return sgr.ReplaceAllString(s, "") }

// bigCompareCorpus repeats the fixture's dated statements n times, a day
// apart, so that the comparison has many pairs.
func bigCompareCorpus(t testing.TB, n int) *model.Corpus {
	f := fixtureCorpus(t)
	var stmts []*model.Statement
	for k := 0; k < n; k++ {
		for _, s := range f.Statements {
			if !s.Date.Known() {
				continue
			}
			c := *s
			c.ID = fmt.Sprintf("%s/%d", s.ID, k)
			c.Date = day(s.Date.Value.Year(), s.Date.Value.Month(), 1+k%28, "", "")
			c.Text = fmt.Sprintf("%s (%d)", s.Text, k)
			stmts = append(stmts, &c)
		}
	}
	var speakers []*model.Speaker
	for _, s := range fixtureSpeakers {
		speakers = append(speakers, &model.Speaker{Name: s.name, Role: s.role, Affiliation: s.aff, Aliases: s.aliases})
	}
	return model.New("big", f.Documents, stmts, speakers, nil)
}

func TestCompareSplitWhileComputing(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m.syncLimit = 0
	nm, first := m.Update(keyMsg("c"))
	m = nm.(Model)
	nm, second := m.Update(keyMsg(">"))
	m = nm.(Model)
	m, _ = drive(t, m, second(), first()) // the newer one lands first
	if got := m.cv.cmp.Split.String(); got != "2024-12-06" {
		t.Errorf("split %s, want 2024-12-06: the older comparison should be dropped", got)
	}
}

func TestCompareMouse(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	// the first pair's meta line: title, label, two term lines, rule, topic
	y := bodyTop + 5
	m, _ = drive(t, m, tea.MouseClickMsg{Button: tea.MouseLeft, X: 70, Y: y})
	if !m.cv.right || m.cv.cursor != 1 {
		t.Errorf("a click in the right pane: right %v cursor %d", m.cv.right, m.cv.cursor)
	}
	m, _ = drive(t, m, tea.MouseClickMsg{Button: tea.MouseLeft, X: 70, Y: y})
	if m.focus != focusReader || m.rd.id != m.cv.cmp.Pairs[0].Right {
		t.Errorf("a second click should open the statement: focus %s", string(m.focus))
	}
}

func TestCompareDrawsOnlyTheRowsOnScreen(t *testing.T) {
	m := New(bigCompareCorpus(t, 40), Options{Theme: "dark"})
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}, keyMsg("c"))
	pairs := len(m.cv.cmp.Pairs)
	if pairs < 100 {
		t.Fatalf("only %d pairs", pairs)
	}
	for _, k := range []string{"G", "pgup", "g", "pgdown"} {
		m, _ = drive(t, m, keys(k)...)
		mustContain(t, screen(m), "Before the election", "After the election")
	}
	t.Logf("%d pairs, %d diffed, %d rows", pairs, len(m.cv.diffs), len(m.cv.rows))
	if n := len(m.cv.diffs); n > 60 {
		t.Errorf("%d of %d pairs diffed after G, pgup, g, pgdown: only the rows on screen should be", n, pairs)
	}
}

// issue 19: enter opens the row's statement when the focused side of the
// row is empty (c, tab, G: the last unpaired rows have only a left side).
func TestCompareEnterOnAnEmptySideOpensTheRowsStatement(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("tab", "G")...)
	if _, ok := m.cv.focusedStatement(); ok {
		t.Fatal("the fixture's last row should have nothing on the right")
	}
	want, _ := m.cv.stmtAt(m.cv.cursor, false)
	mustContain(t, screen(m), "enter read")
	m, _ = drive(t, m, keys("enter")...)
	if m.focus != focusReader || m.rd.id != want {
		t.Fatalf("enter on an empty right side: focus %s on %d, want the reader on %d", string(m.focus), m.rd.id, want)
	}
	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusCompare {
		t.Errorf("esc goes to %s", string(m.focus))
	}
}

// issue 19: weak pairs and terms below |z| 1.96 are marked, and the
// statements left out are counted.
func TestCompareMarksWeakPairsAndTerms(t *testing.T) {
	m := openCompare(t, 100, 30, Options{})
	mustContain(t, screen(m), "terms, none clear:", "2 undated, 6 before 2021 left out")
	m.cv.cmp.Pairs[0].Similarity = 0.08
	mustContain(t, screen(m), "0.08 weak")
	mustNotContain(t, screen(m), "0.22 weak")
	// a clear term is listed before the mark, the others after it
	m.cv.cmp.Left.Terms[0].Z = 2.5
	scr := screen(m)
	if i, j := strings.Index(scr, "terms:  "+m.cv.cmp.Left.Terms[0].Term), strings.Index(scr, "· not clear:"); i < 0 || j < i {
		t.Errorf("clear terms then not clear ones:\n%s", scr)
	}
}

// issue 19: at 60×15 the status line keeps the count whole.
func TestCompareStatusLineFitsTheSmallestScreen(t *testing.T) {
	m := openCompare(t, 60, 15, Options{})
	lines := strings.Split(screen(m), "\n")
	status := lines[len(lines)-2]
	if !strings.Contains(status, "41 of 41") || strings.Contains(status, "…") {
		t.Errorf("status line at 60 columns: %q", status)
	}
}
