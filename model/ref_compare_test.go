package model

// The comparison as it was before it was made fast (issue #7), kept as
// the reference the fast one must equal bit for bit: the text index of
// one pass with string keys, the distinctive terms over every feature,
// and the pairing with one candidate search at a time.

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refCompare is Corpus.Compare as it was.
func refCompare(c *Corpus, ti *refTextIndex, ids []int, split Split, opt CompareOptions) *Comparison {
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
		default:
			if c.Statements[i].Date.Known() {
				cmp.Earlier++
			} else {
				cmp.Undated++
			}
		}
	}
	cmp.Left.Terms, cmp.Right.Terms = refDistinctiveTerms(ti, cmp.Left.IDs, cmp.Right.IDs, opt.TopTerms)
	cmp.Pairs = refPairSides(c, ti, cmp.Left.IDs, cmp.Right.IDs, opt.MinSimilarity)
	if !opt.LazyDiff {
		for k := range cmp.Pairs {
			cmp.Pairs[k].Diff = WordDiff(c.Statements[cmp.Pairs[k].Left].Text, c.Statements[cmp.Pairs[k].Right].Text)
		}
	}
	cmp.UnpairedLeft, cmp.UnpairedRight = unpaired(cmp.Left.IDs, cmp.Pairs, true), unpaired(cmp.Right.IDs, cmp.Pairs, false)
	return cmp
}

// refContentWords splits text into content words. stem caches stems across
// calls (nil: no cache).
func refContentWords(text string, stem map[string]string) []cword {
	var out []cword
	joined := false // whether the next content word may form a bigram with the last
	hyphen := false // whether a hyphen stands between the last word and the next
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !refIsWordRune(r) {
			if !unicode.IsSpace(r) && r != '-' && r != '‐' {
				joined = false
			}
			hyphen = r == '-' || r == '‐'
			i += size
			continue
		}
		afterHyphen := hyphen
		hyphen = false
		start := i
		// acronym with dots: U.S., U.S.A., U.K.
		j := i
		for j+1 < len(text) && text[j] >= 'A' && text[j] <= 'Z' && text[j+1] == '.' {
			j += 2
		}
		var word string
		acronym := false
		if j-i >= 4 && (j >= len(text) || !isWordByte(text[j])) {
			word = strings.ReplaceAll(text[i:j], ".", "")
			acronym = true
			i = j
		} else {
			j = i
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if refIsWordRune(r) {
					j += size
					continue
				}
				if r == '\'' || r == '’' {
					if r2, _ := utf8.DecodeRuneInString(text[j+size:]); j+size < len(text) && refIsWordRune(r2) {
						j += size
						continue
					}
				}
				break
			}
			word = text[i:j]
			i = j
		}
		end := i
		lower := strings.ToLower(strings.ReplaceAll(word, "’", "'"))
		if strings.HasSuffix(lower, "'s") {
			lower = lower[:len(lower)-2]
			if r, _ := utf8.DecodeLastRuneInString(word[:len(word)-1]); r == '’' {
				end -= len("’s")
			} else {
				end -= 2
			}
		}
		if !acronym && len(word) >= 2 && len(word) <= 5 && isUpperWord(word) {
			acronym = true // US, NATO, START
		}
		if !hasLetter(lower) {
			joined = false
			continue
		}
		var key string
		switch {
		case acronym:
			key = lower
		case contentStop[lower] && !(lower == "will" && nounWill(text[i:], joined)) || utf8.RuneCountInString(lower) < 2:
			joined = false
			continue
		default:
			key = stemWord(lower, stem)
		}
		first, _ := utf8.DecodeRuneInString(word)
		out = append(out, cword{key: key, start: start, end: end, joined: joined,
			hyphen: joined && afterHyphen, capital: acronym || unicode.IsUpper(first)})
		joined = true
	}
	return out
}

func refIsWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// refTextIndex is the content-word analysis of every statement in a corpus,
// built once on first use (by Compare or WithTerm) and read-only after.
type refTextIndex struct {
	vocab   map[string]int32  // feature key ("dialogu", "polit will") → id
	keys    []string          // id → key
	surface []string          // id → the surface form most used
	bigram  []bool            // id → a bigram
	feats   []refStmtFeatures // per statement
	total   []int32           // id → count in the whole corpus
	n       float64           // Σ total
}

// refStmtFeatures are one statement's features in text order: its unigrams,
// then its bigrams.
type refStmtFeatures struct {
	ids  []int32
	nUni int
	// ent marks the unigrams that are part of a name (see refMarkNames); nil
	// when none is.
	ent []bool
}

func (s refStmtFeatures) unigrams() []int32 { return s.ids[:s.nUni] }

// refMarkNames marks the words of ws that name someone: each run of
// capitalised words (and acronyms) joined by spaces or hyphens that holds a
// word of a speaker's name (nameKeys), with the titles and attributes it
// carries — "Russian President Vladimir Putin", "U.S. President-elect
// Donald Trump", "Mr. Trump", "the White House National Security
// Council". A registry word written in lower case ("global security") is
// not a name. ent[k] is set for a word in such a run; nil when there is
// none.
func refMarkNames(ws []cword, names map[string]bool) []bool {
	var ent []bool
	for k := 0; k < len(ws); {
		if !ws[k].capital {
			k++
			continue
		}
		j, named := k, false
		for j < len(ws) && (j == k || ws[j].joined && (ws[j].capital || ws[j].hyphen)) {
			named = named || ws[j].capital && names[ws[j].key]
			j++
		}
		if named {
			if ent == nil {
				ent = make([]bool, len(ws))
			}
			for m := k; m < j; m++ {
				ent[m] = true
			}
		}
		k = j
	}
	return ent
}

func (ti *refTextIndex) build(stmts []*Statement, names map[string]bool) {
	ti.vocab = map[string]int32{}
	stems := map[string]string{}
	type surfKey struct {
		id   int32
		text string
	}
	surf := map[surfKey]int32{}
	id := func(key string, bigram bool) int32 {
		if x, ok := ti.vocab[key]; ok {
			return x
		}
		x := int32(len(ti.keys))
		ti.vocab[key] = x
		ti.keys = append(ti.keys, key)
		ti.bigram = append(ti.bigram, bigram)
		ti.total = append(ti.total, 0)
		return x
	}
	ti.feats = make([]refStmtFeatures, len(stmts))
	var buf []int32
	for si, s := range stmts {
		ws := refContentWords(s.Text, stems)
		buf = buf[:0]
		for _, w := range ws {
			x := id(w.key, false)
			buf = append(buf, x)
			surf[surfKey{x, s.Text[w.start:w.end]}]++
		}
		nUni := len(buf)
		ent := refMarkNames(ws, names)
		for k := 1; k < len(ws); k++ {
			if !ws[k].joined {
				continue
			}
			// within a name, a title does not pair with the name it
			// precedes: "President-elect" and "Donald Trump", not "elect Donald"
			if ent != nil && ent[k-1] && ent[k] && refIsName(ws[k-1], names) != refIsName(ws[k], names) {
				continue
			}
			x := id(ws[k-1].key+" "+ws[k].key, true)
			buf = append(buf, x)
			surf[surfKey{x, strings.Join(strings.Fields(s.Text[ws[k-1].start:ws[k].end]), " ")}]++
		}
		ids := make([]int32, len(buf))
		copy(ids, buf)
		ti.feats[si] = refStmtFeatures{ids: ids, nUni: nUni, ent: ent}
		for _, x := range ids {
			ti.total[x]++
		}
		ti.n += float64(len(ids))
	}
	// the most used surface form; ties to the lower-cased, then the smaller
	ti.surface = make([]string, len(ti.keys))
	best := make([]int32, len(ti.keys))
	for k, n := range surf {
		cur := ti.surface[k.id]
		if n > best[k.id] || n == best[k.id] && surfaceLess(k.text, cur) {
			best[k.id] = n
			ti.surface[k.id] = k.text
		}
	}
}

