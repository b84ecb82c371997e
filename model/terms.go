package model

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Distinctive terms: what sets the Biden-period wording apart from the
// Trump-period wording, by the weighted log-odds ratio with an informative
// Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words",
// eq. 16–22).
//
// Features are unigrams and bigrams of content words: words are split at
// anything that is not a letter, a digit or an apostrophe inside a word,
// lower-cased, dropped when on the stop list (contentStop), and stemmed with
// the Snowball English stemmer; acronyms in capitals ("US", "U.S.", "NATO")
// are kept as they are, so "US" is not the stop word "us". "will" is a
// stop word as the modal verb, a content word as the noun ("political will
// to engage"). A bigram is two content words next to each other in the
// text with nothing but spaces or a hyphen between them ("political will",
// "President-elect"); a stop word or punctuation between two words breaks
// it, and so does the seam between a title and the name it precedes
// ("President-elect | Donald Trump": no "elect Donald"). A feature is
// shown in the surface form most used in the corpus.
//
// With y_w^i the count of feature w on side i, n^i the side's total
// feature count, α_w = PriorSize · f_w (f_w the feature's share of all
// features in the whole corpus, not only the compared statements) and
// α_0 = Σ α_w = PriorSize:
//
//	δ_w = log((y_w^i + α_w) / (n^i + α_0 − y_w^i − α_w))
//	    − log((y_w^j + α_w) / (n^j + α_0 − y_w^j − α_w))
//	σ²_w ≈ 1/(y_w^i + α_w) + 1/(y_w^j + α_w)
//	z_w = δ_w / σ_w
//
// with i the Biden side, so a positive z leans Biden and a negative one
// leans Trump.

// PriorSize is α_0, the weight of the informative prior in pseudo-counts.
// 1000 is about the size of a few dozen statements: on a small corpus the
// prior is as strong as the data, so a term seen once or twice on one side
// does not outrank one used steadily; on a large corpus the data dominate.
const PriorSize = 1000.0

// DefaultTopTerms is how many distinctive terms each side lists by default.
const DefaultTopTerms = 12

