package model

import (
	"math"
	"slices"
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
// on every other statement — "Russia", "US" — count for little),
// L2-normalised. Words that only ever stand in a name in the statement —
// a speaker's name or alias written with a capital, with the titles
// joined to it: "Russian President Vladimir Putin", "U.S. President-elect
// Donald Trump" (markNames in terms.go) — weigh NameWeight: they say who,
// not what, and would otherwise pair any two statements that name Putin.
// The similarity of two statements is their cosine, raised for the same
// (known) speaker and for a shared topic and lowered for a quotation set
// beside reported speech:
//
//	similarity = min(1, cos · (1 + SpeakerBonus·[same speaker]·v + TopicBonus·[shared topic]) · (1 − KindPenalty·d))
//
// where v is 1 between two quotations, ½ with a mixed statement and 0
// with reported speech (the speaker bonus is for the speaker's own words;
// reported speech is the journalist's), and d = |qa − qb|/2 is how far
// apart the kinds are (quotedness: a quotation 2, mixed 1, reported 0).
// Two quotations, or two paraphrases, are compared as they are; a
// paraphrase beside a quotation mostly shows how the article words it.
// The factors rank near-equal candidates but never make a pair out of
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
// threshold. (Greedy is the stable matching of these symmetric scores. A
// maximum-weight assignment, measured on the built-in corpus, brought none
// of the expected pairs and traded a strong pair for two weaker ones.)
// A statement left over whose counterpart was taken by a stronger pair is
// paired with it all the same, marked Again, when it is another report of
// the same remark as the statement that took it (sameRemark: an article's
// paraphrase and its quotation in 2021 both meet the same remark of
// 2024); other leftovers — whose counterpart simply went to a closer
// statement — and what has no counterpart above the threshold are
// unpaired on their side.

// Tuning constants of the pairing, set on the built-in corpus (five
// articles, 2021–2025) so that the pairs an analyst expects come out.
const (
	// DefaultMinSimilarity is the weakest similarity that still makes a pair.
	DefaultMinSimilarity = 0.08
	// SpeakerBonus raises the similarity of two quotations by the same speaker.
	SpeakerBonus = 0.25
	// TopicBonus raises the similarity of two statements sharing a topic.
	TopicBonus = 0.15
	// KindPenalty lowers the similarity of a quotation beside reported
	// speech (half of it beside a mixed statement): the words of reported
	// speech are partly the journalist's, so beside a quotation they show
	// how the article reports rather than how the wording changed.
	KindPenalty = 0.3
	// ChampionSize caps the postings a term contributes to candidate search.
	ChampionSize = 128
	// PairCandidates is how many candidates per statement get an exact score.
	PairCandidates = 8
	// MinSharedTerms is how many content words two statements must share to
	// pair: one word in common ("possible", "war") is not a shared subject.
	MinSharedTerms = 2
	// NameWeight scales the weight of a word used only in names ("Vladimir
	// Putin", "President-elect Donald Trump"): pairs are about what is
	// said, and who is speaking counts through SpeakerBonus.
	NameWeight = 0.25
	// SameRemark is the share of one statement's (squared, normalised)
	// weight that must lie on words it shares with another of its side for
	// the two to count as reports of one remark (see Pair.Again).
	SameRemark = 0.3
)

// WeakSimilarity is the similarity below which a pair is marked weak: its
// statements share a few words of weight but rarely say the same thing
// (on the built-in corpus the pairs under it set, say, "the new
// administration is old and well-known people" beside "the Biden
// administration, in its final ten days…"). Weak pairs are shown, marked.
const WeakSimilarity = 0.15

// ClearZ is the |z| from which a distinctive term's lean is a clear
// difference (two-sided 5%); terms below it are listed, marked.
const ClearZ = 1.96

// Comparison sets the statements before the split beside those from it:
// with the default split, the Biden-period wording beside the wording
// from the day after the 2024 election.
type Comparison struct {
	Split         Split
	Left, Right   CompareSide // Left: before the split; Right: from it
	Pairs         []Pair      // grouped by topic, strongest first
	UnpairedLeft  []int       // statement indices with no counterpart, timeline order
	UnpairedRight []int
	// Undated and Earlier count the statements given that are left out:
	// with no date, and dated before 2021-01-20.
	Undated, Earlier int
}

// Weak reports whether a pair is weaker than WeakSimilarity.
func (p Pair) Weak() bool { return p.Similarity < WeakSimilarity }

// Clear reports whether a term's lean is a clear difference (|z| ≥ ClearZ).
func (t Term) Clear() bool { return math.Abs(t.Z) >= ClearZ }

// SideLabels names the two sides of a comparison at the split, long
// ("Before the election") and short ("before"), for what they are: the
// administrations only when the split is the 2025 inauguration, where
// the sides are exactly the Biden and the Trump (second term) periods.
// At any other split a period name would mislead — from the election
// to the inauguration the Biden administration is on the right — so the
// sides are named before and after the split.
func SideLabels(split Split) (left, right, leftShort, rightShort string) {
	switch t := split.Time(); {
	case t.Equal(Inauguration2025):
		return "Biden period", "Trump period", "Biden", "Trump"
	case t.Equal(DefaultSplit):
		return "Before the election", "After the election", "before", "after"
	}
	return "Before " + split.String(), "From " + split.String(), "before", "from"
}

// CompareSide is one side of a comparison.
type CompareSide struct {
	Side     Side
	Label    string    // "Before the election", "Biden period" (SideLabels)
	Short    string    // "before", "Biden": for counts and columns
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
	Similarity  float64 // the cosine with the speaker, topic and kind factors (pairFactor), 0…1
	Cosine      float64 // the TF-IDF cosine alone
	Topic       string  // the shared topic, else the left's (or right's) first, else ""
	// Again is set when one of the two statements is also in a stronger
	// pair: the other's counterpart was taken by another report of the
	// same remark, and it is shown beside it anyway.
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
	ll, rl, ls, rs := SideLabels(split)
	cmp := &Comparison{
		Split: split,
		Left:  CompareSide{Side: SideBiden, Label: ll, Short: ls, From: Inauguration2021, To: day.AddDate(0, 0, -1)},
		Right: CompareSide{Side: SideTrump, Label: rl, Short: rs, From: day},
	}
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	for k, i := range sorted {
		if i < 0 || i >= len(c.Statements) || k > 0 && sorted[k-1] == i {
			continue
		}
		d := c.Statements[i].Date
		switch split.SideOf(d) {
		case SideBiden:
			cmp.Left.IDs = append(cmp.Left.IDs, i)
		case SideTrump:
			cmp.Right.IDs = append(cmp.Right.IDs, i)
		default:
			if d.Known() {
				cmp.Earlier++
			} else {
				cmp.Undated++
			}
		}
	}
	ti := c.texts()
	cmp.Left.Terms, cmp.Right.Terms = distinctiveTerms(ti, cmp.Left.IDs, cmp.Right.IDs, opt.TopTerms)
	cmp.Pairs = c.pairSides(ti, cmp.Left.IDs, cmp.Right.IDs, opt.MinSimilarity)
	if !opt.LazyDiff {
		eachBlock(len(cmp.Pairs), 64, func(_, lo, hi int) {
			for k := lo; k < hi; k++ {
				cmp.Pairs[k].Diff = c.PairDiff(cmp.Pairs[k])
			}
		})
	}
	cmp.UnpairedLeft, cmp.UnpairedRight = unpaired(cmp.Left.IDs, cmp.Pairs, true), unpaired(cmp.Right.IDs, cmp.Pairs, false)
	return cmp
}

// PairDiff returns the word diff of a pair's two statements.
func (c *Corpus) PairDiff(p Pair) []DiffOp {
	return WordDiff(c.Statements[p.Left].Text, c.Statements[p.Right].Text)
}

// unpaired returns the statements of ids (ascending) in no pair.
func unpaired(ids []int, pairs []Pair, left bool) []int {
	used := make([]bool, len(ids))
	for _, p := range pairs {
		i := p.Right
		if left {
			i = p.Left
		}
		if k, ok := slices.BinarySearch(ids, i); ok {
			used[k] = true
		}
	}
	out := []int{}
	for k, i := range ids {
		if !used[k] {
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

func (c *Corpus) pairSides(ti *textIndex, left, right []int, minSim float64) []Pair {
	if len(left) == 0 || len(right) == 0 {
		return nil
	}
	// document frequencies over both sides
	df := make([]int32, ti.nUni)
	stamp := make([]int32, ti.nUni)
	var stampN int32
	for _, side := range [][]int{left, right} {
		for _, i := range side {
			stampN++
			for _, x := range ti.unigrams(i) {
				x &= featMask
				if stamp[x] != stampN {
					stamp[x] = stampN
					df[x]++
				}
			}
		}
	}
	n := float64(len(left) + len(right))
	idf := make([]float64, ti.nUni)
	for x, f := range df {
		if f > 0 {
			idf[x] = math.Log((1 + n) / float64(f))
		}
	}

	bn := &bonuses{speakers: map[string]int32{}, topics: map[string]int{}}
	L := buildPairSide(c, ti, left, idf, bn)
	R := buildPairSide(c, ti, right, idf, bn)

	edges := c.candidates(L, R, bn, minSim, false)
	edges = append(edges, c.candidates(R, L, bn, minSim, true)...)
	sortEdges(edges)

	// one to one, strongest first
	partnerL := make([]int32, len(left)) // left statement → its right partner, -1
	partnerR := make([]int32, len(right))
	for k := range partnerL {
		partnerL[k] = -1
	}
	for k := range partnerR {
		partnerR[k] = -1
	}
	var pairs []Pair
	pair := func(e edge, again bool) Pair {
		return Pair{Left: left[e.l], Right: right[e.r], Similarity: e.sim, Cosine: e.cos, Again: again}
	}
	for _, e := range edges {
		if partnerL[e.l] >= 0 || partnerR[e.r] >= 0 {
			continue
		}
		partnerL[e.l], partnerR[e.r] = e.r, e.l
		pairs = append(pairs, pair(e, false))
	}
	// a statement whose counterpart went to a stronger pair still shows
	// beside it (Pair.Again) when it is another report of the same remark
	// as the statement that took the counterpart
	againL, againR := make([]bool, len(left)), make([]bool, len(right))
	for _, e := range edges {
		pl, pr := partnerL[e.l] >= 0, partnerR[e.r] >= 0
		switch {
		case !pl && pr && !againL[e.l] && sameRemark(L, e.l, partnerR[e.r]):
			againL[e.l] = true
		case !pr && pl && !againR[e.r] && sameRemark(R, e.r, partnerL[e.l]):
			againR[e.r] = true
		default:
			continue
		}
		pairs = append(pairs, pair(e, true))
	}
	for k := range pairs {
		pairs[k].Topic = pairTopic(c.Statements[pairs[k].Left], c.Statements[pairs[k].Right])
	}
	groupPairs(pairs)
	return pairs
}

// sameRemark reports whether statements i and j of side s read as two
// reports of one remark — a quotation and the article's paraphrase of it:
// the words they share carry at least SameRemark of the weight of one of
// them.
func sameRemark(s *pairSide, i, j int32) bool {
	return sameRemarkVecs(s.vec(i), s.vec(j))
}

// sameRemarkVecs is sameRemark of the statements whose vectors are a and b.
func sameRemarkVecs(a, b tfidf) bool {
	var ca, cb float64 // the squared weight of the shared words in a, in b
	for x, y := 0, 0; x < len(a.terms) && y < len(b.terms); {
		switch {
		case a.terms[x] < b.terms[y]:
			x++
		case a.terms[x] > b.terms[y]:
			y++
		default:
			ca += a.w[x] * a.w[x]
			cb += b.w[y] * b.w[y]
			x++
			y++
		}
	}
	return max(ca, cb) >= SameRemark
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

// bonusFactor is the multiplier pairFactor gives the cosine of a and b.
func bonusFactor(a, b *Statement) float64 {
	return pairFactor(a.Speaker == b.Speaker && a.Speaker != UnknownSpeaker && a.Speaker != "",
		sharedTopic(a, b) != "", quotedness(a.Kind), quotedness(b.Kind))
}

// pairFactor is the multiplier a cosine gets from what else two
// statements have in common: the same speaker, a shared topic, and their
// kinds (qa, qb: quotedness). The speaker bonus is for the speaker's own
// words: in full between two quotations, half with a mixed statement,
// none with reported speech, whose words are the journalist's. A
// quotation beside reported speech loses KindPenalty, half of it beside a
// mixed statement.
func pairFactor(sameSpeaker, sharedTopic bool, qa, qb int8) float64 {
	f := 1.0
	if sameSpeaker {
		f += SpeakerBonus * float64(min(qa, qb)) / 2
	}
	if sharedTopic {
		f += TopicBonus
	}
	d := qa - qb
	if d < 0 {
		d = -d
	}
	return f * (1 - KindPenalty*float64(d)/2)
}

// quotedness is how much of a statement of the kind is the speaker's own
// wording, in halves: a quotation 2, reported speech with a quoted
// fragment 1, reported speech 0. A statement of no known kind counts as a
// quotation.
func quotedness(k Kind) int8 {
	switch k {
	case Indirect:
		return 0
	case Mixed:
		return 1
	}
	return 2
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
