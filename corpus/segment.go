package corpus

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

// Segmentation: paragraphs, sentences and word tokens of a cleaned text,
// each with its byte span. Quotations are opaque: a sentence never ends
// inside one, and the words of a quotation are one token.

// paragraphs returns the paragraph spans of text: runs between blank lines.
// A line break inside a paragraph also ends it when the line ends a sentence
// (". " or a closing mark), and every line break does when the text has no
// blank line at all (one paragraph a line, as some scrapes have it).
func paragraphs(text string) []model.Span {
	blocks := model.ParagraphSpans(text)
	noBlank := len(blocks) <= 1
	var out []model.Span
	for _, b := range blocks {
		start := b.Start
		for i := b.Start; i < b.End; i++ {
			if text[i] != '\n' {
				continue
			}
			prev := strings.TrimRight(text[start:i], " \t\r")
			if noBlank || endsSentence(prev) {
				if s := trimSpan(text, model.Span{Start: start, End: i}); s.Len() > 0 {
					out = append(out, s)
				}
				start = i + 1
			}
		}
		if s := trimSpan(text, model.Span{Start: start, End: b.End}); s.Len() > 0 {
			out = append(out, s)
		}
	}
	return out
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…”\"»", r)
}

func trimSpan(text string, s model.Span) model.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

// sentAbbrevs that do not end a sentence.
var sentAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "rep": true, "sen": true, "gen": true,
	"lt": true, "col": true, "st": true, "jr": true, "sr": true, "prof": true, "gov": true,
	"pres": true, "no": true, "vs": true, "etc": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "inc": true, "co": true, "corp": true, "ltd": true, "amb": true,
	"adm": true, "capt": true, "maj": true, "sgt": true, "hon": true, "rev": true,
}

// splitSentences splits a paragraph into sentences. A sentence ends after
// . ! ? or … followed by white space and a capital, a digit or an opening
// mark — not after an abbreviation or an initial — and after a closing mark
// whose quotation ends with such punctuation. Quotations never split.
func splitSentences(text string, para model.Span, quotes []quote) []model.Span {
	return splitSentencesFrom(text, para, quotes, 0)
}

// splitSentencesFrom is splitSentences reading quotes from quotes[qi]:
// those before it end before the paragraph (firstQuoteAfter).
func splitSentencesFrom(text string, para model.Span, quotes []quote, qi int) []model.Span {
	var out []model.Span
	start := para.Start
	for qi < len(quotes) && quotes[qi].Outer().End <= para.Start {
		qi++
	}
	i := para.Start
	for i < para.End {
		// skip over a quotation, and see whether it ends a sentence
		if qi < len(quotes) && i == quotes[qi].Open {
			q := quotes[qi]
			qi++
			end := q.Outer().End
			if end > para.End {
				// a quotation running on into the next paragraph: the rest of
				// this paragraph is inside it
				break
			}
			inner := strings.TrimRight(text[q.Open+q.OpenLen:q.Close], " ")
			r, _ := utf8.DecodeLastRuneInString(inner)
			i = end
			if isStop(r) && nextStartsSentence(text, i, para.End) {
				out = appendSpan(out, text, start, i)
				start = i
			}
			continue
		}
		if qi < len(quotes) && quotes[qi].Open < i && i < quotes[qi].Outer().End {
			i = quotes[qi].Outer().End
			qi++
			continue
		}
		c := text[i]
		if c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if isStop(r) {
			j := i + n
			for j < para.End && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			if nextStartsSentence(text, j, para.End) && !(r == '.' && isAbbrevBefore(text, start, i) && !dottedBeforeQuote(text, start, i, j, para.End)) ||
				gluedQuote(text, j, para.End) && !(r == '.' && isAbbrevBefore(text, start, i)) ||
				r == '.' && j == i+1 && gluedSentence(text, start, i, para.End) {
				out = appendSpan(out, text, start, j)
				start = j
			}
			i = j
			continue
		}
		i += n
	}
	return appendSpan(out, text, start, para.End)
}

