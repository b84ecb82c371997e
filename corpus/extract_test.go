package corpus

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

func stmtRegistry(t testing.TB) *Registry {
	t.Helper()
	r, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func extractText(t testing.TB, text string, date model.Date) []*model.Statement {
	t.Helper()
	doc := &model.Document{ID: "t", Text: text, Date: date}
	stmts, _ := stmtRegistry(t).Extract(doc)
	for _, s := range stmts {
		if text[s.Span.Start:s.Span.End] != s.Text {
			t.Errorf("%s: span %v does not hold its text", s.ID, s.Span)
		}
		if !s.Context.In(len(text)) || s.Context.Start > s.Span.Start || s.Context.End < s.Span.End {
			t.Errorf("%s: context %v does not hold span %v", s.ID, s.Context, s.Span)
		}
	}
	return stmts
}

// want is an expected statement: speaker, kind and the start of its text.
type want struct {
	speaker string
	kind    model.Kind
	starts  string
}

func check(t *testing.T, got []*model.Statement, wants ...want) {
	t.Helper()
	if len(got) != len(wants) {
		for _, s := range got {
			t.Logf("got %s %s %q %v", s.Speaker, s.Kind, s.Text, s.Rules)
		}
		t.Fatalf("got %d statements, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		s := got[i]
		if s.Speaker != w.speaker || s.Kind != w.kind || !strings.HasPrefix(s.Text, w.starts) {
			t.Errorf("statement %d: got %s %s %q (%v), want %s %s %q…", i+1, s.Speaker, s.Kind, s.Text, s.Rules, w.speaker, w.kind, w.starts)
		}
	}
}

var day2024 = model.DayDate(model.Day(2024, 11, 11), "", "test", model.Span{})

func TestQuotePairing(t *testing.T) {
	cases := []struct {
		name, text string
		inner      []string
	}{
		{"curly", `“We are ready,” he said.`, []string{"We are ready,"}},
		{"ascii", `"We are ready," he said. "Yes."`, []string{"We are ready,", "Yes."}},
		{"guillemets", `«Nous sommes prêts», a-t-il dit.`, []string{"Nous sommes prêts"}},
		{"low-high", `„Wir sind bereit“, sagte er.`, []string{"Wir sind bereit"}},
		{"apostrophes are not quotes", `“Love can’t be forced, it’s Trump‘s view,” he said.`, []string{"Love can’t be forced, it’s Trump‘s view,"}},
		{"nested singles", `“crossing ‘the red lines.’ As for the rest,” he stressed.`, []string{"crossing ‘the red lines.’ As for the rest,"}},
		{"stray opening mark", `“And“We are ready for dialogue,” he said.`, []string{"We are ready for dialogue,"}},
		{"stray closing mark", `said that “are possible only after it.” Entry into NATO”.`, []string{"are possible only after it.” Entry into NATO"}},
		{"across paragraphs", "“First paragraph goes on\n\n“and the second ends here,” he said.", []string{"First paragraph goes on\n\n“and the second ends here,"}},
		{"continues into the next paragraph", "He said: “first part\n\nsecond part.” Then more.", []string{"first part\n\nsecond part."}},
		{"unclosed", "He said: “never closed\n\nA new paragraph.", []string{"never closed"}},
		{"brackets kept", `“calling for kind relations [with the US],” Peskov said.`, []string{"calling for kind relations [with the US],"}},
		{"archive doubles", "''We are ready,'' he said. ''Yes.'' The players' union's view stands.", []string{"We are ready,", "Yes."}},
		{"archive doubles after a comma", "Mr. Garin added, ''it becomes harder.''", []string{"it becomes harder."}},
		{"backticks open", "``We are ready,'' he said.", []string{"We are ready,"}},
		{"three apostrophes are no mark", "He wrote ''' and left.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := pairQuotes(c.text, paragraphs(c.text))
			var got []string
			for _, q := range qs {
				in := q.Inner(c.text)
				got = append(got, c.text[in.Start:in.End])
			}
			if strings.Join(got, "|") != strings.Join(c.inner, "|") {
				t.Errorf("got %q, want %q", got, c.inner)
			}
		})
	}
}

func TestExtractDirectQuotes(t *testing.T) {
	text := "Kremlin spokesman Dmitry Peskov spoke on Monday.\n\n" +
		"“We are ready for dialogue,” Peskov said. “But it takes two.”\n\n" +
		"“Nothing has changed,” he stressed, “and nothing will.”\n\n" +
		"“It is clear that they do not read,” concluded Peskov."
	check(t, extractText(t, text, day2024),
		want{"Dmitry Peskov", model.Direct, "We are ready for dialogue"},
		want{"Dmitry Peskov", model.Direct, "But it takes two."},
		want{"Dmitry Peskov", model.Direct, "Nothing has changed"},
		want{"Dmitry Peskov", model.Direct, "and nothing will."},
		want{"Dmitry Peskov", model.Direct, "It is clear that they do not read"},
	)
}

func TestExtractReportedSpeech(t *testing.T) {
	text := "Russia is ready for talks, Kremlin spokesman Dmitry Peskov said on Sunday.\n\n" +
		"According to Peskov, the ball is in Washington's court.\n\n" +
		"Lavrov told reporters the sanctions were illegal.\n\n" +
		"The spokesman added that “Russia is open to normalization” with the US.\n\n" +
		"Peskov instructed TASS on Monday that the sanctions race was not Moscow's doing.\n\n" +
		"Zakharova wrote on Telegram that the statement was absurd."
	check(t, extractText(t, text, day2024),
		want{"Dmitry Peskov", model.Indirect, "Russia is ready for talks"},
		want{"Dmitry Peskov", model.Indirect, "the ball is in Washington's court"},
		want{"Sergey Lavrov", model.Indirect, "the sanctions were illegal"},
		want{"Dmitry Peskov", model.Mixed, "“Russia is open to normalization” with the US"},
		want{"Dmitry Peskov", model.Indirect, "the sanctions race was not Moscow's doing"},
		want{"Maria Zakharova", model.Indirect, "the statement was absurd"},
	)
	got := extractText(t, text, day2024)
	if !strings.Contains(strings.Join(got[4].Rules, " "), "spun for told") {
		t.Errorf("spun verb not marked: %v", got[4].Rules)
	}
}

func TestExtractNotSpeech(t *testing.T) {
	text := "Russia is ready to negotiate. “Broad and inclusive”\n\n" +
		"“We are ready,” Peskov said in an interview with “Moscow. Kremlin. Putin” program on Rossiya-1.\n\n" +
		"The host voiced an opinion that Russia “should have been more flexible” in 2014.\n\n" +
		"The so-called “red lines” were discussed at length by the panel."
	check(t, extractText(t, text, day2024),
		want{"Dmitry Peskov", model.Direct, "We are ready"},
	)
}

func TestExtractPronouns(t *testing.T) {
	text := "“We are ready for a broad dialogue,” he said in a statement to Russian press.\n\n" +
		"Peskov recalled that Putin had raised the matter.\n\n" +
		"While Peskov spoke favorably of Trump, he was critical of the outgoing President Joe Biden. He claimed that the administration wants to prolong the war.\n\n" +
		"Maria Zakharova spoke next. She said that the remarks were outrageous.\n\n" +
		"As the senator entered the race, her opponent sounded the alarm. He warned that the campaign was lost."
	check(t, extractText(t, text, day2024),
		want{"Dmitry Peskov", model.Direct, "We are ready"},
		want{"Dmitry Peskov", model.Indirect, "Putin had raised"},
		want{"Dmitry Peskov", model.Indirect, "the outgoing President Joe Biden"},
		want{"Dmitry Peskov", model.Indirect, "the administration wants"},
		want{"Maria Zakharova", model.Indirect, "the remarks were outrageous"},
		want{model.UnknownSpeaker, model.Indirect, "the campaign was lost"},
	)
	got := extractText(t, text, day2024)
	if r := strings.Join(got[0].Rules, " "); !strings.Contains(r, "forward reference") {
		t.Errorf("forward reference not recorded: %s", r)
	}
	if r := strings.Join(got[3].Rules, " "); !strings.Contains(r, "pronoun he → Dmitry Peskov, last named in paragraph 3") {
		t.Errorf("pronoun rule: %s", r)
	}
}

func TestExtractAppositionAndRoles(t *testing.T) {
	text := "Hungarian Foreign Minister Peter Szijjarto said that Budapest would not back the plan.\n\n" +
		"Szijjarto added that talks must go on.\n\n" +
		"Former Russian President Dmitry Medvedev wrote on Telegram that the deal was dead.\n\n" +
		"The former Russian president also said that Europe would regret it.\n\n" +
		"Peskov was commenting on recent statements from the US National Security Council, in which he indicated that the US is ready to discuss arms control.\n\n" +
		"“We do not link these issues,” the North American said."
	doc := &model.Document{ID: "t", Text: text, Date: day2024}
	stmts, speakers := stmtRegistry(t).Extract(doc)
	check(t, stmts,
		want{"Peter Szijjarto", model.Indirect, "Budapest would not"},
		want{"Peter Szijjarto", model.Indirect, "talks must go on"},
		want{"Dmitry Medvedev", model.Indirect, "the deal was dead"},
		want{"Dmitry Medvedev", model.Indirect, "Europe would regret"},
		want{"US National Security Council", model.Indirect, "the US is ready"},
		want{"US National Security Council", model.Direct, "We do not link"},
	)
	if len(speakers) != 1 || speakers[0].Name != "Peter Szijjarto" || speakers[0].Role != "Hungarian Foreign Minister" || speakers[0].Affiliation != model.Other {
		t.Errorf("new speakers: %+v", speakers)
	}
}

// An unregistered person's affiliation comes from the institution named in
// the role as well as from a nationality word.
func TestExtractNewSpeakerAffiliation(t *testing.T) {
	cases := []struct {
		text, name string
		aff        model.Affiliation
	}{
		{"State Department spokesman Matthew Miller said that Washington would respond.", "Matthew Miller", model.UnitedStates},
		{"Pentagon press secretary Pat Ryder said that the aid would continue.", "Pat Ryder", model.UnitedStates},
		{"Ukrainian Foreign Minister Dmytro Kuleba said that Kyiv would not yield.", "Dmytro Kuleba", model.Ukraine},
	}
	for _, c := range cases {
		doc := &model.Document{ID: "t", Text: c.text, Date: day2024}
		_, speakers := stmtRegistry(t).Extract(doc)
		if len(speakers) != 1 || speakers[0].Name != c.name || speakers[0].Affiliation != c.aff {
			t.Errorf("%q: new speakers %+v, want %s (%s)", c.text, speakers, c.name, c.aff)
		}
	}
}

func TestExtractRoleByDate(t *testing.T) {
	text := "The US President-elect said that he would end the war quickly."
	got := extractText(t, text, day2024)
	check(t, got, want{"Donald Trump", model.Indirect, "he would end"})
	got = extractText(t, text, model.DayDate(model.Day(2020, 12, 1), "", "test", model.Span{}))
	check(t, got, want{"Joe Biden", model.Indirect, "he would end"})
	// no date, nobody named: the text does not settle it
	got = extractText(t, text, model.Date{Precision: model.PrecisionUnknown})
	check(t, got, want{model.UnknownSpeaker, model.Indirect, "he would end"})
}

func TestExtractHeadlineAndIDs(t *testing.T) {
	text := "It isn't Moscow that started the sanctions race, Dmitry Peskov has told TASS\n\n" +
		"“It isn't Russia that initiated this sanctions race,” Peskov said.\n\n" +
		"“We cannot tango alone,” he added."
	got := extractText(t, text, day2024)
	check(t, got,
		want{"Dmitry Peskov", model.Direct, "It isn't Russia"},
		want{"Dmitry Peskov", model.Direct, "We cannot tango"},
	)
	if got[0].ID != "t#1" || got[1].ID != "t#2" || got[0].Sources[0] != "t" {
		t.Errorf("ids/sources: %s %s %v", got[0].ID, got[1].ID, got[0].Sources)
	}
	if len(got[0].Topics) == 0 || got[0].Topics[0].Topic != "sanctions" {
		t.Errorf("topics: %+v", got[0].Topics)
	}
}

func TestVerbsExtend(t *testing.T) {
	var v Verbs
	if err := v.extend([]byte("# c\nsaid\nburdened means=stressed spun\nfooed takes=nothing\n")); err == nil || !strings.Contains(err.Error(), "line 4") {
		t.Errorf("want an error naming line 4, got %v", err)
	}
	if e, n := v.match([]string{"burdened", "that"}); e == nil || n != 1 || !e.Spun || e.Name() != "burdened (spun for stressed)" {
		t.Errorf("match: %+v %d", e, n)
	}
}

func TestSpeakersExtend(t *testing.T) {
	r := stmtRegistry(t)
	err := r.Extend("speakers", "mine.yaml", []byte("- name: Kaja Kallas\n  affiliation: Europe\n"))
	if err == nil || !strings.Contains(err.Error(), "Kaja Kallas") || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("want an error naming the entry, got %v", err)
	}
	if err := r.Extend("speakers", "mine.yaml", []byte("- name: Kaja Kallas\n  role: EU foreign policy chief\n  affiliation: other\n  gender: female\n  aliases: [Kallas]\n- name: Dmitry Peskov\n  aliases: [Peskoff]\n")); err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{ID: "t", Text: "Kallas said that Europe stands firm. Peskoff said that it does not.", Date: day2024}
	stmts, _ := r.Extract(doc)
	check(t, stmts, want{"Kaja Kallas", model.Indirect, "Europe stands"}, want{"Dmitry Peskov", model.Indirect, "it does not"})
	found := false
	for _, sp := range r.Speakers.List() {
		found = found || sp.Name == "Kaja Kallas" && sp.Affiliation == model.Other
	}
	if !found {
		t.Error("Kaja Kallas not listed")
	}
}

