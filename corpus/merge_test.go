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
// known speaker, similar words, close dates, different documents), with
// each undated group joined to the one dated group it is like.
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
		edges, attached := 0, 0
		want := groups(func(find func(int) int, link func(i, j int)) {
			alike := func(i, j int) bool {
				a, b := stmts[i], stmts[j]
				return a.Speaker == b.Speaker && a.Speaker != model.UnknownSpeaker && similar(shingles[i], shingles[j], norms[i], norms[j])
			}
			for i := range stmts {
				for j := i + 1; j < len(stmts); j++ {
					if alike(i, j) && stmts[i].Doc != stmts[j].Doc && datesClose(stmts[i].Date, stmts[j].Date) {
						edges++
						link(i, j)
					}
				}
			}
			// an undated group joins the one dated group its reports are
			// like, when one of those is in another document
			dated := map[int]map[int]bool{} // undated root → the dated roots alike
			other := map[int]int{}          // undated root → a dated report alike in another document
			for u := range stmts {
				if stmts[u].Date.Known() {
					continue
				}
				ru := find(u)
				if dated[ru] == nil {
					dated[ru] = map[int]bool{}
				}
				for j := range stmts {
					if stmts[j].Date.Known() && alike(u, j) {
						dated[ru][find(j)] = true
						if stmts[j].Doc != stmts[u].Doc {
							other[ru] = j
						}
					}
				}
			}
			for ru, roots := range dated {
				if j, ok := other[ru]; ok && len(roots) == 1 {
					attached++
					link(ru, j)
				}
			}
		})
		// a link may name any report of a group, not the one met
		got := groups(func(find func(int) int, link func(i, j int)) {
			linkReports(stmts, norms, shingles, first, find, link)
		})
		if edges < 40 || attached < 5 {
			t.Fatalf("seed %d: the fixture has only %d pairs and %d undated groups attached; it tests nothing", seed, edges, attached)
		}
		for i := range stmts {
			for j := i + 1; j < len(stmts); j++ {
				if (want[i] == want[j]) != (got[i] == got[j]) {
					t.Fatalf("seed %d: statements %d and %d: one group %v exhaustively, %v by the sweep\n%q %s %v\n%q %s %v", seed, i, j,
						want[i] == want[j], got[i] == got[j], stmts[i].Text, stmts[i].Doc, stmts[i].Date.Label(), stmts[j].Text, stmts[j].Doc, stmts[j].Date.Label())
				}
			}
		}
		t.Logf("seed %d: %d pairs, %d undated groups attached, %d statements", seed, edges, attached, len(stmts))
	}
}

// TestMergeAttachesUndated: an undated report of a dated quote joins it and
// the merged statement keeps the date; one like two dated occasions stays
// apart.
func TestMergeAttachesUndated(t *testing.T) {
	quote := "We have always been ready for dialogue with Washington on strategic stability"
	day := func(y int, m time.Month, d int) model.Date {
		return model.DayDate(model.Day(y, m, d), "", "", model.Span{})
	}
	st := func(id, doc, text string, date model.Date) *model.Statement {
		return &model.Statement{ID: id, Doc: doc, Speaker: "Dmitry Peskov", Text: text, Date: date, Sources: []string{doc}}
	}
	docs := []*model.Document{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}

	// the undated report has more words, so it is the clearer text
	got := MergeReports(docs, []*model.Statement{
		st("a#1", "a", quote, day(2024, 11, 7)),
		st("b#1", "b", quote+" and arms control", model.Date{}),
	})
	if len(got) != 1 || !got[0].Date.Known() || len(got[0].Sources) != 2 {
		t.Fatalf("one dated quote and its undated report: got %d statements, first dated %v, sources %v", len(got), got[0].Date.Known(), got[0].Sources)
	}

	got = MergeReports(docs, []*model.Statement{
		st("a#1", "a", quote, day(2021, 1, 24)),
		st("c#1", "c", quote, day(2024, 11, 7)),
		st("b#1", "b", quote, model.Date{}),
	})
	if len(got) != 3 {
		t.Fatalf("an undated report like two dated occasions: got %d statements, want 3 apart", len(got))
	}
}
