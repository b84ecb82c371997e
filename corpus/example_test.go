package corpus_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/quotetrail/quotetrail/corpus"
)

// Registry.Load reads the articles in the paths (files or folders) through
// the pipeline — decode, clean, date, find statements and their speakers —
// and Build makes the in-memory corpus the reader, the export and dump
// work on. Everything comes from the text: here the dateline's outlet and
// day (its year from the "date" line), a reported statement and a quoted
// one whose "he" is Peskov.
func ExampleRegistry_Load() {
	dir, err := os.MkdirTemp("", "quotetrail-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	article := "Peskov: Moscow and Washington must both want dialogue\n\n" +
		"date 2024-11-07\n\n" +
		"MOSCOW, November 7. /TASS/. Russia is open to dialogue with the incoming US administration, " +
		"Kremlin spokesman Dmitry Peskov said on Thursday.\n\n" +
		"\u201cWe can not tango alone, the United States must also want it,\u201d he said.\n"
	if err := os.WriteFile(filepath.Join(dir, "tass.txt"), []byte(article), 0o644); err != nil {
		fmt.Println(err)
		return
	}

	reg, err := corpus.DefaultRegistry()
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := reg.Load(context.Background(), []string{dir}, corpus.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := reg.Build("example", res)
	for _, d := range c.Documents {
		fmt.Println(d.Source, d.Date.Label())
	}
	for _, s := range c.Statements {
		fmt.Printf("%s %s (%s): %s\n", s.Date.Short(), s.Speaker, s.Kind, s.Text)
	}
	// Output:
	// TASS 2024-11-07
	// 2024-11-07 Dmitry Peskov (indirect): Russia is open to dialogue with the incoming US administration
	// 2024-11-07 Dmitry Peskov (direct): We can not tango alone, the United States must also want it
}
