package corpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

// Digest lists. Wire services publish a speaker's statements as a list
// under a line that says whose they are: "TASS has gathered the key
// takeaways from what the Russian president said." or "The main statements
// from Maria Zakharova's briefing:", each item one point ("- The talks
// were useful: “…”", "Moscow will monitor the situation …;"). Each item
// is a statement of the speaker the introduction names; a quotation in an
// item continues it.

// digestNouns name a digest on their own; digestHeads do after a word of
// rank ("the main statements", "key points"), which keeps ordinary prose
// ("the first remarks of the new press secretary") out.
var (
	digestNouns = setOf("takeaways", "theses", "highlights")
	digestHeads = setOf("statements", "points", "quotes", "remarks", "messages", "theses")
	digestRanks = setOf("key", "main", "major", "top", "principal", "important", "chief", "central")
)

// listFrames finds the digest lists of the text and makes a frame of each
// item's words before its first quotation, for the speaker the
// introduction names, unless another frame already holds them; intros are
// the introduction lines, which report no statement themselves.
func (a *analysis) listFrames(taken []*frame) (out []*frame, intros []model.Span) {
	ls := textLines(a.text)
	var overlaps func(model.Span) bool
	for i := 0; i < len(ls); i++ {
		subj := a.digestIntro(ls[i])
		if subj == nil {
			continue
		}
		var items []model.Span
		bullets := false
		// unbulleted points only under an introduction that ends in a colon
		colon := strings.HasSuffix(strings.TrimSpace(a.text[ls[i].Start:ls[i].End]), ":")
		j := i + 1
	scan:
		for ; j < len(ls); j++ {
			l := ls[j]
			body, bullet := listItem(a.text, l)
			switch {
			case bullet:
				bullets = true
				items = append(items, body)
			case !bullets && colon && itemLine(a.text, l):
				items = append(items, body)
			case (bullets || len(items) == 0) && shortHeading(a.text[l.Start:l.End]):
				// a section heading between the points
			default:
				break scan
			}
		}
		if len(items) >= 2 && (bullets || semicolons(a.text, items) >= len(items)/2) {
			intros = append(intros, ls[i])
			if overlaps == nil {
				overlaps = overlapTest(taken)
			}
			for _, it := range items {
				if f := a.itemFrame(subj, it, overlaps); f != nil {
					out = append(out, f)
				}
				out = append(out, a.itemQuotes(it)...)
			}
		}
		i = j - 1
	}
	return out, intros
}

// digestIntro is the speaker mention of a digest's introduction line: a
// line of at most thirty words with a digest noun followed by "from", "of"
// or "by", or ending the line ("the key takeaways from what the Russian
// president said", "The main statements from Maria Zakharova's briefing:",
// "Here are Lavrov's key statements."), and a name or a role in it.
func (a *analysis) digestIntro(l model.Span) *mention {
	line := strings.ToLower(strings.TrimSpace(a.text[l.Start:l.End]))
	if len(line) > 300 {
		return nil
	}
	words := strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	ok := false
	if len(words) > 30 {
		return nil
	}
	for k, w := range words {
		named := digestNouns[w] || digestHeads[w] && k > 0 && digestRanks[words[k-1]]
		// "the key takeaways from …", "Lavrov's key statements."
		if named && (k+1 == len(words) || words[k+1] == "from" || words[k+1] == "of" || words[k+1] == "by") {
			ok = true
		}
	}
	if !ok {
		return nil
	}
	var best *mention
	for si := max(0, a.sentenceAt(l.Start)); si < len(a.sents) && a.sents[si].span.Start < l.End; si++ {
		s := a.sents[si]
		if s.span.End <= l.Start {
			continue
		}
		for _, m := range s.ms {
			if (m.kind == mName || m.kind == mRole) && m.span.Start >= l.Start && m.span.End <= l.End {
				best = m // the last one: "TASS has gathered … what the Russian president said"
			}
		}
	}
	return best
}

// itemFrame is the frame of one item: its words up to its first
// quotation, without a colon or semicolon at the end.
func (a *analysis) itemFrame(subj *mention, it model.Span, overlaps func(model.Span) bool) *frame {
	end := it.End
	if qi := a.firstQuoteFrom(it.Start); qi < len(a.quotes) && a.quotes[qi].Open < end {
		end = a.quotes[qi].Open
	}
	c := trimSpan(a.text, model.Span{Start: it.Start, End: end})
	for c.Len() > 0 && strings.ContainsRune(":;,.", rune(a.text[c.End-1])) {
		c.End--
	}
	c = trimSpan(a.text, c)
	if len(strings.Fields(a.text[c.Start:c.End])) < 4 {
		return nil // nothing but a lead-in to the quotation
	}
	if overlaps(c) {
		return nil
	}
	f := &frame{sent: a.sentenceAt(c.Start), subj: subj, quote: -1, content: c, pos: c.Start,
		how: "attr:digest item (" + strings.TrimSpace(a.text[subj.span.Start:subj.span.End]) + ")"}
	a.absorbQuotes(f)
	return f
}

