package corpus

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/quotetrail/quotetrail/corpus/gen"
	"github.com/quotetrail/quotetrail/model"
)

// The taggers score tokens by tables of features (cueEmit, roleEmit); the
// scores must be the model's own over cueFeatures and roleFeatures, to the
// bit, for every token of every sentence and every cue's window.
func TestFastEmissionsAreTheModels(t *testing.T) {
	r := stmtRegistry(t)
	m, err := r.attrib.get()
	if err != nil || m == nil {
		t.Skip("no attribution model")
	}
	var texts []string
	paths, _ := filepath.Glob("seed/*.txt")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(b))
		}
	}
	for f := range gen.Files(30, 7) {
		if f.Format == "txt" && f.Bad == "" {
			texts = append(texts, string(f.Data))
		}
	}
	texts = append(texts,
		"“‘“Deep,” he said, “‘nested’ quotes” — she wrote: “a ‘b “c” d’ e”.”\n\nThe minister told reporters: ok.",
		"Said said said. He said, said she, according to according to them: “that”.")
	if len(texts) < 10 {
		t.Fatalf("only %d texts", len(texts))
	}
	same := func(a, b [][]float32) bool {
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			for j := range a[i] {
				if math.Float32bits(a[i][j]) != math.Float32bits(b[i][j]) {
					return false
				}
			}
		}
		return true
	}
	copyRows := func(em [][]float32) [][]float32 {
		out := make([][]float32, len(em))
		for i := range em {
			out[i] = append([]float32(nil), em[i]...)
		}
		return out
	}
	rows := 0
	for n, text := range texts {
		a := newAnalysis(r, &model.Document{ID: "t", Text: text})
		x := a.newAttrCtx()
		at := x.at
		cueTok := make([]bool, len(at.toks))
		for k := range cueTok {
			cueTok[k] = k%7 == 0
		}
		for _, s := range at.sents {
			lo, hi := s[0], s[1]
			if hi <= lo {
				continue
			}
			want := copyRows(x.emissions(m.cue, hi-lo, func(j int, f featBuf) featBuf { return x.cueFeatures(lo+j, lo, hi, f) }))
			if got := x.cueEmissions(m, lo, hi, lo, hi); !same(got, want) {
				t.Fatalf("text %d: cue scores of sentence %v differ", n, s)
			}
			rows += hi - lo
			// every token as a cue of one and of two tokens
			for c0 := lo; c0 < hi; c0++ {
				for c1 := c0 + 1; c1 <= min(hi, c0+2); c1++ {
					p := at.roleWindow([2]int{c0, c1})
					rw := x.newRoleWindow(p[0], p[1], c0, c1, cueTok)
					want := copyRows(x.emissions(m.role, p[1]-p[0], func(k int, f featBuf) featBuf { return x.roleFeatures(rw, p[0]+k, f) }))
					fast := &x.rw
					x.initRoleWindow(fast, p[0], p[1], c0, c1, cueTok)
					if got := x.roleEmissions(m, fast); !same(got, want) {
						t.Fatalf("text %d: role scores of cue %d–%d differ", n, c0, c1)
					}
					rows += p[1] - p[0]
				}
			}
		}
	}
	t.Logf("%d texts, %d rows compared", len(texts), rows)
}
