package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

const presser = `News conference following Russian-US talks

Vladimir Putin, Sergey Lavrov and Dmitry Peskov answered journalists' questions.

March 14, 2025, The Kremlin, Moscow

Dmitry Peskov: Good afternoon, colleagues. We have forty minutes, so please keep your questions short.

Question: Mr President, do you expect a meeting with President Trump soon?

Vladimir Putin: We are ready for such a meeting. It has to be prepared properly, by the experts, so that it produces results and not just pictures.

We have said this many times. Our American colleagues know our position.

Question: Mr Lavrov, what about the embassies?

Lavrov: The work on the embassies continues. We have agreed to return the diplomatic property issue to the agenda.

Question: Mr Peskov, will the Kremlin publish the agenda?

Dmitry Peskov: No, the agenda will not be published before the talks.
`

func process(t *testing.T, id, text string) Processed {
	t.Helper()
	r, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	return r.Process(Article{ID: id, Path: id + ".txt", Raw: []byte(text)})
}

func TestFindTranscriptShapes(t *testing.T) {
	cases := []struct {
		name   string
		text   string
		turns  int
		labels []string
	}{
		{"news conference", presser, 7, []string{"Dmitry Peskov", "Question", "Vladimir Putin", "Question", "Lavrov", "Question", "Dmitry Peskov"}},
		{"Q and A lines without blank lines", "Interview with Sergey Lavrov\nQ: How are the contacts?\nA: Useful.\nQ: A summit?\nA: Too early to say.", 4, []string{"Q", "A", "Q", "A"}},
		{"label alone on its line, timestamps", "Transcript\n\nDmitry Peskov: (09:51)\nLet us start.\n\nSpeaker 1: (10:08)\nWhat about America?\n\nDmitry Peskov: (10:29)\nWe will see.", 3, []string{"Dmitry Peskov", "Speaker 1", "Dmitry Peskov"}},
		{"initials, roles, retranslated", "Briefing\n\nV.Putin: We are ready.\n\nQuestion (retranslated): And Europe?\n\nPresident of Russia Vladimir Putin: Europe chose.\n\nS.Lavrov: I agree.", 4, []string{"V.Putin", "Question", "President of Russia Vladimir Putin", "S.Lavrov"}},
		{"upper-case TV transcript", "Partial transcript as follows:\n\nJAKE TAPPER: What do you think?\n\nFALLIN: I think he is trying.\n\nTAPPER: And the polls?\n\nFALLIN: They will move.", 4, []string{"JAKE TAPPER", "FALLIN", "TAPPER", "FALLIN"}},
		{"a record's heading lets labels come once", "Vladimir Putin's news conference\n\nPresident of Russia Vladimir Putin: Friends and colleagues,\n\nWe meet at the end of the year.\n\nPresidential Press Secretary Dmitry Peskov: The first question goes to Alexander Gamov.\n\nAlexander Gamov: Thank you. Has your view of the economy changed?", 3, nil},
	}
	for _, c := range cases {
		secs := FindTranscript(c.text, model.Span{})
		if len(secs) != 1 {
			t.Errorf("%s: %d sections, want 1", c.name, len(secs))
			continue
		}
		if got := len(secs[0].Turns); got != c.turns {
			t.Errorf("%s: %d turns, want %d", c.name, got, c.turns)
		}
		for i, l := range c.labels {
			if i < len(secs[0].Turns) && secs[0].Turns[i].Label != l {
				t.Errorf("%s: turn %d labelled %q, want %q", c.name, i+1, secs[0].Turns[i].Label, l)
			}
		}
		for _, tu := range secs[0].Turns {
			if !tu.LabelSpan.In(len(c.text)) || c.text[tu.LabelSpan.Start:tu.LabelSpan.End] != tu.Label {
				t.Errorf("%s: label span %v is not %q", c.name, tu.LabelSpan, tu.Label)
			}
		}
	}
}

