package corpus

import (
	"context"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/quotetrail/quotetrail/model"
)

// MergeJaccard is the least word-shingle similarity (Jaccard over 3-word
// shingles of the normalised words) for two reports to be one statement.
const MergeJaccard = 0.6

// MergeDays is how far apart, in days, two reports of one statement may be dated.
const MergeDays = 3

// MergeReports merges the same statement reported by several documents —
// an original and its spun repost, two outlets carrying one quote: the same
// speaker, near-identical words (word-shingle Jaccard ≥ MergeJaccard) and
// dates at most MergeDays apart, in different documents; an undated
// report joins the one dated statement it can be (see attachUndated). The
// merged statement keeps a dated report, the clearest (no mojibake, no
// spun vocabulary, then the longer), and lists every source. The result is in the input order of
// the statements kept; it is deterministic for a given input.
func MergeReports(docs []*model.Document, stmts []*model.Statement) []*model.Statement {
	return applyMerge(stmts, mergeGroups(docs, stmts))
}

// mergeGroups returns the groups of two or more statements that report one
// statement, by index into stmts: the clearest report first, the others
// in document order. Groups are ordered by their smallest index.
func mergeGroups(docs []*model.Document, stmts []*model.Statement) [][]int32 {
	if len(stmts) < 2 {
		return nil
	}
	docOrder := map[string]int{}
	for i, d := range docs {
		docOrder[d.ID] = i
	}
	shingles := make([][]uint64, len(stmts))
	norms := make([]string, len(stmts))
	for i, s := range stmts {
		w := normWords(s.Text)
		norms[i] = strings.Join(w, " ")
		shingles[i] = shingleSet(w)
	}
	// union-find over pairs of the same speaker in different documents
	parent := make([]int, len(stmts))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int) {
		if ri, rj := find(i), find(j); ri != rj {
			if ri < rj {
				parent[rj] = ri
			} else {
				parent[ri] = rj
			}
		}
	}
	// A statement repeated word for word in one document (same speaker and
	// date) pairs with exactly the statements its first occurrence pairs
	// with, so only the first looks for pairs and the repeats follow it
	// into its group. Without this, an article repeating one quote 20,000
	// times (a hostile 2 MB line) made 2·10⁸ candidate pairs.
	type repeatKey struct {
		doc, speaker, norm string
		date               [2]int64
	}
	first := make([]int, len(stmts))
	firstOf := map[repeatKey]int{}
	for i, s := range stmts {
		k := repeatKey{s.Doc, s.Speaker, norms[i], [2]int64{s.Date.Earliest.Unix(), s.Date.Latest.Unix()}}
		if !s.Date.Known() {
			k.date = [2]int64{}
		}
		if f, ok := firstOf[k]; ok {
			first[i] = f
		} else {
			firstOf[k] = i
			first[i] = i
		}
	}
	joined := make([]bool, len(stmts))
	link := func(i, j int) {
		union(i, j)
		joined[i], joined[j] = true, true
	}
	linkReports(stmts, norms, shingles, first, find, link)
	linkTranscriptQuotes(stmts, norms, shingles, first, find, link)
	for i, f := range first {
		if f != i && joined[f] {
			union(i, f)
		}
	}
	byRoot := map[int][]int32{} // union keeps the smallest index as root
	for i := range stmts {
		r := find(i)
		byRoot[r] = append(byRoot[r], int32(i))
	}
	var groups [][]int32
	for i := range stmts {
		g := byRoot[i]
		if len(g) < 2 {
			continue
		}
		best, bestKey := 0, clarity(stmts[g[0]], norms[g[0]], docOrder)
		for k := 1; k < len(g); k++ {
			if ck := clarity(stmts[g[k]], norms[g[k]], docOrder); ck.less(bestKey) {
				best, bestKey = k, ck
			}
		}
		rest := make([]int32, 0, len(g))
		rest = append(rest, g[best])
		rest = append(rest, g[:best]...)
		rest = append(rest, g[best+1:]...)
		sort.SliceStable(rest[1:], func(x, y int) bool {
			a, b := stmts[rest[1+x]], stmts[rest[1+y]]
			if docOrder[a.Doc] != docOrder[b.Doc] {
				return docOrder[a.Doc] < docOrder[b.Doc]
			}
			return a.Span.Start < b.Span.Start
		})
		groups = append(groups, rest)
	}
	return groups
}

