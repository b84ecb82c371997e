package corpus

import (
	"context"
	"slices"
	"strings"

	"github.com/quotetrail/quotetrail/model"
)

// Article is one raw article from any input format, before the pipeline.
type Article struct {
	ID   string // unique in the corpus
	Path string // where it came from; "file.jsonl:12" for a JSONL line
	// Raw holds the bytes of a plain-text article, still to be decoded.
	// When Raw is nil, Text holds a body the format reader already decoded
	// (HTML main text, a JSONL "text", a body after front matter).
	Raw  []byte
	Text string
	Meta Meta
	// Warnings the format reader found (broken front matter, …).
	Warnings []string
	// Size is how long Raw or Text was before trimInput cut it to what the
	// pipeline reads; 0 when it was not cut.
	Size int
}

// Meta is metadata an input format gave explicitly (front matter, HTML
// meta tags, JSONL fields). It wins over what the text suggests.
type Meta struct {
	Title    string
	Date     string // as written; parsed by the dating pass
	Source   string
	URL      string
	Language string
}

// Processed is one article after the pipeline.
type Processed struct {
	Doc        *model.Document
	Statements []*model.Statement
	// Speakers the registry does not know, found in the text from
	// "<role> <First Last>" patterns, with the role the text gives them.
	Speakers []*model.Speaker
}

// Process runs one article through the per-document passes:
// decode → sanitize → clean → metadata → date → statements, the
// statements of a transcript's labelled turns in place of what prose
// extraction finds inside them (transcript.go).
// It never fails: what goes wrong becomes a warning on the document.
//
// It reads at most MaxTextBytes of the text, and stops at the document's
// memory budget (limits.go): the document then has no statements, and a
// warning says why.
func (r *Registry) Process(a Article) Processed {
	out, skip := r.process(context.Background(), a)
	if skip != "" {
		out.Doc.Warnings = append(out.Doc.Warnings, "statements not read: "+skip)
	}
	return out
}

// process is Process under the document's budget: it stops when ctx is
// cancelled or the budget is spent, and skip then says why.
func (r *Registry) process(ctx context.Context, a Article) (out Processed, skip string) {
	a = trimInput(a)
	size := a.Size
	if size == 0 {
		size = len(a.Raw) + len(a.Text)
	}
	b := newBudget(ctx, size)
	doc := &model.Document{ID: a.ID, Path: a.Path}
	defer func() {
		if p := recover(); p != nil {
			bo, ok := p.(bailout)
			if !ok {
				panic(p)
			}
			out, skip = Processed{Doc: doc}, bo.reason
		}
	}()
	doc.Warnings = append(doc.Warnings, a.Warnings...)

	text := a.Text
	if a.Raw != nil {
		var repairs []model.Repair
		text, doc.Encoding, repairs = Decode(a.Raw)
		doc.Repairs = append(doc.Repairs, repairs...)
	} else {
		doc.Encoding = "utf-8"
		var repairs []model.Repair
		text, repairs = RepairMojibake(text)
		doc.Repairs = append(doc.Repairs, repairs...)
	}
	text = Sanitize(text)
	text, warn := capText(text, size, a.Size > 0)
	if warn != "" {
		doc.Warnings = append(doc.Warnings, warn)
	}
	b.check()

	cleaned := r.Boilerplate.Clean(text)
	doc.Text = cleaned.Text
	doc.Removed = cleaned.Removed
	doc.Captions = cleaned.Captions

	ExtractMeta(doc, a.Meta, cleaned)
	b.check()
	doc.Date = r.Events.DateDocument(doc, a.Meta)
	if doc.Date.Precision == "" {
		doc.Date.Precision = model.PrecisionUnknown
	}
	b.check()
	stmts, speakers := r.extract(doc, b)
	b.check()
	stmts, speakers = r.readTranscript(doc, a.Meta, stmts, speakers)
	b.charge(len(stmts) * stmtSize)
	return Processed{Doc: doc, Statements: stmts, Speakers: speakers}, ""
}

// Build turns a load result into the in-memory model: it merges the same
// statement reported by several documents into one with several sources,
// and adds the speakers the texts introduced to the registry's.
func (r *Registry) Build(name string, res *Result) *model.Corpus {
	var stmts []*model.Statement
	var warn []string
	if res.store == "" {
		stmts = MergeReports(res.Documents, res.Statements)
	} else {
		// a corpus opened again unchanged keeps the merge it had
		key := mergeKey(res.Documents, res.Statements)
		groups, ok := cachedGroups(res.store, key, len(res.Statements))
		if !ok {
			groups = mergeGroups(res.Documents, res.Statements)
			err := saveGroups(res.store, key, groups)
			warned := slices.ContainsFunc(res.Warnings, func(w string) bool { return strings.HasPrefix(w, "cache: ") })
			if err != nil && !warned { // once is enough when the folder is unwritable
				warn = append(warn, "cache: "+err.Error()+" (merge not saved)")
			}
		}
		stmts = applyMerge(res.Statements, groups)
	}
	speakers := r.Speakers.List()
	known := map[string]bool{}
	for _, sp := range speakers {
		known[sp.Name] = true
	}
	for _, sp := range res.Speakers {
		if !known[sp.Name] {
			known[sp.Name] = true
			speakers = append(speakers, sp)
		}
	}
	c := model.New(name, res.Documents, stmts, speakers, res.Skipped)
	// the documents' own warnings stay on the documents
	c.Warnings = append(slices.Clip(res.loadWide), warn...)
	return c
}
