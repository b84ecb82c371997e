package model

import (
	"math"
	"sort"
	"time"
)

// The comparison sets the Biden-period statements beside the Trump-period
// ones: it splits the statements at a day (split), pairs each statement
// with the one on the other side that says the most similar thing
// (pairing, this file), marks the words that changed in each pair
// (worddiff.go) and finds the terms that most distinguish each side
// (terms.go). compare_render.go writes it as JSON and Markdown.
//
// Pairing. Each statement is a TF-IDF vector over its content words (the
// stemmed unigrams of terms.go): weight (1 + ln tf) · idf with
// idf = ln((1+N)/df) over the N compared statements (unsmoothed, so words
// on every other statement — "Russia", "US" — count for little), the words
// of speakers' names at NameWeight, L2-normalised.
// The similarity of two statements is their cosine, raised for the same
// (known) speaker and for a shared topic:
//
//	similarity = min(1, cos · (1 + SpeakerBonus·[same speaker] + TopicBonus·[shared topic]))
//
// so the bonuses rank near-equal candidates but never make a pair out of
// statements with no words in common; two statements must also share
// MinSharedTerms content words. Candidates come from an inverted
// index of each side's terms, never from all pairs: every statement
// gathers partial scores from the postings of its terms (for a term in
// more than ChampionSize statements, only the ChampionSize in which it
// weighs most — the "champion lists" of Manning, Raghavan & Schütze,
// Introduction to Information Retrieval §7.1.3; exact whenever no term is
// that common), and its best PairCandidates get their exact similarity.
// Candidate edges from both directions are then taken greedily, strongest
// first (ties by statement order), each statement used once, down to the
// threshold. A statement left over whose best counterpart was taken by a
// stronger pair is then paired with it all the same, marked Again (two
// reports of one remark in 2021 both meet the same remark of 2024); what
// has no counterpart above the threshold is unpaired on its side.

// Tuning constants of the pairing.
const (
	// DefaultMinSimilarity is the weakest similarity that still makes a pair.
	DefaultMinSimilarity = 0.12
	// SpeakerBonus raises the similarity of two statements by the same speaker.
	SpeakerBonus = 0.25
	// TopicBonus raises the similarity of two statements sharing a topic.
	TopicBonus = 0.15
	// ChampionSize caps the postings a term contributes to candidate search.
	ChampionSize = 128
	// PairCandidates is how many candidates per statement get an exact score.
	PairCandidates = 8
	// MinSharedTerms is how many content words two statements must share to
	// pair: one word in common ("possible", "war") is not a shared subject.
	MinSharedTerms = 2
	// NameWeight scales the weight of the words of speakers' names
	// ("Vladimir", "Putin"): pairs are about what is said, and who is
	// speaking counts through SpeakerBonus.
	NameWeight = 0.5
)

// Comparison sets the Biden-period statements beside the Trump-period ones.
type Comparison struct {
	Split         Split
	Left, Right   CompareSide // Left: Biden period; Right: Trump period
	Pairs         []Pair      // grouped by topic, strongest first
	UnpairedLeft  []int       // statement indices with no counterpart, timeline order
	UnpairedRight []int
}

// CompareSide is one side of a comparison.
type CompareSide struct {
	Side     Side
	Label    string    // "Biden period"
	From, To time.Time // the side's days (To zero: open)
	IDs      []int     // statement indices on this side, timeline order
	// Terms are the terms that most distinguish this side, most distinctive
	// first: on the left the highest z, on the right the most negative.
	Terms []Term
}

// Term is a distinctive term with its weighted log-odds z-score and its
// counts on each side. Z is positive when the term leans to the left
// (Biden) side, negative when it leans right (Trump).
type Term struct {
	Term       string // as most often written: "political will"
	Key        string // stemmed key: "polit will" (for WithTerm)
	Z          float64
	LeftCount  int
	RightCount int
}

// Pair is a statement on the left matched with the most similar one on the right.
type Pair struct {
	Left, Right int     // statement indices
	Similarity  float64 // cosine with the speaker and topic bonuses, 0…1
	Cosine      float64 // the TF-IDF cosine alone
	Topic       string  // the shared topic, else the left's (or right's) first, else ""
	// Again is set when one of the two statements is also in a stronger
	// pair: its best counterpart was taken, and it is shown beside it anyway.
	Again bool
	Diff  []DiffOp
}

