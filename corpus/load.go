package corpus

import (
	"context"
	"embed"

	"github.com/quotetrail/quotetrail/model"
)

// STUB — owned by the loader work (issue 2). Replace wholesale.

//go:embed seed/*.txt
var seedFS embed.FS

// Options tune loading.
type Options struct {
	MaxFileSize int64 // bytes; 0 means DefaultMaxFileSize
	Workers     int   // 0 means one per core
	// Progress, when set, is called after each file with the files done
	// and the total known so far. It is called from one goroutine at a time.
	Progress func(done, total int)
}

// DefaultMaxFileSize is the default limit on one input file.
const DefaultMaxFileSize = 50 << 20

// Result is what a load produced, in a deterministic order.
type Result struct {
	Documents  []*model.Document
	Statements []*model.Statement
	Speakers   []*model.Speaker // found in the texts, beyond the registry
	Skipped    []model.Skipped
	Warnings   []string
}

// Load reads every file or folder in paths (folders recursively, hidden
// files skipped) and runs each article through the pipeline.
func (r *Registry) Load(ctx context.Context, paths []string, opt Options) (*Result, error) {
	return &Result{}, nil
}

// LoadSeed loads the built-in corpus embedded from corpus/seed.
func (r *Registry) LoadSeed(ctx context.Context, opt Options) (*Result, error) {
	return &Result{}, nil
}