func TestTopicsAssign(t *testing.T) {
	r := stmtRegistry(t)
	got := r.Topics.Assign("We are not prepared for crossing the red lines; the sanctions race was started by Washington.")
	names := map[string][]string{}
	for _, m := range got {
		names[m.Topic] = m.Words
	}
	if w := names["conditions"]; len(w) == 0 || w[0] != "red lines" {
		t.Errorf("conditions: %v", names)
	}
	if _, ok := names["sanctions"]; !ok {
		t.Errorf("sanctions: %v", names)
	}
	if _, ok := names["arms-control"]; ok {
		t.Errorf("START must not match “started”: %v", names)
	}
	var tp Topics
	if err := tp.extend([]byte("- topic: two words\n  words: [x]\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("want an error naming the entry, got %v", err)
	}
}

func TestMergeReports(t *testing.T) {
	d := model.DayDate(model.Day(2024, 11, 11), "", "", model.Span{})
	d2 := model.DayDate(model.Day(2024, 11, 12), "", "", model.Span{})
	far := model.DayDate(model.Day(2024, 12, 20), "", "", model.Span{})
	mk := func(id, doc, sp, text string, date model.Date, rules ...string) *model.Statement {
		return &model.Statement{ID: id, Doc: doc, Speaker: sp, Text: text, Date: date, Sources: []string{doc}, Rules: rules}
	}
	docs := []*model.Document{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	in := []*model.Statement{
		mk("a#1", "a", "Dmitry Peskov", "It isn't Russia that initiated this sanctions race. It was initiated by Washington", d, "attr:after-quote stated"),
		mk("b#1", "b", "Dmitry Peskov", "It isn’t Russia that initiated this sanctions race. It was initiated by Washington", d2, "attr:after-quote instructed (spun for told)"),
		mk("b#2", "b", "Vladimir Putin", "It isn't Russia that initiated this sanctions race. It was initiated by Washington", d),
		mk("c#1", "c", "Dmitry Peskov", "It isn't Russia that initiated this sanctions race. It was initiated by Washington", far),
		mk("c#2", "c", "Dmitry Peskov", "Something else entirely was said here today", d),
	}
	out := MergeReports(docs, in)
	if len(out) != 4 {
		t.Fatalf("got %d statements, want 4", len(out))
	}
	if out[0].ID != "a#1" || strings.Join(out[0].Sources, ",") != "a,b" {
		t.Errorf("merged: %s %v", out[0].ID, out[0].Sources)
	}
	if !strings.Contains(strings.Join(out[0].Rules, " "), "merge:same statement as b#1") {
		t.Errorf("merge rule: %v", out[0].Rules)
	}
	// deterministic
	again := MergeReports(docs, []*model.Statement{in[1], in[0], in[2], in[3], in[4]})
	if again[0].ID != "a#1" && again[1].ID != "a#1" {
		t.Errorf("not deterministic: %v", again)
	}
	if j := shingleJaccard(shingleSet(normWords("a b c d")), shingleSet(normWords("a b c e"))); j < 0.3 || j > 0.4 {
		t.Errorf("jaccard %f", j)
	}
}

func TestExtractSpansOnSeed(t *testing.T) {
	r := stmtRegistry(t)
	res, err := r.LoadSeed(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*model.Document{}
	for _, d := range res.Documents {
		docs[d.ID] = d
	}
	for _, s := range res.Statements {
		d := docs[s.Doc]
		if !s.Span.In(len(d.Text)) || d.Text[s.Span.Start:s.Span.End] != s.Text {
			t.Errorf("%s: span does not hold the text", s.ID)
		}
		if strings.Contains(s.Text, "Moscow. Kremlin. Putin") && s.Kind == model.Direct {
			t.Errorf("%s: a programme title became a statement", s.ID)
		}
		if len(s.Rules) < 3 {
			t.Errorf("%s: rules %v", s.ID, s.Rules)
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	r := stmtRegistry(b)
	res, err := r.LoadSeed(context.Background(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range res.Documents {
			r.Extract(d)
		}
	}
}

// FuzzExtract checks that extraction never panics on untrusted text and that
// every statement's span holds its text inside its context.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“And“We are ready,” he said in a statement.",
		"Peskov said that “Russia is open” with the US.",
		"\"unclosed\n\n“x” ” ” «a» „b“ Trump‘s",
		"According to Peskov, ",
		"“",
	} {
		f.Add(s)
	}
	for _, b := range fuzzSeeds(f) {
		f.Add(string(b))
	}
	r := stmtRegistry(f)
	f.Fuzz(func(t *testing.T, text string) {
		text = Sanitize(text) // as the pipeline gives it
		doc := &model.Document{ID: "f", Text: text}
		stmts, speakers := r.Extract(doc)
		for _, s := range stmts {
			if !s.Span.In(len(text)) || text[s.Span.Start:s.Span.End] != s.Text {
				t.Fatalf("%s: bad span %v", s.ID, s.Span)
			}
			if !s.Context.In(len(text)) {
				t.Fatalf("%s: bad context %v", s.ID, s.Context)
			}
			checkText(t, s.ID, s.Text+s.Speaker+s.Mention)
			checkDateOrder(t, s.ID+" date", s.Date, len(text))
		}
		for _, sp := range speakers {
			checkText(t, "new speaker", sp.Name)
		}
	})
}

// A name beside its apposition names the speaker, on either side of the
// comma, whichever pass found the report (issue 13).
func TestApposedNames(t *testing.T) {
	lead := "Boeing reported lower profits on Wednesday, and its shares fell in early trading.\n\n"
	// the lead is a report of its own, up to where the narrative goes on
	boeing := want{"Boeing", model.Indirect, "lower profits on Wednesday"}
	check(t, extractText(t, lead+"\"We expect deliveries to slow next year,\" said Akhil Johri, the chief financial officer.", day2024),
		boeing, want{"Akhil Johri", model.Direct, "We expect deliveries"})
	check(t, extractText(t, lead+"Akhil Johri, the chief financial officer, told analysts that deliveries would slow next year.", day2024),
		boeing, want{"Akhil Johri", model.Indirect, "deliveries would slow"})
	for _, s := range extractText(t, lead, day2024) {
		if strings.Contains(s.Text, "shares fell") {
			t.Errorf("the narrative ran into the statement: %q", s.Text)
		}
	}
	check(t, extractText(t, lead+"\"The pope will not travel to the region this year,\" said the Vatican spokesman, Federico Lombardi.", day2024),
		boeing, want{"Federico Lombardi", model.Direct, "The pope will not travel"})
	check(t, extractText(t, "Kathleen Hall Jamieson, a professor of communication at the University of Pennsylvania and the director of its Annenberg Public Policy Center, argued that the debate changed few minds.", day2024),
		want{"Kathleen Hall Jamieson", model.Indirect, "the debate changed"})
}

// A definite description no table settles refers to the person last made
// the subject, unless the gender or another subject stands against it.
func TestDefiniteReference(t *testing.T) {
	check(t, extractText(t, "Jennifer Lopez spoke at the festival on Sunday.\n\nThe actress noted that roles for Latinas remain scarce.", day2024),
		want{"Jennifer Lopez", model.Indirect, "roles for Latinas"})
	check(t, extractText(t, "It was unclear whether Bernie Sanders was ready to quit the race.\n\nThe Vermont senator emailed supporters saying that the struggle continues.", day2024),
		want{"Bernie Sanders", model.Indirect, "the struggle continues"})
	// the gender does not fit: nobody the text settles
	for _, s := range extractText(t, "John Carter spoke at the festival on Sunday.\n\nThe actress noted that roles for Latinas remain scarce.", day2024) {
		if s.Speaker == "John Carter" {
			t.Errorf("an actress read as John Carter: %v", s.Rules)
		}
	}
	// a document is no person: "the letter" is not the subject before it
	for _, s := range extractText(t, "Jennifer Lopez spoke at the festival on Sunday.\n\nThe letter noted that roles for Latinas remain scarce.", day2024) {
		if s.Speaker == "Jennifer Lopez" {
			t.Errorf("a letter read as Jennifer Lopez: %v", s.Rules)
		}
	}
}

// A source span that is no noun phrase names no speaker; names and
// descriptions of people and bodies do (issue 13).
func TestNotANounPhrase(t *testing.T) {
	a := newAnalysis(stmtRegistry(t), &model.Document{ID: "t", Text: "x"})
	for phrase, want := range map[string]bool{
		"interrupted me in mid-sentence": true, "whether": true, "without": true, "by telephone this week": true,
		"Tuesday": true, "ready": true, "While Republicans": true, "hearing him": true, "considered in San Diego": true,
		"So": true, "Added": true, "One Sunday": true, "Many": false, "Some": false,
		"the retired neurosurgeon": false, "a string of new radio ads": false, "polling by the union": false,
		"about half of voters": false, "At least half of voters": false, "Beijing": false, "Kelly": false,
		"BuzzFeed": false, "May": false, "hacking specialists": false, "52 percent": false, "economists": false,
		"Outside": true, "Within": true, "beyond": true, "Critics": false,
	} {
		if got := a.notANounPhrase(phrase); got != want {
			t.Errorf("notANounPhrase(%q) = %v, want %v", phrase, got, want)
		}
	}
}

// Role phrases the tagger marks are settled as roles are: rank words and
// possessives aside, through the registry, and back to the speaker whose
// role is of the kind the noun stands for; an outlet's medium is not part
// of its name (issue 13).
func TestSourceRolePhrases(t *testing.T) {
	check(t, extractText(t, "Talks went on in Moscow.\n\nThe Kremlin's top foreign policy adviser told reporters on Friday that the two sides had reached an understanding.", day2024),
		want{"Yuri Ushakov", model.Indirect, "the two sides had reached"})
	check(t, extractText(t, "Sergei Ryabkov added that the treaty had worked well. “We managed to keep it alive,” the high-ranking diplomat said.", day2024),
		want{"Sergey Ryabkov", model.Indirect, "the treaty had worked well"},
		want{"Sergey Ryabkov", model.Direct, "We managed to keep it alive"})
	check(t, extractText(t, "The sanctions were announced on Thursday.\n\nCBS television reported that the ambassadors would be expelled within a week.", day2024),
		want{"CBS", model.Indirect, "the ambassadors would be expelled"})
}

// A digest — an introduction naming whose points follow, then a list —
// gives a statement of that speaker per item; prose that merely mentions
// someone's remarks is no digest (issue 13).
func TestDigestLists(t *testing.T) {
	bullets := "Maria Zakharova held her weekly briefing on Thursday.\n\n" +
		"Here are the key takeaways from what the Foreign Ministry spokeswoman Maria Zakharova said.\n\n" +
		"Relations\n\n" +
		"- Contacts with Washington are frozen at the working level: “We see no interest from the other side.”\n\n" +
		"- Moscow will answer any new restrictions on its diplomats in kind.\n"
	check(t, extractText(t, bullets, day2024),
		want{"Maria Zakharova", model.Indirect, "Contacts with Washington are frozen"},
		want{"Maria Zakharova", model.Direct, "We see no interest"},
		want{"Maria Zakharova", model.Indirect, "Moscow will answer any new restrictions"})
	semicolons := "The main statements from Maria Zakharova's briefing:\n" +
		"Moscow regards the new sanctions as a hostile act;\n" +
		"Russia will monitor the situation in the Baltic Sea closely;\n" +
		"The ministry expects a reply from Washington before the summer.\n"
	check(t, extractText(t, semicolons, day2024),
		want{"Maria Zakharova", model.Indirect, "Moscow regards the new sanctions"},
		want{"Maria Zakharova", model.Indirect, "Russia will monitor the situation"},
		want{"Maria Zakharova", model.Indirect, "The ministry expects a reply"})
	prose := "The Kremlin spokesman drew attention to the first remarks of the new press secretary Jen Psaki.\n\n" +
		"The talks in Geneva lasted four hours and ended without a joint statement.\n\n" +
		"The delegations will meet again in the spring, diplomats in both capitals expect.\n"
	for _, s := range extractText(t, prose, day2024) {
		if s.Speaker == "Jen Psaki" {
			t.Errorf("prose read as a digest of Jen Psaki: %q %v", s.Text, s.Rules)
		}
	}
}

// Digests with emoji bullets and a possessive introduction ("Here are
// Sergey Lavrov’s key statements.") read the same way.
func TestDigestListForms(t *testing.T) {
	emoji := "Key takeaways from Vladimir Putin’s interview with a US journalist:\n\n" +
		"▪️ Russia is ready to talk to Washington at any level\n\n" +
		"▪️ The sanctions have not achieved what their authors wanted\n"
	check(t, extractText(t, emoji, day2024),
		want{"Vladimir Putin", model.Indirect, "Russia is ready to talk"},
		want{"Vladimir Putin", model.Indirect, "The sanctions have not achieved"})
	possessive := "Sergey Lavrov held his annual news conference in Moscow on Thursday.\n\n" +
		"Here are Sergey Lavrov’s key statements.\n\n" +
		"On the United States\n\n" +
		"- Dialogue with Washington is possible only on the basis of equality.\n\n" +
		"- Moscow does not expect quick results from the new contacts.\n"
	check(t, extractText(t, possessive, day2024),
		want{"Sergey Lavrov", model.Indirect, "Dialogue with Washington is possible"},
		want{"Sergey Lavrov", model.Indirect, "Moscow does not expect quick results"})
}

// A country or capital speaking takes its government's affiliation
// (places in speakers.yaml).
func TestPlaceSpeakersAffiliation(t *testing.T) {
	doc := &model.Document{ID: "t", Text: "Talks stalled in March.\n\nKyiv has dismissed the proposal as equivalent to capitulation, and Moscow warned that it would not wait.", Date: day2024}
	_, sps := stmtRegistry(t).Extract(doc)
	got := map[string]model.Affiliation{}
	for _, sp := range sps {
		got[sp.Name] = sp.Affiliation
	}
	if got["Kyiv"] != model.Ukraine {
		t.Errorf("Kyiv: affiliation %q, want Ukraine (speakers %v)", got["Kyiv"], got)
	}
}

// Every statement keeps the cue its rule read.
func TestCueOf(t *testing.T) {
	for how, want := range map[string]string{
		"attr:that said":                                              "said",
		"attr:after-quote told":                                       "told",
		"attr:according to":                                           "according to",
		"attr:split quote said":                                       "said",
		"attr:model called for (stem 44.3, word 15.6)":                "called for",
		"attr:coordinated burdened (spun for stressed)":               "burdened",
		"quote:unattributed; source from attr:model said (stem 32.4)": "said",
		"quote:unattributed":                                          "",
		"attr:digest item (Sergey Lavrov)":                            "",
		"transcript:turn labelled “Putin:”":                           "",
	} {
		if got := cueOf(how); got != want {
			t.Errorf("cueOf(%q) = %q, want %q", how, got, want)
		}
	}
	for _, s := range extractText(t, "Zakharova denied the accusations.", day2024) {
		if s.Cue != "denied" {
			t.Errorf("statement %q: cue %q, want denied", s.Text, s.Cue)
		}
	}
}

// A sentence ends before a quotation that opens after "U.S." or with no
// space after the period ("said.“The …"); "U.S. President" goes on.
func TestSentenceBeforeQuotation(t *testing.T) {
	for text, want := range map[string][]string{
		"Russia might be open to a deal with the U.S. “We have a working channel,” he said.": {
			"Russia might be open to a deal with the U.S.", "“We have a working channel,” he said."},
		`Russia sent signals, Ushakov said."The current situation is clear," he added.`: {
			"Russia sent signals, Ushakov said.", `"The current situation is clear," he added.`},
		"Peskov spoke with the U.S. President on Monday.": {"Peskov spoke with the U.S. President on Monday."},
	} {
		para := model.Span{Start: 0, End: len(text)}
		var got []string
		for _, sp := range splitSentences(text, para, pairQuotes(text, []model.Span{para})) {
			got = append(got, text[sp.Start:sp.End])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
	}
}

// "…, adding: “…”" reports the quotation on its own, for the subject.
func TestParticipleBeforeQuotation(t *testing.T) {
	text := `The Kremlin aide said the talks were "confidential," adding: "I do not comment on it."`
	check(t, extractText(t, text, day2024),
		want{"Yuri Ushakov", model.Mixed, "the talks were"},
		want{"Yuri Ushakov", model.Direct, "I do not comment on it."})
}

// A name with its role before a comma is the source; a name inside the
// description after the comma ("a Clinton backer") is not.
func TestSourceBeforeDescriptiveApposition(t *testing.T) {
	text := "Hillary Clinton spoke in Harlem on Tuesday.\n\n" +
		"“She’s going to be more aggressive,” said former South Carolina Gov. Jim Hodges, a Clinton backer. " +
		"Christopher M. Shelton, the president of the union, said it would endorse Mrs. Clinton."
	check(t, extractText(t, text, day2024),
		want{"Jim Hodges", model.Direct, "She’s going to be more aggressive"},
		want{"Christopher M. Shelton", model.Indirect, "it would endorse"})
}

// A body or group named after a person ("the Biden administration",
// "Trump aides") speaks for itself, not as the person; a newspaper keeps
// the article of its name; a sentence's opening words take the person
// noun after them ("International observers").
func TestBodiesNamedAfterPeople(t *testing.T) {
	text := "Officials met on Monday.\n\n" +
		"The Biden administration said Gershkovich has never worked for the government. " +
		"Trump aides said he would not attend. " +
		"According to the Wall Street Journal, the decision was made in April. " +
		"International observers weighed in on the proceedings, noting the potential impact on press freedoms."
	check(t, extractText(t, text, day2024),
		want{"Biden administration", model.Indirect, "Gershkovich has never worked"},
		want{"Trump aides", model.Indirect, "he would not attend"},
		want{"The Wall Street Journal", model.Indirect, "the decision was made"},
		want{"International observers", model.Indirect, "the potential impact"})
}

// "He" and "she" reach past groups and bodies ("Some Sanders supporters",
// "The Washington Post") to a person; a person named by whom they serve
// ("a longtime adviser to Trump") is not that person, and beside a cue of
// anonymity is an anonymous source.
func TestPronounsSkipGroupsAndServants(t *testing.T) {
	text := "Officials met on Monday.\n\n" +
		"Hillary Clinton spoke in Ohio. Some Sanders supporters said the vote was rigged. She said it was not.\n\n" +
		"“He does not know the new media,” said a longtime adviser to Trump, who declined to be identified."
	check(t, extractText(t, text, day2024),
		want{"Some Sanders supporters", model.Indirect, "the vote was rigged"},
		want{"Hillary Clinton", model.Indirect, "it was not"},
		want{"anonymous source", model.Direct, "He does not know"})
}

// "who" stands for the people the phrase before it names, whatever noun
// names them; a quantity ("those who", "a number who") names no one.
func TestWhoStandsForThePhraseBefore(t *testing.T) {
	text := "Officials met on Monday.\n\n" +
		"The Romanian hacker who first revealed the breach said he acted alone.\n\n" +
		"The law unites liberals who decried rote testing regimes.\n\n" +
		"Many are among those who say they have no intention of backing Clinton."
	got := extractText(t, text, day2024)
	wantSpeakers(t, got, map[string]string{
		"rote testing regimes":                      "liberals",
		"they have no intention of backing Clinton": "unknown",
	})
	for _, s := range got {
		if strings.Contains(s.Text, "acted alone") && s.Speaker != "Romanian hacker" {
			t.Errorf("%q: speaker %q, want Romanian hacker", s.Text, s.Speaker)
		}
	}
}

// "It" opening a sentence stands for the body last made the subject
// ("Twitter"), or for the document the sentence before opens with ("The
// report … It said").
func TestItStandsForBodyOrDocument(t *testing.T) {
	text := "Officials met on Monday.\n\n" +
		"The report also provided details of data breaches at the regulator. It said current officials had concealed information.\n\n" +
		"In a blog post on Friday, Twitter said violent threats had long been against its terms. It added that it has worked with groups."
	check(t, extractText(t, text, day2024),
		want{"report", model.Indirect, "current officials had concealed"},
		want{"Twitter", model.Indirect, "violent threats"},
		want{"Twitter", model.Indirect, "it has worked with groups"})
}

// A reported content ends where another report begins and runs on to its
// end; a clause inside the content ("what he described as") stays.
func TestContentEndsBeforeTheNextReport(t *testing.T) {
	text := "Officials met on Monday.\n\n" +
		"Sanders said the Clinton campaign and its allies are unfairly maligning his record on guns, while his supporters have accused the former secretary of state of using victims as props.\n\n" +
		"Medvedev accused the US of acting as the dominant power and engaging in what he described as a hybrid war against Russia.\n\n" +
		"Most recently, Trump called to ban Muslims from entering the U.S. While Clinton has forcefully condemned the proposal, the groups say they are concerned."
	got := extractText(t, text, day2024)
	for _, s := range got {
		if strings.HasSuffix(s.Text, "While") {
			t.Errorf("%q ends with the joiner to the next report", s.Text)
		}
	}
	var texts []string
	for _, s := range got {
		texts = append(texts, s.Speaker+": "+s.Text)
	}
	for _, want := range []string{
		"Sanders: the Clinton campaign and its allies are unfairly maligning his record on guns",
		"his supporters: the former secretary of state of using victims as props",
	} {
		if !slices.Contains(texts, want) {
			t.Errorf("no statement %q in %q", want, texts)
		}
	}
	for _, s := range got {
		if s.Speaker == "Dmitry Medvedev" && strings.HasPrefix(s.Text, "the US of acting") && !strings.Contains(s.Text, "hybrid war") {
			t.Errorf("the relative clause was cut off: %q", s.Text)
		}
	}
}

// "She" with no subject to take finds the one woman named before it, in
// any role; in its own paragraph she is nearer than an earlier subject;
// "The most telling" names no one.
func TestPronounFindsTheOnlyPersonOfItsGender(t *testing.T) {
	text := "Officials met on Monday.\n\n" +
		"Consider the case of Ms. Shanklin-Hawkins. She says she plans to vote for Mr. Sanders.\n\n" +
		"The most telling promise Mrs. Clinton has made is that she will not overpromise. She said the party was united."
	got := extractText(t, text, day2024)
	wantSpeakers(t, got, map[string]string{
		"she plans to vote for Mr. Sanders": "Shanklin-Hawkins",
		"the party was united":              "Clinton",
	})
	for _, s := range got {
		if s.Speaker == "most telling" {
			t.Errorf("%q: “The most telling” made a speaker", s.Text)
		}
	}
}

// A participle speaks for the sentence's subject after an opening "And
// even" and across a short aside; an aside that names someone else, or a
// person noun the text leaves unresolved ("His mother"), does not give it.
func TestParticipleTakesTheSentenceSubject(t *testing.T) {
	text := "Leaders gave assurances on Monday. And even Obama tried to help them, noting that he would demur too in their position.\n\n" +
		"Twitter, at the same time, put its new tool to use, highlighting top news tweets about the attacks.\n\n" +
		"His mother refused to teach him Japanese, insisting that her son was American.\n\n" +
		"Lena Pohl, Ivan Petrov and a lawyer met officials, saying that the case was closed."
	got := extractText(t, text, day2024)
	wantSpeakers(t, got, map[string]string{
		"he would demur too in their position": "Obama",
		"top news tweets about the attacks":    "Twitter",
		"her son was American":                 "unknown",
	})
	for _, s := range got {
		if s.Text == "the case was closed" && s.Speaker == "Lena Pohl" {
			t.Errorf("%q: a list's first name took the participle (%v)", s.Text, s.Rules)
		}
	}
}

// A bare object ends where the subject goes on to do something else; a
// list's participle ("and improved dining choices") and a reported clause
// go on.
func TestObjectEndsAtTheNextPredicate(t *testing.T) {
	text := "John Schlafly defended his mother and refused to repudiate Republican politicians.\n\n" +
		"Prosecutors charged the officer with murder and Emanuel fired his police chief.\n\n" +
		"The owner praised the resort-style pools, water parks and improved dining choices.\n\n" +
		"Ms. Tanzer said the plan was flawed and needed changes.\n\n" +
		"Her followers criticized her Spanish-language skills and even questioned her identity.\n\n" +
		"The French president expressed his condolences over the massacre, while Obama offered his own.\n\n" +
		"She blamed the violence on a disturbed person and said it was unnerving.\n\n" +
		"Trump said he and Manafort introduced the firms to the nonprofit."
	got := extractText(t, text, day2024)
	want := map[string]bool{"his mother": false, "the officer with murder": false, "her Spanish-language skills": false,
		"his condolences over the massacre": false, "the violence on a disturbed person": false,
		"he and Manafort introduced the firms to the nonprofit":           false,
		"the resort-style pools, water parks and improved dining choices": false, "the plan was flawed and needed changes": false}
	for _, s := range got {
		if _, ok := want[s.Text]; ok {
			want[s.Text] = true
		}
	}
	for text, found := range want {
		if !found {
			var texts []string
			for _, s := range got {
				texts = append(texts, s.Text)
			}
			t.Errorf("no statement %q in %q", text, texts)
		}
	}
}

// A quotation no one is said to speak is no statement when it is a quoted
// word or a title; a sentence quoted alone still is.
func TestQuotedWordsAndTitlesAreNoStatements(t *testing.T) {
	for _, title := range []string{"“Demure.”", "“The Walking Dead”"} {
		for _, s := range extractText(t, title+"\n\nThe show returned on Sunday to good reviews.", day2024) {
			t.Errorf("%q: a title or a quoted word made a statement (%v)", s.Text, s.Rules)
		}
	}
	got := extractText(t, "“We will not back down from this fight, not now and not ever.”\n\nThe show returned on Sunday.", day2024)
	if !slices.ContainsFunc(got, func(s *model.Statement) bool { return strings.HasPrefix(s.Text, "We will not back down") }) {
		t.Errorf("the quoted sentence is no statement: %v", got)
	}
}

// A quotation that goes on into the next paragraph (its first paragraph
// left open, as news prints a long quotation) takes the attribution where
// it closes, and the quotation after it continues that speaker's words.
func TestQuotationAcrossParagraphsTakesItsClosingAttribution(t *testing.T) {
	text := "Angel Mendoza said his cousins were held. \"They separate the women and the children.\n\n" +
		"\"This is still my family even though we are not blood-related,\" he said. \"We have the same skin color.\""
	got := extractText(t, text, day2024)
	for _, s := range got {
		switch {
		case strings.HasPrefix(s.Text, "They separate"):
			if !slices.Contains(s.Rules, "attr:after-quote said") || s.Mention != "he" {
				t.Errorf("%q: rules %v, mention %q; want the attribution where it closes, “he said”", s.Text, s.Rules, s.Mention)
			}
		case strings.HasPrefix(s.Text, "We have the same"):
			if s.Speaker != "Angel Mendoza" || s.Mention != "he" {
				t.Errorf("%q: speaker %q, mention %q; want Angel Mendoza, “he”", s.Text, s.Speaker, s.Mention)
			}
		}
	}
}

// TestSpeakerRules checks speakers the fifth round of issue 13 settles,
// one case a rule: the text, and the speaker of each statement whose text
// is a key.
func TestSpeakerRules(t *testing.T) {
	cases := []struct {
		name, text string
		want       map[string]string
	}{
		{
			// "who" after an apposition stands for the name the apposition
			// describes; an age after a name is no part of it
			name: "who after an apposition",
			text: "“That may be of concern to people,” said Alan Berger, a gynecologist from Englewood, New Jersey, who said he is friendly with the family.\n\n" +
				"“I have never voted in a primary,” said Nicky Driscoll, 24, from Manchester, who said Sanders is best suited to the job.\n\n" +
				"“I am not sure,” said Lionel Sosa, a media consultant and an influential Republican who said he would not vote for Mr. Cruz.",
			want: map[string]string{
				"he is friendly with the family":    "Alan Berger",
				"I have never voted in a primary":   "Nicky Driscoll",
				"Sanders is best suited to the job": "Nicky Driscoll",
				"he would not vote for Mr. Cruz":    "Lionel Sosa",
				"That may be of concern to people":  "Alan Berger",
			},
		},
		{
			// a participle opening its sentence reports up to the comma that
			// closes its clause (not a list's comma inside it) and speaks
			// for the name right after it
			name: "opening participle",
			text: "Senators met on Monday.\n\n" +
				"Noting that only Mark Kirk voted with Democrats on background checks, Jon Tester added that the bill would fail.\n\n" +
				"Rattling off promises to lower student debt, reform the immigration system and improve education, Hillary Clinton promised new opportunities.",
			want: map[string]string{
				"only Mark Kirk voted with Democrats on background checks":                "Jon Tester",
				"lower student debt, reform the immigration system and improve education": "Hillary Clinton",
			},
		},
		{
			// "the campaign" stands for the one campaign named before; with
			// two named, the description stays as it is
			name: "a definite body",
			text: "The Sanders campaign said on Wednesday that the count was flawed.\n\nThe campaign said it would assess its options.\n\n" +
				"The Trump campaign said on Thursday that the count was fair.\n\nThe campaign said the recount was a stunt.",
			want: map[string]string{
				"it would assess its options": "Sanders campaign",
				"the recount was a stunt":     "campaign",
			},
		},
		{
			// two people of one surname stay two ("Bill" is a given name
			// first, though it also ends bodies' names, "Farm Bill"), and
			// "Mr." and "Mrs." choose by gender
			name: "two people of one surname",
			text: "Hillary Clinton said the trade deal was flawed.\n\n" +
				"Bill Clinton said he plans to continue his work at the foundation.\n\n" +
				"Mr. Clinton said the foundation would change. Mrs. Clinton said she agreed.",
			want: map[string]string{
				"the trade deal was flawed":                       "Hillary Clinton",
				"he plans to continue his work at the foundation": "Bill Clinton",
				"the foundation would change":                     "Bill Clinton",
				"she agreed":                                      "Hillary Clinton",
			},
		},
		{
			// a source the tagger took as a whole clause names its subject,
			// not the object after its verb
			name: "a clause as the source",
			text: "Indiana Gov. Mike Pence is joining his running mate Donald Trump in calling for a special prosecutor to investigate Hillary Clinton.",
			want: map[string]string{"a special prosecutor to investigate Hillary Clinton": "Mike Pence"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantSpeakers(t, extractText(t, c.text, day2024), c.want)
		})
	}
}

// wantSpeakers checks the speaker of each statement whose text is a key
// of want, and that every one is found.
func wantSpeakers(t *testing.T, got []*model.Statement, want map[string]string) {
	t.Helper()
	found := map[string]bool{}
	for _, s := range got {
		if w, ok := want[s.Text]; ok {
			found[s.Text] = true
			if s.Speaker != w {
				t.Errorf("%q: speaker %q, want %q (%v)", s.Text, s.Speaker, w, s.Rules)
			}
		}
	}
	for text := range want {
		if !found[text] {
			t.Errorf("no statement %q", text)
		}
	}
}

// "…, a source familiar with the matter said": the words end before the
// source, not at what it knows.
func TestContentEndsBeforeKnowerSource(t *testing.T) {
	text := "Officials met on Monday.\n\n" +
		"The envoy met the negotiator in Florida on Thursday and was due to meet him there again on Friday, a source familiar with the matter said."
	var found bool
	for _, s := range extractText(t, text, day2024) {
		if strings.HasPrefix(s.Text, "The envoy met") {
			found = true
			if strings.Contains(s.Text, "a source") || !strings.HasPrefix(s.Speaker, "anonymous source") {
				t.Errorf("got %s %q (%v)", s.Speaker, s.Text, s.Rules)
			}
		}
	}
	if !found {
		t.Error("the statement was not found")
	}
}

// A sentence glued to the next by scraping ("said.The") ends at its full
// stop; initials, "U.S." and domains do not.
func TestGluedSentences(t *testing.T) {
	for text, want := range map[string][]string{
		"Ushakov said.The conversation was useful.":       {"Ushakov said.", "The conversation was useful."},
		"He met J.R. Smith in the U.S.The talks went on.": {"He met J.R. Smith in the U.S.The talks went on."},
		"See news on www.chinadaily.com.cn for more.":     {"See news on www.chinadaily.com.cn for more."},
		"It ended at 5 p.m.The next day was quiet.":       {"It ended at 5 p.m.The next day was quiet."},
	} {
		para := model.Span{Start: 0, End: len(text)}
		var got []string
		for _, sp := range splitSentences(text, para, pairQuotes(text, []model.Span{para})) {
			got = append(got, text[sp.Start:sp.End])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
	}
}
