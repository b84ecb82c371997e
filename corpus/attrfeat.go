package corpus

import (
	"github.com/quotetrail/quotetrail/corpus/internal/learn"
)

// Features of the two learned taggers. Each feature is a template (a
// letter) and its parts, hashed; the names below are what a reader of the
// model sees in a statement's rules ("cue:model said (w=said, next=that)").
//
// The cue tagger reads one sentence and tags each token O, B (a speech cue
// begins) or I (it goes on): "said", "told", "according to", "said in a
// statement", a colon after a name.
//
// The role tagger reads the paragraph of one cue and tags each token O,
// B-S/I-S (the source: who speaks) or B-C/I-C (the content: what was said),
// from the token's words and its place relative to the cue: the side, the
// distance, the sentence, and what stands between (commas, quotation marks,
// sentence ends, other cues).

const (
	cueO = iota
	cueB
	cueI
	cueTags
)

const (
	roleO = iota
	roleBS
	roleIS
	roleBC
	roleIC
	roleTags
)

func cueAllowed(prev, cur int) bool {
	return cur != cueI || prev == cueB || prev == cueI
}

func roleAllowed(prev, cur int) bool {
	switch cur {
	case roleIS:
		return prev == roleBS || prev == roleIS
	case roleIC:
		return prev == roleBC || prev == roleIC
	}
	return true
}

// featBuf collects the features of one position.
type featBuf struct {
	h []learn.Hash
	// tmpl, when explaining, holds each feature's template, for the rule
	// that names what found a cue
	explain bool
	tmpl    []byte
}

func (f *featBuf) add(h learn.Hash) { f.h = append(f.h, h) }

// start begins a feature of template t (and notes t when explaining).
func (f *featBuf) start(t byte) learn.Hash {
	if f.explain {
		f.tmpl = append(f.tmpl, t)
	}
	return learn.Start(t)
}

// reset empties the buffer for the next position.
func (f featBuf) reset() featBuf {
	f.h, f.tmpl = f.h[:0], f.tmpl[:0]
	return f
}

var (
	hashStart = learn.StrHash("<s>")
	hashEnd   = learn.StrHash("</s>")
)

// tokLow and tokClass are the hashes of token i's word and class, or of
// the window's edges.
func tokLow(at *atext, i, lo, hi int) uint64 {
	if i < lo {
		return hashStart
	}
	if i >= hi {
		return hashEnd
	}
	return at.toks[i].LowH
}

func tokClass(at *atext, i, lo, hi int) uint64 {
	if i < lo {
		return hashStart
	}
	if i >= hi {
		return hashEnd
	}
	return at.toks[i].ClsH
}

// cueFeatures lists the features of token i of the sentence [lo, hi).
func (x *attrCtx) cueFeatures(i, lo, hi int, f featBuf) featBuf {
	at := x.at
	t := &at.toks[i]
	w := t.LowH
	p1, n1 := tokLow(at, i-1, lo, hi), tokLow(at, i+1, lo, hi)
	pc, nc := tokClass(at, i-1, lo, hi), tokClass(at, i+1, lo, hi)
	S := f.start
	f.add(S('b'))
	f.add(S('w').Mix(w))
	f.add(S('k').Byte(byte(t.Kind)).Byte(t.InQ))
	if t.Kind == akWord {
		f.add(S('t').Mix(t.StemH))
	}
	f.add(S('p').Mix(p1))
	f.add(S('n').Mix(n1))
	f.add(S('P').Mix(tokLow(at, i-2, lo, hi)))
	f.add(S('N').Mix(tokLow(at, i+2, lo, hi)))
	f.add(S('1').Mix(p1).Mix(w))
	f.add(S('2').Mix(w).Mix(n1))
	f.add(S('3').Mix(pc).Mix(w).Mix(nc))
	lex := x.lexicon(i, hi)
	if lex > 0 {
		f.add(S('l').Byte(byte(lex)).Mix(nc))
	}
	return f
}

// lexicon is how many words of the speech-verb table start at token i (0
// if none): the model learns how far to trust the table, and a user's
// entries (verbs.txt) reach the model through it.
func (x *attrCtx) lexicon(i, hi int) int {
	if i < 0 || i >= hi || x.reg == nil || x.reg.Verbs == nil || x.at.toks[i].Kind != akWord {
		return 0
	}
	v := x.reg.Verbs
	ws := x.wsBuf[:0]
	for j := i; j < hi && len(ws) < v.maxWords && x.at.toks[j].Kind == akWord; j++ {
		ws = append(ws, x.at.toks[j].Low)
	}
	x.wsBuf = ws
	_, n := v.match(ws)
	return n
}

