package ui

// rowViewport is the window the timeline and the compare panes scroll:
// rows of different heights (a heading takes a line, a statement its
// wrapped text), some of which can be selected, drawn from top until the
// panes are full. Only the rows on screen are measured and drawn, so a
// frame costs the same with forty rows or a million; the view keeps its
// rows as it likes (the timeline as a slice of indices into the corpus)
// and tells the viewport their count, heights and which can be selected.
//
// A viewport has one pane or more, which show the same rows from the same
// top: the compare view stacked has two, and a row's height in each.
type rowViewport struct {
	top   int   // the first row on screen
	areas []int // each pane's lines
	// headroom is how many rows that cannot be selected (headings) right
	// above the selection come into view with it when it scrolls up to it
	headroom int
	// fill never leaves lines blank at the bottom while rows above are
	// hidden (for one pane)
	fill bool
}

// rowSource is what a viewport knows of its rows.
type rowSource interface {
	rowCount() int
	rowHeight(i, pane int) int
	selectable(i int) bool
}

// setAreas sets each pane's lines.
func (v *rowViewport) setAreas(lines ...int) { v.areas = append(v.areas[:0], lines...) }

// maxArea is the lines of the tallest pane.
func (v *rowViewport) maxArea() int {
	m := 0
	for _, a := range v.areas {
		m = max(m, a)
	}
	return m
}

// ensureVisible scrolls so that row cur, the selection, lies wholly in
// every pane, with the headings right above it when it comes from below
// the top; cur < 0 when nothing can be selected. first says that no row
// before cur can be selected: then the window starts at the first row.
func (v *rowViewport) ensureVisible(r rowSource, cur int, first bool) {
	n := r.rowCount()
	if n == 0 || v.maxArea() <= 0 {
		v.top = 0
		return
	}
	if cur < 0 {
		v.top = min(v.top, n-1)
		return
	}
	if cur < v.top {
		v.top = cur
		for k := 0; k < v.headroom && v.top > 0 && !r.selectable(v.top-1); k++ {
			v.top--
		}
	}
	if first {
		v.top = 0
	}
	// every row takes a line at least: skip what cannot be on screen
	// without measuring it
	if a := v.maxArea(); cur-v.top > a {
		v.top = cur - a
	}
	if v.top < cur {
		lines := make([]int, len(v.areas))
		for i := v.top; i <= cur; i++ {
			for p := range lines {
				lines[p] += r.rowHeight(i, p)
			}
		}
		for v.top < cur && !v.within(lines) {
			for p := range lines {
				lines[p] -= r.rowHeight(v.top, p)
			}
			v.top++
		}
	}
	if v.fill {
		v.top = min(v.top, v.maxTop(r))
	}
}

// within reports whether each pane's lines fit its area.
func (v *rowViewport) within(lines []int) bool {
	for p, l := range lines {
		if l > v.areas[p] {
			return false
		}
	}
	return true
}

// maxTop is the last row the window may start at: the first row from
// which every row to the end fits in the (first) pane, 0 when they all
// do. A window starting below it would leave lines blank with rows above
// hidden.
func (v *rowViewport) maxTop(r rowSource) int {
	n := r.rowCount()
	lines := 0
	for i := n - 1; i >= 0; i-- {
		lines += r.rowHeight(i, 0)
		if lines > v.areas[0] {
			return min(i+1, n-1)
		}
	}
	return 0
}

// visible returns the first and the last selectable rows wholly on
// screen in every pane (last < first when there are none).
func (v *rowViewport) visible(r rowSource) (first, last int) {
	first, last = -1, -2
	lines := make([]int, len(v.areas))
rows:
	for i := v.top; i < r.rowCount(); i++ {
		for p := range lines {
			if lines[p]+r.rowHeight(i, p) > v.areas[p] {
				break rows
			}
		}
		for p := range lines {
			lines[p] += r.rowHeight(i, p)
		}
		if r.selectable(i) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return 0, -1
	}
	return first, last
}

// page is how far a page key moves the selection: one less than the
// selectable rows wholly on screen, one at least.
func (v *rowViewport) page(r rowSource) int {
	f, l := v.visible(r)
	n := 0
	for i := f; i < l; i++ {
		if r.selectable(i) {
			n++
		}
	}
	return max(1, n)
}

// scroll moves the window by delta rows (as far as fill allows) and
// returns the selectable rows then wholly on screen, for the view to keep
// its selection among them (ok is false when there are none).
func (v *rowViewport) scroll(r rowSource, delta int) (first, last int, ok bool) {
	n := r.rowCount()
	if n == 0 {
		return 0, 0, false
	}
	end := n - 1
	if v.fill {
		end = v.maxTop(r)
	}
	v.top = max(0, min(end, v.top+delta))
	first, last = v.visible(r)
	return first, last, last >= first
}

// rowAt returns the row drawn at line y of a pane.
func (v *rowViewport) rowAt(r rowSource, pane, y int) (int, bool) {
	lines := 0
	for i := v.top; i < r.rowCount() && lines < v.areas[pane]; i++ {
		h := r.rowHeight(i, pane)
		if y >= lines && y < lines+h {
			return i, true
		}
		lines += h
	}
	return 0, false
}

// draw renders the rows on screen in a pane: render(i) gives row i's
// lines, and the lines stop where the pane ends (the last row may be cut).
func (v *rowViewport) draw(r rowSource, pane int, render func(i int) []string) []string {
	area := v.areas[pane]
	out := make([]string, 0, area)
	for i := v.top; i < r.rowCount() && len(out) < area; i++ {
		out = append(out, render(i)...)
	}
	if len(out) > area {
		out = out[:area]
	}
	return out
}
