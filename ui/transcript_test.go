package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/quotetrail/quotetrail/model"
)

// transcriptModel opens the reader on a corpus of one news conference:
// a question and Putin's answer to it.
func transcriptModel(t *testing.T, ffs *fakeFS) Model {
	t.Helper()
	text := "News conference\n\nMarch 14, 2025, Moscow\n\nQuestion: Mr President, will you meet President Trump this year?\n\nVladimir Putin: We are ready for such a meeting, if it is well prepared."
	q0 := strings.Index(text, "Mr President")
	q := model.Span{Start: q0, End: q0 + len("Mr President, will you meet President Trump this year?")}
	a0 := strings.Index(text, "We are ready")
	a := model.Span{Start: a0, End: len(text)}
	day := model.DayDate(model.Day(2025, time.March, 14), "March 14, 2025", "transcript-heading", model.Span{})
	docs := []*model.Document{{ID: "presser", Path: "presser.txt", Title: "News conference", Text: text, Date: day, Transcript: model.Transcript{Turns: 2, Questions: 1}}}
	stmts := []*model.Statement{{ID: "presser#1", Doc: "presser", Speaker: "Vladimir Putin", Mention: "Vladimir Putin", Kind: model.Direct,
		Text: text[a.Start:a.End], Span: a, Context: a, Date: day, Sources: []string{"presser"},
		Rules:    []string{"transcript:turn labelled “Vladimir Putin:” in paragraph 4"},
		Question: text[q.Start:q.End], QuestionSpan: q, QuestionDoc: "presser"}}
	c := model.New("presser", docs, stmts, []*model.Speaker{{Name: "Vladimir Putin", Role: "President of Russia", Affiliation: model.Russia}}, nil)
	opt := Options{Version: "test", Theme: "dark", Events: fixtureEvents()}
	if ffs != nil {
		opt.WriteFile = ffs.WriteFile
	}
	m := New(c, opt)
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	return m
}

func TestReaderShowsTheQuestion(t *testing.T) {
	m := transcriptModel(t, nil)
	m, _ = drive(t, m, keys("enter")...)
	if m.focus != focusReader {
		t.Fatal("enter did not open the reader")
	}
	mustContain(t, screen(m), "“We are ready for such a meeting", "Question", "“Mr President, will you meet President Trump this year?”", "Vladimir Putin — President of Russia")
}

func TestExportQuestionToggle(t *testing.T) {
	ffs := newFakeFS()
	m := transcriptModel(t, ffs)
	m, _ = drive(t, m, keys("e")...)
	mustContain(t, screen(m), "Question [x] quote the question each transcript answer replied to", "Q questions on/off")
	m, _ = drive(t, m, keys("enter")...)
	if len(ffs.calls) != 1 || !strings.Contains(string(ffs.calls[0].data), "> *Question:* Mr President, will you meet President Trump this year?") {
		t.Fatalf("the written export lacks the question: %d writes", len(ffs.calls))
	}
	m, _ = drive(t, m, keys("e", "Q")...)
	if !m.ex.noQuestions {
		t.Fatal("Q did not turn the questions off")
	}
	mustContain(t, screen(m), "Question [ ] quote the question")
	m.ex.path.SetValue("other.md")
	m, _ = drive(t, m, keys("enter")...)
	if len(ffs.calls) != 2 || strings.Contains(string(ffs.calls[1].data), "*Question:*") {
		t.Fatalf("the second export still quotes the question")
	}
}

// An export of statements that answer no question shows no questions line.
func TestExportWithoutQuestions(t *testing.T) {
	m := exportFixture(t, newFakeFS())
	m, _ = drive(t, m, keys("e")...)
	mustNotContain(t, screen(m), "quote the question", "Q questions on/off")
	if m.ex.keys.Question.Enabled() {
		t.Error("Q is enabled with no question to quote")
	}
}
