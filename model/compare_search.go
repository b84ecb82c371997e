package model

import (
	"math"
	"runtime"
	"slices"
)

// The candidate search of the pairing (compare.go): each side's TF-IDF
// vectors and champion postings, and for every statement the best
// PairCandidates of the other side with their exact similarity.
//
// It is laid out for speed at a hundred thousand statements a side, where
// a statement gathers scores from some 2,500 postings: vectors and
// postings are flat arrays, and statements are searched by one worker per
// processor, each with its own accumulators, a block of statements at a
// time; the edges come out in the same order whatever the workers did.
// The scores are those of a single pass, bit for bit: each statement sums
// its terms' products in float32 in the order of its terms, as the
// champion-list search is defined.

// pairSide is one side prepared for pairing.
type pairSide struct {
	ids []int
	// Statement d's vector is vterm/vw[vstart[d]:vend[d]], sorted by term.
	vterm        []int32
	vw           []float64
	vstart, vend []int32
	// The champion postings of term x are pdoc/pw[poff[x]:poff[x+1]], by doc
	// (doc: the statement's index on the side).
	poff []int32
	pdoc []int32
	pw   []float32
	pmax []float32 // by term: the greatest weight of its postings
	attr []pairAttr
	// quoted is attr's quoted alone, small enough to stay in cache
	quoted []int8
}

// pairAttr is what the bonuses of pairFactor look at.
type pairAttr struct {
	topics  uint64 // topic bits (see bonuses)
	speaker int32  // speaker number, -1 for unknown
	quoted  int8   // quotedness of the kind, see quotedness
}

func (s *pairSide) vec(d int32) tfidf {
	lo, hi := s.vstart[d], s.vend[d]
	return tfidf{s.vterm[lo:hi], s.vw[lo:hi]}
}

// bonuses numbers the speakers and topics of the compared statements so
// that the bonus of a candidate costs two integer tests.
type bonuses struct {
	speakers map[string]int32
	topics   map[string]int
	wide     bool // more than 64 topics: test shared topics by name
	// a topic named "": sharedTopic stops at it, so the exact scores test
	// shared topics by name
	unnamed bool
}

func (bn *bonuses) speaker(s *Statement) int32 {
	if s.Speaker == "" || s.Speaker == UnknownSpeaker {
		return -1
	}
	x, ok := bn.speakers[s.Speaker]
	if !ok {
		x = int32(len(bn.speakers))
		bn.speakers[s.Speaker] = x
	}
	return x
}

func (bn *bonuses) topicBits(s *Statement) uint64 {
	var m uint64
	for _, t := range s.Topics {
		if t.Topic == "" {
			bn.unnamed = true
		}
		x, ok := bn.topics[t.Topic]
		if !ok {
			x = len(bn.topics)
			bn.topics[t.Topic] = x
		}
		if x >= 64 {
			bn.wide = true
			continue
		}
		m |= 1 << x
	}
	return m
}

// buildPairSide computes the vectors of the statements ids and the
// champion postings of their terms; idf is by unigram.
func buildPairSide(c *Corpus, ti *textIndex, ids []int, idf []float64, bn *bonuses) *pairSide {
	n := len(ids)
	s := &pairSide{ids: ids, attr: make([]pairAttr, n), quoted: make([]int8, n), vstart: make([]int32, n), vend: make([]int32, n)}
	for d, i := range ids {
		st := c.Statements[i]
		s.attr[d] = pairAttr{topics: bn.topicBits(st), speaker: bn.speaker(st), quoted: quotedness(st.Kind)}
		s.quoted[d] = s.attr[d].quoted
	}
	// room for each vector: its statement's unigrams
	var m int32
	for d, i := range ids {
		s.vstart[d] = m
		m += ti.uniEnd[i] - ti.off[i]
	}
	s.vterm, s.vw = make([]int32, m), make([]float64, m)
	nw := workers(n, 4096)
	parallel(nw, func(w int) {
		var scratch []int32
		for d := n * w / nw; d < n*(w+1)/nw; d++ {
			// each occurrence as id<<1 | 1 for a content use, | 0 inside a name
			scratch = scratch[:0]
			for _, x := range ti.unigrams(ids[d]) {
				o := x<<1 | 1
				if x&nameBit != 0 {
					o = (x & featMask) << 1
				}
				scratch = append(scratch, o)
			}
			slices.Sort(scratch)
			lo := s.vstart[d]
			terms, ws := s.vterm[lo:lo:m], s.vw[lo:lo:m]
			norm := 0.0
			for k := 0; k < len(scratch); {
				x := scratch[k] >> 1
				j := k
				for j < len(scratch) && scratch[j]>>1 == x {
					j++
				}
				w := (1 + math.Log(float64(j-k))) * idf[x]
				if scratch[j-1]&1 == 0 { // only ever inside a name
					w *= NameWeight
				}
				terms = append(terms, x)
				ws = append(ws, w)
				norm += w * w
				k = j
			}
			norm = math.Sqrt(norm)
			for k := range ws {
				ws[k] /= norm
			}
			s.vend[d] = lo + int32(len(terms))
		}
	})
	s.index(len(idf), nw)
	return s
}

