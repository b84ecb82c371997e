package corpus

// Fuzz targets for the input formats (front matter, JSONL lines) and the
// properties every processed article must keep, whatever its bytes.
//
// `go test` runs the seed corpora and testdata/fuzz; explore with
//
//	go test -run '^$' -fuzz FuzzFrontMatter -fuzztime 3m -parallel 1 ./corpus

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

// fuzzSeeds returns the five default articles and the held-out ones, as
// bytes.
func fuzzSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	entries, err := fs.ReadDir(seedFS, "seed")
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		b, err := seedFS.ReadFile("seed/" + e.Name())
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	holdout, _ := filepath.Glob(filepath.Join("..", "testdata", "holdout", "*.txt"))
	for _, p := range holdout {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// checkText fails when s is not valid UTF-8 or holds a control or
// invisible character other than \n and \t.
func checkText(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s: invalid UTF-8 %q", what, s)
	}
	if r, bad := firstControl(s); bad {
		t.Fatalf("%s: control %U in %q", what, r, s)
	}
}

// checkDateOrder fails unless earliest ≤ value ≤ latest for a known date,
// and the evidence span lies in the text.
func checkDateOrder(t *testing.T, what string, d model.Date, textLen int) {
	t.Helper()
	if d.Known() && (d.Earliest.After(d.Value) || d.Value.After(d.Latest)) {
		t.Fatalf("%s: earliest %s ≤ value %s ≤ latest %s does not hold (rule %s)", what,
			d.Earliest.Format("2006-01-02"), d.Value.Format("2006-01-02"), d.Latest.Format("2006-01-02"), d.Rule)
	}
	if !d.EvidenceSpan.In(textLen) {
		t.Fatalf("%s: evidence span %v outside a text of %d bytes", what, d.EvidenceSpan, textLen)
	}
	if !utf8.ValidString(d.Evidence) {
		t.Fatalf("%s: evidence is invalid UTF-8 %q", what, d.Evidence)
	}
}

// checkProcessed asserts the properties of one article after the
// pipeline: clean text everywhere, spans inside the text and equal to the
// statement text, dates ordered.
func checkProcessed(t *testing.T, p Processed) {
	t.Helper()
	doc := p.Doc
	checkText(t, "text", doc.Text)
	checkText(t, "title", doc.Title)
	if strings.Contains(doc.Title, "\n") {
		t.Fatalf("newline in title %q", doc.Title)
	}
	for what, s := range map[string]string{"source": doc.Source, "url": doc.URL, "language": doc.Language, "place": doc.Place} {
		checkText(t, what, s)
	}
	if !doc.TitleSpan.In(len(doc.Text)) {
		t.Fatalf("title span %v outside text of %d bytes", doc.TitleSpan, len(doc.Text))
	}
	for _, rm := range doc.Removed {
		checkText(t, "removed", rm.Text)
	}
	for _, c := range doc.Captions {
		checkText(t, "caption", c)
	}
	for _, rp := range doc.Repairs {
		checkText(t, "repair", rp.Before+rp.After)
	}
	for _, w := range doc.Warnings {
		checkText(t, "warning", w)
	}
	checkDateOrder(t, "document date", doc.Date, len(doc.Text))
	for _, s := range p.Statements {
		if !s.Span.In(len(doc.Text)) {
			t.Fatalf("statement %s span %v outside text of %d bytes", s.ID, s.Span, len(doc.Text))
		}
		if got := doc.Text[s.Span.Start:s.Span.End]; got != s.Text {
			t.Fatalf("statement %s: Text[span] = %q, Text = %q", s.ID, got, s.Text)
		}
		if !s.Context.In(len(doc.Text)) {
			t.Fatalf("statement %s context %v outside text of %d bytes", s.ID, s.Context, len(doc.Text))
		}
		checkText(t, "statement "+s.ID, s.Text)
		checkText(t, "speaker "+s.ID, s.Speaker+s.Mention)
		checkDateOrder(t, "statement "+s.ID+" date", s.Date, len(doc.Text))
	}
	for _, sp := range p.Speakers {
		checkText(t, "new speaker", sp.Name)
	}
}