// DiffOp is a run of words in a word-level diff: Op is '=' (shared), '-'
// (left only) or '+' (right only). Text holds the words as written, without
// surrounding white space; runs are read joined by one space.
type DiffOp struct {
	Op   byte
	Text string
	// Alt is, for a '=' run, the right side's spelling when it differs from
	// Text (the left's) in case or punctuation; see DiffSide.
	Alt string
}

// CompareOptions tune the comparison.
type CompareOptions struct {
	MinSimilarity float64 // 0 means DefaultMinSimilarity
	TopTerms      int     // 0 means DefaultTopTerms
	// LazyDiff leaves Pair.Diff nil, for a view that diffs only the pairs
	// on screen (with WordDiff or Corpus.PairDiff); word diffs are most of
	// the cost of a large comparison.
	LazyDiff bool
}

// Compare splits the statements ids (indices into c.Statements, usually a
// filtered timeline) at the split and pairs and contrasts the two sides.
// Statements before 2021-01-20 and undated ones are outside and left out.
func (c *Corpus) Compare(ids []int, split Split, opt CompareOptions) *Comparison {
	if opt.MinSimilarity <= 0 {
		opt.MinSimilarity = DefaultMinSimilarity
	}
	if opt.TopTerms <= 0 {
		opt.TopTerms = DefaultTopTerms
	}
	day := split.Time()
	cmp := &Comparison{
		Split: split,
		Left:  CompareSide{Side: SideBiden, Label: "Biden period", From: Inauguration2021, To: day.AddDate(0, 0, -1)},
		Right: CompareSide{Side: SideTrump, Label: "Trump period", From: day},
	}
	sorted := append([]int(nil), ids...)
	sort.Ints(sorted)
	for k, i := range sorted {
		if i < 0 || i >= len(c.Statements) || k > 0 && sorted[k-1] == i {
			continue
		}
		switch split.SideOf(c.Statements[i].Date) {
		case SideBiden:
			cmp.Left.IDs = append(cmp.Left.IDs, i)
		case SideTrump:
			cmp.Right.IDs = append(cmp.Right.IDs, i)
		}
	}
	ti := c.texts()
	cmp.Left.Terms, cmp.Right.Terms = distinctiveTerms(ti, cmp.Left.IDs, cmp.Right.IDs, opt.TopTerms)
	cmp.Pairs = c.pairSides(ti, cmp.Left.IDs, cmp.Right.IDs, opt.MinSimilarity)
	if !opt.LazyDiff {
		for k := range cmp.Pairs {
			cmp.Pairs[k].Diff = c.PairDiff(cmp.Pairs[k])
		}
	}
	cmp.UnpairedLeft, cmp.UnpairedRight = unpaired(cmp.Left.IDs, cmp.Pairs, true), unpaired(cmp.Right.IDs, cmp.Pairs, false)
	return cmp
}

// PairDiff returns the word diff of a pair's two statements.
func (c *Corpus) PairDiff(p Pair) []DiffOp {
	return WordDiff(c.Statements[p.Left].Text, c.Statements[p.Right].Text)
}

func unpaired(ids []int, pairs []Pair, left bool) []int {
	used := make(map[int]bool, len(pairs))
	for _, p := range pairs {
		if left {
			used[p.Left] = true
		} else {
			used[p.Right] = true
		}
	}
	out := []int{}
	for _, i := range ids {
		if !used[i] {
			out = append(out, i)
		}
	}
	return out
}

// tfidf is a sparse, L2-normalised vector sorted by term id.
type tfidf struct {
	terms []int32
	w     []float64
}

type posting struct {
	doc int32 // index into the side
	w   float32
}

// pairSide is one side prepared for pairing.
type pairSide struct {
	ids     []int
	vecs    []tfidf
	index   [][]posting // term id → champion postings, by doc
	speaker []int32     // speaker number, -1 for unknown
	topics  []uint64    // topic bits (see bonuses)
}

