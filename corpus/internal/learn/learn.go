// Package learn holds the pipeline's small learned component: a linear
// sequence tagger over hashed features (first-order, decoded with Viterbi),
// trained as an averaged structured perceptron (Collins 2002), and the
// compact binary form its weights are shipped in.
//
// It knows nothing of text: callers turn tokens into feature hashes with
// Hash and name the tags; the package scores, decodes, trains and encodes.
package learn

import (
	"math"
)

// Hash builds a feature's identity incrementally, without allocating:
// Start(template).Str(word).Byte(dir)…; equal sequences give equal hashes.
type Hash uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Start begins a feature of the given template.
func Start(template byte) Hash { return (Hash(fnvOffset) ^ Hash(template)) * fnvPrime }

// Str adds a string part (and a separator, so "ab"+"c" ≠ "a"+"bc").
func (h Hash) Str(s string) Hash {
	for i := 0; i < len(s); i++ {
		h = (h ^ Hash(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

// StrHash is the hash of a string, for parts a caller computes once and
// adds to many features with Mix.
func StrHash(s string) uint64 { return uint64(Start(0).Str(s)) }

// Mix adds a part hashed beforehand (StrHash).
func (h Hash) Mix(v uint64) Hash { return ((h*fnvPrime ^ Hash(v)) * fnvPrime) ^ 0xfc }

// Byte adds a small value (a bucket, a flag, a tag).
func (h Hash) Byte(b byte) Hash { return ((h^Hash(b))*fnvPrime ^ 0xfe) * fnvPrime }

// Bool adds a flag.
func (h Hash) Bool(b bool) Hash {
	if b {
		return h.Byte(1)
	}
	return h.Byte(0)
}

// Model is a trained tagger: for each known feature a weight per tag, and
// the weights of tag transitions (row Tags is the start of a sequence).
type Model struct {
	Tags   int
	hashes []Hash    // the features, one a row
	w      []float32 // len(hashes) × Tags
	trans  []float32 // (Tags+1) × Tags
	table  table     // feature → weights, for Emit and Weights
	// Vocab is a word list the caller ships with the model (the cue
	// tagger's: the words a cue is made of, to skip sentences with none).
	Vocab []string
}

// Features returns how many features the model knows.
func (m *Model) Features() int { return len(m.hashes) }

// Emit adds to out (len Tags) the weights of the features.
func (m *Model) Emit(feats []Hash, out []float32) {
	out = out[:m.Tags]
	for _, f := range feats {
		if i := m.table.find(f); i >= 0 {
			row := m.table.cells[i+2 : i+2+len(out)]
			for t, v := range row {
				out[t] += v
			}
		}
	}
}

// table is a read-only hash table from feature to its weights with linear
// probing at a load of at most one half: most lookups are of features the
// model never saw, and an empty slot answers those at once, where a Go map
// walks its control groups. A slot holds the feature's hash (the bits of
// its first two cells) and then its weights, so a lookup reads one cache
// line: stride is 2+tags rounded up to a power of two while that fits a
// line. Hash 0 stands for "empty"; a feature hashing to 0 is stored as 1
// (a collision the models tolerate like any other).
type table struct {
	cells  []float32 // size × stride
	stride int
	mask   uint64
	shift  uint
}

func fixHash(h Hash) Hash {
	if h == 0 {
		return 1
	}
	return h
}

func newTable(hashes []Hash, w []float32, tags int) table {
	size, bits := uint64(16), uint(4)
	for size < uint64(len(hashes))*2 {
		size, bits = size*2, bits+1
	}
	stride := 2 + tags
	if stride <= 16 {
		for s := 2; ; s *= 2 {
			if s >= stride {
				stride = s
				break
			}
		}
	}
	t := table{cells: make([]float32, size*uint64(stride)), stride: stride, mask: size - 1, shift: 64 - bits}
	for r, h := range hashes {
		h = fixHash(h)
		i := t.slot(h)
		for k := t.key(i); k != 0 && k != h; k = t.key(i) {
			i = (i + 1) & t.mask
		}
		c := t.cells[int(i)*stride : int(i)*stride+stride]
		c[0], c[1] = math.Float32frombits(uint32(h)), math.Float32frombits(uint32(h>>32))
		copy(c[2:], w[r*tags:r*tags+tags])
	}
	return t
}

func (t *table) slot(h Hash) uint64 { return uint64(h) * 0x9e3779b97f4a7c15 >> t.shift }

// key is the hash in slot i (0: empty).
func (t *table) key(i uint64) Hash {
	c := t.cells[int(i)*t.stride:]
	return Hash(math.Float32bits(c[0])) | Hash(math.Float32bits(c[1]))<<32
}

// find returns the index in cells of the slot of feature h, or -1.
func (t *table) find(h Hash) int {
	h = fixHash(h)
	for i := t.slot(h); ; i = (i + 1) & t.mask {
		switch t.key(i) {
		case h:
			return int(i) * t.stride
		case 0:
			return -1
		}
	}
}

// Weights returns the weights of one feature, one a tag, or nil for a
// feature the model does not know. The slice stays valid and unchanged
// for the life of the model.
func (m *Model) Weights(f Hash) []float32 {
	i := m.table.find(f)
	if i < 0 {
		return nil
	}
	return m.table.cells[i+2 : i+2+m.Tags : i+2+m.Tags]
}

// Trans is the weight of moving from tag prev (Tags: the start) to cur.
func (m *Model) Trans(prev, cur int) float32 { return m.trans[prev*m.Tags+cur] }

// Allowed says whether a transition may be taken (prev == Tags: the start).
type Allowed func(prev, cur int) bool

// Decode returns the best tag sequence for the emission scores em (one row
// of Tags scores per position) under the model's transitions and allowed.
// score is the sequence's total.
func (m *Model) Decode(em [][]float32, allowed Allowed) (tags []int, score float32) {
	var d Decoder
	return d.Decode(m, em, allowed)
}

// Decoder decodes with buffers it keeps from call to call. It is not safe
// for concurrent use: each goroutine keeps its own. The zero Decoder is
// ready to use.
type Decoder struct {
	score []float32
	back  []int32
	out   []int
	ok    []bool // allowed, by (prev, cur), for the call
}

// Decode is Model.Decode without allocating, once the buffers have grown:
// the tags it returns are valid until the next call.
func (d *Decoder) Decode(m *Model, em [][]float32, allowed Allowed) (tags []int, score float32) {
	return d.viterbi(m.Tags, em, m.trans, allowed)
}

// viterbi decodes a first-order sequence; trans has (tags+1)×tags entries.
func viterbi(tags int, em [][]float32, trans []float32, allowed Allowed) ([]int, float32) {
	var d Decoder
	return d.viterbi(tags, em, trans, allowed)
}

func (d *Decoder) viterbi(tags int, em [][]float32, trans []float32, allowed Allowed) ([]int, float32) {
	n := len(em)
	if n == 0 {
		return nil, 0
	}
	neg := float32(math.Inf(-1))
	nt := (tags + 1) * tags
	trans = trans[:nt]
	if cap(d.ok) < nt {
		d.ok = make([]bool, nt)
	}
	ok := d.ok[:nt]
	for p := 0; p <= tags; p++ {
		for t := 0; t < tags; t++ {
			ok[p*tags+t] = allowed == nil || allowed(p, t)
		}
	}
	if cap(d.score) < n*tags {
		c := max(n*tags, 2*cap(d.score))
		d.score, d.back = make([]float32, c), make([]int32, c)
	}
	score, back := d.score[:n*tags], d.back[:n*tags]
	start, okStart := trans[tags*tags:], ok[tags*tags:]
	row := em[0][:tags]
	for t := 0; t < tags; t++ {
		if !okStart[t] {
			score[t] = neg
			continue
		}
		score[t] = row[t] + start[t]
	}
	for i := 1; i < n; i++ {
		prev, cur := score[(i-1)*tags:i*tags], score[i*tags:i*tags+tags]
		bk := back[i*tags : i*tags+tags]
		row := em[i][:tags]
		for t := 0; t < tags; t++ {
			best, arg := neg, int32(0)
			for p, s := range prev {
				if s == neg || !ok[p*tags+t] {
					continue
				}
				if s += trans[p*tags+t]; s > best {
					best, arg = s, int32(p)
				}
			}
			if best != neg {
				best += row[t]
			}
			cur[t], bk[t] = best, arg
		}
	}
	best, arg := neg, 0
	for t := 0; t < tags; t++ {
		if s := score[(n-1)*tags+t]; s > best || arg == 0 && best == neg {
			best, arg = s, t
		}
	}
	if cap(d.out) < n {
		d.out = make([]int, max(n, 2*cap(d.out)))
	}
	out := d.out[:n]
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i*tags+out[i]])
	}
	return out, best
}
