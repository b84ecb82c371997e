package corpus

// window.go runs regular expressions only where they can match. Go's
// regexp has no literal prefix to skip ahead with when a pattern is
// case-insensitive or starts with \b, so a search walks every byte through
// the matcher: over a 4 KB article and a hundred patterns that was most of
// the loading time. A pattern here is searched in small windows around
// the literals every match must contain, and finds exactly what a search
// of the whole text would.

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"

	"github.com/quotetrail/quotetrail/model"
)

// windowRE is a regular expression with what is needed to search it in
// windows: the literals one of which every match contains and the longest
// match in bytes.
type windowRE struct {
	re *regexp.Regexp
	// lits are lower-case ASCII strings one of which every match contains
	// (one clause of cnf); nil when there are none (then the whole text is
	// searched).
	lits []string
	// cnf holds more of what every match contains: each clause lists
	// literals one of which is in every match. A window without some
	// clause's literals holds no match and is not searched.
	cnf [][]string
	// width bounds the length of a match in bytes; -1 when it is unbounded
	// or a pattern's anchors make windows unsafe.
	width int
	// dotFree: no match holds a full stop (and the pattern has no
	// anchors), so an unbounded one ("Biden[^.]*summit") still lies in
	// the stretch between two full stops around its anchor
	dotFree bool
}

// compileWindowRE compiles expr for windowed search.
func compileWindowRE(expr string) (*windowRE, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	w := &windowRE{re: re, width: -1}
	if tree, err := syntax.Parse(expr, syntax.Perl); err == nil {
		w.width = maxWidth(tree)
		w.dotFree = !matchesDot(tree)
		for _, clause := range requiredCNF(tree) {
			if slices.ContainsFunc(clause, func(l string) bool { return !isASCII(l) }) {
				continue // asciiLower leaves it as it is; dropping a clause only weakens the filter
			}
			w.cnf = append(w.cnf, clause)
		}
		// the anchors: the clause whose shortest literal is longest, as
		// a guess at the rarest
		for _, clause := range w.cnf {
			if w.lits == nil || shortest(clause) > shortest(w.lits) {
				w.lits = clause
			}
		}
	}
	return w, nil
}

func mustWindowRE(expr string) *windowRE {
	w, err := compileWindowRE(expr)
	if err != nil {
		panic(err)
	}
	return w
}

// windowed reports whether searches of text can use windows; otherwise
// they fall back to the whole text.
func (w *windowRE) windowed(text string) bool {
	return w.lits != nil && w.width >= 0 && !hasFoldTrap(text)
}

// each calls fn with the submatch indexes of each match in text, in
// order, exactly as FindAllStringSubmatchIndex(text, -1) would give them,
// until fn returns false. lower is asciiLower(text).
func (w *windowRE) each(text, lower string, fn func(ix []int) bool) {
	if !w.windowed(text) || len(lower) != len(text) {
		if w.lits != nil && len(lower) == len(text) && !hasFoldTrap(text) && !satisfies(lower, append([][]string{w.lits}, w.cnf...)) {
			return // an unbounded pattern, but its literals are not there
		}
		for _, ix := range w.re.FindAllStringSubmatchIndex(text, -1) {
			if !fn(ix) {
				return
			}
		}
		return
	}
	windows := windowsAround(text, literalSpans(lower, w.lits), w.width)
	kept := windows[:0]
	for _, win := range windows {
		if satisfies(lower[win.Start:win.End], w.cnf) {
			kept = append(kept, win)
		}
	}
	eachInWindows(w.re, text, kept, fn)
}

// mayMatch reports whether s may hold a match: it holds one of the
// literals every match contains (in any ASCII case), or the pattern has
// none, or s has a character only the matcher folds.
func (w *windowRE) mayMatch(s string) bool {
	return w.lits == nil || hasFoldTrap(s) || hasKey(s, w.lits)
}

// matchesDot reports whether a match of re can hold a full stop, or re
// has an anchor (either way, dot-free windows are not safe).
func matchesDot(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return slices.Contains(re.Rune, '.')
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= '.' && '.' <= re.Rune[i+1] {
				return true
			}
		}
		return false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return true
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return false
	}
	for _, sub := range re.Sub {
		if matchesDot(sub) {
			return true
		}
	}
	return false
}

