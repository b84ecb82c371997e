package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/quotetrail/quotetrail/model"
)

// Options configure the reader.
type Options struct {
	Theme    string        // "auto" (default: ask the terminal), "light", "dark"
	NoMouse  bool          // leave the mouse to the terminal (text selection)
	Filter   model.Filter  // initial filters from the command line
	From, To time.Time     // timeline axis; zero → 2020-01-01 … 2025-12-31
	Events   []model.Event // reference events for the gutter (elections, inaugurations)
	Split    model.Split   // the Biden/Trump comparison split
	Title    string        // names the corpus in the window title
	Version  string        // quotetrail's version, recorded in exports

	// WriteFile writes an export (e). It must not replace an existing
	// file unless overwrite is set — it then fails with an error wrapping
	// fs.ErrExist, and the dialog asks before trying again with overwrite
	// — and must leave nothing behind when it fails. nil: the dialog
	// cannot write. cmd/quotetrail passes corpus.WriteFileAtomic.
	WriteFile func(path string, data []byte, overwrite bool) error
}

// Progress reports how a load goes: done of total files, and once the
// files are read, the phase it is in ("merging reports"), else "".
type Progress func(done, total int, phase string)

// Loader loads the corpus, calling progress as files load.
type Loader func(ctx context.Context, progress Progress) (*model.Corpus, error)

// The smallest terminal the reader draws in, and the screen rows above
// the body.
const (
	minWidth  = 60
	minHeight = 15
	bodyTop   = 1
)

// Messages of the root's commands.
type (
	progressMsg struct {
		done, total int
		phase       string
	}
	loadedMsg struct {
		c   *model.Corpus
		err error
	}
)

// Model is the root model. It holds the context the views share, the
// views (registered in views.go) and the focus: the view that has the
// keyboard, and the views it came from. It routes — sizes to every view,
// keys and the mouse to the focused one, the messages it does not handle
// itself to every view — and decides what the views ask for (actions).
// It draws the screen around the focused view's body: the title bar, the
// status line and the key hint.
type Model struct {
	*programContext

	views map[viewID]view
	order []viewID // registration order
	focus viewID
	back  []viewID // the views the focus came from, the last on top

	// the views the root opens itself or hands statements and filters to
	ld *loadingView
	tl *timeline
	rd *reader
	pk *picker
	cv *compareView
	ex *exportDialog
	hp *helpView

	load *loadState
}

func newModel(opt Options) Model {
	if opt.From.IsZero() {
		opt.From = model.Day(2020, time.January, 1)
	}
	if opt.To.IsZero() {
		opt.To = model.Day(2025, time.December, 31)
	}
	ctx := &programContext{
		opt:    opt,
		dark:   opt.Theme != "light",
		help:   help.New(),
		global: newGlobalKeys(),
		width:  80,
		height: 24,
		mouse:  !opt.NoMouse,
		marks:  map[int]bool{},
		// a filter change at 100k statements (query, layout, frame) takes
		// about 2 ms, a / search about 4 ms: BenchmarkFilterChange
		syncLimit: 200_000,
	}
	ctx.setTheme()
	m := Model{programContext: ctx, views: map[viewID]view{}, focus: focusLoading}
	m.registerViews()
	m.resize()
	return m
}

// New returns the root model for a loaded corpus (for tests).
func New(c *model.Corpus, opt Options) Model {
	m := newModel(opt)
	m.setCorpus(c)
	return m
}

// Run opens the reader, loading the corpus in a tea.Cmd with a progress
// indicator, and returns when the user quits. A corpus that fails to load
// is shown as an error, and returned once the user quits.
func Run(ctx context.Context, load Loader, opt Options) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	m := newModel(opt)
	m.load = newLoadState(ctx, load)
	g := &guardState{} // panics: see guard.go
	// Signals are the caller's: cmd/quotetrail cancels ctx on SIGINT,
	// SIGTERM and SIGHUP, which kills the program and restores the
	// terminal. Bubble Tea's own handler would end a SIGTERM as a normal
	// quit, exit status 0.
	p := tea.NewProgram(guarded{m, g}, tea.WithContext(ctx), tea.WithoutSignalHandler())
	g.quit = p.Quit
	final, err := p.Run()
	if pe := g.failed(); pe != nil {
		return pe
	}
	if err != nil {
		if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
			return context.Cause(ctx) // "terminated signal received" when a signal cancelled it
		}
		return err
	}
	if gm, ok := final.(guarded); ok {
		final = gm.m
	}
	if fm, ok := final.(Model); ok && fm.ld.err != nil {
		return fmt.Errorf("loading the corpus: %w", fm.ld.err)
	}
	return nil
}

