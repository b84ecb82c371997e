package corpus

// Input formats: each turns one file's bytes into articles for the pipeline.
//
//	.txt            raw scraped text (bytes decoded by the pipeline)
//	.md, .txt       with YAML front matter (title, date, source, url, language)
//	.html, .htm     main text and metadata via go-trafilatura
//	.jsonl          one article per line: text required; title, date, source, url, id

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"

	"github.com/quotetrail/quotetrail/model"
)

// Format is an input format, chosen by file extension.
type Format string

// The formats Load reads.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatJSONL    Format = "jsonl"
)

// FormatOf returns the format for a file name by its extension, or false.
func FormatOf(name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return FormatText, true
	case ".md", ".markdown":
		return FormatMarkdown, true
	case ".html", ".htm", ".xhtml":
		return FormatHTML, true
	case ".jsonl", ".ndjson":
		return FormatJSONL, true
	}
	return "", false
}

// ParseFile turns a file's bytes into articles. name is the path shown in
// reports; id is the article's ID (the file name without extension) — a
// JSONL file's lines get their own. Lines of a JSONL file that cannot be
// read come back as skipped ("file.jsonl:12"); a whole file that cannot be
// read is an error whose text is the reason.
func ParseFile(f Format, name, id string, data []byte) ([]Article, []model.Skipped, error) {
	switch f {
	case FormatText, FormatMarkdown:
		return []Article{parseText(f, name, id, data)}, nil, nil
	case FormatHTML:
		a, err := ParseHTML(name, id, data)
		if err != nil {
			return nil, nil, err
		}
		return []Article{a}, nil, nil
	case FormatJSONL:
		arts, skipped := ParseJSONL(name, id, data)
		return arts, skipped, nil
	}
	return nil, nil, fmt.Errorf("unsupported format %q", f)
}

// parseText reads a plain-text or Markdown article, with its front matter
// if it opens with one.
func parseText(f Format, name, id string, data []byte) Article {
	a := Article{ID: id, Path: name, Raw: data}
	meta, body, warn, ok := SplitFrontMatter(data)
	if warn != "" {
		// the YAML error quotes the input and may cut it inside a character
		warn = Sanitize(strings.ToValidUTF8(warn, "\uFFFD"))
		a.Warnings = append(a.Warnings, fmt.Sprintf("front matter of %s is broken (%s); loaded the body without it", name, warn))
	}
	if ok {
		a.Meta = meta
		a.Raw = body
	}
	if f == FormatMarkdown {
		a.Raw = stripMarkdown(a.Raw)
	}
	if a.Raw == nil {
		a.Raw = []byte{}
	}
	return a
}

// frontMatter is the YAML front matter quotetrail reads; other keys are
// ignored.
type frontMatter struct {
	Title    string `yaml:"title"`
	Date     string `yaml:"date"`
	Source   string `yaml:"source"`
	URL      string `yaml:"url"`
	Language string `yaml:"language"`
}

// SplitFrontMatter splits YAML front matter ("---" lines around it, at the
// very start, after an optional UTF-8 BOM) from the body. ok reports that
// the file had a closed front-matter block, and body is what follows it; a
// block that is not valid YAML still splits (ok), with the YAML error in
// warn and an empty meta. A "---" never closed is no front matter: warn
// says so and ok is false.
func SplitFrontMatter(data []byte) (meta Meta, body []byte, warn string, ok bool) {
	d := bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	first, rest, found := bytes.Cut(d, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return Meta{}, data, "", false
	}
	// find the closing fence: a line of "---" or "..."
	var yamlPart []byte
	pos := 0
	closed := false
	for pos <= len(rest) {
		end := bytes.IndexByte(rest[pos:], '\n')
		line := rest[pos:]
		next := len(rest) + 1
		if end >= 0 {
			line = rest[pos : pos+end]
			next = pos + end + 1
		}
		if l := string(bytes.TrimRight(line, " \t\r")); l == "---" || l == "..." {
			yamlPart = rest[:pos]
			body = rest[min(next, len(rest)):]
			closed = true
			break
		}
		pos = next
	}
	if !closed {
		return Meta{}, data, "no closing --- line", false
	}
	var fm frontMatter
	if err := yaml.Unmarshal(yamlPart, &fm); err != nil {
		return Meta{}, body, yamlError(err), true
	}
	return Meta(fm), body, "", true
}

// yamlError shortens a YAML error to one line; line numbers count from the
// line after the opening ---.
func yamlError(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return "yaml: " + strings.TrimPrefix(te.Errors[0], "yaml: ")
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}

// stripMarkdown removes the Markdown syntax that would otherwise read as
// text: heading markers and block-quote markers at line starts, and
// emphasis asterisks and underscores around words.
func stripMarkdown(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	lines := bytes.Split(b, []byte("\n"))
	for i, l := range lines {
		t := bytes.TrimLeft(l, " ")
		n := 0
		for n < len(t) && n < 6 && t[n] == '#' {
			n++
		}
		if n > 0 && n < len(t) && t[n] == ' ' {
			t = bytes.TrimRight(bytes.TrimLeft(t[n:], " "), " #")
		} else if len(t) > 1 && t[0] == '>' && t[1] == ' ' {
			t = t[2:]
		} else {
			t = l
		}
		t = bytes.ReplaceAll(t, []byte("**"), nil)
		t = bytes.ReplaceAll(t, []byte("__"), nil)
		lines[i] = t
	}
	return bytes.Join(lines, []byte("\n"))
}

