package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The "done when", from the command line: a news conference
// with questions and answers by three speakers.
func TestTranscriptFromTheCommandLine(t *testing.T) {
	file := filepath.Join("..", "..", "testdata", "transcripts", "t01_kremlin_presser.txt")
	out, errs, code := runCLI(t, "dump", "--no-cache", "--corpus", file)
	if code != 0 {
		t.Fatalf("dump exit %d: %s", code, errs)
	}
	var d struct {
		Documents []struct {
			Transcript *struct{ Turns, Questions int } `json:"transcript"`
		} `json:"documents"`
		Statements []struct {
			Speaker  string `json:"speaker"`
			Kind     string `json:"kind"`
			Text     string `json:"text"`
			Question string `json:"question"`
			Date     struct {
				Value     string `json:"value"`
				Precision string `json:"precision"`
			} `json:"date"`
		} `json:"statements"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if tr := d.Documents[0].Transcript; tr == nil || tr.Questions != 4 {
		t.Fatalf("transcript %+v, want 4 questions", tr)
	}
	answers := map[string]int{} // speaker → statements answering a question
	for _, s := range d.Statements {
		if s.Kind != "direct" || s.Date.Value != "2025-03-14" || s.Date.Precision != "day" {
			t.Errorf("%s %q: %s, %s (%s)", s.Speaker, s.Text, s.Kind, s.Date.Value, s.Date.Precision)
		}
		if strings.Contains(s.Text, "?") || strings.HasPrefix(s.Text, "Mr President") {
			t.Errorf("a question became a statement: %q", s.Text)
		}
		if s.Question != "" {
			answers[s.Speaker]++
		}
	}
	for _, who := range []string{"Vladimir Putin", "Sergey Lavrov", "Dmitry Peskov"} {
		if answers[who] == 0 {
			t.Errorf("no answer by %s: %v", who, answers)
		}
	}

	out, errs, code = runCLI(t, "stats", "--no-cache", "--corpus", file)
	if code != 0 || !strings.Contains(out, "1 read as transcripts") || !strings.Contains(out, "transcript: 11 labelled turns, 4 of them questions") {
		t.Errorf("stats (exit %d, %s):\n%s", code, errs, out)
	}

	out, _, _ = runCLI(t, "export", "--no-cache", "--corpus", file, "--speaker", "Lavrov")
	if !strings.Contains(out, "> *Question:* A question for Mr Lavrov.") || !strings.Contains(out, "questions: included") {
		t.Errorf("the export lacks the question:\n%s", out)
	}
	out, _, _ = runCLI(t, "export", "--no-cache", "--corpus", file, "--speaker", "Lavrov", "--no-questions")
	if strings.Contains(out, "*Question:*") || !strings.Contains(out, "questions: left out") {
		t.Errorf("--no-questions still quotes the question:\n%s", out)
	}
}
