package main

import (
	"os"
	"time"
)

// testPanicHook is a test hook, not a feature: when the environment sets
// QUOTETRAIL_TEST_PANIC=1, the reader's corpus loader panics once the
// reader is on screen, so the tmux test (terminal_test.go) can check that a
// panic gives the terminal back. The variable is read only here, only when
// set, and does nothing else.
func testPanicHook() {
	if os.Getenv("QUOTETRAIL_TEST_PANIC") != "1" {
		return
	}
	time.Sleep(time.Second) // the reader is on screen by then
	panic("QUOTETRAIL_TEST_PANIC: a panic on request\nwith a second line")
}