func refIsName(w cword, names map[string]bool) bool { return w.capital && names[w.key] }

// refDistinctiveTerms computes the log-odds z of every feature used on either
// side and returns the top n leaning left (highest z) and the top n leaning
// right (most negative z).
func refDistinctiveTerms(ti *refTextIndex, left, right []int, n int) (lt, rt []Term) {
	if len(left) == 0 && len(right) == 0 {
		return nil, nil
	}
	yl := make([]int32, len(ti.keys))
	yr := make([]int32, len(ti.keys))
	var used []int32
	var nl, nr float64
	count := func(ids []int, y []int32, other []int32, total *float64) {
		for _, i := range ids {
			for _, x := range ti.feats[i].ids {
				if y[x] == 0 && other[x] == 0 {
					used = append(used, x)
				}
				y[x]++
				*total++
			}
		}
	}
	count(left, yl, yr, &nl)
	count(right, yr, yl, &nr)
	sort.Slice(used, func(a, b int) bool { return used[a] < used[b] })

	terms := make([]Term, 0, len(used))
	for _, x := range used {
		alpha := PriorSize * float64(ti.total[x]) / ti.n
		z := logOddsZ(float64(yl[x]), float64(yr[x]), nl, nr, alpha, PriorSize)
		terms = append(terms, Term{
			Term: ti.surface[x], Key: ti.keys[x], Z: z,
			LeftCount: int(yl[x]), RightCount: int(yr[x]),
		})
	}
	// the best few of each sign, by a bounded insertion (the vocabulary can
	// be large; the lists are short); room for unigrams topTerms drops
	pick := func(sign float64) []Term {
		room := 4*n + 8
		var cand []Term
		better := func(a, b Term) bool {
			za, zb := a.Z*sign, b.Z*sign
			if za != zb {
				return za > zb
			}
			return a.Key < b.Key
		}
		for _, t := range terms {
			if t.Z*sign <= 0 || len(cand) == room && !better(t, cand[room-1]) {
				continue
			}
			k := sort.Search(len(cand), func(i int) bool { return better(t, cand[i]) })
			if len(cand) < room {
				cand = append(cand, Term{})
			}
			copy(cand[k+1:], cand[k:len(cand)-1])
			cand[k] = t
		}
		return topTerms(cand, n)
	}
	return pick(1), pick(-1)
}

type refPosting struct {
	doc int32 // index into the side
	w   float32
}

// refPairSide is one side prepared for pairing.
type refPairSide struct {
	ids     []int
	vecs    []tfidf
	index   [][]refPosting // term id → champion postings, by doc
	speaker []int32        // speaker number, -1 for unknown
	topics  []uint64       // topic bits (see bonuses)
	quoted  []int8         // quotedness of the kind
}

