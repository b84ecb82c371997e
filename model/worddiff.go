package model

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Word-level difference of two statements.
//
// Each text is cut into display words at white space; punctuation stays
// attached to its word ("dialogue," “We) so the runs read as written, and a
// word glued to another by punctuation only ("And“We") is cut at the
// opening quote. Words are aligned on their normal form — lower-cased
// letters and digits only — so "Dialogue," and "dialogue." are the same
// word. Each distinct normal form becomes one rune (as DiffLinesToRunes does
// for lines) and go-diff aligns the rune strings. A shared run made only of
// stop words ("the", "of a") between two changes is folded into the change,
// so the result reads as phrases rather than confetti, while a shared
// content word ("dialogue") stays marked as shared however short.

// WordDiff returns the word-level difference between a (left) and b
// (right) as runs: '=' words in both, '-' words only in a, '+' words only in
// b. Runs hold the words as written (for '=' runs, a's spelling, with b's in
// Alt when it differs) and no surrounding white space: join runs with one
// space to read them. Nil when both texts are empty.
func WordDiff(a, b string) []DiffOp {
	ta, tb := diffTokens(a), diffTokens(b)
	if len(ta) == 0 && len(tb) == 0 {
		return nil
	}
	segs := alignWords(ta, tb)
	// A shared run of nothing but stop words between two changes ("the",
	// "of a") is confetti: fold it into the change around it.
	weak := func(sg wseg) bool {
		for _, t := range ta[sg.a0:sg.a1] {
			if !t.stop {
				return false
			}
		}
		return true
	}
	kept := func(k int) bool {
		return segs[k].eq && (k == 0 || k+1 == len(segs) || !weak(segs[k]))
	}
	var ops []DiffOp
	emit := func(op byte, text, right string) {
		if text == "" {
			return
		}
		ops = append(ops, DiffOp{Op: op, Text: text, Alt: right})
	}
	for k := 0; k < len(segs); {
		if kept(k) {
			sg := segs[k]
			emit('=', joinTokens(a, ta[sg.a0:sg.a1]), joinTokens(b, tb[sg.b0:sg.b1]))
			k++
			continue
		}
		// a change block up to the next kept equality: left words, then right words
		j := k
		for j < len(segs) && !kept(j) {
			j++
		}
		emit('-', joinTokens(a, ta[segs[k].a0:segs[j-1].a1]), "")
		emit('+', joinTokens(b, tb[segs[k].b0:segs[j-1].b1]), "")
		k = j
	}
	for k := range ops {
		if ops[k].Op != '=' || ops[k].Alt == ops[k].Text {
			ops[k].Alt = ""
		}
	}
	return ops
}

// wseg is a stretch of an alignment: left tokens [a0, a1) and right tokens
// [b0, b1), the same words (eq) or a change.
type wseg struct {
	eq             bool
	a0, a1, b0, b1 int
}

// alignWords aligns two token sequences in two passes. Content words are
// aligned first, on their own, so that a shared "dialogue" or "issues"
// wins over a longer run of shared "the", "a", "and" — the longest common
// subsequence of whole sentences is mostly stop words. Between those
// anchors the full sequences are aligned, which lines up the stop words of
// shared phrases ("ready for dialogue").
func alignWords(ta, tb []dtok) []wseg {
	codes := codesPool.Get().(map[string]rune)
	defer func() {
		clear(codes)
		codesPool.Put(codes)
	}()
	code := func(t dtok) rune {
		r, ok := codes[t.norm]
		if !ok {
			r = wordRune(len(codes))
			codes[t.norm] = r
		}
		return r
	}
	ra, rb := make([]rune, len(ta)), make([]rune, len(tb))
	var ca, cb []int // token indices of content words
	var cra, crb []rune
	for i, t := range ta {
		ra[i] = code(t)
		if !t.stop {
			ca = append(ca, i)
			cra = append(cra, ra[i])
		}
	}
	for i, t := range tb {
		rb[i] = code(t)
		if !t.stop {
			cb = append(cb, i)
			crb = append(crb, rb[i])
		}
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // exact and deterministic; statements are short

	// anchors: content words aligned with each other, plus an end sentinel
	type anchor struct{ a, b int }
	var anchors []anchor
	x, y := 0, 0
	for _, d := range dmp.DiffMainRunes(cra, crb, false) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			x += n
		case diffmatchpatch.DiffInsert:
			y += n
		default:
			for k := 0; k < n; k++ {
				anchors = append(anchors, anchor{ca[x+k], cb[y+k]})
			}
			x += n
			y += n
		}
	}
	anchors = append(anchors, anchor{len(ta), len(tb)})

	var segs []wseg
	add := func(sg wseg) {
		if sg.a0 == sg.a1 && sg.b0 == sg.b1 {
			return
		}
		if n := len(segs); n > 0 && segs[n-1].eq == sg.eq {
			segs[n-1].a1, segs[n-1].b1 = sg.a1, sg.b1
			return
		}
		segs = append(segs, sg)
	}
	pa, pb := 0, 0
	for _, an := range anchors {
		i, j := pa, pb
		for _, d := range dmp.DiffMainRunes(ra[pa:an.a], rb[pb:an.b], false) {
			n := utf8.RuneCountInString(d.Text)
			switch d.Type {
			case diffmatchpatch.DiffDelete:
				add(wseg{false, i, i + n, j, j})
				i += n
			case diffmatchpatch.DiffInsert:
				add(wseg{false, i, i, j, j + n})
				j += n
			default:
				add(wseg{true, i, i + n, j, j + n})
				i += n
				j += n
			}
		}
		if an.a < len(ta) {
			add(wseg{true, an.a, an.a + 1, an.b, an.b + 1})
		}
		pa, pb = an.a+1, an.b+1
	}
	return segs
}