// Prose that happens to hold colons, labels once, tallies and headlines
// is not a transcript.
func TestFindTranscriptNegatives(t *testing.T) {
	cases := map[string]string{
		"note and dateline":                 "Moscow: Russia is ready for talks, Peskov said on Monday.\n\nThe Kremlin spokesman told reporters the contacts would go on.\n\nNote: the briefing was held by phone.\n\nMoscow: the weather was cold.",
		"headline":                          "Trump: talks with Russia will go on\n\nUS President Donald Trump said on Friday that talks would go on.\n\n“We are talking,” Trump said.\n\nTrump: more talks are coming soon\n\nThe White House gave no details.",
		"watch and photo":                   "Putin said he was ready.\n\nWatch: Putin's full press conference in Astana (video, 58 min)\n\nPhoto: Reuters\n\nRead more: Peskov on the talks",
		"run-in headings":                   "Why it matters: the talks resume.\n\nDriving the news: Lavrov met Rubio.\n\nThe big picture: relations are at a low.\n\nFlashback: the 2021 summit in Geneva.\n\nWhat's next: another round.",
		"a tally":                           "The count.\n\nHillary Clinton: 1,769.\n\nBernie Sanders: 1,501.\n\nClinton: 547.\n\nSanders: 46.",
		"a roundup of reactions, each once": "Reactions to the call.\n\nPeskov: The call was useful and long.\n\nZakharova: Washington must now act.\n\nMedvedev: We will see what comes of it.",
		"clock times and URLs":              "The talks began at 15:30 and ended at 19:00.\n\nSee https://example.org/a for more.\n\nThe score was 2:1 at half time.",
		"lower-case lead-ins":               "The main statements from Maria Zakharova's briefing: Russia is ready.\n\nShe said the following: the West is wrong.\n\nhe added: nothing else.",
	}
	for name, text := range cases {
		if secs := FindTranscript(text, model.Span{}); len(secs) > 0 {
			t.Errorf("%s: read as a transcript of %d turns", name, len(secs[0].Turns))
		}
		p := process(t, "neg", text)
		if p.Doc.IsTranscript() {
			t.Errorf("%s: the document is marked as a transcript", name)
		}
		for _, s := range p.Statements {
			if fromTranscript(s) {
				t.Errorf("%s: a transcript statement %q", name, s.Text)
			}
		}
	}
}

func TestTranscriptStatements(t *testing.T) {
	p := process(t, "presser", presser)
	if !p.Doc.IsTranscript() || p.Doc.Transcript.Turns != 7 || p.Doc.Transcript.Questions != 3 {
		t.Fatalf("transcript = %+v, want 7 turns, 3 questions", p.Doc.Transcript)
	}
	type want struct{ speaker, starts, question string }
	wants := []want{
		{"Dmitry Peskov", "Good afternoon, colleagues. We have forty minutes", ""},
		{"Vladimir Putin", "We are ready for such a meeting.", "Mr President, do you expect"},
		{"Vladimir Putin", "We have said this many times.", "Mr President, do you expect"}, // the turn's next paragraph
		{"Sergey Lavrov", "The work on the embassies continues.", "Mr Lavrov, what about the embassies?"},
		{"Dmitry Peskov", "No, the agenda will not be published", "Mr Peskov, will the Kremlin"},
	}
	if len(p.Statements) != len(wants) {
		for _, s := range p.Statements {
			t.Logf("%s %s %q", s.ID, s.Speaker, s.Text)
		}
		t.Fatalf("%d statements, want %d", len(p.Statements), len(wants))
	}
	for i, w := range wants {
		s := p.Statements[i]
		if s.Speaker != w.speaker || !strings.HasPrefix(s.Text, w.starts) || !strings.HasPrefix(s.Question, w.question) || (w.question == "") != (s.Question == "") {
			t.Errorf("statement %d: %s %q (question %q), want %s %q (question %q)", i+1, s.Speaker, s.Text, s.Question, w.speaker, w.starts, w.question)
		}
		if s.Kind != model.Direct || s.Date.Precision != model.PrecisionDay || s.Date.Value != model.Day(2025, 3, 14) {
			t.Errorf("%s: kind %s, date %s, want direct on 2025-03-14", s.ID, s.Kind, s.Date.Label())
		}
		if s.ID != "presser#"+string(rune('1'+i)) || p.Doc.Text[s.Span.Start:s.Span.End] != s.Text {
			t.Errorf("statement %d: id %s, span %v does not hold its text", i+1, s.ID, s.Span)
		}
		if s.Question != "" && (s.QuestionDoc != "presser" || p.Doc.Text[s.QuestionSpan.Start:s.QuestionSpan.End] != s.Question) {
			t.Errorf("%s: the question's span %v in %q does not hold it", s.ID, s.QuestionSpan, s.QuestionDoc)
		}
		if !strings.HasPrefix(s.Rules[0], "transcript:turn labelled") {
			t.Errorf("%s: rules %q", s.ID, s.Rules)
		}
		if strings.Contains(s.Text, "?") {
			t.Errorf("%s: a question became a statement: %q", s.ID, s.Text)
		}
	}
}

