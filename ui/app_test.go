package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/quotetrail/quotetrail/model"
)

// selectedText is the text of the selected statement.
func selectedText(t *testing.T, m Model) string {
	t.Helper()
	id, ok := m.tl.selected()
	if !ok {
		t.Fatal("no statement selected")
	}
	return m.c.Statements[id].Text
}

func TestTimelineAxisShowsEveryYearAndEmptyOnes(t *testing.T) {
	m := newFixture(t, 100, 200, Options{})
	s := screen(m)
	for _, y := range []string{"2020 ── 6 statements", "2021 ── 6 statements", "2022 ── no statements", "2023 ── 7 statements", "2025 ── 7 statements", "Date unknown ── 2 statements"} {
		mustContain(t, s, y)
	}
	// events from Options.Events, in their places
	mustContain(t, s, "◆ 2020-11-03  US election", "◆ 2024-11-05  US election", "◆ 2021-01-20  inauguration of Joe Biden", "◆ 2025-01-20  inauguration of Donald Trump")
	if i, j := strings.Index(s, "2024-11-05  US election"), strings.Index(s, "2024-11-06  D Donald Trump"); i < 0 || j < 0 || i > j {
		t.Errorf("the 2024 election should come right before the statements of 2024-11-06")
	}
	// dates marked when not a day: month, year, range, unknown
	mustContain(t, s, "2020-09~    D Maria Zakharova RU", "2025~       D Dmitry Peskov", "~2024-11-04 I Vladimir Putin", "????-??-??  D unknown speaker (the North American)")
	mustContain(t, s, "2025, month unknown")
	// the period band in the gutter: distinct glyphs per administration
	mustContain(t, s, "┆    2020-06-03", "│    2021-02-05", "┃    2025-01-21")
	// kind markers
	mustContain(t, s, " I Sergei Lavrov RU", " M Maria Zakharova RU", " D Volodymyr Zelensky UA")
	// sources, with the count of further reports
	mustContain(t, s, "TASS +1")
}

func TestLongTextIsCutWithEllipsis(t *testing.T) {
	m := newFixture(t, 60, 200, Options{})
	s := screen(m)
	// "Russia is open to dialogue ... we can not tango alone" needs more
	// than two lines at 60 columns
	mustContain(t, s, "…")
	for _, l := range strings.Split(s, "\n") {
		if w := len([]rune(l)); w > 60 {
			t.Errorf("line wider than 60: %d %q", w, l)
		}
	}
}

func TestMovingAround(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	if got := selectedText(t, m); got != "Relations with Washington are at their lowest point" {
		t.Fatalf("first selection: %q", got)
	}
	m, _ = drive(t, m, keys("j", "j", "down")...)
	if m.tl.cursor != 3 {
		t.Errorf("j j down: cursor %d, want 3", m.tl.cursor)
	}
	m, _ = drive(t, m, keys("k", "up")...)
	if m.tl.cursor != 1 {
		t.Errorf("k up: cursor %d, want 1", m.tl.cursor)
	}
	m, _ = drive(t, m, keys("G")...)
	if m.tl.cursor != len(m.c.Statements)-1 {
		t.Errorf("G: cursor %d", m.tl.cursor)
	}
	mustContain(t, screen(m), "▸  ????-??-??")
	m, _ = drive(t, m, keys("home")...)
	if m.tl.cursor != 0 || m.tl.vp.top != 0 {
		t.Errorf("home: cursor %d top %d", m.tl.cursor, m.tl.vp.top)
	}
	m, _ = drive(t, m, keys("end", "g")...)
	if m.tl.cursor != 0 {
		t.Errorf("end g: cursor %d", m.tl.cursor)
	}
	m, _ = drive(t, m, keys("pgdown")...)
	if m.tl.cursor < 3 {
		t.Errorf("pgdown moved only to %d", m.tl.cursor)
	}
	pg := m.tl.cursor
	m, _ = drive(t, m, keys("pgup")...)
	if m.tl.cursor != 0 {
		t.Errorf("pgup from %d: cursor %d", pg, m.tl.cursor)
	}
	m, _ = drive(t, m, keys("ctrl+d")...)
	if m.tl.cursor == 0 || m.tl.cursor >= pg {
		t.Errorf("ctrl+d: cursor %d (page is %d)", m.tl.cursor, pg)
	}
	m, _ = drive(t, m, keys("ctrl+u")...)
	if m.tl.cursor != 0 {
		t.Errorf("ctrl+u: cursor %d", m.tl.cursor)
	}
	// the selection is always on screen
	for i := 0; i < 45; i++ {
		m, _ = drive(t, m, keys("j")...)
		if !strings.Contains(screen(m), "▸") {
			t.Fatalf("after %d×j the selection is off screen:\n%s", i+1, screen(m))
		}
	}
}

func TestYearJumps(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	year := func() int { id, _ := m.tl.selected(); return m.c.Statements[id].Date.Value.Year() }
	var got []int
	for i := 0; i < 5; i++ {
		m, _ = drive(t, m, keys("]")...)
		got = append(got, year())
	}
	// 2022 has no statements and is skipped; the undated ones come last
	if want := []int{2021, 2023, 2024, 2025, 1}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("] years: %v, want %v", got, want)
	}
	m, _ = drive(t, m, keys("[", "[")...)
	if y := year(); y != 2024 {
		t.Errorf("[ [: year %d", y)
	}
	mustContain(t, screen(m), "2024 ── 13 statements")
}

func TestOrderFlipKeepsSelection(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	m, _ = drive(t, m, keys("]", "]", "j")...)
	before := selectedText(t, m)
	m, _ = drive(t, m, keys("o")...)
	if !m.tl.newest {
		t.Fatal("o did not flip the order")
	}
	if got := selectedText(t, m); got != before {
		t.Errorf("o moved the selection: %q → %q", before, got)
	}
	mustContain(t, screen(m), "newest first")
	m, _ = drive(t, m, keys("g")...)
	if got := selectedText(t, m); got != "The positions of Moscow and Washington are getting closer" {
		t.Errorf("newest first starts with %q", got)
	}
	s := screen(m)
	if strings.Index(s, "2025 ──") > strings.Index(s, "2024 ──") && strings.Contains(s, "2024 ──") {
		t.Errorf("years not newest first:\n%s", s)
	}
}

