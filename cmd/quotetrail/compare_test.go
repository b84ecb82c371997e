package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestCompareBuiltInShift is the acceptance test of issue 5 on the
// built-in corpus: without any configuration, the comparison shows the
// central shift — Peskov's June 2024 "ready for a broad and comprehensive
// dialogue" beside his January 2025 "No preconditions are necessary" — and
// the 2021 "our president will reciprocate" finds a Trump-period
// counterpart on reciprocity or dialogue. It names statements by their
// text because it checks what an analyst expects to read; the pairing
// method itself names none.
func TestCompareBuiltInShift(t *testing.T) {
	out, errs, code := runCLI(t, "compare", "--format", "json")
	if code != 0 {
		t.Fatalf("compare exit %d: %s", code, errs)
	}
	var cmp struct {
		Split string `json:"split"`
		Right struct {
			From string `json:"from"`
		} `json:"right"`
		Pairs []struct {
			Left       string  `json:"left"`
			Right      string  `json:"right"`
			Similarity float64 `json:"similarity"`
		} `json:"pairs"`
	}
	if err := json.Unmarshal([]byte(out), &cmp); err != nil {
		t.Fatalf("compare is not JSON: %v", err)
	}
	if cmp.Split != "2024-11-06" {
		t.Errorf("default split %q, want the election split 2024-11-06", cmp.Split)
	}

	// the statements' texts, from the dump
	dump, errs, code := runCLI(t, "dump", "--format", "json")
	if code != 0 {
		t.Fatalf("dump exit %d: %s", code, errs)
	}
	var d struct {
		Statements []struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		} `json:"statements"`
	}
	if err := json.Unmarshal([]byte(dump), &d); err != nil {
		t.Fatalf("dump is not JSON: %v", err)
	}
	text := map[string]string{}
	for _, s := range d.Statements {
		text[s.ID] = s.Text
	}
	// find returns the ID of the one statement whose text starts with prefix.
	find := func(prefix string) string {
		t.Helper()
		var ids []string
		for id, s := range text {
			if strings.HasPrefix(s, prefix) {
				ids = append(ids, id)
			}
		}
		if len(ids) != 1 {
			t.Fatalf("%d statements start with %q, want 1", len(ids), prefix)
		}
		return ids[0]
	}
	// partners returns the right-hand partners of a left statement.
	partners := func(left string) []string {
		var out []string
		for _, p := range cmp.Pairs {
			if p.Left == left {
				out = append(out, p.Right)
			}
		}
		return out
	}
	show := func(ids []string) string {
		var b strings.Builder
		for _, id := range ids {
			b.WriteString("\n\t" + id + ": " + text[id])
		}
		if len(ids) == 0 {
			b.WriteString(" none")
		}
		return b.String()
	}

	broad := find("We are ready for dialogue, but we are ready for a broad and comprehensive dialogue")
	noPre := find("No preconditions are necessary")
	if got := partners(broad); !slices.Contains(got, noPre) {
		t.Errorf("%q…\npaired with:%s\nwant %s: %s", text[broad][:60], show(got), noPre, text[noPre])
	}

	recip := find("If the current US administration is ready for this approach")
	got := partners(recip)
	ok := false
	for _, r := range got {
		lower := strings.ToLower(text[r])
		if strings.Contains(lower, "reciprocal") || strings.Contains(lower, "dialogue") {
			ok = true
		}
	}
	if !ok {
		t.Errorf("%q…\npaired with:%s\nwant a Trump-period statement on reciprocity or dialogue", text[recip][:60], show(got))
	}
}