func TestTranscriptLabels(t *testing.T) {
	cases := []struct {
		name, text string
		speakers   []string
	}{
		{"initial and surname, bare surname, full name", "Briefing, 2 April 2025\n\nV.Putin: We are ready for talks.\n\nQuestion: And Mr Lavrov?\n\nLavrov: I agree with the President.\n\nMaria Zakharova: Nothing to add.",
			[]string{"Vladimir Putin", "Sergey Lavrov", "Maria Zakharova"}},
		{"A: is the interviewee", "Interview with Deputy Foreign Minister Sergey Ryabkov, 28 January 2025\n\nQ: Any proposals?\n\nA: Not yet, no proposals.\n\nQ: And later?\n\nA: We will see later.",
			[]string{"Sergey Ryabkov", "Sergey Ryabkov"}},
		{"A: with no one interviewee is unknown", "Putin and Lavrov on the talks, 28 January 2025\n\nQ: Any proposals?\n\nA: Not yet, no proposals.\n\nQ: And later?\n\nA: We will see later.",
			[]string{model.UnknownSpeaker, model.UnknownSpeaker}},
		{"the role of the one person the heading names", "Vladimir Putin took part in the session, 7 November 2024\n\nModerator: What do you expect?\n\nThe President: I expect results.\n\nModerator: And Europe?\n\nThe President: Europe has chosen.",
			[]string{"Vladimir Putin", "Vladimir Putin"}},
		{"a label the registry does not know", "Session of the club, 7 November 2024. The President of Kazakhstan, Kassym-Jomart Tokayev, took part.\n\nModerator: Mr Tokayev, your view?\n\nTokayev: We are watching calmly.\n\nModerator: And you, Ivan Petrov?\n\nIvan Petrov: I agree with him.",
			[]string{"Kassym-Jomart Tokayev", "Ivan Petrov"}},
		{"a moderator's opening is no statement", "News conference, Moscow, 14 March 2025\n\nModerator: Good afternoon. We begin with questions from the press.\n\nQuestion: Mr Lavrov, is a new round planned?\n\nLavrov: Yes, the next round is planned for April.",
			[]string{"Sergey Lavrov"}},
		{"numbered speakers are unknown", "Transcript 2025-03-14\n\nDmitry Peskov: Vladivostok, are you there?\n\nSpeaker 1: Yes, we are ready here.\n\nDmitry Peskov: Good, we will start.",
			[]string{"Dmitry Peskov", model.UnknownSpeaker, "Dmitry Peskov"}},
	}
	for _, c := range cases {
		p := process(t, "labels", c.text)
		var got []string
		for _, s := range p.Statements {
			got = append(got, s.Speaker)
		}
		if strings.Join(got, "|") != strings.Join(c.speakers, "|") {
			t.Errorf("%s: speakers %q, want %q", c.name, got, c.speakers)
			for _, s := range p.Statements {
				t.Logf("  %s %q %q", s.Speaker, s.Text, s.Rules)
			}
		}
		if c.name == "a label the registry does not know" {
			names := map[string]bool{}
			for _, sp := range p.Speakers {
				names[sp.Name] = true
			}
			if !names["Kassym-Jomart Tokayev"] || !names["Ivan Petrov"] {
				t.Errorf("new speakers %v, want Kassym-Jomart Tokayev and Ivan Petrov", p.Speakers)
			}
		}
	}
}

