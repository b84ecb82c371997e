package ui

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/quotetrail/quotetrail/model"
)

// The compare view (c) sets the statements of the filtered timeline
// before the split beside those from it — with the default split, the
// Biden-period wording beside the wording after the 2024 election: two
// panes, each headed by its label (model.SideLabels), days, count and
// distinctive terms; rows are the pairs (grouped by
// topic, strongest first) with the words each side changed highlighted,
// then the statements left unpaired on each side. Both panes share one
// list of rows, so they scroll together; tab moves the focus between them
// and enter opens the focused statement in the reader. Below stackBelow
// columns the panes stack, left above right, both windows starting at the
// same row.
//
// Both panes scroll in one rowViewport (rows.go), which measures and draws
// only the rows on screen. The comparison is computed in a command tagged with a generation (stale
// ones are dropped) with lazy word diffs: a pair is diffed when its row
// is first measured or drawn, and the diff is kept. Only the rows on
// screen are drawn.

// stackBelow is the width below which the panes stack vertically.
const stackBelow = 100

// maxRowText caps the text lines of one statement in a row (side by side;
// stacked panes are shorter and get stackedRowText); enter shows it all.
const (
	maxRowText     = 6
	stackedRowText = 3
)

type compareRowKind uint8

const (
	crTopic    compareRowKind = iota // a topic heading; ref = its first pair, n = its pairs
	crPair                           // a pair; ref = index into Pairs
	crOnlyHead                       // the heading of the unpaired statements
	crOnly                           // ref = k: UnpairedLeft[k] and/or UnpairedRight[k]
)

type crow struct {
	kind   compareRowKind
	ref, n int32
}

// compareMsg is a comparison computed in a command.
type compareMsg struct {
	gen    int
	inputs string
	cmp    *model.Comparison
}

const focusCompare viewID = "compare"

type compareView struct {
	viewBase
	ctx  *programContext
	keys compareKeys
	open key.Binding
	cmp  *model.Comparison
	// rows: the topic headings and pairs, then the unpaired statements of
	// both sides side by side (the k-th of each side in row k).
	rows []crow

	split   model.Split
	term    string          // both sides are filtered to statements using it ("": none)
	base    [2][]model.Term // the distinctive terms without the term filter, for the chooser
	inputs  string          // what cmp was computed from
	gen     int
	pending bool

	cursor        int // selected row
	vp            rowViewport
	right         bool // the Trump pane has the focus
	width, height int
	diffs         map[int][2][]model.DiffOp // pair → the left and right runs

	picking bool // the term chooser is open
	pick    int  // its selection in pickTerms()
	pickTop int
}

type compareAction int

const (
	compareNone compareAction = iota
	compareBack
	compareOpen  // open the focused statement in the reader
	compareSplit // the split moved: compute again
	compareTerm  // the term changed: compute again
)

func newCompareView(ctx *programContext) *compareView {
	return &compareView{
		ctx:   ctx,
		keys:  newCompareKeys(&ctx.global),
		open:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "compare before/after the split (Biden → Trump)")),
		split: ctx.opt.Split,
		vp:    rowViewport{areas: []int{0}, headroom: 1},
	}
}

// Name implements view.
func (v *compareView) Name() string { return "compare" }

// OpenKey implements view.
func (v *compareView) OpenKey() *key.Binding { return &v.open }

// SetSize implements view.
func (v *compareView) SetSize(w, h int) {
	v.width, v.height = w, h
	if al, ar := v.areas(); v.stacked() {
		v.vp.setAreas(al, ar)
	} else {
		v.vp.setAreas(al)
	}
	v.ensureVisible()
}

func (v *compareView) stacked() bool { return v.width < stackBelow }

// paneWidths returns the widths of the left and right panes (stacked:
// both the whole width).
func (v *compareView) paneWidths() (int, int) {
	if v.stacked() {
		return v.width, v.width
	}
	lw := (v.width - 3) / 2
	return lw, v.width - 3 - lw
}

// termLines is how many lines of distinctive terms a pane header shows.
func (v *compareView) termLines() int { return pick(v.stacked(), 1, 2) }

// areas returns the row lines each pane has below its header.
func (v *compareView) areas() (int, int) {
	if v.stacked() {
		top := v.height / 2
		return max(1, top-1-v.termLines()), max(1, v.height-top-1-v.termLines())
	}
	a := max(1, v.height-2-v.termLines())
	return a, a
}

