package model_test

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/quotetrail/quotetrail/model"
)

var exportTime = time.Date(2025, time.March, 1, 12, 30, 0, 0, time.UTC)

// exportCorpus is a small corpus with every date precision, kind and
// source layout the export handles.
func exportCorpus() *model.Corpus {
	docs := []*model.Document{
		{ID: "001_tass", Path: "seed:001_tass.txt", Title: "Kremlin on the US election", Source: "TASS",
			URL: "https://tass.com/politics/1", Text: "MOSCOW, November 6. The Kremlin respects the choice."},
		{ID: "002_rt", Path: "seed:002_rt.txt", Title: "Peskov: no congratulations yet", Source: "RT",
			Text: "Peskov said Moscow would judge Washington by its deeds."},
		{ID: "003_menafn", Path: "seed:003_menafn.txt", Title: "Lavrov on dialogue", Source: "MENAFN",
			URL: "https://menafn.com/1?a=b&c=d", Text: "Lavrov said Russia was open to dialogue."},
		{ID: "004_kyiv", Path: "/home/user/articles/kyiv independent.txt", Title: "Zelensky in Washington",
			Text: "Zelensky spoke at length."},
	}
	stmts := []*model.Statement{
		{ID: "001_tass#1", Doc: "001_tass", Speaker: "Dmitry Peskov", Kind: model.Direct,
			Text:    "We respect the choice of the American people.",
			Date:    model.DayDate(model.Day(2024, time.November, 6), "November 6", "dateline", model.Span{}),
			Sources: []string{"001_tass", "002_rt"}},
		{ID: "002_rt#1", Doc: "002_rt", Speaker: "Dmitry Peskov", Kind: model.Indirect,
			Text:    "Moscow would judge Washington by its deeds",
			Date:    model.MonthDate(2024, time.November, "in November", "month", model.Span{}),
			Sources: []string{"002_rt"}},
		{ID: "003_menafn#1", Doc: "003_menafn", Speaker: "Sergey Lavrov", Kind: model.Mixed,
			Text:    `Russia was "open to dialogue" with the new administration`,
			Date:    model.RangeDate(model.Day(2024, time.December, 1), model.Day(2024, time.December, 20), "this month", "range", model.Span{}),
			Sources: []string{"003_menafn"}},
		{ID: "004_kyiv#1", Doc: "004_kyiv", Speaker: "Volodymyr Zelensky", Kind: model.Direct,
			Text: "We will not trade territory for peace.\nNot now,\n\nnot ever.",
			Date: model.DayDate(model.Day(2023, time.March, 2), "March 2", "dateline", model.Span{})},
		{ID: "004_kyiv#2", Doc: "004_kyiv", Speaker: model.UnknownSpeaker, Mention: "a senior official", Kind: model.Direct,
			Text: "“The talks are over.”",
			Date: model.YearDate(2023, "in 2023", "year", model.Span{})},
		{ID: "002_rt#2", Doc: "002_rt", Speaker: "Vladimir Putin", Kind: model.Direct,
			Text: "We are ready for contacts."},
	}
	speakers := []*model.Speaker{
		{Name: "Dmitry Peskov", Role: "Kremlin spokesman", Affiliation: model.Russia},
		{Name: "Sergey Lavrov", Role: "Foreign Minister", Affiliation: model.Russia},
		{Name: "Volodymyr Zelensky", Role: "President of Ukraine", Affiliation: model.Ukraine},
	}
	return model.New("test corpus", docs, stmts, speakers, nil)
}

func exportOpts() model.ExportOptions {
	return model.ExportOptions{Generated: exportTime, Version: "v0.1.0-test", Split: model.Split(model.DefaultSplit)}
}

// exportDoc is a parsed export.
type exportDoc struct {
	raw   string
	front model.ExportFrontMatter
	body  []byte
	root  ast.Node
	html  string
}

var exGFM = goldmark.New(goldmark.WithExtensions(extension.GFM))

