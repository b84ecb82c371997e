// Package tmuxtest runs a built binary in a real terminal for tests: a
// detached tmux session on a private tmux server, keys sent with
// send-keys, the screen read back with capture-pane. The reader's tests
// (ui) and the command's (cmd/quotetrail) share it.
//
// A binary that does not build fails the test: a real-terminal test that
// skipped on a broken build would pass on it. The tests are skipped with
// -short, and when tmux is not installed — except in CI (CI set), where a
// missing tmux fails them too.
package tmuxtest
