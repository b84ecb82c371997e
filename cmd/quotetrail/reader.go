package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/quotetrail/quotetrail/corpus"
	"github.com/quotetrail/quotetrail/model"
	"github.com/quotetrail/quotetrail/ui"
)

type readerOptions struct {
	theme   string
	noMouse bool
}

// runReader opens the terminal reader: the corpus loads inside it, with a
// progress line, and the command-line filters are its initial filters.
func (a *app) runReader(ctx context.Context, ro readerOptions) error {
	switch ro.theme {
	case "auto", "light", "dark":
	default:
		return fmt.Errorf("--theme %q: want auto, light or dark", ro.theme)
	}
	split, err := a.parseSplit()
	if err != nil {
		return err
	}
	f, err := a.filter(nil) // speaker names are resolved by the reader once loaded
	if err != nil {
		return err
	}
	reg, err := a.registry()
	if err != nil {
		return err
	}
	title := "built-in corpus"
	if len(a.corpora) > 0 {
		title = strings.Join(a.corpora, ", ")
	}
	load := func(ctx context.Context, progress ui.Progress) (*model.Corpus, error) {
		testPanicHook()
		return a.load(ctx, reg, progress)
	}
	return ui.Run(ctx, load, ui.Options{
		Theme: ro.theme, NoMouse: ro.noMouse, Filter: f,
		From: f.From, To: f.To,
		Events: reg.Events.Markers(), Split: split, Title: title,
		Version: version, WriteFile: corpus.WriteFileAtomic,
	})
}
