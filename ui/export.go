package ui

// The export dialog (e): what is exported — the marked statements, or the
// filtered timeline when nothing is marked — whether the comparison goes
// with it, whether a transcript answer's question does (when one is
// exported), the file to write, and a preview of the Markdown rendered with
// glamour. Rendering the preview and writing the file run in commands;
// the preview's results carry a generation number and stale ones are
// dropped. The root model does the writing through Options.WriteFile,
// which never overwrites a file unless told to, so an existing file is
// only replaced after an explicit y.
//
// y (timeline and reader) copies the same Markdown, without the front
// matter, for the marked statements or the selected one.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"

	"github.com/quotetrail/quotetrail/model"
)

// previewLimit is the most statements the preview renders; glamour takes
// about a second for a few thousand. The file always holds them all.
const previewLimit = 100

// exportKeys is the export dialog's key map. While the path field has the
// keyboard, letters type into it: the letter bindings are disabled, and
// the global keys are not listed (so q and ? type too); at the overwrite
// question every key but y answers no.
type exportKeys struct {
	moveKeys
	Write    key.Binding
	Compare  key.Binding
	Question key.Binding
	EditPath key.Binding
	DoneEdit key.Binding
	Cancel   key.Binding
	Yes, No  key.Binding
	global   *globalKeys
	globals  bool // q, ? and m work (neither typing nor asking)

	questions bool // the exported statements include a transcript's answer
}

func newExportKeys(g *globalKeys) exportKeys {
	return exportKeys{
		moveKeys: newMoveKeys(),
		Write:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "write")),
		Compare:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "comparison on/off")),
		Question: key.NewBinding(key.WithKeys("Q"), key.WithHelp("Q", "questions on/off")),
		EditPath: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "edit path")),
		DoneEdit: key.NewBinding(key.WithKeys("esc", "tab"), key.WithHelp("esc/tab", "done editing")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Yes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "overwrite")),
		No:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/any key", "keep the file")),
		global:   g,
	}
}

// state switches the bindings for the dialog's state: asking to
// overwrite, typing in the path field, or neither.
func (k *exportKeys) state(editing, confirm bool) {
	normal := !editing && !confirm
	k.Yes.SetEnabled(confirm)
	k.No.SetEnabled(confirm)
	k.Write.SetEnabled(!confirm)
	k.Write.SetHelp("enter", "write")
	k.DoneEdit.SetEnabled(editing)
	k.EditPath.SetEnabled(normal)
	k.Compare.SetEnabled(normal)
	k.Question.SetEnabled(normal && k.questions)
	k.Cancel.SetEnabled(normal)
	k.globals = normal // ? types a ?, and answers no to the question
	// the arrows and page keys scroll the preview even while typing; the
	// letters type
	k.Up.SetKeys(pick(editing, []string{"up"}, []string{"k", "up"})...)
	k.Up.SetHelp(pick(editing, "↑", "↑/k"), "scroll up")
	k.Down.SetKeys(pick(editing, []string{"down"}, []string{"j", "down"})...)
	k.Down.SetHelp(pick(editing, "↓", "↓/j"), "scroll down")
	k.PageUp.SetKeys(pick(editing, []string{"pgup"}, []string{"pgup", "b"})...)
	k.PageUp.SetHelp(pick(editing, "pgup", "pgup/b"), "page up")
	k.PageDown.SetKeys(pick(editing, []string{"pgdown"}, []string{"pgdown", "f"})...)
	k.PageDown.SetHelp(pick(editing, "pgdn", "pgdn/f"), "page down")
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown} {
		b.SetEnabled(!confirm)
	}
	// g, G, home, end, ctrl+u and ctrl+d would be typed or edit the field
	for _, b := range []*key.Binding{&k.HalfUp, &k.HalfDown, &k.Top, &k.Bottom} {
		b.SetEnabled(normal)
	}
}

// ShortHelp implements help.KeyMap.
func (k exportKeys) ShortHelp() []key.Binding {
	short := []key.Binding{k.Yes, k.No, k.Write, k.DoneEdit, k.Compare, k.Question, k.EditPath, k.Cancel, k.Down, k.PageDown}
	if k.globals {
		short = append(short, k.global.Help)
	}
	return short
}

// FullHelp implements help.KeyMap.
func (k exportKeys) FullHelp() [][]key.Binding {
	globals := []key.Binding{k.global.ForceQuit}
	if k.globals {
		globals = k.global.bindings()
	}
	return [][]key.Binding{
		{k.Write, k.Compare, k.Question, k.EditPath, k.DoneEdit, k.Cancel, k.Yes, k.No},
		k.bindings(),
		globals,
	}
}

