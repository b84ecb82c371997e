package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/quotetrail/quotetrail/model"
)

// fakeFS records WriteFile calls and keeps the files in memory; like
// corpus.WriteFileAtomic it refuses to replace a file without overwrite.
type fakeFS struct {
	files map[string][]byte
	calls []writeCall
	fail  error // every write fails with this
}

type writeCall struct {
	path      string
	data      []byte
	overwrite bool
}

func newFakeFS() *fakeFS { return &fakeFS{files: map[string][]byte{}} }

func (f *fakeFS) WriteFile(path string, data []byte, overwrite bool) error {
	f.calls = append(f.calls, writeCall{path, bytes.Clone(data), overwrite})
	if f.fail != nil {
		return f.fail
	}
	if _, ok := f.files[path]; ok && !overwrite {
		return fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	f.files[path] = bytes.Clone(data)
	return nil
}

func exportFixture(t *testing.T, ffs *fakeFS) Model {
	t.Helper()
	opt := Options{Version: "test"}
	if ffs != nil {
		opt.WriteFile = ffs.WriteFile
	}
	return newFixture(t, 100, 30, opt)
}

// peskovMarked filters to Peskov and marks his first three statements.
func peskovMarked(t *testing.T, m Model) Model {
	t.Helper()
	m, _ = drive(t, m, keys("s", "type:peskov", "tab", "enter", "space", "space", "space")...)
	if len(m.marks) != 3 {
		t.Fatalf("marked %d statements, want 3", len(m.marks))
	}
	return m
}

// quotesIn parses md with goldmark and returns the text of its block
// quotes, and its headings.
func quotesIn(t *testing.T, md []byte) (quotes, headings []string) {
	t.Helper()
	_, body := splitFrontMatter(md)
	if len(body) == len(md) {
		t.Errorf("no front matter:\n%s", md)
	}
	doc := goldmark.New().Parser().Parse(text.NewReader(body))
	var textOf func(n ast.Node) string
	textOf = func(n ast.Node) string {
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if tx, ok := c.(*ast.Text); ok {
				b.Write(tx.Segment.Value(body))
				if tx.SoftLineBreak() {
					b.WriteByte(' ')
				}
				continue
			}
			b.WriteString(textOf(c))
		}
		return b.String()
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Blockquote:
			quotes = append(quotes, textOf(n))
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			headings = append(headings, strings.Repeat("#", n.Level)+" "+textOf(n))
		}
		return ast.WalkContinue, nil
	})
	return quotes, headings
}

func TestExportOpensWithMarks(t *testing.T) {
	m := peskovMarked(t, exportFixture(t, newFakeFS()))
	m, _ = drive(t, m, keys("e")...)
	if m.focus != focusExport {
		t.Fatalf("e: focus %v", m.focus)
	}
	s := screen(m)
	mustContain(t, s, "Export to Markdown", "3 statements marked", "[ ] include the Biden/Trump comparison")
	if !regexp.MustCompile(`Path     quotetrail-\d{8}-\d{4}\.md`).MatchString(s) {
		t.Errorf("no default path:\n%s", s)
	}
	// the preview, rendered by glamour in a command, shows the statements
	mustContain(t, s, "Preview", "front matter: title, generated, quotetrail, corpus", "Marked statements", "3 statements by Dmitry Peskov")
	mustNotContain(t, s, "rendering…")
	mustContain(t, ansi.Strip(strings.Join(m.ex.preview.lines, "\n")), "Relations with Washington are at their lowest point", "Source: TASS")
	// the key hint comes from the dialog's key map
	mustContain(t, s, "enter write", "c comparison on/off", "tab edit path", "esc cancel")
	// esc goes back to the timeline, marks kept
	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusTimeline || len(m.marks) != 3 {
		t.Errorf("esc: focus %v, %d marks", m.focus, len(m.marks))
	}
}

func TestExportOpensWithoutMarks(t *testing.T) {
	m := exportFixture(t, newFakeFS())
	m, _ = drive(t, m, keys("e")...)
	mustContain(t, screen(m), "the filtered timeline: 41 statements", "Statements")
	m, _ = drive(t, m, keys("esc", "s", "type:peskov", "tab", "enter", "e")...)
	mustContain(t, screen(m), "the filtered timeline: 14 statements — speaker: Dmitry Peskov")
	if len(m.ex.ids) != 14 || m.ex.marked {
		t.Errorf("exporting %d statements, marked %v", len(m.ex.ids), m.ex.marked)
	}
}