func TestSpeakerPickerFiltersAndCounts(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("s")...)
	if m.focus != focusPicker {
		t.Fatal("s did not open the picker")
	}
	s := screen(m)
	mustContain(t, s, "Speakers", "Dmitry Peskov", "Kremlin spokesman · Russia", "14", "Deputy Chairman of the Security Council")
	// type to narrow, space toggles, enter applies
	m, _ = drive(t, m, keys("type:pes")...)
	s = screen(m)
	mustContain(t, s, "narrow: pes", "1 shown")
	mustNotContain(t, s, "Vladimir Putin")
	m, _ = drive(t, m, keys("space", "enter")...)
	if m.focus != focusTimeline {
		t.Fatal("enter did not close the picker")
	}
	if fmt.Sprint(m.filter.Speakers) != "[Dmitry Peskov]" {
		t.Fatalf("filter: %v", m.filter.Speakers)
	}
	s = screen(m)
	mustContain(t, s, "speaker: Dmitry Peskov", "14 of 41 statements")
	for _, id := range m.tl.lay.view {
		if m.c.Statements[id].Speaker != "Dmitry Peskov" {
			t.Errorf("%s shown", m.c.Statements[id].Speaker)
		}
	}
	mustNotContain(t, s, "Sergei Lavrov")

	// add Putin, with the list keys this time
	m, _ = drive(t, m, keys("s", "down", "space", "enter")...)
	mustContain(t, screen(m), "speaker: Dmitry Peskov, Vladimir Putin", "21 of 41 statements")

	// esc cancels without changing anything
	m, _ = drive(t, m, keys("s", "ctrl+a", "esc")...)
	mustContain(t, screen(m), "21 of 41 statements")

	// ctrl+a selects all: the same as no filter
	m, _ = drive(t, m, keys("s", "ctrl+a", "enter")...)
	if len(m.filter.Speakers) != 0 {
		t.Errorf("all selected should clear the filter, got %v", m.filter.Speakers)
	}
	mustContain(t, screen(m), "41 of 41 statements")
}

func TestPickerEnterWithoutToggleTakesHighlighted(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	m, _ = drive(t, m, keys("s", "down", "enter")...)
	if fmt.Sprint(m.filter.Speakers) != "[Vladimir Putin]" {
		t.Errorf("filter: %v", m.filter.Speakers)
	}
	m, _ = drive(t, m, keys("s", "type:anto", "enter")...)
	if fmt.Sprint(m.filter.Speakers) != "[Vladimir Putin]" {
		// Putin stays selected; Antony Blinken was only highlighted
		t.Errorf("filter after narrowing: %v", m.filter.Speakers)
	}
}

func TestTopicPicker(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	m, _ = drive(t, m, keys("t", "type:sanc", "space", "enter")...)
	if fmt.Sprint(m.filter.Topics) != "[sanctions]" {
		t.Fatalf("topics: %v", m.filter.Topics)
	}
	mustContain(t, screen(m), "topic: sanctions", "3 of 41 statements")
}

func TestSelectionStaysWhenFilterChanges(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	m, _ = drive(t, m, keys("]", "]", "]")...) // first statement of 2024: Lavrov
	m, _ = drive(t, m, keys("j")...)           // Peskov, April 2024
	want := selectedText(t, m)
	m, _ = drive(t, m, keys("r")...) // Russian officials only: still shown
	if got := selectedText(t, m); got != want {
		t.Errorf("r moved the selection: %q → %q", want, got)
	}
	m, _ = drive(t, m, keys("s", "type:zakh", "tab", "enter")...) // Peskov hidden
	if got := selectedText(t, m); !strings.Contains(got, "diplomatic property") {
		// the nearest Zakharova statement after April 2024
		t.Errorf("after hiding the selection: %q", got)
	}
	m, _ = drive(t, m, keys("x")...)
	if !m.filter.IsZero() {
		t.Errorf("x left filters: %v", m.filter)
	}
	if got := selectedText(t, m); !strings.Contains(got, "diplomatic property") {
		t.Errorf("x moved the selection to %q", got)
	}
}

func TestRussiaPeriodAndClear(t *testing.T) {
	m := newFixture(t, 100, 24, Options{})
	m, _ = drive(t, m, keys("r")...)
	mustContain(t, screen(m), "affiliation: Russia", "30 of 41 statements")
	m, _ = drive(t, m, keys("r")...)
	mustContain(t, screen(m), "all statements", "41 of 41 statements")

	// issue 19: p offers the undated statements too
	want := []string{"period: Biden", "period: Trump (second term)", "period: Trump (first term)", "period: undated", "all statements"}
	for _, w := range want {
		m, _ = drive(t, m, keys("p")...)
		mustContain(t, screen(m), w)
		if w == "period: undated" {
			mustContain(t, screen(m), "2 of 41 statements", "Date unknown")
		}
	}
	m, _ = drive(t, m, keys("p")...)
	for _, id := range m.tl.lay.view {
		if p := m.c.Statements[id].Period(); p != model.PeriodBiden {
			t.Errorf("Biden filter shows a %s statement", p)
		}
	}
	m, _ = drive(t, m, keys("r", "/", "type:dialogue", "enter", "x")...)
	if !m.filter.IsZero() || m.tl.sr.query != "" {
		t.Errorf("x left filter %v, search %q", m.filter, m.tl.sr.query)
	}
	mustContain(t, screen(m), "all statements", "41 of 41 statements")
}

