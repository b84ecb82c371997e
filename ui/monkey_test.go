package ui

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/quotetrail/quotetrail/corpus"
	"github.com/quotetrail/quotetrail/corpus/gen"
	"github.com/quotetrail/quotetrail/model"
)

// The monkey test: random keys, mouse events and resizes against the root
// model, with the model's invariants checked after every step. The suite
// runs a few thousand steps; ask for more with
//
//	go test -run TestMonkey -monkey.steps 100000 ./ui
var (
	monkeySteps = flag.Int("monkey.steps", 2000, "random events per corpus in TestMonkey")
	monkeySeed  = flag.Uint64("monkey.seed", 1, "seed of TestMonkey's random events")
)

// monkeyKeys are the names of every bound key (from the key maps of every
// registered view and the timeline's fields, so a binding or a view added
// later is exercised too) and the other keys a person may press.
func monkeyKeys(m Model) []string {
	var names []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	kms := []help.KeyMap{m.tl, m.rd, m.pk, m.tl.searchKeys, m.views[focusWarnings], m.hp, m.ld, m.tl.dateKeys}
	for _, id := range m.order {
		kms = append(kms, m.views[id])
	}
	for _, km := range kms {
		for _, group := range km.FullHelp() {
			for _, b := range group {
				for _, s := range b.Keys() {
					add(s)
				}
			}
		}
	}
	for _, s := range []string{"esc", "enter", "tab", "shift+tab", "backspace", "space", "left", "right", "up", "down",
		"pgup", "pgdown", "home", "end", "delete", "ctrl+a", "ctrl+e", "ctrl+k", "ctrl+w", "ctrl+l", "ctrl+z", "f1"} {
		add(s)
	}
	return names
}

// monkeyKey builds a key press for a key name, beyond what keyMsg knows.
func monkeyKey(s string) tea.KeyPressMsg {
	switch s {
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "delete":
		return tea.KeyPressMsg{Code: tea.KeyDelete}
	case "f1":
		return tea.KeyPressMsg{Code: tea.KeyF1}
	}
	return keyMsg(s)
}

// monkeyRunes are random characters typed into search fields and paths:
// letters, digits, punctuation, wide and combining characters, RTL and
// zero-width ones, and a control character.
var monkeyRunes = []rune("aeiouxyzQW09 -_/.~*?[](){}\\\"'“”«»éßжЖ日本語😀\u0301\u05d0\u0627\u200b\u200d\u202e\u0007")

type monkey struct {
	t     *testing.T
	r     *rand.Rand
	keys  []string
	m     Model
	steps int
	// what happened, for the log
	nKeys, nRunes, nMouse, nResize, nQuit, nStatus int
	writes                                         int
	focus                                          map[viewID]int // steps that ended in each view
}

// statusCount finds the count on a status line: "23 of 58 statements", or
// "23 of 58" where the compare view's line is short of room.
var statusCount = regexp.MustCompile(`(\d+) of (\d+)(?: statements|\s*$| ·)`)

func TestMonkey(t *testing.T) {
	steps := *monkeySteps
	if testing.Short() {
		steps = min(steps, 300)
	}
	t.Run("fixture", func(t *testing.T) {
		runMonkey(t, fixtureCorpus(t), fixtureEvents(), steps)
	})
	t.Run("generated", func(t *testing.T) {
		dir := t.TempDir()
		if _, err := gen.Generate(dir, 300, 1); err != nil {
			t.Fatal(err)
		}
		reg, err := corpus.DefaultRegistry()
		if err != nil {
			t.Fatal(err)
		}
		res, err := reg.Load(context.Background(), []string{dir}, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		runMonkey(t, reg.Build("generated", res), nil, steps)
	})
}

func runMonkey(t *testing.T, c *model.Corpus, events []model.Event, steps int) {
	mk := &monkey{t: t, r: rand.New(rand.NewPCG(*monkeySeed, uint64(len(c.Statements)))), steps: steps, focus: map[viewID]int{}}
	opt := Options{Events: events, Theme: "dark", Title: "monkey", Version: "test",
		WriteFile: func(string, []byte, bool) error { mk.writes++; return nil }}
	mk.m = New(c, opt)
	mk.keys = monkeyKeys(mk.m)
	mk.m, _ = drive(t, mk.m, tea.WindowSizeMsg{Width: 100, Height: 30})
	start := time.Now()
	var last []string // the last events, shown when a check fails
	for i := range steps {
		msg := mk.event()
		last = append(last, fmt.Sprintf("%T%+v", msg, msg))
		if len(last) > 12 {
			last = last[1:]
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("step %d: panic %v after\n%s", i, p, strings.Join(last, "\n"))
				}
			}()
			var quit bool
			mk.m, quit = drive(t, mk.m, msg)
			if quit {
				// q and ctrl+c ask to quit; the program would end here, the
				// monkey carries on with the same model
				mk.nQuit++
			}
			mk.focus[mk.m.focus]++
			if err := mk.check(); err != nil {
				t.Fatalf("step %d: %v\nafter\n%s\nscreen (%dx%d):\n%s", i, err, strings.Join(last, "\n"), mk.m.width, mk.m.height, screen(mk.m))
			}
		}()
	}
	el := time.Since(start)
	t.Logf("%d steps in %v (%.0f/s): %d keys, %d typed runes, %d mouse events, %d resizes, %d quit requests, %d status lines checked, %d exports written; %d statements",
		steps, el.Round(time.Millisecond), float64(steps)/el.Seconds(), mk.nKeys, mk.nRunes, mk.nMouse, mk.nResize, mk.nQuit, mk.nStatus, mk.writes, len(c.Statements))
	t.Logf("steps ending in each view (focus value: steps): %v", mk.focus)
}

