package corpus

import (
	"strings"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

// Crashers the fuzz targets found, as named cases (the raw inputs are in
// testdata/fuzz/<target>/ and run with the seed corpora).
func TestFuzzRegressions(t *testing.T) {
	cases := []struct{ name, text string }{
		// FuzzExtract: ", according to X" at the very start indexed T[-1] (frames.go)
		{"according-to-at-start", ",ACCording to Peskov"},
		{"according-to-at-start-2", ", according to the Kremlin, talks are over."},
		// a role shared by three people: the table entry for two had no
		// speaker and the third dereferenced it (attribute.go addAlias)
		{"role-of-three-people", "Foreign Minister Sergey Lavrov said “yes.” Foreign Minister Antony Blinken said “no.” Foreign Minister Annalena Baerbock said “maybe.” The foreign minister said “later.”"},
	}
	r := stmtRegistry(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := &model.Document{ID: "r", Text: c.text}
			stmts, _ := r.Extract(doc)
			for _, s := range stmts {
				if !s.Span.In(len(c.text)) || c.text[s.Span.Start:s.Span.End] != s.Text {
					t.Errorf("%s: bad span %v", s.ID, s.Span)
				}
			}
			checkProcessed(t, r.Process(Article{ID: "r", Path: "r.txt", Raw: []byte(c.text)}))
		})
	}
}

// A quote repeated word for word in one document takes part in merging
// through its first occurrence (merge.go); the result is what pairing
// every repeat would give, without the quadratic number of pairs.
func TestMergeRepeatsInOneDocument(t *testing.T) {
	d := model.DayDate(model.Day(2024, 5, 1), "May 1", "t", model.Span{})
	far := model.DayDate(model.Day(2024, 9, 1), "September 1", "t", model.Span{})
	st := func(id, doc, text string, date model.Date) *model.Statement {
		return &model.Statement{ID: id, Doc: doc, Speaker: "Dmitry Peskov", Text: text, Date: date, Sources: []string{doc}}
	}
	q := "We are ready for talks with Washington, but not at any price"
	cases := []struct {
		name  string
		stmts []*model.Statement
		want  []string // ID: sources
	}{
		{"repeats alone stay apart", []*model.Statement{st("a#1", "a", q, d), st("a#2", "a", q, d), st("a#3", "a", q, d)},
			[]string{"a#1:a", "a#2:a", "a#3:a"}},
		{"repeats follow their first into a merge", []*model.Statement{st("a#1", "a", q, d), st("a#2", "a", q, d), st("b#1", "b", q, d), st("a#3", "a", q, d)},
			[]string{"a#1:a b"}},
		{"a repeat on another date is its own statement", []*model.Statement{st("a#1", "a", q, d), st("a#2", "a", q, far), st("b#1", "b", q, d)},
			[]string{"a#1:a b", "a#2:a"}},
	}
	for _, c := range cases {
		var got []string
		for _, s := range MergeReports([]*model.Document{{ID: "a"}, {ID: "b"}}, c.stmts) {
			got = append(got, s.ID+":"+strings.Join(s.Sources, " "))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// A UTF-8 file cut off inside its last character is UTF-8 with one stray
// sequence, not Windows-1252 (found by the hostile corpus: a short article
// with two curly quotes and a cut “ was read as mojibake).
func TestDecodeTruncatedUTF8(t *testing.T) {
	text, enc, _ := Decode([]byte("\xe2\x80\x9cWe are ready,\xe2\x80\x9d he said. Then: \xe2\x80"))
	if enc != "utf-8" || text != "\u201cWe are ready,\u201d he said. Then: \ufffd\ufffd" {
		t.Errorf("decoded as %s: %q", enc, text)
	}
	if _, enc, _ := Decode([]byte("Caf\xe9 au lait, caf\xe9")); enc != "windows-1252" {
		t.Errorf("Latin-1 ending in a high byte decoded as %s", enc)
	}
}

// FuzzFrontMatter: the words before a labelled date ("…– date: 2000-1-1")
// were cut 30 bytes back, inside the en dash, and the evidence was invalid
// UTF-8 (dates.go lastBytes; clauseBefore cut after a curly quote's first
// byte the same way).
func TestDateEvidenceWholeCharacters(t *testing.T) {
	r := stmtRegistry(t)
	for _, raw := range []string{"\x96000000000000000000000 dAte: 2000-1-1", "“Yes,” ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ he said on Monday, date: 2021-03-04"} {
		p := r.Process(Article{ID: "r", Path: "r.txt", Raw: []byte(raw)})
		checkProcessed(t, p)
		if !p.Doc.Date.Known() {
			t.Errorf("%q: no date", raw)
		}
	}
}