// index builds the champion postings: of a term in more than ChampionSize
// statements, the ChampionSize in which it weighs most (ties to the
// earlier statement), by doc.
func (s *pairSide) index(nTerms, nw int) {
	n := int32(len(s.ids))
	// every posting, by term then doc: each worker counts its docs' terms
	// and writes its postings after those of the workers before it
	cnt := make([][]int32, nw)
	parallel(nw, func(w int) {
		cnt[w] = make([]int32, nTerms)
		for d := n * int32(w) / int32(nw); d < n*int32(w+1)/int32(nw); d++ {
			for _, x := range s.vterm[s.vstart[d]:s.vend[d]] {
				cnt[w][x]++
			}
		}
	})
	all := make([]int32, nTerms+1) // term x's postings: [all[x], all[x+1])
	for x := range nTerms {
		t := all[x]
		for w := range nw {
			c := cnt[w][x]
			cnt[w][x] = t // where the worker writes next
			t += c
		}
		all[x+1] = t
	}
	doc, wt := make([]int32, all[nTerms]), make([]float32, all[nTerms])
	parallel(nw, func(w int) {
		at := cnt[w]
		for d := n * int32(w) / int32(nw); d < n*int32(w+1)/int32(nw); d++ {
			lo := s.vstart[d]
			for k, x := range s.vterm[lo:s.vend[d]] {
				doc[at[x]], wt[at[x]] = d, float32(s.vw[lo+int32(k)])
				at[x]++
			}
		}
	})
	// the champions
	s.poff = make([]int32, nTerms+1)
	for x := range nTerms {
		s.poff[x+1] = s.poff[x] + min(all[x+1]-all[x], ChampionSize)
	}
	s.pdoc, s.pw = make([]int32, s.poff[nTerms]), make([]float32, s.poff[nTerms])
	s.pmax = make([]float32, nTerms)
	nw = workers(nTerms, 1024)
	parallel(nw, func(w int) {
		var heap []champ
		for x := nTerms * w / nw; x < nTerms*(w+1)/nw; x++ {
			lo, hi, out := all[x], all[x+1], s.poff[x]
			for _, w := range wt[lo:hi] {
				s.pmax[x] = max(s.pmax[x], w)
			}
			if hi-lo <= ChampionSize {
				copy(s.pdoc[out:], doc[lo:hi])
				copy(s.pw[out:], wt[lo:hi])
				continue
			}
			// the ChampionSize-th best posting, by a heap of the best
			heap = heap[:0]
			for p := lo; p < hi; p++ {
				heap = pushChamp(heap, champ{wt[p], doc[p]})
			}
			last := heap[0]
			for p := lo; p < hi; p++ {
				if c := (champ{wt[p], doc[p]}); !c.worse(last) {
					s.pdoc[out], s.pw[out] = c.doc, c.w
					out++
				}
			}
		}
	})
}

// champ is a posting in the choice of champions.
type champ struct {
	w   float32
	doc int32
}

// worse reports whether c ranks after o as a champion: a lower weight, or
// the same weight in a later statement.
func (c champ) worse(o champ) bool {
	if c.w != o.w {
		return c.w < o.w
	}
	return c.doc > o.doc
}

// pushChamp adds c to h, a min-heap (by worse) of at most ChampionSize.
func pushChamp(h []champ, c champ) []champ {
	if len(h) < ChampionSize {
		h = append(h, c)
		for k := len(h) - 1; k > 0; {
			p := (k - 1) / 2
			if !h[k].worse(h[p]) {
				break
			}
			h[k], h[p] = h[p], h[k]
			k = p
		}
		return h
	}
	if c.worse(h[0]) {
		return h
	}
	h[0] = c
	for k := 0; ; {
		m, l, r := k, 2*k+1, 2*k+2
		if l < len(h) && h[l].worse(h[m]) {
			m = l
		}
		if r < len(h) && h[r].worse(h[m]) {
			m = r
		}
		if m == k {
			return h
		}
		h[k], h[m] = h[m], h[k]
		k = m
	}
}

