package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// loadState runs a Loader in a command and relays its progress.
type loadState struct {
	ctx      context.Context
	load     Loader
	progress chan progressMsg
	finished chan struct{}
}

func newLoadState(ctx context.Context, load Loader) *loadState {
	return &loadState{ctx: ctx, load: load, progress: make(chan progressMsg, 1), finished: make(chan struct{})}
}

// report keeps the latest progress in the channel without ever blocking
// the loader.
func (ls *loadState) report(done, total int, phase string) {
	msg := progressMsg{done, total, phase}
	for {
		select {
		case ls.progress <- msg:
			return
		default:
			select {
			case <-ls.progress:
			default:
			}
		}
	}
}

func (ls *loadState) loadCmd() tea.Cmd {
	return func() tea.Msg {
		defer close(ls.finished)
		if ls.load == nil {
			return loadedMsg{err: errors.New("no loader")}
		}
		c, err := ls.load(ls.ctx, ls.report)
		if err == nil && c == nil {
			err = errors.New("the loader returned no corpus")
		}
		return loadedMsg{c, err}
	}
}

func (ls *loadState) waitCmd() tea.Cmd {
	return func() tea.Msg {
		select {
		case p := <-ls.progress:
			return p
		case <-ls.finished:
			return nil
		}
	}
}

func (m *Model) loadingView() string {
	th := m.th
	if m.focus == focusHelp {
		m.helpPage.SetSize(m.width, m.height)
		m.helpPage.setLines(m.helpLines())
		return m.helpPage.View()
	}
	if m.loadErr != nil {
		return m.center(
			th.Err.Render("Could not load the corpus"),
			"",
			cut(m.loadErr.Error(), m.width-4),
			"",
			th.Dim.Render("q quits"),
		)
	}
	barW := min(40, m.width-10)
	filled := 0
	if m.total > 0 {
		filled = barW * m.done / m.total
	}
	bar := th.Title.Render(strings.Repeat("━", filled)) + th.Dim.Render(strings.Repeat("─", barW-filled))
	count := "starting…"
	if m.total > 0 {
		count = fmt.Sprintf("%d of %d files", m.done, m.total) + loadRate(m.done, m.total, time.Since(m.loadStart))
	}
	if m.phase != "" {
		count = fmt.Sprintf("%d files read · %s…", m.done, m.phase)
	}
	return m.center(
		th.Title.Render("quotetrail")+th.TitleDim.Render(" · loading "+m.title()),
		"",
		bar,
		count,
		"",
		th.Dim.Render("q quits · ? help"),
	)
}

// loadRate says how fast files load and how long is left, once there is
// enough to tell: " · 420 files/s · about 12s left".
func loadRate(done, total int, elapsed time.Duration) string {
	if done < 2 || elapsed < 500*time.Millisecond {
		return ""
	}
	rate := float64(done) / elapsed.Seconds()
	out := fmt.Sprintf(" · %.0f files/s", rate)
	if left := total - done; left > 0 {
		out += " · about " + time.Duration(float64(left)/rate*float64(time.Second)).Round(time.Second).String() + " left"
	}
	return out
}