func TestExportToggleCompare(t *testing.T) {
	m := exportFixture(t, newFakeFS())
	m, _ = drive(t, m, keys("e")...)
	gen := m.ex.gen
	nm, cmd := m.Update(keyMsg("c"))
	m = nm.(Model)
	if !m.ex.compare || cmd == nil || m.ex.gen == gen {
		t.Fatalf("c: compare %v, command %v, generation %d→%d", m.ex.compare, cmd != nil, gen, m.ex.gen)
	}
	mustContain(t, screen(m), "[x] include the Biden/Trump comparison", "rendering…")
	// a preview from before the toggle is dropped
	m.ex.applyPreview(exportPreviewMsg{gen: gen, lines: []string{"STALE"}})
	m, _ = drive(t, m, cmd())
	s := screen(m)
	mustNotContain(t, s, "STALE", "rendering…")
	// the preview scrolls down to the comparison
	m, _ = drive(t, m, keys("G")...)
	mustContain(t, screen(m), "100%")
	if m.ex.preview.off == 0 {
		t.Error("G did not scroll the preview")
	}
	found := false
	for _, l := range m.ex.preview.lines {
		l = ansi.Strip(l)
		if strings.Contains(l, "Distinctive") || strings.Contains(l, "Comparison") || strings.Contains(l, "comparison") {
			found = true
		}
	}
	if !found {
		t.Error("the preview has no comparison section")
	}
	m, _ = drive(t, m, keys("c")...)
	mustContain(t, screen(m), "[ ] include")
}

func TestExportWrites(t *testing.T) {
	ffs := newFakeFS()
	m := peskovMarked(t, exportFixture(t, ffs))
	want := map[string]bool{}
	for id := range m.marks {
		want[m.c.Statements[id].Text] = true
	}
	// edit the path: clear it and type a new one (q types a q)
	m, _ = drive(t, m, keys("e", "tab", "ctrl+u", "type:out/quotes.md")...)
	if m.ex.path.Value() != "out/quotes.md" || m.focus != focusExport {
		t.Fatalf("path %q, focus %v", m.ex.path.Value(), m.focus)
	}
	m, _ = drive(t, m, keys("enter")...)
	if len(ffs.calls) != 1 {
		t.Fatalf("%d writes", len(ffs.calls))
	}
	call := ffs.calls[0]
	if call.path != "out/quotes.md" || call.overwrite {
		t.Errorf("wrote %q overwrite %v", call.path, call.overwrite)
	}
	quotes, headings := quotesIn(t, call.data)
	if len(quotes) != 3 {
		t.Errorf("%d block quotes, want 3:\n%s", len(quotes), call.data)
	}
	for _, q := range quotes {
		ok := false
		for w := range want {
			if strings.Contains(q, w) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("block quote %q is not a marked statement", q)
		}
	}
	mustContain(t, strings.Join(headings, "\n"), "# Marked statements", "## 20")
	mustContain(t, string(call.data), "selection: marked", "quotetrail: test", "statements: 3", "Source: ")
	// success closes the dialog and names the file
	if m.focus != focusTimeline {
		t.Errorf("focus %v after writing", m.focus)
	}
	mustContain(t, screen(m), "wrote 3 statements to out/quotes.md")
}

func TestExportAsksBeforeOverwriting(t *testing.T) {
	ffs := newFakeFS()
	m := peskovMarked(t, exportFixture(t, ffs))
	m, _ = drive(t, m, keys("e", "tab", "ctrl+u", "type:p.md", "enter")...)
	first := ffs.files["p.md"]
	if first == nil {
		t.Fatal("not written")
	}
	// the same file again: asked, n leaves it
	m, _ = drive(t, m, keys("u", "e", "tab", "ctrl+u", "type:p.md", "enter")...)
	mustContain(t, screen(m), "file exists — overwrite? y overwrites, any other key keeps it", "y overwrite", "n/any key keep the file")
	mustNotContain(t, screen(m), "enter write")
	if len(ffs.calls) != 2 || !bytes.Equal(ffs.files["p.md"], first) {
		t.Fatalf("%d calls; file changed before the answer", len(ffs.calls))
	}
	m, _ = drive(t, m, keys("n")...)
	if len(ffs.calls) != 2 || !bytes.Equal(ffs.files["p.md"], first) || m.focus != focusExport {
		t.Errorf("n: %d calls, focus %v", len(ffs.calls), m.focus)
	}
	mustContain(t, screen(m), "not written: p.md is left as it was")
	// again, and y overwrites (with every statement now: marks cleared)
	m, _ = drive(t, m, keys("enter")...)
	mustContain(t, screen(m), "overwrite? y overwrites")
	m, _ = drive(t, m, keys("y")...)
	if len(ffs.calls) != 4 || !ffs.calls[3].overwrite {
		t.Fatalf("y: %d calls", len(ffs.calls))
	}
	if bytes.Equal(ffs.files["p.md"], first) {
		t.Error("y did not replace the file")
	}
	mustContain(t, screen(m), "wrote 14 statements to p.md")
}

