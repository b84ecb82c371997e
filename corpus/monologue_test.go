package corpus

import (
	"strings"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

// A record of one speaker's words with no labels: a heading or an
// introducing line says whose words follow (monologue.go).
func TestRecords(t *testing.T) {
	r := stmtRegistry(t)
	run := func(text string) []*model.Statement {
		t.Helper()
		p := r.Process(Article{ID: "rec", Path: "rec.txt", Raw: []byte(text)})
		return p.Statements
	}
	briefing := "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, July 17, 2025\n\n" +
		"Ukrainian crisis update\n\n" +
		"The Kiev regime continues to carry out terrorist attacks against civilians and civilian infrastructure in Russia.\n\n" +
		"I will cite a few facts that demonstrate the nature of the Kiev regime.\n"
	got := run(briefing)
	if len(got) != 2 {
		for _, s := range got {
			t.Logf("%s %q %v", s.Speaker, s.Text, s.Rules)
		}
		t.Fatalf("briefing: %d statements, want 2", len(got))
	}
	for _, s := range got {
		if s.Speaker != "Maria Zakharova" || s.Kind != model.Direct || s.Date.Label() != "2025-07-17" {
			t.Errorf("briefing: %s %s %s %q %v", s.Speaker, s.Kind, s.Date.Label(), s.Text, s.Rules)
		}
	}
	// a role names its one holder on the date
	intro := "Meeting in Alaska, August 15, 2025\n\nThe President of the Russian Federation said:\n\n" +
		"Our negotiations took place in a constructive and mutually respectful atmosphere.\n"
	if got := run(intro); len(got) != 1 || got[0].Speaker != "Vladimir Putin" {
		t.Errorf("introduced record: %v", got)
	}
	// a role no one holds on the date names no one: no statements from it
	none := "Meeting, August 15, 2025\n\nThe Chairman of the Board of Governors said:\n\n" +
		"Our negotiations took place in a constructive and mutually respectful atmosphere.\n"
	for _, s := range run(none) {
		if s.Speaker != model.UnknownSpeaker {
			t.Errorf("record by a role no one holds: %s %q %v", s.Speaker, s.Text, s.Rules)
		}
	}
	// an introducing line before a quotation is prose, and the record
	// ends where the article speaks of the speaker
	prose := "Peskov said:\n\n“We are ready for dialogue.”\n\nPeskov later left for Sochi with the president.\n"
	for _, s := range run(prose) {
		if len(s.Rules) > 0 && strings.HasPrefix(s.Rules[0], "transcript:record") {
			t.Errorf("prose read as a record: %q %v", s.Text, s.Rules)
		}
		if s.Text == "Peskov later left for Sochi with the president." {
			t.Errorf("narrative read as speech: %v", s.Rules)
		}
	}
}
