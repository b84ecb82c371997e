package model

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"
)

// CompareJSON is the comparison as `quotetrail compare --format json`
// prints it. Statements are named by Statement.ID; numbers are rounded to
// three decimals so the output is stable.
type CompareJSON struct {
	Split         string          `json:"split"`
	Left          CompareSideJSON `json:"left"`
	Right         CompareSideJSON `json:"right"`
	Pairs         []PairJSON      `json:"pairs"`
	UnpairedLeft  []string        `json:"unpaired_left"`
	UnpairedRight []string        `json:"unpaired_right"`
	LeftOut       LeftOutJSON     `json:"left_out"`
}

// LeftOutJSON counts the statements a comparison leaves out: undated, and
// dated before 2021-01-20.
type LeftOutJSON struct {
	Undated int `json:"undated"`
	Earlier int `json:"earlier"`
}

// CompareSideJSON is one side of a comparison in JSON. To is null for an
// open end.
type CompareSideJSON struct {
	Label string     `json:"label"`
	From  string     `json:"from"`
	To    *string    `json:"to"`
	Count int        `json:"count"`
	Terms []TermJSON `json:"terms"`
}

// TermJSON is a distinctive term in JSON (z > 0 leans left, z < 0 right).
type TermJSON struct {
	Term       string  `json:"term"`
	Z          float64 `json:"z"`
	Clear      bool    `json:"clear"` // |z| ≥ 1.96
	LeftCount  int     `json:"left_count"`
	RightCount int     `json:"right_count"`
}

// PairJSON is a pair in JSON.
type PairJSON struct {
	Left       string       `json:"left"`
	Right      string       `json:"right"`
	Similarity float64      `json:"similarity"`
	Weak       bool         `json:"weak"` // similarity below 0.15
	Topic      string       `json:"topic"`
	Diff       []DiffOpJSON `json:"diff"`
}

// DiffOpJSON is a run of a word diff in JSON: op is "=", "-" or "+".
type DiffOpJSON struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// JSON returns the comparison in the shape `compare --format json` prints
// (a CompareJSON), ready for encoding/json.
func (cmp *Comparison) JSON(c *Corpus) any {
	out := CompareJSON{
		Split:         cmp.Split.String(),
		Left:          sideJSON(cmp.Left),
		Right:         sideJSON(cmp.Right),
		Pairs:         []PairJSON{},
		UnpairedLeft:  statementIDs(c, cmp.UnpairedLeft),
		UnpairedRight: statementIDs(c, cmp.UnpairedRight),
		LeftOut:       LeftOutJSON{Undated: cmp.Undated, Earlier: cmp.Earlier},
	}
	for _, p := range cmp.Pairs {
		pj := PairJSON{
			Left:       c.Statements[p.Left].ID,
			Right:      c.Statements[p.Right].ID,
			Similarity: round3(p.Similarity),
			Weak:       p.Weak(),
			Topic:      p.Topic,
			Diff:       []DiffOpJSON{},
		}
		for _, op := range p.Diff {
			pj.Diff = append(pj.Diff, DiffOpJSON{Op: string(op.Op), Text: op.Text})
		}
		out.Pairs = append(out.Pairs, pj)
	}
	return out
}

func sideJSON(s CompareSide) CompareSideJSON {
	out := CompareSideJSON{Label: s.Label, From: s.From.Format("2006-01-02"), Count: len(s.IDs), Terms: []TermJSON{}}
	if !s.To.IsZero() {
		to := s.To.Format("2006-01-02")
		out.To = &to
	}
	for _, t := range s.Terms {
		out.Terms = append(out.Terms, TermJSON{Term: t.Term, Z: round3(t.Z), Clear: t.Clear(), LeftCount: t.LeftCount, RightCount: t.RightCount})
	}
	return out
}

func statementIDs(c *Corpus, ids []int) []string {
	out := make([]string, 0, len(ids))
	for _, i := range ids {
		out = append(out, c.Statements[i].ID)
	}
	return out
}

func round3(x float64) float64 {
	r := math.Round(x*1000) / 1000
	if r == 0 {
		return 0 // no -0
	}
	return r
}

// sideDays renders a side's days: "2021-01-20 – 2024-11-05", "from 2024-11-06".
func sideDays(s CompareSide) string {
	if s.To.IsZero() {
		return "from " + s.From.Format("2006-01-02")
	}
	return s.From.Format("2006-01-02") + " – " + s.To.Format("2006-01-02")
}

// LeftOut says which statements a comparison left out and why: "2
// undated statements and 1 dated before 2021-01-20 are left out", or ""
// when none is.
func (cmp *Comparison) LeftOut() string {
	var parts []string
	if cmp.Undated > 0 {
		parts = append(parts, countNoun(cmp.Undated, "undated statement"))
	}
	switch {
	case cmp.Earlier > 0 && cmp.Undated > 0:
		parts = append(parts, fmt.Sprintf("%d dated before 2021-01-20", cmp.Earlier))
	case cmp.Earlier > 0:
		parts = append(parts, countNoun(cmp.Earlier, "statement")+" dated before 2021-01-20")
	}
	if len(parts) == 0 {
		return ""
	}
	verb := " are left out"
	if cmp.Undated+cmp.Earlier == 1 {
		verb = " is left out"
	}
	return strings.Join(parts, " and ") + verb
}

