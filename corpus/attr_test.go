package corpus

import (
	"strings"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

// Statements found by the learned attribution tagger and settled by the
// speaker rules that came with it: people and bodies no registry knows,
// anonymous sources, role nouns of a kind, relative pronouns, subjects of
// participles, and what is not a statement.

func TestAttribModelShipped(t *testing.T) {
	m, err := stmtRegistry(t).attrib.get()
	if err != nil || m == nil {
		t.Fatalf("the built-in attribution model does not load: %v", err)
	}
	if m.cue.Features() == 0 || m.role.Features() == 0 {
		t.Fatal("the built-in attribution model is empty")
	}
}

func TestExtractPeopleOutsideTheRegistry(t *testing.T) {
	text := "Pat Caddell, a Democratic pollster, told the station that the numbers were bad for the party.\n\n" +
		"“This is in their heads,” Caddell said. He added that voters had noticed.\n\n" +
		"John G. Stumpf defended the bank before the committee. Mr. Stumpf said the firings amounted to 1 percent of the staff."
	got := extractText(t, text, day2024)
	check(t, got,
		want{"Pat Caddell", model.Indirect, "the numbers were bad"},
		want{"Pat Caddell", model.Direct, "This is in their heads"},
		want{"Pat Caddell", model.Indirect, "voters had noticed"},
		want{"John G. Stumpf", model.Indirect, "the bank before the committee"},
		want{"John G. Stumpf", model.Indirect, "the firings amounted"},
	)
	_, speakers := stmtRegistry(t).Extract(&model.Document{ID: "t", Text: text, Date: day2024})
	var caddell *model.Speaker
	for _, sp := range speakers {
		if sp.Name == "Pat Caddell" {
			caddell = sp
		}
	}
	if caddell == nil || caddell.Role != "Democratic pollster" {
		t.Errorf("Pat Caddell's role from the text: got %+v, want Democratic pollster", caddell)
	}
}

func TestExtractAnonymousAndBodies(t *testing.T) {
	doc := &model.Document{ID: "t", Source: "Reuters", Date: day2024, Text: "A source familiar with the talks said the envoy would travel to Moscow next week.\n\n" +
		"Bloomberg’s sources said new restrictions were being prepared.\n\n" +
		"The Kremlin said it would respond to any new sanctions.\n\n" +
		"Diplomats say the envoy's views are an indication of the skepticism in Moscow."}
	stmts, _ := stmtRegistry(t).Extract(doc)
	check(t, stmts,
		want{"anonymous source (Reuters)", model.Indirect, "the envoy would travel"},
		want{"anonymous sources (Bloomberg)", model.Indirect, "new restrictions were"},
		want{"Kremlin", model.Indirect, "it would respond"},
		want{"diplomats", model.Indirect, "the envoy's views are"},
	)
}

func TestExtractRoleKinds(t *testing.T) {
	text := "Russian Deputy Foreign Minister Sergey Ryabkov said Moscow was studying the proposal.\n\n" +
		"Ukraine's foreign ministry did not comment.\n\n" +
		"The senior diplomat noted that no date had been set for the talks."
	check(t, extractText(t, text, day2024),
		want{"Sergey Ryabkov", model.Indirect, "Moscow was studying"},
		want{"Sergey Ryabkov", model.Indirect, "no date had been set"},
	)
}

func TestExtractRelativeAndParticiple(t *testing.T) {
	text := "The talks were arranged by Yuri Ushakov, who said the meeting would take place in Riyadh.\n\n" +
		"In February 2023, Russia suspended the treaty and said it would resume nuclear testing if Washington did the same."
	check(t, extractText(t, text, day2024),
		want{"Yuri Ushakov", model.Indirect, "the meeting would take place"},
		want{"Russia", model.Indirect, "it would resume nuclear testing"},
	)
}

func TestExtractNotStatements(t *testing.T) {
	// questions, and acts whose bare object names only a topic or whom a
	// courtesy went to, are not statements; a subordinate clause's object
	// does not run into the main clause
	text := "Lavrov thanked his counterpart and his delegation.\n\n" +
		"A reporter asked whether the sanctions would be lifted.\n\n" +
		"Zakharova asked a counter question.\n\n" +
		"Peskov was commenting on recent statements from the US National Security Council, in which the council set out its views.\n\n" +
		"While Peskov spoke warmly of Trump, he discussed the crisis with reporters."
	if got := extractText(t, text, day2024); len(got) != 0 {
		for _, s := range got {
			t.Errorf("not a statement: %s %q %v", s.Speaker, s.Text, s.Rules)
		}
	}
}

// A stance taken on a bare object is a statement, as PolNeAR marks it
// ("criticized the administration for its policy", "denied the
// accusations"); its words stop where the narrative goes on.
func TestExtractStanceObjects(t *testing.T) {
	text := "While Peskov spoke warmly of Trump, he criticized the outgoing administration for its policy.\n\n" +
		"Zakharova denied the accusations, and she walked out of the briefing.\n\n" +
		"Ryabkov called for a pause in the talks."
	check(t, extractText(t, text, day2024),
		want{"Dmitry Peskov", model.Indirect, "the outgoing administration for its policy"},
		want{"Maria Zakharova", model.Indirect, "the accusations"},
		want{"Sergey Ryabkov", model.Indirect, "a pause in the talks"},
	)
	for _, s := range extractText(t, text, day2024) {
		if strings.Contains(s.Text, "walked out") {
			t.Errorf("the narrative ran into the statement: %q", s.Text)
		}
	}
}

func TestExtractNestedReport(t *testing.T) {
	text := "Kremlin spokesman Dmitry Peskov said Putin had repeatedly stressed that Russia was ready to cooperate."
	check(t, extractText(t, text, day2024),
		want{"Dmitry Peskov", model.Indirect, "Putin had repeatedly stressed that Russia was ready to cooperate"},
	)
}

func TestExtractCueNotSubject(t *testing.T) {
	// "talks" is the reported clause's subject, not part of the cue
	got := extractText(t, "Kremlin spokesman Dmitry Peskov said talks were possible.", day2024)
	check(t, got, want{"Dmitry Peskov", model.Indirect, "talks were possible"})
	if r := strings.Join(got[0].Rules, " "); !strings.Contains(r, "attr:model said") {
		t.Errorf("rules do not name the learned cue: %s", r)
	}
}

func TestOneSentenceArticleIsProse(t *testing.T) {
	if !hasProse("Kremlin spokesman Dmitry Peskov said talks were possible.") {
		t.Error("a single reported sentence was not read as prose")
	}
	if hasProse("Home | News | Sport | Weather") {
		t.Error("a menu line was read as prose")
	}
}

// The subject of a passive cue is not who spoke ("was charged with", "was
// told"), unless the cue quotes it ("was quoted as saying").
func TestPassiveCue(t *testing.T) {
	text := "Corey Lewandowski was charged with battery in Florida on Tuesday.\n\n" +
		"Mr. Lewandowski was told that the charges would be dropped.\n\n" +
		"Dmitry Peskov was quoted as saying that the talks were possible."
	got := extractText(t, text, day2024)
	var quoted bool
	for _, s := range got {
		if s.Speaker == "Corey Lewandowski" {
			t.Errorf("the subject of a passive cue made the speaker: %q %v", s.Text, s.Rules)
		}
		if s.Speaker == "Dmitry Peskov" && strings.HasPrefix(s.Text, "the talks were possible") {
			quoted = true
		}
	}
	if !quoted {
		for _, s := range got {
			t.Logf("got %s %q %v", s.Speaker, s.Text, s.Rules)
		}
		t.Error("“was quoted as saying” lost its speaker")
	}
}

// A page's label before a colon is no speaker.
func TestFurnitureColon(t *testing.T) {
	text := "Peskov said the talks were useful.\n\n[Source: FSB statement]\n\nWatch: Putin's full press conference in Astana."
	check(t, extractText(t, text, day2024),
		want{"Dmitry Peskov", model.Indirect, "the talks were useful"})
}

// "reportedly" names no source: the sentence's subject did not say it.
func TestHearsayCue(t *testing.T) {
	for _, s := range extractText(t, "Witkoff reportedly arrived in Moscow earlier yesterday, and the talks began.", day2024) {
		if s.Speaker == "Steve Witkoff" || s.Speaker == "Witkoff" {
			t.Errorf("the subject of “reportedly” made the speaker: %q %v", s.Text, s.Rules)
		}
	}
}

// A one-word name the text gave in full before stands for the full name.
func TestFullerName(t *testing.T) {
	text := "The Wall Street Journal has denied the accusations against its reporter.\n\n" +
		"The Journal said the espionage charge was baseless."
	var found bool
	for _, s := range extractText(t, text, day2024) {
		if strings.HasPrefix(s.Text, "the espionage charge") {
			found = true
			if s.Speaker != "The Wall Street Journal" {
				t.Errorf("speaker %q, want The Wall Street Journal (%v)", s.Speaker, s.Rules)
			}
		}
	}
	if !found {
		t.Error("the Journal's statement was not found")
	}
}

// A contracted pronoun before a cue is its source: "He's also praising …".
func TestContractedPronounSource(t *testing.T) {
	text := "Marco Rubio spoke in Columbia on Saturday night.\n\nHe's also praising former Florida Gov. Jeb Bush, who dropped out of the race."
	got := extractText(t, text, day2024)
	for _, s := range got {
		t.Logf("%s %q %v", s.Speaker, s.Text, s.Rules)
	}
	if len(got) == 0 || got[0].Speaker != "Marco Rubio" {
		t.Errorf("“He's” not read as the source")
	}
}

// A name in the words before a cue is an object, not the source, after a
// comma or a preposition and a connector, or inside a parenthesis opened
// by a preposition; what an anonymous source knows is not the source.
func TestObjectNotSource(t *testing.T) {
	text := "Russian Ambassador Anatoly Antonov met reporters in Washington.\n\n" +
		"Antonov hasn't spoken with Putin since 2017 but insists that he has a direct line with the Kremlin.\n\n" +
		"US President Donald Trump on Wednesday, after speaking to Russian counterpart Vladimir Putin, said they agreed to start negotiations.\n\n" +
		"Witkoff met Umerov in Florida, a source familiar with the matter said."
	got := extractText(t, text, day2024)
	want := map[string]string{
		"he has a direct line": "Anatoly Antonov",
		"they agreed to start": "Donald Trump",
		"Witkoff met Umerov":   "anonymous source",
	}
	for _, s := range got {
		for starts, speaker := range want {
			if strings.HasPrefix(s.Text, starts) {
				if s.Speaker != speaker {
					t.Errorf("%q: speaker %s, want %s (%v)", starts, s.Speaker, speaker, s.Rules)
				}
				delete(want, starts)
			}
		}
	}
	for starts := range want {
		t.Errorf("not found: %q", starts)
	}
}

// "the late president" is not the role's living holder.
func TestLateRoleHolder(t *testing.T) {
	text := "President Joe Biden spoke at the ceremony on Monday.\n\nIn 1941 the late president had said that the union faces an unprecedented turning point."
	for _, s := range extractText(t, text, day2024) {
		if strings.HasPrefix(s.Text, "the union faces") && s.Speaker == "Joe Biden" {
			t.Errorf("the late president read as Joe Biden: %v", s.Rules)
		}
	}
}

// "who" after people the text describes speaks for them.
func TestWhoAfterDescription(t *testing.T) {
	text := "The rally drew thousands of activists, who said the election had been stolen."
	check(t, extractText(t, text, day2024), want{"activists", model.Indirect, "the election had been stolen"})
}

// "it" refers back to the body last made the subject.
func TestItAfterBody(t *testing.T) {
	text := "The Russian Foreign Ministry said it had summoned the American ambassador.\n\nIt said the sanctions would be answered."
	check(t, extractText(t, text, day2024),
		want{"Russian Foreign Ministry", model.Indirect, "it had summoned"},
		want{"Russian Foreign Ministry", model.Indirect, "the sanctions would be answered"})
}