// ParseHTML extracts an HTML page's main text (paragraph breaks kept), title,
// date, URL, site name and language with go-trafilatura.
func ParseHTML(name, id string, data []byte) (a Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("not an article (HTML extraction failed: %v)", p)
		}
	}()
	data, warns, st := boundHTML(data)
	if !st.extractable() {
		return plainHTML(name, id, data, warns, st)
	}
	res, err := trafilatura.Extract(bytes.NewReader(data), trafilatura.Options{
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		reason := "no main text found"
		if err != nil {
			reason = strings.Join(strings.Fields(err.Error()), " ")
		}
		for _, w := range warns { // what was left out may have been the text
			reason += "; " + w
		}
		return Article{}, fmt.Errorf("not an article (%s)", reason)
	}
	text := nodeText(res.ContentNode)
	if strings.TrimSpace(text) == "" {
		text = res.ContentText
	}
	m := res.Metadata
	a = Article{ID: id, Path: name, Text: text, Warnings: warns, Meta: Meta{
		Title:    m.Title,
		Source:   m.Sitename,
		URL:      m.URL,
		Language: m.Language,
	}}
	if !m.Date.IsZero() {
		a.Meta.Date = m.Date.Format("2006-01-02")
	}
	return a, nil
}

// blockTags are the HTML elements that start a new paragraph.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "tr": true, "table": true, "pre": true,
	"figure": true, "figcaption": true, "header": true, "footer": true, "aside": true,
	"dd": true, "dt": true, "dl": true, "main": true, "head": true, "title": true,
	// trafilatura's own output tags
	"head1": true, "list": true, "item": true, "quote": true, "row": true, "cell": true, "graphic": true,
}

// nodeText renders an HTML tree as text: paragraphs for block elements,
// line breaks for <br>, white space collapsed inside paragraphs.
func nodeText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	breakPara := func() {
		s := sb.String()
		if s == "" || strings.HasSuffix(s, "\n\n") {
			return
		}
		sb.WriteString("\n\n")
	}
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			t := strings.Join(strings.Fields(n.Data), " ")
			if t == "" {
				if sb.Len() > 0 && !strings.HasSuffix(sb.String(), " ") && !strings.HasSuffix(sb.String(), "\n") {
					sb.WriteByte(' ')
				}
				return
			}
			if first := n.Data[0]; (first == ' ' || first == '\n' || first == '\t') && sb.Len() > 0 {
				s := sb.String()
				if !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
					sb.WriteByte(' ')
				}
			}
			sb.WriteString(t)
			if last := n.Data[len(n.Data)-1]; last == ' ' || last == '\n' || last == '\t' {
				sb.WriteByte(' ')
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "br", "lb":
				sb.WriteByte('\n')
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			breakPara()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			breakPara()
		}
	}
	walk(n)
	// trim the spaces each line may have gained
	lines := strings.Split(sb.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// jsonlArticle is one line of a JSONL file.
type jsonlArticle struct {
	Text     *string `json:"text"`
	Title    string  `json:"title"`
	Date     string  `json:"date"`
	Source   string  `json:"source"`
	URL      string  `json:"url"`
	Language string  `json:"language"`
	ID       any     `json:"id"`
}

// ParseJSONL reads one article per line. Blank lines are ignored; a line
// that is not a JSON object with a non-empty "text" string is skipped with
// its line number ("file.jsonl:12"). Articles get the line's "id", or
// "<file id>-<line>".
func ParseJSONL(name, fileID string, data []byte) ([]Article, []model.Skipped) {
	var arts []Article
	var skipped []model.Skipped
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	n := 0
	for len(data) > 0 {
		n++
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		where := name + ":" + strconv.Itoa(n)
		var ja jsonlArticle
		dec := json.NewDecoder(bytes.NewReader(line))
		if err := dec.Decode(&ja); err != nil {
			skipped = append(skipped, model.Skipped{Path: where, Reason: "invalid JSON (" + jsonError(err) + ")"})
			continue
		}
		if dec.More() {
			skipped = append(skipped, model.Skipped{Path: where, Reason: "invalid JSON (more than one value on the line)"})
			continue
		}
		if ja.Text == nil {
			skipped = append(skipped, model.Skipped{Path: where, Reason: `no "text" field`})
			continue
		}
		if strings.TrimSpace(*ja.Text) == "" {
			skipped = append(skipped, model.Skipped{Path: where, Reason: `empty "text"`})
			continue
		}
		id := fmt.Sprintf("%s-%d", fileID, n)
		switch v := ja.ID.(type) {
		case string:
			if s := oneLine(v); s != "" {
				id = s
			}
		case float64:
			id = strconv.FormatFloat(v, 'f', -1, 64)
		}
		arts = append(arts, Article{ID: id, Path: where, Text: *ja.Text, Meta: Meta{
			Title: ja.Title, Date: ja.Date, Source: ja.Source, URL: ja.URL, Language: ja.Language,
		}})
	}
	return arts, skipped
}

func jsonError(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%q is a %s, want %s", te.Field, te.Value, te.Type)
	}
	if errors.As(err, new(*json.SyntaxError)) || err.Error() == "unexpected EOF" {
		return "syntax error: " + err.Error()
	}
	return err.Error()
}
