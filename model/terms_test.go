package model_test

import (
	"math"
	"slices"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

// TestTermsLogOddsByHand checks the z-scores on a two-statement corpus
// against eq. 22 of Monroe, Colaresi & Quinn (2008) worked by hand.
//
// Left (2022): "Dialogue. Dialogue. Sanctions."  Right (2025): "Dialogue. Peace."
// The full stops keep out bigrams, so the features are the stems
// dialogu, sanction, peac:
//
//	left:  y(dialogu)=2 y(sanction)=1           n_L = 3
//	right: y(dialogu)=1 y(peac)=1               n_R = 2
//	corpus: 3, 1, 1 of 5; α_0 = PriorSize = 1000
//	α(dialogu) = 1000·3/5 = 600, α(sanction) = α(peac) = 1000·1/5 = 200
//
//	dialogue:  δ = ln(602/(3+1000−2−600)) − ln(601/(2+1000−1−600))
//	             = ln(602/401) − ln(601/401) = ln(602/601) = 0.0016625
//	           σ² = 1/602 + 1/601 = 0.0033250, z = 0.0016625/0.0576628 = 0.028831
//	sanctions: δ = ln(201/802) − ln(200/802) = ln(201/200) = 0.0049875
//	           σ² = 1/201 + 1/200 = 0.0099751, z = 0.049938
//	peace:     δ = ln(200/803) − ln(201/801) = −0.0074813
//	           σ² = 1/200 + 1/201 = 0.0099751, z = −0.074906
func TestTermsLogOddsByHand(t *testing.T) {
	c := cmpBuild([]cmpFx{
		{"l#1", cmpPeskov, cmpDay(2022, 5, 1), nil, "Dialogue. Dialogue. Sanctions."},
		{"r#1", cmpPeskov, cmpDay(2025, 5, 1), nil, "Dialogue. Peace."},
	})
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{})
	want := map[string]struct {
		z    float64
		l, r int
	}{
		"Dialogue":  {0.028831, 2, 1},
		"Sanctions": {0.049938, 1, 0},
		"Peace":     {-0.074906, 0, 1},
	}
	got := map[string]model.Term{}
	for _, tm := range append(slices.Clone(cmp.Left.Terms), cmp.Right.Terms...) {
		got[tm.Term] = tm
	}
	if len(got) != len(want) {
		t.Errorf("terms %v, want %d", got, len(want))
	}
	for term, w := range want {
		g, ok := got[term]
		if !ok {
			t.Errorf("no term %q in %v", term, got)
			continue
		}
		if math.Abs(g.Z-w.z) > 5e-6 || g.LeftCount != w.l || g.RightCount != w.r {
			t.Errorf("%s: z %.6f counts %d/%d, want z %.6f counts %d/%d", term, g.Z, g.LeftCount, g.RightCount, w.z, w.l, w.r)
		}
	}
	// left terms lean left, most distinctive first; right terms lean right
	if len(cmp.Left.Terms) != 2 || cmp.Left.Terms[0].Term != "Sanctions" || cmp.Right.Terms[0].Term != "Peace" {
		t.Errorf("left %v, right %v", cmp.Left.Terms, cmp.Right.Terms)
	}
}

// TestTermsPriorFromWholeCorpus: the prior counts the whole corpus, not
// only the compared statements, so adding statements outside the
// comparison changes the z of a term they use.
func TestTermsPriorFromWholeCorpus(t *testing.T) {
	base := []cmpFx{
		{"l#1", cmpPeskov, cmpDay(2022, 5, 1), nil, "Dialogue. Dialogue. Sanctions."},
		{"r#1", cmpPeskov, cmpDay(2025, 5, 1), nil, "Dialogue. Peace."},
	}
	z := func(stmts []cmpFx) float64 {
		c := cmpBuild(stmts)
		ids := []int{cmpByID(c, "l#1"), cmpByID(c, "r#1")}
		for _, tm := range c.Compare(ids, model.Split{}, model.CompareOptions{}).Left.Terms {
			if tm.Term == "Sanctions" {
				return tm.Z
			}
		}
		return math.NaN()
	}
	alone := z(base)
	more := z(append(base, cmpFx{"x#1", cmpPeskov, cmpDay(2020, 1, 1), nil, "Sanctions. Sanctions. Sanctions."}))
	if !(more < alone) {
		t.Errorf("z(sanctions) %.6f with a corpus that uses it more, %.6f without; want it lower", more, alone)
	}
}

