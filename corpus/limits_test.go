package corpus

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

// The bounds of limits.go, each on its own; hostile_inputs_test.go runs
// the pathological inputs through the whole pipeline.

func TestCapText(t *testing.T) {
	short := strings.Repeat("Peskov said talks were possible. ", 10)
	if got, w := capText(short, len(short), false); got != short || w != "" {
		t.Errorf("a short text was cut: %q, %q", got, w)
	}
	para := strings.Repeat("Peskov said talks were possible. ", 1000) + "\n\n"
	long := strings.Repeat(para, MaxTextBytes/len(para)+10)
	got, w := capText(long, len(long), false)
	if len(got) > MaxTextBytes || len(got) < MaxTextBytes/2 || !strings.HasSuffix(got, "possible. ") {
		t.Errorf("cut at %d (want a paragraph end within %d)", len(got), MaxTextBytes)
	}
	if !strings.Contains(w, "text longer than 1.0 MB") || !strings.Contains(w, "the rest, from byte "+strconv.Itoa(len(got))) {
		t.Errorf("warning %q", w)
	}
	// no white space at all: cut at a character boundary
	runes := strings.Repeat("я", MaxTextBytes)
	got, _ = capText(runes, len(runes), false)
	if len(got) > MaxTextBytes || !strings.HasSuffix(got, "я") {
		t.Errorf("cut inside a character: ends %q", got[len(got)-3:])
	}
	// an input trimInput cut says so even when its text fits
	if _, w := capText(short, 50<<20, true); !strings.Contains(w, "input longer than 4.0 MB (50.0 MB)") {
		t.Errorf("trimmed input: warning %q", w)
	}
}

func TestTrimInput(t *testing.T) {
	raw := []byte(strings.Repeat("я", maxInputBytes)) // two bytes a character
	a := trimInput(Article{Raw: append([]byte("x"), raw...)})
	if a.Size != len(raw)+1 || len(a.Raw) > maxInputBytes || len(a.Raw) < maxInputBytes-3 {
		t.Fatalf("size %d, kept %d", a.Size, len(a.Raw))
	}
	if s := string(a.Raw); !strings.HasSuffix(s, "я") {
		t.Errorf("cut inside a character")
	}
	utf16 := append([]byte{0xFF, 0xFE}, make([]byte, maxInputBytes+1)...)
	if a := trimInput(Article{Raw: utf16}); len(a.Raw)%2 != 0 {
		t.Errorf("UTF-16 cut inside a code unit: %d bytes", len(a.Raw))
	}
	text := strings.Repeat("€", maxInputBytes/3+5)
	if a := trimInput(Article{Text: text}); a.Size != len(text) || !strings.HasSuffix(a.Text, "€") || len(a.Text) > maxInputBytes {
		t.Errorf("text: size %d, kept %d", a.Size, len(a.Text))
	}
	small := Article{Raw: []byte("small")}
	if a := trimInput(small); a.Size != 0 || string(a.Raw) != "small" {
		t.Errorf("a small input changed: %+v", a)
	}
}

func TestCapSentences(t *testing.T) {
	words := strings.Repeat("Peskov said that Putin told Lavrov ", MaxSentenceBytes/10)
	q := "\u201cWe are ready\u201d"
	text := words + q + " " + words
	qs := pairQuotes(text, []model.Span{{Start: 0, End: len(text)}})
	if len(qs) != 1 {
		t.Fatalf("%d quotations", len(qs))
	}
	out, split := capSentences(text, []model.Span{{Start: 0, End: len(text)}}, qs)
	if !split || len(out) < 4 {
		t.Fatalf("not split: %v", out)
	}
	o := qs[0].Outer()
	for i, s := range out {
		if s.Len() > MaxSentenceBytes {
			t.Errorf("piece %d is %d bytes", i, s.Len())
		}
		if s.Start > o.Start && s.Start < o.End || s.End > o.Start && s.End < o.End {
			t.Errorf("piece %d %v cuts the quotation %v", i, s, o)
		}
		if i > 0 && s.Start < out[i-1].End {
			t.Errorf("pieces overlap")
		}
	}
	if short := []model.Span{{Start: 0, End: 100}}; !sameSpans(mustCap(t, text, short, qs), short) {
		t.Errorf("a short sentence was split")
	}
}

func mustCap(t *testing.T, text string, s []model.Span, qs []quote) []model.Span {
	t.Helper()
	out, _ := capSentences(text, s, qs)
	return out
}