// parseExport checks that out starts with a "---" front matter block that
// is valid YAML and parses the rest with goldmark (GFM, as on GitHub).
func parseExport(t testing.TB, out []byte) exportDoc {
	t.Helper()
	s := string(out)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("no front matter:\n%s", s)
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		t.Fatalf("front matter not closed:\n%s", s)
	}
	yml, body := s[4:4+end+1], s[4+end+5:]
	d := exportDoc{raw: s, body: []byte(body)}
	dec := yaml.NewDecoder(strings.NewReader(yml))
	dec.KnownFields(true)
	if err := dec.Decode(&d.front); err != nil {
		t.Fatalf("front matter is not valid YAML: %v\n%s", err, yml)
	}
	d.root = exGFM.Parser().Parse(text.NewReader(d.body))
	var h bytes.Buffer
	if err := exGFM.Renderer().Render(&h, d.body, d.root); err != nil {
		t.Fatal(err)
	}
	d.html = h.String()
	return d
}

// renderedText is the text content of n rendered as HTML.
func (d exportDoc) renderedText(n ast.Node) string {
	var h bytes.Buffer
	if err := exGFM.Renderer().Render(&h, d.body, n); err != nil {
		panic(err)
	}
	return strings.TrimSpace(exHTMLText(h.String()))
}

// headings lists the document's headings as "## 2024".
func (d exportDoc) headings() []string {
	var out []string
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			out = append(out, strings.Repeat("#", h.Level)+" "+d.renderedText(h))
		}
	}
	return out
}

// exKinds counts the nodes of each kind in the tree under n.
func exKinds(n ast.Node) map[ast.NodeKind]int {
	out := map[ast.NodeKind]int{}
	ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			out[n.Kind()]++
		}
		return ast.WalkContinue, nil
	})
	return out
}

// blockquotes returns the top-level block quotes.
func (d exportDoc) blockquotes() []ast.Node {
	var out []ast.Node
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindBlockquote {
			out = append(out, n)
		}
	}
	return out
}

var exTagRE = regexp.MustCompile(`<[^>]*>`)

// exHTMLText is the text content of rendered HTML.
func exHTMLText(h string) string { return html.UnescapeString(exTagRE.ReplaceAllString(h, "")) }

