package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ExportOptions describe an export.
type ExportOptions struct {
	Title     string    // the document's title; empty: DefaultExportTitle
	Generated time.Time // the time of export (front matter "generated"); zero: left out
	Version   string    // quotetrail version; empty: "dev"
	Filter    Filter    // the filters that chose the statements
	Marked    bool      // the statements were marked by hand, not filtered
	Split     Split
	Compare   bool // include the Biden/Trump comparison of the statements
	// NoQuestions leaves out the question each transcript answer replied
	// to, which is otherwise quoted above the answer.
	NoQuestions bool
}

// ExportFrontMatter is the YAML front matter of a Markdown export: what
// was exported, from which corpus, chosen how, and when.
type ExportFrontMatter struct {
	Title      string        `yaml:"title"`
	Generated  string        `yaml:"generated,omitempty"` // RFC 3339
	Quotetrail string        `yaml:"quotetrail"`          // version
	Corpus     ExportCorpus  `yaml:"corpus"`
	Filters    ExportFilters `yaml:"filters"`
	Selection  string        `yaml:"selection"` // "marked" or "filtered"
	Split      string        `yaml:"split"`     // YYYY-MM-DD
	Compare    bool          `yaml:"compare"`
	// Questions says whether the questions transcript answers replied to
	// are quoted ("included" or "left out"); absent when no exported
	// statement answers one.
	Questions  string `yaml:"questions,omitempty"`
	Statements int    `yaml:"statements"`
}

// ExportCorpus identifies the corpus an export was taken from.
type ExportCorpus struct {
	Name      string `yaml:"name"`
	Documents int    `yaml:"documents"`
	SHA256    string `yaml:"sha256"` // first 16 hex digits of Corpus.ContentHash
}

// ExportFilters records the Filter that chose the statements; unset
// fields are left out.
type ExportFilters struct {
	Speakers     []string `yaml:"speakers,omitempty"`
	Affiliations []string `yaml:"affiliations,omitempty"`
	Topics       []string `yaml:"topics,omitempty"`
	Periods      []string `yaml:"periods,omitempty"`
	From         string   `yaml:"from,omitempty"`
	To           string   `yaml:"to,omitempty"`
	Words        string   `yaml:"words,omitempty"`
}