func TestTranscriptDates(t *testing.T) {
	body := "\n\nQuestion: Any news?\n\nSergey Lavrov: Nothing new since last June.\n\nQuestion: And next year?\n\nSergey Lavrov: We will meet in 2026 again.\n"
	for heading, want := range map[string]model.Date{
		"Answers to media questions\n\nMarch 14, 2025, Moscow":   model.DayDate(model.Day(2025, 3, 14), "", "", model.Span{}),
		"Answers to media questions\n\nMoscow, 14 March 2025":    model.DayDate(model.Day(2025, 3, 14), "", "", model.Span{}),
		"Answers to media questions\n\n2025-03-14 15:22":         model.DayDate(model.Day(2025, 3, 14), "", "", model.Span{}),
		"Answers to media questions\n\nThursday, 13 March 2025.": model.DayDate(model.Day(2025, 3, 13), "", "", model.Span{}),
	} {
		p := process(t, "dated", heading+body)
		if len(p.Statements) != 2 {
			t.Fatalf("%q: %d statements", heading, len(p.Statements))
		}
		for _, s := range p.Statements {
			if s.Date.Precision != model.PrecisionDay || !s.Date.Value.Equal(want.Value) || !strings.HasPrefix(lastRule(s.Rules, "date:"), "date:transcript-heading") {
				t.Errorf("%q: %s dated %s (%s), want %s", heading, s.ID, s.Date.Label(), lastRule(s.Rules, "date:"), want.Label())
			}
		}
		if !p.Doc.Date.Value.Equal(want.Value) {
			t.Errorf("%q: document dated %s, want %s", heading, p.Doc.Date.Label(), want.Label())
		}
	}
	// a date line between turns starts a new day
	p := process(t, "days", "Session, 7 November 2024\n\nModerator: What now?\n\nThe President: We wait.\n\n8 November 2024\n\nModerator: And today?\n\nThe President: We still wait.")
	if len(p.Statements) != 2 || p.Statements[0].Date.Value != model.Day(2024, 11, 7) || p.Statements[1].Date.Value != model.Day(2024, 11, 8) {
		for _, s := range p.Statements {
			t.Logf("%s %s %s", s.Speaker, s.Text, s.Date.Label())
		}
		t.Errorf("the date line did not date the next turn")
	}
}

func TestTranscriptUnits(t *testing.T) {
	long := "Vladimir Putin: " + strings.Repeat("We have said many times that we are ready for a dialogue on strategic stability with the United States. ", 3) +
		"This must be an equal dialogue, and it must take into account the interests of both sides, including our concerns about missile defence. " +
		"There is no other way to reach a result that will last, and everyone understands this perfectly well. " +
		"We will wait for concrete proposals from our partners. Thank you."
	text := "Answers to questions, 14 March 2025\n\nQuestion: Strategic stability?\n\n" + long + "\n\nQuestion: Thanks?\n\nVladimir Putin: Thank you.\n\nQuestion: And one more?\n\nVladimir Putin: Good afternoon. Yes, one more thing matters.\n\nThank you very much."
	p := process(t, "units", text)
	var n int
	for _, s := range p.Statements {
		if s.Speaker != "Vladimir Putin" {
			t.Errorf("%s: speaker %s", s.ID, s.Speaker)
		}
		if len(s.Text) > maxUnit+200 {
			t.Errorf("%s: %d bytes, a long turn was not cut", s.ID, len(s.Text))
		}
		if strings.HasPrefix(s.Text, "We have said") || strings.HasPrefix(s.Text, "This must") || strings.HasPrefix(s.Text, "There is no other way") || strings.HasPrefix(s.Text, "We will wait") {
			n++
		}
		if s.Text == "Thank you very much." {
			t.Errorf("a courtesy became a statement")
		}
	}
	if n < 2 {
		t.Errorf("the long turn gave %d units, want 2 or more", n)
	}
	// an answer that is only "Thank you." to a question stays: it answers
	if !containsText(p.Statements, "Thank you.") {
		t.Errorf("the one-line answer was dropped")
	}
}

