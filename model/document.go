package model

// Span is a half-open range [Start, End) of byte offsets into a
// document's cleaned Text.
type Span struct {
	Start int
	End   int
}

// Len is the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// IsZero reports whether the span is unset.
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 }

// In reports whether the span lies inside a text of n bytes.
func (s Span) In(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Removal is a piece of the raw text that cleaning took out of the body,
// with the reason and the rule that took it.
type Removal struct {
	Reason string // "related links", "comment form", "photo caption", …
	Rule   string // the phrase or pattern that matched
	Text   string
}

// Repair is one change decoding made to the raw bytes' text.
type Repair struct {
	Kind   string // "cp1251-as-latin1", "utf8-as-cp1252", "decode:windows-1252", …
	Before string
	After  string
	Offset int // byte offset of After in the decoded (pre-cleaning) text
}

// Document is one article, cleaned, with its metadata and date.
type Document struct {
	ID    string // file name without extension, unique in the corpus
	Path  string // where it was read from ("seed/000_….txt" for the built-in corpus)
	Title string
	// TitleSpan is where the headline stands in Text, when the article
	// opens with one; statements inside it repeat the body and are not counted.
	TitleSpan Span
	Source    string // outlet: "TASS", "RT", "MENAFN", …
	URL       string
	Language  string // "en", or an ISO 639-1 code, or "und"
	Place     string // dateline place ("MOSCOW"), if any
	Encoding  string // how the bytes were decoded ("utf-8", "utf-16le", "windows-1251", …)
	Date      Date
	// Text is the cleaned body: paragraphs separated by a blank line.
	// Every Span in a Document or its Statements is into Text.
	Text     string
	Captions []string // photo captions and credits taken out of the body
	Removed  []Removal
	Repairs  []Repair
	Warnings []string
	// Transcript says what was read as a speaker-labelled record (a news
	// conference, an interview, a briefing); zero for prose.
	Transcript Transcript
}

// Transcript counts the speaker-labelled turns read in a document.
type Transcript struct {
	Turns     int // labelled turns, questions included (0: the document is prose)
	Questions int // of them, questions: context for the answers, never statements
}

// IsTranscript reports whether the document was read, in whole or in
// part, as a transcript.
func (d *Document) IsTranscript() bool { return d.Transcript.Turns > 0 }

// Paragraphs returns the spans of Text's paragraphs (runs of text between
// blank lines), in order.
func (d *Document) Paragraphs() []Span {
	return ParagraphSpans(d.Text)
}

// ParagraphSpans splits text into paragraphs separated by blank lines and
// returns their spans with surrounding white space trimmed.
func ParagraphSpans(text string) []Span {
	var out []Span
	start := -1
	lineStart := 0
	blank := true
	flush := func(end int) {
		if start >= 0 {
			// trim trailing white space
			for end > start && (text[end-1] == ' ' || text[end-1] == '\n' || text[end-1] == '\t' || text[end-1] == '\r') {
				end--
			}
			if end > start {
				out = append(out, Span{start, end})
			}
			start = -1
		}
	}
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if blank {
				flush(lineStart)
			}
			lineStart = i + 1
			blank = true
			continue
		}
		c := text[i]
		if c != ' ' && c != '\t' && c != '\r' {
			if blank && start < 0 {
				start = i
			}
			blank = false
		}
	}
	flush(len(text))
	return out
}

// Skipped is a file (or a line of one) that did not load, and why.
type Skipped struct {
	Path   string
	Reason string
}
