package corpus

// transcript.go reads speaker-labelled records — the Kremlin's news
// conferences and interviews, the Foreign Ministry's briefings — whose
// paragraphs open with a label and a colon:
//
//	March 14, 2025, The Kremlin, Moscow
//
//	Question: Mr President, will you meet President Trump?
//
//	Vladimir Putin: We are ready. It has to be prepared properly.
//
// FindTranscript finds the transcript sections of a cleaned text from
// their labelled turns (and reads nothing else: no registry, no dates).
// Registry.transcriptStatements turns each answer into direct statements
// by its labelled speaker, statement-sized, each with the question it
// answers as context and the heading's date. Registry.readTranscript is
// the pipeline's hook: after prose extraction, it puts those statements in
// place of whatever prose extraction found inside the turns.

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

// LabelKind says what a turn's label names.
type LabelKind int

// The kinds of label.
const (
	LabelSpeaker  LabelKind = iota // a name or a role: "Vladimir Putin", "V.Putin", "Lavrov", "The President"
	LabelQuestion                  // "Question", "Q", "Remark", "Reply", "Interviewer": never a statement
	LabelAnswer                    // "A", "Answer": the interviewee the heading names
)

// Turn is one labelled turn of a transcript.
type Turn struct {
	Label     string // as written, without the colon or a trailing "(retranslated)"
	LabelSpan model.Span
	Kind      LabelKind
	// Paras are the turn's words paragraph by paragraph: the first starts
	// after the label (and is missing when the label stands alone on its
	// line), the others are the paragraphs up to the next label.
	Paras []model.Span
	// DateLine is the last line between turns that is only a date ("15
	// March 2025"), when one stands before this turn in its section.
	DateLine model.Span

	// Record marks the one turn of a record with no labels (monologue.go):
	// LabelSpan is the speaker in its heading or introducing line, and
	// Paras are all the record's paragraphs.
	Record bool

	detached bool // the paragraphs after this turn's are the article's, not its
	spoken   bool // a record whose speaker was settled: its words are statements
}

// Span is the turn from its label to the end of its last paragraph.
func (t Turn) Span() model.Span {
	end := t.LabelSpan.End
	if n := len(t.Paras); n > 0 {
		end = t.Paras[n-1].End
	}
	return model.Span{Start: t.LabelSpan.Start, End: end}
}

// TranscriptSection is a run of labelled turns: a whole transcript, or a
// transcript inside an article.
type TranscriptSection struct {
	Heading model.Span // the text before the first turn (after the section before it)
	Span    model.Span // from the first label to the end of the last turn
	Turns   []Turn
}

// The shape a run of labelled paragraphs needs to be read as a transcript:
// several turns, by more than one label, with a question or a label that
// comes back (a conversation, not a list of headings), and an answer.
const (
	minTurns  = 3
	maxLabelB = 140 // bytes before the colon ("Research Director of the … Club Fyodor Lukyanov")
	maxLabelW = 16  // words
)

// FindTranscript returns the transcript sections of a cleaned text. A
// section is a run of paragraphs each opening with a label and a colon
// ("Vladimir Putin:", "V.Putin:", "Question:", "Q:"), with the unlabelled
// paragraphs after a turn belonging to it, that reads as a conversation:
// at least three turns, two labels or more, a question label or a label
// that comes back, and a turn that is not a question. Labels are checked
// word by word (capitalised names and initials, role words; "Note",
// "Photo", "Watch" and the like are never labels), and a labelled
// paragraph that reads as a headline ("Trump: talks will go on") is not a
// turn. A paragraph that reports the speakers in the third person ("“…,”
// Peskov said") ends a section. title is the span of the document's
// headline, which is never a turn. A paragraph after a turn that names
// the turn's speaker in the third person ("the picture that Matthews
// paints") is the article's, and so are the rest until the next label;
// so are the paragraphs closing a section's last turn from the first
// that speaks in neither the first nor the second person (an article
// going on after an excerpt).
func FindTranscript(text string, title model.Span) []TranscriptSection {
	return findTranscript(text, title, transcriptBlocks(text))
}

// findTranscript is FindTranscript over the text's blocks, read once by
// the caller for the records beside it as well.
func findTranscript(text string, title model.Span, blocks []model.Span) []TranscriptSection {
	var secs []TranscriptSection
	var cur *TranscriptSection
	var names map[string]bool // surnames of the run's labels, lower case
	var dateLine model.Span
	prevEnd := 0
	flush := func() {
		if cur != nil && cur.conversation(text) {
			cur.trimTail(text)
			secs = append(secs, *cur)
			prevEnd = cur.Span.End
		}
		cur, names, dateLine = nil, nil, model.Span{}
	}
	for _, p := range blocks {
		if !title.IsZero() && p.Start < title.End && title.Start < p.End {
			flush()
			continue
		}
		if t, ok := parseTurn(text, p); ok {
			if cur == nil {
				cur = &TranscriptSection{Heading: model.Span{Start: prevEnd, End: p.Start}, Span: model.Span{Start: p.Start}}
				names = map[string]bool{}
			}
			t.DateLine = dateLine
			cur.Turns = append(cur.Turns, t)
			cur.Span.End = p.End
			if t.Kind == LabelSpeaker {
				names[strings.ToLower(labelSurname(t.Label))] = true
			}
			continue
		}
		if cur == nil {
			continue
		}
		switch {
		case isDateLine(text, p):
			dateLine = p
		case !hasLetter(text[p.Start:p.End]) || isStageDirection(text[p.Start:p.End]):
			// "* * *", "(Applause.)": no one's words
		case readsAsProse(text[p.Start:p.End], names):
			flush()
		default:
			last := &cur.Turns[len(cur.Turns)-1]
			if !last.detached && last.Kind == LabelSpeaker && namesSpeaker(text[p.Start:p.End], labelSurname(last.Label)) {
				last.detached = true
			}
			if !last.detached {
				last.Paras = append(last.Paras, p)
				cur.Span.End = p.End
			}
		}
	}
	flush()
	return secs
}

// trimTail gives the article back the paragraphs closing the last turn
// from the first that speaks in neither the first nor the second person.
func (s *TranscriptSection) trimTail(text string) {
	t := &s.Turns[len(s.Turns)-1]
	for k := 1; k < len(t.Paras); k++ { // the turn's first paragraph stays
		p := t.Paras[k]
		if !rePerson.MatchString(text[p.Start:p.End]) {
			t.Paras = t.Paras[:k]
			break
		}
	}
	s.Span.End = t.Span().End
}

