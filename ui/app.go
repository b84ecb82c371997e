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
	"charm.land/lipgloss/v2"

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

type focus int

const (
	focusTimeline focus = iota
	focusReader
	focusPicker
	focusWarnings
	focusHelp
	focusCompare
	focusExport
)

// Messages.
type (
	progressMsg struct {
		done, total int
		phase       string
	}
	loadedMsg struct {
		c   *model.Corpus
		err error
	}
	// layoutMsg is a filtered, laid-out timeline computed in a command.
	layoutMsg struct {
		gen int
		lay layout
	}
)

// Model is the root model.
type Model struct {
	opt    Options
	keys   keyMaps
	th     *theme
	dark   bool
	noCol  bool
	width  int
	height int
	mouse  bool
	help   help.Model

	load      *loadState
	done      int
	total     int
	phase     string    // after the files: what the load is doing
	loadStart time.Time // when the first progress came, for the rate
	loadErr   error

	c           *model.Corpus
	docWarnings int // warnings on the documents, counted once for the status line
	filter      model.Filter
	gen         int // generation of the timeline layout; older results are dropped
	pending     bool
	newest      bool
	marks       map[int]bool
	tl          timeline
	rd          reader
	pk          picker
	sr          search
	date        dateJump
	warn        pager
	helpPage    pager
	cv          compareView
	cmpBack     bool // the reader was opened from the compare view; esc returns there
	focus       focus
	back        focus  // the view help returns to
	flash       string // a one-off note for the status line, until the next key
	ex          exportDialog
	// lastExportPath is the path last written or typed in the export
	// dialog this session; the dialog opens with it
	lastExportPath string
	// syncLimit is the largest corpus filtered and searched within the
	// frame; larger ones are filtered in commands.
	syncLimit int
}

func newModel(opt Options) Model {
	if opt.From.IsZero() {
		opt.From = model.Day(2020, time.January, 1)
	}
	if opt.To.IsZero() {
		opt.To = model.Day(2025, time.December, 31)
	}
	m := Model{
		opt:    opt,
		keys:   newKeyMaps(),
		dark:   opt.Theme != "light",
		width:  80,
		height: 24,
		mouse:  !opt.NoMouse,
		help:   help.New(),
		marks:  map[int]bool{},
		// a filter change at 100k statements (query, layout, frame) takes
		// about 2 ms, a / search about 4 ms: BenchmarkFilterChange
		syncLimit: 200_000,
	}
	m.setTheme()
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
	if fm, ok := final.(Model); ok && fm.loadErr != nil {
		return fmt.Errorf("loading the corpus: %w", fm.loadErr)
	}
	return nil
}

// setCorpus installs a loaded corpus and lays out the first timeline.
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
	m.tl = timeline{c: c, th: m.th, marks: m.marks}
	m.rd = reader{c: c, th: m.th, marks: m.marks}
	m.cv = compareView{c: c, th: m.th, split: m.opt.Split}
	m.tl.hl = highlightWords(m.filter.Query, "")
	m.tl.setLayout(buildLayout(c, c.Query(m.filter), m.newest, m.opt.From, m.opt.To, m.opt.Events))
	m.resize()
	m.updateKeys()
}

// setTheme builds the styles from the light/dark and colour settings and
// hands them to the views.
func (m *Model) setTheme() {
	m.th = newTheme(m.dark, m.noCol)
	m.help.Styles = m.th.Help
	m.tl.th, m.rd.th, m.pk.th = m.th, m.th, m.th
	m.cv.th = m.th
	if m.c != nil && m.focus == focusReader {
		m.rd.render()
	}
	if m.c != nil && m.focus == focusWarnings {
		m.warn.setLines(warningLines(m.c, m.th, m.width))
	}
}

func (m *Model) bodyHeight() int { return max(1, m.height-3) }

func (m *Model) resize() {
	if m.c == nil {
		return
	}
	h := m.bodyHeight()
	m.tl.SetSize(m.width, h)
	m.rd.SetSize(m.width, h)
	m.pk.SetSize(m.width, h)
	m.cv.SetSize(m.width, h)
	m.warn.SetSize(m.width, h)
	if m.focus == focusWarnings {
		m.warn.setLines(warningLines(m.c, m.th, m.width))
	}
}

// viewFilter is the filter the timeline shows: the filters, and the search
// words too while the timeline is narrowed to the matches (&).
func (m *Model) viewFilter() model.Filter {
	f := m.filter
	if m.sr.only && m.sr.query != "" {
		f.Query = strings.TrimSpace(f.Query + " " + m.sr.query)
	}
	return f
}

