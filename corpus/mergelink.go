package corpus

// mergelink.go finds the reports of one statement without comparing every
// pair of statements (see MergeReports).

import (
	"cmp"
	"math"
	"slices"

	"github.com/quotetrail/quotetrail/model"
)

// linkReports calls link(i, j) for enough pairs of reports of one
// statement that the groups they make are those every such pair makes:
// the same known speaker, similar words (similar), dates close
// (datesClose), different documents. Only statements with first[i] == i
// take part.
//
// Comparing every pair is quadratic, and a quote a speaker repeats, or one
// a hundred outlets carry, makes large sets of reports with the same
// words. So reports with the same speaker and normalised words form a
// class; classes that can be similar are found by prefix filtering
// (mergeCandidates); and the reports of a class, and of two similar
// classes, are linked by one sweep in date order (sweepReports).
func linkReports(stmts []*model.Statement, norms []string, shingles [][]uint64, first []int, find func(int) int, link func(i, j int)) {
	type classKey struct{ speaker, norm string }
	classOf := map[classKey]int{}
	var classes [][]int // members, in input order
	for i, s := range stmts {
		if s.Speaker == model.UnknownSpeaker || first[i] != i {
			continue // an unknown speaker is not "the same speaker"
		}
		if len(shingles[i]) == 0 && norms[i] == "" {
			continue // no words to compare
		}
		k := classKey{s.Speaker, norms[i]}
		c, ok := classOf[k]
		if !ok {
			c = len(classes)
			classOf[k] = c
			classes = append(classes, nil)
		}
		classes[c] = append(classes[c], i)
	}
	reps := make([]int, len(classes))
	for c, members := range classes {
		reps[c] = members[0]
		sweepReports(stmts, members, nil, find, link)
	}
	near := make([][]int, len(classes)) // the similar classes of each
	mergeCandidates(stmts, shingles, norms, reps, func(a, b int) {
		ra, rb := reps[a], reps[b]
		if similar(shingles[ra], shingles[rb], norms[ra], norms[rb]) {
			sweepReports(stmts, classes[a], classes[b], find, link)
			near[a], near[b] = append(near[a], b), append(near[b], a)
		}
	})
	attachUndated(stmts, classes, near, find, link)
}

// attachUndated links an undated group of reports to the one dated group
// they can be: an article without a date that carries a dated quote is
// another report of it. A group of undated reports (each with its class,
// classes, and near, the classes similar to each) joins the dated group
// when the dated reports similar to any of its reports are all in that one
// group and at least one of them is in another document than the report;
// when they are in two groups or more, which occasion it reports is not
// known, and it stays apart.
func attachUndated(stmts []*model.Statement, classes [][]int, near [][]int, find func(int) int, link func(i, j int)) {
	// Of each class's neighbourhood (itself and near): its dated groups,
	// up to two, each with up to two of its documents and a report.
	type datedGroup struct {
		root, report int
		docs         [2]string
		n            int
	}
	const ambiguous = -1
	target := map[int]int{} // undated group's root → a dated report, or ambiguous
	var groups []datedGroup
	for c, members := range classes {
		if !slices.ContainsFunc(members, func(i int) bool { return !stmts[i].Date.Known() }) {
			continue
		}
		groups = groups[:0]
	scan:
		for _, cc := range append([]int{c}, near[c]...) {
			for _, j := range classes[cc] {
				if !stmts[j].Date.Known() {
					continue
				}
				r, doc := find(j), stmts[j].Doc
				k := slices.IndexFunc(groups, func(g datedGroup) bool { return g.root == r })
				if k < 0 {
					if len(groups) == 2 {
						break scan // two groups are as many as three
					}
					groups = append(groups, datedGroup{root: r, report: j})
					k = len(groups) - 1
				}
				g := &groups[k]
				if g.n < 2 && (g.n == 0 || g.docs[0] != doc) {
					g.docs[g.n] = doc
					g.n++
				}
			}
		}
		for _, u := range members {
			if stmts[u].Date.Known() || len(groups) == 0 {
				continue
			}
			ru := find(u)
			t, seen := target[ru]
			switch {
			case len(groups) > 1:
				target[ru] = ambiguous
			case groups[0].n == 1 && groups[0].docs[0] == stmts[u].Doc:
				// only its own document: nothing to join
			case !seen:
				target[ru] = groups[0].report
			case t != ambiguous && find(t) != groups[0].root:
				target[ru] = ambiguous
			}
		}
	}
	roots := make([]int, 0, len(target))
	for ru := range target {
		roots = append(roots, ru)
	}
	slices.Sort(roots) // a deterministic order of links
	for _, ru := range roots {
		if j := target[ru]; j != ambiguous {
			link(ru, j)
		}
	}
}

