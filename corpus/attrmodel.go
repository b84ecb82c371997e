package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/quotetrail/quotetrail/corpus/internal/learn"
)

// AttribModel is the learned part of statement extraction: a cue tagger and
// a role tagger (attrfeat.go), trained on PolNeAR's annotated US news
// (cmd/qttrain) and shipped in corpus/data as cue.model and role.model.
type AttribModel struct {
	cue, role *learn.Model
	cueWords  map[string]bool // what cues are made of (cueWord)
	tables    *featTables     // the weights of features of small parts (attrfeat.go)
}

// cueWord is how a token counts in the cue vocabulary: a word's stem, or a
// mark as it is.
func cueWord(t *atok) string {
	if t.Kind == akWord {
		return t.Stem
	}
	return t.Low
}

// LoadAttribModel reads the two taggers' shipped forms.
func LoadAttribModel(cue, role []byte) (*AttribModel, error) {
	c, err := learn.Decode(cue)
	if err != nil {
		return nil, fmt.Errorf("cue model: %w", err)
	}
	r, err := learn.Decode(role)
	if err != nil {
		return nil, fmt.Errorf("role model: %w", err)
	}
	if c.Tags != cueTags || r.Tags != roleTags {
		return nil, fmt.Errorf("attribution model: %d and %d tags, want %d and %d", c.Tags, r.Tags, cueTags, roleTags)
	}
	words := make(map[string]bool, len(c.Vocab))
	for _, w := range c.Vocab {
		words[w] = true
	}
	return &AttribModel{cue: c, role: r, cueWords: words, tables: newFeatTables()}, nil
}

// builtinAttrib loads the shipped model once, when extraction first needs it.
type builtinAttrib struct {
	once sync.Once
	m    *AttribModel
	err  error
}

func (b *builtinAttrib) get() (*AttribModel, error) {
	b.once.Do(func() {
		cue, err1 := dataFS.ReadFile("data/cue.model")
		role, err2 := dataFS.ReadFile("data/role.model")
		if errors.Is(err1, fs.ErrNotExist) || errors.Is(err2, fs.ErrNotExist) {
			return // built without a model: the rules alone
		}
		if err := errors.Join(err1, err2); err != nil {
			b.err = err
			return
		}
		b.m, b.err = LoadAttribModel(cue, role)
	})
	return b.m, b.err
}

// attrCtx is one document as the taggers see it.
type attrCtx struct {
	reg   *Registry
	text  string
	at    *atext
	wsBuf []string
	fbuf  featBuf
	em    [][]float32
	rw    roleWindow // the role tagger's, reused from cue to cue
	ebuf  featBuf    // explainCue's
	dec   learn.Decoder
	// capped is set when a sentence was longer than MaxTaggedTokens
	capped bool
}

func (a *analysis) newAttrCtx() *attrCtx {
	at := a.attrTokens()
	a.bud.charge(len(at.toks) * atokSize)
	return &attrCtx{reg: a.reg, text: a.text, at: at}
}

// taggerWarning warns, when x read a sentence only in part, which limit
// it kept to.
func (a *analysis) taggerWarning(x *attrCtx) {
	if x.capped {
		warnOnce(a.doc, fmt.Sprintf("sentence longer than %s tokens: the learned taggers read its first %s", groupDigits(MaxTaggedTokens), groupDigits(MaxTaggedTokens)))
	}
}

// learnedAttr is one attribution the taggers found, in token ranges.
type learnedAttr struct {
	cue      [2]int
	source   [2]int // {-1, -1} when the tagger marked none
	contents [][2]int
}

func (x *attrCtx) emissions(m *learn.Model, n int, feat func(k int, f featBuf) featBuf) [][]float32 {
	em := x.emRows(n, m.Tags)
	for k := 0; k < n; k++ {
		x.fbuf = feat(k, x.fbuf.reset())
		m.Emit(x.fbuf.h, em[k])
	}
	return em
}

// emRows is n cleared rows of tags scores, reused from call to call.
func (x *attrCtx) emRows(n, tags int) [][]float32 {
	if cap(x.em) < n || n > 0 && cap(x.em[0]) < tags {
		// rows for both taggers, cut from one array
		w := max(tags, cueTags, roleTags)
		c := max(n, 2*cap(x.em))
		flat := make([]float32, c*w)
		x.em = make([][]float32, c)
		for k := range x.em {
			x.em[k] = flat[k*w : k*w+w : k*w+w]
		}
	}
	em := x.em[:n]
	for k := range em {
		em[k] = em[k][:tags]
		clear(em[k])
	}
	return em
}

// cueEmissions are the cue tagger's scores of tokens [a, b) of the
// sentence [lo, hi): emissions over cueFeatures, found faster (cueEmit).
func (x *attrCtx) cueEmissions(m *AttribModel, a, b, lo, hi int) [][]float32 {
	em := x.emRows(b-a, cueTags)
	for j := range em {
		x.cueEmit(m, a+j, lo, hi, (*cueRow)(em[j]))
	}
	return em
}

