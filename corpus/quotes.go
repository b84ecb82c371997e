package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

// Quotation marks. The pairing works on double marks only — “ ” " « » „ ‟,
// and the typewriter doubles of archive copy (see pairedASCIIMark) —
// after reading each as opening or closing from its glyph and its
// neighbours; single marks (‘ ’ ') nest inside a double quotation and stay
// part of its text, so an apostrophe (don’t, Trump‘s) is never a quote.

// markKind says how a quotation mark reads in context.
type markKind int

const (
	markOpen markKind = iota
	markClose
	markEither // an ASCII " between two letters
)

// qmark is one double quotation mark in the text.
type qmark struct {
	pos, size int
	kind      markKind
	para      int // index of the paragraph it stands in
	paraStart bool
}

// quote is a paired double quotation.
type quote struct {
	Open, Close       int // byte offsets of the opening and closing marks
	OpenLen, CloseLen int // 0 for a mark the pairing supplied (unclosed quote)
	FirstPara         int
	LastPara          int
	// InnerFrom, when set, is where the quoted words begin after a stray
	// opening mark ("“And“We are ready" quotes "We are ready").
	InnerFrom int
	// Repairs names the repairs made to pair it ("quote:repaired stray
	// opening mark", "quote:continued across paragraphs").
	Repairs []string
}

// Inner is the span of the quoted words, without the marks or the white
// space inside them.
func (q quote) Inner(text string) model.Span {
	s, e := q.Open+q.OpenLen, q.Close
	if q.InnerFrom > s && q.InnerFrom <= e {
		s = q.InnerFrom
	}
	for s < e && isSpaceByte(text[s]) {
		s++
	}
	for e > s && isSpaceByte(text[e-1]) {
		e--
	}
	return model.Span{Start: s, End: e}
}

// Outer is the span from the opening mark to the end of the closing mark.
func (q quote) Outer() model.Span { return model.Span{Start: q.Open, End: q.Close + q.CloseLen} }

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// isDoubleMark reports whether r is a double quotation mark and how its
// glyph reads on its own.
func isDoubleMark(r rune) (markKind, bool) {
	switch r {
	case '“', '„', '‟', '«':
		return markOpen, true
	case '”', '»':
		return markClose, true
	case '"', '＂':
		return markEither, true
	}
	return 0, false
}

// findMarks lists the double quotation marks of text with their reading.
func findMarks(text string, paras []model.Span) []qmark {
	var out []qmark
	p := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		glyph, ok := isDoubleMark(r)
		if !ok {
			glyph, ok = pairedASCIIMark(text, i)
			if !ok {
				i += size
				continue
			}
			size = 2
		}
		for p < len(paras)-1 && i >= paras[p].End {
			p++
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		if i == 0 {
			prev = ' '
		}
		if i+size >= len(text) {
			next = ' '
		}
		prevSpace := unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/", prev)
		nextSpace := unicode.IsSpace(next) || unicode.IsPunct(next) && !isQuoteRune(next)
		nextWord := unicode.IsLetter(next) || unicode.IsDigit(next) || next == '[' || next == '(' || next == '‘' || next == '\'' || next == '…'
		kind := glyph
		switch glyph {
		case markOpen:
			// a left mark after a word and before a space was typed for a right one
			if !prevSpace && nextSpace {
				kind = markClose
			}
		case markClose:
			if prevSpace && nextWord {
				kind = markOpen
			}
		case markEither:
			switch {
			case prevSpace:
				kind = markOpen
			case nextSpace:
				kind = markClose
			}
		}
		mk := qmark{pos: i, size: size, kind: kind, para: p}
		if p < len(paras) {
			mk.paraStart = strings.TrimSpace(text[paras[p].Start:i]) == ""
		}
		out = append(out, mk)
		i += size
	}
	return out
}

// pairedASCIIMark reads the typewriter doubles of archive copy as one
// double mark: two apostrophes in a row (how news archives render both
// curly double marks, read either way by the neighbours) and two backticks
// in a row (an opening mark only). A run of three or more is not a mark.
func pairedASCIIMark(text string, i int) (markKind, bool) {
	if i+1 >= len(text) || text[i] != text[i+1] || i+2 < len(text) && text[i+2] == text[i] || i > 0 && text[i-1] == text[i] {
		return 0, false
	}
	switch text[i] {
	case '\'':
		return markEither, true
	case '`':
		return markOpen, true
	}
	return 0, false
}

func isQuoteRune(r rune) bool {
	_, ok := isDoubleMark(r)
	return ok || r == '‘' || r == '’' || r == '\''
}

