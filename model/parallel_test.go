package model

import "testing"

// TestParallelPanicReachesCaller: a panic in a worker is raised in the
// caller, where it can be recovered, and the other workers finish.
func TestParallelPanicReachesCaller(t *testing.T) {
	done := make([]bool, 4)
	func() {
		defer func() {
			if r := recover(); r != "worker 2" {
				t.Errorf("recovered %v, want the worker's panic", r)
			}
		}()
		parallel(4, func(k int) {
			if k == 2 {
				panic("worker 2")
			}
			done[k] = true
		})
		t.Error("parallel returned after a worker panicked")
	}()
	for k, d := range done {
		if k != 2 && !d {
			t.Errorf("worker %d did not finish", k)
		}
	}
}
