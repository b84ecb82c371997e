package model_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/quotetrail/quotetrail/model"
)

// transcriptCorpus holds a transcript's answer, with the question it
// replied to, and a news report that answers nothing.
func transcriptCorpus() *model.Corpus {
	text := "Question: Mr President, will you meet\nPresident Trump?\n\nVladimir Putin: We are ready for such a meeting."
	q := model.Span{Start: len("Question: "), End: strings.Index(text, "\n\nVladimir")}
	a := model.Span{Start: strings.Index(text, "We are"), End: len(text)}
	docs := []*model.Document{
		{ID: "kremlin", Path: "kremlin.txt", Title: "News conference", Text: text, Transcript: model.Transcript{Turns: 2, Questions: 1}},
		{ID: "news", Path: "news.txt", Title: "Putin ready", Source: "Reuters", Text: "Putin said he was ready."},
	}
	day := model.DayDate(model.Day(2025, time.March, 14), "March 14, 2025", "transcript-heading", model.Span{})
	stmts := []*model.Statement{
		{ID: "kremlin#1", Doc: "kremlin", Speaker: "Vladimir Putin", Kind: model.Direct, Text: text[a.Start:a.End], Span: a,
			Date: day, Sources: []string{"kremlin", "news"}, Rules: []string{"transcript:turn labelled “Vladimir Putin:” in paragraph 2"},
			Question: text[q.Start:q.End], QuestionSpan: q, QuestionDoc: "kremlin"},
		{ID: "news#1", Doc: "news", Speaker: "Vladimir Putin", Kind: model.Indirect, Text: "he was ready", Date: day, Sources: []string{"news"}},
	}
	speakers := []*model.Speaker{{Name: "Vladimir Putin", Role: "President of Russia", Affiliation: model.Russia}}
	return model.New("transcripts", docs, stmts, speakers, nil)
}

func TestExportQuestions(t *testing.T) {
	c := transcriptCorpus()
	ids := c.Query(model.Filter{})
	d := parseExport(t, model.RenderMarkdown(c, ids, exportOpts()))
	if d.front.Questions != "included" {
		t.Errorf("front matter questions %q, want included", d.front.Questions)
	}
	bqs := d.blockquotes()
	if len(bqs) != 3 {
		t.Fatalf("%d block quotes, want the question, the answer and the report\n%s", len(bqs), d.raw)
	}
	if got := exNorm(d.renderedText(bqs[0])); got != "Question: Mr President, will you meet President Trump?" {
		t.Errorf("question line %q", got)
	}
	if got := exNorm(d.renderedText(bqs[1])); got != "“We are ready for such a meeting.”" {
		t.Errorf("answer %q", got)
	}
	if !strings.Contains(d.raw, "> *Question:* Mr President, will you meet\n> President Trump?\n\n> “We are ready") {
		t.Errorf("the question is not a quoted line above the answer:\n%s", d.raw)
	}

	opt := exportOpts()
	opt.NoQuestions = true
	d = parseExport(t, model.RenderMarkdown(c, ids, opt))
	if d.front.Questions != "left out" || strings.Contains(d.raw, "Question:") || len(d.blockquotes()) != 2 {
		t.Errorf("with NoQuestions: front matter %q\n%s", d.front.Questions, d.raw)
	}

	// statements that answer no question: no questions line at all
	news := c.Query(model.Filter{Query: "he was ready"})
	d = parseExport(t, model.RenderMarkdown(c, news, exportOpts()))
	if d.front.Questions != "" || strings.Contains(d.raw, "questions:") {
		t.Errorf("an export without answers records questions: %q", d.front.Questions)
	}
}

// A question holding Markdown cannot break the export's structure.
func TestExportQuestionEscaped(t *testing.T) {
	c := transcriptCorpus()
	for _, s := range c.Statements {
		if s.Question != "" {
			s.Question = "# not a heading\n- not a list\n\n> not a quote\n```\n"
		}
	}
	d := parseExport(t, model.RenderMarkdown(c, c.Query(model.Filter{}), exportOpts()))
	k := exKinds(d.blockquotes()[0])
	// the title, the year, the month and the Sources section
	if len(d.headings()) != 4 || k[ast.KindList] != 0 || k[ast.KindFencedCodeBlock] != 0 || k[ast.KindHeading] != 0 || k[ast.KindBlockquote] != 1 {
		t.Errorf("headings %q; the question's nodes %v", d.headings(), k)
	}
	if !strings.Contains(exNorm(d.renderedText(d.blockquotes()[0])), "# not a heading - not a list") {
		t.Errorf("question rendered as %q", d.renderedText(d.blockquotes()[0]))
	}
}