// setComparison installs a new comparison, keeping the selection on the
// statement that had it when it is still shown.
func (v *compareView) setComparison(cmp *model.Comparison, inputs string) {
	id, had := v.focusedStatement()
	wasRight := v.right
	v.cmp, v.inputs = cmp, inputs
	v.diffs = map[int][2][]model.DiffOp{}
	if v.term == "" {
		v.base = [2][]model.Term{cmp.Left.Terms, cmp.Right.Terms}
	}
	v.buildRows()
	v.cursor, v.vp.top = v.firstSelectable(), 0
	if had {
		for i := range v.rows {
			if got, ok := v.stmtAt(i, wasRight); ok && got == id {
				v.cursor = i
				break
			}
		}
	}
	v.ensureVisible()
}

func (v *compareView) buildRows() {
	cmp := v.cmp
	v.rows = v.rows[:0]
	for k, p := range cmp.Pairs {
		if k == 0 || cmp.Pairs[k-1].Topic != p.Topic {
			v.rows = append(v.rows, crow{kind: crTopic, ref: int32(k)})
		}
		v.rows = append(v.rows, crow{kind: crPair, ref: int32(k)})
	}
	// count each topic's pairs on its heading
	head := -1
	for i := range v.rows {
		switch v.rows[i].kind {
		case crTopic:
			head = i
			v.rows[i].n = 0
		case crPair:
			v.rows[head].n++
		}
	}
	nl, nr := len(cmp.UnpairedLeft), len(cmp.UnpairedRight)
	if nl+nr > 0 && len(cmp.Left.IDs) > 0 && len(cmp.Right.IDs) > 0 {
		v.rows = append(v.rows, crow{kind: crOnlyHead})
	}
	for k := 0; k < max(nl, nr); k++ {
		v.rows = append(v.rows, crow{kind: crOnly, ref: int32(k)})
	}
}

func (v *compareView) selectable(i int) bool {
	return i >= 0 && i < len(v.rows) && (v.rows[i].kind == crPair || v.rows[i].kind == crOnly)
}

func (v *compareView) firstSelectable() int {
	for i := range v.rows {
		if v.selectable(i) {
			return i
		}
	}
	return 0
}

// stmtAt returns the statement of row i on one side.
func (v *compareView) stmtAt(i int, right bool) (int, bool) {
	if v.cmp == nil || i < 0 || i >= len(v.rows) {
		return 0, false
	}
	r := v.rows[i]
	switch r.kind {
	case crPair:
		p := v.cmp.Pairs[r.ref]
		return pick(right, p.Right, p.Left), true
	case crOnly:
		ids := pick(right, v.cmp.UnpairedRight, v.cmp.UnpairedLeft)
		if int(r.ref) < len(ids) {
			return ids[r.ref], true
		}
	}
	return 0, false
}

func (v *compareView) focusedStatement() (int, bool) { return v.stmtAt(v.cursor, v.right) }

// openable returns the statement enter opens on the selected row: the
// focused side's, or, when that side of the row is empty (an unpaired
// statement of the other side), the other side's.
func (v *compareView) openable() (int, bool) {
	if id, ok := v.stmtAt(v.cursor, v.right); ok {
		return id, true
	}
	return v.stmtAt(v.cursor, !v.right)
}

// diff returns a pair's runs for each pane, diffing it on first use.
func (v *compareView) diff(k int) [2][]model.DiffOp {
	if d, ok := v.diffs[k]; ok {
		return d
	}
	p := v.cmp.Pairs[k]
	ops := p.Diff
	if ops == nil {
		ops = v.ctx.c.PairDiff(p)
	}
	d := [2][]model.DiffOp{model.DiffSide(ops, '-'), model.DiffSide(ops, '+')}
	v.diffs[k] = d
	return d
}

// body returns the text one side of row i shows, with its styled spans
// (the word differences of a pair).
func (v *compareView) body(i int, right bool) (string, []span, bool) {
	r := v.rows[i]
	switch r.kind {
	case crPair:
		runs := v.diff(int(r.ref))[pick(right, 1, 0)]
		var b strings.Builder
		var spans []span
		th := v.ctx.th
		for k, op := range runs {
			if k > 0 {
				b.WriteByte(' ')
			}
			st := th.DiffShared
			switch op.Op {
			case '-':
				st = th.DiffLeft
			case '+':
				st = th.DiffRight
			}
			text := flatten(op.Text)
			spans = append(spans, span{b.Len(), b.Len() + len(text), st})
			b.WriteString(text)
		}
		return b.String(), spans, true
	case crOnly:
		id, ok := v.stmtAt(i, right)
		if !ok {
			return "", nil, false
		}
		return strings.Join(strings.Fields(v.ctx.c.Statements[id].Text), " "), nil, true
	}
	return "", nil, false
}

