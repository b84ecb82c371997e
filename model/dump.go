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
	Kind    Kind         `json:"kind"`
	Text    string       `json:"text"`
	Span    [2]int       `json:"span"`
	Date    DateJSON     `json:"date"`
	Period  Period       `json:"period"`
	Side    Side         `json:"side"`
	Topics  []TopicMatch `json:"topics"`
	Sources []string     `json:"sources"`
	Rules   []string     `json:"rules"`
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
		for _, r := range d.Removed {
			dj.Removed = append(dj.Removed, RemovedJSON{r.Reason, r.Rule, r.Text})
		}
		for _, r := range d.Repairs {
			dj.Repairs = append(dj.Repairs, RepairJSON{r.Kind, r.Before, r.After})
		}
		out.Documents = append(out.Documents, dj)
	}
	counts := c.Counts(ids)
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
		out.Statements = append(out.Statements, StatementJSON{
			ID: s.ID, Doc: s.Doc, Speaker: s.Speaker, Mention: s.Mention, Kind: s.Kind,
			Text: s.Text, Span: [2]int{runeOffset(text, s.Span.Start), runeOffset(text, s.Span.End)},
			Date: dateJSON(s.Date, text, docClues), Period: s.Period(), Side: split.SideOf(s.Date),
			Topics: topics, Sources: nonNil(s.Sources), Rules: nonNil(s.Rules),
		})
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