// Messages of the dialog's commands.
type (
	// exportPreviewMsg is a rendered preview.
	exportPreviewMsg struct {
		gen   int
		lines []string
		err   error
	}
	// exportWrittenMsg reports a write.
	exportWrittenMsg struct {
		seq       int // the dialog that asked
		path      string
		n         int
		overwrite bool
		err       error
	}
)

const focusExport viewID = "export"

// exportDialog is the export dialog.
type exportDialog struct {
	viewBase
	ctx     *programContext
	openKey key.Binding
	open    bool
	seq     int   // which opening of the dialog this is
	ids     []int // the statements to export, in timeline order
	marked  bool
	filter  model.Filter
	split   model.Split
	version string
	title   string // the corpus, for the "what" line
	compare bool
	path    field
	// openedWith is the path the dialog opened with, so that closing it
	// knows whether one was typed
	openedWith string
	// lastPath is the path last written or typed in the dialog this
	// session; the dialog opens with it
	lastPath  string
	editing   bool // the path field has the keyboard
	confirm   bool // asking whether to overwrite an existing file
	writing   bool
	err       string // why the last write failed
	note      string // a one-off remark ("not written")
	preview   pager
	gen       int // preview generation; older results are dropped
	rendering bool
	renderErr error
	renderedW int // the width the preview was rendered for (0: none yet)
	keys      exportKeys
	width     int
	height    int

	// questions: some statement answers a transcript's question, which
	// noQuestions leaves out
	questions, noQuestions bool
}

// defaultExportPath names the file after the time of export, in the
// working directory.
func defaultExportPath(now time.Time) string {
	return now.Format("quotetrail-20060102-1504") + ".md"
}

func newExportDialog(ctx *programContext) *exportDialog {
	return &exportDialog{
		ctx:     ctx,
		openKey: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export to Markdown")),
		keys:    newExportKeys(&ctx.global),
	}
}

// Name implements view.
func (d *exportDialog) Name() string { return "export" }

// OpenKey implements view.
func (d *exportDialog) OpenKey() *key.Binding { return &d.openKey }

