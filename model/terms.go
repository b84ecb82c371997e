package model

import (
	"math"
	"runtime"
	"sort"
	"strings"
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
	// for the text index: its unigram and surface, and whether it is a
	// word of a speaker's name written with a capital
	uni, surf int32
	name      bool
}

// contentWords splits text into content words. stem caches stems across
// calls (nil: no cache).
func contentWords(text string, stem map[string]string) []cword {
	var out []cword
	sc := wordScanner{text: text}
	for {
		tok, ok := sc.next()
		if !ok {
			return out
		}
		wc := classifyWord(text[tok.start:tok.end], tok.dotted, stem)
		if !sc.keep(wc) {
			continue
		}
		out = append(out, sc.word(tok, wc, wc.key))
	}
}

// wordScanner walks a text's words for contentWords and the text index:
// next finds the next word, the caller classifies it (classifyWord,
// which depends on the word alone) and keep says whether it is a content
// word, which decides whether the next can join it in a bigram.
type wordScanner struct {
	text   string
	i      int
	joined bool // whether the next content word may form a bigram with the last
	hyphen bool // whether a hyphen stands between the last word and the next
}

// wordToken is a word as scanned: text[start:end], possessive included.
type wordToken struct {
	start, end  int
	dotted      bool // an acronym with dots: "U.S."
	afterHyphen bool // a hyphen stands right before it
}

