package model

// Kind says how an article reports a statement.
type Kind string

// The kinds of statement.
const (
	Direct   Kind = "direct"   // a quotation
	Indirect Kind = "indirect" // reported speech: "Peskov stressed that …"
	Mixed    Kind = "mixed"    // reported speech with a quoted fragment
)

// UnknownSpeaker is the canonical name of a speaker the text does not settle.
const UnknownSpeaker = "unknown"

// TopicMatch is one topic assigned to a statement and the words that set it.
type TopicMatch struct {
	Topic string
	Words []string
}

// Statement is what one speaker said, as an article reports it.
type Statement struct {
	ID string // stable: "<doc id>#<n>"
	// Doc is the ID of the document the statement was taken from (its first
	// source); Span and Context are into that document's Text.
	Doc     string
	Speaker string // canonical name, or UnknownSpeaker
	Mention string // the speaker as written: "he", "the Kremlin spokesman"
	// Cue is the words that report the statement, as the rules read them
	// ("said", "denied", "according to", "called for"); "" for a quotation
	// no cue reports and a transcript's turn.
	Cue  string
	Kind Kind
	Text string // the statement's words, exactly as in the document
	Span Span   // where Text is in the document
	// Context is the span of the paragraph the statement stands in.
	Context Span
	Date    Date
	Topics  []TopicMatch
	// Sources lists the IDs of every document reporting the statement,
	// Doc first.
	Sources []string
	// Rules names the rules that found and attributed the statement, with
	// their reasons ("quote:paired", "pronoun → Dmitry Peskov, last named in paragraph 2").
	Rules []string
	// Question is the question a transcript's answer replied to, its words
	// as in the transcript without the label ("Question:", "Q:"); "" for a
	// statement that answers none. It is context, never a statement.
	Question string
	// QuestionSpan is where Question stands in the Text of QuestionDoc.
	QuestionSpan Span
	// QuestionDoc is the document the question was read from: Doc, unless
	// a merge kept another report of the statement.
	QuestionDoc string
}

// Period is the US administration in office on the statement's date.
func (s *Statement) Period() Period { return PeriodOf(s.Date) }

// HasTopic reports whether the statement was assigned the topic.
func (s *Statement) HasTopic(topic string) bool {
	for _, t := range s.Topics {
		if t.Topic == topic {
			return true
		}
	}
	return false
}

// TopicNames returns the statement's topics in order.
func (s *Statement) TopicNames() []string {
	out := make([]string, len(s.Topics))
	for i, t := range s.Topics {
		out[i] = t.Topic
	}
	return out
}