// bonuses numbers the speakers and topics of the compared statements so
// that the bonus of a candidate costs two integer tests.
type bonuses struct {
	speakers map[string]int32
	topics   map[string]int
	wide     bool // more than 64 topics: test shared topics by name
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

func (c *Corpus) pairSides(ti *textIndex, left, right []int, minSim float64) []Pair {
	if len(left) == 0 || len(right) == 0 {
		return nil
	}
	// document frequencies over both sides
	df := make([]int32, len(ti.keys))
	stamp := make([]int32, len(ti.keys))
	var stampN int32
	for _, side := range [][]int{left, right} {
		for _, i := range side {
			stampN++
			for _, x := range ti.feats[i].unigrams() {
				if stamp[x] != stampN {
					stamp[x] = stampN
					df[x]++
				}
			}
		}
	}
	n := float64(len(left) + len(right))
	idf := func(x int32) float64 { return math.Log((1 + n) / float64(df[x])) }

	names := c.nameTerms(ti)
	weight := func(x int32) float64 {
		if names[x] {
			return NameWeight * idf(x)
		}
		return idf(x)
	}
	bn := &bonuses{speakers: map[string]int32{}, topics: map[string]int{}}
	L := buildPairSide(c, ti, left, weight, bn)
	R := buildPairSide(c, ti, right, weight, bn)

	var edges []Pair
	edges = c.candidates(L, R, bn, minSim, false, edges)
	edges = c.candidates(R, L, bn, minSim, true, edges)

	sort.Slice(edges, func(a, b int) bool {
		ea, eb := edges[a], edges[b]
		if ea.Similarity != eb.Similarity {
			return ea.Similarity > eb.Similarity
		}
		if ea.Left != eb.Left {
			return ea.Left < eb.Left
		}
		return ea.Right < eb.Right
	})
	// one to one, strongest first
	usedL := map[int]bool{}
	usedR := map[int]bool{}
	var pairs []Pair
	for _, e := range edges {
		if usedL[e.Left] || usedR[e.Right] {
			continue
		}
		usedL[e.Left], usedR[e.Right] = true, true
		pairs = append(pairs, e)
	}
	// a statement whose best counterpart went to a stronger pair still
	// shows beside it (Pair.Again): it has a counterpart above the threshold
	for _, e := range edges {
		switch {
		case !usedL[e.Left]:
			usedL[e.Left] = true
		case !usedR[e.Right]:
			usedR[e.Right] = true
		default:
			continue
		}
		e.Again = true
		pairs = append(pairs, e)
	}
	for k := range pairs {
		pairs[k].Topic = pairTopic(c.Statements[pairs[k].Left], c.Statements[pairs[k].Right])
	}
	groupPairs(pairs)
	return pairs
}

func buildPairSide(c *Corpus, ti *textIndex, ids []int, idf func(int32) float64, bn *bonuses) *pairSide {
	s := &pairSide{ids: ids, vecs: make([]tfidf, len(ids)), index: make([][]posting, len(ti.keys)),
		speaker: make([]int32, len(ids)), topics: make([]uint64, len(ids))}
	var scratch []int32
	for d, i := range ids {
		s.speaker[d] = bn.speaker(c.Statements[i])
		s.topics[d] = bn.topicBits(c.Statements[i])
		scratch = append(scratch[:0], ti.feats[i].unigrams()...)
		sort.Slice(scratch, func(a, b int) bool { return scratch[a] < scratch[b] })
		var v tfidf
		norm := 0.0
		for k := 0; k < len(scratch); {
			j := k
			for j < len(scratch) && scratch[j] == scratch[k] {
				j++
			}
			w := (1 + math.Log(float64(j-k))) * idf(scratch[k])
			v.terms = append(v.terms, scratch[k])
			v.w = append(v.w, w)
			norm += w * w
			k = j
		}
		norm = math.Sqrt(norm)
		for k := range v.w {
			v.w[k] /= norm
		}
		s.vecs[d] = v
		for k, x := range v.terms {
			s.index[x] = append(s.index[x], posting{doc: int32(d), w: float32(v.w[k])})
		}
	}
	for x, ps := range s.index {
		if len(ps) > ChampionSize {
			sort.SliceStable(ps, func(a, b int) bool { return ps[a].w > ps[b].w })
			ps = ps[:ChampionSize]
			sort.Slice(ps, func(a, b int) bool { return ps[a].doc < ps[b].doc })
			s.index[x] = ps
		}
	}
	return s
}

// candidates finds, for every statement of q, its best PairCandidates on
// side o and appends those at or above minSim as edges. swapped says q is
// the right side.
func (c *Corpus) candidates(q, o *pairSide, bn *bonuses, minSim float64, swapped bool, edges []Pair) []Pair {
	const maxFactor = 1 + SpeakerBonus + TopicBonus
	acc := make([]float32, len(o.ids))
	var touched []int32
	type cand struct {
		doc   int32
		score float64
	}
	best := make([]cand, 0, PairCandidates+1)
	for d, v := range q.vecs {
		touched = touched[:0]
		for k, x := range v.terms {
			qw := float32(v.w[k])
			for _, p := range o.index[x] {
				if acc[p.doc] == 0 {
					touched = append(touched, p.doc)
				}
				acc[p.doc] += qw * p.w
			}
		}
		best = best[:0]
		for _, od := range touched {
			score := float64(acc[od])
			acc[od] = 0
			full := len(best) == PairCandidates
			if full && score*maxFactor < best[len(best)-1].score {
				continue
			}
			f := 1.0
			if q.speaker[d] >= 0 && q.speaker[d] == o.speaker[od] {
				f += SpeakerBonus
			}
			if q.topics[d]&o.topics[od] != 0 || bn.wide && sharedTopic(c.Statements[q.ids[d]], c.Statements[o.ids[od]]) != "" {
				f += TopicBonus
			}
			score *= f
			if full && !candBetter(score, od, best[len(best)-1].score, best[len(best)-1].doc) {
				continue
			}
			// insert in order
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
		}
		for _, b := range best {
			lv, rv := v, o.vecs[b.doc]
			li, ri := q.ids[d], o.ids[b.doc]
			if swapped {
				lv, rv = rv, lv
				li, ri = ri, li
			}
			cos, shared := dot(lv, rv)
			sim := math.Min(1, cos*bonusFactor(c.Statements[li], c.Statements[ri]))
			if sim >= minSim && shared >= MinSharedTerms {
				edges = append(edges, Pair{Left: li, Right: ri, Similarity: sim, Cosine: cos})
			}
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

// dot returns the dot product of two vectors and how many terms they share.
func dot(a, b tfidf) (float64, int) {
	s, n := 0.0, 0
	i, j := 0, 0
	for i < len(a.terms) && j < len(b.terms) {
		switch {
		case a.terms[i] < b.terms[j]:
			i++
		case a.terms[i] > b.terms[j]:
			j++
		default:
			s += a.w[i] * b.w[j]
			n++
			i++
			j++
		}
	}
	return s, n
}

// nameTerms marks the feature ids that are words of speakers' names and aliases.
func (c *Corpus) nameTerms(ti *textIndex) map[int32]bool {
	out := map[int32]bool{}
	for _, sp := range c.Speakers {
		for _, name := range append([]string{sp.Name}, sp.Aliases...) {
			for _, w := range contentWords(name, nil) {
				if x, ok := ti.vocab[w.key]; ok {
					out[x] = true
				}
			}
		}
	}
	return out
}

// bonusFactor is the multiplier the speaker and topic bonuses give a cosine.
func bonusFactor(a, b *Statement) float64 {
	f := 1.0
	if a.Speaker == b.Speaker && a.Speaker != UnknownSpeaker && a.Speaker != "" {
		f += SpeakerBonus
	}
	if sharedTopic(a, b) != "" {
		f += TopicBonus
	}
	return f
}

func sharedTopic(a, b *Statement) string {
	for _, t := range a.Topics {
		if b.HasTopic(t.Topic) {
			return t.Topic
		}
	}
	return ""
}

func pairTopic(a, b *Statement) string {
	if t := sharedTopic(a, b); t != "" {
		return t
	}
	if len(a.Topics) > 0 {
		return a.Topics[0].Topic
	}
	if len(b.Topics) > 0 {
		return b.Topics[0].Topic
	}
	return ""
}

// groupPairs orders pairs by topic — the topic of the strongest pair
// first, pairs without a topic last — and strongest first within a topic.
func groupPairs(pairs []Pair) {
	top := map[string]float64{}
	for _, p := range pairs {
		if s, ok := top[p.Topic]; !ok || p.Similarity > s {
			top[p.Topic] = p.Similarity
		}
	}
	rank := func(t string) float64 {
		if t == "" {
			return -1
		}
		return top[t]
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		pa, pb := pairs[a], pairs[b]
		if pa.Topic != pb.Topic {
			ra, rb := rank(pa.Topic), rank(pb.Topic)
			if ra != rb {
				return ra > rb
			}
			return pa.Topic < pb.Topic
		}
		if pa.Similarity != pb.Similarity {
			return pa.Similarity > pb.Similarity
		}
		return pa.Left < pb.Left
	})
}
