package model

import (
	"math"
	"runtime"
	"strings"
	"sync"
	"unicode"
)

// The text index: the content words (terms.go) of every statement of a
// corpus as numbered features, for the comparison and WithTerm. It is
// built once, on first use, over the whole corpus — the prior of the
// distinctive terms and their surface forms come from all of it — by
// one worker per processor, each over a run of the statements with its
// own numbering, merged in statement order so that the numbering is the
// same as one pass would give.

// textIndex is the content-word analysis of every statement in a corpus,
// built once on first use (by Compare or WithTerm) and read-only after.
//
// Features are numbered unigrams first, 0…nUni−1, then bigrams, nUni…,
// each kind in the order it first occurs in the corpus. (The comparison
// sums a statement's weights in the order of its unigrams' numbers.) A
// bigram is kept as its two unigrams; its key and surface are written out
// when asked for.
type textIndex struct {
	once sync.Once

	nUni   int32
	uniKey []string         // unigram → key ("dialogu", "us")
	uniID  map[string]int32 // key → unigram
	bi     [][2]int32       // bigram (feature − nUni) → its two unigrams
	biID   map[uint64]int32 // the two unigrams (biPair) → bigram

	// Surfaces: the words as written, each a string of surf; a bigram's
	// surface is its two words' with a gap between (gaps: " ", "-").
	surf    []string
	uniSurf []int32     // unigram → the surface most used
	biSurf  []biVariant // bigram → the surface most used
	gaps    []string

	// feat holds every statement's features, statement i's at
	// feat[off[i]:off[i+1]]: its unigrams in text order (feat[off[i]:uniEnd[i]]),
	// each with nameBit set when it stands in a name (markNames), then
	// its bigrams.
	feat   []int32
	off    []int32
	uniEnd []int32
	total  []int32 // feature → count in the whole corpus
	n      float64 // Σ total
}

// nameBit marks a unigram of feat used inside a name; featMask clears it.
const (
	nameBit  = math.MinInt32
	featMask = math.MaxInt32
)

// biVariant is one way a bigram is written: surf[a], gaps[gap], surf[b].
type biVariant struct{ a, gap, b int32 }

