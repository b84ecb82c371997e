package model

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteStats writes a plain-text report of what was loaded: each document
// with its date, precision, evidence, source and language; statement
// counts per speaker and kind over ids; skipped files with reasons; and
// warnings.
func WriteStats(w io.Writer, c *Corpus, ids []int, f Filter) error {
	b := &strings.Builder{}
	fmt.Fprintf(b, "corpus: %s\n", c.Name)
	transcripts := 0
	for _, d := range c.Documents {
		if d.IsTranscript() {
			transcripts++
		}
	}
	fmt.Fprintf(b, "documents: %d loaded, %d skipped; %d read as transcripts\n\n", len(c.Documents), len(c.Skipped), transcripts)
	perDoc := make(map[string]int, len(c.Documents))
	for _, s := range c.Statements {
		perDoc[s.Doc]++
	}
	// with a filter, each document also counts the statements it selects
	var selected map[string]int
	if !f.IsZero() {
		selected = make(map[string]int, len(c.Documents))
		for _, i := range ids {
			selected[c.Statements[i].Doc]++
		}
	}
	for _, d := range c.Documents {
		fmt.Fprintf(b, "%s  %s\n", d.ID, orDash(d.Title))
		fmt.Fprintf(b, "  date:     %s (%s)", d.Date.Label(), precisionOf(d.Date))
		if d.Date.Rule != "" {
			fmt.Fprintf(b, " by %s", d.Date.Rule)
		}
		b.WriteString("\n")
		if d.Date.Evidence != "" {
			fmt.Fprintf(b, "  evidence: %s\n", oneLine(d.Date.Evidence, 100))
		}
		fmt.Fprintf(b, "  source:   %s   language: %s   encoding: %s\n", orDash(d.Source), orDash(d.Language), orDash(d.Encoding))
		fmt.Fprintf(b, "  path:     %s\n", d.Path)
		if len(d.Removed) > 0 || len(d.Repairs) > 0 {
			fmt.Fprintf(b, "  cleaned:  %d blocks removed, %d repairs\n", len(d.Removed), len(d.Repairs))
		}
		if d.IsTranscript() {
			fmt.Fprintf(b, "  transcript: %d labelled turns, %d of them questions\n", d.Transcript.Turns, d.Transcript.Questions)
		}
		if selected != nil {
			fmt.Fprintf(b, "  statements: %d of %d match the filter\n", selected[d.ID], perDoc[d.ID])
		} else {
			fmt.Fprintf(b, "  statements: %d\n", perDoc[d.ID])
		}
	}

	fmt.Fprintf(b, "\nstatements: %d of %d", len(ids), len(c.Statements))
	if !f.IsZero() {
		fmt.Fprintf(b, " (%s)", f.String())
	}
	b.WriteString("\n")
	type row struct {
		name  string
		kinds map[Kind]int
		total int
	}
	rows := map[string]*row{}
	for _, i := range ids {
		s := c.Statements[i]
		r := rows[s.Speaker]
		if r == nil {
			r = &row{name: s.Speaker, kinds: map[Kind]int{}}
			rows[s.Speaker] = r
		}
		r.kinds[s.Kind]++
		r.total++
	}
	list := make([]*row, 0, len(rows))
	for _, r := range rows {
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].total != list[j].total {
			return list[i].total > list[j].total
		}
		return list[i].name < list[j].name
	})
	if len(list) > 0 {
		fmt.Fprintf(b, "  %-32s %6s %6s %8s %6s  %s\n", "speaker", "total", "direct", "indirect", "mixed", "role")
	}
	for _, r := range list {
		sp := c.SpeakerInfo(r.name)
		role := sp.Role
		if sp.Affiliation != "" && sp.Affiliation != NoAffil {
			role = strings.TrimSpace(role + " (" + string(sp.Affiliation) + ")")
		}
		fmt.Fprintf(b, "  %-32s %6d %6d %8d %6d  %s\n", oneLine(r.name, 32), r.total, r.kinds[Direct], r.kinds[Indirect], r.kinds[Mixed], role)
	}

	if len(c.Skipped) > 0 {
		fmt.Fprintf(b, "\nskipped: %d\n", len(c.Skipped))
		for _, s := range c.Skipped {
			fmt.Fprintf(b, "  %s: %s\n", s.Path, s.Reason)
		}
	}
	var warnings []string
	warnings = append(warnings, c.Warnings...)
	for _, d := range c.Documents {
		for _, w := range d.Warnings {
			warnings = append(warnings, d.Path+": "+w)
		}
	}
	if len(warnings) > 0 {
		fmt.Fprintf(b, "\nwarnings: %d\n", len(warnings))
		for _, w := range warnings {
			fmt.Fprintf(b, "  %s\n", w)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func precisionOf(d Date) Precision {
	if d.Precision == "" {
		return PrecisionUnknown
	}
	return d.Precision
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

// oneLine folds white space and cuts s to at most n runes with an ellipsis.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