// edge is a candidate pair: l and r are indices on the left and right
// sides.
type edge struct {
	sim, cos float64
	l, r     int32
}

// edgeBefore is the order edges are taken in: strongest first, then by
// statement.
func edgeBefore(a, b edge) int {
	switch {
	case a.sim != b.sim:
		if a.sim > b.sim {
			return -1
		}
		return 1
	case a.l != b.l:
		return int(a.l - b.l)
	}
	return int(a.r - b.r)
}

// searchBlock is how many statements a worker takes at a time.
const searchBlock = 256

// guessPercentile is the percentile of the last block's thresholds a
// worker guesses the next statement will reach.
const guessPercentile = 10

// candidates finds, for every statement of q, its best PairCandidates on
// side o and returns those at or above minSim (and sharing
// MinSharedTerms terms) as edges. swapped says q is the right side.
func (c *Corpus) candidates(q, o *pairSide, bn *bonuses, minSim float64, swapped bool) []edge {
	n := len(q.ids)
	blocks := make([][]edge, (n+searchBlock-1)/searchBlock)
	srs := make([]*searcher, runtime.GOMAXPROCS(0))
	eachBlock(n, searchBlock, func(w, lo, hi int) {
		if srs[w] == nil {
			srs[w] = &searcher{c: c, q: q, o: o, bn: bn, acc: make([]float32, len(o.ids)), minSim: minSim, swapped: swapped}
		}
		var out []edge
		for d := lo; d < hi; d++ {
			out = srs[w].search(int32(d), out)
		}
		blocks[lo/searchBlock] = out
	})
	return slices.Concat(blocks...)
}

// searcher is one worker of candidates.
type searcher struct {
	c     *Corpus
	q, o  *pairSide
	bn    *bonuses
	acc   []float32 // by doc of o; zero between statements
	best  []cand
	order []termBound
	cands []int32
	// guess is a similarity most statements' PairCandidates-th
	// candidate reaches (learn), 0 at first
	guess   float64
	seen    []float64
	minSim  float64
	swapped bool
}

// termBound is a term of the statement searched (k: its place in the
// vector) and the most its postings add to a score.
type termBound struct {
	k  int
	ub float32
}

type cand struct {
	doc   int32
	score float64
}

func (sr *searcher) search(d int32, edges []edge) []edge {
	q, o, acc := sr.q, sr.o, sr.acc
	v := q.vec(d)
	qa := q.attr[d]
	// the most the bonuses can give a doc of each kind, and any doc
	var most [3]float64
	for qb := range most {
		most[qb] = pairFactor(qa.speaker >= 0, qa.topics != 0 || sr.bn.wide, qa.quoted, int8(qb))
	}
	mostAll := max(most[0], most[1], most[2])
	// A doc is a candidate when its score crosses cut, below which its
	// similarity cannot reach the guess (see guess).
	cut := float32(math.Inf(1))
	if sr.guess > 0 {
		cut = math.Nextafter32(float32(sr.guess/mostAll*(1-1e-6)), 0)
	}
	// the partial scores, summed term by term
	cands := sr.cands[:0]
	for k, x := range v.terms {
		qw := float32(v.w[k])
		lo, hi := o.poff[x], o.poff[x+1]
		pw := o.pw[lo:hi]
		for i, od := range o.pdoc[lo:hi] {
			old := acc[od]
			s := old + qw*pw[i]
			acc[od] = s
			if s >= cut && old < cut {
				cands = append(cands, od)
			}
		}
	}
	sr.cands = cands
	// The best among the candidates are the best of all when there are
	// PairCandidates of them at or above the guess: every other doc is
	// below it. Else every doc touched is taken, once (its score is then
	// cleared), with the terms that add the most first, so that the best
	// fill with strong candidates early and most docs fail the first test
	// of take.
	// (a candidate below the guess whatever its bonuses can be passed
	// over: it is not among the best if they are found here)
	sr.best = sr.best[:0]
	floor, quoted := sr.guess, o.quoted
	for _, od := range cands {
		score := float64(acc[od])
		if score*most[quoted[od]] < floor {
			continue
		}
		sr.take(d, od, score, &most)
		if len(sr.best) == PairCandidates {
			floor = max(floor, sr.best[PairCandidates-1].score)
		}
	}
	if len(sr.best) == PairCandidates && sr.best[PairCandidates-1].score >= sr.guess {
		for _, x := range v.terms {
			for _, od := range o.pdoc[o.poff[x]:o.poff[x+1]] {
				acc[od] = 0
			}
		}
	} else {
		sr.best = sr.best[:0]
		order := sr.order[:0]
		for k, x := range v.terms {
			ub := float32(v.w[k]) * o.pmax[x]
			j := len(order)
			order = append(order, termBound{})
			for j > 0 && order[j-1].ub < ub {
				order[j] = order[j-1]
				j--
			}
			order[j] = termBound{k, ub}
		}
		sr.order = order
		for _, tb := range order {
			x := v.terms[tb.k]
			for _, od := range o.pdoc[o.poff[x]:o.poff[x+1]] {
				s := acc[od]
				if s == 0 {
					continue
				}
				acc[od] = 0
				sr.take(d, od, float64(s), &most)
			}
		}
	}
	best := sr.best
	sr.learn(best)
	for _, b := range best {
		lv, rv := v, o.vec(b.doc)
		l, r := d, b.doc
		if sr.swapped {
			lv, rv = rv, lv
			l, r = r, l
		}
		cos, shared := dot(lv, rv)
		L, R := q, o
		if sr.swapped {
			L, R = o, q
		}
		sim := math.Min(1, cos*sr.factor(L, R, l, r))
		if sim >= sr.minSim && shared >= MinSharedTerms {
			edges = append(edges, edge{sim: sim, cos: cos, l: l, r: r})
		}
	}
	return edges
}

