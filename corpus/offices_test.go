package corpus

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

func mustOffices(t testing.TB) *Events {
	t.Helper()
	e := &Events{Now: func() time.Time { return mkDay("2026-06-01") }}
	data, err := dataFS.ReadFile("data/offices.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.extendOffices(data); err != nil {
		t.Fatalf("built-in offices.tsv: %v", err)
	}
	return e
}

func TestOfficesTable(t *testing.T) {
	e := mustOffices(t)
	ids := map[string]*Office{}
	for _, of := range e.Offices.List() {
		if ids[of.ID] != nil {
			t.Errorf("id %s twice", of.ID)
		}
		ids[of.ID] = of
	}
	for id, want := range map[string]string{
		"us-president-obama": "2009-01-20", "trump-nominee-2016": "2016-05-03", "ru-fm-lavrov": "2004-03-09",
		"us-sos-blinken": "2021-01-26", "running-mate-kaine-2016": "2016-07-22",
	} {
		if ids[id] == nil || fmtDay(ids[id].Start) != want {
			t.Errorf("built-in office %s: want start %s, got %+v", id, want, ids[id])
		}
	}
	if of := ids["ru-fm-lavrov"]; of == nil || !of.End.IsZero() {
		t.Errorf("Lavrov's term lasts: %+v", of)
	}
	if of := ids["us-president-bill-clinton"]; of == nil || !of.Weak {
		t.Errorf("Bill Clinton's presidency is history, a hint: %+v", of)
	}
	if of := ids["candidate-rubio-2016"]; of == nil || !of.Status || fmtDay(of.NamedUntil) != "2016-11-08" {
		t.Errorf("Rubio's candidacy is a status named until the election: %+v", of)
	}

	good := "# a comment\n\nmy-envoy\t2025-02-01\t-\t-\tMy envoy\tJane Roe|Roe\tspecial envoy|% team\n" +
		"ru-fm-lavrov\t2004-03-10\t-\t-\tLavrov, moved\tSergei Lavrov|Lavrov\tForeign Minister\n"
	if err := e.extendOffices([]byte(good)); err != nil {
		t.Fatalf("extendOffices(good) = %v", err)
	}
	n := 0
	for _, of := range e.Offices.List() {
		if of.ID == "ru-fm-lavrov" {
			n++
			if fmtDay(of.Start) != "2004-03-10" {
				t.Errorf("a user row must replace the built-in row with its id")
			}
		}
	}
	if n != 1 {
		t.Errorf("ru-fm-lavrov appears %d times", n)
	}
	bad := []struct{ line, want string }{
		{"x\t2024-01-01\t-\t-\tlabel\tName", "want 7"},
		{"x\t2024-1-1\t-\t-\tlabel\tName\tTitle", "bad start date"},
		{"x\t2024-01-02\t2024-01-01\t-\tlabel\tName\tTitle", "before start"},
		{"x\t2024-01-01\t-\tshiny\tlabel\tName\tTitle", "unknown flag"},
		{"x\t2024-01-01\t-\tuntil=soon\tlabel\tName\tTitle", "until="},
		{"x\t2024-01-01\t-\t-\t-\tName\tTitle", "empty label"},
		{"x\t2024-01-01\t-\t-\tlabel\tNa(me\tTitle", "bad holder"},
		{"x\t2024-01-01\t-\t-\tlabel\tName\t%", "only the name"},
		{"x\t2024-01-01\t-\t-\tlabel\tName\t% and %", "twice"},
		{"x\t2024-01-01\t-\t-\tlabel\tName\tTi(tle", "bad titles"},
		{"two words\t2024-01-01\t-\t-\tlabel\tName\tTitle", "bad id"},
	}
	for _, b := range bad {
		err := (&Events{}).extendOffices([]byte("# header\n\n" + b.line + "\n"))
		if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), b.want) {
			t.Errorf("extendOffices(%q) = %v, want an error naming line 3 and %q", b.line, err, b.want)
		}
	}
}