// layoutCmd filters and lays out the timeline in a command.
func (m *Model) layoutCmd() tea.Cmd {
	m.gen++
	m.pending = true
	c, f, newest, from, to, evs, gen := m.c, m.viewFilter(), m.newest, m.opt.From, m.opt.To, m.opt.Events, m.gen
	return func() tea.Msg {
		return layoutMsg{gen: gen, lay: buildLayout(c, c.Query(f), newest, from, to, evs)}
	}
}

// refilter lays the timeline out again for the current filters and
// order. A corpus small enough to do it within a frame is done at once, so
// that keys typed right after apply to the new timeline; a larger one is
// done in a command.
func (m *Model) refilter() tea.Cmd {
	cmd := m.layoutCmd()
	if len(m.c.Statements) > m.syncLimit {
		return cmd
	}
	return m.applyLayout(cmd().(layoutMsg))
}

func (m *Model) applyLayout(msg layoutMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil // stale: a newer filter is on its way
	}
	m.pending = false
	m.tl.setLayout(msg.lay)
	if m.sr.query != "" {
		return m.searchNow(false)
	}
	return nil
}

func (m *Model) applySearch(msg searchResultMsg) {
	if msg.gen != m.sr.gen {
		return // stale
	}
	m.sr.pending = false
	m.sr.found = len(msg.matchPos)
	m.tl.matchPos = msg.matchPos
	if msg.jump {
		m.tl.moveTo(m.sr.origin)
		if len(msg.matchPos) > 0 && !m.tl.isMatch(m.sr.origin) {
			m.tl.nextMatch(1)
		}
	}
}

// searchNow starts the search for the current query on the current
// layout.
func (m *Model) searchNow(jump bool) tea.Cmd {
	m.sr.gen++
	m.tl.hl = highlightWords(m.filter.Query, m.sr.query)
	if strings.TrimSpace(m.sr.query) == "" || len(model.Words(m.sr.query)) == 0 {
		m.sr.pending = false
		m.sr.found = 0
		m.tl.matchPos = nil
		return nil
	}
	m.sr.pending = true
	cmd := searchCmd(m.c, m.filter, m.tl.lay, m.sr.query, m.sr.gen, jump)
	if len(m.c.Statements) > m.syncLimit {
		return cmd
	}
	m.applySearch(cmd().(searchResultMsg))
	return nil
}

// clearSearch ends the search; a timeline narrowed to its matches is
// laid out again, whole (the command is nil otherwise).
func (m *Model) clearSearch() tea.Cmd {
	only := m.sr.only && m.sr.query != ""
	m.sr.only = false
	m.sr.query = ""
	m.sr.field.set("")
	m.sr.typing = false
	m.sr.gen++
	m.sr.pending = false
	m.sr.found = 0
	m.tl.matchPos = nil
	m.tl.hl = highlightWords(m.filter.Query, "")
	if only {
		return m.refilter()
	}
	return nil
}

// updateKeys enables the bindings that apply now; the others vanish from
// help.
func (m *Model) updateKeys() {
	k := &m.keys.timeline
	searching := m.sr.query != ""
	k.NextMatch.SetEnabled(searching)
	k.PrevMatch.SetEnabled(searching)
	k.ClearSearch.SetEnabled(searching)
	k.OnlyMatches.SetHelp("&", pick(m.sr.only, "show every statement again", "show only the matches"))
	k.ClearMarks.SetEnabled(len(m.marks) > 0)
	k.ClearFilters.SetEnabled(!m.filter.IsZero() || searching)
	shown := m.c != nil && len(m.tl.lay.view) > 0
	k.Open.SetEnabled(shown)
	k.Mark.SetEnabled(shown)
	k.Copy.SetEnabled(shown)
	k.Export.SetEnabled(shown || len(m.marks) > 0)
	if m.ex.open {
		m.ex.keys.global = m.keys.global
		m.ex.keys.state(m.ex.editing, m.ex.confirm)
	}
	k.Order.SetHelp("o", pick(m.newest, "oldest first", "newest first"))
	m.keys.picker.state(m.pk.narrow.String() != "")
	m.keys.global.Mouse.SetHelp("m", pick(m.mouse, "mouse off (select text)", "mouse on"))
	m.keys.timeline.global = m.keys.global
	m.keys.reader.global = m.keys.global
	m.keys.page.global = m.keys.global
	m.keys.loading.global = m.keys.global
	m.keys.compare.global = m.keys.global
	m.cv.updateKeys(&m.keys.compare)
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
// view that has focus, results of commands to the state they belong to.
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
		if m.ex.open {
			m.ex.SetSize(m.width, m.bodyHeight())
			if m.ex.needsRender() {
				return m.ex.previewCmd(m.dark, m.noCol)
			}
		}
		return nil
	case tea.BackgroundColorMsg:
		if m.opt.Theme == "" || m.opt.Theme == "auto" {
			m.dark = msg.IsDark()
			m.setTheme()
		}
		return nil
	case tea.EnvMsg:
		if nc := msg.Getenv("NO_COLOR") != ""; nc != m.noCol {
			m.noCol = nc
			m.setTheme()
		}
		return nil
	case progressMsg:
		if m.loadStart.IsZero() {
			m.loadStart = time.Now()
		}
		m.done, m.total, m.phase = msg.done, msg.total, msg.phase
		if m.c == nil && m.load != nil {
			return m.load.waitCmd()
		}
		return nil
	case loadedMsg:
		if msg.err != nil {
			m.loadErr = msg.err
			return nil
		}
		m.setCorpus(msg.c)
		return nil
	case layoutMsg:
		return m.applyLayout(msg)
	case searchResultMsg:
		m.applySearch(msg)
		return nil
	case compareMsg:
		m.applyCompare(msg)
		return nil
	case exportPreviewMsg:
		m.ex.applyPreview(msg)
		return nil
	case exportWrittenMsg:
		m.exportWritten(msg)
		return nil
	case tea.KeyPressMsg:
		m.flash = ""
		return m.key(msg)
	case tea.MouseMsg:
		return m.mouseMsg(msg)
	}
	return nil
}