func (v *compareView) rowText() int { return pick(v.stacked(), stackedRowText, maxRowText) }

// sideHeight is the lines row i takes in one pane.
func (v *compareView) sideHeight(i int, right bool) int {
	r := v.rows[i]
	if r.kind == crTopic || r.kind == crOnlyHead {
		return 1
	}
	text, _, ok := v.body(i, right)
	if !ok {
		return 0
	}
	lw, rw := v.paneWidths()
	n := len(wrapSpans(text, max(10, pick(right, rw, lw)-2)))
	return 1 + max(1, min(v.rowText(), n))
}

// The rows, for the viewport: side by side one pane whose rows are as
// tall as the taller of their sides, stacked the two panes with each
// side's height.
func (v *compareView) rowCount() int { return len(v.rows) }

func (v *compareView) rowHeight(i, pane int) int {
	if v.stacked() {
		return v.sideHeight(i, pane == 1)
	}
	return max(v.sideHeight(i, false), v.sideHeight(i, true))
}

func (v *compareView) ensureVisible() {
	if len(v.rows) == 0 || v.height <= 0 {
		v.vp.top = 0
		return
	}
	v.cursor = max(0, min(v.cursor, len(v.rows)-1))
	v.vp.ensureVisible(v, v.cursor, v.cursor == v.firstSelectable())
}

// move selects the delta-th selectable row from the cursor.
func (v *compareView) move(delta int) {
	i := v.cursor
	for delta != 0 {
		step := pick(delta > 0, 1, -1)
		j := i + step
		for j >= 0 && j < len(v.rows) && !v.selectable(j) {
			j += step
		}
		if !v.selectable(j) {
			break
		}
		i = j
		delta -= step
	}
	v.cursor = i
	v.ensureVisible()
}

// scroll moves the window by delta rows, keeping the selection on it.
func (v *compareView) scroll(delta int) {
	if f, l, ok := v.vp.scroll(v, delta); ok {
		v.cursor = max(f, min(l, v.cursor))
	}
}

// pickTerms lists the terms the chooser offers: each side's distinctive
// terms of the comparison without a term filter.
func (v *compareView) pickTerms() []model.Term {
	return append(append([]model.Term(nil), v.base[0]...), v.base[1]...)
}

// Update implements view: the keys and the mouse while the compare view
// has the focus, and its comparisons.
func (v *compareView) Update(msg tea.Msg) (action, tea.Cmd) {
	if msg, ok := msg.(compareMsg); ok {
		v.applyCompare(msg)
		return nil, nil
	}
	switch v.handle(msg) {
	case compareBack:
		return goBack{}, nil
	case compareOpen:
		if id, ok := v.openable(); ok {
			return readStatement{id}, nil
		}
	case compareSplit, compareTerm:
		return nil, v.recompare() // a comparison still on its way is stale now
	}
	return nil, nil
}

// handle handles a key or a mouse event.
func (v *compareView) handle(msg tea.Msg) compareAction {
	k := v.keys
	if v.picking {
		return v.pickUpdate(msg, k)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if d, ok := k.step(msg, v.vp.page(v)); ok {
			v.move(d)
			return compareNone
		}
		switch {
		case key.Matches(msg, k.Top):
			v.cursor = v.firstSelectable()
			v.vp.top = 0
			v.ensureVisible()
		case key.Matches(msg, k.Bottom):
			v.cursor = len(v.rows) - 1
			v.move(0)
			if !v.selectable(v.cursor) {
				v.move(-1)
			}
		case key.Matches(msg, k.Focus):
			v.right = !v.right
		case key.Matches(msg, k.Open):
			if _, ok := v.openable(); ok {
				return compareOpen
			}
		case key.Matches(msg, k.Earlier):
			return v.moveSplit(-1)
		case key.Matches(msg, k.Later):
			return v.moveSplit(1)
		case key.Matches(msg, k.Split):
			if v.split.Time().Equal(model.Inauguration2025) {
				v.split = model.Split(model.DefaultSplit)
			} else {
				v.split = model.Split(model.Inauguration2025)
			}
			return compareSplit
		case key.Matches(msg, k.Terms):
			v.picking, v.pick, v.pickTop = true, 0, 0
			for i, t := range v.pickTerms() {
				if t.Key == v.term || t.Term == v.term {
					v.pick = i
				}
			}
		case key.Matches(msg, k.ClearTerm):
			v.term = ""
			return compareTerm
		case key.Matches(msg, k.Back):
			return compareBack
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			v.scroll(-3)
		case tea.MouseWheelDown:
			v.scroll(3)
		}
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return compareNone
		}
		i, right, ok := v.rowAt(msg.X, msg.Y-bodyTop)
		if !ok {
			return compareNone
		}
		same := i == v.cursor && right == v.right
		v.cursor, v.right = i, right
		v.ensureVisible()
		if _, has := v.focusedStatement(); same && has {
			return compareOpen
		}
	}
	return compareNone
}