func TestTermsSurfaceBigramsAndFilter(t *testing.T) {
	c := cmpBuild([]cmpFx{
		{"l#1", cmpPeskov, cmpDay(2021, 3, 1), nil, "We will not tolerate crossing the red lines."},
		{"l#2", cmpPeskov, cmpDay(2021, 4, 1), nil, "These are the red lines, which cannot be crossed."},
		{"l#3", cmpPeskov, cmpDay(2022, 4, 1), nil, "The red lines of Russia are clear; partners know them."},
		{"r#1", cmpPeskov, cmpDay(2025, 1, 10), nil, "Only political will is needed, and the President-elect has shown it."},
		{"r#2", cmpPeskov, cmpDay(2025, 1, 11), nil, "Political will and mutual desire; the President-elect's words matter."},
		{"r#3", cmpPeskov, cmpDay(2025, 1, 12), nil, "The U.S. must show political will."},
	})
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{TopTerms: 4})
	terms := func(ts []model.Term) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Term)
		}
		return out
	}
	left, right := terms(cmp.Left.Terms), terms(cmp.Right.Terms)
	if !slices.Contains(left, "red lines") {
		t.Errorf("left terms %v lack the bigram \"red lines\"", left)
	}
	if slices.Contains(left, "red") {
		t.Errorf("left terms %v list \"red\", which only occurs in \"red lines\"", left)
	}
	if !slices.Contains(right, "President-elect") {
		t.Errorf("right terms %v lack \"President-elect\" (a hyphenated bigram, shown as written)", right)
	}
	if len(cmp.Left.Terms) > 4 || len(cmp.Right.Terms) > 4 {
		t.Errorf("TopTerms 4: %d and %d", len(cmp.Left.Terms), len(cmp.Right.Terms))
	}
	for _, tm := range cmp.Right.Terms {
		if tm.Z >= 0 || tm.RightCount == 0 {
			t.Errorf("right term %+v does not lean right", tm)
		}
	}

	ids := func(is []int) []string {
		var out []string
		for _, i := range is {
			out = append(out, c.Statements[i].ID)
		}
		return out
	}
	for _, tc := range []struct {
		term string
		want []string
	}{
		{"red lines", []string{"l#1", "l#2", "l#3"}},
		{"political", []string{"r#1", "r#2", "r#3"}},
		{"Politics", []string{"r#1", "r#2", "r#3"}}, // stemmed as the comparison stems
		{"president-elect", []string{"r#1", "r#2"}},
		{"US", []string{"r#3"}},
		{"crossed", []string{"l#1", "l#2"}},
		{"the", nil},
		{"zebra", nil},
	} {
		if got := ids(c.WithTerm(cmpAll(c), tc.term)); !slices.Equal(got, tc.want) {
			t.Errorf("WithTerm(%q) = %v, want %v", tc.term, got, tc.want)
		}
	}
	// a Term's Key works too, and the ids given are the ones filtered
	if len(cmp.Left.Terms) > 0 {
		k := cmp.Left.Terms[0].Key
		if got := c.WithTerm(cmp.Right.IDs, k); len(got) != 0 {
			t.Errorf("WithTerm(right, %q) = %v", k, got)
		}
		if got := c.WithTerm(cmp.Left.IDs, k); len(got) == 0 {
			t.Errorf("WithTerm(left, %q) found nothing", k)
		}
	}
}

// TestTermsNamesWillAndCover: bigrams keep to whole names and titles
// ("President-elect", "Donald Trump", not "elect Donald"); "will" is a
// content word as the noun ("political will to engage") and a stop word
// as the modal; a unigram mostly used inside a listed bigram ("States" in
// "United States") is not listed beside it; "expressed" introduces speech
// and is no term.
func TestTermsNamesWillAndCover(t *testing.T) {
	c := cmpBuild([]cmpFx{
		{"l#1", cmpPeskov, cmpDay(2021, 3, 1), nil, "The United States will have to listen."},
		{"l#2", cmpPeskov, cmpDay(2021, 4, 1), nil, "Washington and the United States administration are not ready."},
		{"l#3", cmpPeskov, cmpDay(2022, 4, 1), nil, "The United States will choose; the States decide."},
		{"l#4", cmpPeskov, cmpDay(2022, 5, 1), nil, "Relations with the United States are at a low point."},
		{"r#1", cmpTrump, cmpDay(2025, 1, 10), nil, "Russia expressed approval of President-elect Donald Trump's political will to engage."},
		{"r#2", cmpPeskov, cmpDay(2025, 1, 11), nil, "President-elect Donald Trump has expressed the political will of a leader."},
	})
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{TopTerms: 20})
	var left, right []string
	for _, tm := range cmp.Left.Terms {
		left = append(left, tm.Term)
	}
	for _, tm := range cmp.Right.Terms {
		right = append(right, tm.Term)
	}
	if !slices.Contains(left, "United States") || slices.Contains(left, "States") || slices.Contains(left, "United") {
		t.Errorf("left terms %v: want \"United States\" without \"States\" (4 of 5 uses inside it) or \"United\"", left)
	}
	for _, want := range []string{"President-elect", "Donald Trump", "political will"} {
		if !slices.Contains(right, want) {
			t.Errorf("right terms %v lack %q", right, want)
		}
	}
	for _, bad := range []string{"elect Donald", "will", "expressed"} {
		if slices.Contains(right, bad) || slices.Contains(left, bad) {
			t.Errorf("terms %v / %v list %q", left, right, bad)
		}
	}
	if got := c.WithTerm(cmpAll(c), "political will"); len(got) != 2 {
		t.Errorf("WithTerm(political will) = %v, want r#1 and r#2", got)
	}
}