// event picks the next random event.
func (mk *monkey) event() tea.Msg {
	r := mk.r
	w, h := max(mk.m.width, 1), max(mk.m.height, 1)
	if mk.m.focus == focusTimeline && r.IntN(5) == 0 {
		mk.nKeys++
		return monkeyKey("enter") // open the reader more often than chance would
	}
	switch p := r.IntN(100); {
	case p < 55:
		mk.nKeys++
		return monkeyKey(mk.keys[r.IntN(len(mk.keys))])
	case p < 70:
		mk.nRunes++
		c := monkeyRunes[r.IntN(len(monkeyRunes))]
		return tea.KeyPressMsg{Code: c, Text: string(c)}
	case p < 73:
		mk.nKeys++
		return tea.KeyPressMsg{Code: rune('a' + r.IntN(26)), Mod: tea.ModCtrl}
	case p < 93:
		mk.nMouse++
		x, y := r.IntN(w+2)-1, r.IntN(h+2)-1
		buttons := []tea.MouseButton{tea.MouseWheelUp, tea.MouseWheelDown, tea.MouseLeft, tea.MouseRight, tea.MouseMiddle, tea.MouseWheelLeft}
		mouse := tea.Mouse{X: x, Y: y, Button: buttons[r.IntN(len(buttons))]}
		switch r.IntN(4) {
		case 0:
			return tea.MouseReleaseMsg(mouse)
		case 1:
			return tea.MouseMotionMsg(mouse)
		}
		if mouse.Button == tea.MouseWheelUp || mouse.Button == tea.MouseWheelDown || mouse.Button == tea.MouseWheelLeft {
			return tea.MouseWheelMsg(mouse)
		}
		return tea.MouseClickMsg(mouse)
	default:
		mk.nResize++
		// mostly usable sizes, some tiny and some huge
		if r.IntN(4) == 0 {
			return tea.WindowSizeMsg{Width: 1 + r.IntN(300), Height: 1 + r.IntN(100)}
		}
		return tea.WindowSizeMsg{Width: 40 + r.IntN(261), Height: 10 + r.IntN(91)}
	}
}

// check asserts the model's invariants after a step.
func (mk *monkey) check() error {
	m := mk.m
	view := m.View().Content
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		if w := lipgloss.Width(l); w > m.width {
			return fmt.Errorf("line %d is %d columns wide in a %d-column terminal: %q", i, w, m.width, ansi.Strip(l))
		}
	}
	if len(lines) > m.height {
		return fmt.Errorf("%d lines in a %d-line terminal", len(lines), m.height)
	}
	if n := len(m.tl.lay.view); n > 0 && (m.tl.cursor < 0 || m.tl.cursor >= n) {
		return fmt.Errorf("timeline cursor %d outside %d rows", m.tl.cursor, n)
	}
	if n := len(m.pk.shown); n > 0 && (m.pk.cursor < 0 || m.pk.cursor >= n) {
		return fmt.Errorf("picker cursor %d outside %d entries", m.pk.cursor, n)
	}
	if m.tooSmall() {
		return nil
	}
	if len(lines) != m.height {
		return fmt.Errorf("%d lines in a %d-line terminal", len(lines), m.height)
	}
	status := ansi.Strip(lines[len(lines)-2])
	if sm := statusCount.FindStringSubmatch(status); sm != nil {
		mk.nStatus++
		shown, _ := strconv.Atoi(sm[1])
		total, _ := strconv.Atoi(sm[2])
		if shown != len(m.tl.lay.view) || total != len(m.c.Statements) {
			return fmt.Errorf("status says %d of %d, the model has %d of %d", shown, total, len(m.tl.lay.view), len(m.c.Statements))
		}
		if !m.tl.pending {
			// what the timeline shows: the filters, and the search's words
			// while & narrows it to the matches
			if f := m.viewFilter(); shown != len(m.c.Query(f)) {
				return fmt.Errorf("status says %d shown, the filter %q selects %d", shown, f.String(), len(m.c.Query(f)))
			}
		}
	} else if m.flash == "" && m.width >= 100 {
		return fmt.Errorf("no statement count in the status line %q", status)
	}
	return nil
}