func (sc *wordScanner) next() (wordToken, bool) {
	text := sc.text
	for sc.i < len(text) {
		r, size := rune(text[sc.i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[sc.i:])
		}
		if !isWordRune(r) {
			if !isSpace(r) && r != '-' && r != '‐' {
				sc.joined = false
			}
			sc.hyphen = r == '-' || r == '‐'
			sc.i += size
			continue
		}
		tok := wordToken{start: sc.i, afterHyphen: sc.hyphen}
		sc.hyphen = false
		// acronym with dots: U.S., U.S.A., U.K.
		j := sc.i
		for j+1 < len(text) && text[j] >= 'A' && text[j] <= 'Z' && text[j+1] == '.' {
			j += 2
		}
		if j-sc.i >= 4 && (j >= len(text) || !isWordByte(text[j])) {
			tok.dotted = true
		} else {
			j = sc.i
			for j < len(text) {
				r, size := rune(text[j]), 1
				if r >= utf8.RuneSelf {
					r, size = utf8.DecodeRuneInString(text[j:])
				}
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
		}
		tok.end = j
		sc.i = j
		return tok, true
	}
	return wordToken{}, false
}

// keep reports whether the word just scanned, classified as wc, is a
// content word, and updates whether the next may join it.
func (sc *wordScanner) keep(wc wordClass) bool {
	keep := !wc.drop && (!wc.will || nounWill(sc.text[sc.i:], sc.joined))
	if !keep {
		sc.joined = false
	}
	return keep
}

// word is the content word for a token kept with key.
func (sc *wordScanner) word(tok wordToken, wc wordClass, key string) cword {
	w := cword{key: key, start: tok.start, end: tok.end - wc.strip, joined: sc.joined,
		hyphen: sc.joined && tok.afterHyphen, capital: wc.capital}
	sc.joined = true
	return w
}

// wordClass is what a word is, which depends on the word alone.
type wordClass struct {
	drop    bool   // not a content word
	will    bool   // "will": a content word only as the noun (nounWill)
	key     string // stem, or the acronym lower-cased
	strip   int    // bytes of a possessive ('s) to leave out of the word's span
	capital bool   // written with a capital or as an acronym ("Trump", "US")
}

// classifyWord classifies a scanned word (dotted: an acronym with dots).
func classifyWord(word string, dotted bool, stem map[string]string) wordClass {
	acronym := false
	if dotted {
		word = strings.ReplaceAll(word, ".", "")
		acronym = true
	}
	var wc wordClass
	lower := strings.ToLower(strings.ReplaceAll(word, "’", "'"))
	if strings.HasSuffix(lower, "'s") {
		lower = lower[:len(lower)-2]
		if r, _ := utf8.DecodeLastRuneInString(word[:len(word)-1]); r == '’' {
			wc.strip = len("’s")
		} else {
			wc.strip = 2
		}
	}
	if !acronym && len(word) >= 2 && len(word) <= 5 && isUpperWord(word) {
		acronym = true // US, NATO, START
	}
	if !hasLetter(lower) {
		return wordClass{drop: true}
	}
	switch {
	case acronym:
		wc.key = lower
	case utf8.RuneCountInString(lower) < 2 || contentStop[lower] && lower != "will":
		return wordClass{drop: true}
	default:
		wc.will = lower == "will"
		wc.key = stemWord(lower, stem)
	}
	first, _ := utf8.DecodeRuneInString(word)
	wc.capital = acronym || unicode.IsUpper(first)
	return wc
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

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

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

// distinctiveTerms computes the log-odds z of every feature used on either
// side and returns the top n leaning left (highest z) and the top n leaning
// right (most negative z).
func distinctiveTerms(ti *textIndex, left, right []int, n int) (lt, rt []Term) {
	if len(left) == 0 && len(right) == 0 {
		return nil, nil
	}
	// the counts on each side, a side a worker
	var yl, yr []int32
	var nl, nr float64
	count := func(ids []int, total *float64) []int32 {
		y := make([]int32, ti.size())
		m := 0
		for _, i := range ids {
			f := ti.features(i)
			for _, x := range f {
				y[x&featMask]++
			}
			m += len(f)
		}
		*total = float64(m)
		return y
	}
	parallel(2, func(k int) {
		if k == 0 {
			yl = count(left, &nl)
		} else {
			yr = count(right, &nr)
		}
	})

	// the best few of each sign, by a bounded insertion (the vocabulary can
	// be large; the lists are short); room for unigrams topTerms drops.
	// Each worker takes a range of the features, then the lists merge:
	// the order is total (z, then the key), so the lists are the same.
	room := 4*n + 8
	better := func(a, b zTerm, sign float64) bool {
		za, zb := a.z*sign, b.z*sign
		if za != zb {
			return za > zb
		}
		return ti.keyLess(a.x, b.x)
	}
	insert := func(cand []zTerm, t zTerm, sign float64) []zTerm {
		if t.z*sign <= 0 || len(cand) == room && !better(t, cand[room-1], sign) {
			return cand
		}
		k := sort.Search(len(cand), func(i int) bool { return better(t, cand[i], sign) })
		if len(cand) < room {
			cand = append(cand, zTerm{})
		}
		copy(cand[k+1:], cand[k:len(cand)-1])
		cand[k] = t
		return cand
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), ti.size()/50000))
	part := make([][2][]zTerm, workers)
	parallel(workers, func(w int) {
		var pos, neg []zTerm
		for x := ti.size() * w / workers; x < ti.size()*(w+1)/workers; x++ {
			if yl[x] == 0 && yr[x] == 0 {
				continue
			}
			alpha := PriorSize * float64(ti.total[x]) / ti.n
			t := zTerm{logOddsZ(float64(yl[x]), float64(yr[x]), nl, nr, alpha, PriorSize), int32(x)}
			pos = insert(pos, t, 1)
			neg = insert(neg, t, -1)
		}
		part[w] = [2][]zTerm{pos, neg}
	})
	pick := func(side int, sign float64) []Term {
		var cand []zTerm
		for _, p := range part {
			for _, t := range p[side] {
				cand = insert(cand, t, sign)
			}
		}
		terms := make([]Term, len(cand))
		for k, t := range cand {
			terms[k] = Term{Term: ti.surface(t.x), Key: ti.key(t.x), Z: t.z, LeftCount: int(yl[t.x]), RightCount: int(yr[t.x])}
		}
		return topTerms(terms, n)
	}
	return pick(0, 1), pick(1, -1)
}

// zTerm is a feature and its log-odds z.
type zTerm struct {
	z float64
	x int32
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