func (m *Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	g := m.keys.global
	if key.Matches(msg, g.ForceQuit) {
		return tea.Quit
	}
	typing := m.c != nil && ((m.focus == focusTimeline && (m.sr.typing || m.date.typing)) || m.focus == focusPicker || (m.focus == focusExport && (m.ex.editing || m.ex.confirm)))
	if m.tooSmall() || m.c == nil {
		switch {
		case typing:
			// the field is not on screen; keep its contents and q too
		case key.Matches(msg, g.Quit):
			return tea.Quit
		case key.Matches(msg, g.Help) && !m.tooSmall():
			m.toggleHelp()
		case key.Matches(msg, m.keys.help.Close) && m.focus == focusHelp:
			m.focus = m.back
		case key.Matches(msg, g.Mouse):
			m.mouse = !m.mouse
		}
		return nil
	}
	if !typing {
		switch {
		case key.Matches(msg, g.Quit):
			return tea.Quit
		case m.focus == focusHelp:
			if key.Matches(msg, m.keys.help.Close) {
				m.focus = m.back
				return nil
			}
			m.helpPage.Update(msg, m.keys.help.moveKeys)
			return nil
		case key.Matches(msg, g.Help):
			m.toggleHelp()
			return nil
		case key.Matches(msg, g.Mouse) && m.focus != focusPicker:
			m.mouse = !m.mouse
			return nil
		}
	}
	switch m.focus {
	case focusTimeline:
		if m.sr.typing {
			return m.searchKey(msg)
		}
		if m.date.typing {
			m.dateKey(msg)
			return nil
		}
		return m.timelineKey(msg)
	case focusCompare:
		return m.compareKey(msg)
	case focusReader:
		switch m.rd.Update(msg, m.keys.reader) {
		case readerBack:
			m.focus = focusTimeline
			if m.cmpBack {
				m.focus, m.cmpBack = focusCompare, false
			}
			m.tl.ensureVisible()
		case readerMark:
			m.toggleMark(m.rd.id)
			m.rd.render()
		case readerCopy:
			return m.copyMarkdown(m.rd.id)
		}
	case focusPicker:
		switch m.pk.Update(msg, m.keys.picker) {
		case pickerApply:
			m.focus = focusTimeline
			if m.pk.kind == pickSpeakers {
				m.filter.Speakers = m.pk.chosen()
			} else {
				m.filter.Topics = m.pk.chosen()
			}
			return m.refilter()
		case pickerCancel:
			m.focus = focusTimeline
		}
	case focusWarnings:
		if key.Matches(msg, m.keys.page.Back) {
			m.focus = focusTimeline
			return nil
		}
		m.warn.Update(msg, m.keys.page.moveKeys)
	case focusExport:
		return m.exportKey(msg)
	}
	return nil
}

func (m *Model) toggleHelp() {
	if m.focus == focusHelp {
		m.focus = m.back
		return
	}
	m.openHelp()
}

func (m *Model) toggleMark(id int) {
	if m.marks[id] {
		delete(m.marks, id)
	} else {
		m.marks[id] = true
	}
}

