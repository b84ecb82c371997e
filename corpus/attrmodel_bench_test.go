package corpus

import (
	"testing"

	"github.com/quotetrail/quotetrail/corpus/gen"
)

// BenchmarkAttribModelLoad measures decoding the shipped taggers, which a
// cold load pays once.
func BenchmarkAttribModelLoad(b *testing.B) {
	cue, err := dataFS.ReadFile("data/cue.model")
	if err != nil {
		b.Fatal(err)
	}
	role, err := dataFS.ReadFile("data/role.model")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadAttribModel(cue, role); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProcessGenerated runs the per-document pipeline, on one core,
// over 300 generated plain-text articles: the cost of an article, which a
// cold load pays for every file.
func BenchmarkProcessGenerated(b *testing.B) {
	r := stmtRegistry(b)
	var arts []Article
	for f := range gen.Files(300, 1) {
		if f.Format == "txt" && f.Bad == "" && f.Articles == 1 {
			arts = append(arts, Article{ID: f.Name, Path: f.Name, Raw: f.Data})
		}
	}
	r.Process(arts[0]) // the model loads once, outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			r.Process(a)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
}
