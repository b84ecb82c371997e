package corpus

import (
	"strings"
	"testing"
)

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{
		"a.txt": FormatText, "B.TXT": FormatText, "c.md": FormatMarkdown, "d.markdown": FormatMarkdown,
		"e.html": FormatHTML, "f.HTM": FormatHTML, "g.jsonl": FormatJSONL,
	} {
		if got, ok := FormatOf(name); !ok || got != want {
			t.Errorf("FormatOf(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{"a.docx", "b.png", "c", "d.json", "e.pdf"} {
		if _, ok := FormatOf(name); ok {
			t.Errorf("FormatOf(%q) accepted", name)
		}
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		meta     Meta
		body     string
		ok       bool
		wantWarn string
	}{
		{
			name: "full",
			in:   "---\ntitle: Peskov on talks\ndate: 2024-11-18\nsource: TASS\nurl: https://tass.com/1\nlanguage: en\nauthor: ignored\n---\nBody text.\n",
			meta: Meta{Title: "Peskov on talks", Date: "2024-11-18", Source: "TASS", URL: "https://tass.com/1", Language: "en"},
			body: "Body text.\n", ok: true,
		},
		{
			name: "BOM and CRLF",
			in:   "\xEF\xBB\xBF---\r\ntitle: \"Quoted: title\"\r\n---\r\nBody.",
			meta: Meta{Title: "Quoted: title"}, body: "Body.", ok: true,
		},
		{
			name: "closing with dots",
			in:   "---\nsource: RT\n...\nBody.",
			meta: Meta{Source: "RT"}, body: "Body.", ok: true,
		},
		{
			name: "broken YAML",
			in:   "---\ntitle: [unclosed\nsource: TASS\n---\nThe body survives.",
			body: "The body survives.", ok: true, wantWarn: "yaml:",
		},
		{
			name: "wrong type",
			in:   "---\ntitle:\n  - a\n  - b\n---\nBody.",
			body: "Body.", ok: true, wantWarn: "yaml:",
		},
		{
			name: "never closed",
			in:   "---\ntitle: x\nBody without a fence.",
			body: "---\ntitle: x\nBody without a fence.", wantWarn: "no closing --- line",
		},
		{
			name: "no front matter",
			in:   "Just text.\n---\nMore.",
			body: "Just text.\n---\nMore.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			meta, body, warn, ok := SplitFrontMatter([]byte(tt.in))
			if meta != tt.meta || string(body) != tt.body || ok != tt.ok {
				t.Errorf("got %+v %q %v, want %+v %q %v", meta, body, ok, tt.meta, tt.body, tt.ok)
			}
			if (tt.wantWarn == "") != (warn == "") || !strings.Contains(warn, tt.wantWarn) {
				t.Errorf("warn = %q, want %q", warn, tt.wantWarn)
			}
		})
	}
}

func TestParseTextFrontMatter(t *testing.T) {
	arts, skipped, err := ParseFile(FormatMarkdown, "dir/a.md", "a", []byte("---\ntitle: [broken\n---\n# Kremlin speaks\n\nPeskov **said** it.\n"))
	if err != nil || len(skipped) != 0 || len(arts) != 1 {
		t.Fatalf("ParseFile: %v %v %v", arts, skipped, err)
	}
	a := arts[0]
	if string(a.Raw) != "Kremlin speaks\n\nPeskov said it.\n" {
		t.Errorf("body = %q", a.Raw)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "dir/a.md") || !strings.Contains(a.Warnings[0], "yaml") {
		t.Errorf("warnings = %q", a.Warnings)
	}
	// a .txt keeps its Markdown-looking characters
	arts, _, _ = ParseFile(FormatText, "b.txt", "b", []byte("---\nsource: TASS\n---\n# not a heading **x**"))
	if string(arts[0].Raw) != "# not a heading **x**" || arts[0].Meta.Source != "TASS" {
		t.Errorf(".txt with front matter: %+v", arts[0])
	}
}

