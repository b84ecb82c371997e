package model_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/quotetrail/quotetrail/model"
)

// fuzzCorpus is a one-document, one-statement corpus whose statement
// words are text and whose other fields come from the fuzzer.
func fuzzCorpus(text, title, speaker, url string, kind uint8) *model.Corpus {
	docs := []*model.Document{{ID: "d", Path: "fuzz/d.txt", Title: title, Source: speaker, URL: url, Text: text}}
	s := &model.Statement{ID: "d#1", Doc: "d", Speaker: speaker, Mention: title, Kind: []model.Kind{model.Direct, model.Indirect, model.Mixed}[kind%3],
		Text: text, Span: model.Span{Start: 0, End: len(text)}, Sources: []string{"d"}}
	switch (kind / 3) % 4 {
	case 1:
		s.Date = model.DayDate(model.Day(2024, 11, 6), "November 6", "fuzz", model.Span{})
	case 2:
		s.Date = model.MonthDate(2021, 1, "January 2021", "fuzz", model.Span{})
	case 3:
		s.Date = model.YearDate(2017, "2017", "fuzz", model.Span{})
	}
	return model.New("fuzz", docs, []*model.Statement{s}, nil, nil)
}

// exWords is what a reader must see of s: control characters stripped
// (line breaks and tabs as spaces), white space folded.
func exWords(s string) string {
	return exNorm(strings.Map(func(r rune) rune {
		switch {
		case r == '\r' || r == '\n' || r == '\t' || r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.IsControl(r) || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0xfeff:
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD")))
}

// FuzzRenderMarkdown renders a whole export — front matter, headings,
// statement line, block quote, source line — from fuzzed statement words,
// title, speaker and URL, and checks that it is valid UTF-8 without a
// control character, that the front matter is YAML and the body parses
// with goldmark to the same structure as a harmless export, that the
// quote reads as the statement's words, and that no text became a link,
// an image, HTML or code.
//
//	go test -run '^$' -fuzz FuzzRenderMarkdown -fuzztime 3m -parallel 1 ./model
func FuzzRenderMarkdown(f *testing.F) {
	for _, s := range append(strings.Split(exHostile, "\n"), exHostile, "", "“Russia is open,” he said.",
		"<https://evil.example>", "www.evil.example/a_b", "\x1b]52;c;ZXZpbA==\x07", "\u202eevil", "a\r\nb\rc\u2028d",
		"[^1]\n\n[^1]: x", "- [ ] task", "~~~", "&#x1b;", "\\*", "*(reported)*") {
		f.Add(s, "Kremlin on talks", "Dmitry Peskov", "https://tass.com/1", uint8(0))
		f.Add(s, s, s, s, uint8(len(s)))
	}
	// the default and held-out articles, a paragraph at a time
	files, _ := filepath.Glob(filepath.Join("..", "corpus", "seed", "*.txt"))
	holdout, _ := filepath.Glob(filepath.Join("..", "testdata", "holdout", "*.txt"))
	for i, p := range append(files, holdout...) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		paras := strings.Split(string(b), "\n\n")
		f.Add(paras[0], paras[0], "Dmitry Peskov", "https://example.com/"+filepath.Base(p), uint8(i))
		f.Add(strings.Join(paras[1:min(4, len(paras))], "\n\n"), "", "", "", uint8(i+1))
	}
	f.Fuzz(func(t *testing.T, text, title, speaker, url string, kind uint8) {
		c := fuzzCorpus(text, title, speaker, url, kind)
		out := model.RenderMarkdown(c, []int{0}, exportOpts())
		if !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8:\n%q", out)
		}
		exRequireNoControl(t, out)
		d := parseExport(t, out)

		plain := parseExport(t, model.RenderMarkdown(fuzzCorpus("words", "title", "Speaker", "", kind), []int{0}, exportOpts()))
		if got, want := d.headings(), plain.headings(); len(got) != len(want) || got[0] != want[0] {
			t.Fatalf("headings %q, want the shape of %q:\n%s", got, want, out)
		}
		if got, want := exTopKinds(d.root), exTopKinds(plain.root); got != want {
			t.Fatalf("blocks %s, want %s:\n%s", got, want, out)
		}
		ast.Walk(d.root, func(n ast.Node, _ bool) (ast.WalkStatus, error) {
			if n.Kind() == ast.KindList && exSourcesList(d, n) {
				return ast.WalkContinue, nil // the list of the Sources section
			}
			switch n.Kind() {
			case ast.KindLink, ast.KindImage, ast.KindHTMLBlock, ast.KindRawHTML, ast.KindCodeBlock,
				ast.KindFencedCodeBlock, ast.KindList, ast.KindThematicBreak, east.KindTable,
				east.KindFootnote, east.KindFootnoteLink, east.KindTaskCheckBox, east.KindStrikethrough:
				t.Fatalf("a %v node:\n%s", n.Kind(), out)
			}
			return ast.WalkContinue, nil
		})

		bqs := d.blockquotes()
		if len(bqs) != 1 {
			t.Fatalf("%d block quotes:\n%s", len(bqs), out)
		}
		got := exNorm(d.renderedText(bqs[0]))
		want := exWords(text)
		for _, p := range []string{"(reported) ", "(reported, with quoted words) "} {
			got = strings.TrimPrefix(got, p)
		}
		if want == "" {
			want = "(no words recorded)"
		}
		if got != want && got != "“"+want+"”" {
			t.Fatalf("the quote reads\n%q\nwant the words\n%q\n%s", got, want, out)
		}
		all := exNorm(exHTMLText(d.html))
		for what, s := range map[string]string{"title": title, "speaker": speaker} {
			if w := exWords(s); w != "" && w != model.UnknownSpeaker && !strings.Contains(all, w) {
				t.Fatalf("the %s %q is not in the text:\n%s", what, w, out)
			}
		}
	})
}

// exSourcesList reports whether n is the list of the export's Sources
// section: the last top-level block, right after the "## Sources" heading.
func exSourcesList(d exportDoc, n ast.Node) bool {
	h, ok := n.PreviousSibling().(*ast.Heading)
	return ok && n.Parent() == d.root && n.NextSibling() == nil && h.Level == 2 && d.renderedText(h) == "Sources"
}

// exTopKinds lists the kinds of the document's top-level blocks.
func exTopKinds(root ast.Node) string {
	var kinds []string
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		kinds = append(kinds, n.Kind().String())
	}
	return strings.Join(kinds, " ")
}
