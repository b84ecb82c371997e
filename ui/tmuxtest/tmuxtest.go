package tmuxtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Prompt is the prompt of the shell in the pane.
const Prompt = "qt-shell$"

// Require skips the test with -short, and when tmux is not installed
// outside CI; in CI a missing tmux fails it.
func Require(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("real-terminal test skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed, and CI needs the real-terminal tests: install tmux")
		}
		t.Skip("tmux is not installed")
	}
}

// Build builds the main package in dir (relative to the test's package,
// as go build takes it) into a temporary directory and returns the
// binary's path. A failed build fails the test.
func Build(t testing.TB, dir string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "quotetrail")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build in %s: %v\n%s", dir, err, out)
	}
	return bin
}

// Session is one tmux session, on a server of its own.
type Session struct {
	T      testing.TB
	Socket string // the server's socket name (tmux -L)
	Name   string // the session, which is also its only pane's target
	// Timeout bounds each WaitFor (default 30s).
	Timeout time.Duration
	// CaptureFlags are added to capture-pane -p (for example "-J", which
	// joins wrapped lines).
	CaptureFlags []string
}

// Start opens sh in a detached w×h session, with PATH, a fresh HOME, the
// prompt and env (NAME=value) as its whole environment, and waits for the
// prompt. The server is stopped when the test ends.
func Start(t testing.TB, w, h int, env ...string) *Session {
	t.Helper()
	s := &Session{T: t, Socket: fmt.Sprintf("qt-test-%d-%d", os.Getpid(), time.Now().UnixNano()), Name: "qt", Timeout: 30 * time.Second}
	args := []string{"-f", "/dev/null", "new-session", "-d", "-s", s.Name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "-i", "PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "PS1=" + Prompt + " "}
	args = append(append(args, env...), "sh")
	if out, err := s.Tmux(args...); err != nil {
		t.Fatalf("cannot start tmux: %v %s", err, out)
	}
	t.Cleanup(func() { _, _ = s.Tmux("kill-server") })
	s.WaitText(Prompt)
	return s
}

// Tmux runs a tmux command on the session's server.
func (s *Session) Tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", s.Socket}, args...)...).CombinedOutput()
	return string(out), err
}

// Send sends keys by their tmux names ("Enter", "Escape", "C-u", "q").
func (s *Session) Send(keys ...string) {
	s.T.Helper()
	if out, err := s.Tmux(append([]string{"send-keys", "-t", s.Name}, keys...)...); err != nil {
		s.T.Fatalf("send-keys %v: %v %s", keys, err, out)
	}
}

// Type sends text literally.
func (s *Session) Type(text string) {
	s.T.Helper()
	if out, err := s.Tmux("send-keys", "-t", s.Name, "-l", text); err != nil {
		s.T.Fatalf("send-keys -l %q: %v %s", text, err, out)
	}
}

// Run types a shell command line and Enter.
func (s *Session) Run(line string) {
	s.T.Helper()
	s.Type(line)
	s.Send("Enter")
}

// Capture returns what the pane shows.
func (s *Session) Capture() string {
	s.T.Helper()
	out, err := s.Tmux(append([]string{"capture-pane", "-p", "-t", s.Name}, s.CaptureFlags...)...)
	if err != nil {
		s.T.Fatalf("capture-pane: %v %s", err, out)
	}
	return out
}

// WaitFor polls the pane until ok accepts it, and fails the test with
// what the pane shows when Timeout passes first.
func (s *Session) WaitFor(what string, ok func(screen string) bool) string {
	s.T.Helper()
	deadline := time.Now().Add(s.Timeout)
	var scr string
	for time.Now().Before(deadline) {
		if scr = s.Capture(); ok(scr) {
			return scr
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.T.Fatalf("the pane never showed %s; it shows:\n%s", what, scr)
	return ""
}

// WaitText waits until the pane shows every one of subs.
func (s *Session) WaitText(subs ...string) string {
	s.T.Helper()
	return s.WaitFor(fmt.Sprintf("%q", subs), func(scr string) bool {
		for _, sub := range subs {
			if !strings.Contains(scr, sub) {
				return false
			}
		}
		return true
	})
}

// Flags reads tmux's formats for the pane ("alternate_on",
// "cursor_flag"…), by name.
func (s *Session) Flags(names ...string) map[string]string {
	var f []string
	for _, n := range names {
		f = append(f, "#{"+n+"}")
	}
	out, _ := s.Tmux("display-message", "-p", "-t", s.Name, strings.Join(f, " "))
	vals := strings.Fields(out)
	m := map[string]string{}
	for i, n := range names {
		if i < len(vals) {
			m[n] = vals[i]
		}
	}
	return m
}