// moveSplit moves the split by months, within the comparison's years.
func (v *compareView) moveSplit(months int) compareAction {
	t := v.split.Time().AddDate(0, months, 0)
	if !t.After(model.Inauguration2021) || t.After(model.Day(2026, time.January, 31)) {
		return compareNone
	}
	v.split = model.Split(t)
	return compareSplit
}

// rowAt finds the selectable row, and the pane, drawn at body line y and
// column x.
func (v *compareView) rowAt(x, y int) (int, bool, bool) {
	head := 2 + v.termLines()
	right := false
	lw, _ := v.paneWidths()
	if v.stacked() {
		top := v.height / 2
		if y >= top {
			right = true
			y -= top
		}
		head = 1 + v.termLines()
	} else {
		right = x > lw+1
	}
	y -= head
	if y < 0 {
		return 0, false, false
	}
	i, ok := v.vp.rowAt(v, pick(v.stacked() && right, 1, 0), y)
	return i, right, ok && v.selectable(i)
}

// pickArea returns the first line of the term chooser and how many
// terms it shows.
func (v *compareView) pickArea() (start, avail int) {
	start = 1 + v.termLines() + pick(v.stacked(), 0, 1)
	return start, max(1, v.height-start-2)
}

func (v *compareView) pickUpdate(msg tea.Msg, k compareKeys) compareAction {
	defer func() {
		_, avail := v.pickArea()
		v.pickTop = max(min(v.pickTop, v.pick), v.pick-avail+1, 0)
	}()
	terms := v.pickTerms()
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if w, ok := msg.(tea.MouseWheelMsg); ok {
			v.pick = max(0, min(len(terms)-1, v.pick+pick(w.Button == tea.MouseWheelUp, -1, 1)))
		}
		return compareNone
	}
	switch {
	case key.Matches(km, k.PickUp):
		v.pick = max(0, v.pick-1)
	case key.Matches(km, k.PickDown):
		v.pick = max(0, min(len(terms)-1, v.pick+1))
	case key.Matches(km, k.Choose):
		v.picking = false
		if v.pick < len(terms) {
			v.term = terms[v.pick].Term
			return compareTerm
		}
	case key.Matches(km, k.Cancel):
		v.picking = false
	}
	return compareNone
}

// UpdateKeys implements view: the bindings that apply now.
func (v *compareView) UpdateKeys() {
	k := &v.keys
	browsing := !v.picking
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.HalfUp, &k.HalfDown, &k.Top, &k.Bottom,
		&k.Focus, &k.Earlier, &k.Later, &k.Split, &k.Back} {
		b.SetEnabled(browsing)
	}
	_, has := v.openable()
	k.Open.SetEnabled(browsing && has)
	k.Terms.SetEnabled(browsing && len(v.base[0])+len(v.base[1]) > 0)
	k.ClearTerm.SetEnabled(browsing && v.term != "")
	k.Back.SetKeys(pick(v.term != "", []string{"c"}, []string{"esc", "c"})...)
	k.Back.SetHelp(pick(v.term != "", "c", "esc/c"), "timeline")
	if v.cmp != nil {
		k.Focus.SetHelp("tab", "focus the "+pick(v.right, v.cmp.Left.Short, v.cmp.Right.Short)+" pane")
	}
	k.Split.SetHelp("i", pick(v.split.Time().Equal(model.Inauguration2025), "split at the election", "split at the inauguration"))
	for _, b := range []*key.Binding{&k.PickUp, &k.PickDown, &k.Choose, &k.Cancel} {
		b.SetEnabled(v.picking)
	}
}

// splitName names the split: "2024-11-06 (election)".
func splitName(s model.Split) string {
	switch t := s.Time(); {
	case t.Equal(model.DefaultSplit):
		return s.String() + " (election)"
	case t.Equal(model.Inauguration2025):
		return s.String() + " (inauguration)"
	}
	return s.String()
}

func sideDays(s model.CompareSide) string {
	if s.To.IsZero() {
		return "from " + s.From.Format("2006-01-02")
	}
	return s.From.Format("2006-01-02") + " – " + s.To.Format("2006-01-02")
}

