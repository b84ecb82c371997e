package learn

import "math"

// Trainer learns a Model from tagged sequences, one at a time, as an
// averaged structured perceptron: decode with the current weights, and
// where the best sequence differs from the gold one, add the gold
// features' weights and take away the predicted ones'. The model it returns
// averages every weight over all the steps (lazily, by timestamps), which
// generalises far better than the last weights.
type Trainer struct {
	Tags    int
	Allowed Allowed

	index       map[Hash]int32
	w           []float64 // current weights, rows × Tags
	acc         []float64 // sums of weights over the steps
	last        []int64   // the step at which each weight was last brought up to date
	trans, tacc []float64
	tlast       []int64
	step        int64
}

// NewTrainer returns a trainer for sequences of tags tags.
func NewTrainer(tags int, allowed Allowed) *Trainer {
	n := (tags + 1) * tags
	return &Trainer{Tags: tags, Allowed: allowed, index: map[Hash]int32{},
		trans: make([]float64, n), tacc: make([]float64, n), tlast: make([]int64, n)}
}

func (tr *Trainer) row(f Hash, add bool) int {
	r, ok := tr.index[f]
	if !ok {
		if !add {
			return -1
		}
		r = int32(len(tr.index))
		tr.index[f] = r
		for t := 0; t < tr.Tags; t++ {
			tr.w = append(tr.w, 0)
			tr.acc = append(tr.acc, 0)
			tr.last = append(tr.last, tr.step)
		}
	}
	return int(r)
}

func (tr *Trainer) emissions(feats [][]Hash) [][]float32 {
	em := make([][]float32, len(feats))
	for i, fs := range feats {
		row := make([]float32, tr.Tags)
		for _, f := range fs {
			if r := tr.row(f, false); r >= 0 {
				for t := 0; t < tr.Tags; t++ {
					row[t] += float32(tr.w[r*tr.Tags+t])
				}
			}
		}
		em[i] = row
	}
	return em
}

// Predict decodes feats with the current (not averaged) weights.
func (tr *Trainer) Predict(feats [][]Hash) []int {
	trans := make([]float32, len(tr.trans))
	for i, v := range tr.trans {
		trans[i] = float32(v)
	}
	tags, _ := viterbi(tr.Tags, tr.emissions(feats), trans, tr.Allowed)
	return tags
}

func (tr *Trainer) bump(w, acc []float64, last []int64, i int, d float64) {
	acc[i] += w[i] * float64(tr.step-last[i])
	last[i] = tr.step
	w[i] += d
}

// Learn takes one gold sequence (feats[i] the features of position i, gold
// its tags) and reports whether the current weights already tagged it
// right.
func (tr *Trainer) Learn(feats [][]Hash, gold []int) bool {
	tr.step++
	pred := tr.Predict(feats)
	ok := true
	prevG, prevP := tr.Tags, tr.Tags
	for i := range gold {
		g, p := gold[i], pred[i]
		if g != p {
			ok = false
			for _, f := range feats[i] {
				r := tr.row(f, true)
				tr.bump(tr.w, tr.acc, tr.last, r*tr.Tags+g, 1)
				tr.bump(tr.w, tr.acc, tr.last, r*tr.Tags+p, -1)
			}
		}
		if g != p || prevG != prevP {
			tr.bump(tr.trans, tr.tacc, tr.tlast, prevG*tr.Tags+g, 1)
			tr.bump(tr.trans, tr.tacc, tr.tlast, prevP*tr.Tags+p, -1)
		}
		prevG, prevP = g, p
	}
	return ok
}

// Model returns the averaged weights. Features whose every averaged weight
// is below prune in absolute value are left out (they change no decision
// worth keeping and make the shipped model large).
func (tr *Trainer) Model(prune float64) *Model {
	steps := float64(max(tr.step, 1))
	avg := func(w, acc []float64, last []int64, i int) float64 {
		return (acc[i] + w[i]*float64(tr.step-last[i])) / steps
	}
	m := &Model{Tags: tr.Tags, trans: make([]float32, len(tr.trans))}
	for i := range tr.trans {
		m.trans[i] = float32(avg(tr.trans, tr.tacc, tr.tlast, i))
	}
	row := make([]float32, tr.Tags)
	for f, r := range tr.index {
		keep := false
		for t := 0; t < tr.Tags; t++ {
			v := avg(tr.w, tr.acc, tr.last, int(r)*tr.Tags+t)
			row[t] = float32(v)
			keep = keep || math.Abs(v) >= prune
		}
		if keep {
			m.hashes = append(m.hashes, f)
			m.w = append(m.w, row...)
		}
	}
	m.table = newTable(m.hashes, m.w, m.Tags)
	return m
}
