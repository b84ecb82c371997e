package model_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

func diffString(ops []model.DiffOp) string {
	var parts []string
	for _, op := range ops {
		s := string(op.Op) + "[" + op.Text + "]"
		if op.Alt != "" {
			s += "{" + op.Alt + "}"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct{ name, a, b, want string }{
		{"identical", "We are ready for dialogue.", "We are ready for dialogue.",
			"=[We are ready for dialogue.]"},
		{"case and punctuation align", "We are ready for dialogue.", "we are ready, for “dialogue”",
			"=[We are ready for dialogue.]{we are ready, for “dialogue”}"},
		{"a word changed", "Russia is ready for dialogue", "Russia is open to dialogue",
			"=[Russia is] -[ready for] +[open to] =[dialogue]"},
		{"reordered", "Moscow is open to dialogue with Washington", "Washington is open to dialogue with Moscow",
			"-[Moscow] +[Washington] =[is open to dialogue with] -[Washington] +[Moscow]"},
		{"punctuation stays with its word", "No preconditions are necessary; only a mutual desire.",
			"No preconditions are necessary, only mutual desire!",
			"=[No preconditions are necessary; only]{No preconditions are necessary, only} -[a] =[mutual desire.]{mutual desire!}"},
		{"glued quote is cut", "And“We are ready", "We are ready",
			"-[And] =[“We are ready]{We are ready}"},
		{"dangling punctuation joins a word", "the approach … our president", "the approach our president",
			"=[the approach … our president]{the approach our president}"},
		{"content words win over stop words",
			"we are ready for a broad dialogue that addresses all issues of the day",
			"no preconditions are needed for the dialogue and to address existing issues",
			"-[we are ready for a broad] +[no preconditions are needed for the] =[dialogue] -[that addresses all] +[and to address existing] =[issues] -[of the day]"},
		{"stop-word confetti folds", "the red lines of the West", "the interests of the country",
			"=[the] -[red lines of the West] +[interests of the country]"},
		{"acronym", "the US will reciprocate", "us and the US",
			"+[us and] =[the US] -[will reciprocate]"},
		{"left empty", "", "Trump won.", "+[Trump won.]"},
		{"both empty", "", "", ""},
		{"only punctuation", "—", "—", "=[—]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := diffString(model.WordDiff(tc.a, tc.b))
			if got != tc.want {
				t.Errorf("WordDiff(%q, %q)\n got %s\nwant %s", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

// TestWordDiffRebuildsBothTexts: the runs of each side, joined by spaces,
// give that side's words in order.
func TestWordDiffRebuildsBothTexts(t *testing.T) {
	for _, st := range cmpKremlin() {
		for _, other := range cmpKremlin()[:6] {
			ops := model.WordDiff(st.text, other.text)
			for _, side := range []struct {
				op   byte
				text string
			}{{'-', st.text}, {'+', other.text}} {
				var parts []string
				for _, op := range model.DiffSide(ops, side.op) {
					if op.Op != '=' && op.Op != side.op || op.Alt != "" {
						t.Fatalf("DiffSide(%c) gave %+v", side.op, op)
					}
					parts = append(parts, op.Text)
				}
				if got, want := strings.Join(parts, " "), strings.Join(strings.Fields(side.text), " "); got != want &&
					strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(want, " ", "") {
					t.Errorf("side %c rebuilt as\n%q\nwant\n%q", side.op, got, want)
				}
			}
			for k := 1; k < len(ops); k++ {
				if ops[k].Op == ops[k-1].Op {
					t.Errorf("two %c runs in a row: %s", ops[k].Op, diffString(ops))
				}
				if ops[k].Op == '-' && ops[k-1].Op == '+' {
					t.Errorf("insertion before deletion: %s", diffString(ops))
				}
			}
		}
	}
}

func ExampleWordDiff() {
	for _, op := range model.WordDiff("We are ready for a broad dialogue.", "We are ready for dialogue without preconditions.") {
		fmt.Printf("%c %s\n", op.Op, op.Text)
	}
	// Output:
	// = We are ready for
	// - a broad
	// = dialogue.
	// + without preconditions.
}