// rePerson: a word of the first or second person ("I", "we", "our",
// "you"); "US" is a country.
var rePerson = regexp.MustCompile(`\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|us|[Oo]urs?|[Oo]urselves|[Yy]ou|[Yy]ours?|[Yy]ourselves?|[Ll]et['’]s)\b`)

// namesSpeaker reports whether a paragraph names a speaker by surname: in
// the speaker's own turn, that is the article speaking about them.
func namesSpeaker(p, surname string) bool {
	if len(surname) < 3 || strings.ContainsAny(surname, " ") {
		return false
	}
	for i := 0; ; {
		j := strings.Index(p[i:], surname)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(surname)
		before, _ := utf8.DecodeLastRuneInString(p[:j])
		after, _ := utf8.DecodeRuneInString(p[end:])
		if (j == 0 || !unicode.IsLetter(before)) && (end == len(p) || !unicode.IsLetter(after)) {
			return true
		}
		i = end
	}
}

// reRecord: a heading that says the text is a record of speech.
var reRecord = regexp.MustCompile(`(?i)\b(?:news conference|press conference|briefing|interview|transcript|q&a|questions and answers|answers to (?:media )?questions|press statements|press approach)\b`)

// conversation reports whether a run of turns has the shape of a
// transcript (see FindTranscript); under a heading whose first lines say
// it is a record ("news conference", "briefing", "interview") no label
// needs to come back.
func (s *TranscriptSection) conversation(text string) bool {
	if len(s.Turns) < minTurns {
		return false
	}
	seen := map[string]int{}
	questions, answers, again := 0, 0, false
	for _, t := range s.Turns {
		k := strings.ToLower(t.Label)
		seen[k]++
		again = again || seen[k] > 1
		if t.Kind == LabelQuestion {
			questions++
		} else {
			answers++
		}
	}
	record := false
	for i, p := range blocksIn(text, s.Heading, 3000) {
		if i >= 3 || record {
			break
		}
		record = reRecord.MatchString(text[p.Start:min(p.End, p.Start+300)])
	}
	return len(seen) >= 2 && answers > 0 && (questions > 0 || again || record)
}

// transcriptBlocks returns the paragraphs of text (as statement
// extraction splits them), a paragraph split again where one of its lines
// opens with a label ("Q: …\nA: …").
func transcriptBlocks(text string) []model.Span {
	var out []model.Span
	for _, p := range paragraphs(text) {
		start := p.Start
		for i := p.Start; i < p.End; i++ {
			if text[i] != '\n' || i+1 >= p.End {
				continue
			}
			line := trimSpan(text, model.Span{Start: i + 1, End: p.End})
			if _, _, _, _, ok := parseLabel(text, line); ok {
				if s := trimSpan(text, model.Span{Start: start, End: i}); s.Len() > 0 {
					out = append(out, s)
				}
				start = line.Start
			}
		}
		if s := trimSpan(text, model.Span{Start: start, End: p.End}); s.Len() > 0 {
			out = append(out, s)
		}
	}
	return out
}

// blocksIn returns the blocks (transcriptBlocks) of the first up to
// limit bytes of span of text, as spans of text.
func blocksIn(text string, span model.Span, limit int) []model.Span {
	if span.Len() <= 0 || !span.In(len(text)) {
		return nil
	}
	end := span.End
	if span.Len() > limit {
		end = span.Start + limit
		for end < span.End && !utf8.RuneStart(text[end]) {
			end++
		}
	}
	out := transcriptBlocks(text[span.Start:end])
	for i := range out {
		out[i].Start += span.Start
		out[i].End += span.Start
	}
	return out
}

// parseTurn reads a paragraph that opens a turn.
func parseTurn(text string, p model.Span) (Turn, bool) {
	label, ls, body, kind, ok := parseLabel(text, p)
	if !ok {
		return Turn{}, false
	}
	if kind == LabelSpeaker && readsAsHeadline(text[body.Start:body.End]) {
		return Turn{}, false
	}
	if body.Len() > 0 && !hasLetter(text[body.Start:body.End]) {
		return Turn{}, false // "Hillary Clinton: 1,769.": a tally, not a turn
	}
	t := Turn{Label: label, LabelSpan: ls, Kind: kind}
	if body.Len() > 0 {
		t.Paras = append(t.Paras, body)
	}
	return t, true
}