// View draws the two panes: exactly height lines of width columns.
func (v *compareView) View() string {
	if v.cmp == nil {
		out := []string{fit("  "+v.ctx.th.Dim.Render("Comparing the wording before and after the split…"), v.width)}
		for len(out) < v.height {
			out = append(out, strings.Repeat(" ", v.width))
		}
		return strings.Join(out[:v.height], "\n")
	}
	var out []string
	if v.stacked() {
		al, ar := v.areas()
		out = append(out, v.paneHeader(false, v.width)...)
		out = append(out, v.paneRows(false, v.width, al)...)
		out = append(out, v.paneHeader(true, v.width)...)
		out = append(out, v.paneRows(true, v.width, ar)...)
	} else {
		lw, rw := v.paneWidths()
		al, _ := v.areas()
		lh, rh := v.paneHeader(false, lw), v.paneHeader(true, rw)
		bar := v.ctx.th.YearRule.Render(" │ ")
		for k := range lh {
			out = append(out, lh[k]+bar+rh[k])
		}
		out = append(out, v.ctx.th.YearRule.Render(strings.Repeat("─", lw)+"─┼─"+strings.Repeat("─", rw)))
		out = append(out, v.sideBySideRows(lw, rw, al)...)
	}
	if v.picking {
		out = v.overlayPicker(out)
	}
	for len(out) < v.height {
		out = append(out, strings.Repeat(" ", v.width))
	}
	out = out[:max(0, v.height)]
	for i, l := range out {
		out[i] = fit(l, v.width)
	}
	return strings.Join(out, "\n")
}

// paneHeader renders a pane's label, days and count, and its distinctive
// terms (or why the side is empty).
func (v *compareView) paneHeader(right bool, w int) []string {
	th := v.ctx.th
	s := pick(right, v.cmp.Right, v.cmp.Left)
	st := pick(right, th.PaneRight, th.PaneLeft)
	label := st.Render(s.Label)
	if right == v.right {
		label = st.Reverse(true).Render(" " + s.Label + " ")
	}
	lead := pick(v.stacked(), th.YearRule.Render("─ "), "")
	room := w - lipgloss.Width(lead+label) - 1
	info := ""
	days := sideDays(s)
	end := days // the left side always starts on 2021-01-20
	if !s.To.IsZero() {
		end = "to " + s.To.Format("2006-01-02")
	}
	for _, cand := range []string{
		"  " + days + " · " + plural(len(s.IDs), "statement"),
		"  " + strings.ReplaceAll(days, " – ", "–") + " · " + plural(len(s.IDs), "statement"),
		"  " + strings.ReplaceAll(days, " – ", "–") + " · " + fmt.Sprint(len(s.IDs)),
		"  " + end + " · " + fmt.Sprint(len(s.IDs)),
		" · " + fmt.Sprint(len(s.IDs)),
	} {
		info = cand
		if lipgloss.Width(cand) <= room {
			break
		}
	}
	first := lead + label + th.Dim.Render(info)
	if v.stacked() {
		first += " " + th.YearRule.Render(strings.Repeat("─", max(0, w-lipgloss.Width(first)-1)))
	}
	lines := []string{fit(first, w)}
	n := v.termLines()
	var tl []string
	if len(s.IDs) == 0 {
		tl = wrapPlain(v.emptyReason(right), w-1, th.Warn)
	} else {
		tl = v.termsLines(s.Terms, w-1, n)
	}
	for k := 0; k < n; k++ {
		l := ""
		if k < len(tl) {
			l = " " + tl[k]
		}
		lines = append(lines, fit(l, w))
	}
	return lines
}

// emptyReason says why a side has no statements.
func (v *compareView) emptyReason(right bool) string {
	s := pick(right, v.cmp.Right, v.cmp.Left)
	switch {
	case v.term != "":
		return fmt.Sprintf("No statement on this side uses “%s” under these filters (esc clears the term).", v.term)
	case strings.HasPrefix(v.inputs, "filtered"):
		return "No statement on this side matches these filters (x in the timeline clears them)."
	}
	return fmt.Sprintf("No statement in this corpus falls on this side (%s).", sideDays(s))
}

func wrapPlain(text string, w int, st lipgloss.Style) []string {
	t := flatten(text)
	var out []string
	for _, sp := range wrapSpans(t, max(10, w)) {
		out = append(out, st.Render(t[sp[0]:sp[1]]))
	}
	return out
}