// markedIDs returns the marked statements in timeline order.
func (x *programContext) markedIDs() []int {
	ids := make([]int, 0, len(x.marks))
	for id := range x.marks {
		if id >= 0 && id < len(x.c.Statements) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// Open implements view: the dialog for the marked statements, or for the
// filtered timeline when nothing is marked; the preview starts.
func (d *exportDialog) Open() tea.Cmd {
	x := d.ctx
	ids, marked := x.markedIDs(), true
	if len(ids) == 0 {
		ids, marked = slices.Clone(x.shown), false
		slices.Sort(ids)
	}
	path := defaultExportPath(time.Now())
	if d.lastPath != "" {
		path = d.lastPath // the session's last path: written, or typed
	}
	f := newField()
	f.SetValue(path)
	f.Blur()
	*d = exportDialog{
		ctx: x, openKey: d.openKey, lastPath: d.lastPath, width: d.width, height: d.height,
		open: true, seq: d.seq + 1, gen: d.gen,
		ids: ids, marked: marked, filter: x.viewFilter(), split: x.opt.Split,
		version: x.opt.Version, title: x.corpusTitle(),
		path: f, openedWith: path,
		keys: newExportKeys(&x.global),
	}
	d.questions = slices.ContainsFunc(ids, func(i int) bool { return i >= 0 && i < len(x.c.Statements) && x.c.Statements[i].Question != "" })
	d.keys.questions = d.questions
	d.keys.state(false, false)
	d.SetSize(d.width, d.height)
	return d.previewCmd()
}

// UpdateKeys implements view: e works with something to export, and the
// dialog's bindings follow its state.
func (d *exportDialog) UpdateKeys() {
	d.openKey.SetEnabled(len(d.ctx.shown) > 0 || len(d.ctx.marks) > 0)
	if d.open {
		d.keys.state(d.editing, d.confirm)
	}
}

// ShortHelp implements help.KeyMap.
func (d *exportDialog) ShortHelp() []key.Binding { return d.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (d *exportDialog) FullHelp() [][]key.Binding { return d.keys.FullHelp() }

// options are the export options for the dialog's choices.
func (d *exportDialog) options(now time.Time) model.ExportOptions {
	return model.ExportOptions{
		Generated: now, Version: d.version,
		Filter: d.filter, Marked: d.marked, Split: d.split, Compare: d.compare,
		NoQuestions: d.noQuestions,
	}
}

// header is the number of lines above the preview: one more with the
// questions line.
func (d *exportDialog) header() int {
	if d.questions {
		return 7
	}
	return 6
}

// SetSize implements view; the preview is rendered again for a new width
// (on the tea.WindowSizeMsg that follows).
func (d *exportDialog) SetSize(w, h int) {
	d.width, d.height = w, h
	d.preview.SetSize(w, max(1, h-d.header()))
}

// needsRender reports whether the preview was rendered for another width.
func (d *exportDialog) needsRender() bool {
	return d.open && d.renderedW != d.previewWidth()
}

func (d *exportDialog) previewWidth() int { return max(20, d.width-2) }

// previewCmd renders the Markdown of (the first previewLimit of) the
// statements in a command, in the theme's light or dark style.
func (d *exportDialog) previewCmd() tea.Cmd {
	d.gen++
	d.rendering = true
	d.renderedW = d.previewWidth()
	gen, w := d.gen, d.renderedW
	ids := d.ids[:min(len(d.ids), previewLimit)]
	c, opt := d.ctx.c, d.options(time.Now())
	dark, noColor := d.ctx.dark, d.ctx.noColor
	return func() tea.Msg {
		lines, err := renderPreview(model.RenderMarkdown(c, ids, opt), w, dark, noColor)
		return exportPreviewMsg{gen: gen, lines: lines, err: err}
	}
}

// renderPreview renders Markdown for the terminal: the front matter as
// plain lines (glamour would read it as a rule and a heading), the rest
// through glamour with the dark, light or no-colour style.
func renderPreview(md []byte, width int, dark, noColor bool) ([]string, error) {
	front, body := splitFrontMatter(md)
	cfg := styles.LightStyleConfig
	switch {
	case noColor:
		cfg = styles.NoTTYStyleConfig
	case dark:
		cfg = styles.DarkStyleConfig
	}
	// glamour counts a block quote's indent as one column per Indent but
	// writes the whole token ("│ ", two columns) each time, so a full line
	// spills its last word onto a line of its own. A one-column token
	// that leaves its own gap (a left bar) fits the count.
	bar, one := "▎", uint(1)
	cfg.BlockQuote.IndentToken, cfg.BlockQuote.Indent = &bar, &one
	r, err := glamour.NewTermRenderer(glamour.WithStyles(cfg), glamour.WithWordWrap(width))
	if err != nil {
		return nil, err
	}
	// glamour breaks lines after a hyphen, so a date wrapped as
	// "2021-/01-24": a hyphen inside a word or number is rendered as a
	// non-breaking one and written back after.
	out, err := r.RenderBytes(keepHyphens(body))
	if err != nil {
		return nil, err
	}
	out = bytes.ReplaceAll(out, []byte(nbHyphen), []byte("-"))
	// glamour prints an escaped tilde with its backslash ("to \~2025");
	// the file keeps the escape, the preview shows what a reader sees
	out = bytes.ReplaceAll(out, []byte(`\~`), []byte("~"))
	var lines []string
	if keys := frontMatterKeys(front); len(keys) > 0 {
		lines = append(lines, "", "  --- front matter: "+strings.Join(keys, ", ")+" ---")
	}
	return append(lines, strings.Split(strings.TrimRight(string(out), "\n "), "\n")...), nil
}

// nbHyphen is U+2011, the non-breaking hyphen.
const nbHyphen = "\u2011"

// keepHyphens replaces each "-" between two letters or digits of md with
// a non-breaking hyphen ("2021-01-24", "tass-2024-11-07#4",
// "President-elect"); list markers, rules and table rules have a space or
// another "-" beside theirs and stay.
func keepHyphens(md []byte) []byte {
	if !bytes.Contains(md, []byte("-")) {
		return md
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	var b bytes.Buffer
	b.Grow(len(md) + len(md)/8)
	for i := 0; i < len(md); {
		r, n := utf8.DecodeRune(md[i:])
		if r == '-' && i > 0 {
			prev, _ := utf8.DecodeLastRune(md[:i])
			next, _ := utf8.DecodeRune(md[i+1:])
			if word(prev) && word(next) {
				b.WriteString(nbHyphen)
				i++
				continue
			}
		}
		b.Write(md[i : i+n])
		i += n
	}
	return b.Bytes()
}

// splitFrontMatter cuts the YAML front matter ("---" … "---") off md.
func splitFrontMatter(md []byte) (front, body []byte) {
	if !bytes.HasPrefix(md, []byte("---\n")) {
		return nil, md
	}
	end := bytes.Index(md[4:], []byte("\n---\n"))
	if end < 0 {
		return nil, md
	}
	return md[:4+end+5], md[4+end+5:]
}

// frontMatterKeys lists the top-level keys of the front matter, which the
// preview names in one line rather than filling the screen with it.
func frontMatterKeys(front []byte) []string {
	var keys []string
	for _, l := range strings.Split(string(front), "\n") {
		if k, _, ok := strings.Cut(l, ":"); ok && k != "" && !strings.HasPrefix(k, " ") && !strings.HasPrefix(k, "-") {
			keys = append(keys, k)
		}
	}
	return keys
}

func (d *exportDialog) applyPreview(msg exportPreviewMsg) {
	if msg.gen != d.gen {
		return // stale: a newer preview is on its way
	}
	d.rendering = false
	d.renderErr = msg.err
	d.preview.setLines(msg.lines)
}

// Update implements view: the keys and the mouse while the dialog has
// the focus, its previews and writes, and a new size (the preview is
// rendered again for a new width).
func (d *exportDialog) Update(msg tea.Msg) (action, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if d.needsRender() {
			return nil, d.previewCmd()
		}
	case exportPreviewMsg:
		d.applyPreview(msg)
	case exportWrittenMsg:
		return d.written(msg), nil
	case tea.KeyPressMsg:
		return d.key(msg)
	case tea.MouseMsg:
		d.preview.Update(msg, d.keys.moveKeys)
	}
	return nil, nil
}

// key handles a key while the dialog has the focus.
func (d *exportDialog) key(msg tea.KeyPressMsg) (action, tea.Cmd) {
	k := d.keys
	switch {
	case d.confirm:
		// only y overwrites; any other key (q too: the question has the
		// keyboard) keeps the file
		d.confirm = false
		if key.Matches(msg, k.Yes) {
			return nil, d.writeCmd(true)
		}
		d.note = "not written: " + d.cleanPath() + " is left as it was"
	case key.Matches(msg, k.Write):
		return nil, d.writeCmd(false)
	case d.preview.Update(msg, k.moveKeys):
	case d.editing:
		if key.Matches(msg, k.DoneEdit) {
			d.editing = false
			d.path.Blur()
			return nil, nil
		}
		d.path.Update(msg)
		d.err, d.note = "", ""
	case key.Matches(msg, k.EditPath):
		d.editing = true
		d.path.Focus()
	case key.Matches(msg, k.Compare):
		d.compare = !d.compare
		d.note = ""
		return nil, d.previewCmd()
	case key.Matches(msg, k.Question):
		d.noQuestions = !d.noQuestions
		d.note = ""
		return nil, d.previewCmd()
	case key.Matches(msg, k.Cancel):
		if p := strings.TrimSpace(d.path.Value()); p != "" && p != d.openedWith {
			d.lastPath = p // typed, not written: offered again next time
		}
		d.open = false
		return goBack{}, nil
	}
	return nil, nil
}

// cleanPath is the path typed, with a leading ~/ for the home folder.
func (d *exportDialog) cleanPath() string {
	p := strings.TrimSpace(d.path.Value())
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, rest)
		}
	}
	return p
}

