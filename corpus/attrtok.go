package corpus

import (
	"github.com/quotetrail/quotetrail/corpus/internal/learn"
	"github.com/quotetrail/quotetrail/model"
)

// The learned attribution tagger (attrmodel.go) reads the text as a flat
// run of tokens in which, unlike the rule passes' tokens, a quotation is
// not one opaque token: its marks are tokens of their own and its words are
// tokens marked as quoted, so a statement may begin or end inside one.

type atokKind uint8

const (
	akWord atokKind = iota
	akPunct
	akOpen  // an opening quotation mark of a paired quotation
	akClose // its closing mark
)

// atok is one token of the tagger's view of a text.
type atok struct {
	Start, End int
	Sent, Para int
	Low        string // normalised as token.Low
	Stem       string // the Snowball stem of a word
	// LowH, StemH and ClsH hash Low, Stem and the token's wordClass, once
	// for the many features that hold them
	LowH, StemH, ClsH uint64
	Quote             int32 // the innermost enclosing quotation (or, for a mark, its own), or -1
	Kind              atokKind
	Cap               bool
	InQ               uint8 // how many paired quotations enclose it (marks excluded)
	Cls               uint8 // the index of its wordClass in classNames (clsOther if none)
}

// atext is a document as the tagger reads it.
type atext struct {
	toks  []atok
	sents [][2]int // token range of each sentence
	paras [][2]int // token range of each paragraph
	words []int    // words[k]: how many word tokens stand before token k
}

// wordsIn counts the word tokens of [i, j).
func (at *atext) wordsIn(i, j int) int { return at.words[j] - at.words[i] }

// attrTokens builds the tagger's tokens from the analysis's sentences: their
// words and marks as the rule passes tokenized them, with each quotation
// opened up into its marks and words.
func (a *analysis) attrTokens() *atext {
	// the quotations' words first, all in one slice, so that the tokens
	// are allocated once, at their number
	n := 0
	var inner []token
	for si, s := range a.sents {
		for i := range s.toks {
			t := &s.toks[i]
			if t.Kind != tokQuote {
				n++
				continue
			}
			inner = appendTokens(inner, a.text, model.Span{Start: t.Start, End: t.End}, nil, si, 0)
		}
	}
	at := &atext{toks: make([]atok, 0, n+len(inner))}
	para := -1
	add := func(t *token, si int) {
		k, stem := akWord, ""
		if t.Kind != tokWord {
			k = akPunct
		} else {
			stem = stemWord(t.Base)
		}
		at.toks = append(at.toks, atok{Start: t.Start, End: t.End, Low: t.Low, Stem: stem, Kind: k, Cap: t.Cap,
			Sent: si, Para: len(at.paras) - 1, Quote: -1})
	}
	q := 0 // the next of inner
	for si, s := range a.sents {
		if s.para != para {
			if para >= 0 {
				at.paras[len(at.paras)-1][1] = len(at.toks)
			}
			para = s.para
			at.paras = append(at.paras, [2]int{len(at.toks), len(at.toks)})
		}
		from := len(at.toks)
		for i := range s.toks {
			t := &s.toks[i]
			if t.Kind != tokQuote {
				add(t, si)
				continue
			}
			for ; q < len(inner) && inner[q].Sent == si && inner[q].Start < t.End; q++ {
				add(&inner[q], si)
			}
		}
		at.sents = append(at.sents, [2]int{from, len(at.toks)})
	}
	if len(at.paras) > 0 {
		at.paras[len(at.paras)-1][1] = len(at.toks)
	}
	a.markQuoted(at)
	at.words = make([]int, len(at.toks)+1)
	for k := range at.toks {
		t := &at.toks[k]
		at.words[k+1] = at.words[k]
		if t.Kind == akWord {
			at.words[k+1]++
		}
		t.LowH, t.StemH = learn.StrHash(t.Low), learn.StrHash(t.Stem)
		t.Cls, t.ClsH = classOf(wordClass(t))
	}
	return at
}

// classNames are wordClass's few answers, and the edges of a window
// (tokClass): a token's class is also a small index, which the taggers'
// features of classes look up in tables (attrfeat.go) rather than by hash.
var classNames = []string{"<s>", "</s>", "“", "”", ",", ":", ";", ".", "?", "!", "(", ")", "—", "–", "-", "p", "C", "0", "w",
	// the function words that are their own class
	"that", "to", "the", "a", "an", "and", "but", "he", "she", "they", "it", "we", "i", "who", "which",
	"in", "on", "of", "for", "with", "at", "by", "from", "as", "is", "was", "has", "had", "have", "would", "will", "not"}

const (
	clsStart = 0 // "<s>"
	clsEnd   = 1 // "</s>"
	// clsOther marks a class not in classNames: its features are looked up
	// by hash
	clsOther = 255
)

var (
	classIDs    = map[string]uint8{}
	classHashes = make([]uint64, len(classNames))
)

func init() {
	for i, c := range classNames {
		classIDs[c] = uint8(i)
		classHashes[i] = learn.StrHash(c)
	}
}

// classOf is the index and the hash of class c.
func classOf(c string) (uint8, uint64) {
	if id, ok := classIDs[c]; ok {
		return id, classHashes[id]
	}
	return clsOther, learn.StrHash(c)
}

// markQuoted sets the marks' kinds and every token's quotation depth.
func (a *analysis) markQuoted(at *atext) {
	T := at.toks
	j := 0
	for qi, q := range a.quotes {
		for j < len(T) && T[j].End <= q.Open {
			j++
		}
		inner := model.Span{Start: q.Open + q.OpenLen, End: q.Close}
		for k := j; k < len(T) && T[k].Start < q.Close+q.CloseLen; k++ {
			t := &T[k]
			switch {
			case q.OpenLen > 0 && t.Start == q.Open:
				t.Kind, t.Quote = akOpen, int32(qi)
			case q.CloseLen > 0 && t.Start == q.Close:
				t.Kind, t.Quote = akClose, int32(qi)
			case t.Start >= inner.Start && t.End <= inner.End:
				t.InQ++
				t.Quote = int32(qi)
			}
		}
	}
}

// spanOf is the text span of tokens [i, j).
func (at *atext) spanOf(i, j int) model.Span {
	return model.Span{Start: at.toks[i].Start, End: at.toks[j-1].End}
}

// wordClass sorts a token into a few classes the features condition on.
func wordClass(t *atok) string {
	switch t.Kind {
	case akOpen:
		return "“"
	case akClose:
		return "”"
	case akPunct:
		switch t.Low {
		case ",", ":", ";", ".", "?", "!", "(", ")", "—", "–", "-":
			return t.Low
		}
		return "p"
	}
	switch t.Low {
	case "that", "to", "the", "a", "an", "and", "but", "he", "she", "they", "it", "we", "i", "who", "which",
		"in", "on", "of", "for", "with", "at", "by", "from", "as", "is", "was", "has", "had", "have", "would", "will", "not":
		return t.Low
	}
	if t.Cap {
		return "C"
	}
	if t.Low != "" && t.Low[0] >= '0' && t.Low[0] <= '9' {
		return "0"
	}
	return "w"
}