// codesPool holds the maps alignWords numbers words with.
var codesPool = sync.Pool{New: func() any { return map[string]rune{} }}

// DiffSide returns the runs one pane shows: side '-' gives the left text
// ('=' and '-' runs), side '+' the right text ('=' runs in the right's own
// spelling, and '+' runs).
func DiffSide(ops []DiffOp, side byte) []DiffOp {
	var out []DiffOp
	for _, op := range ops {
		switch op.Op {
		case side:
			out = append(out, op)
		case '=':
			if side == '+' && op.Alt != "" {
				op.Text = op.Alt
			}
			op.Alt = ""
			out = append(out, op)
		}
	}
	return out
}

// diffStop is contentStop in the normal form words are aligned on.
var diffStop = func() map[string]bool {
	m := make(map[string]bool, len(contentStop))
	for w := range contentStop {
		m[normWordForm(w)] = true
	}
	return m
}()

// wordRune is the rune standing for the n-th distinct word: the Private
// Use Area, then the supplementary private planes — never a surrogate,
// never a character go-diff's clean-up treats as a boundary.
func wordRune(n int) rune {
	if n < 0x1900 {
		return rune(0xE000 + n)
	}
	return rune(0xF0000 + n - 0x1900)
}

// dtok is a display word: text[start:end] with its punctuation, and the
// normal form it is aligned on.
type dtok struct {
	start, end int
	norm       string
	stop       bool // a stop word (not an acronym in capitals: "US" is not "us")
}

// diffTokens cuts text into display words.
func diffTokens(text string) []dtok {
	var toks []dtok
	var cores [][2]int
	pending := -1 // start of punctuation with no word yet, carried to the next word
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		// a chunk: up to the next white space
		cs := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += size
		}
		ce := i
		cores = wordCores(text[cs:ce], cores[:0])
		if len(cores) == 0 {
			switch {
			case len(toks) > 0:
				toks[len(toks)-1].end = ce
			case pending < 0:
				pending = cs
			}
			continue
		}
		for k, c := range cores {
			var start int
			if k == 0 {
				start = cs
				if pending >= 0 {
					start = pending
					pending = -1
				}
			} else {
				start = cs + gapCut(text[cs:ce], cores[k-1][1], c[0])
			}
			end := ce
			if k+1 < len(cores) {
				end = cs + gapCut(text[cs:ce], c[1], cores[k+1][0])
			}
			core := text[cs+c[0] : cs+c[1]]
			norm := normWordForm(core)
			stop := diffStop[norm] && !(len(norm) >= 2 && isUpperWord(strings.ReplaceAll(core, ".", "")))
			toks = append(toks, dtok{start: start, end: end, norm: norm, stop: stop})
		}
	}
	if pending >= 0 && len(toks) == 0 {
		// punctuation only: one token aligned on itself
		toks = append(toks, dtok{start: pending, end: len(text), norm: strings.TrimSpace(text[pending:])})
	}
	return toks
}

// wordCores appends to out the word parts of a chunk: runs of letters and
// digits, with an apostrophe, period, comma or hyphen between two of them
// kept inside ("U.S.", "d'etat", "22,000", "President-elect").
func wordCores(chunk string, out [][2]int) [][2]int {
	start := -1
	last := 0 // end of the last word rune
	for i, r := range chunk {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			last = i + utf8.RuneLen(r)
			continue
		}
		if start >= 0 && i == last && strings.ContainsRune("'’.,-‐", r) {
			if r2, _ := utf8.DecodeRuneInString(chunk[i+utf8.RuneLen(r):]); isWordRune(r2) {
				continue
			}
		}
		if start >= 0 {
			out = append(out, [2]int{start, last})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, last})
	}
	return out
}

// gapCut says where punctuation between two words of one chunk divides:
// before the first opening mark (it belongs to the next word), else all
// of it stays with the previous word.
func gapCut(chunk string, from, to int) int {
	for i, r := range chunk[from:to] {
		if strings.ContainsRune("“‘\"«([{„", r) {
			return from + i
		}
	}
	return to
}

// normWordForm is the form words are aligned on: lower-cased letters and
// digits.
func normWordForm(w string) string {
	ascii, same := true, true
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case c >= utf8.RuneSelf:
			ascii, same = false, false
		default:
			same = false
		}
	}
	if same {
		return w
	}
	if ascii && len(w) <= 64 {
		var buf [64]byte
		n := 0
		for i := 0; i < len(w); i++ {
			switch c := w[i]; {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				buf[n] = c
				n++
			case 'A' <= c && c <= 'Z':
				buf[n] = c + 'a' - 'A'
				n++
			}
		}
		return string(buf[:n])
	}
	var b strings.Builder
	for _, r := range w {
		if isWordRune(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// joinTokens writes the words as in text, with each run of white space
// between two of them as one space.
func joinTokens(text string, toks []dtok) string {
	var b strings.Builder
	for k, t := range toks {
		if k > 0 && t.start > toks[k-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(text[t.start:t.end])
	}
	return b.String()
}