// roleEmissions are the role tagger's scores of the tokens of rw:
// emissions over roleFeatures, found faster (roleEmit).
func (x *attrCtx) roleEmissions(m *AttribModel, rw *roleWindow) [][]float32 {
	em := x.emRows(rw.hi-rw.lo, roleTags)
	for j := range em {
		x.roleEmit(m, rw, rw.lo+j, (*roleRow)(em[j]))
	}
	return em
}

// findCues tags every sentence for speech cues and returns their token
// ranges in text order.
func (x *attrCtx) findCues(m *AttribModel, settled func(pos int) bool) [][2]int {
	var out [][2]int
	for _, s := range x.at.sents {
		lo, hi := s[0], s[1]
		if hi-lo > MaxTaggedTokens { // the rest of a huge sentence is the rules' (limits.go)
			hi = lo + MaxTaggedTokens
			x.capped = true
		}
		// the tagger reads the stretches around the words a cue can be
		// made of (cueAnchor), each on its own: a cue lies within a few
		// tokens of one, and the rest of a sentence is no cue
		for k := lo; k < hi; {
			if !x.cueAnchor(m, k, hi) || settled != nil && settled(x.at.toks[k].Start) {
				k++
				continue
			}
			a, b := max(lo, k-cueReachBefore), min(hi, k+cueReachAfter)
			for b < hi && b-a < 64 && x.anchorWithin(m, b, min(hi, b+cueReachBefore)) {
				b = min(hi, b+cueReachAfter)
			}
			em := x.cueEmissions(m, a, b, lo, hi)
			tags, _ := x.dec.Decode(m.cue, em, cueAllowed)
			for j := 0; j < len(tags); j++ {
				if tags[j] != cueB {
					continue
				}
				e := j + 1
				for e < len(tags) && tags[e] == cueI {
					e++
				}
				out = append(out, x.trimCue([2]int{a + j, a + e}, hi))
				j = e - 1
			}
			k = b
		}
	}
	return out
}

// How far around an anchor word the cue tagger reads.
const (
	cueReachBefore = 3
	cueReachAfter  = 5
)

// cueAnchor reports whether token k can anchor a cue: a word of the cue
// vocabulary that is not a function word, an entry of the speech-verb
// table, or a colon or dash.
func (x *attrCtx) cueAnchor(m *AttribModel, k, hi int) bool {
	t := &x.at.toks[k]
	if t.Kind != akWord {
		return t.Low == ":" || t.Low == "—" || t.Low == "–" || t.Low == "―" || t.Low == "-"
	}
	if len(m.cueWords) == 0 {
		return true
	}
	return m.cueWords[t.Stem] && !functionWords[t.Low] || x.lexicon(k, hi) > 0
}

func (x *attrCtx) anchorWithin(m *AttribModel, from, to int) bool {
	for k := from; k < to; k++ {
		if x.cueAnchor(m, k, to) {
			return true
		}
	}
	return false
}

// functionWords never anchor a cue on their own.
var functionWords = setOf("the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "and",
	"or", "but", "that", "this", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "is",
	"are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may",
	"might", "not", "also", "about", "into", "than", "then", "who", "which", "what", "when", "where", "how", "why",
	"there", "here", "so", "if", "do", "does", "did", "up", "out", "over", "after", "before", "all", "more", "most",
	"some", "any", "no", "one", "two", "new", "last", "first", "mr", "mrs", "ms")

// auxiliaries start a verb phrase: a word between a cue and one of them is
// the reported clause's subject ("said talks were possible"), not part of
// the cue.
var auxiliaries = setOf("is", "are", "was", "were", "will", "would", "can", "could", "has", "have", "had",
	"should", "must", "may", "might", "does", "did", "do")

func (x *attrCtx) trimCue(c [2]int, hi int) [2]int {
	at := x.at
	for c[1]-c[0] > 1 && c[1] < hi && auxiliaries[at.toks[c[1]].Low] && at.toks[c[1]-1].Kind == akWord && !prepositions[at.toks[c[1]-1].Low] {
		c[1]--
	}
	return c
}