// pairQuotes pairs the double quotation marks of text deterministically:
//
//   - an opening mark opens, a closing mark closes the open quotation;
//   - a paragraph that opens a quotation without closing it continues into
//     the next when that paragraph opens with a mark (the wire convention)
//     or closes the quotation before opening another; otherwise the
//     quotation closes at its paragraph's end;
//   - an opening mark after at most three words of an open quotation in the
//     same paragraph makes the words before it strays: the quotation keeps
//     both marks and its words begin after the second (“And“We → We);
//   - a closing mark with no quotation open, in the paragraph of the last
//     quotation and with no mark between, extends that quotation to it.
func pairQuotes(text string, paras []model.Span) []quote {
	marks := findMarks(text, paras)
	var out []quote
	open := -1 // index into marks
	var repairs []string
	innerFrom := 0
	cont := 0 // paragraphs the open quotation continued into
	paraEnd := func(p int) int {
		if p < len(paras) {
			return paras[p].End
		}
		return len(text)
	}
	closeAt := func(m qmark, rep ...string) {
		om := marks[open]
		out = append(out, quote{Open: om.pos, OpenLen: om.size, Close: m.pos, CloseLen: m.size,
			FirstPara: om.para, LastPara: m.para, Repairs: append(repairs, rep...), InnerFrom: innerFrom})
		open, repairs, innerFrom, cont = -1, nil, 0, 0
	}
	closeUnclosed := func(lastPara int, why string) {
		om := marks[open]
		end := paraEnd(lastPara)
		out = append(out, quote{Open: om.pos, OpenLen: om.size, Close: end,
			FirstPara: om.para, LastPara: lastPara, Repairs: append(repairs, why), InnerFrom: innerFrom})
		open, repairs, innerFrom, cont = -1, nil, 0, 0
	}
	lastPara := func() int { // the paragraph an open quotation has reached
		if open < 0 {
			return -1
		}
		return marks[open].para + cont
	}
	lastMarkWasClose := false
	for i, m := range marks {
		if open >= 0 && m.para > lastPara() {
			// the quotation is open at the end of its paragraph
			switch {
			case m.para == lastPara()+1 && m.kind == markOpen && m.paraStart:
				repairs = addRepair(repairs, "quote:continued across paragraphs")
				cont++
				lastMarkWasClose = false
				continue
			case m.para == lastPara()+1 && m.kind != markOpen:
				repairs = addRepair(repairs, "quote:continued across paragraphs")
				closeAt(m)
				lastMarkWasClose = true
				continue
			default:
				closeUnclosed(lastPara(), "quote:unclosed, closed at paragraph end")
			}
		}
		if open < 0 {
			if m.kind == markClose {
				if lastMarkWasClose && len(out) > 0 && out[len(out)-1].LastPara == m.para && out[len(out)-1].CloseLen > 0 {
					q := &out[len(out)-1]
					q.Close, q.CloseLen = m.pos, m.size
					q.Repairs = addRepair(q.Repairs, "quote:repaired stray closing mark")
				}
				// else: a stray closing mark with nothing to close; ignored
				continue
			}
			open = i
			lastMarkWasClose = false
			continue
		}
		om := marks[open]
		if m.kind == markOpen {
			// a stray's words are few and short: reading no more than
			// maxStrayLead bytes keeps a run of opening marks linear
			inner := text[om.pos+om.size : m.pos]
			if m.para == om.para && len(inner) <= maxStrayLead && len(strings.Fields(inner)) <= 3 && !strings.ContainsAny(inner, ".!?") {
				repairs = addRepair(repairs, "quote:repaired stray opening mark before “"+strings.TrimSpace(inner)+"”")
				innerFrom = m.pos + m.size
				continue
			}
			// the open quotation lost its closing mark: close it before this one
			out = append(out, quote{Open: om.pos, OpenLen: om.size, Close: m.pos,
				FirstPara: om.para, LastPara: m.para, Repairs: append(repairs, "quote:unclosed, closed at the next opening mark"), InnerFrom: innerFrom})
			open, repairs, innerFrom, cont = i, nil, 0, 0
			continue
		}
		closeAt(m)
		lastMarkWasClose = true
	}
	if open >= 0 {
		closeUnclosed(lastPara(), "quote:unclosed, closed at paragraph end")
	}
	return out
}

// maxStrayLead is the longest run of words, in bytes, before a second
// opening mark that is read as strays (“And“We): three words of any
// article fit in it.
const maxStrayLead = 120

// maxQuoteRepairs bounds the repairs one quotation lists: a paragraph of a
// hundred thousand stray marks is one quotation with a few repairs, not a
// hundred thousand of them.
const maxQuoteRepairs = 16

// addRepair adds a repair to a quotation's list, up to maxQuoteRepairs.
func addRepair(repairs []string, r string) []string {
	if len(repairs) >= maxQuoteRepairs {
		return repairs
	}
	return append(repairs, r)
}
