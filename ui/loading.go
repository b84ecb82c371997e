package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
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

// The loading screen: a progress bar and the files read, while the
// corpus loads in a command (loadState); or why it could not load. It
// has the whole screen: the title bar, status line and key hint come with
// the corpus.

const focusLoading viewID = "loading"

type loadingView struct {
	viewBase
	ctx   *programContext
	keys  loadingKeys
	done  int
	total int
	phase string    // after the files: what the load is doing
	start time.Time // when the first progress came, for the rate
	err   error     // why the corpus could not load
	w, h  int
}

func newLoadingView(ctx *programContext) *loadingView {
	return &loadingView{ctx: ctx, keys: loadingKeys{&ctx.global}}
}

// Name implements view.
func (v *loadingView) Name() string { return "loading" }

// SetSize implements view.
func (v *loadingView) SetSize(w, h int) { v.w, v.h = w, h }

// progress takes a progress report.
func (v *loadingView) progress(msg progressMsg) {
	if v.start.IsZero() {
		v.start = time.Now()
	}
	v.done, v.total, v.phase = msg.done, msg.total, msg.phase
}

// Update implements view: the loading screen answers only the global keys.
func (v *loadingView) Update(tea.Msg) (action, tea.Cmd) { return nil, nil }

// ShortHelp implements help.KeyMap.
func (v *loadingView) ShortHelp() []key.Binding { return v.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (v *loadingView) FullHelp() [][]key.Binding { return v.keys.FullHelp() }

// View implements view.
func (v *loadingView) View() string {
	th := v.ctx.th
	if v.err != nil {
		return center(v.w, v.h,
			th.Err.Render("Could not load the corpus"),
			"",
			cut(v.err.Error(), v.w-4),
			"",
			th.Dim.Render("q quits"),
		)
	}
	barW := min(40, v.w-10)
	filled := 0
	if v.total > 0 {
		filled = barW * v.done / v.total
	}
	bar := th.Title.Render(strings.Repeat("━", filled)) + th.Dim.Render(strings.Repeat("─", barW-filled))
	count := "starting…"
	if v.total > 0 {
		count = fmt.Sprintf("%d of %d files", v.done, v.total) + loadRate(v.done, v.total, time.Since(v.start))
	}
	if v.phase != "" {
		count = fmt.Sprintf("%d files read · %s…", v.done, v.phase)
	}
	return center(v.w, v.h,
		th.Title.Render("quotetrail")+th.TitleDim.Render(" · loading "+v.ctx.corpusTitle()),
		"",
		bar,
		count,
		"",
		th.Dim.Render("q quits · ? help"),
	)
}

// center puts lines in the middle of a w×h screen.
func center(w, h int, msgs ...string) string {
	out := make([]string, 0, h)
	pad := max(0, (h-len(msgs))/2)
	for i := 0; i < pad; i++ {
		out = append(out, strings.Repeat(" ", max(0, w)))
	}
	for _, l := range msgs {
		lw := lipgloss.Width(l)
		out = append(out, fit(strings.Repeat(" ", max(0, (w-lw)/2))+l, max(0, w)))
	}
	for len(out) < h {
		out = append(out, strings.Repeat(" ", max(0, w)))
	}
	return strings.Join(out[:max(0, h)], "\n")
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
