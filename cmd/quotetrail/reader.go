package main

import (
	"context"
)

type readerOptions struct {
	theme   string
	noMouse bool
}

// runReader opens the terminal reader. Until the reader lands it prints the
// stats of the corpus.
func (a *app) runReader(ctx context.Context, ro readerOptions) error {
	return a.runStats(ctx)
}
