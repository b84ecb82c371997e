package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

// queryFixture is a small corpus: two documents, six statements by four
// speakers, dated across the periods, one undated.
func queryFixture() *Corpus {
	text := "Peskov said we can not tango alone. Putin noted the sanctions race. Лавров сказал всё. We are ready for dialogue. Trump: cease wars."
	docs := []*Document{
		{ID: "a", Path: "a.txt", Title: "A", Text: text, Date: DayDate(Day(2024, 11, 11), "", "test", Span{})},
		{ID: "b", Path: "b.txt", Title: "B", Text: "Biden spoke.", Date: Date{Precision: PrecisionUnknown}},
	}
	st := func(id, doc, speaker, txt string, d Date, topics ...string) *Statement {
		s := &Statement{ID: id, Doc: doc, Speaker: speaker, Kind: Direct, Text: txt, Date: d, Sources: []string{doc}}
		if i := strings.Index(docs[0].Text, txt); doc == "a" && i >= 0 {
			s.Span = Span{i, i + len(txt)}
		}
		for _, t := range topics {
			s.Topics = append(s.Topics, TopicMatch{Topic: t, Words: []string{t}})
		}
		return s
	}
	stmts := []*Statement{
		st("a#2", "a", "Vladimir Putin", "the sanctions race", DayDate(Day(2024, 11, 7), "", "", Span{}), "sanctions"),
		st("a#1", "a", "Dmitry Peskov", "we can not tango alone", DayDate(Day(2024, 11, 11), "", "", Span{}), "dialogue"),
		st("b#1", "b", "Joe Biden", "spoke", Date{Precision: PrecisionUnknown}),
		st("x#1", "a", "Dmitry Peskov", "ready for dialogue", MonthDate(2021, time.February, "", "", Span{}), "dialogue"),
		st("x#2", "a", "Donald Trump", "cease wars", DayDate(Day(2020, 5, 1), "", "", Span{})),
		st("a#3", "a", "Sergey Lavrov", "всё", DayDate(Day(2025, 2, 1), "", "", Span{})),
	}
	speakers := []*Speaker{
		{Name: "Dmitry Peskov", Role: "Kremlin spokesman", Affiliation: Russia, Aliases: []string{"Dmitri Peskov", "Peskov"}},
		{Name: "Vladimir Putin", Role: "President of Russia", Affiliation: Russia},
		{Name: "Sergey Lavrov", Role: "Foreign Minister of Russia", Affiliation: Russia, Aliases: []string{"Sergei Lavrov"}},
		{Name: "Donald Trump", Affiliation: UnitedStates},
		{Name: "Joe Biden", Affiliation: UnitedStates},
		{Name: "Nobody Said", Affiliation: Other},
	}
	return New("fixture", docs, stmts, speakers, []Skipped{{"c.png", "binary"}})
}

func ids(c *Corpus, idx []int) []string {
	out := []string{}
	for _, i := range idx {
		out = append(out, c.Statements[i].ID)
	}
	return out
}

func TestNewSortsAndCounts(t *testing.T) {
	c := queryFixture()
	got := ids(c, c.Query(Filter{}))
	want := []string{"x#2", "x#1", "a#2", "a#1", "a#3", "b#1"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("timeline order = %v, want %v (by date, undated last)", got, want)
	}
	if c.Speakers[0].Name != "Dmitry Peskov" || c.Speakers[0].Count != 2 {
		t.Errorf("first speaker = %+v, want Peskov with 2", c.Speakers[0])
	}
	for _, sp := range c.Speakers {
		if sp.Name == "Nobody Said" {
			t.Error("a speaker with no statements is listed")
		}
	}
}