func containsText(stmts []*model.Statement, text string) bool {
	for _, s := range stmts {
		if s.Text == text {
			return true
		}
	}
	return false
}

// An excerpt inside an article: the article's paragraphs before and after
// it are prose, read by prose extraction, never a turn's.
func TestTranscriptExcerptInArticle(t *testing.T) {
	text := `Peskov: no date for the next round

MOSCOW, March 20, 2025. /TASS/. Kremlin Spokesman Dmitry Peskov said on Thursday that there was no date for the next round of talks.

Question: Is Riyadh confirmed as the venue?

Peskov: No, the venue has not been agreed yet.

Question: Has President Putin spoken with President Trump?

Peskov: No, there have been no new conversations.

The Kremlin spokesman added that the teams were in regular contact.

“The contacts between the experts continue,” Peskov told reporters.

First, the picture Peskov paints of the talks is optimistic.`
	p := process(t, "excerpt", text)
	var transcript, prose int
	for _, s := range p.Statements {
		if fromTranscript(s) {
			transcript++
			if strings.Contains(s.Text, "regular contact") || strings.Contains(s.Text, "picture") {
				t.Errorf("the article's words were read as a turn: %q", s.Text)
			}
		} else {
			prose++
		}
	}
	if transcript != 2 || prose < 2 {
		for _, s := range p.Statements {
			t.Logf("%s %s %q %q", s.ID, s.Speaker, s.Text, s.Rules)
		}
		t.Errorf("%d transcript statements and %d prose ones, want 2 and at least 2", transcript, prose)
	}
	// the last turn gives back the article's paragraphs that speak in neither person
	secs := FindTranscript("Q: What now?\n\nA: We wait for them.\n\nQ: And then?\n\nA: Then we will see.\n\nThe minister then left for the airport.\n\nHe is expected back on Friday.", model.Span{})
	if len(secs) != 1 || len(secs[0].Turns[3].Paras) != 1 {
		t.Errorf("the article's closing paragraphs stayed in the last turn: %+v", secs)
	}
}

// The formats a transcript comes in: a .txt, a .md with front matter, an
// HTML page with bold labels, a JSONL record.
func TestTranscriptFormats(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", presser)
	write("b.md", "---\ntitle: Briefing by Maria Zakharova\n---\n\n# Briefing, Moscow, 2 April 2025\n\n**Maria Zakharova:** Good afternoon. We begin with Russia-US contacts, which go on.\n\n**Question:** Is there a date?\n\n**Maria Zakharova:** The date will be agreed through diplomatic channels.\n")
	write("c.html", `<!DOCTYPE html><html><head><title>Interview of Sergey Lavrov</title></head><body><main><article>
<h1>Interview of Sergey Lavrov, Moscow, 2025-02-20</h1>
<p><b>Question:</b> What is your impression of the contacts with the new administration?</p>
<p><b>Lavrov:</b> My impression is that our American colleagues came to listen, not only to speak.</p>
<p><b>Question:</b> Did they accept your explanations of the root causes?</p>
<p><b>Lavrov:</b> It is too early to say that anyone accepted anything, but they heard them.</p>
</article></main></body></html>`)
	jl := strings.ReplaceAll(strings.ReplaceAll(presser, `"`, `\"`), "\n", `\n`)
	write("d.jsonl", `{"id": "rec", "text": "`+jl+`"}`+"\n")
	r, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"a":   {"Dmitry Peskov", "Vladimir Putin", "Vladimir Putin", "Sergey Lavrov", "Dmitry Peskov"},
		"b":   {"Maria Zakharova", "Maria Zakharova"},
		"c":   {"Sergey Lavrov", "Sergey Lavrov"},
		"rec": {"Dmitry Peskov", "Vladimir Putin", "Vladimir Putin", "Sergey Lavrov", "Dmitry Peskov"},
	}
	got := map[string][]string{}
	for _, s := range res.Statements {
		got[s.Doc] = append(got[s.Doc], s.Speaker)
	}
	for _, d := range res.Documents {
		if !d.IsTranscript() {
			t.Errorf("%s: not read as a transcript", d.Path)
		}
	}
	for doc, w := range want {
		if strings.Join(got[doc], "|") != strings.Join(w, "|") {
			t.Errorf("%s: speakers %q, want %q", doc, got[doc], w)
		}
	}
}