// Labels that ask, and labels that answer for the person the heading names.
var (
	questionLabels = trSet("question", "questions", "q", "remark", "reply", "interviewer",
		"journalist", "reporter", "correspondent", "audience", "audience member", "follow-up", "follow-up question")
	answerLabels = trSet("a", "answer")
	// hostLabels are roles that run a session; when the heading names no
	// holder, their turns ask (the question an answer keeps) or are
	// neither statements nor questions.
	hostLabels = trSet("moderator", "host", "presenter", "anchor", "chair", "chairperson", "facilitator")
	// notLabels open prose paragraphs with a colon: notes, credits,
	// furniture, and the run-in headings of explainers.
	notLabels = trSet("note", "notes", "nb", "n.b", "photo", "photos", "picture", "pictures", "image", "images",
		"video", "videos", "watch", "listen", "read", "read more", "read also", "also read", "see", "see also",
		"related", "related news", "source", "sources", "update", "updated", "editor's note", "editor’s note",
		"tags", "tag", "topics", "topic", "share", "follow", "subscribe", "credit", "credits", "caption",
		"disclaimer", "warning", "correction", "clarification", "background", "context", "analysis", "opinion",
		"comment", "comments", "advertisement", "sponsored", "live", "breaking", "breaking news", "exclusive",
		"file", "location", "date", "time", "place", "category", "keywords", "by", "author", "authors", "posted",
		"published", "translation", "translated by", "summary", "quote", "quotes", "key points", "highlights",
		"timeline", "where", "when", "what", "why", "how", "who", "also", "plus", "more", "latest", "ps", "p.s",
		"transcript", "full text", "text", "excerpt", "excerpts", "fact check", "reality check", "flashback",
		"bottom line", "the bottom line", "big picture", "the big picture", "go deeper", "details", "contact",
		"email", "phone", "tel", "fax", "address", "website", "url", "link", "links", "download", "attachment",
		"attachments", "agenda", "subject", "re", "fwd", "to", "from", "cc", "ps", "example", "examples",
		"step", "warning", "important", "attention", "announcement", "reminder", "tip", "tips", "faq",
		"main", "home", "menu", "search", "news", "world", "politics", "business", "sport", "sports")
	labelTitles     = trSet("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "mister")
	labelConnectors = trSet("of", "the", "de", "da", "del", "der", "van", "von", "al", "bin", "ibn", "el", "la", "le", "and", "for", "to")
)

var (
	reInitialName = regexp.MustCompile(`^(?:\p{Lu}\.)+(?:\p{Lu}[\p{L}'’-]*)?$`) // V.Putin, S.V.Lavrov, V.
	reTimestamp   = regexp.MustCompile(`^[(\[]\d{1,2}:\d{2}(?::\d{2})?[)\]]`)   // rev.com's "(09:51)"
)

// parseLabel reads "Label: words" at the start of p: the label as written
// (a trailing parenthesis like "(retranslated)" dropped), its span, the
// span of the words after it (empty when the label stands alone), and its
// kind.
func parseLabel(text string, p model.Span) (label string, ls, body model.Span, kind LabelKind, ok bool) {
	head := text[p.Start:min(p.End, p.Start+maxLabelB+1)]
	colon := strings.IndexByte(head, ':')
	if colon <= 0 {
		return "", ls, body, 0, false
	}
	after := p.Start + colon + 1
	if after < p.End && !unicode.IsSpace(rune(text[after])) {
		return "", ls, body, 0, false // "15:50", "https://", "2:1"
	}
	raw := strings.TrimSpace(head[:colon])
	raw = strings.TrimSpace(strings.Trim(raw, "*_")) // **Vladimir Putin:** in a .txt
	if i := strings.LastIndexByte(raw, '('); i > 0 && strings.HasSuffix(raw, ")") && len(raw)-i <= 40 {
		raw = strings.TrimSpace(raw[:i])
	}
	if raw == "" || strings.ContainsAny(raw, "\n\t\"“”«»!?;:()[]/|@#&+=<>") {
		return "", ls, body, 0, false
	}
	low := strings.ToLower(strings.TrimSuffix(raw, "."))
	switch {
	case questionLabels[low]:
		kind = LabelQuestion
	case answerLabels[low]:
		kind = LabelAnswer
	case notLabels[low] || furnitureLabel(low) || !labelWords(raw):
		return "", ls, body, 0, false
	default:
		kind = LabelSpeaker
	}
	// the words: after the colon, a timestamp and white space
	b := after
	for b < p.End && unicode.IsSpace(rune(text[b])) {
		b++
	}
	if m := reTimestamp.FindStringIndex(text[b:p.End]); m != nil {
		b += m[1]
	}
	body = trimSpan(text, model.Span{Start: min(b, p.End), End: p.End})
	if body.Len() == 0 {
		body = model.Span{}
	}
	start := p.Start + strings.Index(head, raw)
	return raw, model.Span{Start: start, End: start + len(raw)}, body, kind, true
}

// furnitureWords end labels that are page furniture: "Video Transcript",
// "Full Text", "Editor's Note".
var furnitureWords = trSet("transcript", "transcripts", "video", "audio", "photo", "photos", "note", "notes",
	"update", "source", "sources", "excerpt", "excerpts", "text", "summary", "caption", "credit", "credits",
	"link", "links", "tags", "highlights", "timeline", "background", "advertisement", "disclaimer", "correction")

func furnitureLabel(low string) bool {
	ws := strings.Fields(low)
	return len(ws) > 1 && furnitureWords[ws[len(ws)-1]]
}

// labelWords reports whether a label reads as a name or a role: up to
// maxLabelW words, each capitalised ("Vladimir", "PUTIN", "Zakharova"), an
// initial ("V.", "V.Putin"), a title ("Mr"), a connector inside a name or
// role ("President of Russia"), or a number closing it ("Speaker 2"); a
// comma may add an outlet ("Alexander Gamov, Komsomolskaya Pravda").
func labelWords(label string) bool {
	name, outlet, _ := strings.Cut(label, ",")
	ws := strings.Fields(name)
	if len(ws) == 0 || len(ws) > maxLabelW {
		return false
	}
	if outlet != "" && !capitalisedWords(outlet) {
		return false
	}
	for i, w := range ws {
		switch {
		case labelTitles[strings.ToLower(w)]:
		case reInitialName.MatchString(w):
		case i > 0 && labelConnectors[w]:
		case i > 0 && i == len(ws)-1 && isDigits(w) && len(w) <= 2:
		case capitalisedWord(w):
			if i == 0 && len(ws) == 1 && utf8.RuneCountInString(w) == 1 {
				return false // "B:", "I:"
			}
		default:
			return false
		}
	}
	last := ws[len(ws)-1]
	return !labelConnectors[last] && !labelTitles[strings.ToLower(last)]
}

func capitalisedWords(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 5 {
		return false
	}
	for i, w := range ws {
		if !capitalisedWord(w) && !(i > 0 && labelConnectors[w]) {
			return false
		}
	}
	return true
}

// capitalisedWord: a capital, then letters, hyphens, apostrophes or
// periods ("Zakharova", "Kassym-Jomart", "O'Brien", "St.").
func capitalisedWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w[n:] {
		if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' && c != '.' {
			return false
		}
	}
	return true
}

func isDigits(w string) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w != ""
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// labelSurname is the last word of a speaker label, an initial's name
// ("V.Putin" → "Putin"), without a trailing period.
func labelSurname(label string) string {
	name, _, _ := strings.Cut(label, ",")
	ws := strings.Fields(name)
	if len(ws) == 0 {
		return ""
	}
	w := ws[len(ws)-1]
	if isDigits(w) && len(ws) > 1 {
		w = ws[len(ws)-2] + " " + w
	}
	if i := strings.LastIndexByte(w, '.'); i >= 0 && i+1 < len(w) {
		w = w[i+1:]
	}
	return strings.TrimSuffix(w, ".")
}

// readsAsHeadline reports whether the words after a label read as a
// headline rather than speech: a few words, one line, no closing
// punctuation ("Trump: talks with Russia will go on").
func readsAsHeadline(body string) bool {
	if len(body) >= 120 || strings.Contains(body, "\n") || len(strings.Fields(body)) < 3 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(body))
	return !strings.ContainsRune(".!?…”\"»)]’',;:—–-", r)
}

// isStageDirection: a paragraph in parentheses or brackets, "(Applause.)",
// "[Inaudible]".
func isStageDirection(p string) bool {
	p = strings.TrimSpace(p)
	return len(p) < 200 && (strings.HasPrefix(p, "(") && strings.HasSuffix(p, ")") ||
		strings.HasPrefix(p, "[") && strings.HasSuffix(p, "]"))
}

// proseVerbs report speech in the third person.
const proseVerbs = `(?:said|says|added|told|noted|stressed|stated|explained|recalled|emphasi[sz]ed|remarked|replied|answered|continued|concluded|insisted|argued|warned|declared|went on)`

