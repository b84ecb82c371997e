package ui

import (
	"fmt"
	"runtime/debug"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// A panic anywhere in the reader — Update, View, or a command — must give
// the terminal back and say what happened in one line. Bubble Tea catches
// panics too, but prints the stack while the alternate screen may still be
// showing (a panic in a command), where it is lost. The guard recovers
// them first, remembers the first one and asks the program to quit, so the
// terminal is restored the ordinary way; Run then returns a *PanicError.
// Bubble Tea's own catching stays on as a backstop.

// PanicError is what Run returns when the reader panicked: the value and
// the stack of the first panic.
type PanicError struct {
	Value any
	Stack []byte
}

// Error is one line: the panic value with its line breaks folded.
func (e *PanicError) Error() string {
	return "internal error: " + strings.Join(strings.Fields(fmt.Sprint(e.Value)), " ")
}

// guardState is shared by every copy of the guarded model.
type guardState struct {
	mu   sync.Mutex
	err  *PanicError
	quit func() // asks the program to quit; set once it exists
}

func (g *guardState) record(r any) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err == nil {
		g.err = &PanicError{Value: r, Stack: debug.Stack()}
	}
}

func (g *guardState) failed() *PanicError {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.err
}

// panicMsg tells the model that a command panicked.
type panicMsg struct{}

// wrap returns cmd with its panics recovered; the batches it returns are
// wrapped too.
func (g *guardState) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				g.record(r)
				msg = panicMsg{}
			}
		}()
		msg = cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			out := make(tea.BatchMsg, len(b))
			for i, c := range b {
				out[i] = g.wrap(c)
			}
			return out
		}
		return msg
	}
}

// guarded is the root model inside its guard.
type guarded struct {
	m tea.Model
	g *guardState
}

func (s guarded) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			s.g.record(r)
			cmd = tea.Quit
		}
	}()
	return s.g.wrap(s.m.Init())
}

func (s guarded) Update(msg tea.Msg) (res tea.Model, cmd tea.Cmd) {
	if _, ok := msg.(panicMsg); ok || s.g.failed() != nil {
		return s, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			s.g.record(r)
			res, cmd = s, tea.Quit
		}
	}()
	m, c := s.m.Update(msg)
	return guarded{m, s.g}, s.g.wrap(c)
}

func (s guarded) View() (v tea.View) {
	if s.g.failed() != nil {
		return tea.NewView("")
	}
	defer func() {
		if r := recover(); r != nil {
			s.g.record(r)
			v = tea.NewView("")
			if s.g.quit != nil {
				go s.g.quit() // not from here: the event loop is drawing
			}
		}
	}()
	return s.m.View()
}
