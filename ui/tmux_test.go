package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// A real-terminal test: the built binary runs in a detached tmux session,
// keys go in with send-keys and the screen comes back with capture-pane,
// and the assertions are about what a person would see.
//
// It needs tmux and a buildable ./cmd/quotetrail; it is skipped with
// -short.

type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func (s *tmuxSession) tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	return string(out), err
}

func (s *tmuxSession) send(keys ...string) {
	s.t.Helper()
	if out, err := s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...); err != nil {
		s.t.Fatalf("send-keys %v: %v %s", keys, err, out)
	}
}

// typeText sends literal text.
func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	if out, err := s.tmux("send-keys", "-t", s.name, "-l", text); err != nil {
		s.t.Fatalf("send-keys -l %q: %v %s", text, err, out)
	}
}

func (s *tmuxSession) capture() string {
	s.t.Helper()
	out, err := s.tmux("capture-pane", "-p", "-t", s.name)
	if err != nil {
		s.t.Fatalf("capture-pane: %v %s", err, out)
	}
	return out
}

// waitFor polls the pane until ok accepts it.
func (s *tmuxSession) waitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.capture()
		if ok(scr) {
			return scr
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("the pane never showed %s; it shows:\n%s", what, scr)
	return ""
}

func (s *tmuxSession) waitText(subs ...string) string {
	s.t.Helper()
	return s.waitFor(fmt.Sprintf("%q", subs), func(scr string) bool {
		for _, sub := range subs {
			if !strings.Contains(scr, sub) {
				return false
			}
		}
		return true
	})
}

// buildQuotetrail builds ./cmd/quotetrail into a temporary directory.
func buildQuotetrail(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("real-terminal test skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := filepath.Join(t.TempDir(), "quotetrail")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/quotetrail")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("./cmd/quotetrail does not build yet: %v\n%s", err, out)
	}
	return bin
}

