package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

// The fixture is a hand-built corpus: 41 statements by eight named speakers
// (and one the text does not settle) across 2020–2025, with 2022 left
// empty on purpose so the timeline must show a gap. Every statement's text
// stands in its document's Text, and its Span and Context are computed from
// the text, so the reader's highlighting can be checked against them.

type fixSpeaker struct {
	name, role string
	aff        model.Affiliation
	aliases    []string
}

var fixtureSpeakers = []fixSpeaker{
	{"Dmitry Peskov", "Kremlin spokesman", model.Russia, []string{"Peskov", "Dmitri Peskov"}},
	{"Vladimir Putin", "President of Russia", model.Russia, []string{"Putin"}},
	{"Sergei Lavrov", "Foreign Minister of Russia", model.Russia, []string{"Lavrov"}},
	{"Maria Zakharova", "Foreign Ministry spokeswoman", model.Russia, []string{"Zakharova"}},
	{"Dmitry Medvedev", "Deputy Chairman of the Security Council", model.Russia, []string{"Medvedev"}},
	{"Donald Trump", "President of the United States", model.UnitedStates, []string{"Trump"}},
	{"Antony Blinken", "Secretary of State", model.UnitedStates, []string{"Blinken"}},
	{"Volodymyr Zelensky", "President of Ukraine", model.Ukraine, []string{"Zelensky"}},
}

type fixDoc struct {
	id, title, source, url string
	date                   model.Date
	paras                  []string
}

type fixStmt struct {
	doc, speaker, mention string
	kind                  model.Kind
	text                  string
	date                  model.Date
	topics                []string
	rules                 []string
	also                  []string // further sources
}

func day(y int, m time.Month, d int, ev, rule string) model.Date {
	return model.DayDate(model.Day(y, m, d), ev, rule, model.Span{})
}

// tassText and rtText are the two hand-written articles; the others are
// assembled from their statements.
var tassParas = []string{
	"Peskov: Moscow and Washington must both want dialogue",
	"MOSCOW, November 7. /TASS/. Russia is open to dialogue with the incoming US administration, but we can not tango alone, Kremlin Spokesman Dmitry Peskov said on Rossiya-1.",
	"\u201cWe can not tango alone, the United States must also want it,\u201d he said. The spokesman added that any contacts would depend on Washington.",
	"According to Peskov, President Vladimir Putin has repeatedly said Moscow is ready for a broad and comprehensive dialogue.",
	"Putin, speaking last June, said that Russia would never accept conditions dictated from outside.",
}

var rtParas = []string{
	"Kremlin welcomes Trump's readiness for dialogue",
	"The Kremlin noted on Monday that President-elect Donald Trump spoke of ending the conflict quickly.",
	"\u201cWe will see what happens after January 20,\u201d Dmitry Peskov told reporters, stressing that actions matter more than words.",
	"In his victory speech on November 6, Trump said \u201cI will stop wars, I will not start them.\u201d",
	"You May Also Like: Ten facts about the Kremlin clock",
}

var fixtureDocs = []fixDoc{
	{"tass-2024-11-07", "Peskov: Moscow and Washington must both want dialogue", "TASS", "https://tass.example/peskov-tango",
		day(2024, time.November, 7, "MOSCOW, November 7", "dateline+year"), tassParas},
	{"rt-2024-11-11", "Kremlin welcomes Trump's readiness for dialogue", "RT", "https://rt.example/kremlin-welcomes",
		day(2024, time.November, 11, "on Monday", "relative-weekday"), rtParas},
}