// itemQuotes are the quotations of an item that no pass took and that
// read as sentences of their own (“We see no interest …”): they continue
// the item's statement, as a quotation after a statement does.
func (a *analysis) itemQuotes(it model.Span) []*frame {
	var out []*frame
	for qi := a.firstQuoteFrom(it.Start); qi < len(a.quotes) && a.quotes[qi].Open < it.End; qi++ {
		q := a.quotes[qi]
		if a.qbound[qi] {
			continue
		}
		in := a.trimQuote(q.Inner(a.text))
		r, _ := utf8.DecodeRuneInString(a.text[in.Start:in.End])
		if !unicode.IsUpper(r) || len(strings.Fields(a.text[in.Start:in.End])) < 3 {
			continue
		}
		delete(a.notes, qi)
		a.qbound[qi] = true
		out = append(out, &frame{sent: a.sentenceAt(q.Open), quote: qi, cont: true, how: "quote:in a digest item", content: in, pos: q.Open})
	}
	return out
}

// firstQuoteFrom is the index of the first quotation opening at or after
// pos (the quotations are in text order).
func (a *analysis) firstQuoteFrom(pos int) int {
	return sort.Search(len(a.quotes), func(i int) bool { return a.quotes[i].Open >= pos })
}

// overlapTest answers in logarithmic time whether a span overlaps the
// content of one of frames.
func overlapTest(frames []*frame) func(model.Span) bool {
	spans := make([]model.Span, len(frames))
	for i, f := range frames {
		spans[i] = f.content
	}
	return spanSet(spans)
}

// spanSet answers in logarithmic time whether a span overlaps one of
// spans: it sorts them in place by where they start, with the furthest
// end reached up to each, for one binary search.
func spanSet(spans []model.Span) func(model.Span) bool {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	reach := make([]int, len(spans))
	for i, sp := range spans {
		reach[i] = sp.End
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	return func(c model.Span) bool {
		i := sort.Search(len(spans), func(i int) bool { return spans[i].Start >= c.End }) - 1
		return i >= 0 && reach[i] > c.Start
	}
}

// textLines are the non-blank lines of text.
func textLines(text string) []model.Span {
	var out []model.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if s := trimSpan(text, model.Span{Start: start, End: i}); s.Len() > 0 {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	return out
}

// listItem reads a bulleted line ("- …", "• …", "▪️ …", "1. …", "2) …"):
// its words after the bullet.
func listItem(text string, l model.Span) (model.Span, bool) {
	s := text[l.Start:l.End]
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '•', '–', '—', '*', '▪', '●', '◾', '🔹', '🔸':
		if v, m := utf8.DecodeRuneInString(s[n:]); v == '\uFE0F' {
			n += m // an emoji bullet's variation selector: "▪️ "
		}
		if n < len(s) && s[n] == ' ' {
			return trimSpan(text, model.Span{Start: l.Start + n, End: l.End}), true
		}
		return l, false
	}
	k := 0
	for k < len(s) && k < 3 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k > 0 && k+1 < len(s) && (s[k] == '.' || s[k] == ')') && s[k+1] == ' ' {
		return trimSpan(text, model.Span{Start: l.Start + k + 1, End: l.End}), true
	}
	return l, false
}

// itemLine reads an unbulleted item: a line of four to sixty words that
// opens with a capital and ends a point with a semicolon, or a period.
func itemLine(text string, l model.Span) bool {
	s := strings.TrimSpace(text[l.Start:l.End])
	r, _ := utf8.DecodeRuneInString(s)
	if n := len(strings.Fields(s)); !unicode.IsUpper(r) || n < 4 || n > 60 {
		return false
	}
	return strings.HasSuffix(s, ";") || strings.HasSuffix(s, ".")
}

// semicolons counts the items that end with a semicolon.
func semicolons(text string, items []model.Span) int {
	n := 0
	for _, it := range items {
		if strings.HasSuffix(strings.TrimSpace(text[it.Start:it.End]), ";") {
			n++
		}
	}
	return n
}

// shortHeading reports whether a line reads as a section heading: at most
// six words, no closing punctuation.
func shortHeading(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(strings.Fields(s)) > 6 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".;:!?”\"", r)
}
