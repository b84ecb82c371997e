package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Filter selects statements. The zero Filter selects everything. Within a
// field the values are alternatives (Peskov or Putin); fields combine with
// "and" (Peskov, and about sanctions).
type Filter struct {
	Speakers     []string // canonical names or aliases, case-insensitive
	Affiliations []Affiliation
	Topics       []string
	Periods      []Period
	From, To     time.Time // inclusive days; zero means open
	// Query is words that must all occur in the statement's text or speaker
	// name; each word matches as a prefix ("tang" finds "tango").
	Query string
}

// IsZero reports whether the filter selects everything.
func (f Filter) IsZero() bool {
	return len(f.Speakers) == 0 && len(f.Affiliations) == 0 && len(f.Topics) == 0 &&
		len(f.Periods) == 0 && f.From.IsZero() && f.To.IsZero() && strings.TrimSpace(f.Query) == ""
}

// String describes the filter for a status line or a report:
// "speaker: Dmitry Peskov · topic: sanctions · words: tango".
func (f Filter) String() string {
	var parts []string
	if len(f.Speakers) > 0 {
		parts = append(parts, "speaker: "+strings.Join(f.Speakers, ", "))
	}
	if len(f.Affiliations) > 0 {
		a := make([]string, len(f.Affiliations))
		for i, x := range f.Affiliations {
			a[i] = string(x)
		}
		parts = append(parts, "affiliation: "+strings.Join(a, ", "))
	}
	if len(f.Topics) > 0 {
		parts = append(parts, "topic: "+strings.Join(f.Topics, ", "))
	}
	if len(f.Periods) > 0 {
		p := make([]string, len(f.Periods))
		for i, x := range f.Periods {
			p[i] = x.Label()
		}
		parts = append(parts, "period: "+strings.Join(p, ", "))
	}
	if !f.From.IsZero() {
		parts = append(parts, "from: "+f.From.Format("2006-01-02"))
	}
	if !f.To.IsZero() {
		parts = append(parts, "to: "+f.To.Format("2006-01-02"))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		parts = append(parts, "words: "+q)
	}
	return strings.Join(parts, " · ")
}

// Resolve checks the filter against the corpus and returns it with speaker
// names made canonical. An unknown speaker is an error naming it.
func (c *Corpus) Resolve(f Filter) (Filter, error) {
	out := f
	out.Speakers = nil
	for _, name := range f.Speakers {
		sp := c.Speaker(name)
		if sp == nil {
			return f, fmt.Errorf("no speaker %q in the corpus (try `stats` for the list)", name)
		}
		out.Speakers = append(out.Speakers, sp.Name)
	}
	return out, nil
}

// Query returns the indices (into c.Statements, ascending, so in timeline
// order) of the statements the filter selects. Speakers are matched by
// canonical name or alias; an unknown name matches nothing.
func (c *Corpus) Query(f Filter) []int {
	var sets [][]int32
	if len(f.Speakers) > 0 {
		var lists [][]int32
		seen := map[string]bool{}
		for _, name := range f.Speakers {
			canon := name
			if sp := c.Speaker(name); sp != nil {
				canon = sp.Name
			}
			if !seen[canon] {
				seen[canon] = true
				lists = append(lists, c.bySpeaker[canon])
			}
		}
		sets = append(sets, union(lists))
	}
	if len(f.Affiliations) > 0 {
		var lists [][]int32
		for _, a := range f.Affiliations {
			lists = append(lists, c.byAffil[a])
		}
		sets = append(sets, union(lists))
	}
	if len(f.Topics) > 0 {
		var lists [][]int32
		for _, t := range f.Topics {
			lists = append(lists, c.byTopic[t])
		}
		sets = append(sets, union(lists))
	}
	if len(f.Periods) > 0 {
		var lists [][]int32
		for _, p := range f.Periods {
			lists = append(lists, c.byPeriod[p])
		}
		sets = append(sets, union(lists))
	}
	for _, w := range queryWords(f.Query) {
		sets = append(sets, c.words.prefix(w))
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		sets = append(sets, c.dateRange(f.From, f.To))
	}

	var ids []int32
	if len(sets) == 0 {
		out := make([]int, len(c.Statements))
		for i := range out {
			out[i] = i
		}
		return out
	}
	sort.Slice(sets, func(i, j int) bool { return len(sets[i]) < len(sets[j]) })
	ids = sets[0]
	for _, s := range sets[1:] {
		ids = intersect(ids, s)
	}
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = int(id)
	}
	return out
}