// sweepItem is one report in a sweep.
type sweepItem struct {
	i       int
	side    int   // 0: the first list, 1: the second
	start   int64 // first possible day, Unix seconds
	reach   int64 // last possible day plus MergeDays
	undated bool
	doc     string
	order   int
}

// reachOf is how far the reports of one document in a group reach.
type reachOf struct {
	doc string
	at  int64
}

// sweepGroup is reports of one side of a sweep already known to be in one
// group: its two furthest reaches from distinct documents tell whether a
// report reaches one of them from another document.
type sweepGroup struct {
	member int
	top    [2]reachOf // top[0].at ≥ top[1].at; top[1].doc != top[0].doc
	n      int        // how many of top are set
}

// offer adds a report's reach to the group.
func (g *sweepGroup) offer(r reachOf) {
	switch {
	case g.n == 0:
		g.top[0], g.n = r, 1
	case r.doc == g.top[0].doc:
		g.top[0].at = max(g.top[0].at, r.at)
	case r.at > g.top[0].at:
		// the old first is the furthest of the documents other than r's
		g.top[1], g.top[0], g.n = g.top[0], r, 2
	case g.n == 1 || r.at > g.top[1].at:
		g.top[1], g.n = r, 2
	}
}

// meets reports whether a report of doc, whose earliest day is start,
// reaches a report of the group from another document. Undated reports
// (start and reaches 0) meet any other document's.
func (g *sweepGroup) meets(doc string, start int64) bool {
	if g.top[0].doc != doc {
		return g.top[0].at >= start
	}
	return g.n == 2 && g.top[1].at >= start
}

// sweepReports links reports by their dates. With b nil it links the
// reports of a among themselves; otherwise it links reports of a with
// reports of b (not a with a, nor b with b). Two reports link when their
// documents differ and their dates are close. Taken in order of their
// first possible day, a report is close to an earlier one exactly when it
// starts no later than the earlier one's reach. Reports of a side already
// in one group are kept together, summed up by their two furthest reaches
// of distinct documents, so a report meets each group once and groups out
// of reach are dropped: a sweep costs about the reports times the groups
// in reach, not the square of the reports.
func sweepReports(stmts []*model.Statement, a, b []int, find func(int) int, link func(i, j int)) {
	var items []sweepItem
	add := func(list []int, side int) {
		for _, i := range list {
			s := stmts[i]
			it := sweepItem{i: i, side: side, doc: s.Doc, order: len(items)}
			if s.Date.Known() {
				it.start = s.Date.Earliest.Unix()
				it.reach = s.Date.Latest.Unix() + MergeDays*86400
			} else {
				it.undated = true // undated reports meet only each other
			}
			items = append(items, it)
		}
	}
	add(a, 0)
	if b != nil {
		add(b, 1)
	}
	if len(items) < 2 {
		return
	}
	slices.SortFunc(items, func(x, y sweepItem) int {
		if x.undated != y.undated {
			if x.undated {
				return -1
			}
			return 1
		}
		if x.start != y.start {
			return cmp.Compare(x.start, y.start)
		}
		return cmp.Compare(x.order, y.order)
	})
	var open [2][]*sweepGroup
	undated := true
	var hit []*sweepGroup
	for _, x := range items {
		if x.undated != undated { // from the undated to the dated: afresh
			undated = x.undated
			open = [2][]*sweepGroup{}
		}
		other := x.side
		if b != nil {
			other = 1 - x.side
		}
		// drop the groups no later report can reach
		for side := range open {
			keep := open[side][:0]
			for _, g := range open[side] {
				if g.top[0].at >= x.start {
					keep = append(keep, g)
				}
			}
			open[side] = keep
		}
		hit = hit[:0]
		for _, g := range open[other] {
			if g.meets(x.doc, x.start) {
				hit = append(hit, g)
				link(x.i, g.member)
			}
		}
		r := reachOf{x.doc, x.reach}
		if b == nil && len(hit) > 0 {
			// the groups met and x are one group now
			merged := &sweepGroup{member: x.i}
			merged.offer(r)
			keep := open[x.side][:0]
			for _, g := range open[x.side] {
				if slices.Contains(hit, g) {
					for k := range g.n {
						merged.offer(g.top[k])
					}
					continue
				}
				keep = append(keep, g)
			}
			open[x.side] = append(keep, merged)
			continue
		}
		// x joins a group of its side it is already grouped with, if any
		root := find(x.i)
		joined := false
		for _, g := range open[x.side] {
			if find(g.member) == root {
				g.offer(r)
				joined = true
				break
			}
		}
		if !joined {
			g := &sweepGroup{member: x.i}
			g.offer(r)
			open[x.side] = append(open[x.side], g)
		}
	}
}