// applyMerge merges each group into its first statement: the others are
// dropped, their sources added, and a rule names them.
func applyMerge(stmts []*model.Statement, groups [][]int32) []*model.Statement {
	if len(groups) == 0 {
		return stmts
	}
	drop := make([]bool, len(stmts))
	// the groups are disjoint, so they are merged in parallel
	_ = parallel(context.Background(), len(groups), runtime.GOMAXPROCS(0), func(k int) {
		g := groups[k]
		rep := stmts[g[0]]
		sources := make([]string, 0, len(g)+len(rep.Sources))
		var seen map[string]bool // only for large groups: a scan does for small ones
		if len(g) > 32 {
			seen = map[string]bool{}
		}
		add := func(id string) {
			if seen != nil {
				if !seen[id] {
					seen[id] = true
					sources = append(sources, id)
				}
			} else if !slices.Contains(sources, id) {
				sources = append(sources, id)
			}
		}
		for _, id := range rep.Sources {
			add(id)
		}
		others := make([]string, 0, len(g)-1)
		for _, i := range g[1:] {
			for _, id := range stmts[i].Sources {
				add(id)
			}
			others = append(others, stmts[i].ID)
			drop[i] = true
		}
		merged := *rep
		merged.Sources = sources
		if merged.Question == "" { // an answer keeps the question it answers
			for _, i := range g[1:] {
				if q := stmts[i]; q.Question != "" {
					merged.Question, merged.QuestionSpan, merged.QuestionDoc = q.Question, q.QuestionSpan, q.QuestionDoc
					break
				}
			}
		}
		merged.Rules = append(append([]string(nil), rep.Rules...), "merge:same statement as "+strings.Join(others, ", "))
		stmts[g[0]] = &merged
	})
	out := make([]*model.Statement, 0, len(stmts))
	for i, s := range stmts {
		if !drop[i] {
			out = append(out, s)
		}
	}
	return out
}

// normWords lower-cases the words of a text and drops quotation marks and
// punctuation.
func normWords(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r))
	})
	return f
}

