package corpus

import (
	"sync/atomic"

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

// tokClassID is tokClass as an index into classNames.
func tokClassID(at *atext, i, lo, hi int) uint8 {
	if i < lo {
		return clsStart
	}
	if i >= hi {
		return clsEnd
	}
	return at.toks[i].Cls
}

// cueFeatures lists the features of token i of the sentence [lo, hi).
// cueEmit scores the same features.
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
	if v.maxWords == 0 || !v.firsts[x.at.toks[i].Low] {
		return 0 // what match would say, without gathering the words
	}
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
	afterC     uint8  // the index of that class (classNames)
	beforeC    uint8
	cueInQ     uint8
	// prefix counts over [lo, hi): commas, quotation marks, sentence
	// starts, other cues' tokens
	commas, marks, cues []int
	quoteNext           int32 // a quotation opening right after the cue (within 2 tokens), or -1
	quotePrev           int32 // one closing right before it, or -1
	memo                roleMemo
}

func (x *attrCtx) newRoleWindow(lo, hi, c0, c1 int, cueTok []bool) *roleWindow {
	rw := &roleWindow{}
	x.initRoleWindow(rw, lo, hi, c0, c1, cueTok)
	return rw
}

// initRoleWindow sets rw for the cue [c0, c1) in the tokens [lo, hi),
// reusing its prefix counts' storage.
func (x *attrCtx) initRoleWindow(rw *roleWindow, lo, hi, c0, c1 int, cueTok []bool) {
	at := x.at
	n := hi - lo + 1
	grow := func(s []int) []int {
		if cap(s) < n {
			return make([]int, n)
		}
		s = s[:n]
		s[0] = 0
		return s
	}
	*rw = roleWindow{lo: lo, hi: hi, c0: c0, c1: c1, quoteNext: -1, quotePrev: -1,
		commas: grow(rw.commas), marks: grow(rw.marks), cues: grow(rw.cues)}
	rw.cueW = at.toks[c1-1].LowH
	rw.cueF = at.toks[c0].LowH
	rw.after = tokClass(at, c1, lo, hi)
	rw.before = tokClass(at, c0-1, lo, hi)
	rw.afterC = tokClassID(at, c1, lo, hi)
	rw.beforeC = tokClassID(at, c0-1, lo, hi)
	rw.cueInQ = at.toks[c0].InQ
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

// roleParts are the small parts of token i's role features.
type roleParts struct {
	dir                 byte // 'L', 'R' or 'C': the side of the cue
	side                int  // the same as an index: 0, 1, 2
	dist                int
	db, srel            byte
	commas, marks, cues byte
	qadj                byte
}

func (x *attrCtx) roleParts(rw *roleWindow, i int) roleParts {
	at := x.at
	t := &at.toks[i]
	var r roleParts
	switch {
	case i < rw.c0:
		r.dir, r.side, r.dist = 'L', 0, rw.c0-i
	case i >= rw.c1:
		r.dir, r.side, r.dist = 'R', 1, i-rw.c1+1
	default:
		r.dir, r.side = 'C', 2
	}
	r.db = distBucket(r.dist)
	cs := at.toks[rw.c0].Sent
	switch d := t.Sent - cs; {
	case d == 0:
		r.srel = 0
	case d == -1:
		r.srel = 1
	case d < -1:
		r.srel = 2
	case d == 1:
		r.srel = 3
	default:
		r.srel = 4
	}
	if pd := t.Para - at.toks[rw.c0].Para; pd != 0 {
		r.srel += 5 + byte(min(max(pd, -1), 1)+1) // another paragraph: before or after
	}
	r.commas = rw.between(rw.commas, i)
	r.marks = rw.between(rw.marks, i)
	r.cues = rw.between(rw.cues, i)
	// the token's quotation is the one right after or right before the cue
	if t.Quote >= 0 {
		switch t.Quote {
		case rw.quoteNext:
			r.qadj = 1
		case rw.quotePrev:
			r.qadj = 2
		}
	}
	return r
}

// roleFeatures lists the features of token i for the cue of rw.
// roleEmit scores the same features.
func (x *attrCtx) roleFeatures(rw *roleWindow, i int, f featBuf) featBuf {
	at := x.at
	t := &at.toks[i]
	S := f.start
	r := x.roleParts(rw, i)
	dir, dist, db, srel := r.dir, r.dist, r.db, r.srel
	commas, marks, cues, qadj := r.commas, r.marks, r.cues, r.qadj
	w := t.LowH
	cls := t.ClsH
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

// Scoring. A token's emission scores are the sums of its features'
// weights, added in the order the features are listed above (so the sums
// are the same to the last bit as the model's Emit over cueFeatures and
// roleFeatures). Most features are made of a few small parts only — a
// side, a distance, a count, a class — and their weights are kept in
// tables indexed by those parts, filled as each is first read; a feature
// of a word or of the cue's words is looked up by its hash.

// roleRow and cueRow are the weights of one feature, a tag each.
type (
	roleRow [roleTags]float32
	cueRow  [cueTags]float32
)

// noRole and noCue stand in the tables for a feature the model does not
// know.
var (
	noRole = new(roleRow)
	noCue  = new(cueRow)
)

// roleRows is the table of one role template's features; the documents
// read in parallel share it, so its cells are set atomically (to a row of
// the model, which does not change).
type roleRows []atomic.Pointer[roleRow]

func (t roleRows) fill(m *learn.Model, i int, h learn.Hash) *roleRow {
	p := noRole
	if w := m.Weights(h); w != nil {
		p = (*roleRow)(w)
	}
	t[i].Store(p)
	return p
}

type cueRows []atomic.Pointer[cueRow]

func (t cueRows) fill(m *learn.Model, i int, h learn.Hash) *cueRow {
	p := noCue
	if w := m.Weights(h); w != nil {
		p = (*cueRow)(w)
	}
	t[i].Store(p)
	return p
}

// The ranges of the small parts the tables index by.
const (
	nSides = 3  // L, R, C
	nDist  = 10 // distBucket
	nSrel  = 12 // the sentence and paragraph relation (roleParts)
	nCount = 4  // commas, marks, cues: 0 to 3
	nQadj  = 3
	nInQ   = 4 // quotation depths the tables hold; deeper ones are hashed
	nLex   = 8 // speech-verb table matches the tables hold
	nKinds = 4
)

var nClass = len(classNames)

// featTables holds the tables of a model's features of small parts.
type featTables struct {
	// role templates, by the parts roleFeatures gives them
	b, d, D, r, k, c, C, o, O, q, Q, a, x, y, p, n roleRows
	// cue templates
	cb, ck, cl cueRows
}

func newFeatTables() *featTables {
	nc := nClass
	return &featTables{
		b: make(roleRows, nSides),
		d: make(roleRows, nSides*nDist),
		D: make(roleRows, nSides*nDist*nSrel),
		r: make(roleRows, nSides*nSrel),
		k: make(roleRows, nSides*nc*nInQ),
		c: make(roleRows, nSides*nCount*nCount*nSrel),
		C: make(roleRows, nSides*nCount*nc),
		o: make(roleRows, nSides*nCount),
		O: make(roleRows, nSides*nCount*nSrel*nCount),
		q: make(roleRows, nSides*nInQ*nInQ*nQadj),
		Q: make(roleRows, nSides*nQadj*nCount*nSrel),
		a: make(roleRows, nSides*nc*nSrel),
		x: make(roleRows, nSides*nc*nc),
		y: make(roleRows, nSides*nc*nc),
		p: make(roleRows, nSides*nc*nc),
		n: make(roleRows, nSides*nc*nc),

		cb: make(cueRows, 1),
		ck: make(cueRows, nKinds*nInQ),
		cl: make(cueRows, nLex*nc),
	}
}

// roleMemo holds, for one cue, the weights of the features made of the
// cue's words and a few small parts.
type roleMemo struct {
	v, F [nSides]*roleRow
	V, A [nSides * nDist]*roleRow
	u    [nSides * nInQ * nSrel]*roleRow
}

// roleSum and cueSum gather the rows of a token's features, to add them
// up, in order, in registers.
type roleSum struct {
	rows [32]*roleRow
	n    int
}

func (g *roleSum) add(p *roleRow) {
	if p != noRole {
		g.rows[g.n] = p
		g.n++
	}
}

func (g *roleSum) addW(w []float32) {
	if w != nil {
		g.rows[g.n] = (*roleRow)(w)
		g.n++
	}
}

// sumInto adds the rows to out, in order, as Emit does.
func (g *roleSum) sumInto(out *roleRow) {
	a0, a1, a2, a3, a4 := out[0], out[1], out[2], out[3], out[4]
	for _, p := range g.rows[:g.n] {
		a0 += p[0]
		a1 += p[1]
		a2 += p[2]
		a3 += p[3]
		a4 += p[4]
	}
	out[0], out[1], out[2], out[3], out[4] = a0, a1, a2, a3, a4
}

type cueSum struct {
	rows [16]*cueRow
	n    int
}

func (g *cueSum) add(p *cueRow) {
	if p != noCue {
		g.rows[g.n] = p
		g.n++
	}
}

func (g *cueSum) addW(w []float32) {
	if w != nil {
		g.rows[g.n] = (*cueRow)(w)
		g.n++
	}
}

func (g *cueSum) sumInto(out *cueRow) {
	a0, a1, a2 := out[0], out[1], out[2]
	for _, p := range g.rows[:g.n] {
		a0 += p[0]
		a1 += p[1]
		a2 += p[2]
	}
	out[0], out[1], out[2] = a0, a1, a2
}

// roleEmit adds to out the weights of roleFeatures(rw, i), in their order.
func (x *attrCtx) roleEmit(am *AttribModel, rw *roleWindow, i int, out *roleRow) {
	m, tb := am.role, am.tables
	at := x.at
	t := &at.toks[i]
	r := x.roleParts(rw, i)
	dir, side, db, srel := r.dir, r.side, int(r.db), int(r.srel)
	commas, marks, cues, qadj := int(r.commas), int(r.marks), int(r.cues), int(r.qadj)
	S := learn.Start
	w, cls, clsID := t.LowH, t.ClsH, int(t.Cls)
	nc := nClass
	inQ := int(t.InQ)
	var p *roleRow
	var g roleSum
	// b
	if p = tb.b[side].Load(); p == nil {
		p = tb.b.fill(m, side, S('b').Byte(dir))
	}
	g.add(p)
	// d
	k := side*nDist + db
	if p = tb.d[k].Load(); p == nil {
		p = tb.d.fill(m, k, S('d').Byte(dir).Byte(r.db))
	}
	g.add(p)
	// D
	k = (side*nDist+db)*nSrel + srel
	if p = tb.D[k].Load(); p == nil {
		p = tb.D.fill(m, k, S('D').Byte(dir).Byte(r.db).Byte(r.srel))
	}
	g.add(p)
	// r
	k = side*nSrel + srel
	if p = tb.r[k].Load(); p == nil {
		p = tb.r.fill(m, k, S('r').Byte(dir).Byte(r.srel))
	}
	g.add(p)
	// w
	g.addW(m.Weights(S('w').Byte(dir).Mix(w)))
	// k
	if clsID != clsOther && inQ < nInQ {
		k = (side*nc+clsID)*nInQ + inQ
		if p = tb.k[k].Load(); p == nil {
			p = tb.k.fill(m, k, S('k').Byte(dir).Mix(cls).Byte(t.InQ))
		}
		g.add(p)
	} else {
		g.addW(m.Weights(S('k').Byte(dir).Mix(cls).Byte(t.InQ)))
	}
	// W
	if r.dist <= 3 {
		g.addW(m.Weights(S('W').Byte(dir).Byte(r.db).Mix(w)))
	}
	// c
	k = ((side*nCount+commas)*nCount+marks)*nSrel + srel
	if p = tb.c[k].Load(); p == nil {
		p = tb.c.fill(m, k, S('c').Byte(dir).Byte(r.commas).Byte(r.marks).Byte(r.srel))
	}
	g.add(p)
	// C
	if clsID != clsOther {
		k = (side*nCount+commas)*nc + clsID
		if p = tb.C[k].Load(); p == nil {
			p = tb.C.fill(m, k, S('C').Byte(dir).Byte(r.commas).Mix(cls))
		}
		g.add(p)
	} else {
		g.addW(m.Weights(S('C').Byte(dir).Byte(r.commas).Mix(cls)))
	}
	// o
	k = side*nCount + cues
	if p = tb.o[k].Load(); p == nil {
		p = tb.o.fill(m, k, S('o').Byte(dir).Byte(r.cues))
	}
	g.add(p)
	// O
	k = ((side*nCount+cues)*nSrel+srel)*nCount + commas
	if p = tb.O[k].Load(); p == nil {
		p = tb.O.fill(m, k, S('O').Byte(dir).Byte(r.cues).Byte(r.srel).Byte(r.commas))
	}
	g.add(p)
	// q
	if cueInQ := int(rw.cueInQ); inQ < nInQ && cueInQ < nInQ {
		k = ((side*nInQ+inQ)*nInQ+cueInQ)*nQadj + qadj
		if p = tb.q[k].Load(); p == nil {
			p = tb.q.fill(m, k, S('q').Byte(dir).Byte(t.InQ).Byte(rw.cueInQ).Byte(r.qadj))
		}
		g.add(p)
	} else {
		g.addW(m.Weights(S('q').Byte(dir).Byte(t.InQ).Byte(rw.cueInQ).Byte(r.qadj)))
	}
	// Q
	k = ((side*nQadj+qadj)*nCount+marks)*nSrel + srel
	if p = tb.Q[k].Load(); p == nil {
		p = tb.Q.fill(m, k, S('Q').Byte(dir).Byte(r.qadj).Byte(r.marks).Byte(r.srel))
	}
	g.add(p)
	// v, V, u, F: the cue's words, remembered for the cue
	mm := &rw.memo
	if p = mm.v[side]; p == nil {
		p = rowOf(m, S('v').Byte(dir).Mix(rw.cueW))
		mm.v[side] = p
	}
	g.add(p)
	k = side*nDist + db
	if p = mm.V[k]; p == nil {
		p = rowOf(m, S('V').Byte(dir).Byte(r.db).Mix(rw.cueW))
		mm.V[k] = p
	}
	g.add(p)
	if inQ < nInQ {
		k = (side*nInQ+inQ)*nSrel + srel
		if p = mm.u[k]; p == nil {
			p = rowOf(m, S('u').Byte(dir).Mix(rw.cueW).Byte(t.InQ).Byte(r.srel))
			mm.u[k] = p
		}
		g.add(p)
	} else {
		g.addW(m.Weights(S('u').Byte(dir).Mix(rw.cueW).Byte(t.InQ).Byte(r.srel)))
	}
	if p = mm.F[side]; p == nil {
		p = rowOf(m, S('F').Byte(dir).Mix(rw.cueF).Mix(rw.cueW))
		mm.F[side] = p
	}
	g.add(p)
	// a
	afterC, beforeC := int(rw.afterC), int(rw.beforeC)
	if afterC != clsOther {
		k = (side*nc+afterC)*nSrel + srel
		if p = tb.a[k].Load(); p == nil {
			p = tb.a.fill(m, k, S('a').Byte(dir).Mix(rw.after).Byte(r.srel))
		}
		g.add(p)
	} else {
		g.addW(m.Weights(S('a').Byte(dir).Mix(rw.after).Byte(r.srel)))
	}
	// A, remembered for the cue
	k = side*nDist + db
	if p = mm.A[k]; p == nil {
		p = rowOf(m, S('A').Byte(dir).Mix(rw.after).Mix(rw.before).Byte(r.db))
		mm.A[k] = p
	}
	g.add(p)
	// x, y, p, n: pairs of classes
	pairRole(m, tb.x, &g, side, afterC, clsID, func() learn.Hash { return S('x').Byte(dir).Mix(rw.after).Mix(cls) })
	pairRole(m, tb.y, &g, side, beforeC, clsID, func() learn.Hash { return S('y').Byte(dir).Mix(rw.before).Mix(cls) })
	prevC := int(tokClassID(at, i-1, rw.lo, rw.hi))
	pairRole(m, tb.p, &g, side, prevC, clsID, func() learn.Hash {
		return S('p').Byte(dir).Mix(tokClass(at, i-1, rw.lo, rw.hi)).Mix(cls)
	})
	nextC := int(tokClassID(at, i+1, rw.lo, rw.hi))
	pairRole(m, tb.n, &g, side, clsID, nextC, func() learn.Hash {
		return S('n').Byte(dir).Mix(cls).Mix(tokClass(at, i+1, rw.lo, rw.hi))
	})
	// P, N
	g.addW(m.Weights(S('P').Byte(dir).Mix(tokLow(at, i-1, rw.lo, rw.hi))))
	g.addW(m.Weights(S('N').Byte(dir).Mix(tokLow(at, i+1, rw.lo, rw.hi))))
	g.sumInto(out)
}

// rowOf is the role row of feature h, or noRole.
func rowOf(m *learn.Model, h learn.Hash) *roleRow {
	if w := m.Weights(h); w != nil {
		return (*roleRow)(w)
	}
	return noRole
}

// pairRole adds the weights of a role feature of a side and two classes.
func pairRole(m *learn.Model, tb roleRows, g *roleSum, side, c1, c2 int, h func() learn.Hash) {
	if c1 == clsOther || c2 == clsOther {
		g.addW(m.Weights(h()))
		return
	}
	k := (side*nClass+c1)*nClass + c2
	p := tb[k].Load()
	if p == nil {
		p = tb.fill(m, k, h())
	}
	g.add(p)
}

// cueEmit adds to out the weights of cueFeatures(i, lo, hi), in their
// order.
func (x *attrCtx) cueEmit(am *AttribModel, i, lo, hi int, out *cueRow) {
	m, tb := am.cue, am.tables
	at := x.at
	t := &at.toks[i]
	w := t.LowH
	p1, n1 := tokLow(at, i-1, lo, hi), tokLow(at, i+1, lo, hi)
	pc, nc := tokClass(at, i-1, lo, hi), tokClass(at, i+1, lo, hi)
	S := learn.Start
	var p *cueRow
	var g cueSum
	if p = tb.cb[0].Load(); p == nil {
		p = tb.cb.fill(m, 0, S('b'))
	}
	g.add(p)
	g.addW(m.Weights(S('w').Mix(w)))
	if inQ := int(t.InQ); int(t.Kind) < nKinds && inQ < nInQ {
		k := int(t.Kind)*nInQ + inQ
		if p = tb.ck[k].Load(); p == nil {
			p = tb.ck.fill(m, k, S('k').Byte(byte(t.Kind)).Byte(t.InQ))
		}
		g.add(p)
	} else {
		g.addW(m.Weights(S('k').Byte(byte(t.Kind)).Byte(t.InQ)))
	}
	if t.Kind == akWord {
		g.addW(m.Weights(S('t').Mix(t.StemH)))
	}
	g.addW(m.Weights(S('p').Mix(p1)))
	g.addW(m.Weights(S('n').Mix(n1)))
	g.addW(m.Weights(S('P').Mix(tokLow(at, i-2, lo, hi))))
	g.addW(m.Weights(S('N').Mix(tokLow(at, i+2, lo, hi))))
	g.addW(m.Weights(S('1').Mix(p1).Mix(w)))
	g.addW(m.Weights(S('2').Mix(w).Mix(n1)))
	g.addW(m.Weights(S('3').Mix(pc).Mix(w).Mix(nc)))
	lex := x.lexicon(i, hi)
	if lex > 0 {
		if ncID := int(tokClassID(at, i+1, lo, hi)); lex < nLex && ncID != clsOther {
			k := lex*nClass + ncID
			if p = tb.cl[k].Load(); p == nil {
				p = tb.cl.fill(m, k, S('l').Byte(byte(lex)).Mix(nc))
			}
			g.add(p)
		} else {
			g.addW(m.Weights(S('l').Byte(byte(lex)).Mix(nc)))
		}
	}
	g.sumInto(out)
}