var (
	// “…,” he said / “…”, Peskov told reporters
	reQuoteThenSpeaker = regexp.MustCompile(`(?i)[”"»’]\s*,?\s*(?:the\s+)?([\p{L}'’-]+)\s+` + proseVerbs + `\b`)
	// Peskov said … (at the start of the paragraph)
	reSpeakerFirst = regexp.MustCompile(`^(?:[\p{L}'’.-]+\s+){0,2}?([\p{L}'’-]+)\s+` + proseVerbs + `\b`)
	// a quotation in double marks
	reQuoted = regexp.MustCompile(`“[^”]*”|"[^"]*"|«[^»]*»`)
)

// readsAsProse reports whether a paragraph after a turn reports the
// speakers in the third person — a name of the run's labels or a pronoun
// after a closing quotation mark ("“…,” he said"), or a label's name
// opening the paragraph with a speech verb ("Peskov added that …") — and
// so ends the transcript: the article goes on around it. A paragraph that
// speaks in the first or second person outside its quotations ("“We will
// see,” he said to me then") is a speaker quoting someone, not prose.
func readsAsProse(p string, names map[string]bool) bool {
	if rePerson.MatchString(reQuoted.ReplaceAllString(p, " ")) {
		return false
	}
	for _, m := range reQuoteThenSpeaker.FindAllStringSubmatch(p, 4) {
		w := strings.ToLower(m[1])
		if names[w] || w == "he" || w == "she" {
			return true
		}
	}
	if m := reSpeakerFirst.FindStringSubmatch(p); m != nil && names[strings.ToLower(m[1])] {
		return true
	}
	return false
}

// isDateLine reports whether a paragraph between turns is only a date,
// with perhaps a place or a time: a new day of the record.
func isDateLine(text string, p model.Span) bool {
	if p.Len() > 80 {
		return false
	}
	_, sp, ok := fullDateIn(text, p)
	if !ok {
		return false
	}
	rest := text[p.Start:sp.Start] + text[sp.End:p.End]
	return len(strings.Fields(rest)) <= 4 && !strings.ContainsAny(rest, "?!")
}

func trSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// --- the heading's date ----------------------------------------------------

