package model

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallel runs f(0), …, f(n−1) at once and waits for them. A panic in
// any of them is raised again in the caller's goroutine, where the
// reader's guard can recover it and give the terminal back (a panic left
// in another goroutine ends the program with the terminal raw).
func parallel(n int, f func(int)) {
	if n == 1 {
		f(0)
		return
	}
	var (
		wg       sync.WaitGroup
		once     sync.Once
		panicked any
	)
	for k := range n {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { panicked = r })
				}
			}()
			f(k)
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}

// eachBlock calls f(w, lo, hi) on blocks [lo, hi) of size items of
// 0…n−1: workers w = 0, 1, … (one per processor) take the next block
// until none is left.
func eachBlock(n, size int, f func(w, lo, hi int)) {
	var next atomic.Int64
	parallel(workers(n, size), func(w int) {
		for {
			lo := int(next.Add(int64(size))) - size
			if lo >= n {
				return
			}
			f(w, lo, min(n, lo+size))
		}
	})
}

// workers is how many goroutines share work of n items, at least minPer each.
func workers(n, minPer int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/minPer))
}
