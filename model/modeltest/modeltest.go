package modeltest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

var (
	mu    sync.Mutex
	cache = map[int]*model.Corpus{}
)

// Synthetic is model.Synthetic(n, 1), built once per size and shared by
// the benchmarks of a run.
func Synthetic(tb testing.TB, n int) *model.Corpus {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if c := cache[n]; c != nil {
		return c
	}
	c := model.Synthetic(n, 1)
	cache[n] = c
	return c
}

// SizeName names a corpus size in a benchmark: 100k, 1M.
func SizeName(n int) string {
	if n%1_000_000 == 0 {
		return fmt.Sprintf("%dM", n/1_000_000)
	}
	return fmt.Sprintf("%dk", n/1000)
}