func exNorm(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestExportMarkdownStructure(t *testing.T) {
	c := exportCorpus()
	ids := c.Query(model.Filter{})
	d := parseExport(t, model.RenderMarkdown(c, ids, exportOpts()))

	fm := d.front
	if fm.Title != "Statements" || fm.Generated != "2025-03-01T12:30:00Z" || fm.Quotetrail != "v0.1.0-test" ||
		fm.Selection != "filtered" || fm.Split != "2024-11-06" || fm.Statements != 6 || fm.Compare {
		t.Errorf("front matter %+v", fm)
	}
	if fm.Corpus.Name != "test corpus" || fm.Corpus.Documents != 4 || len(fm.Corpus.SHA256) != 16 ||
		!strings.HasPrefix(c.ContentHash(), fm.Corpus.SHA256) {
		t.Errorf("front matter corpus %+v", fm.Corpus)
	}

	want := []string{
		"# Statements",
		"## 2023", "### March 2023", "### 2023, month not known",
		"## 2024", "### November 2024", "### December 2024",
		"## Undated",
		"## Sources",
	}
	if got := d.headings(); !slices.Equal(got, want) {
		t.Errorf("headings\n got %q\nwant %q", got, want)
	}

	bqs := d.blockquotes()
	if len(bqs) != len(ids) {
		t.Fatalf("%d block quotes, want one per statement (%d)\n%s", len(bqs), len(ids), d.raw)
	}
	// in timeline order, direct quotations in quotation marks, reported
	// speech marked, line breaks kept inside the quote
	wantQuotes := []string{
		"“We will not trade territory for peace. Not now, not ever.”",
		"“The talks are over.”",
		"“We respect the choice of the American people.”",
		"(reported) Moscow would judge Washington by its deeds",
		`(reported, with quoted words) Russia was "open to dialogue" with the new administration`,
		"“We are ready for contacts.”",
	}
	for i, bq := range bqs {
		if got := exNorm(d.renderedText(bq)); got != wantQuotes[i] {
			t.Errorf("quote %d: %q, want %q", i, got, wantQuotes[i])
		}
	}
	if n := bqs[0].ChildCount(); n != 2 {
		t.Errorf("the quote with a blank line holds %d paragraphs, want 2", n)
	}

	// the summary is the paragraph after the title
	sum := d.root.FirstChild().NextSibling()
	wantSum := "6 statements by 5 speakers — Dmitry Peskov (2), Sergey Lavrov (1), Vladimir Putin (1), " +
		"Volodymyr Zelensky (1), unknown speaker (1) — from 2023-03-02 to ~2024-12-10 (1 undated)."
	if sum.Kind() != ast.KindParagraph || d.renderedText(sum) != wantSum {
		t.Errorf("summary %q\nwant %q", d.renderedText(sum), wantSum)
	}

	txt := exNorm(exHTMLText(d.html))
	for _, s := range []string{
		"2024-11-06 · Dmitry Peskov, Kremlin spokesman · direct quotation · 001_tass#1",
		"~November 2024 · Dmitry Peskov, Kremlin spokesman · reported speech · 002_rt#1",
		"between 2024-12-01 and 2024-12-20 · Sergey Lavrov, Foreign Minister · reported speech with quoted words",
		"~2023 · unknown speaker (“a senior official”) · direct quotation",
		"date unknown · Vladimir Putin · direct quotation",
		// each statement names its sources briefly; the Sources section
		// describes each document once (issue 19: every line repeated a
		// truncated title)
		"Sources: TASS, 001_tass; RT, 002_rt",
		"Source: MENAFN, 003_menafn",
		"Source: 004_kyiv",
		"004_kyiv: “Zelensky in Washington”, /home/user/articles/kyiv independent.txt",
		"001_tass: TASS, “Kremlin on the US election”, https://tass.com/politics/1",
		"002_rt: RT, “Peskov: no congratulations yet”, seed:002_rt.txt",
		"003_menafn: MENAFN, “Lavrov on dialogue”, https://menafn.com/1?a=b&c=d",
	} {
		if !strings.Contains(txt, s) {
			t.Errorf("the rendered text lacks %q\n%s", s, txt)
		}
	}
	k := exKinds(d.root)
	if k[ast.KindLink] != 0 || k[ast.KindAutoLink] != 2 || k[east.KindTable] != 0 || k[east.KindStrikethrough] != 0 {
		t.Errorf("unexpected nodes %v", k)
	}
}

func TestExportMarkdownFiltered(t *testing.T) {
	c := exportCorpus()
	f, err := c.Resolve(model.Filter{Speakers: []string{"peskov"}, From: model.Day(2024, time.January, 1)})
	if err != nil {
		t.Fatal(err)
	}
	opt := exportOpts()
	opt.Filter = f
	d := parseExport(t, model.RenderMarkdown(c, c.Query(f), opt))
	want := model.ExportFilters{Speakers: []string{"Dmitry Peskov"}, From: "2024-01-01"}
	if got := d.front.Filters; !slices.Equal(got.Speakers, want.Speakers) || got.From != want.From || got.To != "" {
		t.Errorf("filters %+v, want %+v", got, want)
	}
	if d.front.Statements != 2 || d.front.Title != "Statements — speaker: Dmitry Peskov · from: 2024-01-01" {
		t.Errorf("front matter %+v", d.front)
	}
	if got, want := d.headings(), []string{"# Statements — speaker: Dmitry Peskov · from: 2024-01-01", "## 2024", "### November 2024", "## Sources"}; !slices.Equal(got, want) {
		t.Errorf("headings %q, want %q", got, want)
	}
	if n := len(d.blockquotes()); n != 2 {
		t.Errorf("%d block quotes, want 2", n)
	}
	if sum := d.renderedText(d.root.FirstChild().NextSibling()); sum != "2 statements by Dmitry Peskov from 2024-11-06 to ~November 2024." {
		t.Errorf("summary %q", sum)
	}
}

func TestExportMarkdownMarked(t *testing.T) {
	c := exportCorpus()
	opt := exportOpts()
	opt.Marked = true
	// out of order, repeated and out of range: sorted, once each, dropped
	d := parseExport(t, model.RenderMarkdown(c, []int{5, 2, 2, 99, -1}, opt))
	if d.front.Selection != "marked" || d.front.Statements != 2 || d.front.Title != "Marked statements" {
		t.Errorf("front matter %+v", d.front)
	}
	if got, want := d.headings(), []string{"# Marked statements", "## 2024", "### November 2024", "## Undated", "## Sources"}; !slices.Equal(got, want) {
		t.Errorf("headings %q, want %q", got, want)
	}

	d = parseExport(t, model.RenderMarkdown(c, nil, opt))
	if d.front.Statements != 0 || len(d.blockquotes()) != 0 || !strings.Contains(d.raw, "No statements.") {
		t.Errorf("empty export:\n%s", d.raw)
	}
}

func TestExportMarkdownCompare(t *testing.T) {
	c := exportCorpus()
	opt := exportOpts()
	opt.Compare = true
	out := model.RenderMarkdown(c, c.Query(model.Filter{}), opt)
	d := parseExport(t, out)
	if !d.front.Compare {
		t.Error("front matter compare: false")
	}
	hs := d.headings()
	undated := slices.Index(hs, "## Sources")
	if undated < 0 || undated == len(hs)-1 || !strings.HasPrefix(hs[undated+1], "## ") {
		t.Errorf("no comparison section after the timeline: %q", hs)
	}
	exRequireNoControl(t, out)
}

func exRequireNoControl(t testing.TB, out []byte) {
	t.Helper()
	for i, r := range string(out) {
		if r == '\n' {
			continue
		}
		if unicode.IsControl(r) || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0xfeff || r == 0x2028 || r == 0x2029 {
			t.Fatalf("control character %U at byte %d:\n%q", r, i, out)
		}
	}
}

// exHostile is a statement written to break the document it is quoted in.
const exHostile = "| * _ # [x](y) <script>alert(1)</script> ![img](z) `code` \\ ~~strike~~ $x$ :smile: &amp; &#60; **bold** <https://evil.example>\n" +
	"---\n" +
	"1. not a list\n" +
	"- nor this\n" +
	"+ nor this\n" +
	"> nor a quote\n" +
	"# nor a heading\n" +
	"===\n" +
	"    not code\n" +
	"```\n" +
	"| a | b |\n" +
	"|---|---|\n" +
	"[ref]: https://evil.example\n" +
	"[^1]: footnote\n" +
	"<div>raw</div>\n" +
	"*** ___ - - -\n" +
	"ends with a backslash \\\n" +
	"ends with spaces   \n" +
	"2) last"

func exHostileCorpus() *model.Corpus {
	docs := []*model.Document{{
		ID: "evil`doc", Path: "evil`doc | *x*.txt", Title: "# Title ](x) | <b>bold</b>\n---",
		Source: "<img src=x onerror=alert(1)>", URL: "javascript:alert(1)", Text: exHostile,
	}}
	stmts := []*model.Statement{{
		ID: "evil`doc#1", Doc: "evil`doc", Speaker: "*Evil* ](x) | Name", Kind: model.Direct, Text: exHostile,
		Date: model.DayDate(model.Day(2024, time.November, 7), "", "", model.Span{}), Sources: []string{"evil`doc"},
	}}
	speakers := []*model.Speaker{{Name: "*Evil* ](x) | Name", Role: "<b>role</b> `x`\n# y"}}
	return model.New("corpus: \"quoted\"\n---\n[x](y)", docs, stmts, speakers, nil)
}

func TestExportMarkdownHostile(t *testing.T) {
	c := exHostileCorpus()
	opt := exportOpts()
	opt.Title = "Title\n---\n# | [x](y) <script>"
	opt.Filter = model.Filter{Query: "x\n---\n: y"}
	d := parseExport(t, model.RenderMarkdown(c, []int{0}, opt))

	if d.front.Title != "Title --- # | [x](y) <script>" || d.front.Corpus.Name != `corpus: "quoted" --- [x](y)` || d.front.Filters.Words != "x --- : y" {
		t.Errorf("front matter %+v", d.front)
	}
	if got, want := d.headings(), []string{"# Title --- # | [x](y) <script>", "## 2024", "### November 2024", "## Sources"}; !slices.Equal(got, want) {
		t.Errorf("headings %q, want %q", got, want)
	}
	bqs := d.blockquotes()
	if len(bqs) != 1 {
		t.Fatalf("%d block quotes, want 1:\n%s", len(bqs), d.raw)
	}
	k := exKinds(d.root)
	for _, kind := range []ast.NodeKind{
		ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindRawHTML, ast.KindHTMLBlock,
		ast.KindThematicBreak, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindLinkReferenceDefinition,
		east.KindTable, east.KindStrikethrough,
	} {
		if k[kind] != 0 {
			t.Errorf("%d %v nodes made from text:\n%s", k[kind], kind, d.raw)
		}
	}
	// the one list is the Sources section's, with its one document
	if k[ast.KindList] != 1 || k[ast.KindListItem] != 1 || k[ast.KindHeading] != 4 || k[ast.KindEmphasis] != 1 || k[ast.KindCodeSpan] != 3 {
		t.Errorf("nodes %v; want 1 list of 1 item (Sources), 4 headings, 1 emphasis (the speaker), 3 code spans (the ID, the document twice)\n%s", k, d.raw)
	}
	if strings.Contains(d.html, "<script") || strings.Contains(d.html, "<img") || strings.Contains(d.html, "<div") {
		t.Errorf("raw HTML came through:\n%s", d.html)
	}

	// the words survive as text, line by line, inside the quote
	quote := exNorm(exHTMLText(d.html[strings.Index(d.html, "<blockquote>"):strings.Index(d.html, "</blockquote>")]))
	for _, line := range strings.Split(exHostile, "\n") {
		if !strings.Contains(quote, exNorm(line)) {
			t.Errorf("the quote lacks %q\nquote: %q", exNorm(line), quote)
		}
	}
	txt := exNorm(exHTMLText(d.html))
	for _, s := range []string{
		"2024-11-07 · *Evil* ](x) | Name, <b>role</b> `x` # y · direct quotation · evil`doc#1",
		"Source: <img src=x onerror=alert(1)>, evil`doc",
		"evil`doc: <img src=x onerror=alert(1)>, “# Title ](x) | <b>bold</b> ---”, javascript:alert(1)",
	} {
		if !strings.Contains(txt, s) {
			t.Errorf("the rendered text lacks %q\n%s", s, txt)
		}
	}
}

func TestExportMarkdownControlChars(t *testing.T) {
	dirty := "a\x00b\x07c\x1b[31mred\x1b[0m\u202eevil\u202c\r\nnext\rline\u2028sep\u0085nel\x7f\ufeffend\t!"
	docs := []*model.Document{{ID: "d\x1b1", Title: "t\x00itle\u202e", Source: "S\x07", URL: "https://x.example/\x1b", Text: dirty}}
	stmts := []*model.Statement{{ID: "d1#1", Doc: "d\x1b1", Speaker: "Pes\x00kov", Kind: model.Direct, Text: dirty, Sources: []string{"d\x1b1"}}}
	c := model.New("name\x1b]0;title\x07", docs, stmts, []*model.Speaker{{Name: "Pes\x00kov", Role: "r\x1bole"}}, nil)
	opt := exportOpts()
	opt.Title = "ti\x1btle"
	out := model.RenderMarkdown(c, []int{0}, opt)
	exRequireNoControl(t, out)
	d := parseExport(t, out)
	q := d.blockquotes()
	if len(q) != 1 {
		t.Fatalf("%d block quotes:\n%s", len(q), out)
	}
	if got, want := strings.TrimSpace(d.renderedText(q[0])), "“abc[31mred[0mevil\nnext\nline\nsepnelend !”"; got != want {
		t.Errorf("quote %q, want %q", got, want)
	}
}

func TestExportMarkdownGolden(t *testing.T) {
	c := exportCorpus()
	t.Run("all", func(t *testing.T) {
		golden.RequireEqual(t, model.RenderMarkdown(c, c.Query(model.Filter{}), exportOpts()))
	})
	t.Run("peskov", func(t *testing.T) {
		f, _ := c.Resolve(model.Filter{Speakers: []string{"Peskov"}})
		opt := exportOpts()
		opt.Filter = f
		golden.RequireEqual(t, model.RenderMarkdown(c, c.Query(f), opt))
	})
	t.Run("marked", func(t *testing.T) {
		opt := exportOpts()
		opt.Marked = true
		opt.Title = "Three statements"
		golden.RequireEqual(t, model.RenderMarkdown(c, []int{4, 0, 2}, opt))
	})
	t.Run("hostile", func(t *testing.T) {
		golden.RequireEqual(t, model.RenderMarkdown(exHostileCorpus(), []int{0}, exportOpts()))
	})
}

func TestExportContentHash(t *testing.T) {
	a := exportCorpus()
	b := exportCorpus()
	if a.ContentHash() != b.ContentHash() {
		t.Error("the same corpus hashes differently")
	}
	// documents in another order: the same corpus
	docs := slices.Clone(b.Documents)
	slices.Reverse(docs)
	if model.New("x", docs, nil, nil, nil).ContentHash() != a.ContentHash() {
		t.Error("document order changes the hash")
	}
	// one character of one text: another corpus
	docs[0] = &model.Document{ID: docs[0].ID, Text: docs[0].Text + "."}
	if model.New("x", docs, nil, nil, nil).ContentHash() == a.ContentHash() {
		t.Error("a changed text keeps the hash")
	}
	// IDs and texts are length-prefixed: moving a boundary changes the hash
	x := model.New("x", []*model.Document{{ID: "ab", Text: "c"}}, nil, nil, nil)
	y := model.New("x", []*model.Document{{ID: "a", Text: "bc"}}, nil, nil, nil)
	if x.ContentHash() == y.ContentHash() {
		t.Error("ID and text boundaries are not hashed")
	}
}

// FuzzExportEscape renders any text as a statement and checks that it
// stays one block quote of plain text that reads as the text did.
func FuzzExportEscape(f *testing.F) {
	for _, s := range append(strings.Split(exHostile, "\n"), exHostile,
		"", " ", "\n\n", "“quoted”", "a\n\n\nb", "1) x", "10. y", "+", "-", "=", "\\", "&", "&amp;", ":+1:",
		":smile\\_cat:", "www.example.com", "https://x.example/a_b", "a  \nb", "x\\\ny", "\u00a0lead", "<!-- c -->",
		"<?php ?>", "[x]\n\n[x]: /u", "a|b\n-|-", "~~~\nfence\n~~~", "\t\tcode", "\x00\x1b\u202e", "\xff\xfe") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		docs := []*model.Document{{ID: "d", Text: s}}
		stmts := []*model.Statement{{ID: "d#1", Doc: "d", Speaker: "S", Kind: model.Direct, Text: s, Sources: []string{"d"}}}
		c := model.New("c", docs, stmts, nil, nil)
		out := model.RenderMarkdown(c, []int{0}, exportOpts())
		exRequireNoControl(t, out)
		d := parseExport(t, out)
		bqs := d.blockquotes()
		if len(bqs) != 1 {
			t.Fatalf("%d block quotes:\n%s", len(bqs), out)
		}
		if hs := d.headings(); !slices.Equal(hs, []string{"# Statements", "## Undated", "## Sources"}) {
			t.Fatalf("headings %q:\n%s", hs, out)
		}
		ast.Walk(bqs[0], func(n ast.Node, _ bool) (ast.WalkStatus, error) {
			switch n.Kind() {
			case ast.KindBlockquote, ast.KindParagraph, ast.KindText, ast.KindString, ast.KindEmphasis:
				// Emphasis: the "(no words recorded)" note
			case ast.KindAutoLink: // GFM links e-mail addresses; the text stays
				if n.(*ast.AutoLink).AutoLinkType != ast.AutoLinkEmail {
					t.Fatalf("a link made from text:\n%s", out)
				}
				return ast.WalkSkipChildren, nil
			default:
				t.Fatalf("a %v node in the quote:\n%s", n.Kind(), out)
			}
			return ast.WalkContinue, nil
		})
		got := exNorm(exHTMLText(d.html[strings.Index(d.html, "<blockquote>"):strings.Index(d.html, "</blockquote>")]))
		clean := strings.Map(func(r rune) rune {
			switch {
			case r == '\r' || r == '\u2028' || r == '\u2029':
				return '\n'
			case r == '\n':
				return r
			case r == '\t':
				return ' '
			case unicode.IsControl(r) || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0xfeff:
				return -1
			}
			return r
		}, strings.ToValidUTF8(s, "\uFFFD"))
		lines := strings.Split(clean, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimSpace(l)
		}
		want := strings.TrimSpace(strings.Join(lines, " "))
		switch {
		case want == "":
			want = "(no words recorded)"
		case !exQuoted(want):
			want = "“" + want + "”"
		}
		if exNorm(got) != exNorm(want) {
			t.Fatalf("the quote reads\n%q\nwant\n%q\n%s", got, want, out)
		}
	})
}

