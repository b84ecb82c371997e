package model

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// The indexes and the query plan are checked against the plain
// definitions: Words for the word index, a scan of every statement for
// Query, the comparator New used to sort with for sortTimeline.

var wordPieces = []string{"a", "Z", "tango", "Peskov", "9", "22", "'", "’", " ", ",", ".", "—", "é", "İ", "Путин", "ß",
	"٣", "\xff", "can't", "won’t", "x'", "O’", "\t", "“", "Ǆ", "ﬁ"}

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(wordPieces[rng.IntN(len(wordPieces))])
	}
	return b.String()
}

func collectWords(text string) []string {
	var out []string
	eachWord(text, nil, func(w string) { out = append(out, strings.Clone(w)) })
	return out
}

func TestEachWordIsWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for range 20000 {
		text := randomText(rng, rng.IntN(12))
		if got, want := collectWords(text), Words(text); !slices.Equal(got, want) {
			t.Fatalf("eachWord(%q) = %q, Words = %q", text, got, want)
		}
	}
}

func FuzzEachWord(f *testing.F) {
	for _, s := range []string{"Russia’s “open” stance — can't, won’t; 22,000 Путин!", "A'' b'", "\xffİx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := collectWords(text), Words(text); !slices.Equal(got, want) {
			t.Fatalf("eachWord(%q) = %q, Words = %q", text, got, want)
		}
	})
}

// scanQuery is Query by definition: every statement tested against every
// field of the filter.
func scanQuery(c *Corpus, f Filter) []int {
	canon := map[string]bool{}
	for _, name := range f.Speakers {
		if sp := c.Speaker(name); sp != nil {
			canon[sp.Name] = true
		} else {
			canon[name] = true
		}
	}
	qw := Words(f.Query)
	out := []int{}
	for i, s := range c.Statements {
		if len(f.Speakers) > 0 && !canon[s.Speaker] {
			continue
		}
		if len(f.Affiliations) > 0 {
			aff := c.SpeakerInfo(s.Speaker).Affiliation
			if aff == "" {
				aff = NoAffil
			}
			if !slices.Contains(f.Affiliations, aff) {
				continue
			}
		}
		if len(f.Topics) > 0 && !slices.ContainsFunc(f.Topics, s.HasTopic) {
			continue
		}
		if len(f.Periods) > 0 && !slices.Contains(f.Periods, s.Period()) {
			continue
		}
		if len(qw) > 0 {
			words := Words(s.Text + " " + s.Speaker)
			ok := true
			for _, q := range qw {
				ok = ok && slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, q) })
			}
			if !ok {
				continue
			}
		}
		if !f.From.IsZero() || !f.To.IsZero() {
			v := s.Date.Value
			if v.IsZero() || !f.From.IsZero() && v.Before(f.From) || !f.To.IsZero() && v.After(f.To) {
				continue
			}
		}
		out = append(out, i)
	}
	return out
}