func TestDumpQuestionAndTranscript(t *testing.T) {
	c := transcriptCorpus()
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(model.Dump(c, c.Query(model.Filter{}), model.Filter{}, model.Split(model.DefaultSplit))); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Documents []struct {
			ID         string `json:"id"`
			Text       string `json:"text"`
			Transcript *struct {
				Turns, Questions int
			} `json:"transcript"`
		} `json:"documents"`
		Statements []struct {
			ID           string `json:"id"`
			Question     string `json:"question"`
			QuestionDoc  string `json:"question_doc"`
			QuestionSpan []int  `json:"question_span"`
		} `json:"statements"`
	}
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if tr := back.Documents[0].Transcript; tr == nil || tr.Turns != 2 || tr.Questions != 1 || back.Documents[1].Transcript != nil {
		t.Errorf("documents' transcript: %+v, %+v", back.Documents[0].Transcript, back.Documents[1].Transcript)
	}
	for _, s := range back.Statements {
		switch s.ID {
		case "kremlin#1":
			text := []rune(back.Documents[0].Text)
			if s.QuestionDoc != "kremlin" || len(s.QuestionSpan) != 2 || string(text[s.QuestionSpan[0]:s.QuestionSpan[1]]) != s.Question {
				t.Errorf("question %q in %s at %v", s.Question, s.QuestionDoc, s.QuestionSpan)
			}
		case "news#1":
			if s.Question != "" || s.QuestionSpan != nil {
				t.Errorf("the news report has a question: %+v", s)
			}
		}
	}
	if strings.Contains(buf.String(), `"question":""`) {
		t.Error("an empty question is written")
	}
}

func TestStatsTranscripts(t *testing.T) {
	c := transcriptCorpus()
	var b strings.Builder
	if err := model.WriteStats(&b, c, c.Query(model.Filter{}), model.Filter{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"documents: 2 loaded, 0 skipped; 1 read as transcripts", "transcript: 2 labelled turns, 1 of them questions"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("stats lack %q:\n%s", want, b.String())
		}
	}
}

// Dump counts a document's character offsets on from one statement to
// the next; out of order, overlapping or reversed spans still come out
// as characters of the text.
func TestDumpSpansInCharacters(t *testing.T) {
	text := "Россия: «Да». Ещё — нет. Ünïcödé words, and more words here."
	spans := [][2]int{{40, 50}, {0, 12}, {25, 45}, {25, 30}, {60, 62}, {30, 20}}
	doc := &model.Document{ID: "d", Path: "d.txt", Text: text}
	var stmts []*model.Statement
	for i, sp := range spans {
		s := model.Span{Start: sp[0], End: sp[1]}
		w := ""
		if s.In(len(text)) {
			w = text[s.Start:s.End]
		}
		stmts = append(stmts, &model.Statement{ID: "d#" + string(rune('a'+i)), Doc: "d", Speaker: "x", Text: w, Span: s})
	}
	c := model.New("spans", []*model.Document{doc}, stmts, nil, nil)
	ids := make([]int, len(c.Statements))
	for i := range ids {
		ids[len(ids)-1-i] = i // reversed
	}
	for _, sj := range model.Dump(c, ids, model.Filter{}, model.Split(model.DefaultSplit)).Statements {
		var want [2]int
		for _, s := range c.Statements {
			if s.ID == sj.ID {
				b := []byte(text)
				at := func(n int) int { return len([]rune(string(b[:max(0, min(n, len(b)))]))) }
				want = [2]int{at(s.Span.Start), at(s.Span.End)}
			}
		}
		if sj.Span != want {
			t.Errorf("%s: span %v, want %v", sj.ID, sj.Span, want)
		}
	}
}