// TestOfficeMentions: what a title given to a name says.
func TestOfficeMentions(t *testing.T) {
	e := mustOffices(t)
	cases := []struct {
		text string
		want string // "" for no mention, else the windows of the first mention and its reading
	}{
		{"Secretary of State John Kerry said.", "2013-02-01…2017-01-19"},
		{"US Secretary of State John Kerry said.", "2013-02-01…2017-01-19"},
		{"Hillary Clinton, the Democratic nominee, said.", "2016-06-06…2016-11-07"},
		{"the Democratic nominee, Hillary Clinton, said.", "2016-06-06…2016-11-07"},
		{"former President Barack Obama said.", "from 2017-01-20 former"},
		{"former US President Barack Obama said.", "from 2017-01-20 former"},
		{"Medvedev, the former Russian president, said.", "from 2012-05-07 former"},
		{"then-Secretary of State John Kerry said.", "from 2013-02-01 then"},
		{"the late Justice Antonin Scalia wrote.", "from 2016-02-13 former"},
		{"Vice President Joe Biden said.", "2009-01-20…2017-01-19"},
		{"the Obama administration said.", "2009-01-20…2017-01-19"},
		{"the previous Trump administration said.", "from 2021-01-20 former"},
		{"a former Obama administration official said.", ""},
		{"a Trump administration would build the wall.", ""},
		{"What would President Trump do?", ""},
		{"the presumptive Republican nominee Donald Trump said.", "2016-05-03…2016-07-18 ∪ 2020-03-17…2020-08-23 ∪ 2024-03-12…2024-07-14"},
		{"Foreign Minister Sergei Lavrov said.", "from 2004-03-09"},
		{"Trump said it.", ""},
		{"under President Obama, jobs grew.", "2009-01-20…2017-01-19"},
	}
	for _, c := range cases {
		lower := asciiLower(c.text)
		ms := matchOffices(e.holders, e.lits, e.lits.find(lower), c.text, lower)
		got := ""
		if len(ms) > 0 {
			m := ms[0]
			set, _, _ := officeSet(m.group, m.qual)
			got = windowList(set)
			got = strings.ReplaceAll(strings.ReplaceAll(got, "–", "…"), ", ", " ∪ ")
			if m.qual != "" {
				got += " " + m.qual
			}
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// officeTokens make texts dense in titles, names and the words around
// them.
var officeTokens = []string{
	"President", "president", "US", "U.S.", "Russian", "Vice", "former", "Former", "then-", "ex-", "late", "the", "a",
	"Barack", "Obama", "Donald", "J.", "Trump", "Joe", "Biden", "Hillary", "Clinton", "Vladimir", "Putin", "Dmitry",
	"Medvedev", "Peskov", "Kremlin", "spokesman", "Secretary", "of", "State", "John", "Kerry", "Republican", "GOP",
	"Democratic", "presidential", "nominee", "candidate", "presumptive", "administration", "White", "House",
	"campaign", "’s", "'s", "official", "running", "mate", "Mike", "Pence", "Gov.", "Sen.", "would", "Prime", "Minister",
	",", ", ", ". ", " ", " ", " ", "\n", "—", "Deputy", "Foreign", "Ministry", "spokeswoman", "Maria", "Zakharova",
}

// TestOfficePhrasesMatchPatterns: finding titles by their phrasings gives
// what the patterns give.
func TestOfficePhrasesMatchPatterns(t *testing.T) {
	e := mustOffices(t)
	var lt litTable
	byPattern, err := compileOffices(e.Offices.List(), &lt, false)
	if err != nil {
		t.Fatal(err)
	}
	x := newLitIndex(lt.lits)
	r := rand.New(rand.NewPCG(9, 10))
	for range 3000 {
		var b strings.Builder
		for range 3 + r.IntN(30) {
			b.WriteString(officeTokens[r.IntN(len(officeTokens))])
			if r.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		lower := asciiLower(text)
		got := describeMatches(matchOffices(e.holders, e.lits, e.lits.find(lower), text, lower))
		want := describeMatches(matchOffices(byPattern, x, x.find(lower), text, lower))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\nby phrases  %v\nby patterns %v", text, got, want)
		}
	}
}

func describeMatches(ms []officeMatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.group.rows[0].ID+" "+m.qual+" "+spanString(m.span))
	}
	return out
}

func spanString(s model.Span) string { return fmt.Sprintf("%d-%d", s.Start, s.End) }