func exQuoted(s string) bool {
	r := []rune(s)
	return len(r) >= 2 && strings.ContainsRune(`"“„«`, r[0]) && strings.ContainsRune(`"”“»`, r[len(r)-1])
}

// issue 19: read by a GFM renderer that does not know front matter, the
// front matter is a rule, a paragraph and a rule — not one huge heading.
func TestExportFrontMatterIsNoHeadingInGFM(t *testing.T) {
	c := exportCorpus()
	out := model.RenderMarkdown(c, c.Query(model.Filter{}), exportOpts())
	root := exGFM.Parser().Parse(text.NewReader(out))
	first := root.FirstChild()
	if first == nil || first.Kind() != ast.KindThematicBreak {
		t.Fatalf("the file does not open with a rule: %v", first)
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			var b bytes.Buffer
			exGFM.Renderer().Render(&b, out, h)
			if txt := exHTMLText(b.String()); strings.Contains(txt, "title:") || strings.Contains(txt, "sha256") {
				t.Fatalf("the front matter renders as a heading: %q", txt)
			}
			break // the first heading is the title
		}
	}
	// and it is still front matter: YAML up to the closing ---
	parseExport(t, out)
}

// issue 19: a document is described once, in the Sources section, with
// its whole title; each statement names its sources briefly.
func TestExportDescribesEachSourceOnce(t *testing.T) {
	c := exportCorpus()
	long := "Peskov: no congratulations yet, and the Kremlin will judge the next administration by its deeds, not by its words at the rallies"
	c.Document("002_rt").Title = long
	out := string(model.RenderMarkdown(c, c.Query(model.Filter{}), exportOpts()))
	if n := strings.Count(out, long); n != 1 {
		t.Errorf("the title of a document cited by 3 statements appears %d times", n)
	}
	if n := strings.Count(out, "“Kremlin on the US election”"); n != 1 {
		t.Errorf("TASS's title appears %d times", n)
	}
	if !strings.Contains(out, "\n## Sources\n\n- `004_kyiv`: “Zelensky in Washington”") {
		t.Errorf("no Sources section in first-cited order:\n%s", out)
	}
}

