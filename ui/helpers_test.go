package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// keyMsg builds the key press a terminal would send for a key name as
// bubbletea spells it ("j", "enter", "ctrl+d", "N", "space").
func keyMsg(s string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"backspace": {Code: tea.KeyBackspace}, "space": {Code: tea.KeySpace, Text: " "},
		"up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown}, "pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown},
		"home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
	}
	if k, ok := special[s]; ok {
		return tea.KeyPressMsg(k)
	}
	if rest, ok := strings.CutPrefix(s, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(rest[0]), Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	if r >= 'A' && r <= 'Z' {
		return tea.KeyPressMsg{Code: r + 'a' - 'A', ShiftedCode: r, Text: s, Mod: tea.ModShift}
	}
	return tea.KeyPressMsg{Code: r, Text: s}
}

// keys turns key names into messages; a name prefixed with "type:" is
// typed character by character.
func keys(names ...string) []tea.Msg {
	var out []tea.Msg
	for _, n := range names {
		if t, ok := strings.CutPrefix(n, "type:"); ok {
			for _, r := range t {
				out = append(out, keyMsg(string(r)))
			}
			continue
		}
		out = append(out, keyMsg(n))
	}
	return out
}

// drive sends msgs to m's Update and runs the commands they return
// (synchronously, as the program would, in order), feeding their messages
// back. It reports whether a command asked to quit.
func drive(t testing.TB, m Model, msgs ...tea.Msg) (Model, bool) {
	t.Helper()
	quit := false
	var run func(cmd tea.Cmd)
	deliver := func(msg tea.Msg) {
		nm, cmd := m.Update(msg)
		m = nm.(Model)
		run(cmd)
	}
	run = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		done := make(chan tea.Msg, 1)
		go func() { done <- cmd() }()
		var msg tea.Msg
		select {
		case msg = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("command did not return")
		}
		switch msg := msg.(type) {
		case nil:
		case tea.QuitMsg:
			quit = true
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		default:
			deliver(msg)
		}
	}
	for _, msg := range msgs {
		deliver(msg)
	}
	return m, quit
}

// newFixture opens the fixture corpus at a size.
func newFixture(t testing.TB, w, h int, opt Options) Model {
	t.Helper()
	if opt.Events == nil {
		opt.Events = fixtureEvents()
	}
	if opt.Theme == "" {
		opt.Theme = "dark"
	}
	m := New(fixtureCorpus(t), opt)
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// screen is what a person would see: the view without styling.
func screen(m Model) string { return ansi.Strip(m.View().Content) }

var sgr = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// sgrParams lists the parameter strings of the SGR sequences in s.
func sgrParams(s string) []string {
	var out []string
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

func hasSGR(s string, param string) bool {
	for _, p := range sgrParams(s) {
		for _, x := range strings.Split(p, ";") {
			if x == param {
				return true
			}
		}
	}
	return false
}

func mustContain(t testing.TB, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("screen lacks %q:\n%s", sub, s)
		}
	}
}

func mustNotContain(t testing.TB, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			t.Errorf("screen has %q but should not:\n%s", sub, s)
		}
	}
}

func TestCountNote(t *testing.T) {
	for n, want := range map[int]string{0: " no statements ", 1: " 1 statement ", 12: " 12 statements "} {
		if got := countNote(n); got != want {
			t.Errorf("countNote(%d) = %q, want %q", n, got, want)
		}
	}
}