var fixtureStmts = []fixStmt{
	// the two hand-written articles
	{"tass-2024-11-07", "Dmitry Peskov", "Kremlin Spokesman Dmitry Peskov", model.Indirect,
		"Russia is open to dialogue with the incoming US administration, but we can not tango alone",
		day(2024, time.November, 7, "MOSCOW, November 7", "dateline+year"), []string{"dialogue and talks"}, []string{"indirect:said", "name in sentence"}, nil},
	{"tass-2024-11-07", "Dmitry Peskov", "he", model.Direct,
		"We can not tango alone, the United States must also want it,",
		day(2024, time.November, 7, "MOSCOW, November 7", "dateline+year"), []string{"dialogue and talks", "trust and partnership"}, []string{"quote:paired", "pronoun \u2192 Dmitry Peskov, last named in paragraph 2"}, []string{"rt-2024-11-11"}},
	{"tass-2024-11-07", "Vladimir Putin", "President Vladimir Putin", model.Indirect,
		"Moscow is ready for a broad and comprehensive dialogue",
		model.RangeDate(model.Day(2024, time.November, 1), model.Day(2024, time.November, 7), "has repeatedly said", "reported-earlier", model.Span{}), []string{"dialogue and talks"}, []string{"indirect:according-to"}, nil},
	{"tass-2024-11-07", "Vladimir Putin", "Putin", model.Indirect,
		"Russia would never accept conditions dictated from outside",
		model.MonthDate(2024, time.June, "last June", "last-month-name", model.Span{}), []string{"conditions and red lines"}, []string{"indirect:said-that"}, nil},
	{"rt-2024-11-11", "Donald Trump", "President-elect Donald Trump", model.Indirect,
		"spoke of ending the conflict quickly",
		day(2024, time.November, 11, "on Monday", "relative-weekday"), []string{"the war in Ukraine"}, []string{"indirect:spoke-of"}, nil},
	{"rt-2024-11-11", "Dmitry Peskov", "Dmitry Peskov", model.Mixed,
		"We will see what happens after January 20,",
		day(2024, time.November, 11, "on Monday", "relative-weekday"), []string{"elections and administrations"}, []string{"quote:paired"}, nil},
	{"rt-2024-11-11", "Donald Trump", "Trump", model.Direct,
		"I will stop wars, I will not start them.",
		day(2024, time.November, 6, "victory speech on November 6", "event-reference"), []string{"the war in Ukraine"}, []string{"quote:paired"}, nil},

	// assembled articles
	{"tass-2020", "Dmitry Peskov", "Peskov", model.Direct, "Relations with Washington are at their lowest point", day(2020, time.March, 12, "March 12", "dateline"), []string{"trust and partnership"}, []string{"quote:paired"}, nil},
	{"tass-2020", "Sergei Lavrov", "Lavrov", model.Indirect, "the New START treaty should be extended without preconditions", day(2020, time.June, 3, "June 3", "dateline"), []string{"arms control and nuclear risk"}, []string{"indirect:said-that"}, nil},
	{"tass-2020", "Maria Zakharova", "Zakharova", model.Direct, "Sanctions have never changed our course", model.MonthDate(2020, time.September, "in September", "month-name", model.Span{}), []string{"sanctions"}, []string{"quote:paired"}, nil},
	{"tass-2020", "Donald Trump", "Trump", model.Direct, "Getting along with Russia is a good thing, not a bad thing", day(2020, time.October, 20, "October 20", "dateline"), []string{"trust and partnership"}, []string{"quote:paired"}, nil},
	{"tass-2020", "Vladimir Putin", "Putin", model.Indirect, "Moscow will work with any US leader the American people choose", day(2020, time.November, 25, "November 25", "dateline"), []string{"elections and administrations"}, []string{"indirect:said-that"}, nil},
	{"tass-2020", "Dmitry Peskov", "Peskov", model.Indirect, "the Kremlin would wait for the official results before congratulating anyone", day(2020, time.November, 9, "November 9", "dateline"), []string{"elections and administrations"}, []string{"indirect:said-that"}, nil},

	{"menafn-2021", "Dmitry Peskov", "the Kremlin spokesman", model.Indirect, "the new administration's first steps were not encouraging", day(2021, time.February, 5, "February 5", "dateline"), []string{"elections and administrations"}, []string{"indirect:noted-that", "role \u2192 Dmitry Peskov"}, nil},
	{"menafn-2021", "Antony Blinken", "Blinken", model.Direct, "We will impose costs for the poisoning of Alexei Navalny", day(2021, time.March, 2, "March 2", "dateline"), []string{"sanctions"}, []string{"quote:paired"}, nil},
	{"menafn-2021", "Vladimir Putin", "Putin", model.Direct, "Whatever you call others, that is what you are yourself", day(2021, time.March, 18, "March 18", "dateline"), []string{"trust and partnership"}, []string{"quote:paired"}, nil},
	{"menafn-2021", "Dmitry Peskov", "Peskov", model.Direct, "The Geneva summit was useful, but no one expected breakthroughs", day(2021, time.June, 17, "June 17", "dateline"), []string{"leaders' meeting"}, []string{"quote:paired"}, nil},
	{"menafn-2021", "Sergei Lavrov", "Lavrov", model.Indirect, "NATO expansion to the east is a red line for Russia", model.MonthDate(2021, time.December, "in December", "month-name", model.Span{}), []string{"NATO", "conditions and red lines"}, []string{"indirect:said-that"}, nil},
	{"menafn-2021", "Antony Blinken", "Blinken", model.Indirect, "Washington would respond to any further aggression against Ukraine", day(2021, time.December, 2, "December 2", "dateline"), []string{"the war in Ukraine"}, []string{"indirect:said-that"}, nil},

	{"rt-2023", "Dmitry Peskov", "Peskov", model.Indirect, "there is no basis for talks with Washington at the moment", day(2023, time.January, 16, "January 16", "dateline"), []string{"dialogue and talks"}, []string{"indirect:said-that"}, nil},
	{"rt-2023", "Volodymyr Zelensky", "Zelensky", model.Direct, "Ukraine will not trade its land for a ceasefire", day(2023, time.February, 24, "February 24", "dateline"), []string{"the war in Ukraine"}, []string{"quote:paired"}, nil},
	{"rt-2023", "Dmitry Medvedev", "Medvedev", model.Indirect, "the suspension of New START was the only possible answer", day(2023, time.February, 22, "February 22", "dateline"), []string{"arms control and nuclear risk"}, []string{"indirect:wrote-that"}, nil},
	{"rt-2023", "Maria Zakharova", "Zakharova", model.Mixed, "the embassy's work had become \u201cpractically impossible\u201d", model.RangeDate(model.Day(2023, time.May, 1), model.Day(2023, time.May, 20), "earlier this month", "earlier-this-month", model.Span{}), []string{"trust and partnership"}, []string{"quote:fragment"}, nil},
	{"rt-2023", "Dmitry Peskov", "Peskov", model.Direct, "Relations are below zero", day(2023, time.July, 10, "July 10", "dateline"), []string{"trust and partnership"}, []string{"quote:paired"}, nil},
	{"rt-2023", "Vladimir Putin", "Putin", model.Indirect, "Russia is ready to negotiate on Ukraine on its own terms", day(2023, time.December, 14, "December 14", "dateline"), []string{"dialogue and talks", "the war in Ukraine"}, []string{"indirect:said-that"}, nil},
	{"rt-2023", "Dmitry Peskov", "Peskov", model.Indirect, "Moscow sees no sign that Washington wants dialogue", day(2023, time.December, 17, "date 2023-12-17", "explicit-date"), []string{"dialogue and talks"}, []string{"indirect:said-that"}, nil},

	{"tass-2024", "Sergei Lavrov", "Lavrov", model.Indirect, "contacts with the Biden administration are practically frozen", day(2024, time.February, 8, "February 8", "dateline"), []string{"dialogue and talks"}, []string{"indirect:said-that"}, nil},
	{"tass-2024", "Dmitry Peskov", "Peskov", model.Direct, "Sanctions only harm those who impose them", model.MonthDate(2024, time.April, "in April", "month-name", model.Span{}), []string{"sanctions"}, []string{"quote:paired"}, nil},
	{"tass-2024", "Antony Blinken", "Blinken", model.Indirect, "the United States would keep supporting Ukraine for as long as it takes", day(2024, time.September, 11, "September 11", "dateline"), []string{"the war in Ukraine"}, []string{"indirect:said-that"}, nil},
	{"tass-2024", "Vladimir Putin", "Putin", model.Direct, "We are ready to restore contacts if the new leader wants it", day(2024, time.November, 7, "Valdai forum", "event-reference"), []string{"leaders' meeting", "dialogue and talks"}, []string{"quote:paired"}, nil},
	{"tass-2024", "Dmitry Medvedev", "Medvedev", model.Indirect, "the election will change nothing for Russia", day(2024, time.November, 6, "November 6", "dateline"), []string{"elections and administrations"}, []string{"indirect:wrote-that"}, nil},
	{"tass-2024", "Volodymyr Zelensky", "Zelensky", model.Indirect, "peace through strength is the right approach", day(2024, time.November, 8, "November 8", "dateline"), []string{"the war in Ukraine"}, []string{"indirect:said-that"}, nil},

	{"reuters-2025", "Dmitry Peskov", "Peskov", model.Indirect, "the Kremlin welcomes the readiness of the new administration for dialogue", day(2025, time.January, 21, "January 21", "dateline"), []string{"dialogue and talks"}, []string{"indirect:said-that"}, nil},
	{"reuters-2025", "Donald Trump", "Trump", model.Direct, "I think Russia wants to make a deal", day(2025, time.February, 12, "February 12", "dateline"), []string{"dialogue and talks"}, []string{"quote:paired"}, nil},
	{"reuters-2025", "Sergei Lavrov", "Lavrov", model.Indirect, "the Riyadh talks were useful and businesslike", day(2025, time.February, 18, "February 18", "dateline"), []string{"dialogue and talks"}, []string{"indirect:said-that"}, nil},
	{"reuters-2025", "Dmitry Peskov", "Peskov", model.Direct, "The positions of Moscow and Washington are getting closer", model.YearDate(2025, "this year", "year-only", model.Span{}), []string{"trust and partnership"}, []string{"quote:paired"}, nil},
	{"reuters-2025", "Vladimir Putin", "Putin", model.Indirect, "a meeting with Trump must be well prepared", day(2025, time.March, 14, "March 14", "dateline"), []string{"leaders' meeting"}, []string{"indirect:said-that"}, nil},
	{"reuters-2025", "Maria Zakharova", "Zakharova", model.Indirect, "the return of diplomatic property is on the agenda", model.MonthDate(2025, time.April, "in April", "month-name", model.Span{}), []string{"trust and partnership"}, []string{"indirect:said-that"}, nil},
	{"reuters-2025", "Volodymyr Zelensky", "Zelensky", model.Direct, "No decisions about Ukraine without Ukraine", day(2025, time.February, 14, "February 14", "dateline"), []string{"the war in Ukraine"}, []string{"quote:paired"}, nil},

	{"undated", "Dmitry Peskov", "Peskov", model.Indirect, "dialogue requires political will on both sides", model.Date{Precision: model.PrecisionUnknown}, []string{"dialogue and talks"}, []string{"indirect:said-that"}, nil},
	{"undated", model.UnknownSpeaker, "the North American", model.Direct, "We are not going to comment on private conversations", model.Date{Precision: model.PrecisionUnknown}, nil, []string{"quote:paired", "speaker unresolved: \u201cthe North American\u201d"}, nil},
}