// nextPeriods steps p through all → Biden → Trump (second term) →
// Trump (first term) → undated → all; any other choice (from the command
// line) goes back to all.
func nextPeriods(cur []model.Period) []model.Period {
	cycle := [][]model.Period{nil, {model.PeriodBiden}, {model.PeriodTrump2}, {model.PeriodTrump1}, {model.PeriodUnknown}}
	for i, ps := range cycle {
		if len(ps) == len(cur) && (len(ps) == 0 || ps[0] == cur[0]) {
			return cycle[(i+1)%len(cycle)]
		}
	}
	return nil
}

func (m *Model) timelineKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys.timeline
	if handled, _ := m.tl.Update(msg, k); handled {
		return nil
	}
	switch {
	case key.Matches(msg, k.Open):
		if id, ok := m.tl.selected(); ok {
			m.openReader(id)
		}
	case key.Matches(msg, k.Order):
		m.newest = !m.newest
		return m.refilter()
	case key.Matches(msg, k.Speakers):
		m.openPicker(pickSpeakers, m.filter.Speakers)
	case key.Matches(msg, k.Topics):
		m.openPicker(pickTopics, m.filter.Topics)
	case key.Matches(msg, k.Russia):
		if len(m.filter.Affiliations) == 1 && m.filter.Affiliations[0] == model.Russia {
			m.filter.Affiliations = nil
		} else {
			m.filter.Affiliations = []model.Affiliation{model.Russia}
		}
		return m.refilter()
	case key.Matches(msg, k.Period):
		m.filter.Periods = nextPeriods(m.filter.Periods)
		return m.refilter()
	case key.Matches(msg, k.ClearFilters):
		m.filter = model.Filter{}
		m.sr.only = false
		m.clearSearch()
		return m.refilter()
	case key.Matches(msg, k.GoToDate):
		m.date = dateJump{typing: true}
	case key.Matches(msg, k.Search):
		m.sr.typing = true
		m.sr.origin = m.tl.cursor
		m.sr.field.set("")
	case key.Matches(msg, k.NextMatch):
		m.tl.nextMatch(1)
	case key.Matches(msg, k.PrevMatch):
		m.tl.nextMatch(-1)
	case key.Matches(msg, k.ClearSearch):
		return m.clearSearch()
	case key.Matches(msg, k.OnlyMatches):
		if m.sr.query == "" {
			m.flash = "no search to narrow to: / searches"
			return nil
		}
		m.sr.only = !m.sr.only
		return m.refilter()
	case key.Matches(msg, k.Mark):
		if id, ok := m.tl.selected(); ok {
			m.toggleMark(id)
			m.tl.move(1)
		}
	case key.Matches(msg, k.ClearMarks):
		clear(m.marks)
	case key.Matches(msg, k.Copy):
		if id, ok := m.tl.selected(); ok {
			return m.copyMarkdown(id)
		}
	case key.Matches(msg, k.Export):
		return m.openExport()
	case key.Matches(msg, k.Compare):
		return m.openCompare()
	case key.Matches(msg, k.Warnings):
		m.focus = focusWarnings
		m.warn.off = 0
		m.warn.SetSize(m.width, m.bodyHeight())
		m.warn.setLines(warningLines(m.c, m.th, m.width))
	}
	return nil
}

func (m *Model) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	prev := m.sr.query
	switch m.sr.Update(msg, m.keys.search) {
	case searchChanged:
		if m.sr.only {
			// the timeline shows the matches: lay it out for the new words
			// (or whole again, once the field is empty)
			return m.refilter()
		}
		if m.sr.query == "" {
			cmd := m.searchNow(false)
			m.tl.moveTo(m.sr.origin)
			return cmd
		}
		return m.searchNow(true)
	case searchAccept:
		if m.sr.field.String() == "" && prev != "" {
			m.sr.query = prev // enter on an empty field keeps the last search
		}
	case searchCancel:
		m.sr.query = prev // clearSearch lays the timeline out whole again if it was narrowed
		cmd := m.clearSearch()
		m.tl.moveTo(m.sr.origin)
		return cmd
	case searchNext:
		m.tl.nextMatch(1)
	case searchPrev:
		m.tl.nextMatch(-1)
	}
	return nil
}

func (m *Model) openReader(id int) {
	m.rd.hl = m.tl.hl
	m.rd.SetSize(m.width, m.bodyHeight())
	m.rd.open(id)
	m.focus = focusReader
}

func (m *Model) openPicker(kind pickerKind, current []string) {
	m.pk = newPicker(m.c, kind, current, m.th)
	m.pk.SetSize(m.width, m.bodyHeight())
	m.focus = focusPicker
}

