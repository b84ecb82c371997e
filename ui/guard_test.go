package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// panicky panics where it is told to.
type panicky struct{ in string }

func (p panicky) Init() tea.Cmd { return p.cmd("init") }

func (p panicky) Update(tea.Msg) (tea.Model, tea.Cmd) {
	if p.in == "update" {
		panic("update\nbroke")
	}
	return p, tea.Batch(p.cmd("cmd"), func() tea.Msg { return nil })
}

func (p panicky) View() tea.View {
	if p.in == "view" {
		panic("view broke")
	}
	return tea.NewView("fine")
}

func (p panicky) cmd(where string) tea.Cmd {
	return func() tea.Msg {
		if p.in == where {
			panic(where + " broke")
		}
		return nil
	}
}

func isQuit(t *testing.T, cmd tea.Cmd) bool {
	t.Helper()
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

// runCmd runs a command as the program would, batches included, and
// returns the messages it produced.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, runCmd(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

func TestGuardUpdatePanic(t *testing.T) {
	g := &guardState{}
	m := guarded{panicky{"update"}, g}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'j'})
	if !isQuit(t, cmd) {
		t.Fatal("a panic in Update did not quit")
	}
	pe := g.failed()
	if pe == nil || pe.Error() != "internal error: update broke" || !strings.Contains(string(pe.Stack), "panicky.Update") {
		t.Fatalf("recorded %+v", pe)
	}
	// later messages quit too, and the view is blank
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'k'}); !isQuit(t, cmd) {
		t.Error("the program carries on after a panic")
	}
	if v := m.View(); v.Content != "" {
		t.Errorf("view after a panic: %q", v.Content)
	}
}

func TestGuardCommandPanic(t *testing.T) {
	for _, where := range []string{"init", "cmd"} {
		g := &guardState{}
		m := guarded{panicky{where}, g}
		cmd := m.Init()
		if where == "cmd" {
			_, cmd = m.Update(tea.KeyPressMsg{Code: 'j'}) // a batch holding the panicking command
		}
		var got []tea.Msg
		got = append(got, runCmd(cmd)...)
		found := false
		for _, msg := range got {
			if _, ok := msg.(panicMsg); ok {
				found = true
				if _, cmd := m.Update(msg); !isQuit(t, cmd) {
					t.Errorf("%s: the panic message did not quit", where)
				}
			}
		}
		if !found || g.failed() == nil || g.failed().Error() != "internal error: "+where+" broke" {
			t.Errorf("%s: messages %v, recorded %+v", where, got, g.failed())
		}
	}
}

func TestGuardViewPanic(t *testing.T) {
	quit := 0
	done := make(chan bool, 1)
	g := &guardState{quit: func() { quit++; done <- true }}
	v := guarded{panicky{"view"}, g}.View()
	<-done
	if v.Content != "" || quit != 1 || g.failed() == nil {
		t.Errorf("view %q, quit %d, recorded %+v", v.Content, quit, g.failed())
	}
}

func TestGuardPassesThrough(t *testing.T) {
	g := &guardState{}
	m, _ := guarded{New(fixtureCorpus(t), Options{Events: fixtureEvents(), Theme: "dark"}), g}.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if !strings.Contains(m.View().Content, "statements") || g.failed() != nil {
		t.Errorf("the guarded reader does not draw:\n%s", m.View().Content)
	}
}
