package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/quotetrail/quotetrail/corpus/gen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpusgen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	n := fs.Int("n", 1000, "number of articles to write")
	seed := fs.Int64("seed", 1, "random seed; the same seed and -n give byte-identical files")
	out := fs.String("o", "", "output folder (required); created if missing")
	force := fs.Bool("force", false, "write into a folder that is not empty (files of the same names are overwritten, others are left)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "files written in parallel")
	quiet := fs.Bool("q", false, "print nothing on success")
	fs.Usage = func() {
		fmt.Fprintf(stdout, `usage: corpusgen -o DIR [-n N] [-seed S] [-force]

Writes N synthetic news articles on Russia–US relations (2020–2025) into DIR,
in subfolders of %d files: mostly .txt, some .md with front matter, some
.html, and 1 in %d articles in .jsonl files of %d lines; about 2%% of the
files are bad (empty, binary, cut short) or damaged (broken front matter,
truncated UTF-8, a broken JSONL line). The same -n and -seed give the same
bytes. Prints a one-line summary.

Flags:
`, gen.PerFolder, gen.JSONLShare, gen.BatchSize)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "corpusgen: %v (see -h)\n", err)
		return 2
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "corpusgen: "+format+"\n", a...)
		return 1
	}
	switch {
	case fs.NArg() > 0:
		return fail("unexpected argument %q (flags only; see -h)", fs.Arg(0))
	case *out == "":
		return fail("-o DIR is required (see -h)")
	case *n < 0:
		return fail("-n must be 0 or more, not %d", *n)
	case *workers < 1:
		return fail("-workers must be at least 1")
	}
	if fi, err := os.Stat(*out); err == nil && !fi.IsDir() {
		return fail("%s is not a folder", *out)
	}
	if !*force {
		if err := gen.CheckEmpty(*out); errors.Is(err, gen.ErrNotEmpty) {
			return fail("%s is not empty; use -force to write into it anyway", *out)
		} else if err != nil {
			return fail("%v", err)
		}
	}
	start := time.Now()
	st, err := gen.New(*n, *seed).Write(*out, *workers)
	if err != nil {
		return fail("%v", err)
	}
	if !*quiet {
		el := time.Since(start)
		fmt.Fprintf(stdout, "%s: %s in %.1fs (%.0f MB/s)\n", *out, st, el.Seconds(), float64(st.Bytes)/1e6/max(el.Seconds(), 1e-9))
	}
	return 0
}