// isStop reports whether r is one of . ! ? …
func isStop(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func appendSpan(out []model.Span, text string, s, e int) []model.Span {
	if sp := trimSpan(text, model.Span{Start: s, End: e}); sp.Len() > 0 {
		out = append(out, sp)
	}
	return out
}

// nextStartsSentence reports whether white space follows i and then a
// capital, a digit or an opening mark.
func nextStartsSentence(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsSpace(r) {
		return false
	}
	for i += n; i < end; {
		r, n = utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i >= end {
		return false
	}
	if k, ok := isDoubleMark(r); ok {
		return k != markClose
	}
	if _, ok := pairedASCIIMark(text, i); ok {
		return true // an opening double: a closing one has no space before it
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '‘' || r == '('
}

// gluedQuote reports whether a quotation opens right after a sentence's
// end with no space, its first word capitalised: `Ushakov said."The
// current situation …` (scraped copy loses the space).
func gluedQuote(text string, j, end int) bool {
	if j >= end {
		return false
	}
	r, n := utf8.DecodeRuneInString(text[j:])
	if k, ok := isDoubleMark(r); !ok || k == markClose {
		return false
	}
	if j+n >= end {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[j+n:])
	return unicode.IsUpper(next)
}

// gluedSentence reports whether the full stop at i ends a sentence the
// next one was glued to when the page was scraped: a lower-case word of
// three letters or more before it, a capitalised word after it with no
// space ("… Ushakov said.The conversation was …"). Initials, "U.S.",
// "p.m." and domains ("chinadaily.com") do not qualify.
func gluedSentence(text string, start, i, end int) bool {
	k := i
	for k > start && text[k-1] >= 'a' && text[k-1] <= 'z' {
		k--
	}
	if i-k < 3 || k > start && (text[k-1] == '.' || text[k-1] >= 'A' && text[k-1] <= 'Z') {
		return false
	}
	return i+2 < end && text[i+1] >= 'A' && text[i+1] <= 'Z' && text[i+2] >= 'a' && text[i+2] <= 'z'
}

// dottedBeforeQuote reports whether a dotted abbreviation ("U.S.", "U.N.")
// ends a sentence because a quotation opens after it: "… a deal with the
// U.S. “We have a working channel …”" — no name follows "U.S." in quotes.
func dottedBeforeQuote(text string, start, i, j, end int) bool {
	k := i
	for k > start && text[k-1] != ' ' && text[k-1] != '\n' {
		k--
	}
	if !strings.Contains(text[k:i], ".") {
		return false
	}
	for j < end && (text[j] == ' ' || text[j] == '\n') {
		j++
	}
	if j >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	if kind, ok := isDoubleMark(r); ok {
		return kind != markClose
	}
	_, ok := pairedASCIIMark(text, j)
	return ok
}

// isAbbrevBefore reports whether the word ending at the period at i is an
// abbreviation or an initial ("Mr.", "U.S.", "J.").
func isAbbrevBefore(text string, start, i int) bool {
	j := i
	for j > start {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		j -= n
	}
	w := text[j:i]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") { // U.S, U.N
		return true
	}
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return true
	}
	return isSentAbbrev(w)
}

// isSentAbbrev is sentAbbrevs[strings.ToLower(w)], lower-casing an ASCII
// word short enough to be one on the stack.
func isSentAbbrev(w string) bool {
	if !isASCII(w) {
		return sentAbbrevs[strings.ToLower(w)]
	}
	var buf [8]byte
	if len(w) > len(buf) {
		return false // longer than any (TestSentAbbrevsShort)
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return sentAbbrevs[string(b)]
}

// tokKind is the kind of a token.
type tokKind uint8

const (
	tokWord tokKind = iota
	tokPunct
	tokQuote // a whole quotation
)

// token is a word, a punctuation mark or a whole quotation.
type token struct {
	Start, End int
	Kind       tokKind
	Text       string // as written
	Low        string // normalised: lower case, apostrophes folded, "u.s." → "us"
	Base       string // Low without a possessive "'s"
	Poss       bool   // possessive ("Trump’s")
	Cap        bool   // begins with a capital
	Quote      int    // for tokQuote: index into the quotes
	Sent       int    // index of the sentence
}

// tokenizeFrom splits the span of text into tokens, quotations becoming
// single tokQuote tokens, reading quotes from quotes[qi]: those before it
// end before the span (firstQuoteAfter).
func tokenizeFrom(text string, span model.Span, quotes []quote, sent, qi int) []token {
	// the tokens are gathered in a scratch slice and copied out at their
	// number: a slice grown as they come is a third again too long
	bp := tokScratch.Get().(*[]token)
	buf := appendTokens((*bp)[:0], text, span, quotes, sent, qi)
	out := make([]token, len(buf))
	copy(out, buf)
	if cap(buf) <= maxScratchTokens {
		clear(buf) // let the text go
		*bp = buf[:0]
		tokScratch.Put(bp)
	}
	return out
}

// tokScratch holds the scratch slices of tokenizeFrom; one longer than
// maxScratchTokens (a huge sentence) is dropped.
var tokScratch = sync.Pool{New: func() any { b := make([]token, 0, 256); return &b }}

const maxScratchTokens = 1 << 14

// appendTokens is tokenizeFrom appending to out.
func appendTokens(out []token, text string, span model.Span, quotes []quote, sent, qi int) []token {
	for qi < len(quotes) && quotes[qi].Outer().End <= span.Start {
		qi++
	}
	i := span.Start
	for i < span.End {
		if qi < len(quotes) && quotes[qi].Open <= i && i < quotes[qi].Outer().End {
			q := quotes[qi]
			e := min(q.Outer().End, span.End)
			out = append(out, token{Start: max(q.Open, span.Start), End: e, Kind: tokQuote, Quote: qi, Sent: sent,
				Text: text[max(q.Open, span.Start):e]})
			i = e
			qi++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < span.End {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				if (r2 == '\'' || r2 == '’' || r2 == '‘' || r2 == '-' || r2 == '.') && j+n2 < span.End {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						if r2 == '.' && !isInitialRun(text[i:j]) {
							break
						}
						j += n2
						continue
					}
				}
				break
			}
			// "U.S." and "Mr." keep their period
			if j < span.End && text[j] == '.' && (isInitialRun(text[i:j]) && strings.Contains(text[i:j], ".") || isSentAbbrev(text[i:j])) {
				j++
			}
			w := text[i:j]
			t := token{Start: i, End: j, Kind: tokWord, Text: w, Low: normWord(w), Sent: sent, Quote: -1}
			t.Cap = unicode.IsUpper(r)
			t.Base = t.Low
			if strings.HasSuffix(t.Low, "'s") && len(t.Low) > 2 {
				t.Base, t.Poss = t.Low[:len(t.Low)-2], true
			}
			// a trailing apostrophe: "States’"
			if j < span.End {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if (r2 == '’' || r2 == '\'') && strings.HasSuffix(t.Low, "s") {
					if j+n2 >= span.End || !unicode.IsLetter(firstRune(text[j+n2:])) {
						t.Poss = true
					}
				}
			}
			out = append(out, t)
			i = j
		default:
			out = append(out, token{Start: i, End: i + n, Kind: tokPunct, Text: text[i : i+n], Low: text[i : i+n], Base: text[i : i+n], Sent: sent, Quote: -1})
			i += n
		}
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isInitialRun reports whether w is like "U" or "U.S" (single letters
// joined by periods).
func isInitialRun(w string) bool {
	// as strings.Split(w, ".") giving parts of one letter each
	for {
		r, n := utf8.DecodeRuneInString(w)
		if n == 0 || !unicode.IsLetter(r) {
			return false
		}
		if w = w[n:]; w == "" {
			return true
		}
		if w[0] != '.' {
			return false
		}
		w = w[1:]
	}
}

// quoteIndex finds, for a position, the first quotation that ends after
// it, without reading the quotations before it one by one for every
// paragraph and sentence (a text of 100,000 quotations made that
// quadratic).
type quoteIndex struct {
	quotes []quote
	sorted bool // their ends are in order, as pairQuotes makes them
}

func newQuoteIndex(quotes []quote) quoteIndex {
	sorted := true
	for i := 1; i < len(quotes) && sorted; i++ {
		sorted = quotes[i].Outer().End >= quotes[i-1].Outer().End
	}
	return quoteIndex{quotes, sorted}
}

// firstAfter is the index of the first quotation whose end is after pos,
// or 0 when the ends are not in order (the callers then read from the
// first, as before).
func (qx quoteIndex) firstAfter(pos int) int {
	if !qx.sorted {
		return 0
	}
	return sort.Search(len(qx.quotes), func(i int) bool { return qx.quotes[i].Outer().End > pos })
}
