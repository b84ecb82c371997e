package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/ui/tmuxtest"
)

// A real-terminal test: the built binary runs in a detached tmux session,
// keys go in with send-keys and the screen comes back with capture-pane,
// and the assertions are about what a person would see (tmuxtest).
//
// It needs tmux and fails when ./cmd/quotetrail does not build; it is
// skipped with -short.

// buildQuotetrail builds ./cmd/quotetrail into a temporary directory.
func buildQuotetrail(t *testing.T) string {
	t.Helper()
	tmuxtest.Require(t)
	return tmuxtest.Build(t, "../cmd/quotetrail")
}

// startTmux opens a shell in a detached tmux session of the given size, on
// a private tmux server that the test stops at the end.
func startTmux(t *testing.T, w, h int) *tmuxtest.Session {
	t.Helper()
	s := tmuxtest.Start(t, w, h)
	s.Timeout = 20 * time.Second
	return s
}

var ofStatements = regexp.MustCompile(`\d+ of \d+ statements`)

func TestTmuxReader(t *testing.T) {
	bin := buildQuotetrail(t)
	s := startTmux(t, 100, 30)
	s.Type("TERM=xterm-256color " + bin)
	s.Send("Enter")

	scr := s.WaitFor("the timeline and its status line", func(scr string) bool {
		return strings.Contains(scr, "quotetrail") && ofStatements.MatchString(scr)
	})
	mustContain(t, scr, "2020 ──", "oldest first", "? help", "q quit")
	mustNotContain(t, scr, tmuxtest.Prompt) // the alternate screen hides the shell
	lines := strings.Split(strings.TrimRight(scr, "\n"), "\n")
	if len(lines) != 30 {
		t.Errorf("the pane shows %d lines, want 30", len(lines))
	}

	s.Send("?")
	s.WaitText("Keys — timeline", "previous year", "speakers")
	s.Send("Escape")
	s.WaitFor("the timeline again", func(scr string) bool {
		return !strings.Contains(scr, "Keys — timeline") && ofStatements.MatchString(scr)
	})

	// the flow, as far as the built-in corpus allows
	s.Send("s")
	scr = s.WaitText("Speakers", "selected")
	if strings.Contains(scr, "Dmitry Peskov") {
		s.Type("peskov")
		s.WaitText("narrow: peskov")
		s.Send("Tab", "Enter")
		scr = s.WaitText("speaker: Dmitry Peskov")
		t.Logf("filtered to Peskov: %s", ofStatements.FindString(scr))
		s.Send("/")
		s.Type("tango")
		s.Send("Enter")
		scr = s.WaitFor("the search result", func(scr string) bool { return strings.Contains(scr, "/tango:") })
		if strings.Contains(scr, "tango: 0 matches") {
			t.Logf("the built-in corpus has no Peskov statement with tango yet")
		} else {
			s.Send("Enter")
			// the statement's words with the pane: a capture can land mid-redraw
			s.WaitFor("the reader pane on the match", func(scr string) bool {
				return strings.Contains(scr, "── article") && strings.Contains(scr, "evidence") && strings.Contains(strings.ToLower(scr), "tango")
			})
			s.Send("Escape")
			s.WaitText("speaker: Dmitry Peskov", "oldest first") // the timeline again
		}
	} else {
		t.Logf("the built-in corpus has no Peskov yet; picker shows:\n%s", scr)
		s.Send("Escape")
		s.WaitText("oldest first")
	}

	// q leaves the terminal as it was: the shell prompt is back
	s.Send("q")
	scr = s.WaitText(tmuxtest.Prompt)
	mustNotContain(t, scr, "statements ·", "Keys —")
	if out, _ := s.Tmux("display-message", "-p", "-t", s.Name, "#{alternate_on}"); strings.TrimSpace(out) != "0" {
		t.Errorf("the pane is still on the alternate screen: %q", out)
	}
}

func TestTmuxTooSmall(t *testing.T) {
	bin := buildQuotetrail(t)
	s := startTmux(t, 50, 12)
	s.Type("TERM=xterm-256color " + bin)
	s.Send("Enter")
	s.WaitText("Terminal too small", "50×12")
	s.Send("q")
	s.WaitText(tmuxtest.Prompt)
}