// dateRange returns the statements whose best date lies in [from, to].
// Statements are sorted by date with undated ones last, so it is two
// binary searches.
func (c *Corpus) dateRange(from, to time.Time) []int32 {
	n := len(c.Statements)
	end := sort.Search(n, func(i int) bool { return c.Statements[i].Date.Value.IsZero() })
	lo := 0
	if !from.IsZero() {
		lo = sort.Search(end, func(i int) bool { return !c.Statements[i].Date.Value.Before(from) })
	}
	hi := end
	if !to.IsZero() {
		hi = sort.Search(end, func(i int) bool { return c.Statements[i].Date.Value.After(to) })
	}
	if hi < lo {
		hi = lo
	}
	out := make([]int32, hi-lo)
	for i := range out {
		out[i] = int32(lo + i)
	}
	return out
}

// Counts returns how many statements each speaker has among ids.
func (c *Corpus) Counts(ids []int) map[string]int {
	out := map[string]int{}
	for _, i := range ids {
		out[c.Statements[i].Speaker]++
	}
	return out
}

func union(lists [][]int32) []int32 {
	if len(lists) == 1 {
		return lists[0]
	}
	var out []int32
	for _, l := range lists {
		out = append(out, l...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	w := 0
	for i, v := range out {
		if i == 0 || v != out[w-1] {
			out[w] = v
			w++
		}
	}
	return out[:w]
}

func intersect(a, b []int32) []int32 {
	out := make([]int32, 0, min(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// Words splits text into lower-cased words (letters and digits), the same
// way the search index does. Apostrophes inside words are kept.
func Words(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '\'' || r == '’') && start >= 0)
		if word && start < 0 {
			start = i
		}
		if !word && start >= 0 {
			out = append(out, normWord(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, normWord(text[start:]))
	}
	return out
}

func normWord(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	return strings.TrimRight(w, "'")
}

func queryWords(q string) []string { return Words(q) }

// wordIndex maps each word of the statements' text and speakers to the
// statements that contain it; its sorted vocabulary answers prefix queries.
type wordIndex struct {
	vocab    []string // sorted
	postings [][]int32
}

func buildWordIndex(stmts []*Statement) wordIndex {
	m := map[string][]int32{}
	for i, s := range stmts {
		id := int32(i)
		for _, w := range Words(s.Text + " " + s.Speaker) {
			l := m[w]
			if len(l) == 0 || l[len(l)-1] != id {
				m[w] = append(l, id)
			}
		}
	}
	wi := wordIndex{vocab: make([]string, 0, len(m))}
	for w := range m {
		wi.vocab = append(wi.vocab, w)
	}
	sort.Strings(wi.vocab)
	wi.postings = make([][]int32, len(wi.vocab))
	for i, w := range wi.vocab {
		wi.postings[i] = m[w]
	}
	return wi
}

// prefix returns the statements containing a word that starts with p.
func (wi wordIndex) prefix(p string) []int32 {
	lo := sort.SearchStrings(wi.vocab, p)
	var lists [][]int32
	for i := lo; i < len(wi.vocab) && strings.HasPrefix(wi.vocab[i], p); i++ {
		lists = append(lists, wi.postings[i])
	}
	if len(lists) == 0 {
		return nil
	}
	return union(lists)
}
