package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// pager shows a window of pre-rendered lines. It is used for one article,
// one list of warnings or one help screen at a time, which are small; the
// timeline, which can be huge, and the compare panes scroll rows in a
// rowViewport (rows.go), which draws only what is on screen.
type pager struct {
	lines  []string
	off    int
	width  int
	height int
}

func (p *pager) SetSize(w, h int) {
	p.width, p.height = w, h
	p.clamp()
}

func (p *pager) setLines(lines []string) {
	p.lines = lines
	p.clamp()
}

func (p *pager) maxOff() int { return max(0, len(p.lines)-p.height) }

func (p *pager) clamp() { p.off = max(0, min(p.off, p.maxOff())) }

func (p *pager) scrollTo(line int) {
	p.off = line
	p.clamp()
}

func (p *pager) scroll(delta int) { p.scrollTo(p.off + delta) }

// Update scrolls on the move keys and the mouse wheel.
func (p *pager) Update(msg tea.Msg, k moveKeys) bool {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if d, ok := k.step(msg, p.height-1); ok { // a page keeps one line of context
			p.scroll(d)
			return true
		}
		switch {
		case key.Matches(msg, k.Top):
			p.scrollTo(0)
		case key.Matches(msg, k.Bottom):
			p.scrollTo(p.maxOff())
		default:
			return false
		}
		return true
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			p.scroll(-3)
		case tea.MouseWheelDown:
			p.scroll(3)
		default:
			return false
		}
		return true
	}
	return false
}

// View draws exactly height lines of width columns.
func (p *pager) View() string {
	out := make([]string, 0, p.height)
	for i := p.off; i < len(p.lines) && len(out) < p.height; i++ {
		out = append(out, fit(p.lines[i], p.width))
	}
	for len(out) < p.height {
		out = append(out, strings.Repeat(" ", p.width))
	}
	return strings.Join(out, "\n")
}

// more reports whether lines lie below the window.
func (p *pager) more() bool { return p.off+p.height < len(p.lines) }