func TestSearch(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("/", "type:tang")...)
	s := screen(m)
	mustContain(t, s, "/tang")
	if got := selectedText(t, m); !strings.Contains(got, "tango") {
		t.Errorf("incremental search did not jump: %q", got)
	}
	// q types while the field has the keyboard
	m, quit := drive(t, m, keys("type:o")...)
	if quit {
		t.Fatal("typing quit")
	}
	m, _ = drive(t, m, keys("enter")...)
	// issue 19: which match the selection is on, as less says it
	mustContain(t, screen(m), "/tango: 1/2")
	if m.tl.sr.found != 2 {
		t.Fatalf("matches %d", m.tl.sr.found)
	}
	first := selectedText(t, m)
	m, _ = drive(t, m, keys("n")...)
	mustContain(t, screen(m), "/tango: 2/2")
	second := selectedText(t, m)
	if first == second || !strings.Contains(strings.ToLower(second), "tango") {
		t.Errorf("n: %q → %q", first, second)
	}
	m, _ = drive(t, m, keys("n")...)
	if got := selectedText(t, m); got != first {
		t.Errorf("n should wrap around to %q, got %q", first, got)
	}
	m, _ = drive(t, m, keys("N")...)
	if got := selectedText(t, m); got != second {
		t.Errorf("N: %q", got)
	}
	// the matched words are highlighted: the match style wraps "tango"
	content := m.View().Content
	hl := m.th.Match.Render("tango")
	if !strings.Contains(content, hl) {
		t.Errorf("tango is not highlighted")
	}
	// search narrows nothing: every statement is still shown
	mustContain(t, screen(m), "41 of 41 statements")
	m, _ = drive(t, m, keys("esc")...)
	if m.tl.sr.query != "" || m.tl.matchPos != nil {
		t.Errorf("esc kept the search")
	}
	if strings.Contains(m.View().Content, hl) {
		t.Errorf("esc kept the highlight")
	}
	// esc while typing restores the selection
	m, _ = drive(t, m, keys("g", "/", "type:geneva")...)
	if got := selectedText(t, m); !strings.Contains(got, "Geneva") {
		t.Errorf("geneva: %q", got)
	}
	m, _ = drive(t, m, keys("esc")...)
	if m.tl.cursor != 0 || m.tl.sr.typing {
		t.Errorf("esc: cursor %d typing %v", m.tl.cursor, m.tl.sr.typing)
	}
	// a speaker's name is searched too
	m, _ = drive(t, m, keys("/", "type:zelensky", "enter")...)
	if m.tl.sr.found != 3 {
		t.Errorf("zelensky: %d matches", m.tl.sr.found)
	}
}

func TestSearchWithinFilter(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("s", "type:putin", "tab", "enter", "/", "type:dialogue", "enter")...)
	if m.tl.sr.found != 1 {
		t.Errorf("dialogue among Putin's statements: %d matches, want 1", m.tl.sr.found)
	}
	// changing the filter recomputes the matches
	m, _ = drive(t, m, keys("x")...)
	if m.tl.sr.found != 0 || m.tl.sr.query != "" {
		t.Errorf("x should clear the search too")
	}
}

// The reader pane names the statement's cue.
func TestReaderCue(t *testing.T) {
	m := newFixture(t, 100, 40, Options{})
	m, _ = drive(t, m, keys("/", "type:tango", "enter")...)
	id, _ := m.tl.selected()
	m.c.Statements[id].Cue = "told"
	m, _ = drive(t, m, keys("enter")...)
	mustContain(t, screen(m), "reported speech · cue “told”")
}

func TestReader(t *testing.T) {
	m := newFixture(t, 100, 40, Options{})
	m, _ = drive(t, m, keys("/", "type:tango", "enter")...)
	before := m.tl.cursor
	top := m.tl.vp.top
	m, _ = drive(t, m, keys("enter")...)
	if m.focus != focusReader {
		t.Fatal("enter did not open the reader")
	}
	s := screen(m)
	mustContain(t, s,
		"Russia is open to dialogue with the incoming US administration, but we can",
		"Dmitry Peskov — Kremlin spokesman · Russia",
		"written as “Kremlin Spokesman Dmitry Peskov”",
		"reported speech",
		"2024-11-07 · precision: day",
		"evidence: “MOSCOW, November 7”",
		"rule: dateline+year",
		"Peskov: Moscow and Washington must both want dialogue", // the article
		"MOSCOW, November 7. /TASS/.",
	)
	// the statement is highlighted inside the article
	d := m.c.Document("tass-2024-11-07")
	id, _ := m.tl.selected()
	st := m.c.Statements[id]
	x := m.th.Statement.Render("X")
	on := x[:strings.Index(x, "X")] // the escape sequence that starts the style
	if !strings.Contains(m.View().Content, on+d.Text[st.Span.Start:st.Span.Start+20]) {
		t.Errorf("the statement is not highlighted in its article")
	}
	m, _ = drive(t, m, keys("tab", "G")...)
	mustContain(t, screen(m), "Topics", "dialogue and talks", "Sources", "TASS — “Peskov: Moscow and Washington must both want dialogue”", "https://tass.example/peskov-tango", "Found by", "indirect:said")
	m, _ = drive(t, m, keys("tab")...)

	// v shows what cleaning removed and what was repaired
	mustNotContain(t, screen(m), "Removed by cleaning")
	m, _ = drive(t, m, keys("v")...)
	mustContain(t, screen(m), "Removed by cleaning (1)", "You May Also Like", "Repairs (1)", "cp1251-as-latin1", "Россия", "Captions and credits (1)")
	m, _ = drive(t, m, keys("v")...)
	mustNotContain(t, screen(m), "Removed by cleaning")

	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusTimeline || m.tl.cursor != before || m.tl.vp.top != top {
		t.Errorf("esc: focus %v cursor %d (was %d) top %d (was %d)", m.focus, m.tl.cursor, before, m.tl.vp.top, top)
	}
}

func TestReaderScrollsToStatementDeepInArticle(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	// Zelensky's 2024 statement is the last paragraph of tass-2024
	m, _ = drive(t, m, keys("s", "type:zelen", "tab", "enter", "j", "enter")...)
	s := screen(m)
	mustContain(t, s, "peace through strength")
	art := s[strings.Index(s, "── article"):]
	mustContain(t, art, "▌ Zelensky said that peace through strength")
}

func TestMarks(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	m, _ = drive(t, m, keys("space", "space")...)
	if len(m.marks) != 2 || m.tl.cursor != 2 {
		t.Fatalf("marks %v cursor %d", m.marks, m.tl.cursor)
	}
	mustContain(t, screen(m), "2 marked", "●")
	m, _ = drive(t, m, keys("k", "space")...)
	if len(m.marks) != 1 {
		t.Errorf("space on a marked statement should unmark it: %v", m.marks)
	}
	// marks survive filters
	m, _ = drive(t, m, keys("r", "x")...)
	mustContain(t, screen(m), "1 marked")
	m, _ = drive(t, m, keys("u")...)
	if len(m.marks) != 0 {
		t.Errorf("u left %v", m.marks)
	}
	mustNotContain(t, screen(m), "marked", "●")
}