func TestParseJSONL(t *testing.T) {
	data := strings.Join([]string{
		`{"text": "First article body.", "title": "One", "date": "2024-11-18", "source": "TASS", "url": "https://x/1", "id": "first"}`,
		``,
		`{"text": "Second, no id."}`,
		`{"text": 42}`,
		`not json at all`,
		`{"title": "no text"}`,
		`{"text": "   "}`,
		`{"text": "Numeric id.", "id": 7}`,
		`{"text": "trailing"} {"text": "two values"}`,
		`{"text": "Last line, no newline"}`,
	}, "\n")
	arts, skipped := ParseJSONL("in/feed.jsonl", "feed", []byte(data))
	var ids, paths []string
	for _, a := range arts {
		ids = append(ids, a.ID)
		paths = append(paths, a.Path)
	}
	if got := strings.Join(ids, ","); got != "first,feed-3,7,feed-10" {
		t.Errorf("ids = %s", got)
	}
	if got := strings.Join(paths, ","); got != "in/feed.jsonl:1,in/feed.jsonl:3,in/feed.jsonl:8,in/feed.jsonl:10" {
		t.Errorf("paths = %s", got)
	}
	if m := arts[0].Meta; m.Title != "One" || m.Date != "2024-11-18" || m.Source != "TASS" || m.URL != "https://x/1" || arts[0].Text != "First article body." || arts[0].Raw != nil {
		t.Errorf("first = %+v", arts[0])
	}
	want := map[string]string{
		"in/feed.jsonl:4": `invalid JSON ("text" is a number, want string)`,
		"in/feed.jsonl:5": "invalid JSON (syntax error: invalid character 'o' in literal null (expecting 'u'))",
		"in/feed.jsonl:6": `no "text" field`,
		"in/feed.jsonl:7": `empty "text"`,
		"in/feed.jsonl:9": "invalid JSON (more than one value on the line)",
	}
	if len(skipped) != len(want) {
		t.Errorf("skipped = %+v", skipped)
	}
	for _, s := range skipped {
		if want[s.Path] != s.Reason {
			t.Errorf("skipped %s: %q, want %q", s.Path, s.Reason, want[s.Path])
		}
	}
}

const testHTML = `<!DOCTYPE html><html lang="en"><head>
<title>Peskov welcomes dialogue | Example News</title>
<meta property="og:title" content="Peskov welcomes dialogue">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.com/2024/11/18/peskov">
<meta property="article:published_time" content="2024-11-18T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Peskov welcomes dialogue</h1>
<p>MOSCOW, November 18. Kremlin spokesman Dmitry Peskov said on Monday that Russia remains open to dialogue with the United States, but that it expects reciprocal steps from Washington.</p>
<p>“We are ready for dialogue,” Peskov told reporters. He added that the new administration would have to show it was ready too, and that nothing had been agreed so far.</p>
<p>The Kremlin has repeatedly said that relations with Washington are at their lowest point in decades, and that it is up to the United States to repair them.</p>
</article>
<footer>© 2024 Example News</footer>
</body></html>`

func TestParseHTML(t *testing.T) {
	a, err := ParseHTML("page.html", "page", []byte(testHTML))
	if err != nil {
		t.Fatal(err)
	}
	if a.Raw != nil || !strings.Contains(a.Text, "Kremlin spokesman Dmitry Peskov said on Monday") {
		t.Fatalf("text = %q", a.Text)
	}
	if !strings.Contains(a.Text, "from Washington.\n\n“We are ready") {
		t.Errorf("paragraph breaks lost: %q", a.Text)
	}
	if strings.Contains(a.Text, "Home") {
		t.Errorf("navigation kept: %q", a.Text)
	}
	if a.Meta.Title != "Peskov welcomes dialogue" || a.Meta.Source != "Example News" || a.Meta.URL != "https://example.com/2024/11/18/peskov" || a.Meta.Date != "2024-11-18" {
		t.Errorf("meta = %+v", a.Meta)
	}
	if _, err := ParseHTML("empty.html", "empty", []byte("<html><body></body></html>")); err == nil || !strings.HasPrefix(err.Error(), "not an article") {
		t.Errorf("empty page: err = %v", err)
	}
}
