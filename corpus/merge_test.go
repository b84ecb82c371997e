package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

// TestMergeCandidatesExact checks the prefix filter against the exhaustive
// comparison of every same-speaker pair: it must find every pair whose
// shingle Jaccard reaches MergeJaccard.
func TestMergeCandidatesExact(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	vocab := strings.Fields("we are ready for dialogue but not for diktat the united states must see reciprocal steps sanctions war ukraine talks nato peace open normalization relations moscow washington")
	speakers := []string{"A", "B", model.UnknownSpeaker}
	var stmts []*model.Statement
	var bases [][]string
	for i := 0; i < 400; i++ {
		var words []string
		if len(bases) > 0 && r.IntN(2) == 0 {
			// a near copy of an earlier text: a few words changed
			words = append([]string(nil), bases[r.IntN(len(bases))]...)
			for k := r.IntN(3); k > 0; k-- {
				words[r.IntN(len(words))] = vocab[r.IntN(len(vocab))]
			}
		} else {
			for k := 2 + r.IntN(14); k > 0; k-- {
				words = append(words, vocab[r.IntN(len(vocab))])
			}
		}
		bases = append(bases, words)
		stmts = append(stmts, &model.Statement{ID: fmt.Sprint(i), Doc: fmt.Sprint(i % 37), Speaker: speakers[r.IntN(len(speakers))], Text: strings.Join(words, " ")})
	}
	shingles := make([]map[string]bool, len(stmts))
	norms := make([]string, len(stmts))
	for i, s := range stmts {
		w := normWords(s.Text)
		norms[i], shingles[i] = strings.Join(w, " "), shingleSet(w)
	}
	got := map[[2]int]bool{}
	first := make([]int, len(stmts))
	for i := range first {
		first[i] = i
	}
	for _, p := range mergeCandidates(stmts, shingles, norms, first) {
		if p[0] >= p[1] || got[p] {
			t.Fatalf("pair %v is out of order or repeated", p)
		}
		got[p] = true
	}
	want := 0
	for i := range stmts {
		for j := i + 1; j < len(stmts); j++ {
			a, b := stmts[i], stmts[j]
			if a.Speaker != b.Speaker || a.Speaker == model.UnknownSpeaker || !similar(shingles[i], shingles[j], norms[i], norms[j]) {
				continue
			}
			want++
			if !got[[2]int{i, j}] {
				t.Errorf("similar pair %d,%d (%q / %q) is not a candidate", i, j, a.Text, b.Text)
			}
		}
	}
	if want < 20 {
		t.Fatalf("the fixture has only %d similar pairs; it tests nothing", want)
	}
	t.Logf("%d similar pairs, %d candidates, %d same-speaker pairs in all", want, len(got), sameSpeakerPairs(stmts))
}

func sameSpeakerPairs(stmts []*model.Statement) int {
	n := map[string]int{}
	for _, s := range stmts {
		if s.Speaker != model.UnknownSpeaker {
			n[s.Speaker]++
		}
	}
	total := 0
	for _, k := range n {
		total += k * (k - 1) / 2
	}
	return total
}
