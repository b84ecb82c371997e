package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/quotetrail/quotetrail/model"
)

// The reader pane (enter) shows one statement: a card with the statement
// in full (and the question it answers, for a transcript's answer) and its
// provenance (speaker, kind, date with precision, evidence and rule,
// topics, sources, the rules that found it), and below it the whole
// cleaned article, scrolled to the statement, which is highlighted. A key
// shows what cleaning removed and what decoding repaired.

const focusReader viewID = "reader"

type reader struct {
	viewBase
	ctx         *programContext
	keys        readerKeys
	id          int
	opened      bool     // a statement is open
	hl          []string // the words highlighted, as the timeline had them
	th          *theme   // the theme the lines were rendered with
	showRemoved bool
	focusCard   bool
	card        pager
	article     pager
	stmtLine    int // first article line of the statement
	extraLine   int // first line of the removed/repairs section (-1: none)
	width       int
	height      int
}

func newReader(ctx *programContext) *reader {
	return &reader{ctx: ctx, keys: newReaderKeys(&ctx.global)}
}

// Name implements view.
func (r *reader) Name() string { return "reader" }

// show opens statement id, scrolled to it in its article, with the words
// the timeline highlights.
func (r *reader) show(id int) {
	r.id = id
	r.opened = true
	r.hl = r.ctx.hl
	r.showRemoved = false
	r.focusCard = false
	r.render()
	r.article.scrollTo(r.stmtLine - 2)
	r.card.scrollTo(0)
}

// SetSize implements view.
func (r *reader) SetSize(w, h int) {
	r.width, r.height = w, h
	if r.ctx.c == nil || !r.opened {
		return
	}
	r.render()
	r.article.scrollTo(r.stmtLine - 2)
}

// Title implements view: the statement's date, speaker and id.
func (r *reader) Title() string {
	s := r.ctx.c.Statements[r.id]
	return r.ctx.th.TitleDim.Render(s.Date.Short() + " · " + s.Speaker + " · " + s.ID + " ")
}