// shingleSet returns the 3-word shingles of w as sorted, distinct 64-bit
// hashes: comparing two sets is then a merge of two short arrays.
func shingleSet(w []string) []uint64 {
	if len(w) < 3 {
		return nil
	}
	set := make([]uint64, 0, len(w)-2)
	for i := 0; i+3 <= len(w); i++ {
		h := hashWords(fnvOffset, w[i])
		h = hashWords(h, " "+w[i+1])
		set = append(set, hashWords(h, " "+w[i+2]))
	}
	slices.Sort(set)
	return slices.Compact(set)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashWords continues an FNV-1a hash h over s.
func hashWords(h uint64, s string) uint64 {
	if h == 0 {
		h = fnvOffset
	}
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// shingleJaccard is the Jaccard similarity of two shingle sets.
func shingleJaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func similar(a, b []uint64, na, nb string) bool {
	if len(a) == 0 || len(b) == 0 {
		return na != "" && na == nb // too short for shingles: the same words
	}
	return shingleJaccard(a, b) >= MergeJaccard
}

// datesClose reports whether two statement dates can be the same occasion:
// both unknown, or their ranges at most MergeDays apart.
func datesClose(a, b model.Date) bool {
	if !a.Known() || !b.Known() {
		return !a.Known() && !b.Known()
	}
	gap := func(x, y model.Date) float64 { // days from the end of x to the start of y
		return y.Earliest.Sub(x.Latest).Hours() / 24
	}
	return gap(a, b) <= MergeDays && gap(b, a) <= MergeDays
}

var mojibakeRE = regexp.MustCompile(`[ÃÐÑâ][\x{0080}-\x{00BF}\x{0152}-\x{2122}]|\x{FFFD}`)

// unclear counts what makes a report's text worse: mojibake and the rules
// saying it was found through spun vocabulary.
func unclear(s *model.Statement) int {
	n := 2 * len(mojibakeRE.FindAllStringIndex(s.Text, -1))
	for _, r := range s.Rules {
		if strings.Contains(r, "spun") {
			n++
		}
	}
	return n
}

// clarityKey orders reports by how clear their text is, clearest first,
// dated ones before undated ones (the merged statement keeps the date of
// the report it keeps), then the record itself (a transcript's turn)
// before the articles reporting it: the fewest signs of mojibake and spun
// vocabulary, then the most words, then the earliest document and place
// in it.
type clarityKey struct {
	undated, reported          bool
	unclear, words, doc, start int
}

func clarity(s *model.Statement, norm string, docOrder map[string]int) clarityKey {
	return clarityKey{!s.Date.Known(), !fromTranscript(s), unclear(s), -wordCount(norm), docOrder[s.Doc], s.Span.Start}
}

func (a clarityKey) less(b clarityKey) bool {
	if a.undated != b.undated {
		return b.undated
	}
	if a.reported != b.reported {
		return b.reported
	}
	if a.unclear != b.unclear {
		return a.unclear < b.unclear
	}
	if a.words != b.words {
		return a.words < b.words
	}
	if a.doc != b.doc {
		return a.doc < b.doc
	}
	return a.start < b.start
}

// wordCount counts the words of a normalised text (single spaces).
func wordCount(norm string) int {
	if norm == "" {
		return 0
	}
	return strings.Count(norm, " ") + 1
}

// MinTranscriptQuote is the fewest words a report must quote from a
// transcript's statement to be another report of it.
const MinTranscriptQuote = 6

// maxQuotePostings bounds the transcript statements one 3-word shingle
// lists: a phrase every answer uses ("i would like to") finds nothing.
const maxQuotePostings = 64

// linkTranscriptQuotes links an article's report that quotes part of a
// transcript's statement word for word — the same speaker, at least
// MinTranscriptQuote words, dates close, another document — to that
// statement: a transcript turn is cut into statements longer than the
// sentence an article quotes, so their shingles are too unlike for
// linkReports. A report whose words stand in statements of two occasions
// (groups) is left apart. Only statements with first[i] == i take part,
// and nothing is done when no statement is from a transcript.
func linkTranscriptQuotes(stmts []*model.Statement, norms []string, shingles [][]uint64, first []int, find func(int) int, link func(i, j int)) {
	postings := map[uint64][]int{}
	for i, s := range stmts {
		if first[i] != i || s.Speaker == model.UnknownSpeaker || !fromTranscript(s) {
			continue
		}
		for _, h := range shingles[i] {
			if l := postings[h]; len(l) <= maxQuotePostings {
				postings[h] = append(l, i)
			}
		}
	}
	if len(postings) == 0 {
		return
	}
	for i, s := range stmts {
		if first[i] != i || s.Speaker == model.UnknownSpeaker || fromTranscript(s) || wordCount(norms[i]) < MinTranscriptQuote {
			continue
		}
		// the shingle listing the fewest statements
		var cands []int
		for _, h := range shingles[i] {
			l, ok := postings[h]
			if !ok { // words no transcript statement has
				cands = nil
				break
			}
			if len(l) <= maxQuotePostings && (cands == nil || len(l) < len(cands)) {
				cands = l
			}
		}
		target, root := -1, -1
		for _, t := range cands {
			ts := stmts[t]
			if ts.Speaker != s.Speaker || ts.Doc == s.Doc || !datesClose(ts.Date, s.Date) ||
				!strings.Contains(" "+norms[t]+" ", " "+norms[i]+" ") {
				continue
			}
			switch r := find(t); {
			case target < 0:
				target, root = t, r
			case r != root:
				target = -2 // two occasions: which one it reports is not known
			}
			if target == -2 {
				break
			}
		}
		if target >= 0 {
			link(i, target)
		}
	}
}
