package corpus_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/corpus"
	"github.com/quotetrail/quotetrail/corpus/gen"
)

// benchSizes picks the generated corpora BenchmarkLoad runs on. 100k
// articles (about 400 MB on disk, generated once into the temporary
// folder) is opt-in: go test -bench Load -qt.sizes 1k,10k,100k ./corpus
var benchSizes = flag.String("qt.sizes", "1k,10k", "generated corpus sizes for BenchmarkLoad, comma-separated (1k, 10k, 100k)")

// benchCorpus generates n articles with seed 1 into a folder under the
// temporary directory, once: later runs reuse it.
func benchCorpus(b *testing.B, n int) (string, gen.Stats) {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "quotetrail-bench", fmt.Sprintf("gen-%d-seed1", n))
	var st gen.Stats
	for f := range gen.Files(n, 1) {
		st.Add(f)
	}
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return dir, st
	}
	if err := os.RemoveAll(dir); err != nil {
		b.Fatal(err)
	}
	if _, err := gen.Generate(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".complete"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir, st
}

func parseSize(s string) (int, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	mult := 1
	if strings.HasSuffix(s, "k") {
		mult, s = 1000, strings.TrimSuffix(s, "k")
	}
	n, err := strconv.Atoi(s)
	return n * mult, err
}

// heapPeak samples the live heap every few milliseconds until stopped and
// returns the highest value seen.
func heapPeak() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak.Load()
	}
}

// BenchmarkLoad loads a generated corpus end to end, as the reader does:
// walk, read, decode, clean, date, extract, attribute, merge and index.
// It reports MB/s of input, allocations per article, and the peak live
// heap against the corpus bytes.
func BenchmarkLoad(b *testing.B) {
	reg, err := corpus.DefaultRegistry()
	if err != nil {
		b.Fatal(err)
	}
	eachSize(b, func(b *testing.B, dir string, st gen.Stats) {
		b.SetBytes(st.Bytes)
		b.ReportAllocs()
		var ms0, ms1 runtime.MemStats
		var peak uint64
		runtime.GC()
		runtime.ReadMemStats(&ms0)
		loops := 0
		for b.Loop() {
			runtime.GC()
			stop := heapPeak()
			res, err := reg.Load(context.Background(), []string{dir}, corpus.Options{})
			if err != nil {
				b.Fatal(err)
			}
			c := reg.Build("bench", res)
			peak = max(peak, stop())
			if len(c.Documents) != st.Articles {
				b.Fatalf("%d documents, want %d", len(c.Documents), st.Articles)
			}
			loops++
		}
		runtime.ReadMemStats(&ms1)
		b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/float64(loops*st.Articles), "allocs/article")
		b.ReportMetric(float64(peak)/float64(st.Bytes), "peakheap/corpusbytes")
	})
}

// eachSize runs fn as a sub-benchmark on each corpus size -qt.sizes names.
func eachSize(b *testing.B, fn func(b *testing.B, dir string, st gen.Stats)) {
	for _, size := range strings.Split(*benchSizes, ",") {
		n, err := parseSize(size)
		if err != nil || n <= 0 {
			b.Fatalf("-qt.sizes: bad size %q", size)
		}
		b.Run(fmt.Sprintf("articles=%s", strings.TrimSpace(size)), func(b *testing.B) {
			dir, st := benchCorpus(b, n)
			fn(b, dir, st)
		})
	}
}

// BenchmarkLoadCached opens a generated corpus again with a warm cache:
// the files are only listed and stat'ed, and their results read from the
// store.
func BenchmarkLoadCached(b *testing.B) {
	reg, err := corpus.DefaultRegistry()
	if err != nil {
		b.Fatal(err)
	}
	eachSize(b, func(b *testing.B, dir string, st gen.Stats) {
		cache := b.TempDir()
		opt := corpus.Options{Cache: cache}
		if _, err := reg.Load(context.Background(), []string{dir}, opt); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(st.Bytes)
		b.ReportAllocs()
		for b.Loop() {
			res, err := reg.Load(context.Background(), []string{dir}, opt)
			if err != nil {
				b.Fatal(err)
			}
			c := reg.Build("bench", res)
			if len(c.Documents) != st.Articles {
				b.Fatalf("%d documents, want %d", len(c.Documents), st.Articles)
			}
		}
	})
}
