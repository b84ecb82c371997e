package corpus

import "github.com/quotetrail/quotetrail/model"

// STUB — owned by the loader work (issue 2). Replace wholesale.

// Boilerplate is the table of page-furniture phrases cleaning removes.
type Boilerplate struct{}

func (b *Boilerplate) extend(data []byte) error { return nil }

// Cleaned is a text after cleaning.
type Cleaned struct {
	Text      string
	Removed   []model.Removal
	Captions  []string
	TitleSpan model.Span
}

// Clean removes page furniture from text.
func (b *Boilerplate) Clean(text string) Cleaned { return Cleaned{Text: text} }
