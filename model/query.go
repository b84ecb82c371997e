package model

import (
	"cmp"
	"fmt"
	mbits "math/bits"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"
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
			if ms := c.SpeakerMatches(name); len(ms) > 1 {
				names := make([]string, len(ms))
				for i, m := range ms {
					names[i] = m.Name
				}
				return f, fmt.Errorf("%q could be %d speakers: %s; name one of them", name, len(ms), strings.Join(names, ", "))
			}
			return f, fmt.Errorf("no speaker %q in the corpus (try `stats` for the list)", name)
		}
		out.Speakers = append(out.Speakers, sp.Name)
	}
	return out, nil
}

// Query returns the indices (into c.Statements, ascending, so in timeline
// order) of the statements the filter selects. Speakers are matched by
// canonical name or alias; an unknown name matches nothing.
//
// Each filter field is a set of statements: one posting list of an index
// (a speaker, a topic, one word), a bitset when a field names several
// (two speakers, the words a search prefix covers) or a range of indices
// (dates: statements are in date order). The sets are intersected
// smallest first, so a query costs about the size of its smallest set and
// of the postings it unions, never a sort.
func (c *Corpus) Query(f Filter) []int {
	n := len(c.Statements)
	var sets []idSet
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
		sets = append(sets, unionSet(n, lists))
	}
	if len(f.Affiliations) > 0 {
		lists := make([][]int32, 0, len(f.Affiliations))
		for _, a := range f.Affiliations {
			lists = append(lists, c.byAffil[a])
		}
		sets = append(sets, unionSet(n, lists))
	}
	if len(f.Topics) > 0 {
		lists := make([][]int32, 0, len(f.Topics))
		for _, t := range f.Topics {
			lists = append(lists, c.byTopic[t])
		}
		sets = append(sets, unionSet(n, lists))
	}
	if len(f.Periods) > 0 {
		lists := make([][]int32, 0, len(f.Periods))
		for _, p := range f.Periods {
			lists = append(lists, c.byPeriod[p])
		}
		sets = append(sets, unionSet(n, lists))
	}
	for _, w := range queryWords(f.Query) {
		sets = append(sets, c.words.prefix(n, w))
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		lo, hi := c.dateRange(f.From, f.To)
		sets = append(sets, idSet{lo: int32(lo), hi: int32(hi), size: hi - lo, isRange: true})
	}

	if len(sets) == 0 {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	slices.SortStableFunc(sets, func(a, b idSet) int { return cmp.Compare(a.size, b.size) })
	ids := sets[0].ids()
	owned := sets[0].list == nil // ids is ours to filter in place
	for _, s := range sets[1:] {
		if len(ids) == 0 {
			break
		}
		if !owned {
			ids = append([]int32(nil), ids...)
			owned = true
		}
		ids = s.filter(ids)
	}
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = int(id)
	}
	return out
}