func TestExportFailureShownInDialog(t *testing.T) {
	ffs := newFakeFS()
	ffs.fail = errors.New("nowhere/x.md: folder does not exist")
	m := exportFixture(t, ffs)
	m, _ = drive(t, m, keys("e", "enter")...)
	if m.focus != focusExport {
		t.Fatalf("focus %v after a failed write", m.focus)
	}
	mustContain(t, screen(m), "not written: nowhere/x.md: folder does not exist")
	mustNotContain(t, screen(m), "overwrite?")
	// typing clears the error
	m, _ = drive(t, m, keys("tab", "type:x")...)
	mustNotContain(t, screen(m), "folder does not exist")

	// no writer at all
	m = newFixture(t, 100, 30, Options{})
	m, _ = drive(t, m, keys("e", "enter")...)
	mustContain(t, screen(m), "writing files is not available")
	// an empty path
	m = exportFixture(t, newFakeFS())
	m, _ = drive(t, m, keys("e", "tab", "ctrl+u", "enter")...)
	mustContain(t, screen(m), "type a file name")
}

func TestExportPathTypesQ(t *testing.T) {
	m := exportFixture(t, newFakeFS())
	m, quit := drive(t, m, keys("e", "tab", "ctrl+u", "type:q?mjkcG")...)
	if quit {
		t.Fatal("q quit while typing the path")
	}
	if got := m.ex.path.Value(); got != "q?mjkcG" {
		t.Errorf("path %q", got)
	}
	if m.ex.compare || !m.mouse || m.focus != focusExport {
		t.Errorf("a global or dialog key fired while typing: compare %v mouse %v focus %v", m.ex.compare, m.mouse, m.focus)
	}
	s := screen(m)
	mustContain(t, s, "esc/tab done editing")
	mustNotContain(t, s, "c comparison", "esc cancel")
	// esc ends the editing, and then q quits
	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusExport || m.ex.editing {
		t.Fatalf("esc: focus %v editing %v", m.focus, m.ex.editing)
	}
	if _, quit := drive(t, m, keys("q")...); !quit {
		t.Error("q did not quit outside the field")
	}
}

func TestExportHelp(t *testing.T) {
	m := exportFixture(t, newFakeFS())
	m, _ = drive(t, m, keys("e", "?")...)
	mustContain(t, screen(m), "Keys — export", "comparison on/off", "edit path", "write")
	m, _ = drive(t, m, keys("esc")...)
	if m.focus != focusExport {
		t.Errorf("help went back to %v", m.focus)
	}
}

func TestExportPreviewLimit(t *testing.T) {
	m := exportFixture(t, newFakeFS())
	m.ex.ids = nil
	m, _ = drive(t, m, keys("e")...)
	// pretend the selection is large
	ids := make([]int, 0, previewLimit+20)
	for len(ids) < previewLimit+20 {
		ids = append(ids, len(ids)%len(m.c.Statements))
	}
	m.ex.ids = ids
	m, _ = drive(t, m, m.ex.previewCmd()())
	mustContain(t, screen(m), fmt.Sprintf("Preview of the first %d of %d statements — the file holds all", previewLimit, previewLimit+20))
}

func TestCopyMarkedAsMarkdown(t *testing.T) {
	m := peskovMarked(t, exportFixture(t, nil))
	nm, cmd := m.Update(keyMsg("y"))
	m = nm.(Model)
	if cmd == nil {
		t.Fatal("y returned no command")
	}
	msg := cmd()
	if fmt.Sprintf("%T", msg) != "tea.setClipboardMsg" {
		t.Fatalf("y: %T, want a SetClipboard message", msg)
	}
	md := fmt.Sprint(msg)
	if strings.HasPrefix(md, "---") {
		t.Errorf("the clipboard holds front matter:\n%s", md)
	}
	quotes, _ := quotesIn(t, append([]byte("---\nx: 1\n---\n"), md...))
	if len(quotes) != 3 {
		t.Errorf("%d quotes on the clipboard, want 3:\n%s", len(quotes), md)
	}
	mustContain(t, md, "# Marked statements", "Dmitry Peskov")
	mustContain(t, screen(m), "copied 3 marked statements to the clipboard as Markdown")
	// in the reader too
	m, _ = drive(t, m, keys("enter")...)
	_, cmd = m.Update(keyMsg("y"))
	if quotes, _ := quotesIn(t, append([]byte("---\nx: 1\n---\n"), fmt.Sprint(cmd())...)); len(quotes) != 3 {
		t.Errorf("reader y: %d quotes", len(quotes))
	}
}

