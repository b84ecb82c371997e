package corpus

import "github.com/quotetrail/quotetrail/model"

// STUB — owned by the statements work (issue 3). Replace wholesale.

// Speakers is the speaker registry.
type Speakers struct{}

func (s *Speakers) extend(data []byte) error { return nil }

// List returns every registered speaker.
func (s *Speakers) List() []*model.Speaker { return nil }

// Verbs is the speech-verb lexicon.
type Verbs struct{}

func (v *Verbs) extend(data []byte) error { return nil }

// Topics is the topic vocabulary.
type Topics struct{}

func (t *Topics) extend(data []byte) error { return nil }

// Extract finds the statements of a cleaned, dated document.
func (r *Registry) Extract(doc *model.Document) ([]*model.Statement, []*model.Speaker) {
	return nil, nil
}

// MergeReports merges the same statement reported by several documents.
func MergeReports(docs []*model.Document, stmts []*model.Statement) []*model.Statement {
	return stmts
}