func candBetter(s1 float64, d1 int32, s2 float64, d2 int32) bool {
	if s1 != s2 {
		return s1 > s2
	}
	return d1 < d2
}

// take considers doc od of o, whose score is score, for the best of
// statement d of q.
func (sr *searcher) take(d, od int32, score float64, most *[3]float64) {
	best := sr.best
	full := len(best) == PairCandidates
	if full && score*most[sr.o.quoted[od]] < best[len(best)-1].score {
		return
	}
	qa, oa := &sr.q.attr[d], &sr.o.attr[od]
	score *= pairFactor(qa.speaker >= 0 && qa.speaker == oa.speaker,
		qa.topics&oa.topics != 0 || sr.bn.wide && sharedTopic(sr.c.Statements[sr.q.ids[d]], sr.c.Statements[sr.o.ids[od]]) != "",
		qa.quoted, oa.quoted)
	if full && !candBetter(score, od, best[len(best)-1].score, best[len(best)-1].doc) {
		return
	}
	sr.best = insertCand(best, od, score)
}

// insertCand inserts doc od of score in best, in order of candBetter,
// keeping at most PairCandidates.
func insertCand(best []cand, od int32, score float64) []cand {
	k := len(best)
	best = append(best, cand{})
	for k > 0 && candBetter(score, od, best[k-1].score, best[k-1].doc) {
		best[k] = best[k-1]
		k--
	}
	best[k] = cand{od, score}
	if len(best) > PairCandidates {
		best = best[:PairCandidates]
	}
	return best
}

// learn updates the guess: the similarity of its PairCandidates-th
// candidate that most statements reach, from the last searchBlock. The
// guess only saves work: what the search finds does not depend on it.
func (sr *searcher) learn(best []cand) {
	th := 0.0
	if len(best) == PairCandidates {
		th = best[PairCandidates-1].score
	}
	sr.seen = append(sr.seen, th)
	if len(sr.seen) == searchBlock {
		slices.Sort(sr.seen)
		sr.guess = sr.seen[len(sr.seen)*guessPercentile/100]
		sr.seen = sr.seen[:0]
	}
}

// factor is bonusFactor of left statement l and right statement r.
func (sr *searcher) factor(L, R *pairSide, l, r int32) float64 {
	if sr.bn.wide || sr.bn.unnamed {
		return bonusFactor(sr.c.Statements[L.ids[l]], sr.c.Statements[R.ids[r]])
	}
	a, b := &L.attr[l], &R.attr[r]
	return pairFactor(a.speaker >= 0 && a.speaker == b.speaker, a.topics&b.topics != 0, a.quoted, b.quoted)
}

// sortEdges sorts edges by edgeBefore, in halves at once.
func sortEdges(edges []edge) {
	if len(edges) < 1<<16 || runtime.GOMAXPROCS(0) < 2 {
		slices.SortFunc(edges, edgeBefore)
		return
	}
	h := len(edges) / 2
	a, b := edges[:h], edges[h:]
	parallel(2, func(k int) { slices.SortFunc([][]edge{a, b}[k], edgeBefore) })
	out := make([]edge, 0, len(edges))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if edgeBefore(b[j], a[i]) < 0 {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(append(out, a[i:]...), b[j:]...)
	copy(edges, out)
}