// termsLines lays the distinctive terms with their counts (uses on the
// left/right side) on up to n lines; the terms whose lean is not a clear
// difference (|z| < 1.96) follow a "not clear:" mark, dimmed.
func (v *compareView) termsLines(terms []model.Term, w, n int) []string {
	th := v.ctx.th
	if len(terms) == 0 {
		return []string{th.Dim.Render("no distinctive terms")}
	}
	var lines []string
	head := "terms:"
	if !terms[0].Clear() {
		head = "terms, none clear:"
	}
	cur, cw := th.Dim.Render(head), len([]rune(head))
	add := func(item string) {
		iw := lipgloss.Width(item)
		if cw+2+iw > w && cw > 0 {
			lines = append(lines, cur)
			cur, cw = "", -2
		}
		if cw >= 0 {
			cur += "  "
		}
		cur += item
		cw += 2 + iw
	}
	for k, t := range terms {
		if k > 0 && !t.Clear() && terms[k-1].Clear() {
			add(th.Dim.Render("· not clear:"))
		}
		name := pick(t.Clear(), th.Label, th.Dim).Render(t.Term)
		add(name + th.Dim.Render(fmt.Sprintf(" %d/%d", t.LeftCount, t.RightCount)))
		if len(lines) >= n {
			return lines[:n]
		}
	}
	return append(lines, cur)
}

// sideLines renders one side of row i in a pane of width w: exactly
// height(i) lines when pad is set.
func (v *compareView) sideLines(i int, right bool, w int) []string {
	th := v.ctx.th
	r := v.rows[i]
	switch r.kind {
	case crTopic:
		name := v.cmp.Pairs[r.ref].Topic
		if name == "" {
			name = "no shared topic"
		}
		l := th.YearRule.Render("── ") + th.Month.Render(name) + th.Dim.Render(" · "+plural(int(r.n), "pair")+", most similar first ")
		return []string{fit(l+th.YearRule.Render(strings.Repeat("─", max(0, w-lipgloss.Width(l)))), w)}
	case crOnlyHead:
		s := pick(right, v.cmp.Right, v.cmp.Left)
		ids := pick(right, v.cmp.UnpairedRight, v.cmp.UnpairedLeft)
		l := th.YearRule.Render("── ") + th.Month.Render(s.Label+", unpaired") + th.Dim.Render(fmt.Sprintf(" · %d ", len(ids)))
		return []string{fit(l+th.YearRule.Render(strings.Repeat("─", max(0, w-lipgloss.Width(l)))), w)}
	}
	id, ok := v.stmtAt(i, right)
	if !ok {
		return nil
	}
	s := v.ctx.c.Statements[id]
	sp := v.ctx.c.SpeakerInfo(s.Speaker)
	sel := i == v.cursor
	speaker := s.Speaker
	if speaker == model.UnknownSpeaker {
		speaker = "unknown speaker"
	}
	sim := ""
	if r.kind == crPair && (!right || v.stacked()) {
		p := v.cmp.Pairs[r.ref]
		sim = fmt.Sprintf("%.2f", p.Similarity) + pick(p.Weak(), " weak", "") + pick(p.Again, " again", "")
	}
	plain := "▸ " + pick(sim == "", "", sim+" ") + speaker + " " + affilTag(sp.Affiliation) + "  " + s.Date.Short()
	src := ""
	if room := min(20, w-lipgloss.Width(plain)-3); room >= 4 {
		src = cut(sourceLabel(v.ctx.c, s), room)
	}
	var meta string
	switch {
	case sel && right == v.right:
		meta = th.Selected.Render(spread(plain, src+" ", w))
	default:
		cur := pick(sel, th.Cursor.Render("▸")+" ", "  ")
		ds := pick(s.Date.Precision == model.PrecisionDay, th.Date, th.DateInferred)
		left := cur + pick(sim == "", "", th.Kind.Render(sim)+" ") + th.affil(sp.Affiliation).Render(speaker) + " " +
			th.Dim.Render(affilTag(sp.Affiliation)) + "  " + ds.Render(s.Date.Short())
		meta = spread(left, th.Source.Render(src)+" ", w)
	}
	lines := []string{meta}
	text, spans, _ := v.body(i, right)
	tw := max(10, w-2)
	wrapped := wrapSpans(text, tw)
	base := pick(r.kind == crPair, th.DiffShared, th.Text)
	for k := 0; k < len(wrapped) && k < v.rowText(); k++ {
		a, z := wrapped[k][0], wrapped[k][1]
		ell := ""
		if k == v.rowText()-1 && k < len(wrapped)-1 {
			for z > a && lipgloss.Width(text[a:z]) > tw-1 {
				_, n := utf8.DecodeLastRuneInString(text[a:z])
				z -= n
			}
			for z > a && text[z-1] == ' ' {
				z--
			}
			ell = th.Dim.Render("…")
		}
		lines = append(lines, fit("  "+styleRange(text, a, z, base, spans)+ell, w))
	}
	if len(wrapped) == 0 {
		lines = append(lines, fit("  "+th.Dim.Render("(no text)"), w))
	}
	return lines
}

