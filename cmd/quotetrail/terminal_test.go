package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/ui/tmuxtest"
)

// The terminal is always given back: the built binary runs in a tmux pane
// and is stopped by SIGINT, SIGTERM, SIGHUP or a panic (the
// QUOTETRAIL_TEST_PANIC test hook); then the shell prompt must be back, the
// pane off the alternate screen with the cursor shown and mouse reporting
// off, and `stty -a` in the pane must print what it printed before — the
// checks a person would make. Skipped with -short, and without tmux outside
// CI; a binary that does not build fails.

// paneFlags are the pane's modes as tmux sees them.
var paneFlags = []string{"alternate_on", "cursor_flag", "mouse_any_flag", "mouse_button_flag", "mouse_standard_flag",
	"mouse_all_flag", "mouse_sgr_flag", "insert_flag", "keypad_cursor_flag"}

// pane is a shell in a tmux pane (tmuxtest) working in a folder of its
// own, dir.
type pane struct {
	*tmuxtest.Session
	dir string
}

// flags reads tmux's view of the pane's modes.
func (p *pane) flags() map[string]string { return p.Flags(paneFlags...) }

// waitFile waits for a file the pane's shell writes, ending in a line "end".
func (p *pane) waitFile(name string) string {
	p.T.Helper()
	path := filepath.Join(p.dir, name)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && strings.HasSuffix(string(b), "end\n") {
			return strings.TrimSuffix(string(b), "end\n")
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.T.Fatalf("%s was never written; the pane shows:\n%s", name, p.Capture())
	return ""
}

func startPane(t *testing.T) *pane {
	t.Helper()
	dir := t.TempDir()
	s := tmuxtest.Start(t, 100, 30, "TMPDIR="+dir, "TERM=xterm-256color")
	s.CaptureFlags = []string{"-J"} // wrapped lines joined
	return &pane{Session: s, dir: dir}
}

var statementCount = regexp.MustCompile(`\d+ of \d+ statements`)

func TestTerminalGivenBack(t *testing.T) {
	tmuxtest.Require(t)
	bin := tmuxtest.Build(t, ".")
	cases := []struct {
		name   string
		sig    syscall.Signal // 0: the panic hook
		status string         // the exit status the shell sees
		says   string         // the line left on the terminal
	}{
		{"SIGINT", syscall.SIGINT, "1", "quotetrail: interrupt signal received"},
		{"SIGTERM", syscall.SIGTERM, "1", "quotetrail: terminated signal received"},
		{"SIGHUP", syscall.SIGHUP, "1", "quotetrail: hangup signal received"},
		{"panic", 0, "2", "quotetrail: internal error: QUOTETRAIL_TEST_PANIC: a panic on request with a second line — a bug, please report it"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := startPane(t)
			before := p.flags()
			p.Run("cd " + p.dir)
			p.Run("stty -a > before.txt; echo end >> before.txt")
			sttyBefore := p.waitFile("before.txt")
			p.Run("clear")

			env := ""
			if c.sig == 0 {
				env = "QUOTETRAIL_TEST_PANIC=1 "
			}
			p.Run(fmt.Sprintf("%ssh -c 'echo $$ > pid; exec %s'; echo \"exit=$?\"", env, bin))
			if c.sig != 0 {
				p.WaitFor("the reader", func(s string) bool { return statementCount.MatchString(s) })
			} else {
				p.WaitFor("the reader", func(s string) bool { return strings.Contains(s, "quotetrail") && !strings.Contains(s, "qt-shell$") })
			}
			if f := p.flags(); f["alternate_on"] != "1" {
				t.Fatalf("the reader is not on the alternate screen: %v", f)
			}
			if c.sig != 0 {
				b, _ := os.ReadFile(filepath.Join(p.dir, "pid")) // written before exec, so before the reader shows
				pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
				if err != nil {
					t.Fatalf("pid file: %q", b)
				}
				if err := syscall.Kill(pid, c.sig); err != nil {
					t.Fatalf("kill -%s %d: %v", c.name, pid, err)
				}
			}
			scr := p.WaitFor("the prompt after the reader", func(s string) bool {
				return strings.Contains(s, "exit=") && strings.HasSuffix(strings.TrimRight(s, "\n "), "qt-shell$")
			})
			if !strings.Contains(scr, "exit="+c.status) {
				t.Errorf("exit status: want %s, the pane shows:\n%s", c.status, scr)
			}
			if !strings.Contains(strings.Join(strings.Fields(scr), " "), c.says) {
				t.Errorf("the pane does not say %q:\n%s", c.says, scr)
			}
			if n := strings.Count(scr, "quotetrail:"); n != 1 {
				t.Errorf("%d lines from quotetrail, want one:\n%s", n, scr)
			}
			if after := p.flags(); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("terminal modes changed: before %v, after %v", before, after)
			}
			p.Run("stty -a > after.txt; echo end >> after.txt")
			if sttyAfter := p.waitFile("after.txt"); sttyAfter != sttyBefore {
				t.Errorf("stty -a differs:\nbefore:\n%s\nafter:\n%s", sttyBefore, sttyAfter)
			}
			t.Logf("%s: %s", c.name, strings.Join(strings.Fields(scr), " "))
		})
	}
}