func TestWarningsView(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	mustContain(t, screen(m), "2 skipped, 2 warnings")
	m, _ = drive(t, m, keys("w")...)
	mustContain(t, screen(m), "Skipped files (2)", "testdata/empty.txt", "empty file", "binary, not text", "Warnings (2)", "front matter is not valid YAML", "spun vocabulary suspected")
	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusTimeline {
		t.Error("esc did not leave the warnings view")
	}
}

func TestHelp(t *testing.T) {
	m := newFixture(t, 120, 40, Options{})
	s := screen(m)
	// the one-line hint comes from the timeline's key map
	mustContain(t, s, "enter read", "s speakers", "? help", "q quit")
	mustNotContain(t, s, "n next match", "u clear marks")
	m, _ = drive(t, m, keys("?")...)
	s = screen(m)
	mustContain(t, s, "Keys — timeline", "previous year", "next year", "Russian officials only", "newest first", "mouse off", "export to Markdown", "compare before/after the split")
	// issue 19: ? lists every key, those that do not apply right now too
	// (the one-line hint leaves them out), and the keys of the search
	// field and the pickers, which cannot open help themselves
	mustContain(t, strings.Join(strings.Fields(s), " "), "x clear filters", "u clear marks", "n next match", "N previous match", "& show only the matches",
		"esc clear search", "pgup/b page up", "pgdn/f page down", "space mark, move down",
		"While typing a search", "In the speaker and topic pickers", "space/tab toggle", "ctrl+a all/none")
	m, _ = drive(t, m, keys("?", "space", "/", "type:tango", "enter", "?")...)
	mustContain(t, screen(m), "next match", "clear marks", "clear filters", "clear search")
	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusTimeline {
		t.Error("esc did not close help")
	}
	// c opens the compare view, whose help comes from its own key map
	m, _ = drive(t, m, keys("c", "?")...)
	mustContain(t, screen(m), "Keys — compare", "split a month later")
	m, _ = drive(t, m, keys("esc", "c")...)
	if m.focus != focusTimeline {
		t.Errorf("c did not return from the compare view: focus %s", string(m.focus))
	}
	// help of the reader
	m, _ = drive(t, m, keys("enter", "?")...)
	mustContain(t, screen(m), "Keys — reader", "removed/repaired", "back")
}

func TestQuit(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	if _, quit := drive(t, m, keys("q")...); !quit {
		t.Error("q did not quit")
	}
	// q types into the picker's field, ctrl+c always quits
	m2, quit := drive(t, m, keys("s", "q")...)
	if quit {
		t.Error("q quit while typing in the picker")
	}
	if m2.pk.narrow.Value() != "q" {
		t.Errorf("picker field: %q", m2.pk.narrow.Value())
	}
	if _, quit := drive(t, m2, keys("ctrl+c")...); !quit {
		t.Error("ctrl+c did not quit")
	}
	if _, quit := drive(t, m, keys("/", "q")...); quit {
		t.Error("q quit while typing a search")
	}
	if _, quit := drive(t, m, keys("enter", "q")...); !quit {
		t.Error("q did not quit from the reader")
	}
}

func TestTooSmall(t *testing.T) {
	m := newFixture(t, 59, 30, Options{})
	mustContain(t, screen(m), "Terminal too small", "59×30", "60×15")
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 14})
	mustContain(t, screen(m), "Terminal too small")
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 60, Height: 15})
	s := screen(m)
	mustNotContain(t, s, "too small")
	mustContain(t, s, "41 of 41 statements")
	lines := strings.Split(s, "\n")
	if len(lines) != 15 {
		t.Errorf("%d lines at 60×15", len(lines))
	}
	// resizing keeps the selection visible
	m, _ = drive(t, m, keys("G")...)
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 200, Height: 50})
	mustContain(t, screen(m), "▸")
}

func TestEveryViewFillsTheScreenExactly(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 24}, {160, 48}} {
		m := newFixture(t, size[0], size[1], Options{})
		for _, step := range [][]string{nil, {"s"}, {"esc", "enter"}, {"v"}, {"esc", "?"}, {"esc", "w"}, {"esc", "/", "type:tango"}} {
			m, _ = drive(t, m, keys(step...)...)
			lines := strings.Split(screen(m), "\n")
			if len(lines) != size[1] {
				t.Errorf("%v after %v: %d lines", size, step, len(lines))
			}
			for i, l := range lines {
				if w := len([]rune(l)); w != size[0] {
					t.Errorf("%v after %v: line %d is %d wide: %q", size, step, i, w, l)
					break
				}
			}
		}
	}
}

func TestMouse(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	if m.View().MouseMode != tea.MouseModeCellMotion {
		t.Error("mouse not captured by default")
	}
	// the second statement's meta line: title, year, month, stmt(2), month, stmt
	s := strings.Split(screen(m), "\n")
	row := -1
	for i, l := range s {
		if strings.Contains(l, "2020-06-03") {
			row = i
		}
	}
	m, _ = drive(t, m, tea.MouseClickMsg{X: 20, Y: row, Button: tea.MouseLeft})
	if got := selectedText(t, m); !strings.Contains(got, "New START") {
		t.Errorf("click selected %q", got)
	}
	// a second click opens it
	m, _ = drive(t, m, tea.MouseClickMsg{X: 20, Y: row, Button: tea.MouseLeft})
	if m.focus != focusReader {
		t.Error("click on the selection did not open it")
	}
	m, _ = drive(t, m, keys("esc")...)
	m, _ = drive(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown}, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.tl.vp.top == 0 {
		t.Error("wheel did not scroll")
	}
	if !strings.Contains(screen(m), "▸") {
		t.Error("wheel scrolled the selection off screen")
	}
	m, _ = drive(t, m, keys("m")...)
	if m.View().MouseMode != tea.MouseModeNone {
		t.Error("m did not release the mouse")
	}
	mustContain(t, screen(m), "mouse off")
	if m2 := newFixture(t, 80, 24, Options{NoMouse: true}); m2.View().MouseMode != tea.MouseModeNone {
		t.Error("NoMouse captured the mouse")
	}
}

