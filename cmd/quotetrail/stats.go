package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/quotetrail/quotetrail/model"
)

func (a *app) statsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "What was loaded: documents with dates and evidence, statements per speaker and kind, skipped files and why",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runStats(cmd.Context())
		},
	}
}

func (a *app) runStats(ctx context.Context) error {
	c, f, ids, err := a.selection(ctx)
	if err != nil {
		return err
	}
	return model.WriteStats(a.stdout, c, ids, f)
}

func (a *app) dumpCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "dump",
		Short: "The whole parsed model as JSON (schema quotetrail.dump/v1), for scripts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "json" {
				return fmt.Errorf("--format %q: dump writes json only", format)
			}
			split, err := a.parseSplit()
			if err != nil {
				return err
			}
			c, f, ids, err := a.selection(cmd.Context())
			if err != nil {
				return err
			}
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(model.Dump(c, ids, f, split))
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "output format (json)")
	return cmd
}