// dotWindows returns the stretches between full stops (or the text's
// ends) that hold the spans occ, merged, appended to out.
func dotWindows(out []model.Span, text string, occ []model.Span) []model.Span {
	for _, o := range occ {
		if n := len(out); n > 0 && o.Start < out[n-1].End {
			continue
		}
		a := strings.LastIndexByte(text[:o.Start], '.') + 1
		b := len(text)
		if k := strings.IndexByte(text[o.End:], '.'); k >= 0 {
			b = o.End + k
		}
		out = append(out, model.Span{Start: a, End: b})
	}
	return out
}

// satisfies reports whether s holds a literal of every clause.
func satisfies(s string, cnf [][]string) bool {
	for _, clause := range cnf {
		if !slices.ContainsFunc(clause, func(l string) bool { return strings.Contains(s, l) }) {
			return false
		}
	}
	return true
}

// maxClauses bounds the clauses requiredCNF keeps for an alternation.
const maxClauses = 32

// requiredCNF returns clauses of lower-case literals such that every
// match of re contains a literal of each clause; nil when it knows none.
// It only ever filters: the regexp decides.
func requiredCNF(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) >= 3 {
			return [][]string{{strings.ToLower(string(re.Rune))}}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredCNF(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredCNF(re.Sub[0])
		}
	case syntax.OpConcat:
		var out [][]string
		for _, sub := range re.Sub {
			out = append(out, requiredCNF(sub)...)
		}
		return out
	case syntax.OpAlternate:
		// A match is a match of one branch, so for any choice of one
		// clause per branch it holds a literal of their union.
		var acc [][]string
		for i, sub := range re.Sub {
			c := requiredCNF(sub)
			if len(c) == 0 {
				return nil
			}
			if i == 0 {
				acc = c
				continue
			}
			var next [][]string
			for _, a := range acc {
				for _, b := range c {
					if len(next) < maxClauses {
						next = append(next, append(slices.Clip(a), b...))
					}
				}
			}
			acc = next
		}
		return acc
	}
	return nil
}

// eachInWindows runs re in each window of text and calls fn with the
// match indexes shifted to text, until fn returns false. The windows must
// be in order, disjoint and cut where windowsAround cuts them.
func eachInWindows(re *regexp.Regexp, text string, windows []model.Span, fn func(ix []int) bool) {
	shift := func(ix []int, by int) []int {
		for k := range ix {
			if ix[k] >= 0 {
				ix[k] += by
			}
		}
		return ix
	}
	for _, win := range windows {
		// all the matches at once: a window is small, and the callers
		// that stop at the first are few (searching for the first alone
		// and then for all found the first twice)
		for _, ix := range re.FindAllStringSubmatchIndex(text[win.Start:win.End], -1) {
			if !fn(shift(ix, win.Start)) {
				return
			}
		}
	}
}

// literalSpans returns where each of lits occurs in lower, in text order.
func literalSpans(lower string, lits []string) []model.Span {
	var out []model.Span
	for _, l := range lits {
		if l == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(lower[i:], l)
			if j < 0 {
				break
			}
			out = append(out, model.Span{Start: i + j, End: i + j + len(l)})
			i += j + 1
		}
	}
	if len(lits) > 1 {
		sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	}
	return out
}

// windowsAround returns the stretches of text within width bytes of the
// spans in occ (sorted by start), merged when they touch and widened to
// safe cuts: the byte before a window and the byte after it are ASCII and
// not word characters (or the text ends there). At such a cut \b and rune
// decoding see the same as in the whole text, so a pattern without ^ or $
// finds in the windows exactly the matches it finds in the text, as long
// as each match contains one of the spans and is at most width long.
func windowsAround(text string, occ []model.Span, width int) []model.Span {
	return windowsAroundInto(nil, text, occ, width)
}

// windowsAroundInto is windowsAround appending to out.
func windowsAroundInto(out []model.Span, text string, occ []model.Span, width int) []model.Span {
	for _, o := range occ {
		a, b := max(0, o.Start-width), min(len(text), o.End+width)
		if n := len(out); n > 0 && a <= out[n-1].End {
			if b > out[n-1].End {
				out[n-1].End = widenRight(text, b)
			}
			continue
		}
		floor := 0
		if n := len(out); n > 0 {
			floor = out[n-1].End
		}
		a = widenLeft(text, a, floor)
		if n := len(out); n > 0 && a <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, widenRight(text, b))
			continue
		}
		out = append(out, model.Span{Start: a, End: widenRight(text, b)})
	}
	return out
}

// widenLeft moves a back to a safe cut, stopping at floor (the end of the
// window before, itself a safe cut).
func widenLeft(text string, a, floor int) int {
	for a > floor && !safeCut(text[a-1]) {
		a--
	}
	return a
}