// WriteCompareMarkdown writes the comparison as Markdown, its headings
// starting at the given level (2 → "##"; deeper ones stop at 6): the
// distinctive terms as tables, each pair as both statements in full and
// then their word diff (~~only left~~, **only right**), the unpaired
// statements. Weak pairs and terms below |z| 1.96 are marked.
func WriteCompareMarkdown(w io.Writer, c *Corpus, cmp *Comparison, level int) error {
	if level < 1 {
		level = 1
	}
	bw := bufio.NewWriter(w)
	h := func(depth int, title string) {
		n := min(level+depth, 6)
		fmt.Fprintf(bw, "%s %s\n\n", strings.Repeat("#", n), title)
	}
	L, R := cmp.Left, cmp.Right
	lab := func(s CompareSide) string { return EscapeMarkdown(s.Label) }

	h(0, "Comparison: "+lab(L)+" and "+lab(R))
	fmt.Fprintf(bw, "Split at %s: %s, %s (%s); %s, %s (%s). %s; unpaired: %d on the left, %d on the right.",
		cmp.Split.String(),
		lab(L), sideDays(L), countNoun(len(L.IDs), "statement"),
		lab(R), sideDays(R), countNoun(len(R.IDs), "statement"),
		countNoun(len(cmp.Pairs), "pair"), len(cmp.UnpairedLeft), len(cmp.UnpairedRight))
	if lo := cmp.LeftOut(); lo != "" {
		fmt.Fprintf(bw, " %s.", EscapeMarkdown(strings.ToUpper(lo[:1])+lo[1:]))
	}
	bw.WriteString("\n\n")
	if len(L.IDs) == 0 || len(R.IDs) == 0 {
		empty := L
		if len(L.IDs) != 0 {
			empty = R
		}
		fmt.Fprintf(bw, "No statement of the side “%s” matches these filters, so nothing is paired.\n\n", lab(empty))
	}

	h(1, "Distinctive terms")
	fmt.Fprintf(bw, "Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); "+
		"|z| ≥ 1.96 is a clear difference, and terms below it are marked “no” under “clear”. Counts are uses on each side.\n\n")
	for _, s := range []CompareSide{L, R} {
		h(2, lab(s)+" ("+sideDays(s)+")")
		if len(s.Terms) == 0 {
			fmt.Fprintf(bw, "No distinctive terms.\n\n")
			continue
		}
		fmt.Fprintf(bw, "| term | z | clear | %s | %s |\n|---|---:|---|---:|---:|\n", lab(L), lab(R))
		for _, t := range s.Terms {
			fmt.Fprintf(bw, "| %s | %.2f | %s | %d | %d |\n", EscapeMarkdown(t.Term), t.Z, yesNo(t.Clear()), t.LeftCount, t.RightCount)
		}
		fmt.Fprintln(bw)
	}

	h(1, "Pairs")
	if len(cmp.Pairs) == 0 {
		fmt.Fprintf(bw, "No pairs.\n\n")
	} else {
		fmt.Fprintf(bw, "Each pair sets a statement of the side “%s” beside the most similar one of the side “%s”: "+
			"both in full, then word by word, where ~~struck-out~~ words are only in the first and **bold** ones only in the second. "+
			"A pair weaker than %.2f is marked weak: its statements share a few words but rarely say the same thing.\n\n",
			lab(L), lab(R), WeakSimilarity)
	}
	topic := "\x00"
	for _, p := range cmp.Pairs {
		if p.Topic != topic {
			topic = p.Topic
			name := topic
			if name == "" {
				name = "no topic"
			}
			h(2, EscapeMarkdown(name))
		}
		a, b := c.Statements[p.Left], c.Statements[p.Right]
		strength := fmt.Sprintf("similarity %.2f", p.Similarity)
		if p.Weak() {
			strength += " (weak)"
		}
		fmt.Fprintf(bw, "- **%s** %s ↔ **%s** %s · %s\n\n",
			EscapeMarkdown(speakerName(a.Speaker)), EscapeMarkdown(a.Date.Label()),
			EscapeMarkdown(speakerName(b.Speaker)), EscapeMarkdown(b.Date.Label()), strength)
		fmt.Fprintf(bw, "  %s:\n\n  > %s\n\n", lab(L), mdInline(a.Text))
		fmt.Fprintf(bw, "  %s:\n\n  > %s\n\n", lab(R), mdInline(b.Text))
		ops := p.Diff
		if ops == nil {
			ops = c.PairDiff(p)
		}
		fmt.Fprintf(bw, "  Word by word:\n\n  > %s\n\n", diffMarkdown(ops))
	}

	h(1, "Unpaired")
	for _, u := range []struct {
		label string
		ids   []int
	}{{lab(L), cmp.UnpairedLeft}, {lab(R), cmp.UnpairedRight}} {
		h(2, u.label+", unpaired ("+fmt.Sprint(len(u.ids))+")")
		if len(u.ids) == 0 {
			fmt.Fprintf(bw, "None.\n\n")
			continue
		}
		for _, i := range u.ids {
			s := c.Statements[i]
			fmt.Fprintf(bw, "- **%s** %s: %s\n", EscapeMarkdown(speakerName(s.Speaker)), EscapeMarkdown(s.Date.Label()), mdInline(s.Text))
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// diffMarkdown writes a word diff inline: shared words plain, left-only
// ~~struck out~~, right-only **bold**.
func diffMarkdown(ops []DiffOp) string {
	var b strings.Builder
	for k, op := range ops {
		if k > 0 {
			b.WriteByte(' ')
		}
		text := EscapeMarkdown(op.Text)
		switch op.Op {
		case '-':
			b.WriteString("~~" + text + "~~")
		case '+':
			b.WriteString("**" + text + "**")
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}

func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
