package model

import (
	"time"
	"unicode/utf8"
)

// DumpSchema names the JSON shape Dump produces.
const DumpSchema = "quotetrail.dump/v1"

// DumpJSON is the whole parsed model as JSON, for scripts. Its shape is
// documented in the README; change it only with a new schema name.
type DumpJSON struct {
	Schema     string          `json:"schema"`
	Corpus     string          `json:"corpus"`
	Filter     string          `json:"filter,omitempty"`
	Split      string          `json:"split"`
	Documents  []DocumentJSON  `json:"documents"`
	Statements []StatementJSON `json:"statements"`
	Speakers   []SpeakerJSON   `json:"speakers"`
	Skipped    []SkippedJSON   `json:"skipped"`
	Warnings   []string        `json:"warnings"`
}

// DocumentJSON is a document in a dump.
type DocumentJSON struct {
	ID       string        `json:"id"`
	Path     string        `json:"path"`
	Title    string        `json:"title"`
	Source   string        `json:"source"`
	URL      string        `json:"url"`
	Language string        `json:"language"`
	Place    string        `json:"place"`
	Encoding string        `json:"encoding"`
	Date     DateJSON      `json:"date"`
	Text     string        `json:"text"`
	Captions []string      `json:"captions"`
	Removed  []RemovedJSON `json:"removed"`
	Repairs  []RepairJSON  `json:"repairs"`
	Warnings []string      `json:"warnings"`
	// Transcript is set when the document was read (in whole or in part)
	// as a transcript of labelled turns.
	Transcript *TranscriptJSON `json:"transcript,omitempty"`
}

// TranscriptJSON counts a document's labelled turns.
type TranscriptJSON struct {
	Turns     int `json:"turns"`
	Questions int `json:"questions"`
}

// DateJSON is a Date in a dump: days as YYYY-MM-DD or null.
type DateJSON struct {
	Value     *string `json:"value"`
	Precision string  `json:"precision"`
	Earliest  *string `json:"earliest"`
	Latest    *string `json:"latest"`
	Evidence  string  `json:"evidence"`
	// EvidenceSpan is in characters (Unicode code points) of the document
	// text, or null when the evidence is not in the text.
	EvidenceSpan []int  `json:"evidence_span"`
	Rule         string `json:"rule"`
	// Clues are the evidence dating weighed, each with its windows; left
	// out when there are none, and for a statement dated as its document
	// (the document lists them).
	Clues []ClueJSON `json:"clues,omitempty"`
}

// ClueJSON is one piece of dating evidence in a dump.
type ClueJSON struct {
	Rule     string `json:"rule"`
	Evidence string `json:"evidence"`
	// EvidenceSpan as in DateJSON.
	EvidenceSpan []int `json:"evidence_span"`
	// Windows are the days the clue allows; a null end is open.
	Windows []WindowJSON `json:"windows"`
	// Use is what dating made of the clue: used, no effect, hint,
	// conflict, overruled or explicit.
	Use string `json:"use"`
}

// WindowJSON is a window of days: YYYY-MM-DD, or null for an open end.
type WindowJSON struct {
	From *string `json:"from"`
	To   *string `json:"to"`
}

// RemovedJSON is a removed block in a dump.
type RemovedJSON struct {
	Reason string `json:"reason"`
	Rule   string `json:"rule"`
	Text   string `json:"text"`
}