func sameSpans(a, b []model.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBoundHTML(t *testing.T) {
	page := []byte("<html><body><article><p>One.</p><p>Two<br>lines.</p><ul><li>a<li>b</ul></article></body></html>")
	if got, w, _ := boundHTML(page); string(got) != string(page) || w != nil {
		t.Errorf("a page within the limits changed: %q %v", got, w)
	}
	const n = 100_000
	for _, closed := range []bool{true, false} {
		deep := "<html><body>" + strings.Repeat("<div>", n) + "<p>Peskov said talks were possible.</p>"
		if closed {
			deep += strings.Repeat("</div>", n)
		}
		got, w, _ := boundHTML([]byte(deep + "</body></html>"))
		if len(w) != 1 || w[0] != "HTML nesting deeper than 512: flattened" {
			t.Errorf("closed %v: warnings %q", closed, w)
		}
		if d := maxDepth(string(got)); d > MaxHTMLDepth+1 {
			t.Errorf("closed %v: depth %d after", closed, d)
		}
		if !strings.Contains(string(got), "<div>Peskov said talks were possible.") { // its own tags too deep
			t.Errorf("closed %v: the paragraph was lost", closed)
		}
	}
	// <p> left open: each ends the one before, so it is wide, not deep
	wide := "<html><body>" + strings.Repeat("<p>Peskov said talks were possible.", 1000) + "</body></html>"
	if got, w, _ := boundHTML([]byte(wide)); string(got) != wide || w != nil {
		t.Errorf("open <p>s were read as nested: %v", w)
	}
	many := "<html><body>" + strings.Repeat("<p>Peskov said talks were possible.</p>", MaxHTMLElements+10) + "</body></html>"
	got, w, _ := boundHTML([]byte(many))
	if len(w) != 1 || w[0] != "HTML of more than 50,000 elements: the rest skipped" {
		t.Errorf("warnings %q", w)
	}
	if c := strings.Count(string(got), "<p>"); c != MaxHTMLElements-2 { // html, body and the p's
		t.Errorf("%d paragraphs kept", c)
	}
}

// maxDepth is the deepest nesting of the start and end tags in s (no
// void elements).
func maxDepth(s string) int {
	d, m := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != '<' || i+1 == len(s) {
			continue
		}
		if s[i+1] == '/' {
			d--
		} else {
			d++
			m = max(m, d)
		}
	}
	return m
}

func TestUniqueIDLinear(t *testing.T) {
	var ids idSet
	want := []string{"x", "x-2", "x-3", "x-2-2", "x-4", "y"}
	in := []string{"x", "x", "x", "x-2", "x", "y"}
	for i, id := range in {
		if got := uniqueID(&ids, id); got != want[i] {
			t.Errorf("uniqueID(%q) #%d = %q, want %q", id, i, got, want[i])
		}
	}
	// 100,000 of one ID: each takes the next suffix, not a walk from -2
	allocs := testing.AllocsPerRun(1, func() {
		var ids idSet
		for range 100_000 {
			uniqueID(&ids, "a")
		}
	})
	if allocs > 600_000 {
		t.Errorf("%.0f allocations for 100,000 IDs", allocs)
	}
}

// A worker stuck inside one item does not hold up cancellation.
func TestParallelReturnsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	release := make(chan struct{})
	var started sync.WaitGroup
	started.Add(2)
	done := make(chan error)
	go func() {
		done <- parallel(ctx, 10, 2, func(int) {
			started.Done()
			<-release // a pathological file
		})
	}()
	started.Wait()
	cancel()
	if err := <-done; err != context.Canceled {
		t.Errorf("parallel returned %v", err)
	}
	close(release)
}

func TestProcessStops(t *testing.T) {
	r := testRegistry(t)
	art := Article{ID: "a", Path: "a.txt", Raw: []byte(strings.Repeat("Kremlin spokesman Dmitry Peskov said talks were possible. ", 200))}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, skip := r.process(ctx, art); skip != "cancelled" {
		t.Errorf("cancelled: skip %q", skip)
	}
	out, skip := r.process(context.Background(), art)
	if skip != "" || len(out.Statements) == 0 {
		t.Fatalf("skip %q, %d statements", skip, len(out.Statements))
	}
	floor, per := budgetFloor, budgetPerByte
	defer func() { budgetFloor, budgetPerByte = floor, per }()
	budgetFloor, budgetPerByte = 64<<10, 4
	out, skip = r.process(context.Background(), art)
	if !strings.HasPrefix(skip, "over its memory budget (") || out.Doc == nil || len(out.Statements) != 0 {
		t.Errorf("over budget: skip %q, %d statements", skip, len(out.Statements))
	}
	if p := r.Process(art); len(p.Statements) != 0 || len(p.Doc.Warnings) == 0 || !strings.Contains(p.Doc.Warnings[len(p.Doc.Warnings)-1], "memory budget") {
		t.Errorf("Process over budget: %d statements, warnings %q", len(p.Statements), p.Doc.Warnings)
	}
}

// A page of more paragraphs than go-trafilatura reads in bounded time is
// read as plain HTML, all its paragraphs, with a warning.
func TestPlainHTML(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html lang=\"en\"><head><title>Peskov on talks</title></head><body><nav>Home News</nav><article>")
	const n = 4000
	for i := range n {
		b.WriteString("<p>Kremlin spokesman Dmitry Peskov said talks were possible, in paragraph " + strconv.Itoa(i) + ".</p>")
	}
	b.WriteString("</article><footer>Subscribe</footer></body></html>")
	_, _, st := boundHTML([]byte(b.String()))
	if st.paras != n || st.extractable() {
		t.Fatalf("stats %+v: extractable %v", st, st.extractable())
	}
	a, err := ParseHTML("p.html", "p", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(a.Text, "Peskov said"); got != n {
		t.Errorf("%d paragraphs read, want %d", got, n)
	}
	if strings.Contains(a.Text, "Home News") || strings.Contains(a.Text, "Subscribe") {
		t.Errorf("navigation or footer read: %.200q", a.Text)
	}
	if a.Meta.Title != "Peskov on talks" || a.Meta.Language != "en" || len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "read as plain HTML, from its <article>") {
		t.Errorf("title %q, language %q, warnings %q", a.Meta.Title, a.Meta.Language, a.Warnings)
	}
}