// sideBySideRows draws the rows on screen, both sides on each line.
func (v *compareView) sideBySideRows(lw, rw, area int) []string {
	var out []string
	bar := v.ctx.th.YearRule.Render(" │ ")
	out = v.vp.draw(v, 0, func(i int) []string {
		if v.rows[i].kind == crTopic {
			return v.sideLines(i, false, v.width)[:1]
		}
		l, rr := v.sideLines(i, false, lw), v.sideLines(i, true, rw)
		lines := make([]string, 0, max(len(l), len(rr)))
		for k := 0; k < max(len(l), len(rr)); k++ {
			a, b := strings.Repeat(" ", lw), strings.Repeat(" ", rw)
			if k < len(l) {
				a = l[k]
			}
			if k < len(rr) {
				b = rr[k]
			}
			lines = append(lines, a+bar+b)
		}
		return lines
	})
	if len(v.rows) == 0 {
		out = append(out, "  "+v.ctx.th.Warn.Render("Nothing to compare: neither period has statements that match."))
	}
	if len(out) > area {
		out = out[:area]
	}
	for len(out) < area {
		out = append(out, strings.Repeat(" ", lw)+bar+strings.Repeat(" ", rw))
	}
	return out
}

// paneRows draws one stacked pane's rows on screen.
func (v *compareView) paneRows(right bool, w, area int) []string {
	out := v.vp.draw(v, pick(right, 1, 0), func(i int) []string { return v.sideLines(i, right, w) })
	if len(out) > area {
		out = out[:area]
	}
	for len(out) < area {
		out = append(out, strings.Repeat(" ", w))
	}
	return out
}

// overlayPicker draws the term chooser over the rows.
func (v *compareView) overlayPicker(out []string) []string {
	th := v.ctx.th
	terms := v.pickTerms()
	start, avail := v.pickArea()
	lines := []string{
		" " + th.Heading.Render("Filter both panes to statements using a term") + th.Dim.Render("  enter chooses · esc cancels"),
		" " + th.Label.Render(fmt.Sprintf("  %-28s %7s %7s %7s  %s", "term", "z", cut(v.cmp.Left.Short, 7), cut(v.cmp.Right.Short, 7), "leans")),
	}
	for k := v.pickTop; k < len(terms) && k < v.pickTop+avail; k++ {
		t := terms[k]
		lean := pick(t.Z >= 0, v.cmp.Left.Short, v.cmp.Right.Short) + pick(t.Clear(), "", " (|z| < 1.96: not clear)")
		row := fmt.Sprintf("%-28s %7.2f %7d %7d  %s", cut(t.Term, 28), t.Z, t.LeftCount, t.RightCount, lean)
		if k == v.pick {
			lines = append(lines, " "+th.Selected.Render("▸ "+row))
		} else {
			lines = append(lines, " "+"  "+th.Text.Render(row))
		}
	}
	for k, l := range lines {
		if start+k < len(out) {
			out[start+k] = l
		}
	}
	for k := start + len(lines); k < len(out); k++ {
		out[k] = ""
	}
	return out
}

// compareInputs names what a comparison is computed from, so that
// reopening the view on the same filters keeps its place.
func compareInputs(f model.Filter, split model.Split, term string) string {
	return fmt.Sprintf("%s|%+v|%s|%s", pick(f.IsZero(), "all", "filtered"), f, split.String(), term)
}

// compareCmd computes a comparison of the filtered statements.
func compareCmd(c *model.Corpus, f model.Filter, split model.Split, term string, gen int) tea.Cmd {
	inputs := compareInputs(f, split, term)
	return func() tea.Msg {
		ids := c.Query(f)
		if term != "" {
			ids = c.WithTerm(ids, term)
		}
		return compareMsg{gen: gen, inputs: inputs, cmp: c.Compare(ids, split, model.CompareOptions{LazyDiff: true})}
	}
}

// Open implements view: the compare view over the filtered timeline,
// computing the comparison when the filters changed since it was last
// shown.
func (v *compareView) Open() tea.Cmd {
	if v.cmp != nil && v.inputs == compareInputs(v.ctx.viewFilter(), v.split, v.term) {
		return nil
	}
	return v.recompare()
}

// recompare computes the comparison again: at once for a corpus small
// enough to do it within a frame, in a command otherwise.
func (v *compareView) recompare() tea.Cmd {
	x := v.ctx
	v.gen++
	v.pending = true
	cmd := compareCmd(x.c, x.viewFilter(), v.split, v.term, v.gen)
	if len(x.c.Statements) > x.syncLimit {
		return cmd
	}
	v.applyCompare(cmd().(compareMsg))
	return nil
}