// writeCmd renders the whole export and writes it through
// Options.WriteFile in a command.
func (d *exportDialog) writeCmd(overwrite bool) tea.Cmd {
	if d.writing {
		return nil
	}
	d.err, d.note = "", ""
	path := d.cleanPath()
	switch {
	case d.ctx.opt.WriteFile == nil:
		d.err = "writing files is not available here"
		return nil
	case path == "":
		d.err = "type a file name (tab edits the path)"
		return nil
	}
	d.writing = true
	d.editing = false
	d.path.Blur()
	write, c, ids, opt, seq := d.ctx.opt.WriteFile, d.ctx.c, d.ids, d.options(time.Now()), d.seq
	return func() tea.Msg {
		err := write(path, model.RenderMarkdown(c, ids, opt), overwrite)
		return exportWrittenMsg{seq: seq, path: path, n: len(ids), overwrite: overwrite, err: err}
	}
}

// written takes the result of a write: success closes the dialog and
// names the file; an existing file asks before overwriting; any other
// failure is shown in the dialog.
func (d *exportDialog) written(msg exportWrittenMsg) action {
	current := d.open && msg.seq == d.seq
	if current {
		d.writing = false
	}
	switch {
	case msg.err == nil:
		d.ctx.flash = fmt.Sprintf("wrote %s to %s", plural(msg.n, "statement"), msg.path)
		d.lastPath = msg.path
		if current {
			d.lastPath = strings.TrimSpace(d.path.Value()) // as typed: ~/ and all
			d.open = false
			return goBack{}
		}
	case !current:
		d.ctx.flash = "export not written: " + msg.err.Error()
	case errors.Is(msg.err, fs.ErrExist) && !msg.overwrite:
		d.confirm = true
	default:
		d.err = msg.err.Error()
	}
	return nil
}

