package corpus

import "github.com/quotetrail/quotetrail/model"

// STUB — owned by the dating work (issue 2, item 7). Replace wholesale.

// Events is the table of reference events used to bound dates.
type Events struct{}

func (e *Events) extend(data []byte) error { return nil }

// DateDocument dates a document from its metadata and text.
func (e *Events) DateDocument(doc *model.Document, meta Meta) model.Date {
	return model.Date{Precision: model.PrecisionUnknown}
}

// DateIn looks for a temporal expression inside span of doc.Text and
// resolves it against the document's date. ok is false when the span does
// not date itself.
func (e *Events) DateIn(doc *model.Document, span model.Span) (d model.Date, ok bool) {
	return model.Date{}, false
}
