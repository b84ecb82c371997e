package corpus

import (
	"testing"

	"github.com/quotetrail/quotetrail/corpus/gen"
	"github.com/quotetrail/quotetrail/model"
)

// BenchmarkDateDocument dates the cleaned documents of a generated corpus
// of 1,000 articles (its plain-text files), the dating pass alone: what
// "do not make dating slower per article" is measured with.
func BenchmarkDateDocument(b *testing.B) {
	r, err := DefaultRegistry()
	if err != nil {
		b.Fatal(err)
	}
	var docs []model.Document
	var metas []Meta
	for f := range gen.Files(1000, 1) {
		if f.Format != "txt" || f.Bad != "" {
			continue
		}
		out := r.Process(Article{ID: f.Name, Path: f.Name, Raw: f.Data})
		if out.Doc == nil {
			continue
		}
		docs = append(docs, *out.Doc)
		metas = append(metas, Meta{})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dateAll(r.Events, docs, metas)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/article")
}

func dateAll(e *Events, docs []model.Document, metas []Meta) {
	for i := range docs {
		d := docs[i]
		d.Warnings = nil
		e.DateDocument(&d, metas[i])
	}
}