var assembled = map[string]struct {
	title, source string
	date          model.Date
}{
	"tass-2020":    {"Kremlin on relations with the United States in 2020", "TASS", day(2020, time.November, 25, "November 25", "dateline")},
	"menafn-2021":  {"A year of the Biden administration, in Moscow's words", "MENAFN", model.MonthDate(2021, time.December, "December 2021", "month-name", model.Span{})},
	"rt-2023":      {"Moscow and Washington: no talks in sight", "RT", day(2023, time.December, 17, "date 2023-12-17", "explicit-date")},
	"tass-2024":    {"Russia and the US election", "TASS", day(2024, time.November, 8, "November 8", "dateline")},
	"reuters-2025": {"Riyadh and after: a thaw in words", "Reuters", day(2025, time.April, 30, "April 30", "dateline")},
	"undated":      {"Broad and comprehensive dialogue", "", model.Date{Precision: model.PrecisionUnknown}},
}

// fixtureCorpus builds the fixture corpus. It fails the test if a
// statement's text is not in its document.
func fixtureCorpus(tb testing.TB) *model.Corpus {
	tb.Helper()
	docs := map[string]*model.Document{}
	var order []*model.Document
	for _, fd := range fixtureDocs {
		d := &model.Document{ID: fd.id, Path: "testdata/" + fd.id + ".txt", Title: fd.title, Source: fd.source, URL: fd.url,
			Language: "en", Encoding: "utf-8", Date: fd.date, Text: strings.Join(fd.paras, "\n\n")}
		d.TitleSpan = model.Span{Start: 0, End: len(fd.paras[0])}
		docs[d.ID] = d
		order = append(order, d)
	}
	docs["tass-2024-11-07"].Removed = []model.Removal{{Reason: "related links", Rule: "You May Also Like", Text: "You May Also Like: Five things to know about the US election"}}
	docs["tass-2024-11-07"].Repairs = []model.Repair{{Kind: "cp1251-as-latin1", Before: "\u00d0\u00ee\u00f1\u00f1\u00e8\u00ff", After: "\u0420\u043e\u0441\u0441\u0438\u044f", Offset: 10}}
	docs["tass-2024-11-07"].Captions = []string{"DECEMBER 17, 2020. Dmitry Peskov. Photo: Sergei Bobylev/TASS"}
	docs["rt-2024-11-11"].Warnings = []string{"spun vocabulary suspected"}

	// assembled documents: one paragraph per statement
	var names []string
	for _, fs := range fixtureStmts {
		if _, ok := docs[fs.doc]; ok {
			continue
		}
		a, ok := assembled[fs.doc]
		if !ok {
			tb.Fatalf("fixture: no document %q", fs.doc)
		}
		d := &model.Document{ID: fs.doc, Path: "testdata/" + fs.doc + ".txt", Title: a.title, Source: a.source, Language: "en", Encoding: "utf-8", Date: a.date}
		d.Text = a.title
		d.TitleSpan = model.Span{Start: 0, End: len(a.title)}
		docs[fs.doc] = d
		order = append(order, d)
		names = append(names, fs.doc)
	}
	for _, fs := range fixtureStmts {
		d := docs[fs.doc]
		if !contains(names, fs.doc) {
			continue
		}
		var p string
		if fs.kind == model.Direct {
			p = fmt.Sprintf("\u201c%s,\u201d %s said, according to the report.", fs.text, fs.mention)
		} else {
			p = fmt.Sprintf("%s said that %s, the report says.", fs.mention, fs.text)
		}
		d.Text += "\n\n" + p
	}

	var stmts []*model.Statement
	next := map[string]int{}
	n := map[string]int{}
	for _, fs := range fixtureStmts {
		d := docs[fs.doc]
		at := strings.Index(d.Text[next[fs.doc]:], fs.text)
		if at < 0 {
			tb.Fatalf("fixture: %q not in %s", fs.text, fs.doc)
		}
		start := next[fs.doc] + at
		span := model.Span{Start: start, End: start + len(fs.text)}
		next[fs.doc] = span.End
		ctx := span
		for _, p := range d.Paragraphs() {
			if p.Start <= span.Start && span.End <= p.End {
				ctx = p
			}
		}
		date := fs.date
		if ev := date.Evidence; ev != "" {
			if i := strings.Index(d.Text, ev); i >= 0 {
				date.EvidenceSpan = model.Span{Start: i, End: i + len(ev)}
			}
		}
		n[fs.doc]++
		var topics []model.TopicMatch
		for _, t := range fs.topics {
			topics = append(topics, model.TopicMatch{Topic: t, Words: strings.Fields(t)[:1]})
		}
		stmts = append(stmts, &model.Statement{
			ID: fmt.Sprintf("%s#%d", fs.doc, n[fs.doc]), Doc: fs.doc, Speaker: fs.speaker, Mention: fs.mention, Kind: fs.kind,
			Text: fs.text, Span: span, Context: ctx, Date: date, Topics: topics,
			Sources: append([]string{fs.doc}, fs.also...), Rules: fs.rules,
		})
	}
	var speakers []*model.Speaker
	for _, s := range fixtureSpeakers {
		speakers = append(speakers, &model.Speaker{Name: s.name, Role: s.role, Affiliation: s.aff, Aliases: s.aliases})
	}
	skipped := []model.Skipped{{Path: "testdata/empty.txt", Reason: "empty file"}, {Path: "testdata/photo.jpg", Reason: "binary, not text"}}
	c := model.New("fixture corpus", order, stmts, speakers, skipped)
	c.Warnings = []string{"testdata/odd.md: front matter is not valid YAML; read as text"}
	return c
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func fixtureEvents() []model.Event {
	return []model.Event{
		{Day: model.Day(2020, time.November, 3), Label: "US election"},
		{Day: model.Day(2021, time.January, 20), Label: "inauguration of Joe Biden"},
		{Day: model.Day(2024, time.November, 5), Label: "US election"},
		{Day: model.Day(2025, time.January, 20), Label: "inauguration of Donald Trump"},
	}
}

func TestFixtureIsSound(t *testing.T) {
	c := fixtureCorpus(t)
	if got := len(c.Statements); got != len(fixtureStmts) {
		t.Fatalf("statements: %d, want %d", got, len(fixtureStmts))
	}
	for _, s := range c.Statements {
		d := c.Document(s.Doc)
		if !s.Span.In(len(d.Text)) || d.Text[s.Span.Start:s.Span.End] != s.Text {
			t.Errorf("%s: span %v does not hold its text", s.ID, s.Span)
		}
		if s.Context.Start > s.Span.Start || s.Context.End < s.Span.End {
			t.Errorf("%s: context %v does not contain span %v", s.ID, s.Context, s.Span)
		}
	}
	if got := len(c.Query(model.Filter{Query: "tango"})); got != 2 {
		t.Errorf("tango: %d statements, want 2", got)
	}
	if sp := c.Speaker("peskov"); sp == nil || sp.Count != 14 {
		t.Errorf("Peskov: %+v", sp)
	}
}