func TestWindowTitleAndScreen(t *testing.T) {
	m := newFixture(t, 80, 24, Options{Title: "built-in corpus"})
	v := m.View()
	if v.WindowTitle != "quotetrail — built-in corpus" || !v.AltScreen {
		t.Errorf("title %q altscreen %v", v.WindowTitle, v.AltScreen)
	}
	m = newFixture(t, 80, 24, Options{})
	if v := m.View(); v.WindowTitle != "quotetrail — fixture corpus" {
		t.Errorf("title %q", v.WindowTitle)
	}
}

func TestInitialFilterFromCommandLine(t *testing.T) {
	m := newFixture(t, 100, 30, Options{Filter: model.Filter{Speakers: []string{"peskov"}, Periods: []model.Period{model.PeriodBiden}}})
	mustContain(t, screen(m), "speaker: Dmitry Peskov · period: Biden", "9 of 41 statements")
	m, _ = drive(t, m, keys("s")...)
	mustContain(t, screen(m), "1 of 9 selected")
}

func TestAxisFromOptions(t *testing.T) {
	m := newFixture(t, 100, 200, Options{From: model.Day(2018, 1, 1), To: model.Day(2026, 12, 31)})
	mustContain(t, screen(m), "2018 ── no statements", "2019 ── no statements", "2026 ── no statements")
}

func TestNoColor(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m, _ = drive(t, m, tea.EnvMsg{"NO_COLOR=1"}, keyMsg("/"))
	m, _ = drive(t, m, keys("type:tango", "enter")...)
	c := m.View().Content
	for _, p := range sgrParams(c) {
		for _, x := range strings.Split(p, ";") {
			if x == "38" || x == "48" || x == "58" || (len(x) == 2 && (x[0] == '3' || x[0] == '4' || x[0] == '9') && x[1] <= '7') {
				t.Fatalf("colour in NO_COLOR output: SGR %q", p)
			}
		}
	}
	// selection and matches read from attributes alone
	if !hasSGR(c, "7") {
		t.Error("no reverse video for the selection")
	}
	if !hasSGR(c, "4") {
		t.Error("no underline for the matches")
	}
	if !hasSGR(c, "1") {
		t.Error("no bold")
	}
	m, _ = drive(t, m, keys("enter")...)
	if !hasSGR(m.View().Content, "7") {
		t.Error("the statement is not in reverse video in its article")
	}
	// and colour comes back without NO_COLOR
	m, _ = drive(t, m, tea.EnvMsg{})
	if !hasSGR(m.View().Content, "38") {
		t.Error("no colour without NO_COLOR")
	}
}

func TestThemeFromTerminalBackground(t *testing.T) {
	m := New(fixtureCorpus(t), Options{})
	if cmd := m.Init(); cmd == nil {
		t.Fatal("auto theme should ask the terminal for its background")
	}
	m, _ = drive(t, m, tea.BackgroundColorMsg{Color: lightColor{}})
	if m.dark {
		t.Error("a white background should give the light theme")
	}
	m, _ = drive(t, m, tea.BackgroundColorMsg{Color: darkColor{}})
	if !m.dark {
		t.Error("a black background should give the dark theme")
	}
	// an explicit theme ignores the terminal
	m = New(fixtureCorpus(t), Options{Theme: "light"})
	m, _ = drive(t, m, tea.BackgroundColorMsg{Color: darkColor{}})
	if m.dark {
		t.Error("--theme light was overridden")
	}
}

type lightColor struct{}

func (lightColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

type darkColor struct{}

func (darkColor) RGBA() (r, g, b, a uint32) { return 0, 0, 0, 0xffff }

func TestStaleLayoutIsDropped(t *testing.T) {
	m := newFixture(t, 80, 24, Options{})
	m.filter.Speakers = []string{"Vladimir Putin"}
	old := m.tl.layoutCmd()
	m.filter.Speakers = []string{"Dmitry Peskov"}
	cur := m.tl.layoutCmd()
	m, _ = drive(t, m, cur(), old()) // the older result arrives last
	mustContain(t, screen(m), "14 of 41 statements")
}

func TestLoading(t *testing.T) {
	m := newModel(Options{Theme: "dark"})
	m.load = newLoadState(context.Background(), nil)
	close(m.load.finished) // no loader runs here: waiting for progress returns at once
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	mustContain(t, screen(m), "loading corpus", "starting…")
	m, _ = drive(t, m, progressMsg{done: 2, total: 5})
	mustContain(t, screen(m), "2 of 5 files")
	// keys are answered while loading
	m, _ = drive(t, m, keys("?")...)
	mustContain(t, screen(m), "quit")
	m, _ = drive(t, m, keys("esc")...)
	mustContain(t, screen(m), "2 of 5 files")
	if _, quit := drive(t, m, keys("q")...); !quit {
		t.Error("q does not quit while loading")
	}
	// an error is shown
	me, _ := drive(t, m, loadedMsg{err: errors.New("open /nope: no such file or directory")})
	mustContain(t, screen(me), "Could not load the corpus", "open /nope: no such file or directory", "q quits")
	// and the corpus, once loaded
	ml, _ := drive(t, m, loadedMsg{c: fixtureCorpus(t)})
	mustContain(t, screen(ml), "41 of 41 statements", "2020 ── 6 statements")
}

func TestLoaderRunsInCommandWithProgress(t *testing.T) {
	release := make(chan struct{})
	loader := func(_ context.Context, progress Progress) (*model.Corpus, error) {
		progress(1, 3, "")
		<-release
		progress(3, 3, "")
		return fixtureCorpus(t), nil
	}
	m := newModel(Options{Theme: "dark"})
	m.load = newLoadState(context.Background(), loader)
	load, wait := m.load.loadCmd(), m.load.waitCmd()
	got := make(chan tea.Msg, 1)
	go func() { got <- load() }()
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	nm, next := m.Update(wait()) // the first progress report, while the loader waits
	m = nm.(Model)
	mustContain(t, screen(m), "1 of 3 files")
	if next == nil {
		t.Fatal("no command waits for the next report")
	}
	close(release)
	select {
	case msg := <-got:
		m, _ = drive(t, m, msg)
	case <-time.After(10 * time.Second):
		t.Fatal("loader did not finish")
	}
	mustContain(t, screen(m), "41 of 41 statements")
}

func TestCopyStatement(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("/", "type:tango", "enter")...)
	nm, cmd := m.Update(keyMsg("y"))
	m = nm.(Model)
	if cmd == nil {
		t.Fatal("y returned no command")
	}
	// with nothing marked, y copies the selected statement as Markdown
	// (export_test.go checks marked statements)
	got := fmt.Sprint(cmd())
	for _, want := range []string{
		"> *(reported)* Russia is open to dialogue with the incoming US administration, but we can not tango alone",
		"2024-11-07 · **Dmitry Peskov**, Kremlin spokesman",
		"Source: TASS, “Peskov: Moscow and Washington must both want dialogue”, <https://tass.example/peskov-tango>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("clipboard lacks %q:\n%s", want, got)
		}
	}
	// issue 19: one statement alone, without the year and month headings
	// and without "Selection: marked by hand"
	for _, bad := range []string{"## ", "Selection", "marked by hand", "# Statement"} {
		if strings.Contains(got, bad) {
			t.Errorf("the clipboard holds %q:\n%s", bad, got)
		}
	}
	mustContain(t, screen(m), "copied 1 statement (tass-2024-11-07#1) to the clipboard")
	m, _ = drive(t, m, keys("j")...)
	mustNotContain(t, screen(m), "copied")
}