var (
	reTrISO = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reTrMDY = regexp.MustCompile(`(?i)\b(` + trMonthRE + `)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`)
	reTrDMY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?: of)? (` + trMonthRE + `)\.?,? (\d{4})\b`)
)

const trMonthRE = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

var trMonths = map[string]time.Month{"sept": time.September}

func init() {
	for m := time.January; m <= time.December; m++ {
		n := strings.ToLower(m.String())
		trMonths[n], trMonths[n[:3]] = m, m
	}
}

// fullDateIn finds the first calendar date written out in full in span of
// text — "March 14, 2025", "14 March 2025", "2025-03-14" — and its span.
func fullDateIn(text string, span model.Span) (time.Time, model.Span, bool) {
	s := text[span.Start:span.End]
	best, bestAt := time.Time{}, model.Span{Start: -1}
	try := func(t time.Time, ok bool, ix []int) {
		if ok && (bestAt.Start < 0 || ix[0] < bestAt.Start-span.Start) {
			best, bestAt = t, model.Span{Start: span.Start + ix[0], End: span.Start + ix[1]}
		}
	}
	if ix := reTrISO.FindStringSubmatchIndex(s); ix != nil {
		t, ok := trDay(atoi(s[ix[2]:ix[3]]), atoi(s[ix[4]:ix[5]]), atoi(s[ix[6]:ix[7]]))
		try(t, ok, ix)
	}
	if ix := reTrMDY.FindStringSubmatchIndex(s); ix != nil {
		t, ok := trDay(atoi(s[ix[6]:ix[7]]), int(trMonths[strings.ToLower(s[ix[2]:ix[3]])]), atoi(s[ix[4]:ix[5]]))
		try(t, ok, ix)
	}
	if ix := reTrDMY.FindStringSubmatchIndex(s); ix != nil {
		t, ok := trDay(atoi(s[ix[6]:ix[7]]), int(trMonths[strings.ToLower(s[ix[4]:ix[5]])]), atoi(s[ix[2]:ix[3]]))
		try(t, ok, ix)
	}
	return best, bestAt, bestAt.Start >= 0
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func trDay(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := model.Day(y, time.Month(m), d)
	return t, t.Day() == d
}

// headingDate is the date of a transcript's heading: the first date
// written out in full on a short line of it ("March 14, 2025, The Kremlin,
// Moscow"), with day precision.
func headingDate(text string, heading model.Span) (model.Date, bool) {
	if heading.Len() <= 0 {
		return model.Date{}, false
	}
	for _, p := range blocksIn(text, heading, 20000) {
		for _, line := range lines(text, p) {
			if line.Len() > 160 {
				continue
			}
			if t, sp, ok := fullDateIn(text, line); ok {
				return model.DayDate(t, text[sp.Start:sp.End], "transcript-heading", sp), true
			}
		}
	}
	return model.Date{}, false
}

func lines(text string, p model.Span) []model.Span {
	var out []model.Span
	start := p.Start
	for i := p.Start; i <= p.End; i++ {
		if i == p.End || text[i] == '\n' {
			if s := trimSpan(text, model.Span{Start: start, End: i}); s.Len() > 0 {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	return out
}

// --- statements --------------------------------------------------------------

// The size of the statements a long turn is split into: a paragraph up to
// maxUnit bytes is one statement; a longer one is cut between sentences
// into groups of at least minUnit bytes (up to three sentences, or up to
// maxUnit), and a short tail joins the group before it.
const (
	minUnit  = 160
	maxUnit  = 420
	tailUnit = 60
)

// transcriptRule opens the rules of every statement read from a transcript.
const transcriptRule = "transcript:"

// fromTranscript reports whether a statement was read from a transcript's
// turn.
func fromTranscript(s *model.Statement) bool {
	return len(s.Rules) > 0 && strings.HasPrefix(s.Rules[0], transcriptRule)
}

// readTranscript is the pipeline's hook after prose extraction: when the
// document holds transcript sections, the statements prose extraction
// found inside their turns give way to the turns' own (questions are
// never statements), the statements are numbered again in text order, and
// the document's date becomes its heading's when no metadata gave one.
func (r *Registry) readTranscript(doc *model.Document, meta Meta, prose []*model.Statement, speakers []*model.Speaker) ([]*model.Statement, []*model.Speaker) {
	blocks := transcriptBlocks(doc.Text)
	secs := findTranscript(doc.Text, doc.TitleSpan, blocks)
	if recs := findRecords(doc.Text, doc.TitleSpan, blocks, secs); len(recs) > 0 {
		secs = append(secs, recs...)
		sort.SliceStable(secs, func(i, j int) bool { return secs[i].Span.Start < secs[j].Span.Start })
	}
	if len(secs) == 0 {
		return prose, speakers
	}
	if meta.Date == "" && secs[0].Heading.Start == 0 {
		if d, ok := headingDate(doc.Text, secs[0].Heading); ok && !sameDay(doc.Date, d) {
			doc.Date = d
			for _, s := range prose { // what prose extraction dated by the document
				if i := len(s.Rules) - 1; i >= 0 && strings.HasPrefix(s.Rules[i], "date:doc") {
					s.Date, s.Rules[i] = d, "date:doc"
				}
			}
		}
	}
	tstmts, tspeakers, questions := r.transcriptStatements(doc, secs)
	stmts := make([]*model.Statement, 0, len(prose)+len(tstmts))
	var turns []model.Span
	for _, sec := range secs {
		for _, t := range sec.Turns {
			if !t.Record || t.spoken { // prose keeps a record no one settled
				turns = append(turns, t.Span())
			}
		}
	}
	for _, s := range prose {
		inside := slices.ContainsFunc(turns, func(t model.Span) bool {
			return s.Span.Start < t.End && t.Start < s.Span.End
		})
		if !inside {
			stmts = append(stmts, s)
		}
	}
	stmts = append(stmts, tstmts...)
	sort.SliceStable(stmts, func(i, j int) bool { return stmts[i].Span.Start < stmts[j].Span.Start })
	for i, s := range stmts {
		s.ID = fmt.Sprintf("%s#%d", doc.ID, i+1)
	}
	speaks := map[string]bool{}
	for _, s := range stmts {
		speaks[s.Speaker] = true
	}
	var out []*model.Speaker
	have := map[string]bool{}
	for _, sp := range append(speakers, tspeakers...) {
		if speaks[sp.Name] && !have[sp.Name] {
			have[sp.Name] = true
			out = append(out, sp)
		}
	}
	for _, sec := range secs {
		for _, t := range sec.Turns {
			if !t.Record || t.spoken {
				doc.Transcript.Turns++
			}
		}
	}
	doc.Transcript.Questions = questions
	return stmts, out
}

func sameDay(a, b model.Date) bool {
	return a.Precision == model.PrecisionDay && b.Precision == model.PrecisionDay && a.Value.Equal(b.Value)
}

// reAsks: a turn that says it asks ("my question is", "one more question
// about Europe", "let me ask").
var reAsks = regexp.MustCompile(`(?i)\b(?:my question|questions? (?:for|to|about|is)|one more question|another question|a question|(?:i|let me|can i|could i|may i|i would like to|i'd like to|i’d like to|we would like to) ask)\b`)

// questionTurn reports whether the turn of a speaker the registry does not
// know asks rather than answers: a journalist named by the label
// ("Alexander Gamov:"), a moderator. It does when its last paragraph holds
// a question mark, or it says it asks ("my question is", "one more
// question about Europe", "let me ask").
func questionTurn(text string, t Turn) bool {
	if t.Kind == LabelQuestion {
		return true
	}
	if t.Kind != LabelSpeaker || len(t.Paras) == 0 {
		return false
	}
	last := t.Paras[len(t.Paras)-1]
	if strings.ContainsRune(text[last.Start:last.End], '?') {
		return true
	}
	for _, p := range t.Paras {
		if reAsks.MatchString(text[p.Start:p.End]) {
			return true
		}
	}
	return false
}

// trSpeaker is who a turn's label names.
type trSpeaker struct {
	name string // canonical, or model.UnknownSpeaker
	rule string
	new  *model.Speaker // a speaker the registry does not know
	reg  bool           // a registry entry
}

// transcriptStatements makes the answer turns of secs direct statements
// of their labelled speakers: a turn's paragraphs split into
// statement-sized units (statementUnits), courtesies left out, each dated
// by the heading (or the date line before its turn, or the document) and
// given the question before it as context.
func (r *Registry) transcriptStatements(doc *model.Document, secs []TranscriptSection) (stmts []*model.Statement, speakers []*model.Speaker, questions int) {
	text := doc.Text
	paraNo := paragraphNumbers(text)
	newByName := map[string]*model.Speaker{}
	docHeading := model.Span{}
	if len(secs) > 0 {
		docHeading = secs[0].Heading
	}
	for _, sec := range secs {
		date, dated := headingDate(text, sec.Heading)
		if !dated && sec.Heading != docHeading {
			date, dated = headingDate(text, docHeading)
		}
		dateRule := "date:transcript-heading " + date.Evidence
		if !dated {
			date, dateRule = doc.Date, "date:doc"
			if !doc.Date.Known() {
				dateRule = "date:doc (unknown)"
			}
		}
		people := r.headingPeople(text, sec.Heading, doc.Title)
		fullNames := sectionNames(sec)
		whoByLabel := map[string]trSpeaker{} // a label resolves once in a section
		var question *Turn
		prevQuestion := false
		answered := false // an answer came after the question
		for ti := range sec.Turns {
			t := &sec.Turns[ti]
			who, ok := whoByLabel[t.Label]
			if !ok {
				who = r.labelSpeaker(t, text, people, fullNames, doc.Date)
				whoByLabel[t.Label] = who
			}
			if t.Record && !who.reg && (who.new == nil || strings.HasPrefix(t.Label, "The ") || strings.Contains(t.Label, " of the ")) {
				// a record by a role: "The President of the Russian
				// Federation said:" is its one holder on the day, or no one
				who = r.recordHolder(t.Label, date)
				if !who.reg {
					continue // a record of words no one the text settles spoke
				}
			}
			t.spoken = true
			if !who.reg && who.new == nil && hostLabels[strings.ToLower(strings.TrimPrefix(t.Label, "The "))] && !questionTurn(text, *t) {
				continue // a moderator's "Good afternoon, we begin": no statement, and no question
			}
			if !t.Record && (t.Kind == LabelQuestion || !who.reg && t.Kind == LabelSpeaker && questionTurn(text, *t)) {
				if len(t.Paras) > 0 {
					question, answered = t, false
				}
				questions++
				prevQuestion = true
				continue
			}
			// the first answer after a question answers it; the next ones
			// only when the question names their speaker ("a question for
			// Mr Lavrov"), not the moderator's "next question, please"
			q := question
			if q != nil && answered && !namesSpeakerIn(text, q, who.name, t.Label) {
				q = nil
			}
			answered = true
			d, rule := date, dateRule
			if !t.DateLine.IsZero() {
				if day, sp, ok := fullDateIn(text, t.DateLine); ok {
					d = model.DayDate(day, text[sp.Start:sp.End], "transcript-date-line", sp)
					rule = "date:transcript-date-line " + d.Evidence
				}
			}
			if who.new != nil && newByName[who.new.Name] == nil {
				newByName[who.new.Name] = who.new
				speakers = append(speakers, who.new)
			}
			var units []model.Span
			for _, p := range t.Paras {
				units = append(units, statementUnits(text, p)...)
			}
			for k, u := range units {
				if courtesy(text[u.Start:u.End]) && !(prevQuestion && k == 0) {
					continue
				}
				st := &model.Statement{
					Doc: doc.ID, Speaker: who.name, Mention: t.Label, Kind: model.Direct,
					Text: text[u.Start:u.End], Span: u, Context: paraOf(t, u), Date: d,
					Sources: []string{doc.ID},
				}
				how := fmt.Sprintf("%sturn labelled “%s:” in paragraph %d", transcriptRule, t.Label, paraNo(t.LabelSpan.Start))
				if t.Record {
					how = fmt.Sprintf("%srecord of “%s”'s words, from the heading in paragraph %d", transcriptRule, t.Label, paraNo(t.LabelSpan.Start))
				}
				st.Rules = append(st.Rules, how, who.rule)
				if q != nil {
					qs := questionSpan(text, q)
					st.Question, st.QuestionSpan, st.QuestionDoc = text[qs.Start:qs.End], qs, doc.ID
					st.Rules = append(st.Rules, fmt.Sprintf("transcript:answers the question “%s:” in paragraph %d", q.Label, paraNo(q.LabelSpan.Start)))
				}
				st.Rules = append(st.Rules, rule)
				if r.Topics != nil {
					st.Topics = r.Topics.Assign(st.Text)
				}
				stmts = append(stmts, st)
			}
			prevQuestion = false
		}
	}
	return stmts, speakers, questions
}

// recordHolder is the registry speaker a record's role label names: the
// one holder of the role on the date ("The President of the Russian
// Federation"), or an unknown speaker. A label that is a name is left to
// labelSpeaker.
func (r *Registry) recordHolder(label string, date model.Date) trSpeaker {
	role := strings.TrimPrefix(strings.TrimPrefix(label, "The "), "the ")
	if r.Speakers != nil && date.Known() {
		if hs := r.Speakers.holders(role, date.Earliest, date.Latest); len(hs) == 1 {
			return trSpeaker{name: hs[0].sp.Name, reg: true, rule: fmt.Sprintf("speaker:record by “%s” → %s, the one holder on the date", label, hs[0].sp.Name)}
		}
	}
	return trSpeaker{name: model.UnknownSpeaker, rule: "speaker:unknown (record by “" + label + "”: no one holder on the date)"}
}

// maxQuestion bounds the context an answer keeps: a question longer than
// this is cut, between words, to about its first maxQuestion bytes.
const maxQuestion = 4000

// questionSpan is the span of a question turn's words, cut to maxQuestion.
func questionSpan(text string, q *Turn) model.Span {
	qs := model.Span{Start: q.Paras[0].Start, End: q.Paras[len(q.Paras)-1].End}
	if qs.Len() > maxQuestion {
		end := qs.Start + maxQuestion
		if i := strings.LastIndexAny(text[qs.Start:end], " \n"); i > 0 {
			end = qs.Start + i
		}
		for end > qs.Start && !utf8.RuneStart(text[end]) {
			end--
		}
		qs.End = end
	}
	return trimSpan(text, qs)
}

// reToAll: a question put to everyone ("a question for both presidents").
var reToAll = regexp.MustCompile(`(?i)\b(?:both|all of you|each of you|everyone|all three|all the participants)\b`)

// namesSpeakerIn reports whether a question turn names the speaker (by
// the surname of the canonical name or of the label), or is put to all.
func namesSpeakerIn(text string, q *Turn, name, label string) bool {
	qs := questionSpan(text, q)
	qt := text[qs.Start:qs.End]
	if reToAll.MatchString(qt) {
		return true
	}
	for _, n := range []string{labelSurname(name), labelSurname(label)} {
		if n != "" && n != model.UnknownSpeaker && namesSpeaker(qt, n) {
			return true
		}
	}
	return false
}

// paragraphNumbers returns a function giving the 1-based number of the
// paragraph of text a byte offset stands in.
func paragraphNumbers(text string) func(int) int {
	paras := paragraphs(text)
	return func(pos int) int {
		i := sort.Search(len(paras), func(i int) bool { return paras[i].End > pos })
		return min(i, len(paras)-1) + 1
	}
}

// paraOf is the paragraph of the turn the unit stands in: its context.
func paraOf(t *Turn, u model.Span) model.Span {
	for k, p := range t.Paras {
		if p.Start <= u.Start && u.End <= p.End {
			if k == 0 {
				p.Start = t.LabelSpan.Start
			}
			return p
		}
	}
	return u
}

// statementUnits splits a paragraph of a turn into statements: the whole
// paragraph when it is short, else groups of sentences (see minUnit).
func statementUnits(text string, p model.Span) []model.Span {
	p = trimSpan(text, p)
	if p.Len() == 0 {
		return nil
	}
	if p.Len() <= maxUnit {
		return []model.Span{p}
	}
	var out []model.Span
	cur, n := model.Span{}, 0
	for _, s := range splitSentences(text, p, nil) {
		switch {
		case n == 0:
			cur, n = s, 1
		case cur.Len() >= minUnit && (s.End-cur.Start > maxUnit || n >= 3):
			out = append(out, cur)
			cur, n = s, 1
		default:
			cur.End, n = s.End, n+1
		}
	}
	if n > 0 {
		if len(out) > 0 && cur.Len() < tailUnit {
			out[len(out)-1].End = cur.End
		} else {
			out = append(out, cur)
		}
	}
	return out
}

// courtesyWords make up the turns that say nothing: "Thank you.", "Good
// afternoon, colleagues.", "Please, go ahead."
var courtesyWords = trSet("thank", "you", "thanks", "very", "much", "so", "good", "afternoon", "morning",
	"evening", "please", "yes", "no", "all", "right", "okay", "ok", "go", "ahead", "next", "question",
	"welcome", "colleagues", "friends", "ladies", "and", "gentlemen", "dear", "hello", "hi", "sir", "madam",
	"mr", "ms", "mrs", "a", "lot", "indeed", "of", "course", "sure", "certainly", "let", "us", "start",
	"begin", "continue", "the", "floor", "is", "yours", "over", "to")

var rePleaseTo = regexp.MustCompile(`^[^.?!]{1,60},\s*please[.!]?$`) // "Kommersant, please."

// courtesy reports whether a unit is only courtesy: greetings, thanks,
// giving the floor, with at most a few names ("Thank you. Next question,
// please. RIA Novosti.").
func courtesy(s string) bool {
	s = strings.TrimSpace(s)
	if rePleaseTo.MatchString(s) {
		return true
	}
	names := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		switch {
		case courtesyWords[strings.ToLower(w)]:
		case capitalisedWord(w) && names < 4:
			names++
		default:
			return false
		}
	}
	return true
}

// headingPeople are the registry speakers a transcript's heading (and the
// document's title) names, in order of first mention; an interviewee
// ("interview with Sergey Lavrov", "Lavrov's interview") comes first.
func (r *Registry) headingPeople(text string, heading model.Span, title string) []*speakerEntry {
	if r.Speakers == nil {
		return nil
	}
	s := r.Speakers
	var found []*speakerEntry
	var interviewee *speakerEntry
	scan := func(src string) {
		ws := wordSpans(src)
		for i := 0; i < len(ws); i++ {
			for n := min(s.aliasMaxWord, len(ws)-i); n >= 1; n-- {
				parts := make([]string, n)
				for k := range n {
					parts[k] = src[ws[i+k].Start:ws[i+k].End]
				}
				parts[n-1] = strings.TrimSuffix(strings.TrimSuffix(parts[n-1], "’s"), "'s")
				if !capitalisedWord(parts[0]) {
					break
				}
				es := s.aliasIndex[normPhrase(strings.Join(parts, " "))]
				if len(es) != 1 {
					continue
				}
				e := es[0]
				if !slices.Contains(found, e) {
					found = append(found, e)
				}
				before := strings.ToLower(src[max(0, ws[i].Start-40):ws[i].Start])
				after := strings.ToLower(src[ws[i+n-1].End:min(len(src), ws[i+n-1].End+30)])
				if interviewee == nil && (reInterviewBefore.MatchString(before) || reInterviewAfter.MatchString(after)) {
					interviewee = e
				}
				i += n - 1
				break
			}
		}
	}
	scan(title)
	if heading.Len() > 0 {
		scan(text[heading.Start:min(heading.End, heading.Start+2000)])
	}
	if interviewee != nil {
		found = slices.DeleteFunc(found, func(e *speakerEntry) bool { return e == interviewee })
		found = append([]*speakerEntry{interviewee}, found...)
	}
	if interviewee == nil && len(found) > 1 {
		return append([]*speakerEntry{nil}, found...) // no one interviewed in particular
	}
	return found
}

var (
	reInterviewBefore = regexp.MustCompile(`(?:interview (?:with|of|by|given by)|conversation with|talk with|q&a with|interviewed|questions to|answers? by) $`)
	reInterviewAfter  = regexp.MustCompile(`^(?:’s|'s)? (?:interview|answers|answered|gives|gave|talks to|spoke to)`)
)

// wordSpans are the words of s: runs of letters, digits, hyphens,
// apostrophes and periods.
func wordSpans(s string) []model.Span {
	var out []model.Span
	start := -1
	for i, c := range s + " " {
		word := unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '\'' || c == '’' || c == '.'
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			w := strings.TrimRight(s[start:i], ".")
			if w != "" {
				out = append(out, model.Span{Start: start, End: start + len(w)})
			}
			start = -1
		}
	}
	return out
}

