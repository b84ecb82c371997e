package corpus

import (
	"regexp"
	"strings"

	"github.com/quotetrail/quotetrail/model"
)

// monologue.go reads records of one speaker's words that carry no label on
// each paragraph: a heading that says whose words follow, then the words.
//
//	Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, July 17, 2025
//
//	The Kiev regime continues to carry out terrorist attacks …
//
// or a line that introduces them:
//
//	The President of the Russian Federation said:
//
//	Dear Mr. President, ladies and gentlemen, our negotiations …
//
// Each such record is a transcript section of one turn (Turn.Record), so
// its paragraphs become the speaker's direct statements as an answer
// turn's do, with the heading's date.

var (
	// reRecordHeading: "Briefing by …", "Remarks by …", "Statement of …",
	// "Address by …", "Opening remarks by …"; the speaker runs to a comma,
	// "at", "on", "to", "during" or the end.
	reRecordHeading = regexp.MustCompile(`^(?:(?:Opening|Closing|Introductory|Keynote|Video|Press|Joint)\s+)?(?:[Bb]riefing|[Rr]emarks|[Ss]tatement|[Ss]peech|[Aa]ddress|[Cc]omment|[Mm]essage)s?\s+(?:by|of)\s+(.+?)(?:\s*,|\s+(?:at|on|to|during|before|in)\s+|\s*$)`)
	// reRecordIntro: "The President of the Russian Federation said:",
	// "Sergey Lavrov stated the following:"; the whole line.
	reRecordIntro = regexp.MustCompile(`^(.+?)\s+(?:said|stated|noted|declared|remarked|added|continued|replied|answered)(?:\s+the\s+following)?\s*:$`)
)

// reContents: a record's table of contents, no one's words.
var reContents = regexp.MustCompile(`^(?i:table of contents|contents|in this briefing|topics)\s*:`)

var recordREs = []*regexp.Regexp{reRecordHeading, reRecordIntro}

// recordLine reads a paragraph that says whose words follow it: the
// speaker as written and its span, or ok false.
func recordLine(text string, p model.Span) (label string, ls model.Span, ok bool) {
	s := text[p.Start:p.End]
	if len(s) > 200 || strings.Contains(strings.TrimSpace(s), "\n") {
		return "", model.Span{}, false
	}
	trim := strings.TrimSpace(s)
	for _, re := range recordREs {
		// cheap tests first: this runs on every short paragraph
		if re == reRecordIntro && !strings.HasSuffix(trim, ":") || re == reRecordHeading && !strings.Contains(s, " by ") && !strings.Contains(s, " of ") {
			continue
		}
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		label = strings.TrimSpace(s[m[2]:m[3]])
		if re == reRecordHeading && strings.HasSuffix(trim, ".") && !isDateLine(text, p) && !strings.Contains(s, ",") {
			return "", model.Span{}, false // a sentence, not a heading: "Remarks by the minister were brief."
		}
		if !labelWords(label) && !roleLabel(label) {
			return "", model.Span{}, false
		}
		start := p.Start + m[2] + strings.Index(s[m[2]:m[3]], label)
		return label, model.Span{Start: start, End: start + len(label)}, true
	}
	return "", model.Span{}, false
}

// roleLabel reports whether a speaker phrase reads as a role with its
// institution ("The President of the Russian Federation"): capitalised
// words, with "of" and "the" between them, at most eight.
func roleLabel(label string) bool {
	ws := strings.Fields(label)
	if len(ws) == 0 || len(ws) > 8 {
		return false
	}
	for _, w := range ws {
		if lw := strings.ToLower(w); lw == "of" || lw == "the" || lw == "for" || lw == "and" {
			continue
		}
		if !capitalisedWord(w) {
			return false
		}
	}
	return true
}

// findRecords returns the one-speaker records of a cleaned text (its
// blocks, transcriptBlocks) outside the labelled sections secs: from each record line, the paragraphs up to
// the next record line, labelled turn, section or the end, leaving out
// headings and date lines, and ending where the text speaks of the
// speaker in the third person.
func findRecords(text string, title model.Span, blocks []model.Span, secs []TranscriptSection) []TranscriptSection {
	inSection := func(p model.Span) bool {
		for _, s := range secs {
			if p.Start < s.Span.End && s.Span.Start < p.End {
				return true
			}
		}
		return false
	}
	var out []TranscriptSection
	var cur *TranscriptSection
	prevEnd := 0
	flush := func() {
		if cur != nil && len(cur.Turns[0].Paras) > 0 {
			out = append(out, *cur)
			prevEnd = cur.Span.End
		}
		cur = nil
	}
	for _, p := range blocks {
		if inSection(p) {
			flush()
			continue
		}
		label, ls, ok := recordLine(text, p)
		if !ok && !title.IsZero() && p.Start < title.End && title.Start < p.End {
			continue // the title, unless it is the record's heading
		}
		if ok {
			flush()
			cur = &TranscriptSection{
				Heading: model.Span{Start: prevEnd, End: p.End},
				Span:    model.Span{Start: p.Start, End: p.End},
				Turns:   []Turn{{Label: label, LabelSpan: ls, Kind: LabelSpeaker, Record: true}},
			}
			continue
		}
		if cur == nil {
			continue
		}
		body := text[p.Start:p.End]
		t := &cur.Turns[0]
		switch {
		case isDateLine(text, p) || !hasLetter(body) || isStageDirection(body):
			continue
		case readsAsHeadline(body) || len(strings.Fields(body)) < 3 && !strings.ContainsAny(body, ".!?"):
			continue // a section's heading: "Ukrainian crisis update"
		case reContents.MatchString(body):
			continue // "Table of contents: On the situation in Ukraine; …"
		}
		if _, ok := parseTurn(text, p); ok {
			flush() // a labelled turn: the record has ended
			continue
		}
		if len(t.Paras) == 0 && startsWithQuote(body) {
			cur = nil // "Peskov said:" before a quotation: prose reads it
			continue
		}
		surname := labelSurname(t.Label)
		if namesSpeaker(body, surname) && !rePerson.MatchString(reQuoted.ReplaceAllString(body, " ")) ||
			readsAsProse(body, map[string]bool{strings.ToLower(surname): true}) {
			flush() // the article speaks of them: the record has ended
			continue
		}
		t.Paras = append(t.Paras, p)
		cur.Span.End = p.End
	}
	flush()
	return out
}

// startsWithQuote reports whether a paragraph opens with a quotation mark
// that can open (isDoubleMark), or a single opening one.
func startsWithQuote(s string) bool {
	r := firstRune(strings.TrimSpace(s))
	k, ok := isDoubleMark(r)
	return ok && k != markClose || r == '‘'
}
