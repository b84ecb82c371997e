package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/quotetrail/quotetrail/corpus"
	"github.com/quotetrail/quotetrail/model"
)

func (a *app) exportCmd() *cobra.Command {
	var (
		out, title string
		ids        []string
		force      bool
		compare    bool
		noQuestion bool
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "The filtered timeline (or the statements --ids names) as Markdown, to a file or stdout",
		Example: `  quotetrail export --speaker Peskov -o peskov.md
  quotetrail export --period biden --topic sanctions --compare -o -`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			split, err := a.parseSplit()
			if err != nil {
				return err
			}
			c, f, sel, err := a.selection(cmd.Context())
			if err != nil {
				return err
			}
			marked := false
			if len(ids) > 0 {
				if sel, err = pickIDs(c, sel, ids); err != nil {
					return err
				}
				marked = true
			}
			md := model.RenderMarkdown(c, sel, model.ExportOptions{
				Title: title, Generated: time.Now(), Version: version,
				Filter: f, Marked: marked, Split: split, Compare: compare,
				NoQuestions: noQuestion,
			})
			if out == "" || out == "-" {
				_, err := a.stdout.Write(md)
				return err
			}
			if err := corpus.WriteFileAtomic(out, md, force); err != nil {
				if errors.Is(err, fs.ErrExist) {
					return fmt.Errorf("%w (use --force to overwrite)", err)
				}
				return err
			}
			noun := "statements"
			if len(sel) == 1 {
				noun = "statement"
			}
			fmt.Fprintf(a.stderr, "quotetrail: wrote %d %s to %s\n", len(sel), noun, out)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "file to write; - or none for stdout")
	fl.BoolVar(&force, "force", false, "overwrite the output file if it exists")
	fl.BoolVar(&compare, "compare", false, "add the Biden/Trump comparison of the statements")
	fl.BoolVar(&noQuestion, "no-questions", false, "leave out the question each transcript answer replied to (quoted above the answer by default)")
	fl.StringSliceVar(&ids, "ids", nil, "export only these statement ids (comma-separated, as in dump), among the filtered ones")
	fl.StringVar(&title, "title", "", "title of the exported document")
	return cmd
}

// pickIDs keeps the statements of sel whose ID is listed; an ID that is
// not in the corpus, or filtered out, is an error naming it.
func pickIDs(c *model.Corpus, sel []int, ids []string) ([]int, error) {
	byID := map[string]int{}
	for _, i := range sel {
		byID[c.Statements[i].ID] = i
	}
	var out []int
	seen := map[int]bool{}
	var missing []string
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		i, ok := byID[id]
		if !ok {
			missing = append(missing, id)
			continue
		}
		if !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("--ids: no statement %s among the selected ones (see `dump` for ids)", strings.Join(missing, ", "))
	}
	sort.Ints(out)
	return out, nil
}

func (a *app) compareCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Biden-period wording beside Trump-period wording: pairs, word differences, distinctive terms",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runCompare(cmd.Context(), format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "markdown", "output format: markdown or json")
	return cmd
}

func (a *app) runCompare(ctx context.Context, format string) error {
	if format != "markdown" && format != "json" && format != "md" {
		return fmt.Errorf("--format %q: want markdown or json", format)
	}
	split, err := a.parseSplit()
	if err != nil {
		return err
	}
	c, _, sel, err := a.selection(ctx)
	if err != nil {
		return err
	}
	cmp := c.Compare(sel, split, model.CompareOptions{})
	if format == "json" {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(cmp.JSON(c))
	}
	if err := model.WriteCompareMarkdown(a.stdout, c, cmp, 1); err != nil {
		return errors.New("writing the comparison: " + err.Error())
	}
	return nil
}