// setCorpus installs a loaded corpus, lays out the first timeline and
// gives it the focus in place of the loading screen.
func (m *Model) setCorpus(c *model.Corpus) {
	m.c = c
	m.docWarnings = 0
	for _, d := range c.Documents {
		m.docWarnings += len(d.Warnings)
	}
	if f, err := c.Resolve(m.opt.Filter); err == nil {
		m.filter = f
	} else {
		m.filter = m.opt.Filter // shows nothing, and says why
		m.flash = err.Error()
	}
	m.tl.start()
	if m.focus == focusLoading {
		m.focus = focusTimeline
	}
	for i, id := range m.back {
		if id == focusLoading {
			m.back[i] = focusTimeline
		}
	}
	if m.hp.of == view(m.ld) {
		m.hp.of = m.tl // help opened while loading shows the timeline's keys now
	}
	m.resize()
	m.updateKeys()
}

// focused is the view that has the keyboard.
func (m *Model) focused() view { return m.views[m.focus] }

// home is the timeline once the corpus is loaded, the loading screen
// before.
func (m *Model) home() viewID { return pick(m.c == nil, focusLoading, focusTimeline) }

// push gives view id the focus, over the focused one.
func (m *Model) push(id viewID) {
	m.back = append(m.back, m.focus)
	m.focus = id
}

// close takes view id off the screen: the focus returns to the view it
// came from; a view under the focus (the dialog under its help) leaves
// the views to return to.
func (m *Model) close(id viewID) {
	if m.focus != id {
		for i := len(m.back) - 1; i >= 0; i-- {
			if m.back[i] == id {
				m.back = append(m.back[:i:i], m.back[i+1:]...)
				break
			}
		}
		return
	}
	if n := len(m.back); n > 0 {
		m.focus, m.back = m.back[n-1], m.back[:n-1]
		return
	}
	m.focus = m.home()
}

// openHelp shows the full help of the focused view.
func (m *Model) openHelp() {
	m.hp.describe(m.focused())
	m.push(focusHelp)
}

// act does what view from asked for.
func (m *Model) act(from viewID, a action) tea.Cmd {
	switch a := a.(type) {
	case goBack:
		m.close(from)
	case openView:
		m.push(a.id)
		return m.views[a.id].Open()
	case readStatement:
		m.rd.show(a.id)
		m.push(focusReader)
	case pickFilter:
		m.pk.start(a.kind)
		m.push(focusPicker)
	case applyPick:
		m.close(from)
		if a.kind == pickSpeakers {
			m.filter.Speakers = a.chosen
		} else {
			m.filter.Topics = a.chosen
		}
		return m.tl.refilter()
	}
	return nil
}

// bodySize is the size of the focused view's body: the whole screen while
// the corpus loads, the rows between the title bar and the status line
// after.
func (m *Model) bodySize() (int, int) {
	if m.c == nil {
		return m.width, m.height
	}
	return m.width, m.bodyHeight()
}

func (m *Model) resize() {
	w, h := m.bodySize()
	for _, id := range m.order {
		m.views[id].SetSize(w, h)
	}
}

// updateKeys has each view enable the bindings that apply now, so that
// the others neither match nor show in help.
func (m *Model) updateKeys() {
	m.global.Mouse.SetHelp("m", pick(m.mouse, "mouse off (select text)", "mouse on"))
	for _, id := range m.order {
		m.views[id].UpdateKeys()
	}
}

// Init asks the terminal for its background (unless the theme is set)
// and starts loading.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.opt.Theme == "" || m.opt.Theme == "auto" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.load != nil && m.c == nil {
		cmds = append(cmds, m.load.loadCmd(), m.load.waitCmd())
	}
	return tea.Batch(cmds...)
}