// labelSpeaker resolves who a turn's label names: a registry speaker
// ("V.Putin", "Lavrov", "President of Russia Vladimir Putin"), the
// interviewee of the heading ("A:"), the one person of the heading with
// the role a role label gives ("The President:"), or a new speaker named
// as the label names them; a role nobody holds is an unknown speaker.
func (r *Registry) labelSpeaker(t *Turn, text string, people []*speakerEntry, fullNames map[string]string, date model.Date) trSpeaker {
	unknown := func(why string) trSpeaker {
		return trSpeaker{name: model.UnknownSpeaker, rule: "speaker:unknown (" + why + ")"}
	}
	switch t.Kind {
	case LabelQuestion:
		return trSpeaker{name: model.UnknownSpeaker, rule: "transcript:question"}
	case LabelAnswer:
		if len(people) > 0 && people[0] != nil {
			return trSpeaker{name: people[0].Name, reg: true, rule: fmt.Sprintf("speaker:label “%s” → %s, the interviewee the heading names", t.Label, people[0].Name)}
		}
		return unknown(fmt.Sprintf("label “%s”: the heading names no one interviewee", t.Label))
	}
	s := r.Speakers
	if s == nil {
		return trSpeaker{name: t.Label, rule: "speaker:label “" + t.Label + "”", new: &model.Speaker{Name: t.Label, Affiliation: model.NoAffil}}
	}
	if e, how := s.resolveLabel(t.Label, date.Earliest, date.Latest); e != nil {
		return trSpeaker{name: e.Name, reg: true, rule: fmt.Sprintf("speaker:label “%s” → %s (%s)", t.Label, e.Name, how)}
	}
	role, name := s.splitLabel(t.Label)
	if name == "" { // a role alone: "The President", "Moderator"
		head := s.headFamily(role)
		var holders []*speakerEntry
		for _, e := range people {
			if e != nil && head != "" && s.roleHasHead(e.Role, head) {
				holders = append(holders, e)
			}
		}
		if len(holders) == 1 {
			return trSpeaker{name: holders[0].Name, reg: true, rule: fmt.Sprintf("speaker:label “%s” → %s, the %s the heading names", t.Label, holders[0].Name, strings.ToLower(strings.TrimPrefix(role, "The ")))}
		}
		return unknown(fmt.Sprintf("label “%s” is a role, and the heading names no one person who holds it", t.Label))
	}
	if strings.ToUpper(name) == name && strings.ToLower(name) != name {
		name = titleCase(name) // "CLINTON" → "Clinton"
	}
	if !strings.Contains(name, " ") {
		if full := fullNames[strings.ToLower(name)]; full != "" {
			name = full // "TAPPER:" after "JAKE TAPPER:"
		} else if full := s.fullNameIn(text[:min(len(text), fullNameWindow)], name); full != "" {
			name = full
		}
	}
	if e := s.lookup(name); e != nil {
		return trSpeaker{name: e.Name, reg: true, rule: fmt.Sprintf("speaker:label “%s” → %s", t.Label, e.Name)}
	}
	if strings.HasPrefix(strings.ToLower(name), "speaker ") || strings.HasPrefix(strings.ToLower(name), "unidentified") {
		return unknown(fmt.Sprintf("label “%s” names no one", t.Label))
	}
	aff := model.NoAffil
	for _, w := range strings.Fields(normPhrase(role)) {
		if a, ok := s.nationality[w]; ok {
			aff = a
		}
	}
	sp := &model.Speaker{Name: name, Role: role, Affiliation: aff}
	return trSpeaker{name: name, new: sp, rule: fmt.Sprintf("speaker:label “%s” names a speaker the registry does not know", t.Label)}
}