// ContentHash is the hex SHA-256 of the corpus's documents — their IDs
// and cleaned texts, in ID order, each length-prefixed — so two exports
// name the same corpus exactly when their hashes agree.
func (c *Corpus) ContentHash() string {
	docs := slices.Clone(c.Documents)
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	h := sha256.New()
	var n [8]byte
	put := func(s string) {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	for _, d := range docs {
		put(d.ID)
		put(d.Text)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// DefaultExportTitle is the title of an export whose options give none:
// "Marked statements", "Statements — speaker: Dmitry Peskov", "Statements".
func DefaultExportTitle(f Filter, marked bool) string {
	if marked {
		return "Marked statements"
	}
	if s := f.String(); s != "" {
		return "Statements — " + s
	}
	return "Statements"
}

// ExportMeta returns the front matter RenderMarkdown writes for the
// statements ids.
func ExportMeta(c *Corpus, ids []int, opt ExportOptions) ExportFrontMatter {
	ids = exportIDs(c, ids)
	fm := ExportFrontMatter{
		Title:      exportField(exportTitle(opt)),
		Quotetrail: exportField(opt.Version),
		Corpus: ExportCorpus{
			Name:      exportField(c.Name),
			Documents: len(c.Documents),
			SHA256:    c.ContentHash()[:16],
		},
		Selection:  "filtered",
		Split:      opt.Split.String(),
		Compare:    opt.Compare,
		Statements: len(ids),
	}
	if fm.Quotetrail == "" {
		fm.Quotetrail = "dev"
	}
	if !opt.Generated.IsZero() {
		fm.Generated = opt.Generated.Format(time.RFC3339)
	}
	if opt.Marked {
		fm.Selection = "marked"
	}
	if slices.ContainsFunc(ids, func(i int) bool { return c.Statements[i].Question != "" }) {
		fm.Questions = "included"
		if opt.NoQuestions {
			fm.Questions = "left out"
		}
	}
	f := opt.Filter
	for _, s := range f.Speakers {
		fm.Filters.Speakers = append(fm.Filters.Speakers, exportField(s))
	}
	for _, a := range f.Affiliations {
		fm.Filters.Affiliations = append(fm.Filters.Affiliations, exportField(string(a)))
	}
	for _, t := range f.Topics {
		fm.Filters.Topics = append(fm.Filters.Topics, exportField(t))
	}
	for _, p := range f.Periods {
		fm.Filters.Periods = append(fm.Filters.Periods, exportField(string(p)))
	}
	if !f.From.IsZero() {
		fm.Filters.From = f.From.Format("2006-01-02")
	}
	if !f.To.IsZero() {
		fm.Filters.To = f.To.Format("2006-01-02")
	}
	fm.Filters.Words = exportField(f.Query)
	return fm
}

// RenderMarkdown renders the statements ids (indices into c.Statements;
// they are sorted into timeline order and duplicates dropped) as a
// Markdown document that reads well as plain text and renders on GitHub:
//
//   - YAML front matter (ExportFrontMatter);
//   - "# title" and a summary: how many statements, by whom, over which
//     dates, chosen how;
//   - "## 2024" per year and "### November 2024" per month, in timeline
//     order; statements whose date is known only to the year come last in
//     their year, under "### 2024, month not known"; undated statements
//     in a final "## Undated" section;
//   - per statement: a line with its date (precision shown), speaker,
//     role, kind and ID; its words as a block quote (a direct quotation in
//     quotation marks, reported speech marked "(reported; cue “said”)"); its sources;
//   - with opt.Compare, the comparison from WriteCompareMarkdown, its
//     headings from "##".
//
// Every piece of text from the corpus goes through EscapeMarkdown (see
// mdInline and mdLines), so no article can break the structure, and no
// control character reaches the output (the comparison section included).
func RenderMarkdown(c *Corpus, ids []int, opt ExportOptions) []byte {
	ids = exportIDs(c, ids)
	var b bytes.Buffer
	size := 4096 // the front matter and summary; a statement's line, quote and source
	for _, i := range ids {
		size += len(c.Statements[i].Text) + 320
	}
	b.Grow(size)

	writeFrontMatter(&b, ExportMeta(c, ids, opt))
	b.WriteString("\n# " + mdInline(exportTitle(opt)) + "\n\n")
	b.WriteString(exportSummary(c, ids) + "\n\n")
	b.WriteString(exportSelection(c, opt) + "\n")

	year, month := -1, -1 // the open sections; month 0: year-precise
	for _, g := range exportGroups(c, ids) {
		if g.undated {
			b.WriteString("\n## Undated\n")
		} else {
			if g.year != year {
				year, month = g.year, -1
				fmt.Fprintf(&b, "\n## %d\n", g.year)
			}
			if g.month != month {
				month = g.month
				if g.month == 0 {
					fmt.Fprintf(&b, "\n### %d, month not known\n", g.year)
				} else {
					fmt.Fprintf(&b, "\n### %s %d\n", time.Month(g.month), g.year)
				}
			}
		}
		for _, i := range g.ids {
			b.WriteByte('\n')
			writeStatement(&b, c, c.Statements[i], false, !opt.NoQuestions)
		}
	}
	writeSources(&b, c, ids)

	if opt.Compare {
		// WriteCompareMarkdown writes its own "##" heading.
		cmp := c.Compare(ids, opt.Split, CompareOptions{})
		var sec bytes.Buffer
		err := WriteCompareMarkdown(&sec, c, cmp, 2)
		out := bytes.TrimSpace(sec.Bytes())
		b.WriteByte('\n')
		switch {
		case err != nil:
			b.WriteString("## Comparison\n\nThe comparison could not be written: " + mdInline(err.Error()) + "\n")
		case len(out) == 0:
			b.WriteString("## Comparison\n\nNo comparison to show.\n")
		default:
			b.WriteString(stripControl(string(out)))
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// exportIDs returns the valid ids, sorted (timeline order) and unique.
func exportIDs(c *Corpus, ids []int) []int {
	out := make([]int, 0, len(ids))
	for _, i := range ids {
		if i >= 0 && i < len(c.Statements) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func exportTitle(opt ExportOptions) string {
	if t := strings.TrimSpace(opt.Title); t != "" {
		return t
	}
	return DefaultExportTitle(opt.Filter, opt.Marked)
}

// exportField makes s one line without control characters: a front
// matter value, or text for mdInline.
func exportField(s string) string {
	if fieldAsIs(s) {
		return s
	}
	return strings.Join(strings.Fields(stripControl(s)), " ")
}

// fieldAsIs reports whether exportField leaves s as it is: no character
// stripControl changes, and words separated by single spaces with none
// around them.
func fieldAsIs(s string) bool {
	space := true // before the first word: a space there is not one line
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if space {
					return false
				}
				space = true
			case c <= ' ' || c == 0x7f: // other white space and control characters
				return false
			default:
				space = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || controlMap(r) != r || unicode.IsSpace(r) {
			return false
		}
		space = false
		i += n
	}
	return !space || s == ""
}

// writeFrontMatter writes the front matter between "---" lines. yaml.v3
// quotes whatever needs quoting, and every value is one line, so no value
// can end the block early. A blank line stands before the closing "---":
// a Markdown renderer that does not know front matter would otherwise read
// the YAML above it as the text of one huge setext heading; with it, the
// YAML is a paragraph between two rules (and still the same YAML to
// front-matter readers).
func writeFrontMatter(b *bytes.Buffer, fm ExportFrontMatter) {
	var y bytes.Buffer
	enc := yaml.NewEncoder(&y)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		// Encoding a struct of strings, ints and bools cannot fail.
		panic("model: encoding export front matter: " + err.Error())
	}
	enc.Close()
	b.WriteString("---\n")
	b.Write(y.Bytes())
	b.WriteString("\n---\n")
}

// exportSummary is the line under the title: "3 statements by 2 speakers
// — Dmitry Peskov (2), Sergey Lavrov (1) — from 2024-11-06 to ~March 2025."
func exportSummary(c *Corpus, ids []int) string {
	if len(ids) == 0 {
		return "No statements."
	}
	counts := c.Counts(ids)
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if counts[names[i]] != counts[names[j]] {
			return counts[names[i]] > counts[names[j]]
		}
		return names[i] < names[j]
	})
	var s strings.Builder
	s.WriteString(plural(len(ids), "statement"))
	if len(names) == 1 {
		s.WriteString(" by " + mdInline(speakerName(names[0])))
	} else {
		const shown = 8
		s.WriteString(" by " + plural(len(names), "speaker") + " — ")
		for k, n := range names {
			if k == shown {
				fmt.Fprintf(&s, " and %d more", len(names)-shown)
				break
			}
			if k > 0 {
				s.WriteString(", ")
			}
			fmt.Fprintf(&s, "%s (%d)", mdInline(speakerName(n)), counts[n])
		}
		s.WriteString(" —")
	}

	var first, last *Statement
	undated := 0
	for _, i := range ids {
		st := c.Statements[i]
		if !st.Date.Known() {
			undated++
			continue
		}
		if first == nil {
			first = st
		}
		last = st
	}
	switch {
	case first == nil:
		s.WriteString(", all undated.")
		return s.String()
	case spanLabel(first.Date, true) == spanLabel(last.Date, false):
		s.WriteString(" on " + mdInline(spanLabel(first.Date, true)))
	default:
		s.WriteString(" from " + mdInline(spanLabel(first.Date, true)) +
			" to " + mdInline(spanLabel(last.Date, false)))
	}
	if undated > 0 {
		fmt.Fprintf(&s, " (%d undated)", undated)
	}
	s.WriteString(".")
	return s.String()
}

// spanLabel labels a date as one end of the statements' span: a range by
// its best estimate ("~2024-12-10"), as it is sorted. (Its far end would
// say little: a range open to the day of processing ended the span on
// "today".)
func spanLabel(d Date, _ bool) string {
	if d.Precision != PrecisionRange {
		return d.Label()
	}
	return "~" + d.Value.Format("2006-01-02")
}

// exportSelection says how the statements were chosen and from what:
// "Selection: filtered (speaker: Dmitry Peskov). Corpus: built-in corpus, 42 documents."
func exportSelection(c *Corpus, opt ExportOptions) string {
	var s strings.Builder
	if opt.Marked {
		s.WriteString("Selection: marked by hand")
	} else {
		s.WriteString("Selection: filtered")
	}
	if f := opt.Filter.String(); f != "" {
		s.WriteString(" (" + mdInline(f) + ")")
	} else if !opt.Marked {
		s.WriteString(" (no filter: all statements)")
	}
	fmt.Fprintf(&s, ". Corpus: %s, %s.", mdInline(c.Name), plural(len(c.Documents), "document"))
	return s.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func speakerName(name string) string {
	if name == UnknownSpeaker || strings.TrimSpace(name) == "" {
		return "unknown speaker"
	}
	return name
}

// exportGroup is a run of statements under one year and month heading.
type exportGroup struct {
	undated     bool
	year, month int // month 0: the date is known only to the year
	ids         []int
}

// exportGroups sorts the statements into sections: years ascending,
// months ascending within a year with the year-precise statements last,
// undated statements at the end; timeline order within a section.
func exportGroups(c *Corpus, ids []int) []exportGroup {
	type key struct{ year, month int }
	byKey := map[key]*exportGroup{}
	var keys []key
	var undated exportGroup
	undated.undated = true
	for _, i := range ids {
		d := c.Statements[i].Date
		if !d.Known() {
			undated.ids = append(undated.ids, i)
			continue
		}
		k := key{d.Value.Year(), int(d.Value.Month())}
		if d.Precision == PrecisionYear {
			k.month = 0
		}
		g := byKey[k]
		if g == nil {
			g = &exportGroup{year: k.year, month: k.month}
			byKey[k] = g
			keys = append(keys, k)
		}
		g.ids = append(g.ids, i)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.year != b.year {
			return a.year < b.year
		}
		am, bm := a.month, b.month
		if am == 0 {
			am = 13
		}
		if bm == 0 {
			bm = 13
		}
		return am < bm
	})
	out := make([]exportGroup, 0, len(keys)+1)
	for _, k := range keys {
		out = append(out, *byKey[k])
	}
	if len(undated.ids) > 0 {
		out = append(out, undated)
	}
	return out
}

// KindLabel names a statement kind for people: "direct quotation",
// "reported speech", "reported speech with quoted words".
func KindLabel(k Kind) string {
	switch k {
	case Direct:
		return "direct quotation"
	case Indirect:
		return "reported speech"
	case Mixed:
		return "reported speech with quoted words"
	case "":
		return "statement"
	}
	return string(k)
}

// RenderStatementMarkdown renders one statement on its own, for pasting
// into another document: its line, its words as a block quote and its
// sources described in full — no front matter, title, summary or
// headings.
func RenderStatementMarkdown(c *Corpus, id int) []byte {
	var b bytes.Buffer
	if id >= 0 && id < len(c.Statements) {
		writeStatement(&b, c, c.Statements[id], true, true)
	}
	return b.Bytes()
}

// statementSources lists the documents that report s, once each.
func statementSources(s *Statement) []string {
	srcs := s.Sources
	if len(srcs) == 0 && s.Doc != "" {
		srcs = []string{s.Doc}
	}
	seen := map[string]bool{}
	out := make([]string, 0, len(srcs))
	for _, id := range srcs {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// writeStatement writes one statement: its line, the question it answers
// (with questions, for a transcript's answer) and its words as block
// quotes, its sources — in full (sourceLine) when it stands alone, else
// by outlet and document ID, described once in the Sources section.
func writeStatement(b *bytes.Buffer, c *Corpus, s *Statement, alone, questions bool) {
	// 2024-11-06 · **Dmitry Peskov**, Kremlin spokesman · direct quotation · `tass-1#2`
	b.WriteString(mdInline(s.Date.Label()))
	b.WriteString(" · ")
	if s.Speaker == UnknownSpeaker || strings.TrimSpace(s.Speaker) == "" {
		b.WriteString("**unknown speaker**")
		if m := exportField(s.Mention); m != "" {
			b.WriteString(" (“" + mdInline(m) + "”)")
		}
	} else {
		b.WriteString("**" + mdInline(s.Speaker) + "**")
		if role := exportField(c.SpeakerInfo(s.Speaker).Role); role != "" {
			b.WriteString(", " + mdInline(role))
		}
	}
	b.WriteString(" · " + mdInline(KindLabel(s.Kind)))
	if id := exportField(s.ID); id != "" {
		b.WriteString(" · " + codeSpan(id))
	}
	b.WriteString("\n\n")

	if questions && strings.TrimSpace(s.Question) != "" {
		writeQuestion(b, s.Question)
		b.WriteByte('\n')
	}
	writeQuote(b, s)
	b.WriteByte('\n')

	var lines []string
	for _, id := range statementSources(s) {
		if alone {
			lines = append(lines, sourceLine(c, id))
		} else {
			lines = append(lines, sourceRef(c, id))
		}
	}
	switch {
	case len(lines) == 0:
		b.WriteString("Source: not recorded.\n")
	case len(lines) == 1:
		b.WriteString("Source: " + lines[0] + "\n")
	case alone:
		b.WriteString("Sources:\n\n")
		for _, l := range lines {
			b.WriteString("- " + l + "\n")
		}
	default:
		b.WriteString("Sources: " + strings.Join(lines, "; ") + "\n")
	}
}

// sourceRef names a source document briefly: its outlet and its ID,
// which the Sources section describes ("TASS, `001_tass`").
func sourceRef(c *Corpus, id string) string {
	ref := codeSpan(exportField(id))
	if ref == "" {
		ref = "document"
	}
	if d := c.Document(id); d != nil {
		if o := exportField(d.Source); o != "" {
			return mdInline(o) + ", " + ref
		}
	}
	return ref
}

// writeSources writes the "## Sources" section: every document the
// statements cite, once, in the order first cited, with its outlet, full
// title and URL (or path).
func writeSources(b *bytes.Buffer, c *Corpus, ids []int) {
	seen := map[string]bool{}
	var docs []string
	for _, i := range ids {
		for _, id := range statementSources(c.Statements[i]) {
			if !seen[id] {
				seen[id] = true
				docs = append(docs, id)
			}
		}
	}
	if len(docs) == 0 {
		return
	}
	b.WriteString("\n## Sources\n\n")
	for _, id := range docs {
		ref := codeSpan(exportField(id))
		if ref == "" {
			ref = "document"
		}
		b.WriteString("- " + ref + ": " + sourceLine(c, id) + "\n")
	}
}

// cueNote is the cue that reported the words, for the label before them:
// "; cue “called for”", so a stance's bare object reads as one.
func cueNote(s *Statement) string {
	if c := exportField(s.Cue); c != "" {
		return "; cue “" + mdInline(c) + "”"
	}
	return ""
}

// writeQuote writes the statement's words as a block quote, every line
// prefixed "> ". A direct quotation stands in quotation marks (unless the
// text carries its own); reported speech is marked as not verbatim.
func writeQuote(b *bytes.Buffer, s *Statement) {
	var lines []string
	blank := true
	text := stripControl(s.Text)
	for _, l := range cleanLines(text) {
		if strings.TrimSpace(l) == "" {
			if !blank {
				lines = append(lines, "")
			}
			blank = true
			continue
		}
		lines = append(lines, l)
		blank = false
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	switch {
	case len(lines) == 0:
		lines = []string{"*(no words recorded)*"}
	case s.Kind == Indirect:
		lines[0] = "*(reported" + cueNote(s) + ")* " + lines[0]
	case s.Kind == Mixed:
		lines[0] = "*(reported, with quoted words" + cueNote(s) + ")* " + lines[0]
	default:
		if !quoted(text) {
			lines[0] = "“" + lines[0]
			lines[len(lines)-1] += "”"
		}
	}
	for _, l := range lines {
		if l == "" {
			b.WriteString(">\n")
		} else {
			b.WriteString("> " + l + "\n")
		}
	}
}

// writeQuestion writes the question an answer replied to as a block
// quote of its own, opened by "*Question:*", above the answer's.
func writeQuestion(b *bytes.Buffer, q string) {
	var lines []string
	blank := true
	for _, l := range mdLines(q) {
		if l == "" {
			if !blank {
				lines = append(lines, "")
			}
			blank = true
			continue
		}
		lines = append(lines, l)
		blank = false
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return
	}
	lines[0] = "*Question:* " + lines[0]
	for _, l := range lines {
		if l == "" {
			b.WriteString(">\n")
		} else {
			b.WriteString("> " + l + "\n")
		}
	}
}

// quoted reports whether text already stands in quotation marks.
func quoted(text string) bool {
	t := strings.TrimSpace(text)
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return utf8.RuneCountInString(t) >= 2 &&
		strings.ContainsRune(`"“„«`, first) && strings.ContainsRune(`"”“»`, last)
}

// sourceLine describes a source document: outlet, “title”, and its URL
// (or, without one, its path).
func sourceLine(c *Corpus, id string) string {
	d := c.Document(id)
	if d == nil {
		return "document " + codeSpan(exportField(id))
	}
	var parts []string
	if o := exportField(d.Source); o != "" {
		parts = append(parts, mdInline(o))
	}
	if t := exportField(d.Title); t != "" {
		parts = append(parts, "“"+mdInline(t)+"”")
	}
	switch u := exportField(d.URL); {
	case u != "" && autolinkable(u):
		parts = append(parts, "<"+u+">")
	case u != "":
		parts = append(parts, mdInline(u))
	case exportField(d.Path) != "":
		parts = append(parts, codeSpan(exportField(d.Path)))
	default:
		parts = append(parts, "document "+codeSpan(exportField(d.ID)))
	}
	return strings.Join(parts, ", ")
}

// autolinkable reports whether u can stand in a CommonMark autolink
// "<u>" as is: an http(s) URL with no space, control character, angle
// bracket or backslash (escapes are not read inside autolinks).
func autolinkable(u string) bool {
	l := strings.ToLower(u)
	if !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "http://") {
		return false
	}
	for _, r := range u {
		if r <= ' ' || r == 0x7f || r == '<' || r == '>' || r == '\\' || r == '`' || (r >= 0x80 && r <= 0x9f) {
			return false
		}
	}
	return true
}

// codeSpan renders s (one line, no control characters) as a code span,
// which shows it verbatim: the fence is one backtick longer than the
// longest run inside, and padded with spaces when s starts or ends with a
// backtick or a space.
func codeSpan(s string) string {
	if s == "" {
		return ""
	}
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if s[0] == '`' || s[len(s)-1] == '`' || s[0] == ' ' || s[len(s)-1] == ' ' {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// Text as Markdown. EscapeMarkdown (mdescape.go, shared with the
// comparison) escapes one line; the export adds what a file needs around
// it: control characters stripped and line breaks kept inside a block quote.

// mdInline escapes s for one line of Markdown: control characters
// stripped, every run of white space (line breaks too) made one space,
// then EscapeMarkdown.
func mdInline(s string) string {
	return EscapeMarkdown(exportField(s))
}

// mdLines escapes s as lines of Markdown for a block quote: control
// characters stripped, line breaks kept, each line trimmed of white space
// (a leading run could start an indented code block, a trailing one a
// hard line break) and escaped on its own, so a line can start nothing (list,
// heading, "---", "===", quote, fence). An empty line stays empty.
func mdLines(s string) []string { return cleanLines(stripControl(s)) }

// cleanLines is mdLines of text stripControl has cleaned.
func cleanLines(clean string) []string {
	lines := strings.Split(clean, "\n")
	for i, l := range lines {
		lines[i] = EscapeMarkdown(strings.TrimSpace(l))
	}
	return lines
}

// stripControl makes s safe to write to a text file: invalid UTF-8
// becomes U+FFFD; CR LF, CR, U+2028 (line separator) and U+2029
// (paragraph separator) become "\n"; a tab becomes a space; every other
// control character (C0, DEL, C1), the byte order mark and the
// bidirectional embedding, override and isolate characters (U+202A–U+202E,
// U+2066–U+2069) are dropped. Line feeds are kept.
func stripControl(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if m := controlMap(r); m >= 0 {
			b.WriteRune(m)
		}
	}
	return b.String()
}

// isClean reports whether stripControl leaves s as it is: valid UTF-8
// with no U+FFFD and nothing controlMap changes but line feeds.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || controlMap(r) != r {
			return false
		}
		i += n
	}
	return true
}

// controlMap returns what stripControl makes of r: r itself, a
// replacement, or -1 to drop it.
func controlMap(r rune) rune {
	switch {
	case r == '\n':
		return r
	case r == '\t':
		return ' '
	case r == '\r', r == '\u2028', r == '\u2029':
		return '\n'
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return -1
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0xfeff:
		return -1
	}
	return r
}
