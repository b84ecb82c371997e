package corpus

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

// isInitialRunRef and splitSentencesRef are those functions as first
// written (with the sentence rules added since: a quotation after "U.S."
// or glued to the period): the faster ones must agree with them.
func isInitialRunRef(w string) bool {
	for _, p := range strings.Split(w, ".") {
		if utf8.RuneCountInString(p) != 1 || !unicode.IsLetter(firstRune(p)) {
			return false
		}
	}
	return true
}

func splitSentencesRef(text string, para model.Span, quotes []quote, qi int) []model.Span {
	var out []model.Span
	start := para.Start
	for qi < len(quotes) && quotes[qi].Outer().End <= para.Start {
		qi++
	}
	i := para.Start
	for i < para.End {
		if qi < len(quotes) && i == quotes[qi].Open {
			q := quotes[qi]
			qi++
			end := q.Outer().End
			if end > para.End {
				break
			}
			inner := strings.TrimRight(text[q.Open+q.OpenLen:q.Close], " ")
			r, _ := utf8.DecodeLastRuneInString(inner)
			i = end
			if strings.ContainsRune(".!?…", r) && nextStartsSentence(text, i, para.End) {
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
		r, n := utf8.DecodeRuneInString(text[i:])
		if strings.ContainsRune(".!?…", r) {
			j := i + n
			for j < para.End && strings.ContainsRune(".!?", rune(text[j])) {
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

func TestSentAbbrevsShort(t *testing.T) {
	for w := range sentAbbrevs {
		if !isASCII(w) || len(w) > 8 || strings.ToLower(w) != w {
			t.Errorf("sentAbbrevs has %q: isSentAbbrev expects lower-case ASCII of 8 bytes at most", w)
		}
	}
}

func segmentSameAsRef(t *testing.T, text string) {
	t.Helper()
	for _, w := range append(strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\n' }), text) {
		if got, want := isInitialRun(w), isInitialRunRef(w); got != want {
			t.Fatalf("isInitialRun(%q) = %v, before %v", w, got, want)
		}
		if got, want := isSentAbbrev(w), sentAbbrevs[strings.ToLower(w)]; got != want {
			t.Fatalf("isSentAbbrev(%q) = %v, before %v", w, got, want)
		}
	}
	paras := paragraphs(text)
	quotes := pairQuotes(text, paras)
	for _, p := range paras {
		got, want := splitSentences(text, p, quotes), splitSentencesRef(text, p, quotes, 0)
		if len(got) != len(want) {
			t.Fatalf("splitSentences(%q) = %v, before %v", text[p.Start:p.End], got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("splitSentences(%q) = %v, before %v", text[p.Start:p.End], got, want)
			}
		}
	}
}

func TestSegmentAsBefore(t *testing.T) {
	extra := []string{"U.S. officials said. Mr. Smith left! Then? Yes… “Quote.” Next", "U.", "U.S", "A.B.C", "É.U.", "Sept. 5", "SEPT. 5",
		"\u212a. x", "Ⅻ.", "a..b", ".", "", "x.\xff", "\xff.A"}
	for _, text := range append(sameAsRefTexts(), extra...) {
		segmentSameAsRef(t, text)
	}
}

func FuzzSegmentAsBefore(f *testing.F) {
	for _, s := range []string{"U.S. officials said. Mr. Smith left! Then?", "“Quote.” Next. Sen. X", "a.b.c. D"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		segmentSameAsRef(t, text)
	})
}
