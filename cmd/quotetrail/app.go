package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/quotetrail/quotetrail/corpus"
	"github.com/quotetrail/quotetrail/model"
	"github.com/quotetrail/quotetrail/ui"
)

// app holds what the flags said; every subcommand shares it.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	corpora     []string
	speakerFile []string
	eventFile   []string
	officeFile  []string
	topicFile   []string
	boilerFile  []string
	noConfig    bool
	noCache     bool
	maxFileSize int64

	speakers     []string
	affiliations []string
	topics       []string
	periods      []string
	from, to     string
	query        string
	split        string
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	var ro readerOptions
	root := &cobra.Command{
		Use:   "quotetrail",
		Short: "A terminal reader for statement timelines: who said what, when",
		Long: `quotetrail turns news articles into a dated, attributed timeline of statements
and opens it in a terminal reader. With no arguments it opens the built-in
corpus: the Kremlin's position on relations with the United States, 2020–2025.`,
		Version:       version,
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runReader(cmd.Context(), ro)
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return err })

	pf := root.PersistentFlags()
	pf.StringArrayVar(&a.corpora, "corpus", nil, "article file or folder (.txt, .md, .html, .jsonl); repeatable; default: the built-in corpus")
	pf.StringArrayVar(&a.speakerFile, "speakers", nil, "YAML file of extra speakers (see README); repeatable")
	pf.StringArrayVar(&a.eventFile, "events", nil, "TSV file of extra reference events; repeatable")
	pf.StringArrayVar(&a.officeFile, "offices", nil, "TSV file of extra offices and their terms (dating); repeatable")
	pf.StringArrayVar(&a.topicFile, "topics", nil, "YAML file of extra topics; repeatable")
	pf.StringArrayVar(&a.boilerFile, "boilerplate", nil, "file of extra boilerplate phrases; repeatable")
	pf.BoolVar(&a.noConfig, "no-config", false, "ignore the tables in the user config directory")
	pf.BoolVar(&a.noCache, "no-cache", false, "do not read or write the cache of processed articles (in the user cache directory)")
	pf.Int64Var(&a.maxFileSize, "max-file-size", corpus.DefaultMaxFileSize, "skip input files larger than this many bytes")

	pf.StringArrayVar(&a.speakers, "speaker", nil, "only statements by this speaker (name or alias); repeatable")
	pf.StringArrayVar(&a.affiliations, "affiliation", nil, "only speakers of this affiliation (russia, us, ukraine, other, unknown); repeatable")
	pf.StringArrayVar(&a.topics, "topic", nil, "only statements on this topic; repeatable")
	pf.StringArrayVar(&a.periods, "period", nil, "only this period (trump-1, biden, trump-2, unknown); repeatable")
	pf.StringVar(&a.from, "from", "", "only statements dated on or after this day (YYYY-MM-DD, YYYY-MM, YYYY)")
	pf.StringVar(&a.to, "to", "", "only statements dated on or before this day")
	pf.StringVar(&a.query, "query", "", "only statements containing these words (prefixes match)")
	pf.StringVar(&a.split, "split", "election", "first day of the Trump side of the comparison: election (2024-11-06), inauguration (2025-01-20) or YYYY-MM-DD")

	root.Flags().StringVar(&ro.theme, "theme", "auto", "colour theme: auto, light or dark")
	root.Flags().BoolVar(&ro.noMouse, "no-mouse", false, "do not capture the mouse (lets the terminal select text)")

	root.AddCommand(a.statsCmd(), a.dumpCmd(), a.exportCmd(), a.compareCmd())
	return root
}

// registry builds the domain tables: built-in, then the user's config
// directory, then files named on the command line.
func (a *app) registry() (*corpus.Registry, error) {
	reg, err := corpus.DefaultRegistry()
	if err != nil {
		return nil, err
	}
	if !a.noConfig {
		if dir, err := os.UserConfigDir(); err == nil {
			if _, err := reg.ExtendFromDir(filepath.Join(dir, "quotetrail")); err != nil {
				return nil, err
			}
		}
	}
	for _, x := range []struct {
		kind  string
		files []string
	}{{"speakers", a.speakerFile}, {"events", a.eventFile}, {"offices", a.officeFile}, {"topics", a.topicFile}, {"boilerplate", a.boilerFile}} {
		for _, f := range x.files {
			if err := reg.ExtendFromFile(x.kind, f); err != nil {
				return nil, err
			}
		}
	}
	return reg, nil
}

// cacheDir is where loads keep processed articles: quotetrail/corpora in
// the user cache directory ($XDG_CACHE_HOME, ~/.cache), or "" with
// --no-cache or when there is no such directory.
func (a *app) cacheDir() string {
	if a.noCache {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "quotetrail", "corpora")
}