// A corpus too large to filter within a frame is filtered in commands; the
// screen says so while it runs and stale results are dropped.
func TestAsyncFiltering(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m.syncLimit = 0
	nm, cmd := m.Update(keyMsg("r"))
	m = nm.(Model)
	if cmd == nil {
		t.Fatal("no command for the filter")
	}
	mustContain(t, screen(m), "filtering… 41 of 41 statements")
	stale := cmd
	nm, cmd = m.Update(keyMsg("r")) // toggled back before the first result came
	m = nm.(Model)
	m, _ = drive(t, m, stale(), cmd())
	mustContain(t, screen(m), "all statements", "41 of 41 statements")
	mustNotContain(t, screen(m), "filtering")

	m, _ = drive(t, m, keys("s", "type:pes", "tab", "enter", "/", "type:tango")...)
	mustContain(t, screen(m), "14 of 41 statements")
	if got := selectedText(t, m); !strings.Contains(got, "tango") {
		t.Errorf("async search did not jump: %q", got)
	}
	// a search result for an older query is dropped
	old := searchCmd(m.c, m.filter, m.tl.lay, "geneva", m.tl.sr.gen-1, true)
	m, _ = drive(t, m, old())
	if got := selectedText(t, m); !strings.Contains(got, "tango") {
		t.Errorf("a stale search moved the selection to %q", got)
	}
}

func TestPickerSpaceUntoggles(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("s", "space", "down", "space", "up", "space")...)
	mustContain(t, screen(m), "1 of 9 selected")
	m, _ = drive(t, m, keys("enter")...)
	if fmt.Sprint(m.filter.Speakers) != "[Vladimir Putin]" {
		t.Errorf("filter %v", m.filter.Speakers)
	}
	// touched and emptied: enter means no speaker filter
	m, _ = drive(t, m, keys("s", "down", "space", "enter")...)
	if len(m.filter.Speakers) != 0 {
		t.Errorf("filter %v", m.filter.Speakers)
	}
}

func TestEmptyCorpus(t *testing.T) {
	doc := &model.Document{ID: "a", Path: "a.txt", Text: "Nothing said here."}
	c := model.New("empty", []*model.Document{doc}, nil, nil, []model.Skipped{{Path: "b.bin", Reason: "binary"}})
	m := New(c, Options{Theme: "dark"})
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	s := screen(m)
	mustContain(t, s, "No statements were found in the 1 document loaded", "0 of 0 statements", "2020 ── no statements", "1 skipped")
	// nothing to open or mark, and nothing breaks
	m, _ = drive(t, m, keys("j", "G", "enter", "space", "]", "o", "s", "enter", "/", "type:x", "enter", "n")...)
	if m.focus != focusTimeline {
		t.Errorf("focus %s", string(m.focus))
	}
	mustContain(t, screen(m), "0 of 0 statements")
}

// Random walks over every key the reader knows, with resizes, never break
// the screen: it always fills the terminal exactly.
func TestRandomKeysKeepTheScreenWhole(t *testing.T) {
	names := []string{"j", "k", "up", "down", "pgup", "pgdown", "ctrl+u", "ctrl+d", "g", "G", "home", "end", "[", "]",
		"enter", "esc", "o", "s", "t", "r", "p", "x", "/", "n", "N", "space", "u", "w", "v", "tab", "a", "?", "m", "y",
		"backspace", "e", "c", "b", "f", "z", "1"}
	sizes := [][2]int{{60, 15}, {80, 24}, {133, 41}, {59, 20}, {200, 50}}
	rng := uint64(42)
	next := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int((rng >> 33) % uint64(n))
	}
	m := newFixture(t, 80, 24, Options{})
	w, h := 80, 24
	for i := 0; i < 3000; i++ {
		var msg tea.Msg
		switch r := next(100); {
		case r < 3:
			sz := sizes[next(len(sizes))]
			w, h = sz[0], sz[1]
			msg = tea.WindowSizeMsg{Width: w, Height: h}
		case r < 6:
			msg = tea.MouseWheelMsg{Button: tea.MouseWheelDown, Y: next(h)}
		case r < 8:
			msg = tea.MouseClickMsg{Button: tea.MouseLeft, X: next(w), Y: next(h)}
		default:
			msg = keyMsg(names[next(len(names))])
		}
		var quit bool
		m, quit = drive(t, m, msg)
		if quit {
			t.Fatalf("step %d: %v quit", i, msg)
		}
		lines := strings.Split(screen(m), "\n")
		if len(lines) != h {
			t.Fatalf("step %d (%v): %d lines at %d×%d", i, msg, len(lines), w, h)
		}
		for j, l := range lines {
			if lw := len([]rune(l)); lw != w {
				t.Fatalf("step %d (%v), focus %s: line %d is %d wide at %d×%d: %q", i, msg, string(m.focus), j, lw, w, h, l)
			}
		}
	}
}

