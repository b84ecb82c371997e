package corpus_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/corpus"
	"github.com/quotetrail/quotetrail/corpus/gen"
)

// The pathological inputs of issue 16 (gen.Pathologicals): one file each
// that made a per-document pass superlinear. The suite runs each at two
// small sizes, n and 4n, and asserts that what loading it allocates grows
// linearly (at most 6× for 4× the input; quadratic growth would be 16×)
// and stays within a bounded multiple of its size. The sizes run
// with
//
//	go test ./corpus -run TestHostileInputs -v -hostile.full
//
// each in a folder with an ordinary article, asserting that it loads or is
// skipped with a reason, that the article beside it loads, and that the
// heap stays under 1 GB; -hostile.write DIR writes those folders for
// measuring the built binary (README "Limits and hardening").

var (
	hostileFull  = flag.Bool("hostile.full", false, "run the pathological inputs at the issue's full size")
	hostileWrite = flag.String("hostile.write", "", "write the full-size pathological inputs into this folder, one folder each, and stop")
)

// smallSizes are the n of each input in the suite (4n is run too).
var smallSizes = map[string]int{
	"quotes.txt":       3_000,
	"deep.html":        2_000,
	"deep-open.html":   2_000,
	"wide.html":        400,
	"line.txt":         200,
	"nodot.txt":        400,
	"dense-quotes.txt": 1_500,
	"dense-words.txt":  15_000,
	"digest.txt":       300,
	"same-id.jsonl":    100,
	"near.jsonl":       100,
}

// loadOne loads dir, whose files are p's input and the ordinary article,
// and returns the result and the bytes allocated (including Build).
func loadOne(t *testing.T, reg *corpus.Registry, dir string) (*corpus.Result, uint64, int) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := reg.Load(context.Background(), []string{dir}, corpus.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	c := reg.Build("hostile", res)
	runtime.ReadMemStats(&after)
	return res, after.TotalAlloc - before.TotalAlloc, len(c.Statements)
}

func writeInput(t *testing.T, dir string, p gen.Pathological, n int) int {
	t.Helper()
	data := p.Make(n)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, p.Name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.txt"), []byte(gen.Paragraph), 0o644); err != nil {
		t.Fatal(err)
	}
	return len(data)
}

// checkOutcome asserts that the ordinary article loaded and that the
// input loaded or was skipped with a reason.
func checkOutcome(t *testing.T, name string, res *corpus.Result) {
	t.Helper()
	article := false
	input := false
	for _, d := range res.Documents {
		switch {
		case filepath.Base(d.Path) == "article.txt":
			article = true
		case strings.HasPrefix(filepath.Base(d.Path), name):
			input = true
		}
	}
	for _, s := range res.Skipped {
		if strings.HasPrefix(filepath.Base(s.Path), name) {
			input = input || s.Reason != ""
			t.Logf("%s: skipped: %s", s.Path, s.Reason)
		}
	}
	if !article {
		t.Errorf("%s: the article beside it did not load", name)
	}
	if !input {
		t.Errorf("%s: neither loaded nor skipped with a reason", name)
	}
}

func TestHostileInputs(t *testing.T) {
	if *hostileWrite != "" {
		for _, p := range gen.Pathologicals() {
			dir := filepath.Join(*hostileWrite, strings.TrimSuffix(p.Name, filepath.Ext(p.Name))+"-"+strings.TrimPrefix(filepath.Ext(p.Name), "."))
			size := writeInput(t, dir, p, p.Full)
			t.Logf("%s: %d bytes", dir, size)
		}
		return
	}
	if *hostileFull {
		testHostileFull(t)
		return
	}
	reg, err := corpus.DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range gen.Pathologicals() {
		t.Run(p.Name, func(t *testing.T) {
			n := smallSizes[p.Name]
			if n == 0 {
				t.Fatalf("no small size for %s", p.Name)
			}
			base := t.TempDir()
			var alloc [2]uint64
			var size [2]int
			for k, m := range []int{n, 4 * n} {
				dir := filepath.Join(base, strings.Repeat("x", k+1))
				size[k] = writeInput(t, dir, p, m)
				res, a, stmts := loadOne(t, reg, dir)
				checkOutcome(t, p.Name, res)
				alloc[k] = a
				t.Logf("n=%d: %d bytes, %d MB allocated (%.0f a byte), %d statements", m, size[k], a>>20, float64(a)/float64(size[k]), stmts)
			}
			// linear: 4n allocates at most 6× what n does (plus the fixed
			// cost of a load, the ordinary article and the registry);
			// wide.html is quadratic in go-trafilatura up to MaxExtractWork
			// (TestPlainHTML), and only bounded a byte
			const fixed = 8 << 20
			if alloc[1] > 6*alloc[0]+fixed && p.Name != "wide.html" {
				t.Errorf("allocation grows faster than the input: %d MB at n, %d MB at 4n", alloc[0]>>20, alloc[1]>>20)
			}
			// and a bounded multiple of the input
			if perByte := float64(alloc[1]-min(alloc[1], fixed)) / float64(size[1]); perByte > 2500 {
				t.Errorf("%.0f bytes allocated a byte of input", perByte)
			}
		})
	}
}

// testHostileFull loads each input at the size beside an
// ordinary article, sampling the heap, which must stay under 1 GB.
func testHostileFull(t *testing.T) {
	reg, err := corpus.DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range gen.Pathologicals() {
		t.Run(p.Name, func(t *testing.T) {
			dir := t.TempDir()
			size := writeInput(t, dir, p, p.Full)
			runtime.GC()
			var peak atomic.Uint64
			stop := make(chan struct{})
			var wg sync.WaitGroup
			wg.Add(1)
			go func() { // the heap's high-water mark, sampled
				defer wg.Done()
				var ms runtime.MemStats
				for {
					runtime.ReadMemStats(&ms)
					if ms.HeapAlloc > peak.Load() {
						peak.Store(ms.HeapAlloc)
					}
					select {
					case <-stop:
						return
					case <-time.After(20 * time.Millisecond):
					}
				}
			}()
			start := time.Now()
			res, err := reg.Load(context.Background(), []string{dir}, corpus.Options{})
			if err != nil {
				t.Fatal(err)
			}
			c := reg.Build("hostile", res)
			took := time.Since(start)
			close(stop)
			wg.Wait()
			checkOutcome(t, p.Name, res)
			for _, w := range res.Warnings {
				t.Log(w)
			}
			t.Logf("%d bytes: %v, heap peak %d MB, %d documents, %d statements", size, took.Round(10*time.Millisecond), peak.Load()>>20, len(res.Documents), len(c.Statements))
			if peak.Load() > 1<<30 {
				t.Errorf("heap peaked at %d MB", peak.Load()>>20)
			}
		})
	}
}