// roles tags the paragraph of one cue for its source and content.
func (x *attrCtx) roles(m *AttribModel, c [2]int, cueTok []bool) learnedAttr {
	at := x.at
	p := at.roleWindow(c)
	rw := &x.rw
	x.initRoleWindow(rw, p[0], p[1], c[0], c[1], cueTok)
	em := x.roleEmissions(m, rw)
	tags, _ := x.dec.Decode(m.role, em, roleAllowed)
	la := learnedAttr{cue: c, source: [2]int{-1, -1}}
	bestSrc := -1
	for k := 0; k < len(tags); k++ {
		switch tags[k] {
		case roleBS:
			e := k + 1
			for e < len(tags) && tags[e] == roleIS {
				e++
			}
			// the source nearest the cue
			d := min(abs(p[0]+k-c[1]), abs(p[0]+e-c[0]))
			if bestSrc < 0 || d < bestSrc {
				bestSrc = d
				la.source = [2]int{p[0] + k, p[0] + e}
			}
			k = e - 1
		case roleBC:
			e := k + 1
			for e < len(tags) && tags[e] == roleIC {
				e++
			}
			la.contents = append(la.contents, [2]int{p[0] + k, p[0] + e})
			k = e - 1
		}
	}
	return la
}

// Bounds of the role tagger's window: the cue's paragraph, cut to whole
// sentences at most this many tokens before and after the cue (a source or
// a content further away is vanishingly rare, and the bound keeps a
// paragraph of a million words linear).
const (
	roleReachBefore = 60
	roleReachAfter  = 90
)