func widenRight(text string, b int) int {
	for b < len(text) && !safeCut(text[b]) {
		b++
	}
	return b
}

// safeCut reports whether a window may end just before (or start just
// after) byte c: an ASCII byte that is not a word character.
func safeCut(c byte) bool { return c < 0x80 && !isWordByte(c) }

// isWordByte reports whether c is a word character for \b.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// asciiLower lowers A–Z and leaves every other byte alone, so offsets in
// the result are offsets in s.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// asciiContainsFold reports whether asciiLower(s) contains sub (lower
// case ASCII), without lowering s.
func asciiContainsFold(s, sub string) bool {
	if len(sub) == 0 {
		return true
	}
	c0, C0 := sub[0], sub[0]
	if 'a' <= c0 && c0 <= 'z' {
		C0 -= 'a' - 'A'
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if c := s[i]; c != c0 && c != C0 {
			continue
		}
		j := 1
		for ; j < len(sub); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// hasFoldTrap reports whether s holds a rune that case-insensitive
// matching folds to an ASCII letter (the Kelvin sign to k, the long s to
// s): asciiLower does not see those, so windows could miss a match.
func hasFoldTrap(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// maxWidth bounds the bytes a match of re can span, or -1 when it cannot
// be bounded or re has a line or text anchor (a window edge would look
// like the start of the text to ^).
func maxWidth(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		return 4 * len(re.Rune) // folding may match a rune of another width
	case syntax.OpCharClass, syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return 4
	case syntax.OpCapture, syntax.OpQuest:
		return maxWidth(re.Sub[0])
	case syntax.OpRepeat:
		w := maxWidth(re.Sub[0])
		if re.Max < 0 || w < 0 {
			return -1
		}
		return w * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			w := maxWidth(sub)
			if w < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += w
			} else {
				total = max(total, w)
			}
		}
		return total
	}
	return -1 // star, plus, anchors
}

// fourDigitRuns returns the runs of four or more ASCII digits in text:
// every numeric date and every year contains one.
func fourDigitRuns(text string) []model.Span {
	var out []model.Span
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && '0' <= text[j] && text[j] <= '9' {
			j++
		}
		if j-i >= 4 {
			out = append(out, model.Span{Start: i, End: j})
		}
		i = j
	}
	return out
}