func (v *compareView) applyCompare(msg compareMsg) {
	if msg.gen != v.gen {
		return // stale: a newer comparison is on its way
	}
	v.pending = false
	v.setComparison(msg.cmp, msg.inputs)
}

// Title implements view.
func (v *compareView) Title() string {
	return v.ctx.th.TitleDim.Render("compare · split " + splitName(v.split) + " ")
}

// ShortHelp implements help.KeyMap.
func (v *compareView) ShortHelp() []key.Binding { return v.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (v *compareView) FullHelp() [][]key.Binding { return v.keys.FullHelp() }

// HelpExtra implements view: the compare view's legend.
func (v *compareView) HelpExtra() ([]helpSection, []string) { return nil, compareLegend() }

// Status implements view: what is compared — the filters and term, the
// split, each side's count, the pairs, what was left out and the
// timeline's count — as much of it as fits, the least needed dropped
// first.
func (v *compareView) Status() string {
	m := v.ctx
	var parts []string
	if f := m.viewFilter(); !f.IsZero() {
		parts = append(parts, f.String())
	}
	if v.term != "" {
		parts = append(parts, "term: "+v.term)
	}
	left := pick(len(parts) == 0, "all statements", strings.Join(parts, " · "))
	if m.flash != "" {
		left = m.flash
	}
	shown := fmt.Sprintf("%d of %d statements", len(m.shown), len(m.c.Statements))
	var cands [][]string
	if v.cmp == nil {
		cands = [][]string{{"comparing…", shown}, {"comparing…"}}
	} else {
		c := v.cmp
		busy := pick(v.pending, "comparing… ", "")
		split := busy + "split " + v.split.String()
		sides := fmt.Sprintf("%s %d · %s %d", c.Left.Short, len(c.Left.IDs), c.Right.Short, len(c.Right.IDs))
		pairs := busy + plural(len(c.Pairs), "pair")
		out, outN := leftOutShort(c), ""
		if n := c.Undated + c.Earlier; n > 0 {
			outN = fmt.Sprintf("%d left out", n)
		}
		short := fmt.Sprintf("%d of %d", len(m.shown), len(m.c.Statements))
		// the panes' headers count each side and the title bar names the
		// split: those go first
		cands = [][]string{
			{split, sides, pairs, out, shown},
			{split, pairs, out, shown},
			{pairs, out, shown},
			{pairs, outN, short},
			{outN, short},
			{short},
		}
	}
	mouse := pick(m.mouse, "", "mouse off")
	var right string
	for _, c := range cands {
		right = strings.Join(nonEmpty(append(c, mouse)), " · ")
		if lipgloss.Width(right)+3+min(lipgloss.Width(left), 14) <= m.width {
			break
		}
	}
	return m.th.Status.Render(spread(" "+left, right+" ", m.width))
}

// leftOutShort is what the comparison left out, for the status line:
// "2 undated left out", "1 undated, 3 earlier left out", or "".
func leftOutShort(c *model.Comparison) string {
	var p []string
	if c.Undated > 0 {
		p = append(p, fmt.Sprintf("%d undated", c.Undated))
	}
	if c.Earlier > 0 {
		p = append(p, fmt.Sprintf("%d before 2021", c.Earlier))
	}
	if len(p) == 0 {
		return ""
	}
	return strings.Join(p, ", ") + " left out"
}

func nonEmpty(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// compareLegend explains the compare view's marks in its help.
func compareLegend() []string {
	return []string{
		"Sides: the statements before the split on the left, from it on the right. At the default split (2024-11-06, the day after the election) they are named before and after the election — the Biden administration's last weeks are on the right — and at the inauguration split (i) they are the Biden and Trump periods. Undated statements and those before 2021-01-20 are left out; the status line counts them.",
		"Rows: pairs of statements grouped by topic, most similar first (0.37: similarity 0–1; weak: below 0.15, few shared words; again: one of the two is also in a stronger pair above), then each side's unpaired statements. enter reads the focused statement, or the row's only one.",
		"Words: only in the left statement (colour, or italic without colour) · only in the right statement (colour, or underlined) · in both (bold).",
		"Terms: the words and phrases that most distinguish each side (weighted log-odds, Monroe et al. 2008); 11/0 is their uses on the left/right; those after “not clear” (or all, after “none clear”) have |z| < 1.96, below a clear difference. T filters both panes by one.",
	}
}
