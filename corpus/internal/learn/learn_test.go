package learn

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
)

// bruteForce is the best sequence by trying every one: the reference the
// Viterbi decoder must agree with.
func bruteForce(tags int, em [][]float32, trans []float32, allowed Allowed) ([]int, float32) {
	n := len(em)
	best, bestScore := []int(nil), float32(0)
	seq := make([]int, n)
	var walk func(i int, score float32)
	walk = func(i int, score float32) {
		if i == n {
			if best == nil || score > bestScore {
				best, bestScore = append([]int(nil), seq...), score
			}
			return
		}
		prev := tags
		if i > 0 {
			prev = seq[i-1]
		}
		for t := 0; t < tags; t++ {
			if allowed != nil && !allowed(prev, t) {
				continue
			}
			seq[i] = t
			walk(i+1, score+trans[prev*tags+t]+em[i][t])
		}
	}
	walk(0, 0)
	return best, bestScore
}

func TestViterbiIsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	// tag 2 may only follow 1 or 2, as an I after a B
	allowed := func(prev, cur int) bool { return cur != 2 || prev == 1 || prev == 2 }
	for trial := 0; trial < 300; trial++ {
		tags, n := 3, 1+rng.IntN(6)
		em := make([][]float32, n)
		for i := range em {
			em[i] = make([]float32, tags)
			for t := range em[i] {
				em[i][t] = float32(rng.NormFloat64())
			}
		}
		trans := make([]float32, (tags+1)*tags)
		for i := range trans {
			trans[i] = float32(rng.NormFloat64())
		}
		got, gs := viterbi(tags, em, trans, allowed)
		want, ws := bruteForce(tags, em, trans, allowed)
		if gs-ws > 1e-4 || ws-gs > 1e-4 {
			t.Fatalf("trial %d: viterbi %v (%.4f), brute force %v (%.4f)", trial, got, gs, want, ws)
		}
		for i := range got {
			if i > 0 && !allowed(got[i-1], got[i]) || i == 0 && !allowed(tags, got[0]) {
				t.Fatalf("trial %d: viterbi took a transition that is not allowed: %v", trial, got)
			}
		}
	}
}

// toy is a tagging task a perceptron must learn: a word after "said" is
// tag 1, the words after it tag 2, up to "."; everything else tag 0.
func toy(rng *rand.Rand) ([][]Hash, []int) {
	words := []string{"he", "said", "the", "talks", "were", "useful", ".", "it", "rained"}
	n := 4 + rng.IntN(8)
	var ws []string
	for i := 0; i < n; i++ {
		ws = append(ws, words[rng.IntN(len(words))])
	}
	feats := make([][]Hash, n)
	gold := make([]int, n)
	in := false
	for i, w := range ws {
		prev := "<s>"
		if i > 0 {
			prev = ws[i-1]
		}
		feats[i] = []Hash{Start('w').Str(w), Start('p').Str(prev), Start('b')}
		switch {
		case w == ".":
			in = false
		case prev == "said":
			gold[i], in = 1, true
		case in:
			gold[i] = 2
		}
	}
	return feats, gold
}

func TestTrainerLearnsAndEncodes(t *testing.T) {
	allowed := func(prev, cur int) bool { return cur != 2 || prev == 1 || prev == 2 }
	tr := NewTrainer(3, allowed)
	rng := rand.New(rand.NewPCG(7, 7))
	var data [][][]Hash
	var golds [][]int
	for i := 0; i < 400; i++ {
		f, g := toy(rng)
		data, golds = append(data, f), append(golds, g)
	}
	for ep := 0; ep < 100; ep++ {
		for i := range data {
			tr.Learn(data[i], golds[i])
		}
	}
	m := tr.Model(0)
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// the averaged model has learnt the task, and its shipped form, with
	// weights rounded to 16 bits, does as well
	var tf [][][]Hash
	var tg [][]int
	for i := 0; i < 200; i++ {
		f, g := toy(rng)
		tf, tg = append(tf, f), append(tg, g)
	}
	var wrongs []int
	for _, mod := range []*Model{m, back} {
		wrong := 0
		for i := range tf {
			f, g := tf[i], tg[i]
			em := make([][]float32, len(f))
			for k := range f {
				em[k] = make([]float32, mod.Tags)
				mod.Emit(f[k], em[k])
			}
			got, _ := mod.Decode(em, allowed)
			for k := range g {
				if got[k] != g[k] {
					wrong++
					break
				}
			}
		}
		wrongs = append(wrongs, wrong)
	}
	if wrongs[0] > 4 || wrongs[1] > wrongs[0]+2 {
		t.Errorf("toy sequences tagged wrong of 200: %d by the model, %d by its shipped form", wrongs[0], wrongs[1])
	}
	// the same weights encode to the same bytes, whatever the map order
	var again bytes.Buffer
	if err := back.Encode(&again); err != nil {
		t.Fatal(err)
	}
	var twice bytes.Buffer
	if err := m.Encode(&twice); err != nil || !bytes.Equal(buf.Bytes(), twice.Bytes()) {
		t.Error("encoding one model twice gives different bytes")
	}
}

func TestDecodeDamaged(t *testing.T) {
	tr := NewTrainer(2, nil)
	tr.Learn([][]Hash{{Start('a')}, {Start('b')}}, []int{0, 1})
	var buf bytes.Buffer
	if err := tr.Model(0).Encode(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for _, bad := range [][]byte{nil, []byte("QTLM"), good[:len(good)/2], append(append([]byte{}, good[:10]...), 0xff, 0xff)} {
		if _, err := Decode(bad); !errors.Is(err, ErrBadModel) {
			t.Errorf("damaged model (%d bytes): err %v, want ErrBadModel", len(bad), err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	tr := NewTrainer(3, nil)
	tr.Learn([][]Hash{{Start('a')}, {Start('b')}, {Start('c')}}, []int{0, 1, 2})
	var buf bytes.Buffer
	if err := tr.Model(0).Encode(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(_ *testing.T, data []byte) {
		m, err := Decode(data)
		if err != nil {
			return
		}
		em := [][]float32{make([]float32, m.Tags)}
		m.Emit([]Hash{Start('a')}, em[0])
		m.Decode(em, nil)
	})
}