// TestTerminalHostileCorpus opens the reader on articles full of escape
// sequences (title changes, OSC 52 clipboard writes, screen clears, cursor
// moves), bidi controls and a file whose name holds an escape sequence,
// and checks with tmux that none of it reached the terminal: the pane's
// title and tmux's paste buffers are untouched, the reader draws its
// normal screen, and quitting gives the terminal back as it was.
func TestTerminalHostileCorpus(t *testing.T) {
	tmuxtest.Require(t)
	bin := tmuxtest.Build(t, ".")
	dir := t.TempDir()
	files := map[string]string{
		"escapes.txt": "\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b[HKremlin on talks\n\n" +
			"MOSCOW, March 3. /TASS/. \x1b[?1049l\x1b[?25l\x1b[31mRussia is open to talks,\x1b[0m Kremlin spokesman Dmitry Peskov said on Monday.\n\n" +
			"\u201cWe are ready for dialogue,\x1b[5A\x1b[K\u201d Peskov told reporters.\x1b]2;pwned again\x1b\\ \x1bc\n",
		"rtl.txt": "MOSCOW, March 4. /TASS/. \u202eRussia is open to dialogue,\u202c Kremlin spokesman Dmitry Peskov said on Tuesday.\n\n" +
			"\u201cWe\u200b are ready to talk,\u201d Peskov said.\n",
		"name\x1b]0;pwned\x07.txt": "",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := startPane(t)
	p.Tmux("set-option", "-g", "set-clipboard", "on") // let OSC 52 reach tmux's buffers, if anything sends it
	p.Tmux("select-pane", "-t", p.Name, "-T", "before")
	before := p.flags()
	p.Run("cd " + p.dir)
	p.Run("stty -a > before.txt; echo end >> before.txt")
	sttyBefore := p.waitFile("before.txt")
	p.Run("clear; " + bin + " --corpus " + dir + "; echo \"exit=$?\"")
	p.WaitFor("the reader", func(s string) bool { return statementCount.MatchString(s) })
	p.Run("w") // the skipped files and warnings
	scr := p.WaitFor("the warnings view", func(s string) bool { return strings.Contains(s, "Skipped files (1)") })
	if !strings.Contains(scr, `\x1b]0;pwned\a`) {
		t.Errorf("the skipped file's name is not shown escaped:\n%s", scr)
	}
	title, _ := p.Tmux("display-message", "-p", "-t", p.Name, "#{pane_title}")
	bufs, _ := p.Tmux("list-buffers")
	if strings.Contains(title, "pwned") || strings.TrimSpace(bufs) != "" {
		t.Errorf("an article reached the terminal: pane title %q, paste buffers %q", title, bufs)
	}
	if f := p.flags(); f["alternate_on"] != "1" || f["cursor_flag"] != "0" {
		t.Errorf("an article changed the reader's modes: %v", f)
	}
	p.Tmux("send-keys", "-t", p.Name, "q")
	scr = p.WaitFor("the prompt after the reader", func(s string) bool {
		return strings.Contains(s, "exit=") && strings.HasSuffix(strings.TrimRight(s, "\n "), "qt-shell$")
	})
	if !strings.Contains(scr, "exit=0") {
		t.Errorf("exit status: the pane shows:\n%s", scr)
	}
	if after := p.flags(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("terminal modes changed: before %v, after %v", before, after)
	}
	p.Run("stty -a > after.txt; echo end >> after.txt")
	if sttyAfter := p.waitFile("after.txt"); sttyAfter != sttyBefore {
		t.Errorf("stty -a differs:\nbefore:\n%s\nafter:\n%s", sttyBefore, sttyAfter)
	}
}