func biPair(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// features returns statement i's features, unigrams with nameBit.
func (ti *textIndex) features(i int) []int32 { return ti.feat[ti.off[i]:ti.off[i+1]] }

// unigrams returns statement i's unigrams in text order, with nameBit.
func (ti *textIndex) unigrams(i int) []int32 { return ti.feat[ti.off[i]:ti.uniEnd[i]] }

// size is the number of features.
func (ti *textIndex) size() int { return int(ti.nUni) + len(ti.bi) }

// key returns feature x's key: "dialogu", "polit will".
func (ti *textIndex) key(x int32) string {
	if x < ti.nUni {
		return ti.uniKey[x]
	}
	p := ti.bi[x-ti.nUni]
	return ti.uniKey[p[0]] + " " + ti.uniKey[p[1]]
}

// keyLess reports whether feature x's key sorts before y's, without
// writing the keys out.
func (ti *textIndex) keyLess(x, y int32) bool {
	var a, b [3]string
	return joinedLess(ti.keyParts(x, &a), ti.keyParts(y, &b))
}

func (ti *textIndex) keyParts(x int32, buf *[3]string) []string {
	if x < ti.nUni {
		buf[0] = ti.uniKey[x]
		return buf[:1]
	}
	p := ti.bi[x-ti.nUni]
	buf[0], buf[1], buf[2] = ti.uniKey[p[0]], " ", ti.uniKey[p[1]]
	return buf[:3]
}

// joinedLess compares the concatenations of a and b.
func joinedLess(a, b []string) bool {
	i, j := 0, 0 // byte offsets in a[0], b[0]
	for len(a) > 0 && len(b) > 0 {
		if i == len(a[0]) {
			a, i = a[1:], 0
			continue
		}
		if j == len(b[0]) {
			b, j = b[1:], 0
			continue
		}
		if a[0][i] != b[0][j] {
			return a[0][i] < b[0][j]
		}
		i++
		j++
	}
	for len(a) > 0 && i == len(a[0]) { // a exhausted?
		a, i = a[1:], 0
	}
	for len(b) > 0 && j == len(b[0]) {
		b, j = b[1:], 0
	}
	return len(a) == 0 && len(b) > 0
}

// surface returns feature x in the form most used in the corpus.
func (ti *textIndex) surface(x int32) string {
	if x < ti.nUni {
		return ti.surf[ti.uniSurf[x]]
	}
	return ti.variant(ti.biSurf[x-ti.nUni])
}

func (ti *textIndex) variant(v biVariant) string {
	return ti.surf[v.a] + ti.gaps[v.gap] + ti.surf[v.b]
}

// texts returns the corpus's text index, building it on first use.
func (c *Corpus) texts() *textIndex {
	ti := &c.textIdx
	ti.once.Do(func() { ti.build(c.Statements, c.nameKeys()) })
	return ti
}

// nameKeys returns the keys of the words of the speakers' names and
// aliases: "dmitri", "peskov", "donald", "trump", "nation", "secur"….
func (c *Corpus) nameKeys() map[string]bool {
	out := map[string]bool{}
	for _, sp := range c.Speakers {
		for _, name := range append([]string{sp.Name}, sp.Aliases...) {
			for _, w := range contentWords(name, nil) {
				out[w.key] = true
			}
		}
	}
	return out
}

// markNames marks the words of ws that name someone: each run of
// capitalised words (and acronyms) joined by spaces or hyphens that holds a
// word of a speaker's name (cword.name: nameKeys), with the titles and
// attributes it carries — "Russian President Vladimir Putin", "U.S.
// President-elect Donald Trump", "Mr. Trump", "the White House National
// Security Council". A registry word written in lower case ("global
// security") is not a name. ent[k] is set for a word in such a run; nil
// when there is none.
func markNames(ws []cword, ent []bool) []bool {
	ent = ent[:0]
	for k := 0; k < len(ws); {
		if !ws[k].capital {
			k++
			continue
		}
		j, named := k, false
		for j < len(ws) && (j == k || ws[j].joined && (ws[j].capital || ws[j].hyphen)) {
			named = named || ws[j].name
			j++
		}
		if named {
			if len(ent) == 0 {
				ent = append(ent, make([]bool, len(ws))...)
			}
			for m := k; m < j; m++ {
				ent[m] = true
			}
		}
		k = j
	}
	if len(ent) == 0 {
		return nil
	}
	return ent
}

// minChunk is the fewest statements worth a worker of their own.
const minChunk = 2000

func (ti *textIndex) build(stmts []*Statement, names map[string]bool) {
	workers := max(1, min(runtime.GOMAXPROCS(0), len(stmts)/minChunk))
	chunks := make([]*textChunk, workers)
	parallel(workers, func(w int) {
		ch := newTextChunk(names)
		for _, s := range stmts[len(stmts)*w/workers : len(stmts)*(w+1)/workers] {
			ch.add(s.Text)
		}
		chunks[w] = ch
	})
	trans := ti.merge(chunks)
	// the statements' features in the merged numbering
	ti.off = make([]int32, len(stmts)+1)
	ti.uniEnd = make([]int32, len(stmts))
	base := make([]int32, len(chunks)+1)
	for w, ch := range chunks {
		base[w+1] = base[w] + int32(len(ch.feat))
	}
	ti.feat = make([]int32, base[len(chunks)])
	parallel(workers, func(w int) {
		ch, tr, b := chunks[w], trans[w], base[w]
		first := len(stmts) * w / workers
		for k := range len(ch.off) - 1 {
			lo, mid, hi := ch.off[k], ch.uniEnd[k], ch.off[k+1]
			for p := lo; p < mid; p++ {
				x := ch.feat[p]
				ti.feat[b+p] = tr.uni[x&featMask] | x&nameBit
			}
			for p := mid; p < hi; p++ {
				ti.feat[b+p] = ti.nUni + tr.bi[ch.feat[p]]
			}
			ti.off[first+k] = b + lo
			ti.uniEnd[first+k] = b + mid
		}
	})
	ti.off[len(stmts)] = base[len(chunks)]
	for x := range ti.total {
		ti.n += float64(ti.total[x])
	}
}

// chunkTrans takes a chunk's numbers to the merged ones.
type chunkTrans struct{ uni, bi []int32 }

// merge numbers the chunks' features in statement order and counts them
// and their surfaces; it returns each chunk's translation.
func (ti *textIndex) merge(chunks []*textChunk) []chunkTrans {
	ti.uniID = map[string]int32{}
	ti.biID = map[uint64]int32{}
	type surfKey struct {
		uni  int32
		text string
	}
	surfID := map[surfKey]int32{}
	var surfN, surfUni []int32
	gapID := map[string]int32{}
	var biTotal []int32
	var biVarN []int32
	biMore := map[biVarKey]int32{}
	trans := make([]chunkTrans, len(chunks))
	for w, ch := range chunks {
		tu := make([]int32, len(ch.uniKey))
		for lu, key := range ch.uniKey {
			x, ok := ti.uniID[key]
			if !ok {
				x = int32(len(ti.uniKey))
				ti.uniID[key] = x
				ti.uniKey = append(ti.uniKey, key)
				ti.total = append(ti.total, 0)
			}
			tu[lu] = x
			ti.total[x] += ch.uniN[lu]
		}
		ts := make([]int32, len(ch.surf))
		for ls, text := range ch.surf {
			k := surfKey{tu[ch.surfUni[ls]], text}
			x, ok := surfID[k]
			if !ok {
				x = int32(len(ti.surf))
				surfID[k] = x
				ti.surf = append(ti.surf, text)
				surfUni = append(surfUni, k.uni)
				surfN = append(surfN, 0)
			}
			ts[ls] = x
			surfN[x] += ch.surfN[ls]
		}
		tg := make([]int32, len(ch.gaps))
		for lg, g := range ch.gaps {
			x, ok := gapID[g]
			if !ok {
				x = int32(len(ti.gaps))
				gapID[g] = x
				ti.gaps = append(ti.gaps, g)
			}
			tg[lg] = x
		}
		tv := func(v biVariant) biVariant { return biVariant{ts[v.a], tg[v.gap], ts[v.b]} }
		tb := make([]int32, len(ch.bi))
		for lb, p := range ch.bi {
			pair := biPair(tu[p[0]], tu[p[1]])
			x, ok := ti.biID[pair]
			v := tv(ch.biVar[lb])
			if !ok {
				x = int32(len(ti.bi))
				ti.biID[pair] = x
				ti.bi = append(ti.bi, [2]int32{tu[p[0]], tu[p[1]]})
				ti.biSurf = append(ti.biSurf, v)
				biVarN = append(biVarN, 0)
				biTotal = append(biTotal, 0)
			}
			tb[lb] = x
			biTotal[x] += ch.biN[lb]
			if ti.biSurf[x] == v {
				biVarN[x] += ch.biVarN[lb]
			} else {
				biMore[biVarKey{x, v}] += ch.biVarN[lb]
			}
		}
		for k, n := range ch.biMore {
			x, v := tb[k.bi], tv(k.v)
			if ti.biSurf[x] == v {
				biVarN[x] += n
			} else {
				biMore[biVarKey{x, v}] += n
			}
		}
		trans[w] = chunkTrans{tu, tb}
	}
	ti.nUni = int32(len(ti.uniKey))
	ti.total = append(ti.total, biTotal...)

	// the most used surface form; ties to the lower-cased, then the smaller
	ti.uniSurf = make([]int32, ti.nUni)
	for x := range ti.uniSurf {
		ti.uniSurf[x] = -1
	}
	for s, u := range surfUni {
		cur := ti.uniSurf[u]
		if cur < 0 || surfN[s] > surfN[cur] || surfN[s] == surfN[cur] && surfaceLess(ti.surf[s], ti.surf[cur]) {
			ti.uniSurf[u] = int32(s)
		}
	}
	for k, n := range biMore {
		x := k.bi
		if n > biVarN[x] || n == biVarN[x] && surfaceLess(ti.variant(k.v), ti.variant(ti.biSurf[x])) {
			ti.biSurf[x], biVarN[x] = k.v, n
		}
	}
	return trans
}

// biVarKey is a bigram written another way than its first.
type biVarKey struct {
	bi int32
	v  biVariant
}

// textChunk analyses a run of statements with its own numbering of
// unigrams, bigrams, surfaces and gaps, each in order of first use.
type textChunk struct {
	names map[string]bool
	stems map[string]string
	words map[string]int32 // a word as scanned → its entry in cls
	cls   []chunkWord

	uniKey         []string
	uniID          map[string]int32
	uniN           []int32 // unigram → count
	surf           []string
	surfID         map[chunkSurf]int32
	surfUni, surfN []int32
	bi             [][2]int32
	biID           map[uint64]int32
	biN            []int32
	biVar          []biVariant // bigram → how it was first written
	biVarN         []int32     // … and how often so
	biMore         map[biVarKey]int32
	gaps           []string
	gapID          map[string]int32

	feat   []int32 // as textIndex.feat, numbered by the chunk
	off    []int32 // statement k's features: feat[off[k]:off[k+1]]
	uniEnd []int32

	ws  []cword // scratch
	ent []bool
}

type chunkSurf struct {
	uni  int32
	text string
}

// chunkWord is what the chunk knows of a word as scanned.
type chunkWord struct {
	wordClass
	name      bool  // a word of a speaker's name written with a capital
	uni, surf int32 // −1 until first used as a content word
}

func newTextChunk(names map[string]bool) *textChunk {
	return &textChunk{
		names: names, stems: map[string]string{}, words: map[string]int32{},
		uniID: map[string]int32{}, surfID: map[chunkSurf]int32{}, biID: map[uint64]int32{},
		biMore: map[biVarKey]int32{}, gaps: []string{" ", "-"}, gapID: map[string]int32{" ": 0, "-": 1},
		off: []int32{0},
	}
}

// add analyses the next statement.
func (ch *textChunk) add(text string) {
	ws := ch.ws[:0]
	sc := wordScanner{text: text}
	for {
		tok, ok := sc.next()
		if !ok {
			break
		}
		word := text[tok.start:tok.end]
		k, ok := ch.words[word]
		if !ok {
			wc := classifyWord(word, tok.dotted, ch.stems)
			k = int32(len(ch.cls))
			ch.cls = append(ch.cls, chunkWord{wordClass: wc, name: wc.capital && ch.names[wc.key], uni: -1, surf: -1})
			ch.words[word] = k
		}
		cw := &ch.cls[k]
		if !sc.keep(cw.wordClass) {
			continue
		}
		w := sc.word(tok, cw.wordClass, cw.key)
		if cw.uni < 0 {
			cw.uni = ch.unigram(cw.key)
			cw.surf = ch.surface(cw.uni, text[w.start:w.end])
		}
		w.uni, w.surf, w.name = cw.uni, cw.surf, cw.name
		ws = append(ws, w)
	}
	ch.ws = ws
	ent := markNames(ws, ch.ent)
	if ent != nil {
		ch.ent = ent
	}
	for k, w := range ws {
		x := w.uni
		if ent != nil && ent[k] {
			x |= nameBit
		}
		ch.feat = append(ch.feat, x)
		ch.uniN[w.uni]++
		ch.surfN[w.surf]++
	}
	ch.uniEnd = append(ch.uniEnd, int32(len(ch.feat)))
	for k := 1; k < len(ws); k++ {
		if !ws[k].joined {
			continue
		}
		a, b := &ws[k-1], &ws[k]
		// within a name, a title does not pair with the name it
		// precedes: "President-elect" and "Donald Trump", not "elect Donald"
		if ent != nil && ent[k-1] && ent[k] && a.name != b.name {
			continue
		}
		v := biVariant{a.surf, ch.gap(text[a.end:b.start]), b.surf}
		pair := biPair(a.uni, b.uni)
		x, ok := ch.biID[pair]
		if !ok {
			x = int32(len(ch.bi))
			ch.biID[pair] = x
			ch.bi = append(ch.bi, [2]int32{a.uni, b.uni})
			ch.biN = append(ch.biN, 0)
			ch.biVar = append(ch.biVar, v)
			ch.biVarN = append(ch.biVarN, 0)
		}
		ch.feat = append(ch.feat, x)
		ch.biN[x]++
		if ch.biVar[x] == v {
			ch.biVarN[x]++
		} else {
			ch.biMore[biVarKey{x, v}]++
		}
	}
	ch.off = append(ch.off, int32(len(ch.feat)))
}

func (ch *textChunk) unigram(key string) int32 {
	x, ok := ch.uniID[key]
	if !ok {
		x = int32(len(ch.uniKey))
		ch.uniID[key] = x
		ch.uniKey = append(ch.uniKey, key)
		ch.uniN = append(ch.uniN, 0)
	}
	return x
}

func (ch *textChunk) surface(uni int32, text string) int32 {
	k := chunkSurf{uni, text}
	x, ok := ch.surfID[k]
	if !ok {
		x = int32(len(ch.surf))
		ch.surfID[k] = x
		ch.surf = append(ch.surf, text)
		ch.surfUni = append(ch.surfUni, uni)
		ch.surfN = append(ch.surfN, 0)
	}
	return x
}

// gap numbers what stands between the two words of a bigram as its
// surface writes it: each run of white space as one space (the surface
// is the text from the first word to the second with its white space so
// joined), so a space, a hyphen, or a possessive ("'s ").
func (ch *textChunk) gap(raw string) int32 {
	switch raw {
	case " ":
		return 0
	case "-":
		return 1
	}
	if x, ok := ch.gapID[raw]; ok {
		return x
	}
	g := collapseSpace(raw)
	x, ok := ch.gapID[g]
	if !ok {
		x = int32(len(ch.gaps))
		ch.gapID[g] = x
		ch.gaps = append(ch.gaps, g)
	}
	ch.gapID[raw] = x
	return x
}

// collapseSpace writes each run of white space in s as one space.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

func surfaceLess(a, b string) bool {
	if b == "" {
		return true
	}
	la, lb := a == strings.ToLower(a), b == strings.ToLower(b)
	if la != lb {
		return la
	}
	return a < b
}

// lookup returns the feature for a term as a person would type it
// ("political will", "dialogue", a stem key) or -1.
func (ti *textIndex) lookup(term string) int32 {
	if x := ti.keyID(term); x >= 0 {
		return x
	}
	ws := contentWords(term, nil)
	switch len(ws) {
	case 1:
		return ti.keyID(ws[0].key)
	case 2:
		return ti.keyID(ws[0].key + " " + ws[1].key)
	}
	return -1
}

// keyID returns the feature whose key is key, or -1.
func (ti *textIndex) keyID(key string) int32 {
	a, b, two := strings.Cut(key, " ")
	ua, ok := ti.uniID[a]
	if !ok {
		return -1
	}
	if !two {
		return ua
	}
	ub, ok := ti.uniID[b]
	if !ok {
		return -1
	}
	x, ok := ti.biID[biPair(ua, ub)]
	if !ok {
		return -1
	}
	return ti.nUni + x
}

// WithTerm returns the statements among ids (in their order) that use the
// term: a Term's Key or Term, or words as a person types them ("political
// will", "dialogues" — stemmed as the comparison stems them). An unknown
// term matches nothing. Selecting a distinctive term in the comparison
// filters both sides with it.
func (c *Corpus) WithTerm(ids []int, term string) []int {
	ti := c.texts()
	x := ti.lookup(strings.TrimSpace(term))
	if x < 0 {
		return nil
	}
	var out []int
	for _, i := range ids {
		for _, y := range ti.features(i) {
			if y&featMask == x {
				out = append(out, i)
				break
			}
		}
	}
	return out
}