// copyMarkdown puts the Markdown of the marked statements, or of the
// statement id when none is marked, on the clipboard (OSC 52, so it
// works over SSH too). The front matter is left out: the text is pasted
// into another document.
func copyMarkdown(m *programContext, id int) tea.Cmd {
	ids := m.markedIDs()
	if len(ids) == 0 {
		ids = []int{id}
	}
	if len(ids) == 1 {
		// one statement alone: no title, summary, selection or headings
		m.flash = "copied 1 statement (" + m.c.Statements[ids[0]].ID + ") to the clipboard as Markdown"
		return tea.SetClipboard(string(model.RenderStatementMarkdown(m.c, ids[0])))
	}
	opt := model.ExportOptions{Filter: m.filter, Marked: true, Split: m.opt.Split, Version: m.opt.Version}
	_, body := splitFrontMatter(model.RenderMarkdown(m.c, ids, opt))
	m.flash = fmt.Sprintf("copied %d marked statements to the clipboard as Markdown", len(ids))
	return tea.SetClipboard(strings.TrimLeft(string(body), "\n"))
}

// View implements view: what, comparison, path, a line for the error or
// question, and the preview.
func (d *exportDialog) View() string {
	th := d.ctx.th
	w := d.width
	label := func(s string) string { return " " + th.Label.Render(fmt.Sprintf("%-9s", s)) }
	what := fmt.Sprintf("the filtered timeline: %s", plural(len(d.ids), "statement"))
	if d.marked {
		what = fmt.Sprintf("%s marked", plural(len(d.ids), "statement"))
	}
	if !d.marked && !d.filter.IsZero() {
		what += " — " + d.filter.String()
	}
	box := pick(d.compare, th.Checked.Render("[x]"), th.Dim.Render("[ ]"))
	pathHint := pick(d.editing, "enter writes · esc done", "tab edits")
	var status string
	switch {
	case d.confirm:
		status = " " + th.Warn.Render("file exists — overwrite? y overwrites, any other key keeps it")
	case d.writing:
		status = " " + th.Dim.Render("writing…")
	case d.err != "":
		status = " " + th.Err.Render("not written:") + " " + th.Warn.Render(flatten(d.err))
	case d.note != "":
		status = " " + th.Dim.Render(d.note)
	}
	lines := []string{
		" " + th.Heading.Render("Export to Markdown") + th.Dim.Render(" · "+d.title),
		label("What") + th.Text.Render(what),
		label("Compare") + box + th.Text.Render(" include the Biden/Trump comparison") + th.Dim.Render(pick(d.editing, "", "  (c)")),
		label("Path") + d.path.View(th, "", max(10, w-10-26)+1) + "  " + th.Dim.Render(pathHint), // label, field, hint
		status,
	}
	if d.questions {
		qbox := pick(!d.noQuestions, th.Checked.Render("[x]"), th.Dim.Render("[ ]"))
		q := label("Question") + qbox + th.Text.Render(" quote the question each transcript answer replied to") + th.Dim.Render(pick(d.editing, "", "  (Q)"))
		lines = slices.Insert(lines, 3, q)
	}
	for i, l := range lines {
		lines[i] = fit(l, w)
	}
	// the preview's rule: what it shows, and where in it we are
	note := " Preview "
	switch {
	case d.rendering:
		note = " Preview (rendering…) "
	case d.renderErr != nil:
		note = " Preview failed: " + flatten(d.renderErr.Error()) + " "
	case len(d.ids) > previewLimit:
		note = fmt.Sprintf(" Preview of the first %d of %d statements — the file holds all ", previewLimit, len(d.ids))
	}
	pos := ""
	if n := len(d.preview.lines); n > d.preview.height {
		pos = fmt.Sprintf(" %d%% ", 100*(d.preview.off+d.preview.height)/n)
	}
	rule := th.YearRule.Render("──") + th.Dim.Render(note)
	fill := max(0, w-lipgloss.Width(rule)-lipgloss.Width(pos)-2)
	rule += th.YearRule.Render(strings.Repeat("─", fill)) + th.Dim.Render(pos) + th.YearRule.Render("──")
	lines = append(lines, fit(rule, w), d.preview.View())
	return strings.Join(lines, "\n")
}