// A news article quoting a sentence of a loaded transcript is another
// report of the transcript's statement: one statement, both sources, the
// transcript's words, date and question kept.
func TestTranscriptMerge(t *testing.T) {
	r, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	tr := r.Process(Article{ID: "kremlin", Path: "kremlin.txt", Raw: []byte(presser)})
	news := r.Process(Article{ID: "news", Path: "news.txt", Raw: []byte("Putin ready to meet Trump\n\nMOSCOW, March 15, 2025 (Reuters) - Russian President Vladimir Putin said on Friday he was open to a meeting with Donald Trump.\n\n“It has to be prepared properly, by the experts, so that it produces results,” Putin told a news conference in the Kremlin.\n")})
	other := r.Process(Article{ID: "other", Path: "other.txt", Raw: []byte("Putin on a summit\n\nMOSCOW, June 1, 2025 (Reuters) - Russian President Vladimir Putin said on Sunday a meeting had to be well prepared.\n\n“It has to be prepared properly, by the experts, so that it produces results,” Putin said.\n")})
	docs := []*model.Document{tr.Doc, news.Doc, other.Doc}
	var stmts []*model.Statement
	stmts = append(append(append(stmts, tr.Statements...), news.Statements...), other.Statements...)
	merged := MergeReports(docs, stmts)
	var found *model.Statement
	for _, s := range merged {
		if strings.HasPrefix(s.Text, "We are ready for such a meeting.") {
			found = s
		}
		if s.Doc == "news" && strings.Contains(s.Text, "prepared properly") {
			t.Errorf("the news report stayed apart: %q %q", s.Text, s.Rules)
		}
	}
	if found == nil {
		t.Fatal("the transcript's statement is gone")
	}
	if strings.Join(found.Sources, ",") != "kremlin,news" {
		t.Errorf("sources %q, want kremlin,news (the June report is another occasion)", found.Sources)
	}
	if found.Doc != "kremlin" || !strings.HasPrefix(found.Question, "Mr President, do you expect") || found.Date.Value != model.Day(2025, 3, 14) {
		t.Errorf("merged statement: doc %s, question %q, date %s", found.Doc, found.Question, found.Date.Label())
	}
}

// FuzzFindTranscript checks that the transcript pass never panics and
// that every span it reports lies in the text, in order.
func FuzzFindTranscript(f *testing.F) {
	f.Add(presser)
	f.Add("Q: a?\nA: b.\nQ: c?\nA: d.")
	f.Add("V.Putin: x\n\nQuestion: y?\n\nV.Putin: z\n\n8 November 2024\n\nV.Putin: w")
	f.Add("Moscow: x\n\nNote: y")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, sec := range FindTranscript(text, model.Span{}) {
			if !sec.Span.In(len(text)) || sec.Span.Start < prev || !sec.Heading.In(len(text)) {
				t.Fatalf("section %v (heading %v) outside the text or out of order", sec.Span, sec.Heading)
			}
			for _, tu := range sec.Turns {
				if !tu.LabelSpan.In(len(text)) || text[tu.LabelSpan.Start:tu.LabelSpan.End] != tu.Label {
					t.Fatalf("label %q at %v", tu.Label, tu.LabelSpan)
				}
				for _, p := range tu.Paras {
					if !p.In(len(text)) || p.Start < tu.LabelSpan.End {
						t.Fatalf("paragraph %v of turn %q", p, tu.Label)
					}
					for _, u := range statementUnits(text, p) {
						if !u.In(len(text)) || u.Start < p.Start || u.End > p.End {
							t.Fatalf("unit %v outside paragraph %v", u, p)
						}
					}
				}
			}
			prev = sec.Span.End
		}
	})
}