func randomFilter(rng *rand.Rand, c *Corpus) Filter {
	var f Filter
	pickN := func(k int) int { return rng.IntN(k+1) * rng.IntN(2) }
	for range pickN(3) {
		switch rng.IntN(4) {
		case 0:
			f.Speakers = append(f.Speakers, "nobody at all")
		case 1:
			f.Speakers = append(f.Speakers, strings.ToUpper(c.Speakers[rng.IntN(len(c.Speakers))].Name))
		default:
			f.Speakers = append(f.Speakers, c.Speakers[rng.IntN(len(c.Speakers))].Name)
		}
	}
	for range pickN(2) {
		f.Affiliations = append(f.Affiliations, Affiliations[rng.IntN(len(Affiliations))])
	}
	topics := c.Topics()
	for range pickN(3) {
		if len(topics) > 0 {
			f.Topics = append(f.Topics, topics[rng.IntN(len(topics))].Topic)
		}
	}
	for range pickN(2) {
		f.Periods = append(f.Periods, []Period{PeriodTrump1, PeriodBiden, PeriodTrump2, PeriodUnknown}[rng.IntN(4)])
	}
	if rng.IntN(2) == 0 {
		var q []string
		for range 1 + rng.IntN(2) {
			s := c.Statements[rng.IntN(len(c.Statements))]
			ws := Words(s.Text)
			w := ws[rng.IntN(len(ws))]
			q = append(q, w[:1+rng.IntN(len(w))])
		}
		if rng.IntN(5) == 0 {
			q = append(q, "zzqx")
		}
		f.Query = strings.Join(q, " ")
	}
	if rng.IntN(3) == 0 {
		f.From = Day(2020+rng.IntN(6), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	}
	if rng.IntN(3) == 0 {
		f.To = Day(2020+rng.IntN(6), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	}
	return f
}

func TestQueryIsScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, c := range []*Corpus{queryFixture(), Synthetic(3000, 5), Synthetic(200, 6)} {
		for range 600 {
			f := randomFilter(rng, c)
			if got, want := c.Query(f), scanQuery(c, f); !slices.Equal(got, want) {
				t.Fatalf("%s: Query(%+v) = %d statements, scan %d", c.Name, f, len(got), len(want))
			}
		}
		// the query must leave the indexes as they were
		if got, want := c.Query(Filter{Speakers: []string{c.Speakers[0].Name}}), scanQuery(c, Filter{Speakers: []string{c.Speakers[0].Name}}); !slices.Equal(got, want) {
			t.Fatalf("%s: the speaker index changed", c.Name)
		}
	}
}

func TestSortTimelineIsComparator(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	docs := []string{"a", "b", "c"}
	docOrder := map[string]int{"a": 0, "b": 1, "c": 2}
	for range 200 {
		var stmts []*Statement
		for i := range 1 + rng.IntN(60) {
			s := &Statement{ID: strings.Repeat("x", i), Doc: []string{"a", "b", "c", "stray", "other"}[rng.IntN(5)], Span: Span{Start: rng.IntN(5)}}
			switch rng.IntN(4) {
			case 0: // undated
			case 1:
				s.Date = DayDate(Day(2024, 1, 1+rng.IntN(3)), "", "", Span{})
			case 2:
				s.Date.Value = Day(2024, 1, 1+rng.IntN(3)).Add(time.Duration(rng.IntN(3)) * time.Nanosecond).In(time.FixedZone("x", 3600))
			default:
				s.Date = YearDate(2024, "", "", Span{})
			}
			stmts = append(stmts, s)
		}
		want := slices.Clone(stmts)
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i], want[j]
			if !a.Date.Value.Equal(b.Date.Value) {
				if a.Date.Value.IsZero() != b.Date.Value.IsZero() {
					return b.Date.Value.IsZero()
				}
				return a.Date.Value.Before(b.Date.Value)
			}
			order := func(doc string) int {
				if o, ok := docOrder[doc]; ok {
					return o
				}
				return -1 // documents not given come first, as one
			}
			if order(a.Doc) != order(b.Doc) {
				return order(a.Doc) < order(b.Doc)
			}
			return a.Span.Start < b.Span.Start
		})
		got := slices.Clone(stmts)
		sortTimeline(got, docOrder)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("sortTimeline differs from the comparator (docs %v)", docs)
		}
	}
}

func TestYearMonth(t *testing.T) {
	c := queryFixture()
	want := map[string][2]int{"x#2": {2020, 5}, "x#1": {2021, 2}, "a#1": {2024, 11}}
	for i, s := range c.Statements {
		y, m, ok := c.YearMonth(i)
		if s.ID == "b#1" {
			if ok {
				t.Errorf("YearMonth(b#1) = %d, %d, true for an undated statement", y, m)
			}
			continue
		}
		if w, in := want[s.ID]; in && (y != w[0] || m != w[1] || !ok) {
			t.Errorf("YearMonth(%s) = %d, %d, %v; want %v", s.ID, y, m, ok, w)
		}
	}
	c = New("year", nil, []*Statement{
		{ID: "y", Date: YearDate(2023, "", "", Span{})},
		{ID: "bc", Date: DayDate(time.Date(-44, time.March, 15, 0, 0, 0, 0, time.UTC), "", "", Span{})},
		{ID: "zero", Date: YearDate(0, "", "", Span{})},
	}, nil, nil)
	for id, w := range map[string][2]int{"y": {2023, 0}, "bc": {-44, 3}, "zero": {0, 0}} {
		k := slices.IndexFunc(c.Statements, func(s *Statement) bool { return s.ID == id })
		if y, m, ok := c.YearMonth(k); y != w[0] || m != w[1] || !ok {
			t.Errorf("YearMonth(%s) = %d, %d, %v; want %d, %d", id, y, m, ok, w[0], w[1])
		}
	}
}

// TestWordIndexRuns: the word index built from several runs of the
// statements is the one a single run builds.
func TestWordIndexRuns(t *testing.T) {
	c := Synthetic(3000, 11)
	rng := rand.New(rand.NewPCG(7, 8))
	for _, s := range c.Statements[:300] {
		s.Text += " " + randomText(rng, 12)
	}
	want := wordIndexOf(c.Statements, 1)
	if len(want.vocab) < 100 {
		t.Fatalf("only %d words", len(want.vocab))
	}
	for _, nw := range []int{2, 3, 7} {
		if got := wordIndexOf(c.Statements, nw); !reflect.DeepEqual(got, want) {
			t.Errorf("%d runs: the word index differs from one run's", nw)
		}
	}
}