// Update routes messages: sizes to everyone, keys and the mouse to the
// view that has the focus, and what the root does not handle itself to
// every view — the results of commands, which each view takes or drops.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	if m.c != nil {
		m.updateKeys()
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
	case tea.BackgroundColorMsg:
		if m.opt.Theme == "" || m.opt.Theme == "auto" {
			m.dark = msg.IsDark()
			m.setTheme()
		}
		return nil
	case tea.EnvMsg:
		if nc := msg.Getenv("NO_COLOR") != ""; nc != m.noColor {
			m.noColor = nc
			m.setTheme()
		}
		return nil
	case progressMsg:
		m.ld.progress(msg)
		if m.c == nil && m.load != nil {
			return m.load.waitCmd()
		}
		return nil
	case loadedMsg:
		if msg.err != nil {
			m.ld.err = msg.err
			return nil
		}
		m.setCorpus(msg.c)
		return nil
	case tea.KeyPressMsg:
		m.flash = ""
		return m.key(msg)
	case tea.MouseMsg:
		return m.mouseMsg(msg)
	}
	return m.broadcast(msg)
}

// broadcast gives msg to every view, in registration order, and does what
// they ask.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, id := range m.order {
		a, cmd := m.views[id].Update(msg)
		cmds = append(cmds, cmd, m.act(id, a))
	}
	return tea.Batch(cmds...)
}

// key routes a key. ctrl+c always quits; q, ? and m work where the
// focused view's key map lists them (a field that takes every printable
// key lists none); every other key goes to the focused view — unless the
// terminal is too small to show it.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	g := m.global
	if key.Matches(msg, g.ForceQuit) {
		return tea.Quit
	}
	v := m.focused()
	switch {
	case key.Matches(msg, g.Quit) && lists(v, g.Quit):
		return tea.Quit
	case key.Matches(msg, g.Help) && lists(v, g.Help):
		if !m.tooSmall() {
			m.openHelp()
		}
		return nil
	case key.Matches(msg, g.Mouse) && lists(v, g.Mouse):
		m.mouse = !m.mouse
		return nil
	}
	if m.tooSmall() {
		return nil // the view is not on screen: a field keeps its contents
	}
	a, cmd := v.Update(msg)
	return tea.Batch(cmd, m.act(m.focus, a))
}

// mouseMsg gives a mouse event to the focused view, while the mouse is
// captured and the view is on screen.
func (m *Model) mouseMsg(msg tea.MouseMsg) tea.Cmd {
	if m.c == nil || m.tooSmall() || !m.mouse {
		return nil
	}
	a, cmd := m.focused().Update(msg)
	return tea.Batch(cmd, m.act(m.focus, a))
}

// corpusTitle names the corpus.
func (x *programContext) corpusTitle() string {
	switch {
	case x.opt.Title != "":
		return x.opt.Title
	case x.c != nil && x.c.Name != "":
		return x.c.Name
	}
	return "corpus"
}

// View draws the screen: a title bar, the focused view, the status line
// and the key hint (or the view's field).
func (m Model) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	v.WindowTitle = "quotetrail — " + m.corpusTitle()
	if m.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

func (m *Model) content() string {
	if m.tooSmall() {
		return m.tooSmallView()
	}
	v := m.focused()
	if m.c == nil {
		return v.View() // while loading, the view has the whole screen
	}
	th := m.th
	left := " " + th.Title.Render("quotetrail") + th.TitleDim.Render(" · "+m.corpusTitle())
	right := v.Title()
	if right == "" {
		right = m.tl.Title()
	}
	status := v.Status()
	if status == "" {
		status = m.tl.Status()
	}
	last := v.Footer()
	if last == "" {
		h := m.help
		h.SetWidth(m.width - 1)
		last = fit(" "+h.ShortHelpView(v.ShortHelp()), m.width)
	}
	return strings.Join([]string{spread(left, right, m.width), v.View(), status, last}, "\n")
}

func (m *Model) tooSmallView() string {
	th := m.th
	return center(m.width, m.height,
		th.Err.Render("Terminal too small"),
		fmt.Sprintf("%d×%d; quotetrail needs at least %d×%d.", m.width, m.height, minWidth, minHeight),
		th.Dim.Render("Enlarge the window, or press q to quit."),
	)
}