// ShortHelp implements help.KeyMap.
func (r *reader) ShortHelp() []key.Binding { return r.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (r *reader) FullHelp() [][]key.Binding { return r.keys.FullHelp() }

// cardHeight is the rows the card gets: all it needs, up to half the
// pane.
func (r *reader) cardHeight() int {
	return max(3, min(len(r.card.lines), r.height/2))
}

func (r *reader) render() {
	if r.width <= 0 || r.height <= 0 || !r.opened || r.id >= len(r.ctx.c.Statements) {
		return
	}
	r.th = r.ctx.th
	r.card.setLines(r.cardLines())
	ch := r.cardHeight()
	r.card.SetSize(r.width, ch)
	r.article.setLines(r.articleLines())
	r.article.SetSize(r.width, r.height-ch-1)
}

// labelled renders "Label    value" with the value wrapped under itself.
func (r *reader) labelled(label string, value string, style func(string) string) []string {
	const lw = 10
	vw := max(10, r.width-lw-2)
	v := flatten(value)
	var out []string
	for i, sp := range wrapSpans(v, vw) {
		l := strings.Repeat(" ", lw+1)
		if i == 0 {
			l = " " + r.ctx.th.Label.Render(fmt.Sprintf("%-*s", lw, label))
		}
		out = append(out, l+style(v[sp[0]:sp[1]]))
	}
	if len(out) == 0 {
		out = append(out, " "+r.ctx.th.Label.Render(fmt.Sprintf("%-*s", lw, label))+r.ctx.th.Dim.Render("—"))
	}
	return out
}

func (r *reader) cardLines() []string {
	th := r.ctx.th
	s := r.ctx.c.Statements[r.id]
	sp := r.ctx.c.SpeakerInfo(s.Speaker)
	plain := func(x string) string { return th.Text.Render(x) }
	dim := func(x string) string { return th.Dim.Render(x) }

	var out []string
	text := flatten(s.Text)
	var spans []span
	for _, m := range wordMatches(text, r.hl) {
		spans = append(spans, span{m[0], m[1], th.Match})
	}
	lq, rq := "", ""
	if s.Kind == model.Direct {
		lq, rq = "“", "”"
	}
	for i, ln := range wrapSpans(text, max(10, r.width-4)) {
		pre, post := "  ", ""
		if i == 0 {
			pre = " " + pick(lq == "", " ", lq)
		}
		out = append(out, pre+styleRange(text, ln[0], ln[1], th.Heading, spans)+post)
	}
	if len(out) > 0 && rq != "" {
		out[len(out)-1] += th.Heading.Render(rq)
	}
	out = append(out, "")
	if q := strings.TrimSpace(s.Question); q != "" { // a transcript's answer
		out = append(out, r.labelled("Question", "“"+q+"”", func(x string) string { return th.Text.Render(x) })...)
	}

	who := s.Speaker
	if who == model.UnknownSpeaker {
		who = "unknown speaker (the text does not settle who)"
	}
	speakerLine := th.affil(sp.Affiliation).Render(who)
	var roleAff []string
	if sp.Role != "" {
		roleAff = append(roleAff, sp.Role)
	}
	roleAff = append(roleAff, string(sp.Affiliation))
	out = append(out, r.labelled("Speaker", who+" — "+strings.Join(roleAff, " · "), func(x string) string {
		if strings.HasPrefix(x, who) {
			return speakerLine + th.Text.Render(x[len(who):])
		}
		return plain(x)
	})...)
	if s.Mention != "" && s.Mention != s.Speaker {
		out = append(out, r.labelled("", "written as “"+s.Mention+"”", dim)...)
	}
	kind := model.KindLabel(s.Kind)
	if s.Cue != "" {
		kind += " · cue “" + s.Cue + "”"
	}
	out = append(out, r.labelled("Kind", kind, plain)...)
	d := s.Date
	dateText := d.Label() + " · precision: " + string(pick(d.Precision == "", model.PrecisionUnknown, d.Precision))
	out = append(out, r.labelled("Date", dateText, plain)...)
	if d.Evidence != "" {
		out = append(out, r.labelled("", "evidence: “"+d.Evidence+"”", plain)...)
	}
	if d.Rule != "" {
		out = append(out, r.labelled("", "rule: "+d.Rule, dim)...)
	}
	out = append(out, r.clueLines(d, plain, dim)...)
	out = append(out, r.labelled("Period", s.Period().Label(), plain)...)
	var topics []string
	for _, t := range s.Topics {
		x := t.Topic
		if len(t.Words) > 0 {
			x += " (" + strings.Join(t.Words, ", ") + ")"
		}
		topics = append(topics, x)
	}
	out = append(out, r.labelled("Topics", pick(len(topics) == 0, "none assigned", strings.Join(topics, " · ")), plain)...)
	srcs := s.Sources
	if len(srcs) == 0 {
		srcs = []string{s.Doc}
	}
	for i, id := range srcs {
		label := pick(i == 0, "Sources", "")
		doc := r.ctx.c.Document(id)
		if doc == nil {
			out = append(out, r.labelled(label, id+" (not in the corpus)", dim)...)
			continue
		}
		parts := []string{pick(doc.Source == "", "source unknown", doc.Source)}
		if doc.Title != "" {
			parts = append(parts, "“"+doc.Title+"”")
		}
		parts = append(parts, doc.Path)
		if doc.URL != "" {
			parts = append(parts, doc.URL)
		}
		out = append(out, r.labelled(label, strings.Join(parts, " — "), plain)...)
	}
	if len(s.Rules) > 0 {
		out = append(out, r.labelled("Found by", strings.Join(s.Rules, " · "), dim)...)
	}
	out = append(out, r.labelled("ID", s.ID+pick(r.ctx.marks[r.id], " · marked", ""), dim)...)
	return out
}

func (r *reader) articleLines() []string {
	th := r.ctx.th
	s := r.ctx.c.Statements[r.id]
	doc := r.ctx.c.Document(s.Doc)
	r.stmtLine, r.extraLine = 0, -1
	if doc == nil {
		return []string{" " + th.Warn.Render("The article of this statement is not in the corpus.")}
	}
	var out []string
	head := []string{pick(doc.Source == "", "source unknown", doc.Source), doc.Date.Label(), doc.Path}
	if doc.TitleSpan.IsZero() { // otherwise the headline opens the text below
		out = append(out, " "+th.Heading.Render(cut(pick(doc.Title == "", doc.ID, doc.Title), r.width-2)))
	}
	out = append(out, " "+th.Dim.Render(cut(strings.Join(head, " · "), r.width-2)))
	out = append(out, "")

	text := flatten(doc.Text)
	var spans []span
	if s.Span.In(len(text)) && s.Span.Len() > 0 {
		spans = append(spans, span{s.Span.Start, s.Span.End, th.Statement})
	}
	if ev := s.Date.EvidenceSpan; !ev.IsZero() && ev.In(len(text)) {
		spans = append(spans, span{ev.Start, ev.End, th.Evidence})
	}
	for _, m := range wordMatches(text, r.hl) {
		spans = append(spans, span{m[0], m[1], th.Match})
	}
	stmtFound := false
	pw := max(10, min(r.width-4, maxContent-4)) // a readable measure on wide terminals
	for _, p := range doc.Paragraphs() {
		inCtx := p.Start <= s.Span.Start && s.Span.Start < p.End
		base := th.Text
		if !doc.TitleSpan.IsZero() && p.Start == doc.TitleSpan.Start {
			base = th.Label
		}
		for _, ln := range wrapSpans(text[p.Start:p.End], pw) {
			a, z := p.Start+ln[0], p.Start+ln[1]
			bar := "   "
			if inCtx {
				bar = " " + th.Context.Render("▌") + " "
			}
			if !stmtFound && s.Span.Start < z && s.Span.End > a {
				r.stmtLine = len(out)
				stmtFound = true
			}
			out = append(out, bar+styleRange(text, a, z, base, spans))
		}
		out = append(out, "")
	}
	n := len(doc.Removed) + len(doc.Repairs) + len(doc.Captions) + len(doc.Warnings)
	if !r.showRemoved {
		if n > 0 {
			out = append(out, " "+th.Dim.Render(fmt.Sprintf("v shows what cleaning removed (%d), what was repaired (%d), captions (%d) and warnings (%d)",
				len(doc.Removed), len(doc.Repairs), len(doc.Captions), len(doc.Warnings))))
		}
		return out
	}
	r.extraLine = len(out)
	section := func(title string, count int) {
		out = append(out, " "+th.Heading.Render(fmt.Sprintf("%s (%d)", title, count)))
	}
	wrapped := func(prefix, x string, st func(string) string) {
		x = flatten(x)
		for i, ln := range wrapSpans(x, pw-len(prefix)) {
			out = append(out, "   "+pick(i == 0, prefix, strings.Repeat(" ", len(prefix)))+st(x[ln[0]:ln[1]]))
		}
	}
	section("Removed by cleaning", len(doc.Removed))
	for _, rm := range doc.Removed {
		out = append(out, "   "+th.Label.Render(rm.Reason)+th.Dim.Render(" · rule: "+rm.Rule))
		wrapped("", rm.Text, func(x string) string { return th.Removed.Render(x) })
	}
	out = append(out, "")
	section("Repairs", len(doc.Repairs))
	for _, rp := range doc.Repairs {
		out = append(out, "   "+th.Label.Render(rp.Kind)+th.Dim.Render(fmt.Sprintf(" · at byte %d", rp.Offset)))
		wrapped("", rp.Before+" → "+rp.After, func(x string) string { return th.Text.Render(x) })
	}
	out = append(out, "")
	section("Captions and credits", len(doc.Captions))
	for _, c := range doc.Captions {
		wrapped("", c, func(x string) string { return th.Text.Render(x) })
	}
	out = append(out, "")
	section("Warnings", len(doc.Warnings))
	for _, w := range doc.Warnings {
		wrapped("", w, func(x string) string { return th.Warn.Render(x) })
	}
	return out
}

// Update implements view: the keys and the mouse while the reader is
// shown.
func (r *reader) Update(msg tea.Msg) (action, tea.Cmd) {
	k := r.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Back):
			return goBack{}, nil
		case key.Matches(msg, k.Mark):
			r.ctx.toggleMark(r.id)
			r.render()
			return nil, nil
		case key.Matches(msg, k.Copy):
			return nil, copyMarkdown(r.ctx, r.id)
		case key.Matches(msg, k.Focus):
			r.focusCard = !r.focusCard
			return nil, nil
		case key.Matches(msg, k.Removed):
			r.showRemoved = !r.showRemoved
			r.render()
			if r.showRemoved && r.extraLine >= 0 {
				r.article.scrollTo(r.extraLine)
			} else {
				r.article.scrollTo(r.stmtLine - 2)
			}
			return nil, nil
		}
	case tea.MouseWheelMsg:
		if msg.Y-bodyTop < r.cardHeight() {
			r.card.Update(msg, k.moveKeys)
		} else {
			r.article.Update(msg, k.moveKeys)
		}
		return nil, nil
	}
	if r.focusCard {
		r.card.Update(msg, k.moveKeys)
	} else {
		r.article.Update(msg, k.moveKeys)
	}
	return nil, nil
}