// roleWindow is the token range the role tagger reads for cue c: its
// sentence and the ones around it in its paragraph; the next paragraph
// too when nothing but punctuation follows the cue in its own ("…
// reports:" before the quoted paragraph), and both neighbouring paragraphs
// when its own is a few words only ("Trump said." after a quoted
// paragraph). At most roleReachBefore tokens before the cue and
// roleReachAfter after, in whole sentences.
func (at *atext) roleWindow(c [2]int) [2]int {
	si := at.toks[c[0]].Sent
	pi := at.toks[c[0]].Para
	p := at.paras[pi]
	lo, hi := at.sents[si][0], at.sents[si][1]
	if si > 0 && at.sents[si-1][0] >= p[0] {
		lo = at.sents[si-1][0]
	}
	if si+1 < len(at.sents) && at.sents[si+1][1] <= p[1] {
		hi = at.sents[si+1][1]
	}
	words := at.wordsIn(p[0], p[1])
	if (at.wordsIn(c[1], p[1]) == 0 || words <= 8) && pi+1 < len(at.paras) {
		hi = at.paras[pi+1][1]
	}
	if words <= 8 && pi > 0 {
		lo = at.paras[pi-1][0]
	}
	if c[0]-lo > roleReachBefore {
		lo = c[0] - roleReachBefore
		if s := at.sents[at.toks[lo].Sent]; s[0] < lo && s[1] <= c[0] {
			lo = s[1] // the first whole sentence in reach
		}
	}
	if hi-c[1] > roleReachAfter {
		hi = c[1] + roleReachAfter
		if s := at.sents[at.toks[hi].Sent]; s[0] > c[1] {
			hi = s[0]
		}
	}
	return [2]int{lo, hi}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// learnedAttributions runs both taggers over the document; settled, when
// set, says of a cue's position that the rules have attributed the words
// there already, and the role tagger is not run for it.
func (x *attrCtx) learnedAttributions(m *AttribModel, settled func(pos int) bool) []learnedAttr {
	cues := x.findCues(m, settled)
	if len(cues) == 0 {
		return nil
	}
	cueTok := make([]bool, len(x.at.toks))
	for _, c := range cues {
		for k := c[0]; k < c[1]; k++ {
			cueTok[k] = true
		}
	}
	var out []learnedAttr
	for _, c := range cues {
		if settled != nil && settled(x.at.toks[c[0]].Start) {
			continue
		}
		la := x.roles(m, c, cueTok)
		if len(la.contents) > 0 {
			out = append(out, la)
		}
	}
	x.nest(out)
	kept := out[:0]
	for i := range out {
		x.joinParenthetical(&out[i])
		if x.clipSubordinate(&out[i]) {
			kept = append(kept, out[i])
		}
	}
	return kept
}

// clipSubordinate ends the words reported in an opening subordinate clause
// at its comma: "While Peskov spoke favorably of Trump, he was critical …"
// reports "Trump", not the main clause. It reports whether any words are
// left.
func (x *attrCtx) clipSubordinate(la *learnedAttr) bool {
	at := x.at
	sr := at.sents[at.toks[la.cue[0]].Sent]
	if sr[1] <= sr[0] {
		return true
	}
	// "Noting that both Reagan and Trump battled the media, Schlafly put
	// …": a participle opening the sentence reports up to its comma, as a
	// subordinate clause does
	opening := la.cue[0] == sr[0] && openingParticiple(at.toks[sr[0]].Low, at.toks[sr[0]].Cap)
	if !subordinators[at.toks[sr[0]].Low] && !opening {
		return true
	}
	comma := -1
	for k := sr[0]; k < sr[1]; k++ {
		// the clause's comma, or, opening with a participle, a quotation
		// closing on one ("… an entry-level job,” Will urged")
		closingOnComma := opening && k > sr[0] && at.toks[k-1].Low == "," && at.toks[k-1].InQ > 0 && at.toks[k].InQ == 0 && at.toks[k].Kind == akPunct
		if (at.toks[k].Low != "," || at.toks[k].InQ != 0) && !closingOnComma {
			continue
		}
		if opening && k+1 < sr[1] && !opensMainClause(at.toks[k+1].Cap, at.toks[k+1].Low) {
			continue // "Rattling off promises to lower student debt, reform …": a list, not yet the main clause
		}
		comma = k
		break
	}
	if comma < 0 || la.cue[1] > comma {
		return true
	}
	var keep [][2]int
	for _, c := range la.contents {
		if c[0] >= la.cue[1] && c[0] < comma {
			c[1] = min(c[1], comma)
		}
		if c[0] < comma || c[0] < la.cue[0] {
			keep = append(keep, c)
		}
	}
	la.contents = keep
	return len(keep) > 0
}

// nest lets a report contain the report it reports: in "Peskov said Putin
// had stressed that Russia was ready", the tagger ends Peskov's words where
// Putin's attribution begins; they run on to the end of Putin's.
func (x *attrCtx) nest(as []learnedAttr) {
	at := x.at
	// as is in text order of cues; an inner report's cue stands after the
	// outer words begin and in their sentence, so only the reports of one
	// sentence are compared
	for i := range as {
		outer := &as[i]
		last := &outer.contents[len(outer.contents)-1]
		sent := at.toks[last[0]].Sent
		for j := i + 1; j < len(as) && at.toks[as[j].cue[0]].Sent <= sent; j++ {
			inner := &as[j]
			if at.toks[inner.cue[0]].Sent != sent {
				continue
			}
			start := inner.cue[0]
			if inner.source[0] >= 0 && inner.source[1] <= inner.cue[0] {
				start = inner.source[0]
			}
			end := inner.contents[len(inner.contents)-1][1]
			// the outer words stop right at the inner report, which goes on
			if start >= last[0] && start <= last[1]+1 && start > outer.cue[1] && end > last[1] {
				last[1] = end
			}
		}
	}
}

// joinParenthetical makes one stretch of reported words split only by
// their own attribution ("This, he argued, results in …"): the statement
// keeps the aside, as the sentence has it. A quotation split by its
// attribution ("“…,” he said, “…”") stays two stretches, each a quotation.
func (x *attrCtx) joinParenthetical(la *learnedAttr) {
	at := x.at
	if len(la.contents) != 2 {
		return
	}
	a, b := la.contents[0], la.contents[1]
	for k := a[0]; k < b[1]; k++ {
		if at.toks[k].InQ > 0 || at.toks[k].Kind == akOpen || at.toks[k].Kind == akClose {
			return
		}
	}
	for k := a[1]; k < b[0]; k++ {
		inAttr := k >= la.cue[0] && k < la.cue[1] || k >= la.source[0] && k < la.source[1]
		if !inAttr && at.toks[k].Kind == akWord {
			return
		}
	}
	la.contents = [][2]int{{a[0], b[1]}}
}

// cueTemplates names the cue tagger's feature templates for a reader.
var cueTemplates = map[byte]string{
	'b': "bias", 'w': "word", 'k': "token kind", 't': "stem", 'p': "word before", 'n': "word after",
	'P': "two words before", 'N': "two words after", '1': "word with the one before", '2': "word with the one after",
	'3': "word between its neighbours' classes", 'l': "speech-verb table",
}

// explainCue names what made the cue tagger read cue c as a cue: its
// templates that weigh most for a cue beginning at c's first token, with
// their weight ("word 4.1, speech-verb table 1.9").
func (x *attrCtx) explainCue(m *AttribModel, c [2]int) string {
	s := x.at.sents[x.at.toks[c[0]].Sent]
	f := x.cueFeatures(c[0], s[0], s[1], featBuf{explain: true, h: x.ebuf.h[:0], tmpl: x.ebuf.tmpl[:0]})
	x.ebuf = f
	// the weight for a cue of each template, in the order of the features
	var by [256]float32
	for i, h := range f.h {
		if w := m.cue.Weights(h); w != nil {
			by[f.tmpl[i]] += w[cueB] - w[cueO]
		}
	}
	type part struct {
		t byte
		w float32
	}
	var parts []part
	for t := range by {
		if w := by[t]; w > 0 {
			parts = append(parts, part{byte(t), w})
		}
	}
	sort.Slice(parts, func(i, j int) bool {
		return parts[i].w > parts[j].w || parts[i].w == parts[j].w && parts[i].t < parts[j].t
	})
	var out []string
	for i, p := range parts {
		if i == 3 {
			break
		}
		out = append(out, fmt.Sprintf("%s %.1f", cueTemplates[p.t], p.w))
	}
	return strings.Join(out, ", ")
}