// dateRange returns the statements whose best date lies in [from, to], as
// the range of indices [lo, hi). Statements are sorted by date with
// undated ones last, so it is two binary searches.
func (c *Corpus) dateRange(from, to time.Time) (lo, hi int) {
	n := len(c.Statements)
	end := sort.Search(n, func(i int) bool { return c.Statements[i].Date.Value.IsZero() })
	if !from.IsZero() {
		lo = sort.Search(end, func(i int) bool { return !c.Statements[i].Date.Value.Before(from) })
	}
	hi = end
	if !to.IsZero() {
		hi = sort.Search(end, func(i int) bool { return c.Statements[i].Date.Value.After(to) })
	}
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// Counts returns how many statements each speaker has among ids.
func (c *Corpus) Counts(ids []int) map[string]int {
	out := map[string]int{}
	for _, i := range ids {
		out[c.Statements[i].Speaker]++
	}
	return out
}

// idSet is a set of statement indices, one of: a posting list (ascending,
// borrowed from an index and never changed), a bitset, or the range
// [lo, hi). size is its exact number of members.
type idSet struct {
	list    []int32
	bits    []uint64
	lo, hi  int32
	isRange bool
	size    int
}

// unionSet is the union of posting lists: the list itself when there is
// one, else a bitset over the n statements.
func unionSet(n int, lists [][]int32) idSet {
	if len(lists) == 1 {
		return idSet{list: lists[0], size: len(lists[0])}
	}
	bits := make([]uint64, (n+63)/64)
	for _, l := range lists {
		setBits(bits, l)
	}
	return bitSet(bits)
}

func setBits(bits []uint64, ids []int32) {
	for _, id := range ids {
		bits[id>>6] |= 1 << (uint(id) & 63)
	}
}

func bitSet(bits []uint64) idSet {
	size := 0
	for _, w := range bits {
		size += mbits.OnesCount64(w)
	}
	return idSet{bits: bits, size: size}
}

// ids returns the members in ascending order; for a posting list, the
// list itself.
func (s idSet) ids() []int32 {
	switch {
	case s.isRange:
		out := make([]int32, 0, s.size)
		for i := s.lo; i < s.hi; i++ {
			out = append(out, i)
		}
		return out
	case s.bits != nil:
		out := make([]int32, 0, s.size)
		for k, w := range s.bits {
			for w != 0 {
				out = append(out, int32(k<<6+mbits.TrailingZeros64(w)))
				w &= w - 1
			}
		}
		return out
	}
	return s.list
}

// filter keeps the ids (ascending) that are in s, in place.
func (s idSet) filter(ids []int32) []int32 {
	out := ids[:0]
	switch {
	case s.isRange:
		for _, id := range ids {
			if id >= s.lo && id < s.hi {
				out = append(out, id)
			}
		}
	case s.bits != nil:
		for _, id := range ids {
			if s.bits[id>>6]&(1<<(uint(id)&63)) != 0 {
				out = append(out, id)
			}
		}
	case len(s.list) <= 8*len(ids):
		// a plain merge when the two are of a size
		l := s.list
		j := 0
		for _, id := range ids {
			for j < len(l) && l[j] < id {
				j++
			}
			if j == len(l) {
				break
			}
			if l[j] == id {
				out = append(out, id)
			}
		}
	default:
		// galloping: ids is much shorter than the list
		l := s.list
		j := 0
		for _, id := range ids {
			if j >= len(l) {
				break
			}
			if l[j] < id {
				step := 1
				for j+step < len(l) && l[j+step] < id {
					j += step
					step *= 2
				}
				// l[j] < id <= l[j+step] (or the end): search between
				hi := min(j+step, len(l)-1) + 1
				j += sort.Search(hi-j, func(k int) bool { return l[j+k] >= id })
				if j >= len(l) {
					break
				}
			}
			if l[j] == id {
				out = append(out, id)
				j++
			}
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
// statements that contain it; its sorted vocabulary answers prefix
// queries. The postings of vocab[i] are all[off[i]:off[i+1]] (ascending),
// so the words sharing a prefix have their postings side by side.
type wordIndex struct {
	vocab []string // sorted
	off   []int32
	all   []int32
}

// buildWordIndex indexes the words of stmts: one worker per processor
// indexes a run of the statements, and the runs' sorted vocabularies are
// merged, each word's postings in run order.
func buildWordIndex(stmts []*Statement) wordIndex {
	return wordIndexOf(stmts, workers(len(stmts), 20_000))
}

// wordIndexOf is buildWordIndex with nw runs.
func wordIndexOf(stmts []*Statement, nw int) wordIndex {
	runs := make([]wordRun, nw)
	parallel(nw, func(w int) {
		runs[w] = indexWords(stmts, len(stmts)*w/nw, len(stmts)*(w+1)/nw)
	})
	total, most := 0, 0
	for _, r := range runs {
		total += r.total
		most += len(r.words)
	}
	wi := wordIndex{vocab: make([]string, 0, most), off: make([]int32, 1, most+1), all: make([]int32, 0, total)}
	next := make([]int, nw) // each run's next word, in its order
	for {
		var w string
		found := false
		for k, r := range runs {
			if next[k] < len(r.order) {
				if rw := r.words[r.order[next[k]]]; !found || rw < w {
					w, found = rw, true
				}
			}
		}
		if !found {
			break
		}
		for k, r := range runs {
			if next[k] < len(r.order) && r.words[r.order[next[k]]] == w {
				wi.all = append(wi.all, r.postings[r.order[next[k]]]...)
				next[k]++
			}
		}
		wi.vocab = append(wi.vocab, w)
		wi.off = append(wi.off, int32(len(wi.all)))
	}
	return wi
}

// wordRun is the word index of a run of statements: words in the order
// they first occur, their postings, and the words' sorted order.
type wordRun struct {
	words    []string
	postings [][]int32
	order    []int32
	total    int // Σ len(postings)
}

// indexWords indexes the words of statements lo…hi−1.
func indexWords(stmts []*Statement, lo, hi int) wordRun {
	ids := map[string]int32{}
	var (
		r    wordRun
		last []int32 // the last statement each word was posted for
		buf  []byte
	)
	var cur int32
	add := func(w string) {
		x, ok := ids[w]
		if !ok {
			x = int32(len(r.words))
			w = strings.Clone(w)
			ids[w] = x
			r.words = append(r.words, w)
			r.postings = append(r.postings, nil)
			last = append(last, -1)
		}
		if last[x] != cur {
			last[x] = cur
			r.postings[x] = append(r.postings[x], cur)
			r.total++
		}
	}
	for i := lo; i < hi; i++ {
		cur = int32(i)
		buf = eachWord(stmts[i].Text, buf, add)
		buf = eachWord(stmts[i].Speaker, buf, add)
	}
	r.order = make([]int32, len(r.words))
	for i := range r.order {
		r.order[i] = int32(i)
	}
	slices.SortFunc(r.order, func(a, b int32) int { return strings.Compare(r.words[a], r.words[b]) })
	return r
}

// eachWord calls fn with each word of text, split and normalised exactly
// as Words does, without allocating for a word already in lower-case
// ASCII. The word passed may be in buf (returned, for reuse): fn must copy
// it to keep it.
func eachWord(text string, buf []byte, fn func(w string)) []byte {
	start := -1
	ascii, upper := true, false
	emit := func(end int) {
		raw := text[start:end]
		switch {
		case !ascii:
			fn(normWord(raw))
		case upper || raw[len(raw)-1] == '\'':
			buf = append(buf[:0], raw...)
			for k, c := range buf {
				if 'A' <= c && c <= 'Z' {
					buf[k] = c + 'a' - 'A'
				}
			}
			for len(buf) > 0 && buf[len(buf)-1] == '\'' {
				buf = buf[:len(buf)-1]
			}
			fn(unsafeString(buf))
		default:
			fn(raw)
		}
		start = -1
	}
	for i := 0; i < len(text); {
		c := text[i]
		var word bool
		size := 1
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' && start >= 0
			if word && start < 0 {
				start, ascii, upper = i, true, false
			}
			if word && 'A' <= c && c <= 'Z' {
				upper = true
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' && start >= 0
			if word {
				if start < 0 {
					start, upper = i, false
				}
				ascii = false
			}
		}
		if !word && start >= 0 {
			emit(i)
		}
		i += size
	}
	if start >= 0 {
		emit(len(text))
	}
	return buf
}

// unsafeString views b as a string without copying; the string is valid
// only until b changes.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// prefix returns the statements (of n) containing a word that starts
// with p.
func (wi wordIndex) prefix(n int, p string) idSet {
	lo := sort.SearchStrings(wi.vocab, p)
	hi := lo
	for hi < len(wi.vocab) && strings.HasPrefix(wi.vocab[hi], p) {
		hi++
	}
	switch hi - lo {
	case 0:
		return idSet{}
	case 1:
		l := wi.all[wi.off[lo]:wi.off[hi]]
		return idSet{list: l, size: len(l)}
	}
	bits := make([]uint64, (n+63)/64)
	setBits(bits, wi.all[wi.off[lo]:wi.off[hi]])
	return bitSet(bits)
}