// View implements view: the card, a rule, and the article.
func (r *reader) View() string {
	if r.th != r.ctx.th {
		r.render() // the theme changed (the terminal's background, NO_COLOR)
	}
	th := r.ctx.th
	label := " article "
	if r.focusCard {
		label = " details (tab: article) "
	}
	more := ""
	if r.card.more() {
		more = " ↓ more details (tab) "
	}
	rule := th.YearRule.Render("──") + th.Dim.Render(label) + th.YearRule.Render("─") + th.Dim.Render(more)
	rule += th.YearRule.Render(strings.Repeat("─", max(0, r.width-lipgloss.Width(rule))))
	rule = fit(rule, r.width)
	return r.card.View() + "\n" + rule + "\n" + r.article.View()
}

// clueLines lists the clues that shaped a date, each with the days it
// allows: "clue: “former President Obama” from 2017-01-20 (office-former,
// used)"; the others are counted.
func (r *reader) clueLines(d model.Date, plain, dim func(string) string) []string {
	var out []string
	rest := 0
	for _, c := range d.Clues {
		switch c.Use {
		case model.ClueUsed, model.ClueConflict, model.ClueOverruled:
		default:
			rest++
			continue
		}
		var ws []string
		for _, w := range c.Windows {
			ws = append(ws, w.Label())
		}
		line := "clue: “" + c.Evidence + "”"
		if len(ws) > 0 {
			line += " " + strings.Join(ws, ", ")
		}
		out = append(out, r.labelled("", line+" ("+c.Rule+", "+string(c.Use)+")", plain)...)
	}
	if rest > 0 {
		out = append(out, r.labelled("", fmt.Sprintf("%d more clues had no effect (dump lists them)", rest), dim)...)
	}
	return out
}