// issue 19: at the overwrite question any key but y means no — q keeps
// the file and the app, and so does any other letter.
func TestExportOverwriteQuestionAnyKeyButYIsNo(t *testing.T) {
	ffs := newFakeFS()
	m := peskovMarked(t, exportFixture(t, ffs))
	m, _ = drive(t, m, keys("e", "tab", "ctrl+u", "type:p.md", "enter")...)
	first := ffs.files["p.md"]
	for _, k := range []string{"q", "x", "?", "enter", "space", "c"} {
		m, _ = drive(t, m, keys("e", "tab", "ctrl+u", "type:p.md", "enter")...)
		mustContain(t, screen(m), "overwrite?")
		got, quit := drive(t, m, keys(k)...)
		if quit {
			t.Fatalf("%s at the overwrite question quit the app", k)
		}
		if got.focus != focusExport || got.ex.confirm || !bytes.Equal(ffs.files["p.md"], first) {
			t.Errorf("%s: focus %v, still asking %v, file changed %v", k, got.focus, got.ex.confirm, !bytes.Equal(ffs.files["p.md"], first))
		}
		mustContain(t, screen(got), "not written: p.md is left as it was")
		m, _ = drive(t, got, keys("esc")...)
	}
}

// issue 19: the preview never breaks a date (or an id, or a hyphenated
// word) after its hyphen, as glamour did at 160 columns ("2021-/01-24").
func TestExportPreviewKeepsDatesWhole(t *testing.T) {
	c := fixtureCorpus(t)
	md := model.RenderMarkdown(c, c.Query(model.Filter{})[:12], model.ExportOptions{})
	for w := 40; w <= 200; w += 2 {
		lines, err := renderPreview(md, w, true, false)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range lines {
			p := strings.TrimRight(ansi.Strip(l), " ")
			if strings.HasSuffix(p, "-") && len(p) > 1 && unicode.IsDigit(rune(p[len(p)-2])) {
				t.Fatalf("width %d: line %d ends %q, the next starts %q", w, i, p, strings.TrimSpace(ansi.Strip(lines[i+1])))
			}
			if strings.Contains(l, nbHyphen) {
				t.Fatalf("width %d: a non-breaking hyphen is left in %q", w, p)
			}
		}
	}
	// an escaped tilde shows as a tilde, as a Markdown reader shows it
	lines, _ := renderPreview([]byte("from 2021-01-24 to \\~2025-01-10\n"), 80, true, false)
	if got := strings.TrimSpace(ansi.Strip(strings.Join(lines, "\n"))); got != "from 2021-01-24 to ~2025-01-10" {
		t.Errorf("preview of an escaped tilde: %q", got)
	}
	// list markers and rules stay Markdown
	if got := string(keepHyphens([]byte("- item\n---\n|---|\na-b-c 2021-01-24 x -y z- -"))); got != "- item\n---\n|---|\na‑b‑c 2021‑01‑24 x -y z- -" {
		t.Errorf("keepHyphens: %q", got)
	}
}

// issue 19: the dialog opens with the session's last path — the last one
// written, or one typed and left unwritten.
func TestExportRemembersTheLastPath(t *testing.T) {
	ffs := newFakeFS()
	m := peskovMarked(t, exportFixture(t, ffs))
	m, _ = drive(t, m, keys("e")...)
	if !strings.HasPrefix(m.ex.path.Value(), "quotetrail-") {
		t.Fatalf("first opening: %q, want the default name", m.ex.path.Value())
	}
	m, _ = drive(t, m, keys("tab", "ctrl+u", "type:notes/peskov.md", "enter")...)
	if m.focus != focusTimeline || len(ffs.calls) != 1 {
		t.Fatalf("not written: focus %v, %d calls", m.focus, len(ffs.calls))
	}
	m, _ = drive(t, m, keys("e")...)
	if got := m.ex.path.Value(); got != "notes/peskov.md" {
		t.Errorf("after writing: the dialog opens with %q", got)
	}
	// typed and cancelled: offered again
	m, _ = drive(t, m, keys("tab", "ctrl+u", "type:draft.md", "esc", "esc", "e")...)
	if got := m.ex.path.Value(); got != "draft.md" {
		t.Errorf("after cancelling a typed path: %q", got)
	}
	// opened and closed untouched: still the last one
	m, _ = drive(t, m, keys("esc", "e")...)
	if got := m.ex.path.Value(); got != "draft.md" {
		t.Errorf("after an untouched opening: %q", got)
	}
}