func TestUnknownSpeakerFromCommandLine(t *testing.T) {
	m := newFixture(t, 120, 30, Options{Filter: model.Filter{Speakers: []string{"Nobody Atall"}}})
	mustContain(t, screen(m), `no speaker "Nobody Atall" in the corpus`, "0 of 41 statements")
}

func TestLoadRate(t *testing.T) {
	for _, c := range []struct {
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{0, 100, time.Second, ""},
		{50, 100, 100 * time.Millisecond, ""},
		{50, 100, 2 * time.Second, " · 25 files/s · about 2s left"},
		{100, 100, 4 * time.Second, " · 25 files/s"},
		{1000, 100000, 10 * time.Second, " · 100 files/s · about 16m30s left"},
	} {
		if got := loadRate(c.done, c.total, c.elapsed); got != c.want {
			t.Errorf("loadRate(%d, %d, %v) = %q, want %q", c.done, c.total, c.elapsed, got, c.want)
		}
	}
}

func TestLoadingShowsPhase(t *testing.T) {
	m := newModel(Options{Theme: "dark"})
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, progressMsg{done: 40, total: 99})
	mustContain(t, screen(m), "40 of 99 files")
	m, _ = drive(t, m, progressMsg{done: 99, total: 99, phase: "merging reports"})
	mustContain(t, screen(m), "99 files read · merging reports…")
}

// issue 19: the events after the last statement (the inauguration, a
// later summit) are on screen after G, and flipping the order twice from
// the end does not leave the screen mostly blank.
func bidenOnlyWithLaterEvents(t *testing.T, w, h int) Model {
	t.Helper()
	evs := append(fixtureEvents(), model.Event{Day: model.Day(2025, time.August, 15), Label: "Alaska summit"})
	return newFixture(t, w, h, Options{Events: evs, Filter: model.Filter{Periods: []model.Period{model.PeriodBiden}}})
}

func TestBottomShowsTheEventsAfterTheLastStatement(t *testing.T) {
	m := bidenOnlyWithLaterEvents(t, 80, 24)
	m, _ = drive(t, m, keys("G")...)
	mustContain(t, screen(m), "▸", "◆ 2025-01-20  inauguration of Donald Trump", "◆ 2025-08-15  Alaska summit")
	m, _ = drive(t, m, keys("g", "end")...)
	mustContain(t, screen(m), "▸", "◆ 2025-08-15  Alaska summit")
}

// blankBodyLines counts the empty lines of the timeline's body.
func blankBodyLines(m Model) int {
	lines := strings.Split(screen(m), "\n")
	n := 0
	for _, l := range lines[1 : len(lines)-2] {
		if strings.TrimSpace(l) == "" {
			n++
		}
	}
	return n
}

func TestReorderingLeavesNoBlankScreen(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		m := bidenOnlyWithLaterEvents(t, size[0], size[1])
		m, _ = drive(t, m, keys("o", "g", "o")...)
		if n := blankBodyLines(m); n > textLines {
			t.Errorf("%dx%d: o g o leaves %d blank lines:\n%s", size[0], size[1], n, screen(m))
		}
		mustContain(t, screen(m), "▸")
		// the wheel cannot scroll past the end either
		for i := 0; i < 20; i++ {
			m, _ = drive(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
		}
		if n := blankBodyLines(m); n > textLines {
			t.Errorf("%dx%d: the wheel scrolled %d lines past the end:\n%s", size[0], size[1], n, screen(m))
		}
	}
}

// issue 19: in a picker every printable key narrows — q does not quit, a
// first a does not select all, j and k do not move — and the actions are
// on keys that cannot be typed.
func TestPickerNarrowsOnEveryPrintableKey(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	for _, typed := range []string{"q", "a", "j", "k", "?", "/", "joe", "kaq"} {
		got, quit := drive(t, m, keys("s", "type:"+typed)...)
		if quit {
			t.Fatalf("s then %q quit the app", typed)
		}
		if got.focus != focusPicker || got.pk.narrow.Value() != typed {
			t.Errorf("s then %q: focus %v, narrowing %q", typed, got.focus, got.pk.narrow.Value())
		}
		if len(got.pk.sel) != 0 || got.pk.cursor != 0 {
			t.Errorf("s then %q selected %v, moved to %d", typed, got.pk.sel, got.pk.cursor)
		}
	}
	// a space types once something is typed, so two words narrow
	got, _ := drive(t, m, keys("s", "type:dmitry pes")...)
	mustContain(t, screen(got), "narrow: dmitry pes", "1 shown", "Dmitry Peskov")
	mustNotContain(t, screen(got), "Dmitry Medvedev")
	// tab toggles, esc clears the narrowing, a second esc cancels
	got, _ = drive(t, got, keys("tab", "esc")...)
	mustContain(t, screen(got), "1 of 9 selected", "9 shown")
	got, _ = drive(t, got, keys("esc")...)
	if got.focus != focusTimeline || len(got.filter.Speakers) != 0 {
		t.Errorf("esc esc: focus %v, filter %v", got.focus, got.filter.Speakers)
	}
	// the topic picker too
	got, quit := drive(t, m, keys("t", "type:q")...)
	if quit || got.pk.narrow.Value() != "q" {
		t.Errorf("t then q: quit %v, narrowing %q", quit, got.pk.narrow.Value())
	}
}

// issue 19: an unknown speaker with no mention shows no empty parentheses.
func TestUnknownSpeakerWithoutMention(t *testing.T) {
	m := newFixture(t, 100, 200, Options{})
	for _, s := range m.c.Statements {
		if s.Speaker == model.UnknownSpeaker {
			s.Mention = ""
		}
	}
	scr := screen(m)
	mustContain(t, scr, "unknown speaker ??")
	mustNotContain(t, scr, "()")
}

