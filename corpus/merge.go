package corpus

import (
	"math"
	"regexp"
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
// dates at most MergeDays apart, in different documents. The merged
// statement keeps the clearest text (no mojibake, no spun vocabulary, then
// the longer) and lists every source. The result is in the input order of
// the statements kept; it is deterministic for a given input.
func MergeReports(docs []*model.Document, stmts []*model.Statement) []*model.Statement {
	if len(stmts) < 2 {
		return stmts
	}
	docOrder := map[string]int{}
	for i, d := range docs {
		docOrder[d.ID] = i
	}
	shingles := make([]map[string]bool, len(stmts))
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
	var find func(int) int
	find = func(i int) int {
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
	for _, c := range mergeCandidates(stmts, shingles, norms, first) {
		i, j := c[0], c[1]
		if stmts[i].Doc == stmts[j].Doc || !datesClose(stmts[i].Date, stmts[j].Date) {
			continue
		}
		if similar(shingles[i], shingles[j], norms[i], norms[j]) {
			union(i, j)
			joined[i], joined[j] = true, true
		}
	}
	for i, f := range first {
		if f != i && joined[f] {
			union(i, f)
		}
	}
	groups := map[int][]int{}
	for i := range stmts {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	drop := make([]bool, len(stmts))
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		best := g[0]
		for _, i := range g[1:] {
			if clearer(stmts[i], stmts[best], docOrder) {
				best = i
			}
		}
		rep := stmts[best]
		var sources []string
		seen := map[string]bool{}
		add := func(id string) {
			if !seen[id] {
				seen[id] = true
				sources = append(sources, id)
			}
		}
		for _, id := range rep.Sources {
			add(id)
		}
		var others []string
		rest := append([]int(nil), g...)
		sort.SliceStable(rest, func(x, y int) bool {
			a, b := stmts[rest[x]], stmts[rest[y]]
			if docOrder[a.Doc] != docOrder[b.Doc] {
				return docOrder[a.Doc] < docOrder[b.Doc]
			}
			return a.Span.Start < b.Span.Start
		})
		for _, i := range rest {
			if i == best {
				continue
			}
			for _, id := range stmts[i].Sources {
				add(id)
			}
			others = append(others, stmts[i].ID)
			drop[i] = true
		}
		merged := *rep
		merged.Sources = sources
		merged.Rules = append(append([]string(nil), rep.Rules...), "merge:same statement as "+strings.Join(others, ", "))
		stmts[best] = &merged
	}
	out := make([]*model.Statement, 0, len(stmts))
	for i, s := range stmts {
		if !drop[i] {
			out = append(out, s)
		}
	}
	return out
}

// mergeCandidates returns the pairs (i < j) of statements by the same known
// speaker that can reach MergeJaccard, without comparing every pair: with
// each shingle set ordered rarest first, two sets with Jaccard ≥ t share
// one of the first |s| − ⌈t·|s|⌉ + 1 shingles of each (prefix filtering;
// J ≥ t implies an overlap of at least t·|s|). Statements too short for
// shingles are candidates when their words are identical. The pairs are
// in a deterministic order. Only statements with first[i] == i take part.
func mergeCandidates(stmts []*model.Statement, shingles []map[string]bool, norms []string, first []int) [][2]int {
	freq := map[string]int{}
	for i, set := range shingles {
		if stmts[i].Speaker == model.UnknownSpeaker {
			continue
		}
		for k := range set {
			freq[k]++
		}
	}
	type key struct{ speaker, token string }
	index := map[key][]int{}
	var pairs [][2]int
	last := make([]int, len(stmts)) // last[j] == i+1: pair (j, i) already taken
	for i, s := range stmts {
		if s.Speaker == model.UnknownSpeaker {
			continue // an unknown speaker is not "the same speaker"
		}
		if first[i] != i {
			continue // a repeat within its document: its first occurrence stands for it
		}
		var prefix []string
		if len(shingles[i]) == 0 {
			if norms[i] == "" {
				continue
			}
			prefix = []string{"\x00" + norms[i]}
		} else {
			all := make([]string, 0, len(shingles[i]))
			for k := range shingles[i] {
				all = append(all, k)
			}
			sort.Slice(all, func(a, b int) bool {
				if freq[all[a]] != freq[all[b]] {
					return freq[all[a]] < freq[all[b]]
				}
				return all[a] < all[b]
			})
			n := len(all)
			p := n - int(math.Ceil(MergeJaccard*float64(n))) + 1
			prefix = all[:max(1, min(p, n))]
		}
		for _, tok := range prefix {
			k := key{s.Speaker, tok}
			for _, j := range index[k] {
				if last[j] != i+1 {
					last[j] = i + 1
					pairs = append(pairs, [2]int{j, i})
				}
			}
			index[k] = append(index[k], i)
		}
	}
	return pairs
}

// normWords lower-cases the words of a text and drops quotation marks and
// punctuation.
func normWords(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r))
	})
	return f
}

func shingleSet(w []string) map[string]bool {
	set := map[string]bool{}
	for i := 0; i+3 <= len(w); i++ {
		set[w[i]+" "+w[i+1]+" "+w[i+2]] = true
	}
	return set
}

// shingleJaccard is the Jaccard similarity of two shingle sets.
func shingleJaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func similar(a, b map[string]bool, na, nb string) bool {
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

// clearer reports whether statement a has the clearer text than b.
func clearer(a, b *model.Statement, docOrder map[string]int) bool {
	if ua, ub := unclear(a), unclear(b); ua != ub {
		return ua < ub
	}
	if la, lb := len(normWords(a.Text)), len(normWords(b.Text)); la != lb {
		return la > lb
	}
	if docOrder[a.Doc] != docOrder[b.Doc] {
		return docOrder[a.Doc] < docOrder[b.Doc]
	}
	return a.Span.Start < b.Span.Start
}