func refPairSides(c *Corpus, ti *refTextIndex, left, right []int, minSim float64) []Pair {
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

	bn := &bonuses{speakers: map[string]int32{}, topics: map[string]int{}}
	L := refBuildPairSide(c, ti, left, idf, bn)
	R := refBuildPairSide(c, ti, right, idf, bn)

	var edges []Pair
	edges = refCandidates(c, L, R, bn, minSim, false, edges)
	edges = refCandidates(c, R, L, bn, minSim, true, edges)

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
	partnerL := map[int]int{} // left statement → its right partner
	partnerR := map[int]int{}
	var pairs []Pair
	for _, e := range edges {
		if _, ok := partnerL[e.Left]; ok {
			continue
		}
		if _, ok := partnerR[e.Right]; ok {
			continue
		}
		partnerL[e.Left], partnerR[e.Right] = e.Right, e.Left
		pairs = append(pairs, e)
	}
	// a statement whose counterpart went to a stronger pair still shows
	// beside it (Pair.Again) when it is another report of the same remark
	// as the statement that took the counterpart
	againL, againR := map[int]bool{}, map[int]bool{}
	for _, e := range edges {
		_, pl := partnerL[e.Left]
		_, pr := partnerR[e.Right]
		switch {
		case !pl && pr && !againL[e.Left] && refSameRemark(L, e.Left, partnerR[e.Right]):
			againL[e.Left] = true
		case !pr && pl && !againR[e.Right] && refSameRemark(R, e.Right, partnerL[e.Left]):
			againR[e.Right] = true
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

// refSameRemark reports whether statements i and j of side s read as two
// reports of one remark — a quotation and the article's paraphrase of it:
// the words they share carry at least SameRemark of the weight of one of
// them.
func refSameRemark(s *refPairSide, i, j int) bool {
	return sameRemarkVecs(s.vecs[sort.SearchInts(s.ids, i)], s.vecs[sort.SearchInts(s.ids, j)])
}

func refBuildPairSide(c *Corpus, ti *refTextIndex, ids []int, idf func(int32) float64, bn *bonuses) *refPairSide {
	s := &refPairSide{ids: ids, vecs: make([]tfidf, len(ids)), index: make([][]refPosting, len(ti.keys)),
		speaker: make([]int32, len(ids)), topics: make([]uint64, len(ids)), quoted: make([]int8, len(ids))}
	var scratch []int32
	for d, i := range ids {
		s.speaker[d] = bn.speaker(c.Statements[i])
		s.topics[d] = bn.topicBits(c.Statements[i])
		s.quoted[d] = quotedness(c.Statements[i].Kind)
		// each occurrence as id<<1 | 1 for a content use, | 0 inside a name
		f := ti.feats[i]
		scratch = scratch[:0]
		for k, x := range f.unigrams() {
			o := x<<1 | 1
			if f.ent != nil && f.ent[k] {
				o = x << 1
			}
			scratch = append(scratch, o)
		}
		sort.Slice(scratch, func(a, b int) bool { return scratch[a] < scratch[b] })
		var v tfidf
		norm := 0.0
		for k := 0; k < len(scratch); {
			x := scratch[k] >> 1
			j := k
			for j < len(scratch) && scratch[j]>>1 == x {
				j++
			}
			w := (1 + math.Log(float64(j-k))) * idf(x)
			if scratch[j-1]&1 == 0 { // only ever inside a name
				w *= NameWeight
			}
			v.terms = append(v.terms, x)
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
			s.index[x] = append(s.index[x], refPosting{doc: int32(d), w: float32(v.w[k])})
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

// refCandidates finds, for every statement of q, its best PairCandidates on
// side o and appends those at or above minSim as edges. swapped says q is
// the right side.
func refCandidates(c *Corpus, q, o *refPairSide, bn *bonuses, minSim float64, swapped bool, edges []Pair) []Pair {
	const maxFactor = 1 + SpeakerBonus + TopicBonus
	acc := make([]float32, len(o.ids))
	var touched []int32
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
			score *= pairFactor(q.speaker[d] >= 0 && q.speaker[d] == o.speaker[od],
				q.topics[d]&o.topics[od] != 0 || bn.wide && sharedTopic(c.Statements[q.ids[d]], c.Statements[o.ids[od]]) != "",
				q.quoted[d], o.quoted[od])
			if full && !candBetter(score, od, best[len(best)-1].score, best[len(best)-1].doc) {
				continue
			}
			best = insertCand(best, od, score)
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

// refNormWordForm is the form words are aligned on: lower-cased letters and
// digits.
func refNormWordForm(w string) string {
	var b strings.Builder
	for _, r := range w {
		if refIsWordRune(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func refIndex(c *Corpus) *refTextIndex {
	ti := &refTextIndex{}
	ti.build(c.Statements, c.nameKeys())
	return ti
}

// trickyWords are words and marks that exercise the content words, the
// names, the surfaces of bigrams and the word diff.
var trickyWords = strings.Fields(`U.S. U.S.A. US US's NATO NATO's Nato START ARMS ARMS's Russia Russia's Russia’s
	russia President President-elect president-elect Donald Trump Trump's Vladimir Putin Putin’s Mr. Mrs
	Dmitry Peskov Kremlin spokesman White House National Security Council will Will WILL will's the of and
	to a an in on is are was political dialogue dialog Dialogue dialogues normalise normalize normalisation
	defense defence red lines red-line İstanbul Ünïcödé naïve café 22,000 2024 d'etat it's don't e.g.
	— – ‐ - ( ) “ ” " ' ’ « » … ; : , . ! ? x y ok OK said stressed goodwill security global Security
	sanctions talks Talks ready for broad address addresses issues`)

var trickySeps = []string{" ", " ", " ", " ", "  ", "-", " - ", ", ", ". ", "\n", "\u00a0", "\t", "'s ", "’s ", "‐", " — ", ""}

// trickyCorpus builds n statements of tricky words from the seed, with
// speakers (and aliases) whose names are in the texts, topics (some
// named "", or more than 64 when wide) and all kinds.
func trickyCorpus(n int, seed uint64, wide bool) *Corpus {
	rng := rand.New(rand.NewPCG(seed, 7))
	speakers := []*Speaker{
		{Name: "Dmitry Peskov", Aliases: []string{"Dmitri Peskov", "Peskov"}, Affiliation: Russia},
		{Name: "Vladimir Putin", Aliases: []string{"Putin"}, Affiliation: Russia},
		{Name: "Donald Trump", Aliases: []string{"Trump"}, Affiliation: UnitedStates},
		{Name: "White House National Security Council", Affiliation: UnitedStates},
	}
	names := []string{"Dmitry Peskov", "Vladimir Putin", "Donald Trump", "White House National Security Council", UnknownSpeaker, ""}
	topics := []string{"dialogue", "sanctions", "", "war", "arms control"}
	if wide {
		for k := range 70 {
			topics = append(topics, "topic "+strconv.Itoa(k))
		}
	}
	kinds := []Kind{Direct, Indirect, Mixed, ""}
	var stmts []*Statement
	for i := range n {
		var b strings.Builder
		for k := range 3 + rng.IntN(25) {
			if k > 0 {
				b.WriteString(trickySeps[rng.IntN(len(trickySeps))])
			}
			b.WriteString(trickyWords[rng.IntN(len(trickyWords))])
		}
		var tm []TopicMatch
		for range rng.IntN(3) {
			tm = append(tm, TopicMatch{Topic: topics[rng.IntN(len(topics))]})
		}
		day := Day(2021, 2, 1).AddDate(0, 0, rng.IntN(1700))
		stmts = append(stmts, &Statement{
			ID: "d" + strconv.Itoa(i/5) + "#" + strconv.Itoa(i%5), Doc: "d" + strconv.Itoa(i/5),
			Speaker: names[rng.IntN(len(names))], Kind: kinds[rng.IntN(len(kinds))], Text: b.String(),
			Date: DayDate(day, "", "test", Span{}), Topics: tm, Span: Span{Start: i % 5 * 100, End: i%5*100 + b.Len()},
		})
	}
	return New("tricky", nil, stmts, speakers, nil)
}

// TestTextIndexMatchesReference: the text index gives every statement the
// features, name marks, counts and surfaces of the reference, and finds
// the same terms.
func TestTextIndexMatchesReference(t *testing.T) {
	for _, c := range []*Corpus{trickyCorpus(3000, 1, false), Synthetic(3000, 5)} {
		ti, ref := c.texts(), refIndex(c)
		if ti.n != ref.n || ti.size() != len(ref.keys) {
			t.Fatalf("%s: %v features, %d distinct; reference %v, %d", c.Name, ti.n, ti.size(), ref.n, len(ref.keys))
		}
		for i := range c.Statements {
			var got, want []string
			for _, x := range ti.features(i) {
				got = append(got, ti.key(x&featMask)+"|"+strconv.FormatBool(x&nameBit != 0))
			}
			f := ref.feats[i]
			for k, x := range f.ids {
				want = append(want, ref.keys[x]+"|"+strconv.FormatBool(k < f.nUni && f.ent != nil && f.ent[k]))
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s: statement %d %q:\n got %q\nwant %q", c.Name, i, c.Statements[i].Text, got, want)
			}
		}
		// unigrams in the reference's order
		var uni []string
		for x, k := range ref.keys {
			if !ref.bigram[x] {
				uni = append(uni, k)
			}
		}
		if !slices.Equal(ti.uniKey, uni) {
			t.Errorf("%s: unigrams numbered in another order", c.Name)
		}
		for x, key := range ref.keys {
			y := ti.lookup(key)
			if y < 0 || ti.key(y) != key || ti.total[y] != ref.total[x] || ti.surface(y) != ref.surface[x] {
				t.Fatalf("%s: %q: %d %q total %d surface %q; reference total %d surface %q", c.Name, key, y, ti.key(max(y, 0)), ti.total[max(y, 0)], ti.surface(max(y, 0)), ref.total[x], ref.surface[x])
			}
			if ref.lookup(ref.surface[x]) != int32(x) {
				continue
			}
			if y := ti.lookup(ref.surface[x]); ti.key(y) != key {
				t.Errorf("%s: lookup(%q) = %q, want %q", c.Name, ref.surface[x], ti.key(y), key)
			}
		}
	}
}

// lookup is textIndex.lookup as it was.
func (ti *refTextIndex) lookup(term string) int32 {
	if x, ok := ti.vocab[term]; ok {
		return x
	}
	ws := refContentWords(term, nil)
	var key string
	switch len(ws) {
	case 1:
		key = ws[0].key
	case 2:
		key = ws[0].key + " " + ws[1].key
	default:
		return -1
	}
	if x, ok := ti.vocab[key]; ok {
		return x
	}
	return -1
}

// TestCompareMatchesReference: the comparison is the reference's, bit for
// bit — pairs, scores, order, distinctive terms, diffs — on tricky texts
// (names, possessives, hyphens, topics named "" or more than 64) and on
// synthetic corpora, at two splits.
func TestCompareMatchesReference(t *testing.T) {
	corpora := []*Corpus{trickyCorpus(2000, 2, false), trickyCorpus(1500, 3, true), Synthetic(6000, 6), Synthetic(12000, 7)}
	if testing.Short() {
		corpora = corpora[:2]
	}
	for _, c := range corpora {
		ref := refIndex(c)
		ids := c.Query(Filter{})
		for _, split := range []Split{{}, Split(Day(2023, 3, 1))} {
			for _, opt := range []CompareOptions{{}, {MinSimilarity: 0.2, TopTerms: 5, LazyDiff: true}} {
				got, want := c.Compare(ids, split, opt), refCompare(c, ref, ids, split, opt)
				if len(got.Pairs) == 0 {
					t.Errorf("%s: no pairs", c.Name)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s, split %s, %+v: the comparison differs from the reference", c.Name, split, opt)
					for k := range min(len(got.Pairs), len(want.Pairs)) {
						if !reflect.DeepEqual(got.Pairs[k], want.Pairs[k]) {
							t.Errorf("pair %d:\n got %+v\nwant %+v", k, got.Pairs[k], want.Pairs[k])
							break
						}
					}
				}
			}
		}
	}
}

// TestNormWordFormMatchesReference: the fast path of normWordForm (ASCII
// words) gives what the general one gives.
func TestNormWordFormMatchesReference(t *testing.T) {
	words := append([]string{"", "a", "A", "U.S.", "22,000", "d'etat", "Ä", "İstanbul", "x\u212a", strings.Repeat("Ab", 40)}, trickyWords...)
	r := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		b := make([]byte, r.IntN(80))
		for k := range b {
			b[k] = byte(r.IntN(128))
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		if got, want := normWordForm(w), refNormWordForm(w); got != want {
			t.Errorf("normWordForm(%q) = %q, want %q", w, got, want)
		}
	}
}