// issue 19: the periods' colours differ in hue in both themes (in the
// light theme Trump 1 and Trump 2 were the same red).
func TestPeriodColoursDifferInHue(t *testing.T) {
	hue := func(c interface{ RGBA() (r, g, b, a uint32) }) float64 {
		r32, g32, b32, _ := c.RGBA()
		r, g, b := float64(r32)/0xffff, float64(g32)/0xffff, float64(b32)/0xffff
		mx, mn := max(r, g, b), min(r, g, b)
		if mx == mn {
			return 0
		}
		var h float64
		switch mx {
		case r:
			h = (g - b) / (mx - mn)
		case g:
			h = 2 + (b-r)/(mx-mn)
		default:
			h = 4 + (r-g)/(mx-mn)
		}
		h *= 60
		if h < 0 {
			h += 360
		}
		return h
	}
	apart := func(a, b float64) float64 {
		d := a - b
		if d < 0 {
			d = -d
		}
		return min(d, 360-d)
	}
	for name, p := range map[string]palette{"light": lightPalette(), "dark": darkPalette()} {
		cols := map[string]float64{"Trump 1": hue(p.trump1), "Biden": hue(p.biden), "Trump 2": hue(p.trump2)}
		for _, pair := range [][2]string{{"Trump 1", "Trump 2"}, {"Trump 1", "Biden"}, {"Biden", "Trump 2"}} {
			if d := apart(cols[pair[0]], cols[pair[1]]); d < 40 {
				t.Errorf("%s theme: %s and %s are %.0f° apart in hue", name, pair[0], pair[1], d)
			}
		}
	}
}

// issue 19: & narrows the timeline to the search's matches and back; the
// status line says which match is selected and that only matches show.
func TestSearchOnlyMatches(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("/", "type:tango", "enter", "k")...)
	mustContain(t, screen(m), "/tango: –/2", "41 of 41 statements")
	m, _ = drive(t, m, keys("&")...)
	scr := screen(m)
	mustContain(t, scr, "/tango: ", "/2 · only matches", "2 of 41 statements")
	for _, id := range m.tl.lay.view {
		if !strings.Contains(strings.ToLower(m.c.Statements[id].Text), "tango") {
			t.Errorf("%q shown among the matches", m.c.Statements[id].Text)
		}
	}
	if !strings.Contains(scr, "/2") || m.tl.matchIndex() < 0 {
		t.Errorf("the selection is not on a match:\n%s", scr)
	}
	// the export and the comparison take what is shown
	m, _ = drive(t, m, keys("e")...)
	if len(m.ex.ids) != 2 || m.ex.filter.Query != "tango" {
		t.Errorf("export of the matches: %d statements, words %q", len(m.ex.ids), m.ex.filter.Query)
	}
	m, _ = drive(t, m, keys("esc", "&")...)
	mustContain(t, screen(m), "/tango: ", "41 of 41 statements")
	// a new search keeps narrowing; esc shows every statement again
	m, _ = drive(t, m, keys("&", "/", "type:dialogue")...)
	mustContain(t, screen(m), "· only matches")
	if n := len(m.tl.lay.view); n == 0 || n == 41 {
		t.Errorf("narrowed to %d statements", n)
	}
	m, _ = drive(t, m, keys("enter", "esc")...)
	mustContain(t, screen(m), "all statements", "41 of 41 statements")
	if m.tl.sr.only {
		t.Error("esc left the timeline narrowed")
	}
	// without a search, & says so
	m, _ = drive(t, m, keys("&")...)
	mustContain(t, screen(m), "no search to narrow to")
}

// issue 19: d goes to a date — the first statement of a year, month or
// day, or after it (newest first: before it).
func TestGoToDate(t *testing.T) {
	m := newFixture(t, 100, 30, Options{})
	m, quit := drive(t, m, keys("d", "type:q")...)
	if quit || !m.tl.date.typing {
		t.Fatal("q in the date field quit or closed it")
	}
	mustContain(t, screen(m), "go to date (YYYY, YYYY-MM or YYYY-MM-DD): q")
	m, _ = drive(t, m, keys("enter")...)
	mustContain(t, screen(m), "not a date: q")
	m, _ = drive(t, m, keys("backspace", "type:2024-11", "enter")...)
	if m.tl.date.typing {
		t.Fatal("enter did not go")
	}
	val := func(pos int) time.Time { return m.c.Statements[m.tl.lay.view[pos]].Date.Value }
	nov := model.Day(2024, time.November, 1)
	if p := m.tl.cursor; val(p).Before(nov) || p > 0 && !val(p-1).Before(nov) {
		t.Errorf("2024-11 selected %s (the one before: %s)", val(p).Format("2006-01-02"), val(p-1).Format("2006-01-02"))
	}
	scr := screen(m)
	mustContain(t, scr, "November 2024", "▸")
	if strings.Index(scr, "November 2024") > strings.Index(scr, "▸") {
		t.Errorf("the month heading is not above the selection:\n%s", scr)
	}
	// newest first: the first statement of 2021 or before it
	m, _ = drive(t, m, keys("o", "d", "type:2021", "enter")...)
	end := model.Day(2021, time.December, 31)
	if p := m.tl.cursor; val(p).After(end) || p > 0 && !val(p-1).After(end) {
		t.Errorf("newest first, 2021 selected %s", val(m.tl.cursor).Format("2006-01-02"))
	}
	// past every statement: the newest (oldest) dated one, and a note
	m, _ = drive(t, m, keys("o", "d", "type:2030", "enter")...)
	mustContain(t, screen(m), "no statement on or after 2030")
	if !m.c.Statements[m.tl.lay.view[m.tl.cursor]].Date.Known() {
		t.Error("an undated statement selected for a date")
	}
	// esc cancels
	before := m.tl.cursor
	m, _ = drive(t, m, keys("d", "type:2020", "esc")...)
	if m.tl.date.typing || m.tl.cursor != before {
		t.Error("esc did not cancel")
	}
}

// issue 19: a statement whose article names no outlet says so rather than
// showing the file name.
func TestTimelineSourceUnknownIsNoFileName(t *testing.T) {
	m := newFixture(t, 100, 200, Options{})
	d := m.c.Document("reuters-2025")
	d.Source = ""
	scr := screen(m)
	mustContain(t, scr, "source unknown")
	for _, l := range strings.Split(scr, "\n") {
		if strings.HasSuffix(strings.TrimSpace(l), "reuters-2025") {
			t.Errorf("a row shows the file name: %q", l)
		}
	}
}