func distBucket(d int) byte {
	switch {
	case d <= 4:
		return byte(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	case d <= 24:
		return 8
	}
	return 9
}

// roleWindow holds what the role features of one cue share.
type roleWindow struct {
	lo, hi     int    // the paragraph's tokens
	c0, c1     int    // the cue's tokens
	cueW, cueF uint64 // hashes of the cue's last and first words
	after      uint64 // the hash of the class of the token after the cue
	before     uint64 // before it
	cueInQ     uint8
	// prefix counts over [lo, hi): commas, quotation marks, sentence
	// starts, other cues' tokens
	commas, marks, cues []int
	quoteNext           int32 // a quotation opening right after the cue (within 2 tokens), or -1
	quotePrev           int32 // one closing right before it, or -1
}

func (x *attrCtx) newRoleWindow(lo, hi, c0, c1 int, cueTok []bool) *roleWindow {
	at := x.at
	rw := &roleWindow{lo: lo, hi: hi, c0: c0, c1: c1, quoteNext: -1, quotePrev: -1}
	rw.cueW = at.toks[c1-1].LowH
	rw.cueF = at.toks[c0].LowH
	rw.after = tokClass(at, c1, lo, hi)
	rw.before = tokClass(at, c0-1, lo, hi)
	rw.cueInQ = at.toks[c0].InQ
	n := hi - lo + 1
	rw.commas, rw.marks, rw.cues = make([]int, n), make([]int, n), make([]int, n)
	for k := lo; k < hi; k++ {
		t := &at.toks[k]
		c, m, q := 0, 0, 0
		if t.Kind == akPunct && (t.Low == "," || t.Low == ";" || t.Low == "—" || t.Low == "–") {
			c = 1
		}
		if t.Kind == akOpen || t.Kind == akClose {
			m = 1
		}
		if cueTok != nil && cueTok[k] && (k < c0 || k >= c1) {
			q = 1
		}
		rw.commas[k-lo+1] = rw.commas[k-lo] + c
		rw.marks[k-lo+1] = rw.marks[k-lo] + m
		rw.cues[k-lo+1] = rw.cues[k-lo] + q
	}
	for k := c1; k < min(hi, c1+3); k++ {
		if at.toks[k].Kind == akOpen {
			rw.quoteNext = at.toks[k].Quote
			break
		}
	}
	for k := c0 - 1; k >= max(lo, c0-4); k-- {
		if at.toks[k].Kind == akClose {
			rw.quotePrev = at.toks[k].Quote
			break
		}
	}
	return rw
}

func (rw *roleWindow) between(pre []int, i int) byte {
	var a, b int
	if i < rw.c0 {
		a, b = i+1, rw.c0
	} else {
		a, b = rw.c1, i
	}
	if b <= a {
		return 0
	}
	return byte(min(pre[b-rw.lo]-pre[a-rw.lo], 3))
}

// roleFeatures lists the features of token i for the cue of rw.
func (x *attrCtx) roleFeatures(rw *roleWindow, i int, f featBuf) featBuf {
	at := x.at
	t := &at.toks[i]
	S := f.start
	var dir byte
	var dist int
	switch {
	case i < rw.c0:
		dir, dist = 'L', rw.c0-i
	case i >= rw.c1:
		dir, dist = 'R', i-rw.c1+1
	default:
		dir = 'C'
	}
	db := distBucket(dist)
	cs := at.toks[rw.c0].Sent
	var srel byte
	switch d := t.Sent - cs; {
	case d == 0:
		srel = 0
	case d == -1:
		srel = 1
	case d < -1:
		srel = 2
	case d == 1:
		srel = 3
	default:
		srel = 4
	}
	if pd := t.Para - at.toks[rw.c0].Para; pd != 0 {
		srel += 5 + byte(min(max(pd, -1), 1)+1) // another paragraph: before or after
	}
	w := t.LowH
	cls := t.ClsH
	commas := rw.between(rw.commas, i)
	marks := rw.between(rw.marks, i)
	cues := rw.between(rw.cues, i)
	// the token's quotation is the one right after or right before the cue
	var qadj byte
	if t.Quote >= 0 {
		switch t.Quote {
		case rw.quoteNext:
			qadj = 1
		case rw.quotePrev:
			qadj = 2
		}
	}
	f.add(S('b').Byte(dir))
	f.add(S('d').Byte(dir).Byte(db))
	f.add(S('D').Byte(dir).Byte(db).Byte(srel))
	f.add(S('r').Byte(dir).Byte(srel))
	f.add(S('w').Byte(dir).Mix(w))
	f.add(S('k').Byte(dir).Mix(cls).Byte(t.InQ))
	if dist <= 3 {
		f.add(S('W').Byte(dir).Byte(db).Mix(w))
	}
	f.add(S('c').Byte(dir).Byte(commas).Byte(marks).Byte(srel))
	f.add(S('C').Byte(dir).Byte(commas).Mix(cls))
	f.add(S('o').Byte(dir).Byte(cues))
	f.add(S('O').Byte(dir).Byte(cues).Byte(srel).Byte(commas))
	f.add(S('q').Byte(dir).Byte(t.InQ).Byte(rw.cueInQ).Byte(qadj))
	f.add(S('Q').Byte(dir).Byte(qadj).Byte(marks).Byte(srel))
	f.add(S('v').Byte(dir).Mix(rw.cueW))
	f.add(S('V').Byte(dir).Byte(db).Mix(rw.cueW))
	f.add(S('u').Byte(dir).Mix(rw.cueW).Byte(t.InQ).Byte(srel))
	f.add(S('F').Byte(dir).Mix(rw.cueF).Mix(rw.cueW))
	f.add(S('a').Byte(dir).Mix(rw.after).Byte(srel))
	f.add(S('A').Byte(dir).Mix(rw.after).Mix(rw.before).Byte(db))
	f.add(S('x').Byte(dir).Mix(rw.after).Mix(cls))
	f.add(S('y').Byte(dir).Mix(rw.before).Mix(cls))
	f.add(S('p').Byte(dir).Mix(tokClass(at, i-1, rw.lo, rw.hi)).Mix(cls))
	f.add(S('n').Byte(dir).Mix(cls).Mix(tokClass(at, i+1, rw.lo, rw.hi)))
	f.add(S('P').Byte(dir).Mix(tokLow(at, i-1, rw.lo, rw.hi)))
	f.add(S('N').Byte(dir).Mix(tokLow(at, i+1, rw.lo, rw.hi)))
	return f
}
