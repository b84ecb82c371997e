package ui

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/quotetrail/quotetrail/model"
)

// probe wraps the root model in a running program and keeps what the
// screen shows after every message, so a flow can wait for a state
// without parsing the renderer's output stream (which holds diffs).
type probe struct {
	m    Model
	shot *shot
}

type shot struct {
	mu     sync.Mutex
	screen string
}

func (s *shot) set(v string) { s.mu.Lock(); s.screen = v; s.mu.Unlock() }
func (s *shot) get() string  { s.mu.Lock(); defer s.mu.Unlock(); return s.screen }

func (p probe) Init() tea.Cmd { return p.m.Init() }

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	nm, cmd := p.m.Update(msg)
	p.m = nm.(Model)
	p.shot.set(screen(p.m))
	return p, cmd
}

func (p probe) View() tea.View { return p.m.View() }

func startProgram(t *testing.T, m Model, w, h int) (*teatest.TestModel, *shot) {
	t.Helper()
	s := &shot{}
	tm := teatest.NewTestModel(t, probe{m: m, shot: s}, teatest.WithInitialTermSize(w, h))
	return tm, s
}

// waitScreen waits until the screen shows every one of subs.
func waitScreen(t *testing.T, s *shot, subs ...string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		ok := true
		cur := s.get()
		for _, sub := range subs {
			if !strings.Contains(cur, sub) {
				ok = false
				break
			}
		}
		if ok {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("screen never showed %q; last screen:\n%s", subs, s.get())
}

func sendKeys(tm *teatest.TestModel, names ...string) {
	for _, msg := range keys(names...) {
		tm.Send(msg)
	}
}

func finalModel(t *testing.T, tm *teatest.TestModel) Model {
	t.Helper()
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(probe).m
}

// The flow: open → filter to Peskov with the picker → search
// "tango" → open the reader → back → quit.
func TestFlowPeskovTango(t *testing.T) {
	t.Run("in frame", func(t *testing.T) { flowPeskovTango(t, 50_000) })
	t.Run("in commands", func(t *testing.T) { flowPeskovTango(t, 0) })
}

func flowPeskovTango(t *testing.T, syncLimit int) {
	m := New(fixtureCorpus(t), Options{Theme: "dark", Events: fixtureEvents(), Title: "fixture"})
	m.syncLimit = syncLimit
	tm, s := startProgram(t, m, 100, 30)
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "quotetrail") },
		teatest.WithDuration(5*time.Second))
	waitScreen(t, s, "41 of 41 statements", "2020 ── 6 statements")

	sendKeys(tm, "s")
	waitScreen(t, s, "Speakers", "Kremlin spokesman")
	tm.Type("peskov")
	waitScreen(t, s, "narrow: peskov", "1 shown")
	sendKeys(tm, "tab", "enter")
	waitScreen(t, s, "speaker: Dmitry Peskov", "14 of 41 statements")

	sendKeys(tm, "/")
	tm.Type("tango")
	waitScreen(t, s, "/tango: 1/2")
	sendKeys(tm, "enter")
	waitScreen(t, s, "▸  2024-11-07")

	sendKeys(tm, "enter")
	waitScreen(t, s, "evidence: “MOSCOW, November 7”", "we can not tango alone", "── article")
	sendKeys(tm, "esc")
	waitScreen(t, s, "speaker: Dmitry Peskov", "▸  2024-11-07")
	sendKeys(tm, "q")

	fm := finalModel(t, tm)
	if fm.focus != focusTimeline {
		t.Errorf("ended in %s", string(fm.focus))
	}
	id, _ := fm.tl.selected()
	if got := fm.c.Statements[id].Text; !strings.Contains(got, "we can not tango alone") {
		t.Errorf("selection %q", got)
	}
	if len(fm.tl.lay.view) != 14 {
		t.Errorf("%d statements shown", len(fm.tl.lay.view))
	}
}