// startTmux opens a shell in a detached tmux session of the given size, on
// a private tmux server that the test stops at the end.
func startTmux(t *testing.T, w, h int) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("qt-ui-test-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "qt"}
	home := t.TempDir()
	out, err := s.tmux("-f", "/dev/null", "new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "-i", "PATH="+os.Getenv("PATH"), "HOME="+home, "PS1=qt-shell$ ", "sh")
	if err != nil {
		t.Skipf("cannot start tmux: %v %s", err, out)
	}
	t.Cleanup(func() { s.tmux("kill-server") })
	s.waitText("qt-shell$")
	return s
}

var ofStatements = regexp.MustCompile(`\d+ of \d+ statements`)

func TestTmuxReader(t *testing.T) {
	bin := buildQuotetrail(t)
	s := startTmux(t, 100, 30)
	s.typeText("TERM=xterm-256color " + bin)
	s.send("Enter")

	scr := s.waitFor("the timeline and its status line", func(scr string) bool {
		return strings.Contains(scr, "quotetrail") && ofStatements.MatchString(scr)
	})
	mustContain(t, scr, "2020 ──", "oldest first", "? help", "q quit")
	mustNotContain(t, scr, "qt-shell$") // the alternate screen hides the shell
	lines := strings.Split(strings.TrimRight(scr, "\n"), "\n")
	if len(lines) != 30 {
		t.Errorf("the pane shows %d lines, want 30", len(lines))
	}

	s.send("?")
	s.waitText("Keys — timeline", "previous year", "speakers")
	s.send("Escape")
	s.waitFor("the timeline again", func(scr string) bool {
		return !strings.Contains(scr, "Keys — timeline") && ofStatements.MatchString(scr)
	})

	// the flow, as far as the built-in corpus allows
	s.send("s")
	scr = s.waitText("Speakers", "selected")
	if strings.Contains(scr, "Dmitry Peskov") {
		s.typeText("peskov")
		s.waitText("narrow: peskov")
		s.send("Tab", "Enter")
		scr = s.waitText("speaker: Dmitry Peskov")
		t.Logf("filtered to Peskov: %s", ofStatements.FindString(scr))
		s.send("/")
		s.typeText("tango")
		s.send("Enter")
		scr = s.waitFor("the search result", func(scr string) bool { return strings.Contains(scr, "/tango:") })
		if strings.Contains(scr, "tango: 0 matches") {
			t.Logf("the built-in corpus has no Peskov statement with tango yet")
		} else {
			s.send("Enter")
			scr = s.waitText("── article", "evidence")
			mustContain(t, strings.ToLower(scr), "tango")
			s.send("Escape")
			s.waitText("speaker: Dmitry Peskov", "oldest first") // the timeline again
		}
	} else {
		t.Logf("the built-in corpus has no Peskov yet; picker shows:\n%s", scr)
		s.send("Escape")
		s.waitText("oldest first")
	}

	// q leaves the terminal as it was: the shell prompt is back
	s.send("q")
	scr = s.waitText("qt-shell$")
	mustNotContain(t, scr, "statements ·", "Keys —")
	if out, _ := s.tmux("display-message", "-p", "-t", s.name, "#{alternate_on}"); strings.TrimSpace(out) != "0" {
		t.Errorf("the pane is still on the alternate screen: %q", out)
	}
}

func TestTmuxTooSmall(t *testing.T) {
	bin := buildQuotetrail(t)
	s := startTmux(t, 50, 12)
	s.typeText("TERM=xterm-256color " + bin)
	s.send("Enter")
	s.waitText("Terminal too small", "50×12")
	s.send("q")
	s.waitText("qt-shell$")
}

// issue 19, items 2–6, on the real binary and the built-in corpus at
// 80×24, one test per item so that each says what it covers.

// startReader starts the binary in a fresh 80×24 session and waits for
// the timeline.
func startReader(t *testing.T) *tmuxSession {
	t.Helper()
	bin := buildQuotetrail(t)
	s := startTmux(t, 80, 24)
	s.typeText("TERM=xterm-256color " + bin)
	s.send("Enter")
	s.waitFor("the timeline", func(scr string) bool { return ofStatements.MatchString(scr) })
	return s
}

// 2: a picker narrows on every printable key; q does not quit.
func TestTmuxPickerTypesEveryKey(t *testing.T) {
	s := startReader(t)
	s.send("s")
	s.waitText("Speakers", "selected")
	s.typeText("qa")
	s.waitText("narrow: qa", "nothing matches")
	s.send("BSpace", "BSpace")
	s.typeText("peskov")
	s.waitText("narrow: peskov", "1 shown")
	s.send("Tab", "Enter")
	s.waitText("speaker: Dmitry Peskov")
	s.send("q")
	s.waitText("qt-shell$")
}

// 3: at the overwrite question q keeps the file and the app; the dialog
// opens with the path last written.
func TestTmuxOverwriteQuestionQIsNo(t *testing.T) {
	s := startReader(t)
	out := filepath.Join(t.TempDir(), "peskov.md")
	s.send("e")
	s.waitText("Export to Markdown")
	s.send("Tab", "C-u")
	s.typeText(out)
	s.send("Enter")
	s.waitText("wrote ", "statements to /")
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the export was not written: %v", err)
	}
	s.send("e")
	s.waitText("Export to Markdown")
	s.send("Tab", "C-u")
	s.typeText(out)
	s.send("Enter")
	s.waitText("overwrite?")
	s.send("q")
	s.waitText("not written: /")
	if again, _ := os.ReadFile(out); string(again) != string(first) {
		t.Error("q at the overwrite question changed the file")
	}
	s.send("Escape") // alone: ESC and a key at once read as alt+key
	s.waitFor("the timeline", func(scr string) bool { return !strings.Contains(scr, "Export to Markdown") })
	s.send("e") // the dialog remembers the path
	s.waitText("Export to Markdown", "peskov.md")
	s.send("Escape")
	s.waitFor("the timeline", func(scr string) bool { return !strings.Contains(scr, "Export to Markdown") })
	s.send("q")
	s.waitText("qt-shell$")
}

// 4: o g o leaves no blank screen; G shows the events after the last
// statement (the Alaska summit).
func TestTmuxReorderAndBottom(t *testing.T) {
	s := startReader(t)
	s.send("o")
	s.waitText("newest first")
	s.send("g", "o")
	scr := s.waitText("oldest first", "▸")
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
	s.send("g")
	s.waitText("2020 ── no statements")
	s.send("G")
	s.waitText("◆ 2025-08-15", "▸")
	s.send("q")
	s.waitText("qt-shell$")
}

// 5 and 6: compare names its sides for what they are, and enter on a row
// whose focused side is empty opens the row's statement.
func TestTmuxCompareSidesAndEnter(t *testing.T) {
	s := startReader(t)
	s.send("c")
	s.waitText("Before the election", "After the election", "compare · split 2024-11-06")
	s.send("Tab", "G", "Enter")
	s.waitText("── article")
	s.send("Escape")
	s.waitText("Before the election")
	s.send("c")
	s.waitFor("the timeline", func(scr string) bool {
		return ofStatements.MatchString(scr) && !strings.Contains(scr, "After the election")
	})
	s.send("q")
	s.waitText("qt-shell$")
}