// shortest is the length of the shortest string in l.
func shortest(l []string) int {
	n := -1
	for _, s := range l {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// litIndex finds many literals in one pass over a text: the anchors of
// every pattern of a table, so that a table of a few hundred patterns
// costs one walk over the text rather than one search per pattern. It is
// built once per table and read by many goroutines.
type litIndex struct {
	lits []string // lower-case, at least three bytes
	// first[c]: some literal starts with byte c
	first [256]bool
	// used has bit k set when some literal's hash is k: a small bitmap
	// read for every byte of a text, before start
	used [litBuckets / 64]uint64
	// ids lists literal ids by a hash of their first three bytes;
	// start[k] and start[k+1] bound those whose hash is k.
	ids   []uint16
	start []uint32
}

const litBuckets = 1 << 16

// litHash buckets the three bytes at s[i:].
func litHash(s string, i int) int {
	return (int(s[i])*0x9E3 ^ int(s[i+1])*0x3B ^ int(s[i+2])<<5 ^ int(s[i])<<11) & (litBuckets - 1)
}

// newLitIndex indexes lits (lower-case; shorter than three bytes are left
// out and never found). It returns nil for more literals than it holds.
func newLitIndex(lits []string) *litIndex {
	if len(lits) >= 1<<16 {
		return nil
	}
	x := &litIndex{lits: lits, start: make([]uint32, litBuckets+1)}
	for _, l := range lits {
		if len(l) >= 3 {
			k := litHash(l, 0)
			x.start[k]++
			x.first[l[0]] = true
			x.used[k/64] |= 1 << (k % 64)
		}
	}
	var sum uint32
	for k := range litBuckets {
		n := x.start[k]
		x.start[k] = sum
		sum += n
	}
	x.start[litBuckets] = sum
	x.ids = make([]uint16, sum)
	fill := slices.Clone(x.start)
	for id, l := range lits {
		if len(l) >= 3 {
			k := litHash(l, 0)
			x.ids[fill[k]] = uint16(id)
			fill[k]++
		}
	}
	return x
}

// litHits are the occurrences of an index's literals in one text, grouped
// by literal: at[off[id]:off[id+1]] are the starts of literal id.
type litHits struct {
	off []int32
	at  []int32
	// trap: the text holds a rune case folding turns into an ASCII
	// letter, which the lower-case copy does not show (hasFoldTrap)
	trap bool
	// scratch for the spans and windows of one search at a time
	scratch *[2][]model.Span
}

// find returns every occurrence of every literal in lower.
func (x *litIndex) find(lower string) litHits {
	type hit struct{ id, pos int32 }
	var hits []hit
	for i := 0; i+2 < len(lower); i++ {
		if !x.first[lower[i]] {
			continue
		}
		k := litHash(lower, i)
		if x.used[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		a, b := x.start[k], x.start[k+1]
		if a == b {
			continue
		}
		for _, id := range x.ids[a:b] {
			if l := x.lits[id]; strings.HasPrefix(lower[i:], l) {
				hits = append(hits, hit{int32(id), int32(i)})
			}
		}
	}
	h := litHits{off: make([]int32, len(x.lits)+1), trap: hasFoldTrap(lower), scratch: new([2][]model.Span)}
	if len(hits) == 0 {
		return h
	}
	for _, t := range hits {
		h.off[t.id+1]++
	}
	for k := 1; k < len(h.off); k++ {
		h.off[k] += h.off[k-1]
	}
	h.at = make([]int32, len(hits))
	fill := slices.Clone(h.off[:len(x.lits)])
	for _, t := range hits { // in text order, so each literal's list is sorted
		h.at[fill[t.id]] = t.pos
		fill[t.id]++
	}
	return h
}

// any reports whether one of the literals ids occurs.
func (h litHits) any(ids []int) bool {
	for _, id := range ids {
		if h.off[id+1] > h.off[id] {
			return true
		}
	}
	return false
}

// spans returns the occurrences of the literals ids (lengths from x), in
// text order, in h's scratch space: valid until the next call.
func (h litHits) spans(x *litIndex, ids []int) []model.Span {
	out := h.scratch[0][:0]
	defer func() { h.scratch[0] = out }()
	for _, id := range ids {
		n := len(x.lits[id])
		for _, p := range h.at[h.off[id]:h.off[id+1]] {
			out = append(out, model.Span{Start: int(p), End: int(p) + n})
		}
	}
	if len(ids) > 1 {
		slices.SortFunc(out, func(a, b model.Span) int { return a.Start - b.Start })
	}
	return out
}

// indexed is a windowRE whose anchors are literals of a litIndex.
type indexed struct {
	*windowRE
	ids []int // the ids of w.lits in the index
	// ok: the anchors are all in the index (three bytes or more)
	ok bool
}

// litTable collects the anchors of many windowREs into one litIndex.
type litTable struct {
	lits []string
	ids  map[string]int
}

// add registers w's anchors and returns it with their ids.
func (t *litTable) add(w *windowRE) indexed {
	if t.ids == nil {
		t.ids = map[string]int{}
	}
	x := indexed{windowRE: w, ok: w.lits != nil && !slices.ContainsFunc(w.lits, func(l string) bool { return len(l) < 3 })}
	for _, l := range w.lits {
		id, ok := t.ids[l]
		if !ok {
			id = len(t.lits)
			t.ids[l] = id
			t.lits = append(t.lits, l)
		}
		x.ids = append(x.ids, id)
	}
	return x
}

// eachIndexed is w.each with the anchors' occurrences taken from hits (of
// the index x built with w's anchors, found in lower, asciiLower(text))
// instead of a search of their own; hits.trap is hasFoldTrap(text).
func (w indexed) eachIndexed(x *litIndex, hits litHits, text, lower string, fn func(ix []int) bool) {
	if x == nil || !w.ok || hits.off == nil || hits.trap || len(lower) != len(text) {
		w.each(text, lower, fn)
		return
	}
	if !hits.any(w.ids) {
		return // no anchor: no match
	}
	var windows []model.Span
	switch {
	case w.lits != nil && w.width >= 0: // w.windowed(text), knowing hits.trap
		windows = windowsAroundInto(hits.scratch[1][:0], text, hits.spans(x, w.ids), w.width)
	case w.dotFree:
		windows = dotWindows(hits.scratch[1][:0], text, hits.spans(x, w.ids))
	default:
		w.each(text, lower, fn) // unbounded: the whole text
		return
	}
	kept := windows[:0]
	for _, win := range windows {
		if satisfies(lower[win.Start:win.End], w.cnf) {
			kept = append(kept, win)
		}
	}
	hits.scratch[1] = windows
	eachInWindows(w.re, text, kept, fn)
}