// issue 19, items 2–6, on the real binary and the built-in corpus at
// 80×24, one test per item so that each says what it covers.

// startReader starts the binary in a fresh 80×24 session and waits for
// the timeline.
func startReader(t *testing.T) *tmuxtest.Session {
	t.Helper()
	bin := buildQuotetrail(t)
	s := startTmux(t, 80, 24)
	s.Type("TERM=xterm-256color " + bin)
	s.Send("Enter")
	s.WaitFor("the timeline", func(scr string) bool { return ofStatements.MatchString(scr) })
	return s
}

// 2: a picker narrows on every printable key; q does not quit.
func TestTmuxPickerTypesEveryKey(t *testing.T) {
	s := startReader(t)
	s.Send("s")
	s.WaitText("Speakers", "selected")
	s.Type("qa")
	s.WaitText("narrow: qa", "nothing matches")
	s.Send("BSpace", "BSpace")
	s.Type("peskov")
	s.WaitText("narrow: peskov", "1 shown")
	s.Send("Tab", "Enter")
	s.WaitText("speaker: Dmitry Peskov")
	s.Send("q")
	s.WaitText(tmuxtest.Prompt)
}

// 3: at the overwrite question q keeps the file and the app; the dialog
// opens with the path last written.
func TestTmuxOverwriteQuestionQIsNo(t *testing.T) {
	s := startReader(t)
	out := filepath.Join(t.TempDir(), "peskov.md")
	s.Send("e")
	s.WaitText("Export to Markdown")
	s.Send("Tab", "C-u")
	s.Type(out)
	s.Send("Enter")
	s.WaitText("wrote ", "statements to /")
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the export was not written: %v", err)
	}
	s.Send("e")
	s.WaitText("Export to Markdown")
	s.Send("Tab", "C-u")
	s.Type(out)
	s.Send("Enter")
	s.WaitText("overwrite?")
	s.Send("q")
	s.WaitText("not written: /")
	if again, _ := os.ReadFile(out); string(again) != string(first) {
		t.Error("q at the overwrite question changed the file")
	}
	s.Send("Escape") // alone: ESC and a key at once read as alt+key
	s.WaitFor("the timeline", func(scr string) bool { return !strings.Contains(scr, "Export to Markdown") })
	s.Send("e") // the dialog remembers the path
	s.WaitText("Export to Markdown", "peskov.md")
	s.Send("Escape")
	s.WaitFor("the timeline", func(scr string) bool { return !strings.Contains(scr, "Export to Markdown") })
	s.Send("q")
	s.WaitText(tmuxtest.Prompt)
}

// 4: o g o leaves no blank screen; G shows the events after the last
// statement (the Alaska summit).
func TestTmuxReorderAndBottom(t *testing.T) {
	s := startReader(t)
	s.Send("o")
	s.WaitText("newest first")
	s.Send("g", "o")
	scr := s.WaitText("oldest first", "▸")
	blank := 0
	lines := strings.Split(strings.TrimRight(scr, "\n"), "\n")
	for _, l := range lines[1 : len(lines)-2] {
		if strings.TrimSpace(l) == "" {
			blank++
		}
	}
	if blank > 3 {
		t.Errorf("o g o leaves %d blank lines:\n%s", blank, scr)
	}
	s.Send("g")
	s.WaitText("2020 ── no statements")
	s.Send("G")
	s.WaitText("◆ 2025-08-15", "▸")
	s.Send("q")
	s.WaitText(tmuxtest.Prompt)
}

// 5 and 6: compare names its sides for what they are, and enter on a row
// whose focused side is empty opens the row's statement.
func TestTmuxCompareSidesAndEnter(t *testing.T) {
	s := startReader(t)
	s.Send("c")
	s.WaitText("Before the election", "After the election", "compare · split 2024-11-06")
	s.Send("Tab", "G", "Enter")
	s.WaitText("── article")
	s.Send("Escape")
	s.WaitText("Before the election")
	s.Send("c")
	s.WaitFor("the timeline", func(scr string) bool {
		return ofStatements.MatchString(scr) && !strings.Contains(scr, "After the election")
	})
	s.Send("q")
	s.WaitText(tmuxtest.Prompt)
}