func (m *Model) mouseMsg(msg tea.MouseMsg) tea.Cmd {
	if m.c == nil || m.tooSmall() || !m.mouse {
		return nil
	}
	switch m.focus {
	case focusTimeline:
		if _, open := m.tl.Update(msg, m.keys.timeline); open {
			if id, ok := m.tl.selected(); ok {
				m.openReader(id)
			}
		}
	case focusCompare:
		return m.compareAct(m.cv.Update(msg, m.keys.compare))
	case focusReader:
		m.rd.Update(msg, m.keys.reader)
	case focusPicker:
		m.pk.Update(msg, m.keys.picker)
	case focusWarnings:
		m.warn.Update(msg, m.keys.page.moveKeys)
	case focusHelp:
		m.helpPage.Update(msg, m.keys.help.moveKeys)
	case focusExport:
		m.ex.preview.Update(msg, m.ex.keys.moveKeys)
	}
	return nil
}

// title names the corpus.
func (m *Model) title() string {
	switch {
	case m.opt.Title != "":
		return m.opt.Title
	case m.c != nil && m.c.Name != "":
		return m.c.Name
	}
	return "corpus"
}

// View draws the screen: a title bar, the focused view, the status line
// and the key hint (or the search field).
func (m Model) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	v.WindowTitle = "quotetrail — " + m.title()
	if m.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

func (m *Model) content() string {
	th := m.th
	w, h := m.width, m.height
	if m.tooSmall() {
		return m.tooSmallView()
	}
	if m.c == nil {
		return m.loadingView()
	}
	lines := make([]string, 0, h)
	lines = append(lines, m.titleBar())
	bh := m.bodyHeight()
	var body string
	switch m.focus {
	case focusCompare:
		body = m.cv.View()
	case focusReader:
		body = m.rd.View()
	case focusPicker:
		body = m.pk.View()
	case focusExport:
		m.ex.SetSize(w, bh)
		body = m.ex.View(th)
	case focusWarnings:
		m.warn.SetSize(w, bh)
		body = m.warn.View()
	case focusHelp:
		m.helpPage.SetSize(w, bh)
		m.helpPage.setLines(m.helpLines())
		body = m.helpPage.View()
	default:
		body = m.tl.View()
	}
	lines = append(lines, body)
	lines = append(lines, m.statusLine())
	switch {
	case m.focus == focusTimeline && m.sr.typing:
		lines = append(lines, fit(" "+m.sr.field.View(th, "/", w-2), w))
	case m.focus == focusTimeline && m.date.typing:
		lines = append(lines, fit(" "+m.date.field.View(th, "go to date (YYYY, YYYY-MM or YYYY-MM-DD): ", w-2), w))
	default:
		lines = append(lines, m.helpLine())
	}
	return strings.Join(lines, "\n")
}

func (m *Model) titleBar() string {
	th := m.th
	left := " " + th.Title.Render("quotetrail") + th.TitleDim.Render(" · "+m.title())
	var right string
	switch m.focus {
	case focusReader:
		s := m.c.Statements[m.rd.id]
		right = th.TitleDim.Render(s.Date.Short() + " · " + s.Speaker + " · " + s.ID + " ")
	case focusCompare:
		right = th.TitleDim.Render("compare · split " + splitName(m.cv.split) + " ")
	case focusPicker:
		right = th.TitleDim.Render("choose " + strings.ToLower(m.pk.title()) + " ")
	default:
		legend := ""
		for _, p := range model.Periods {
			legend += th.Band[p].Render(bandGlyph(p)) + th.TitleDim.Render(" "+shortPeriod(p)+"  ")
		}
		right = legend + th.TitleDim.Render(pick(m.newest, "newest first ", "oldest first "))
	}
	return spread(left, right, m.width)
}

func shortPeriod(p model.Period) string {
	switch p {
	case model.PeriodTrump1:
		return "Trump 1"
	case model.PeriodBiden:
		return "Biden"
	case model.PeriodTrump2:
		return "Trump 2"
	}
	return "?"
}

// center puts lines in the middle of the screen.
func (m *Model) center(msgs ...string) string {
	w, h := m.width, m.height
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

func (m *Model) tooSmallView() string {
	th := m.th
	return m.center(
		th.Err.Render("Terminal too small"),
		fmt.Sprintf("%d×%d; quotetrail needs at least %d×%d.", m.width, m.height, minWidth, minHeight),
		th.Dim.Render("Enlarge the window, or press q to quit."),
	)
}