// RepairJSON is a repair in a dump.
type RepairJSON struct {
	Kind   string `json:"kind"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// StatementJSON is a statement in a dump. Span is [start, end) in
// characters (Unicode code points) of the document's text.
type StatementJSON struct {
	ID      string       `json:"id"`
	Doc     string       `json:"doc"`
	Speaker string       `json:"speaker"`
	Mention string       `json:"mention"`
	Cue     string       `json:"cue,omitempty"`
	Kind    Kind         `json:"kind"`
	Text    string       `json:"text"`
	Span    [2]int       `json:"span"`
	Date    DateJSON     `json:"date"`
	Period  Period       `json:"period"`
	Side    Side         `json:"side"`
	Topics  []TopicMatch `json:"topics"`
	Sources []string     `json:"sources"`
	Rules   []string     `json:"rules"`
	// Question is the question a transcript's answer replied to, with its
	// document and its span (in characters of that document's text).
	Question     string  `json:"question,omitempty"`
	QuestionDoc  string  `json:"question_doc,omitempty"`
	QuestionSpan *[2]int `json:"question_span,omitempty"`
}

// SpeakerJSON is a speaker in a dump; Count is over the dumped statements.
type SpeakerJSON struct {
	Name        string      `json:"name"`
	Role        string      `json:"role"`
	Affiliation Affiliation `json:"affiliation"`
	Aliases     []string    `json:"aliases"`
	Count       int         `json:"count"`
}

// SkippedJSON is a file that did not load.
type SkippedJSON struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Dump renders the corpus with the statements ids (all documents, the
// selected statements, the speakers among them with their counts).
func Dump(c *Corpus, ids []int, f Filter, split Split) DumpJSON {
	out := DumpJSON{
		Schema: DumpSchema, Corpus: c.Name, Filter: f.String(), Split: split.String(),
		Documents: []DocumentJSON{}, Statements: []StatementJSON{}, Speakers: []SpeakerJSON{},
		Skipped: []SkippedJSON{}, Warnings: nonNil(c.Warnings),
	}
	for _, d := range c.Documents {
		dj := DocumentJSON{
			ID: d.ID, Path: d.Path, Title: d.Title, Source: d.Source, URL: d.URL,
			Language: d.Language, Place: d.Place, Encoding: d.Encoding,
			Date: dateJSON(d.Date, d.Text, nil), Text: d.Text, Captions: nonNil(d.Captions),
			Removed: []RemovedJSON{}, Repairs: []RepairJSON{}, Warnings: nonNil(d.Warnings),
		}
		if d.IsTranscript() {
			dj.Transcript = &TranscriptJSON{d.Transcript.Turns, d.Transcript.Questions}
		}
		for _, r := range d.Removed {
			dj.Removed = append(dj.Removed, RemovedJSON(r))
		}
		for _, r := range d.Repairs {
			dj.Repairs = append(dj.Repairs, RepairJSON{r.Kind, r.Before, r.After})
		}
		out.Documents = append(out.Documents, dj)
	}
	counts := c.Counts(ids)
	// statements of a document come mostly in text order: their offsets
	// are counted on from the one before, not from the start each time
	spans := map[string]*runeCounter{}
	questions := map[string]*runeCounter{}
	counter := func(m map[string]*runeCounter, doc string) *runeCounter {
		rc := m[doc]
		if rc == nil {
			rc = &runeCounter{}
			m[doc] = rc
		}
		return rc
	}
	for _, i := range ids {
		s := c.Statements[i]
		text := ""
		var docClues []DateClue
		if d := c.Document(s.Doc); d != nil {
			text, docClues = d.Text, d.Date.Clues
		}
		topics := s.Topics
		if topics == nil {
			topics = []TopicMatch{}
		}
		sj := StatementJSON{
			ID: s.ID, Doc: s.Doc, Speaker: s.Speaker, Mention: s.Mention, Cue: s.Cue, Kind: s.Kind,
			Text: s.Text, Span: counter(spans, s.Doc).span(text, s.Span),
			Date: dateJSON(s.Date, text, docClues), Period: s.Period(), Side: split.SideOf(s.Date),
			Topics: topics, Sources: nonNil(s.Sources), Rules: nonNil(s.Rules),
		}
		if s.Question != "" {
			sj.Question, sj.QuestionDoc = s.Question, s.QuestionDoc
			if d := c.Document(s.QuestionDoc); d != nil && s.QuestionSpan.In(len(d.Text)) && d.Text[s.QuestionSpan.Start:s.QuestionSpan.End] == s.Question {
				qs := counter(questions, s.QuestionDoc).span(d.Text, s.QuestionSpan)
				sj.QuestionSpan = &qs
			}
		}
		out.Statements = append(out.Statements, sj)
	}
	for _, sp := range c.Speakers {
		if counts[sp.Name] == 0 {
			continue
		}
		out.Speakers = append(out.Speakers, SpeakerJSON{sp.Name, sp.Role, sp.Affiliation, nonNil(sp.Aliases), counts[sp.Name]})
	}
	for _, s := range c.Skipped {
		out.Skipped = append(out.Skipped, SkippedJSON(s))
	}
	return out
}

// dateJSON renders d; inherited (the clues of the statement's document)
// are not repeated.
func dateJSON(d Date, text string, inherited []DateClue) DateJSON {
	dj := DateJSON{Precision: string(d.Precision), Evidence: d.Evidence, Rule: d.Rule}
	if dj.Precision == "" {
		dj.Precision = string(PrecisionUnknown)
	}
	if d.Known() {
		dj.Value, dj.Earliest, dj.Latest = day(d.Value), day(d.Earliest), day(d.Latest)
	}
	if !d.EvidenceSpan.IsZero() && d.EvidenceSpan.In(len(text)) {
		dj.EvidenceSpan = []int{runeOffset(text, d.EvidenceSpan.Start), runeOffset(text, d.EvidenceSpan.End)}
	}
	if len(d.Clues) > 0 && !sameClues(d.Clues, inherited) {
		dj.Clues = make([]ClueJSON, 0, len(d.Clues))
		for _, c := range d.Clues {
			cj := ClueJSON{Rule: c.Rule, Evidence: c.Evidence, Use: string(c.Use), Windows: make([]WindowJSON, 0, len(c.Windows))}
			if !c.Span.IsZero() && c.Span.In(len(text)) {
				cj.EvidenceSpan = []int{runeOffset(text, c.Span.Start), runeOffset(text, c.Span.End)}
			}
			for _, w := range c.Windows {
				cj.Windows = append(cj.Windows, WindowJSON{day(w.From), day(w.To)})
			}
			dj.Clues = append(dj.Clues, cj)
		}
	}
	return dj
}

// sameClues reports whether a and b list the same clues.
func sameClues(a, b []DateClue) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Rule != y.Rule || x.Evidence != y.Evidence || x.Span != y.Span || x.Use != y.Use || len(x.Windows) != len(y.Windows) {
			return false
		}
		for k := range x.Windows {
			if !x.Windows[k].From.Equal(y.Windows[k].From) || !x.Windows[k].To.Equal(y.Windows[k].To) {
				return false
			}
		}
	}
	return true
}

func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format("2006-01-02")
	return &s
}

// runeCounter converts byte offsets in one text to code-point offsets,
// counting on from the offset it converted last when the next is not
// before it: a document's statements in text order cost one pass over
// its text, not one each.
type runeCounter struct{ b, r int }

func (rc *runeCounter) at(text string, b int) int {
	b = max(0, min(b, len(text)))
	if b < rc.b || rc.b > len(text) || rc.b < len(text) && !utf8.RuneStart(text[rc.b]) {
		rc.b, rc.r = 0, 0 // back, another text, or inside a character: count from the start
	}
	rc.r += utf8.RuneCountInString(text[rc.b:b])
	rc.b = b
	return rc.r
}

// span converts a span; a start after the end is counted apart, as
// runeOffset would.
func (rc *runeCounter) span(text string, sp Span) [2]int {
	if sp.End < sp.Start {
		return [2]int{runeOffset(text, sp.Start), runeOffset(text, sp.End)}
	}
	return [2]int{rc.at(text, sp.Start), rc.at(text, sp.End)}
}

// runeOffset converts a byte offset in text to a code-point offset.
func runeOffset(text string, b int) int {
	if b > len(text) {
		b = len(text)
	}
	if b < 0 {
		return 0
	}
	return utf8.RuneCountInString(text[:b])
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