func TestQuery(t *testing.T) {
	c := queryFixture()
	cases := []struct {
		name string
		f    Filter
		want []string
	}{
		{"speaker canonical", Filter{Speakers: []string{"Dmitry Peskov"}}, []string{"x#1", "a#1"}},
		{"speaker alias any case", Filter{Speakers: []string{"dmitri peskov"}}, []string{"x#1", "a#1"}},
		{"speaker surname", Filter{Speakers: []string{"PESKOV"}}, []string{"x#1", "a#1"}},
		{"two speakers", Filter{Speakers: []string{"Peskov", "Putin"}}, []string{"x#1", "a#2", "a#1"}},
		{"unknown speaker matches nothing", Filter{Speakers: []string{"Zelensky"}}, []string{}},
		{"affiliation", Filter{Affiliations: []Affiliation{UnitedStates}}, []string{"x#2", "b#1"}},
		{"topic", Filter{Topics: []string{"dialogue"}}, []string{"x#1", "a#1"}},
		{"period", Filter{Periods: []Period{PeriodBiden}}, []string{"x#1", "a#2", "a#1"}},
		{"period unknown", Filter{Periods: []Period{PeriodUnknown}}, []string{"b#1"}},
		{"words prefix", Filter{Query: "tang"}, []string{"a#1"}},
		{"words all must match", Filter{Query: "tango sanctions"}, []string{}},
		{"words match speaker", Filter{Query: "lavrov"}, []string{"a#3"}},
		{"words non-latin", Filter{Query: "ВСЁ"}, []string{"a#3"}},
		{"from", Filter{From: Day(2024, 11, 8)}, []string{"a#1", "a#3"}},
		{"to", Filter{To: Day(2021, 2, 28)}, []string{"x#2", "x#1"}},
		{"from-to", Filter{From: Day(2024, 1, 1), To: Day(2024, 12, 31)}, []string{"a#2", "a#1"}},
		{"combined", Filter{Speakers: []string{"Peskov"}, Periods: []Period{PeriodBiden}, Query: "tango"}, []string{"a#1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(c, c.Query(tc.f))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Query(%s) = %v, want %v", tc.f.String(), got, tc.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	c := queryFixture()
	f, err := c.Resolve(Filter{Speakers: []string{"sergei lavrov"}})
	if err != nil || !reflect.DeepEqual(f.Speakers, []string{"Sergey Lavrov"}) {
		t.Errorf("Resolve alias = %v, %v", f.Speakers, err)
	}
	if _, err := c.Resolve(Filter{Speakers: []string{"Zelensky"}}); err == nil || !strings.Contains(err.Error(), "Zelensky") {
		t.Errorf("Resolve unknown speaker: err = %v, want one naming it", err)
	}
}

func TestWords(t *testing.T) {
	got := Words("Russia’s “open” stance — can't, won’t; 22,000 Путин!")
	want := []string{"russia's", "open", "stance", "can't", "won't", "22", "000", "путин"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestParagraphSpans(t *testing.T) {
	text := "  First para\nsame para.\n\n\n  Second.  \n \nThird"
	var got []string
	for _, s := range ParagraphSpans(text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"First para\nsame para.", "Second.", "Third"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParagraphSpans = %q, want %q", got, want)
	}
}

func TestDump(t *testing.T) {
	c := queryFixture()
	f := Filter{Speakers: []string{"Dmitry Peskov"}}
	d := Dump(c, c.Query(f), f, Split{})
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back["schema"] != DumpSchema || len(d.Statements) != 2 || len(d.Documents) != 2 {
		t.Fatalf("dump: schema %v, %d statements, %d documents", back["schema"], len(d.Statements), len(d.Documents))
	}
	if len(d.Speakers) != 1 || d.Speakers[0].Count != 2 {
		t.Errorf("dump speakers = %+v, want Peskov with 2", d.Speakers)
	}
	for _, s := range d.Statements {
		// spans are in code points: check against the rune slice
		doc := []rune(c.Document(s.Doc).Text)
		if s.Span[1] > len(doc) || string(doc[s.Span[0]:s.Span[1]]) != s.Text {
			t.Errorf("statement %s: span %v does not select %q", s.ID, s.Span, s.Text)
		}
	}
	if d.Statements[1].Side != SideTrump || d.Statements[0].Side != SideBiden {
		t.Errorf("sides = %s, %s; want biden, trump", d.Statements[0].Side, d.Statements[1].Side)
	}
	if d.Documents[1].Date.Value != nil || d.Documents[1].Date.Precision != "unknown" {
		t.Errorf("undated document: %+v", d.Documents[1].Date)
	}
	if !strings.Contains(string(b), `"value":"2024-11-11"`) {
		t.Error("dates are not rendered as YYYY-MM-DD")
	}
}

func TestDumpSpanNonASCII(t *testing.T) {
	c := queryFixture()
	idx := c.Query(Filter{Speakers: []string{"Lavrov"}})
	d := Dump(c, idx, Filter{}, Split{})
	doc := []rune(c.Document("a").Text)
	s := d.Statements[0]
	if string(doc[s.Span[0]:s.Span[1]]) != "всё" {
		t.Errorf("non-ASCII span %v selects %q", s.Span, string(doc[s.Span[0]:s.Span[1]]))
	}
}