// FuzzFrontMatter reads arbitrary bytes as a Markdown file with YAML front
// matter, the way the loader does, and runs the article through the
// pipeline.
func FuzzFrontMatter(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(append([]byte("---\ntitle: \"Peskov on talks\"\ndate: 2024-05-01\nsource: TASS\nurl: https://tass.example/1\nlanguage: en\n---\n"), b...))
	}
	for _, s := range []string{
		"---\ntitle: [unclosed\n---\nBody “quoted,” he said.",
		"---\ntitle: x\n",
		"\xEF\xBB\xBF---\r\ntitle: \"\\e]52;c;ZXZpbA==\\a\\e[31mred\"\r\ndate: \"\\u202e2024-01-01\"\r\n...\r\n# Head\n\n> “Quote,” Lavrov said.",
		"---\n---\n",
		"---\ntitle: &a [*a, *a]\n---\n",
		"---\ndate: 2024-13-45\ntitle: 12\nsource: {a: b}\n---\n*MOSCOW*, May 1. /TASS/. **“Yes,”** said Peskov.",
		"---\n\t- : : \n---",
	} {
		f.Add([]byte(s))
	}
	r, err := DefaultRegistry()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		meta, body, warn, ok := SplitFrontMatter(data)
		if ok && !bytes.HasSuffix(data, body) {
			t.Fatalf("body is not the end of the file")
		}
		if !ok && (meta != Meta{}) {
			t.Fatalf("meta %+v without front matter", meta)
		}
		if strings.Contains(warn, "\n") {
			t.Fatalf("multi-line warning %q", warn)
		}
		if sniffBinary(data) != "" {
			return // the loader skips it before parsing
		}
		arts, skipped, err := ParseFile(FormatMarkdown, "fuzz.md", "fuzz", data)
		if err != nil || len(skipped) != 0 || len(arts) != 1 {
			t.Fatalf("ParseFile: %d articles, %v, %v", len(arts), skipped, err)
		}
		a := arts[0]
		a.Meta = sanitizeMeta(a.Meta)
		checkProcessed(t, r.Process(a))
	})
}

// FuzzJSONL reads an arbitrary line as a JSONL file, and the same line as
// the "text" and "title" of a well-formed one.
func FuzzJSONL(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		line, _ := json.Marshal(map[string]any{"id": "a1", "title": "Headline", "date": "2024-05-01", "source": "TASS", "text": string(b)})
		f.Add(string(line))
	}
	for _, s := range []string{
		`{"text": "“Yes,” Peskov said.", "id": 7}`,
		`{"text": ""}`,
		`{"title": "no text"}`,
		`{"text": "a"} {"text": "b"}`,
		`{"text": "\u001b]52;c;ZXZpbA==\u0007\u001b[2J“Clear,” he said.", "title": "\u001b]0;pwned\u0007T", "id": "\u202eevil"}`,
		`{"text": 12}`,
		`{"text": "x", "id": 1e400}`,
		`[1,2,3]`,
		`{"text":"\ud800"}`,
		"{\"text\": \"half\"",
	} {
		f.Add(s)
	}
	r, err := DefaultRegistry()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, line string) {
		good, _ := json.Marshal(map[string]string{"text": line, "title": line, "date": line, "id": line})
		data := []byte(line + "\n" + string(good) + "\n")
		if strings.TrimSpace(line) == "" {
			data = good
		}
		arts, skipped := ParseJSONL("fuzz.jsonl", "fuzz", data)
		for _, s := range skipped {
			checkText(t, "skipped reason", s.Reason)
			if !strings.HasPrefix(s.Path, "fuzz.jsonl:") {
				t.Fatalf("skipped path %q", s.Path)
			}
		}
		if len(arts)+len(skipped) == 0 {
			t.Fatalf("nothing read or reported from %q", data)
		}
		if strings.TrimSpace(line) != "" && !strings.Contains(line, "\n") && len(arts)+len(skipped) != 2 {
			t.Fatalf("two lines gave %d articles and %d skipped", len(arts), len(skipped))
		}
		for _, a := range arts {
			a.Meta = sanitizeMeta(a.Meta)
			checkText(t, "id", a.ID)
			checkProcessed(t, r.Process(a))
		}
	})
}