// issue 19: the summary ends on the last statement's date, not on the far
// end of a range that is open to the day it was processed.
func TestExportSummaryEndsOnTheLastStatement(t *testing.T) {
	today := time.Date(2026, time.December, 2, 0, 0, 0, 0, time.UTC)
	docs := []*model.Document{{ID: "d", Text: "x"}}
	stmts := []*model.Statement{
		{ID: "d#1", Doc: "d", Speaker: "S", Kind: model.Direct, Text: "first",
			Date: model.DayDate(model.Day(2021, time.March, 1), "", "", model.Span{})},
		{ID: "d#2", Doc: "d", Speaker: "S", Kind: model.Direct, Text: "second",
			Date: model.RangeDate(model.Day(2022, time.March, 3), today, "since the invasion", "range", model.Span{})},
	}
	c := model.New("c", docs, stmts, nil, nil)
	out := string(model.RenderMarkdown(c, c.Query(model.Filter{}), exportOpts()))
	best := c.Statements[1].Date.Value.Format("2006-01-02")
	if strings.Contains(out, "to 2026-12-02") || !strings.Contains(out, "from 2021-03-01 to \\~"+best+".") {
		t.Errorf("summary:\n%s", out[strings.Index(out, "# Statements"):][:200])
	}
}

// issue 19: one statement on its own (y on a row) is its line, its quote
// and its source in full — no title, summary, selection or headings.
func TestRenderStatementMarkdown(t *testing.T) {
	c := exportCorpus()
	out := string(model.RenderStatementMarkdown(c, 0))
	for _, bad := range []string{"#", "Selection", "statements by", "---"} {
		if strings.Contains(out, bad) && !strings.Contains(c.Statements[0].ID, bad) {
			t.Errorf("one statement carries %q:\n%s", bad, out)
		}
	}
	want := "2023-03-02 · **Volodymyr Zelensky**, President of Ukraine · direct quotation · `004_kyiv#1`\n\n" +
		"> “We will not trade territory for peace.\n> Not now,\n>\n> not ever.”\n\n" +
		"Source: “Zelensky in Washington”, `/home/user/articles/kyiv independent.txt`\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if len(model.RenderStatementMarkdown(c, 99)) != 0 {
		t.Error("an out-of-range statement renders")
	}
}