// Loading runs in a command, reports progress, and answers keys while it
// runs; a loaded corpus replaces the progress screen.
func TestFlowLoading(t *testing.T) {
	release := make(chan struct{})
	loader := func(ctx context.Context, progress Progress) (*model.Corpus, error) {
		for i := 1; i <= 4; i++ {
			progress(i, 5, "")
		}
		select {
		case <-release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		progress(5, 5, "")
		return fixtureCorpus(t), nil
	}
	m := newModel(Options{Theme: "dark", Events: fixtureEvents()})
	m.load = newLoadState(context.Background(), loader)
	tm, s := startProgram(t, m, 80, 24)
	waitScreen(t, s, "4 of 5 files")
	sendKeys(tm, "?")
	waitScreen(t, s, "quit")
	sendKeys(tm, "esc")
	waitScreen(t, s, "4 of 5 files")
	close(release)
	waitScreen(t, s, "41 of 41 statements")
	sendKeys(tm, "q")
	finalModel(t, tm)
}

func TestFlowQuitWhileLoading(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	loader := func(ctx context.Context, progress Progress) (*model.Corpus, error) {
		progress(0, 3, "")
		<-ctx.Done()
		return nil, ctx.Err()
	}
	m := newModel(Options{Theme: "dark"})
	m.load = newLoadState(ctx, loader)
	tm, s := startProgram(t, m, 80, 24)
	waitScreen(t, s, "loading")
	sendKeys(tm, "q")
	finalModel(t, tm)
}

// issue 19 as a whole-program flow: q types into a picker, q at the
// export's overwrite question keeps the file, compare names its sides and
// enter opens a row's only statement; the program ends on the timeline.
func TestFlowNewcomer(t *testing.T) {
	ffs := newFakeFS()
	m := New(fixtureCorpus(t), Options{Theme: "dark", Events: fixtureEvents(), Title: "fixture", WriteFile: ffs.WriteFile})
	tm, s := startProgram(t, m, 100, 30)
	waitScreen(t, s, "41 of 41 statements")

	sendKeys(tm, "s")
	waitScreen(t, s, "Speakers")
	tm.Type("q")
	waitScreen(t, s, "narrow: q")
	sendKeys(tm, "esc", "esc")
	waitScreen(t, s, "41 of 41 statements", "oldest first")

	sendKeys(tm, "e", "tab", "ctrl+u")
	tm.Type("p.md")
	sendKeys(tm, "enter")
	waitScreen(t, s, "wrote 41 statements to p.md")
	sendKeys(tm, "e", "enter") // the dialog opens with p.md
	waitScreen(t, s, "overwrite?")
	sendKeys(tm, "q")
	waitScreen(t, s, "not written: p.md is left as it was")
	sendKeys(tm, "esc")

	sendKeys(tm, "c")
	waitScreen(t, s, "Before the election", "After the election", "left out")
	sendKeys(tm, "tab", "G", "enter")
	waitScreen(t, s, "── article")
	sendKeys(tm, "esc", "c", "q")

	fm := finalModel(t, tm)
	if fm.focus != focusTimeline || len(ffs.calls) != 2 {
		t.Errorf("ended in %s after %d writes", string(fm.focus), len(ffs.calls))
	}
}

// Goldens of View().Content (styles included), at two sizes. Update
// with: go test ./ui -run TestGolden -update
func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		w, h := size[0], size[1]
		name := func(view string) string { return view + "_" + strconv.Itoa(w) + "x" + strconv.Itoa(h) }
		t.Run(name("timeline"), func(t *testing.T) {
			m := newFixture(t, w, h, Options{})
			m, _ = drive(t, m, keys("]", "]", "]", "space")...)
			golden.RequireEqual(t, m.View().Content)
		})
		t.Run(name("filtered"), func(t *testing.T) {
			m := newFixture(t, w, h, Options{})
			m, _ = drive(t, m, keys("s", "type:pes", "tab", "enter", "/", "type:tango", "enter")...)
			golden.RequireEqual(t, m.View().Content)
		})
		t.Run(name("reader"), func(t *testing.T) {
			m := newFixture(t, w, h, Options{})
			m, _ = drive(t, m, keys("/", "type:tango", "enter", "enter")...)
			golden.RequireEqual(t, m.View().Content)
		})
		t.Run(name("picker"), func(t *testing.T) {
			m := newFixture(t, w, h, Options{})
			m, _ = drive(t, m, keys("s", "down", "space")...)
			golden.RequireEqual(t, m.View().Content)
		})
	}
	t.Run("nocolor_80x24", func(t *testing.T) {
		m := newFixture(t, 80, 24, Options{})
		m, _ = drive(t, m, tea.EnvMsg{"NO_COLOR=1"})
		m, _ = drive(t, m, keys("/", "type:tango", "enter")...)
		golden.RequireEqual(t, m.View().Content)
	})
}

// Help opened while the corpus loads describes the loading screen, and
// the timeline once the corpus is in; esc then goes to the timeline.
func TestHelpWhileLoadingBecomesTheTimelines(t *testing.T) {
	m := newModel(Options{Theme: "dark"})
	m.load = newLoadState(context.Background(), nil)
	close(m.load.finished)
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}, keyMsg("?"))
	mustContain(t, screen(m), "Keys — loading", "quit")
	m, _ = drive(t, m, loadedMsg{c: fixtureCorpus(t)})
	mustContain(t, screen(m), "Keys — timeline", "previous year")
	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusTimeline {
		t.Errorf("esc from help: focus %s", m.focus)
	}
	mustContain(t, screen(m), "41 of 41 statements")
}