// contentStop lists the words that carry no content for comparison:
// English function words, auxiliaries and modals, light verbs ("take
// action", "be able to", "see how"), and the verbs news
// reports use to introduce speech ("said", "stressed", "expressed"), which
// say how an article reports a statement, not what was said. Matched on the
// lower-cased word before stemming.
var contentStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a about above across after again against all almost along already also although always am among an and
another any anyone anything are aren't around as at be became because become been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't done down
during each either else even ever every few for from further had hadn't has hasn't have haven't having
he he'd he'll he's her here hers herself him himself his how however i i'd i'll i'm i've if in into is
isn't it it's its itself just let let's like made make makes many may me might more most much must
mustn't my myself neither no nor not now of off often on once one only or other others otherwise our
ours ourselves out over own per perhaps quite rather really same shall shan't she she'd she'll she's
should shouldn't since so some something such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those though through thus to too toward
towards under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's
whatever when where whether which while who who's whom whose why will with within without won't would
wouldn't yet you you'd you'll you're you've your yours yourself yourselves
mr mrs ms dr
able unable get gets getting got gotten go goes going gone went see seen sees saw take takes taking
taken took
according added adding add adds argued asserted claimed commented concluded continued declared
emphasised emphasized explained indicated insisted mentioned noted recalled reiterated remarked replied
said say saying says stated stressed suggested told underlined underscored
articulated express expressed expresses expressing voiced
`) {
		m[w] = true
	}
	return m
}()

// cword is a content word found in a text.
type cword struct {
	key        string // stem, or the acronym lower-cased
	start, end int    // byte span of the word as written (possessive 's dropped)
	joined     bool   // only spaces or a hyphen separate it from the previous content word
	hyphen     bool   // joined to the previous content word by a hyphen ("President-elect")
	capital    bool   // written with a capital or as an acronym ("Trump", "US")
}

// contentWords splits text into content words. stem caches stems across
// calls (nil: no cache).
func contentWords(text string, stem map[string]string) []cword {
	var out []cword
	joined := false // whether the next content word may form a bigram with the last
	hyphen := false // whether a hyphen stands between the last word and the next
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
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
				if isWordRune(r) {
					j += size
					continue
				}
				if r == '\'' || r == '’' {
					if r2, _ := utf8.DecodeRuneInString(text[j+size:]); j+size < len(text) && isWordRune(r2) {
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

// nounWill reports whether a "will" is the noun ("political will to
// engage", "the will of the people", "goodwill and political will.")
// rather than the modal verb, which is followed by a verb or an adverb:
// the noun is followed by "to", "of", "and" or "or", or it ends a clause
// right after a content word (afterWord). rest is the text after "will".
func nounWill(rest string, afterWord bool) bool {
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	if rest == "" {
		return afterWord
	}
	if r, _ := utf8.DecodeRuneInString(rest); !isWordRune(r) {
		return afterWord && r != '-' && r != '‐'
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return !isWordRune(r) })
	if end < 0 {
		end = len(rest)
	}
	switch strings.ToLower(rest[:end]) {
	case "to", "of", "and", "or":
		return true
	}
	return false
}

func stemWord(w string, cache map[string]string) string {
	if cache != nil {
		if s, ok := cache[w]; ok {
			return s
		}
	}
	s := english.Stem(americanSpelling(w), true)
	if s == "" {
		s = w
	}
	if cache != nil {
		cache[w] = s
	}
	return s
}

// americanSpelling folds the British spellings translated news mixes with
// the American ones before stemming: "dialogue" and "dialog",
// "normalise" and "normalize" stem alike.
func americanSpelling(w string) string {
	if v, ok := spellingVariants[w]; ok {
		return v
	}
	if len(w) < 6 {
		return w
	}
	for _, suf := range [][2]string{{"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"}, {"ise", "ize"}} {
		if strings.HasSuffix(w, suf[0]) && !iseExceptions[strings.TrimSuffix(w, suf[0])+"ise"] {
			return strings.TrimSuffix(w, suf[0]) + suf[1]
		}
	}
	return w
}

var spellingVariants = map[string]string{"dialog": "dialogue", "dialogs": "dialogues", "defense": "defence", "defenses": "defences"}

// iseExceptions are words whose -ise is not the British -ize.
var iseExceptions = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("advertise arise bruise chastise compromise concise cruise demise despise devise disguise enterprise exercise expertise franchise improvise merchandise noise otherwise paradise poise praise precise premise promise reprise revise supervise surmise surprise televise treatise") {
		m[w] = true
	}
	return m
}()

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

func isUpperWord(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// textIndex is the content-word analysis of every statement in a corpus,
// built once on first use (by Compare or WithTerm) and read-only after.
type textIndex struct {
	once    sync.Once
	vocab   map[string]int32 // feature key ("dialogu", "polit will") → id
	keys    []string         // id → key
	surface []string         // id → the surface form most used
	bigram  []bool           // id → a bigram
	feats   []stmtFeatures   // per statement
	total   []int32          // id → count in the whole corpus
	n       float64          // Σ total
}

// stmtFeatures are one statement's features in text order: its unigrams,
// then its bigrams.
type stmtFeatures struct {
	ids  []int32
	nUni int
	// ent marks the unigrams that are part of a name (see markNames); nil
	// when none is.
	ent []bool
}

func (s stmtFeatures) unigrams() []int32 { return s.ids[:s.nUni] }

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
// word of a speaker's name (nameKeys), with the titles and attributes it
// carries — "Russian President Vladimir Putin", "U.S. President-elect
// Donald Trump", "Mr. Trump", "the White House National Security
// Council". A registry word written in lower case ("global security") is
// not a name. ent[k] is set for a word in such a run; nil when there is
// none.
func markNames(ws []cword, names map[string]bool) []bool {
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

func (ti *textIndex) build(stmts []*Statement, names map[string]bool) {
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
	ti.feats = make([]stmtFeatures, len(stmts))
	var buf []int32
	for si, s := range stmts {
		ws := contentWords(s.Text, stems)
		buf = buf[:0]
		for _, w := range ws {
			x := id(w.key, false)
			buf = append(buf, x)
			surf[surfKey{x, s.Text[w.start:w.end]}]++
		}
		nUni := len(buf)
		ent := markNames(ws, names)
		for k := 1; k < len(ws); k++ {
			if !ws[k].joined {
				continue
			}
			// within a name, a title does not pair with the name it
			// precedes: "President-elect" and "Donald Trump", not "elect Donald"
			if ent != nil && ent[k-1] && ent[k] && isName(ws[k-1], names) != isName(ws[k], names) {
				continue
			}
			x := id(ws[k-1].key+" "+ws[k].key, true)
			buf = append(buf, x)
			surf[surfKey{x, strings.Join(strings.Fields(s.Text[ws[k-1].start:ws[k].end]), " ")}]++
		}
		ids := make([]int32, len(buf))
		copy(ids, buf)
		ti.feats[si] = stmtFeatures{ids: ids, nUni: nUni, ent: ent}
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

func isName(w cword, names map[string]bool) bool { return w.capital && names[w.key] }

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

// lookup returns the feature id for a term as a person would type it
// ("political will", "dialogue", a stem key) or -1.
func (ti *textIndex) lookup(term string) int32 {
	if x, ok := ti.vocab[term]; ok {
		return x
	}
	ws := contentWords(term, nil)
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
		for _, y := range ti.feats[i].ids {
			if y == x {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// distinctiveTerms computes the log-odds z of every feature used on either
// side and returns the top n leaning left (highest z) and the top n leaning
// right (most negative z).
func distinctiveTerms(ti *textIndex, left, right []int, n int) (lt, rt []Term) {
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

// topTerms takes the first n terms, leaving out a unigram that is mostly
// used inside a bigram among the candidates — in at least
// BigramCover of its uses — so "red lines" does not come with "red" and
// "lines" as well, nor "United States" (6 uses) with "States" (7).
func topTerms(cand []Term, n int) []Term {
	inside := map[string]int{} // unigram key → most uses of a bigram holding it
	for _, b := range cand {
		if parts := strings.Fields(b.Key); len(parts) == 2 {
			for _, p := range parts {
				inside[p] = max(inside[p], b.LeftCount+b.RightCount)
			}
		}
	}
	out := []Term{}
	for _, t := range cand {
		if len(out) == n {
			break
		}
		if !strings.Contains(t.Key, " ") && float64(inside[t.Key]) >= BigramCover*float64(t.LeftCount+t.RightCount) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// BigramCover is the share of a unigram's uses inside one bigram above
// which the distinctive terms list the bigram alone.
const BigramCover = 0.75

// logOddsZ is Monroe, Colaresi & Quinn's eq. 22 for one feature: yi, yj its
// counts on the two sides, ni, nj the sides' totals, alpha its prior
// pseudo-count and alpha0 the prior's total.
func logOddsZ(yi, yj, ni, nj, alpha, alpha0 float64) float64 {
	if alpha <= 0 {
		alpha = 1e-9
	}
	delta := math.Log((yi+alpha)/(ni+alpha0-yi-alpha)) - math.Log((yj+alpha)/(nj+alpha0-yj-alpha))
	variance := 1/(yi+alpha) + 1/(yj+alpha)
	return delta / math.Sqrt(variance)
}
