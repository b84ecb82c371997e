package ui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Text helpers shared by the views: word wrapping that keeps byte offsets
// (so spans into a document can be styled after wrapping), styling byte
// ranges, and fitting a line to a width.

// flatten returns s with every control character (newlines, tabs) turned
// into a space of the same byte length, so offsets into s stay valid.
func flatten(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) < 0 {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c < ' ' || c == 0x7f {
			b[i] = ' '
		}
	}
	return string(b)
}

// wrapSpans word-wraps s (one paragraph, already flattened) to width
// columns and returns each line as a byte range into s, leading and
// trailing spaces dropped. Words wider than the line are broken.
func wrapSpans(s string, width int) [][2]int {
	if width < 1 {
		width = 1
	}
	var lines [][2]int
	i := 0
	for i < len(s) {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i >= len(s) {
			break
		}
		start, end, w := i, i, 0
		j := i
		for j < len(s) {
			// next word [j, k)
			k := j
			for k < len(s) && s[k] != ' ' {
				k++
			}
			ww := ansi.StringWidth(s[j:k])
			gap := 0
			if end > start {
				gap = ansi.StringWidth(s[end:j])
			}
			if w+gap+ww <= width {
				w += gap + ww
				end = k
				j = k
				for j < len(s) && s[j] == ' ' {
					j++
				}
				continue
			}
			if end == start { // a word wider than the line: break it
				end = j
				for end < k {
					r, n := utf8.DecodeRuneInString(s[end:])
					rw := ansi.StringWidth(string(r))
					if w+rw > width && end > j {
						break
					}
					w += rw
					end += n
				}
			}
			break
		}
		lines = append(lines, [2]int{start, end})
		i = end
	}
	return lines
}

// span is a styled byte range.
type span struct {
	start, end int
	style      lipgloss.Style
}

// styleRange renders s[from:to] with base, overlaid by the spans (byte
// offsets into s; later spans win where they overlap).
func styleRange(s string, from, to int, base lipgloss.Style, spans []span) string {
	if len(spans) == 0 {
		return base.Render(s[from:to])
	}
	// cut points
	cuts := []int{from, to}
	for _, sp := range spans {
		if sp.end <= from || sp.start >= to {
			continue
		}
		cuts = append(cuts, max(sp.start, from), min(sp.end, to))
	}
	sort.Ints(cuts)
	var b strings.Builder
	for i := 0; i+1 < len(cuts); i++ {
		a, z := cuts[i], cuts[i+1]
		if a >= z {
			continue
		}
		st := base
		for _, sp := range spans {
			if sp.start <= a && z <= sp.end {
				st = sp.style
			}
		}
		b.WriteString(st.Render(s[a:z]))
	}
	return b.String()
}

// wordMatches returns the byte ranges of the words in s that start with
// one of the (lower-case) prefixes, using the search index's notion of a
// word (letters, digits, inner apostrophes).
func wordMatches(s string, prefixes []string) [][2]int {
	if len(prefixes) == 0 {
		return nil
	}
	var out [][2]int
	start := -1
	check := func(end int) {
		w := strings.ToLower(strings.ReplaceAll(s[start:end], "’", "'"))
		for _, p := range prefixes {
			if strings.HasPrefix(w, p) {
				out = append(out, [2]int{start, end})
				return
			}
		}
	}
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '\'' || r == '’') && start >= 0)
		if word && start < 0 {
			start = i
		}
		if !word && start >= 0 {
			check(i)
			start = -1
		}
	}
	if start >= 0 {
		check(len(s))
	}
	return out
}

// fit cuts a rendered line to width columns (with an ellipsis) or pads it
// with spaces to exactly width.
func fit(s string, width int) string {
	w := ansi.StringWidth(s)
	if w > width {
		return ansi.Truncate(s, width, "…")
	}
	return s + strings.Repeat(" ", width-w)
}

// cut truncates plain text to width columns with an ellipsis.
func cut(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// spread puts left and right on one line of width columns, cutting the
// left side when both do not fit.
func spread(left, right string, width int) string {
	rw := ansi.StringWidth(right)
	if rw >= width {
		return fit(right, width)
	}
	lw := width - rw - 1
	l := left
	if ansi.StringWidth(l) > lw {
		l = ansi.Truncate(l, lw, "…")
	}
	return l + strings.Repeat(" ", width-ansi.StringWidth(l)-rw) + right
}