// resolveLabel finds the registry speaker a label names: by a name or
// alias ("Lavrov", "Maria Zakharova"), by an initial and a surname
// ("V.Putin", "S. V. Lavrov"), or by a name after a role ("President of
// Russia Vladimir Putin", "Presidential Press Secretary Dmitry Peskov"),
// and how.
func (s *Speakers) resolveLabel(label string, earliest, latest time.Time) (*speakerEntry, string) {
	if s == nil {
		return nil, ""
	}
	name, _, _ := strings.Cut(label, ",")
	ws := strings.Fields(strings.ReplaceAll(name, ".", ". "))
	for len(ws) > 0 && labelTitles[strings.ToLower(ws[0])] {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return nil, ""
	}
	unique := func(key string) *speakerEntry {
		if es := s.aliasIndex[normPhrase(key)]; len(es) == 1 {
			return es[0]
		}
		return nil
	}
	full := strings.Join(ws, " ")
	if e := unique(full); e != nil {
		return e, "registry"
	}
	// initials and a surname: the surname's one speaker, whose first name
	// starts with the initial
	var initials []string
	k := 0
	for k < len(ws) && reInitialName.MatchString(ws[k]) && strings.HasSuffix(ws[k], ".") {
		initials = append(initials, strings.TrimSuffix(ws[k], "."))
		k++
	}
	if len(initials) > 0 && k < len(ws) {
		if e := unique(strings.Join(ws[k:], " ")); e != nil {
			first, _, _ := strings.Cut(e.Name, " ")
			if strings.HasPrefix(strings.ToUpper(first), strings.ToUpper(initials[0])) {
				return e, "initial and surname"
			}
		}
		return nil, ""
	}
	// a role before the name: the longest tail that names one speaker
	for n := min(len(ws)-1, max(s.aliasMaxWord, 3)); n >= 1; n-- {
		if e := unique(strings.Join(ws[len(ws)-n:], " ")); e != nil {
			return e, "name after the role “" + strings.Join(ws[:len(ws)-n], " ") + "”"
		}
	}
	// a role alone that names one holder on the date: "Russian Foreign Minister"
	if hs := s.holders(full, earliest, latest); len(hs) == 1 {
		return hs[0].sp, "role"
	}
	return nil, ""
}

