package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

// TestLinkReportsExact checks the class sweep against the exhaustive
// comparison of every pair: the groups it makes must be exactly the
// connected groups of the pairs that are reports of one statement (same
// known speaker, similar words, close dates, different documents).
func TestLinkReportsExact(t *testing.T) {
	for seed := range uint64(6) {
		r := rand.New(rand.NewPCG(7, 11+seed))
		vocab := strings.Fields("we are ready for dialogue but not for diktat the united states must see reciprocal steps sanctions war ukraine talks nato peace open normalization relations moscow washington")
		speakers := []string{"A", "B", model.UnknownSpeaker}
		var stmts []*model.Statement
		var bases [][]string
		for i := 0; i < 900; i++ {
			var words []string
			switch {
			case len(bases) > 0 && r.IntN(3) == 0:
				// the same words again: a quote repeated or carried
				words = bases[r.IntN(len(bases))]
			case len(bases) > 0 && r.IntN(2) == 0:
				// a near copy of an earlier text: a few words changed
				words = append([]string(nil), bases[r.IntN(len(bases))]...)
				for k := r.IntN(3); k > 0; k-- {
					words[r.IntN(len(words))] = vocab[r.IntN(len(vocab))]
				}
			default:
				for k := 2 + r.IntN(14); k > 0; k-- {
					words = append(words, vocab[r.IntN(len(vocab))])
				}
			}
			bases = append(bases, words)
			// dates: a day, a short range, a wide range or none, in a few
			// months, so that some pairs are close and some are not
			var date model.Date
			day := model.Day(2024, time.Month(1+r.IntN(4)), 1+r.IntN(28))
			switch r.IntN(5) {
			case 0, 1:
				date = model.DayDate(day, "", "", model.Span{})
			case 2:
				date = model.RangeDate(day, day.AddDate(0, 0, r.IntN(10)), "", "", model.Span{})
			case 3:
				date = model.RangeDate(day.AddDate(0, 0, -r.IntN(200)), day.AddDate(0, 0, r.IntN(200)), "", "", model.Span{})
			}
			stmts = append(stmts, &model.Statement{ID: fmt.Sprint(i), Doc: fmt.Sprint(r.IntN(60)), Speaker: speakers[r.IntN(len(speakers))], Text: strings.Join(words, " "), Date: date})
		}
		shingles := make([][]uint64, len(stmts))
		norms := make([]string, len(stmts))
		for i, s := range stmts {
			w := normWords(s.Text)
			norms[i], shingles[i] = strings.Join(w, " "), shingleSet(w)
		}
		first := make([]int, len(stmts))
		for i := range first {
			first[i] = i
		}
		// groups runs pairs with a union-find and returns each statement's group
		groups := func(pairs func(find func(int) int, link func(i, j int))) []int {
			parent := make([]int, len(stmts))
			for i := range parent {
				parent[i] = i
			}
			find := func(i int) int {
				for parent[i] != i {
					i = parent[i]
				}
				return i
			}
			pairs(find, func(i, j int) {
				if ri, rj := find(i), find(j); ri != rj {
					parent[max(ri, rj)] = min(ri, rj)
				}
			})
			out := make([]int, len(stmts))
			for i := range out {
				out[i] = find(i)
			}
			return out
		}
		edges := 0
		want := groups(func(_ func(int) int, link func(i, j int)) {
			for i := range stmts {
				for j := i + 1; j < len(stmts); j++ {
					a, b := stmts[i], stmts[j]
					if a.Speaker == b.Speaker && a.Speaker != model.UnknownSpeaker && a.Doc != b.Doc &&
						datesClose(a.Date, b.Date) && similar(shingles[i], shingles[j], norms[i], norms[j]) {
						edges++
						link(i, j)
					}
				}
			}
		})
		// a link may name any report of a group, not the one met
		got := groups(func(find func(int) int, link func(i, j int)) {
			linkReports(stmts, norms, shingles, first, find, link)
		})
		if edges < 40 {
			t.Fatalf("seed %d: the fixture has only %d pairs; it tests nothing", seed, edges)
		}
		for i := range stmts {
			for j := i + 1; j < len(stmts); j++ {
				if (want[i] == want[j]) != (got[i] == got[j]) {
					t.Fatalf("seed %d: statements %d and %d: one group %v exhaustively, %v by the sweep\n%q %s %v\n%q %s %v", seed, i, j,
						want[i] == want[j], got[i] == got[j], stmts[i].Text, stmts[i].Doc, stmts[i].Date.Label(), stmts[j].Text, stmts[j].Doc, stmts[j].Date.Label())
				}
			}
		}
		t.Logf("seed %d: %d pairs, %d statements", seed, edges, len(stmts))
	}
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