// load reads the corpus the flags name, reporting progress on stderr when
// it is a terminal, and builds the model.
func (a *app) load(ctx context.Context, reg *corpus.Registry, progress ui.Progress) (*model.Corpus, error) {
	opt := corpus.Options{MaxFileSize: a.maxFileSize, Cache: a.cacheDir()}
	var files int
	if progress != nil {
		opt.Progress = func(done, total int) { files = total; progress(done, total, "") }
		opt.Phase = func(phase string) { progress(files, files, phase) }
	}
	var (
		res  *corpus.Result
		err  error
		name string
	)
	if len(a.corpora) == 0 {
		name = "built-in corpus"
		res, err = reg.LoadSeed(ctx, opt)
	} else {
		name = strings.Join(a.corpora, ", ")
		res, err = reg.Load(ctx, a.corpora, opt)
	}
	if err != nil {
		return nil, err
	}
	if len(res.Documents) == 0 {
		reasons := make([]string, 0, 3)
		for i, s := range res.Skipped {
			if i == 3 {
				reasons = append(reasons, fmt.Sprintf("and %d more", len(res.Skipped)-3))
				break
			}
			reasons = append(reasons, s.Path+": "+s.Reason)
		}
		if len(reasons) == 0 {
			return nil, fmt.Errorf("%s: no articles found", name)
		}
		return nil, fmt.Errorf("no article could be loaded (%s)", strings.Join(reasons, "; "))
	}
	if opt.Phase != nil {
		opt.Phase("merging reports and indexing")
	}
	return reg.Build(name, res), nil
}

// loadForCLI loads with a progress line on stderr when it is a terminal,
// and warns on stderr about skipped files.
func (a *app) loadForCLI(ctx context.Context) (*model.Corpus, error) {
	reg, err := a.registry()
	if err != nil {
		return nil, err
	}
	var progress ui.Progress
	if f, ok := a.stderr.(*os.File); ok && term.IsTerminal(f.Fd()) {
		width := 80
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 20 {
			width = w
		}
		start := time.Now()
		var last time.Time
		progress = func(done, total int, phase string) {
			// ten updates a second are plenty; the last one always shows
			now := time.Now()
			if done < total && phase == "" && now.Sub(last) < 100*time.Millisecond {
				return
			}
			last = now
			line := progressLine(done, total, time.Since(start), width-1)
			if phase != "" {
				line = truncateRunes(fmt.Sprintf("loading: %d files read · %s…", done, phase), width-1)
			}
			fmt.Fprint(a.stderr, "\r"+line+"\033[K")
		}
	}
	c, err := a.load(ctx, reg, progress)
	if progress != nil {
		fmt.Fprint(a.stderr, "\r\033[K")
	}
	if err != nil {
		return nil, err
	}
	for _, s := range c.Skipped {
		fmt.Fprintf(a.stderr, "quotetrail: warning: skipped %s: %s\n", s.Path, s.Reason)
	}
	return c, nil
}

// filter builds the model filter from the flags and checks it against the
// corpus (an unknown speaker is an error).
func (a *app) filter(c *model.Corpus) (model.Filter, error) {
	f := model.Filter{Speakers: a.speakers, Topics: a.topics, Query: a.query}
	for _, s := range a.affiliations {
		af, err := model.ParseAffiliation(s)
		if err != nil {
			return f, err
		}
		f.Affiliations = append(f.Affiliations, af)
	}
	for _, s := range a.periods {
		p, err := model.ParsePeriod(s)
		if err != nil {
			return f, err
		}
		f.Periods = append(f.Periods, p)
	}
	var err error
	if a.from != "" {
		if f.From, err = model.ParseDay(a.from, false); err != nil {
			return f, fmt.Errorf("--from: %w", err)
		}
	}
	if a.to != "" {
		if f.To, err = model.ParseDay(a.to, true); err != nil {
			return f, fmt.Errorf("--to: %w", err)
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, errors.New("--to is before --from")
	}
	if c != nil {
		known := map[string]bool{}
		for _, t := range c.Topics() {
			known[t.Topic] = true
		}
		for _, t := range f.Topics {
			if !known[t] {
				return f, fmt.Errorf("no statement has topic %q", t)
			}
		}
		return c.Resolve(f)
	}
	return f, nil
}

func (a *app) parseSplit() (model.Split, error) {
	s, err := model.ParseSplit(a.split)
	if err != nil {
		return s, fmt.Errorf("--split: %w", err)
	}
	return s, nil
}

// selection loads the corpus and applies the filters.
func (a *app) selection(ctx context.Context) (*model.Corpus, model.Filter, []int, error) {
	if _, err := a.parseSplit(); err != nil {
		return nil, model.Filter{}, nil, err
	}
	if _, err := a.filter(nil); err != nil {
		return nil, model.Filter{}, nil, err
	}
	c, err := a.loadForCLI(ctx)
	if err != nil {
		return nil, model.Filter{}, nil, err
	}
	f, err := a.filter(c)
	if err != nil {
		return nil, f, nil, err
	}
	return c, f, c.Query(f), nil
}

// progressLine draws loading progress in width columns: a bar, the files
// done of the total, the rate and the time left.
//
//	loading [##########..........] 4180/9901 files · 812 files/s · about 7s left
func progressLine(done, total int, elapsed time.Duration, width int) string {
	counts := fmt.Sprintf("%d/%d files", done, total)
	if secs := elapsed.Seconds(); done >= 2 && secs >= 0.5 {
		rate := float64(done) / secs
		counts += fmt.Sprintf(" · %.0f files/s", rate)
		if left := total - done; left > 0 {
			counts += " · about " + time.Duration(float64(left)/rate*float64(time.Second)).Round(time.Second).String() + " left"
		}
	}
	barW := min(30, width-len("loading [] ")-utf8.RuneCountInString(counts))
	if barW < 5 || total <= 0 {
		return truncateRunes("loading "+counts, width)
	}
	filled := barW * min(done, total) / total
	return "loading [" + strings.Repeat("#", filled) + strings.Repeat(".", barW-filled) + "] " + counts
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:max(0, n)])
}