// mergeCandidates calls fn(a, b), a < b, with the pairs of reps (indexes
// into stmts, one report of each class) by the same known speaker that
// can reach MergeJaccard, without comparing every pair. It is prefix
// filtering with two shared tokens (ℓ = 2): with each shingle set ordered
// rarest first and J(x, y) ≥ t, the overlap o ≥ ⌈t·|x|⌉, so the first two
// shared shingles both lie in x's first |x| − ⌈t·|x|⌉ + 2 (and likewise in
// y's): pairs sharing fewer than two of those cannot be similar. Sets of
// one shingle need one. Reports too short for shingles are candidates
// when their words are identical. Each pair comes once, in a
// deterministic order (by b, then by the order its prefix found a). Lists
// longer than maxPostings keep their latest entries only.
func mergeCandidates(stmts []*model.Statement, shingles [][]uint64, norms []string, reps []int, fn func(a, b int)) {
	freq := map[uint64]int32{}
	for _, i := range reps {
		for _, k := range shingles[i] {
			freq[k]++
		}
	}
	type key struct {
		speaker string
		token   uint64
	}
	index := map[key][]int32{}
	// shared[a] counts the prefix shingles class a shares with the class
	// being looked up; stamp[a] == b+1 says the count is for class b
	shared := make([]int32, len(reps))
	stamp := make([]int, len(reps))
	var found []int32
	need := func(n int) int32 { // shared prefix shingles a pair needs
		if n >= 2 {
			return 2
		}
		return 1
	}
	type ranked struct {
		freq int32
		tok  uint64
	}
	var all []ranked
	for b, i := range reps {
		s := stmts[i]
		if s.Speaker == model.UnknownSpeaker {
			continue
		}
		var prefix []ranked
		n := len(shingles[i])
		if n == 0 {
			if norms[i] == "" {
				continue
			}
			prefix = []ranked{{0, hashWords(0, "\x00"+norms[i])}}
		} else {
			all = all[:0]
			for _, k := range shingles[i] {
				all = append(all, ranked{freq[k], k})
			}
			slices.SortFunc(all, func(x, y ranked) int {
				if x.freq != y.freq {
					return int(x.freq - y.freq)
				}
				return cmp.Compare(x.tok, y.tok)
			})
			p := n - int(math.Ceil(MergeJaccard*float64(n))) + int(need(n))
			prefix = all[:max(1, min(p, n))]
		}
		found = found[:0]
		for _, tok := range prefix {
			for _, a := range index[key{s.Speaker, tok.tok}] {
				if stamp[a] != b+1 {
					stamp[a], shared[a] = b+1, 0
					found = append(found, a)
				}
				shared[a]++
			}
		}
		nb := float64(n)
		for _, a := range found {
			na := float64(len(shingles[reps[a]]))
			if shared[a] < min(need(int(na)), need(n)) {
				continue
			}
			// J ≥ t needs t·|larger| ≤ |smaller|
			if MergeJaccard*max(na, nb) <= min(na, nb) || na == 0 && nb == 0 {
				fn(int(a), b)
			}
		}
		for _, tok := range prefix {
			k := key{s.Speaker, tok.tok}
			if l := index[k]; len(l) >= maxPostings {
				// keep the most recent: drop the oldest half
				index[k] = append(l[:0], l[len(l)/2:]...)
			}
			index[k] = append(index[k], int32(b))
		}
	}
}

// maxPostings bounds how many earlier classes of one speaker a shingle
// leads to. Prefix filtering is exact, but a phrase a speaker uses in
// thousands of different statements makes a long list for every one of
// them to scan: at 100,000 articles that took minutes. Past the bound
// the older half is dropped, so a variant of a statement is compared with
// the latest classes that share its rarest shingles. The reports of one
// statement with the same words are a class and are never lost to this.
const maxPostings = 64
