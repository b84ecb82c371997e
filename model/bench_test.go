package model_test

import (
	"runtime"
	"sync"
	"testing"

	"github.com/quotetrail/quotetrail/model"
	"github.com/quotetrail/quotetrail/model/modeltest"
)

// Benchmarks at scale (issue #7) on model.Synthetic corpora of 100k and 1M
// statements:
//
//	go test ./model -run '^$' -bench 'Query|Synthetic|Scale' -benchmem
//
// The corpora are built once per size and shared by the benchmarks of a run
// (modeltest.Synthetic).

var scaleSizes = []int{100_000, 1_000_000}

// BenchmarkQuery measures what a filter change costs the model: each case
// is the query after the user's action.
//
//   - speaker: one speaker picked (the third most quoted);
//   - speaker-toggle: a second speaker toggled on (both picked);
//   - speaker+topic: a topic added to the speaker;
//   - search-X: the words typed so far in the filter's search, one more
//     character each case ("d", "di", "dia", "dial"), with nothing else
//     filtered, and with the speaker;
//   - period+affil: the Biden period and Russian speakers;
//   - clear: the filters cleared (everything).
func BenchmarkQuery(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run(modeltest.SizeName(n), func(b *testing.B) { benchQuery(b, modeltest.Synthetic(b, n)) })
	}
}

func benchQuery(b *testing.B, c *model.Corpus) {
	sp1, sp2 := c.Speakers[2].Name, c.Speakers[5].Name
	topic := c.Topics()[1].Topic
	cases := []struct {
		name string
		f    model.Filter
	}{
		{"speaker", model.Filter{Speakers: []string{sp1}}},
		{"speaker-toggle", model.Filter{Speakers: []string{sp1, sp2}}},
		{"speaker+topic", model.Filter{Speakers: []string{sp1}, Topics: []string{topic}}},
		{"topics-2", model.Filter{Topics: []string{topic, c.Topics()[3].Topic}}},
		{"period+affil", model.Filter{Periods: []model.Period{model.PeriodBiden}, Affiliations: []model.Affiliation{model.Russia}}},
	}
	for _, q := range []string{"d", "di", "dia", "dial", "dialogue w"} {
		cases = append(cases, struct {
			name string
			f    model.Filter
		}{"search-" + q, model.Filter{Query: q}})
	}
	for _, q := range []string{"d", "dia"} {
		cases = append(cases, struct {
			name string
			f    model.Filter
		}{"speaker+search-" + q, model.Filter{Speakers: []string{sp1}, Query: q}})
	}
	cases = append(cases, struct {
		name string
		f    model.Filter
	}{"clear", model.Filter{}})
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			var got []int
			for b.Loop() {
				got = c.Query(tc.f)
			}
			b.ReportMetric(float64(len(got)), "results")
		})
	}
}

// BenchmarkSynthetic builds the corpus (generation and model.New, with
// its indexes) and reports the heap the built corpus holds, per statement
// and in all, measured after a garbage collection.
func BenchmarkSynthetic(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run(modeltest.SizeName(n), func(b *testing.B) {
			b.ReportAllocs()
			var live float64
			for b.Loop() {
				b.StopTimer()
				var before runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				b.StartTimer()
				c := model.Synthetic(n, 1)
				b.StopTimer()
				var after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&after)
				live = float64(after.HeapAlloc) - float64(before.HeapAlloc)
				runtime.KeepAlive(c)
				b.StartTimer()
			}
			b.ReportMetric(live/float64(n), "heapB/stmt")
			b.ReportMetric(live/(1<<20), "heapMiB")
		})
	}
}

// BenchmarkScaleCompare compares 100k statements a side: the first 100k
// Biden-period statements and the first 100k Trump-period ones (after the
// 2024 election) of a synthetic corpus of 600k. "cold" is the first
// comparison on the corpus, which builds the text index of all its
// statements (done once per corpus, measured alone as "text-index"); "warm"
// is a comparison after it (moving the split, changing the filter); "lazy"
// leaves the word diffs to the pairs on screen, as the reader does.
func BenchmarkScaleCompare(b *testing.B) {
	const side = 100_000
	ids := func(c *model.Corpus) []int {
		var left, right []int
		var split model.Split // the default: the day after the 2024 election
		for i, s := range c.Statements {
			switch split.SideOf(s.Date) {
			case model.SideBiden:
				if len(left) < side {
					left = append(left, i)
				}
			case model.SideTrump:
				if len(right) < side {
					right = append(right, i)
				}
			}
		}
		if len(left) < side || len(right) < side {
			b.Fatalf("sides of %d and %d statements, want %d", len(left), len(right), side)
		}
		return append(left, right...)
	}
	b.Run("100k-a-side/cold", func(b *testing.B) {
		b.ReportAllocs()
		var cmp *model.Comparison
		for b.Loop() {
			b.StopTimer()
			c := model.Synthetic(600_000, 2)
			sel := ids(c)
			b.StartTimer()
			cmp = c.Compare(sel, model.Split{}, model.CompareOptions{})
		}
		b.ReportMetric(float64(len(cmp.Pairs)), "pairs")
	})
	b.Run("600k/text-index", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			c := model.Synthetic(600_000, 2)
			b.StartTimer()
			c.WithTerm(nil, "dialogue") // builds the text index
		}
	})
	var (
		warm sync.Once
		c    *model.Corpus
		sel  []int
	)
	for _, bc := range []struct {
		name string
		opt  model.CompareOptions
	}{{"warm", model.CompareOptions{}}, {"warm-lazy", model.CompareOptions{LazyDiff: true}}} {
		b.Run("100k-a-side/"+bc.name, func(b *testing.B) {
			warm.Do(func() {
				c = modeltest.Synthetic(b, 600_000)
				sel = ids(c)
				c.WithTerm(nil, "dialogue") // the text index
			})
			b.ReportAllocs()
			var cmp *model.Comparison
			for b.Loop() {
				cmp = c.Compare(sel, model.Split{}, bc.opt)
			}
			b.ReportMetric(float64(len(cmp.Pairs)), "pairs")
		})
	}
}

// BenchmarkScaleExport renders 100k statements (a whole synthetic corpus of
// 100k) to Markdown, as `quotetrail export` and the reader's e do.
func BenchmarkScaleExport(b *testing.B) {
	c := modeltest.Synthetic(b, 100_000)
	ids := c.Query(model.Filter{})
	b.ReportAllocs()
	var out []byte
	for b.Loop() {
		out = model.RenderMarkdown(c, ids, model.ExportOptions{Title: "Everything"})
	}
	b.SetBytes(int64(len(out)))
}
