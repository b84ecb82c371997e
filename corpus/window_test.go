package corpus

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

// windowTokens make texts dense in near-matches of the event patterns and
// the date forms, with the edges windows are cut at.
var windowTokens = []string{
	"President", "president-elect", "President-elect", "Elect", "Donald", "Trump", "TRUMP", "Biden", "Joe",
	"incoming", "outgoing", "administration", "U.S.", "US", "the", "new", "American", "Valdai", "valdai_x",
	"New START", "expires in", "February 5, 2026", "suspended", "Helsinki summit", "summit in Geneva",
	"Putin", "met in Geneva", "final days of", "last  ten\tdays", "final 30 weeks", "closing few months", "Kursk region", "incursion into the", "Oreshnik",
	"2024", "12024", "2024-11-06", "2024/1/2", "06.11.2024", "31.02.2024", "1999", "2024.5", "22,2024",
	"Jan", "JANUARY", "may", "Sept", "sepember", "Dec.", "5th", "of", "June 5,", "\u212a", "\u017fept",
	" ", " ", " ", ", ", ". ", "\n", "\n\n", "-", "_", "é", "“", "”", "—", "ä", "\u00a0",
	"Secretary of State", "John Kerry", "Kerry", "Vladimir", "V.", "Dmitry Peskov", "Peskov", "former", "then-",
	"Zelenskyy", "Zelensky", "J. D. Vance", "JD Vance", "Vance", "Donald J. Trump", "Hillary", "Clinton",
}

func randomWindowText(r *rand.Rand) string {
	var b strings.Builder
	for range 5 + r.IntN(60) {
		b.WriteString(windowTokens[r.IntN(len(windowTokens))])
		if r.IntN(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// checkIndexed fails when a search of text through the tables' literal
// index differs from a search of the whole text: every event pattern and
// every holder pattern of the offices.
func checkIndexed(t *testing.T, e *Events, text string) {
	t.Helper()
	lower := asciiLower(text)
	hits := e.lits.find(lower)
	for _, ev := range e.List() {
		if ev.re == nil {
			continue
		}
		want := ev.re.re.FindAllStringSubmatchIndex(text, -1)
		var got [][]int
		ev.ire.eachIndexed(e.lits, hits, text, lower, func(ix []int) bool { got = append(got, slices.Clone(ix)); return true })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s in %q:\nindexed %v\nwhole   %v", ev.re.re, text, got, want)
		}
	}
	for _, hg := range e.holders {
		want := hg.re.re.FindAllStringIndex(text, -1)
		var got [][]int
		hg.each(e.lits, hits, text, lower, func(ix []int) bool { got = append(got, slices.Clone(ix[:2])); return true })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("holder %s in %q:\nby names %v\nwhole    %v", hg.re.re, text, got, want)
		}
	}
}

func TestIndexedSearchIsExact(t *testing.T) {
	e := testRegistry(t).Events
	named := 0
	for _, hg := range e.holders {
		if hg.names != nil {
			named++
		}
	}
	if named < len(e.holders)*3/4 {
		t.Errorf("only %d of %d holders are found by their names", named, len(e.holders))
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 1500 {
		checkIndexed(t, e, randomWindowText(r))
	}
	for _, text := range []string{"Biden met Putin. The Geneva summit was long", "Putin and Biden; summit in Geneva. Next",
		"Russia suspended its part in New START. New START was suspended", "President-elect Donald J. Trump, Vice President JD Vance"} {
		checkIndexed(t, e, text)
	}
}

func FuzzIndexedSearch(f *testing.F) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 20 {
		f.Add(randomWindowText(r))
	}
	e := testRegistry(f).Events
	f.Fuzz(func(t *testing.T, text string) {
		checkIndexed(t, e, text)
	})
}

// checkWindowed fails when a windowed search of text differs from a search
// of the whole text, for every event pattern and the date scanners.
func checkWindowed(t *testing.T, res []*windowRE, text string) {
	t.Helper()
	lower := asciiLower(text)
	for _, w := range res {
		want := w.re.FindAllStringSubmatchIndex(text, -1)
		var got [][]int
		w.each(text, lower, func(ix []int) bool { got = append(got, ix); return true })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s in %q:\nwindowed %v\nwhole    %v", w.re, text, got, want)
		}
	}
	digits := windowsAround(text, fourDigitRuns(text), numericDateWidth)
	for _, re := range []*regexp.Regexp{reISODate, reDotDate, reYear} {
		want := re.FindAllStringSubmatchIndex(text, -1)
		var got [][]int
		eachInWindows(re, text, digits, func(ix []int) bool { got = append(got, ix); return true })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s in %q:\nwindowed %v\nwhole    %v", re, text, got, want)
		}
	}
	var want []model.Span
	for _, ix := range reMonthWord.FindAllStringIndex(text, -1) {
		want = append(want, model.Span{Start: ix[0], End: ix[1]})
	}
	if got := monthWords(text); !reflect.DeepEqual(got, want) {
		t.Fatalf("month words in %q:\nscanner %v\nregexp  %v", text, got, want)
	}
}

func eventREs(t testing.TB) []*windowRE {
	var out []*windowRE
	for _, ev := range testRegistry(t).Events.List() {
		if ev.re != nil {
			out = append(out, ev.re)
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d event patterns", len(out))
	}
	return append(out, countdownRE)
}

func TestWindowedSearchIsExact(t *testing.T) {
	res := eventREs(t)
	windowedOnes := 0
	for _, w := range res {
		if w.lits != nil && w.width >= 0 {
			windowedOnes++
		}
	}
	if windowedOnes < len(res)/2 {
		t.Errorf("only %d of %d event patterns are searched in windows", windowedOnes, len(res))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 1500 {
		checkWindowed(t, res, randomWindowText(r))
	}
	entries, err := seedFS.ReadDir("seed")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := seedFS.ReadFile("seed/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		checkWindowed(t, res, string(data))
	}
}

func FuzzWindowedSearch(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		f.Add(randomWindowText(r))
	}
	res := eventREs(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkWindowed(t, res, text)
	})
}

func TestMaxWidth(t *testing.T) {
	for expr, want := range map[string]int{
		`abc`:            12,
		`(?i)\bab[cd]\b`: 12,
		`a|bcd`:          12,
		`a?b{2,3}`:       16,
		`a+`:             -1,
		`a[^.]*b`:        -1,
		`^abc`:           -1,
		`abc$`:           -1,
		`(?:x{2}){3}`:    24,
	} {
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := maxWidth(tree); got != want {
			t.Errorf("maxWidth(%q) = %d, want %d", expr, got, want)
		}
	}
}

func TestAsciiLowerKeepsOffsets(t *testing.T) {
	for _, s := range []string{"", "abc", "ÄBC Straße İx", "NEW START\u212a"} {
		l := asciiLower(s)
		if len(l) != len(s) {
			t.Errorf("asciiLower(%q) = %q changes the length", s, l)
		}
	}
	if got := asciiLower("Hello WORLD, Ä"); got != "hello world, Ä" {
		t.Errorf("asciiLower = %q", got)
	}
}