// roleHasHead reports whether a role ("President of Russia") has a head
// noun of the family fam ("president").
func (s *Speakers) roleHasHead(role, fam string) bool {
	ws := strings.Fields(normPhrase(role))
	for i, w := range ws {
		if s.roleHeads[w] == fam || i+1 < len(ws) && s.roleHeads[w+" "+ws[i+1]] == fam {
			return true
		}
	}
	return false
}

// splitLabel splits a label the registry does not know into the role
// before the name and the name: "Kazakh President Kassym-Jomart Tokayev"
// → "Kazakh President", "Kassym-Jomart Tokayev"; "The President" →
// "The President", "".
func (s *Speakers) splitLabel(label string) (role, name string) {
	label, _, _ = strings.Cut(label, ",")
	ws := strings.Fields(label)
	k := 0
	for k < len(ws) {
		w := normWord(strings.TrimSuffix(ws[k], "."))
		_, nat := s.nationality[w]
		_, head := s.roleHeads[w]
		if !(s.roleWords[w] || head || nat || labelTitles[w] || w == "the" || w == "moderator" || w == "host" || w == "presenter" || w == "chair" || w == "anchor") {
			break
		}
		k++
	}
	// a title belongs with the name: "Mr Smith"
	for k > 0 && labelTitles[strings.ToLower(ws[k-1])] {
		k--
	}
	return strings.Join(ws[:k], " "), strings.Join(slices.DeleteFunc(slices.Clone(ws[k:]), func(w string) bool { return labelTitles[strings.ToLower(w)] }), " ")
}

// sectionNames maps the surname of each label of two words or more in a
// section to its name, title-cased: "tapper" → "Jake Tapper".
func sectionNames(sec TranscriptSection) map[string]string {
	out := map[string]string{}
	for _, t := range sec.Turns {
		name, _, _ := strings.Cut(t.Label, ",")
		if t.Kind != LabelSpeaker || !strings.Contains(strings.TrimSpace(name), " ") {
			continue
		}
		if strings.ToUpper(name) == name {
			name = titleCase(name)
		}
		k := strings.ToLower(labelSurname(name))
		if prev, ok := out[k]; ok && prev != name {
			out[k] = "" // two people of that surname
			continue
		}
		out[k] = strings.Join(strings.Fields(name), " ")
	}
	return out
}

// fullNameIn finds the full name a bare surname label stands for in the
// text ("Tokayev" → "Kassym-Jomart Tokayev"): the one run of capitalised
// words the surname closes, role words and titles before it dropped
// ("Governor Mary Fallin" → "Mary Fallin").
func (s *Speakers) fullNameIn(text, surname string) string {
	re, err := regexp.Compile(`\b((?:\p{Lu}[\p{L}'’-]+ ){1,3})` + regexp.QuoteMeta(surname) + `\b`)
	if err != nil {
		return ""
	}
	found := ""
	for _, m := range re.FindAllStringSubmatch(text, 20) {
		first := strings.Fields(m[1])
		for k := len(first) - 1; k >= 0; k-- { // "Governor Mary", "MSNBC’s Chris"
			w := normWord(strings.TrimSuffix(first[k], "."))
			_, head := s.roleHeads[w]
			_, nat := s.nationality[w]
			if stopFirst[w] || s.roleWords[w] || head || nat || labelTitles[w] ||
				strings.HasSuffix(w, "'s") {
				first = first[k+1:]
				break
			}
		}
		if len(first) == 0 {
			continue
		}
		full := strings.Join(first, " ") + " " + surname
		if found != "" && found != full {
			return "" // two people of that name
		}
		found = full
	}
	return found
}

// fullNameWindow is how much of a text's start fullNameIn reads: the
// heading and the first turns, where a transcript introduces people.
const fullNameWindow = 20000

// stopFirst are capitalised words that open a sentence or a role, not a name.
var stopFirst = trSet("the", "mr", "ms", "mrs", "president", "minister", "said", "and", "but", "as", "when", "after", "then", "thank", "dear",
	"gov", "governor", "sen", "senator", "rep", "representative", "gen", "general", "judge", "justice", "mayor", "actress", "actor", "host", "anchor")

func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}
