package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestMain points the user cache directory at a temporary folder: the
// tests must not fill or read the developer's own cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "quotetrail-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	// --no-config: the tests must not read the developer's own tables
	code = run(context.Background(), append(args, "--no-config"), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestStatsBuiltIn(t *testing.T) {
	out, errs, code := runCLI(t, "stats")
	if code != 0 {
		t.Fatalf("stats exit %d: %s", code, errs)
	}
	for _, want := range []string{"corpus: built-in corpus", "documents: 5 loaded, 0 skipped", "000_dd709f0f876980c0", "2023-12-17", "statements:"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats output lacks %q:\n%s", want, out)
		}
	}
}

// issue 19: with a filter, each document counts the statements it selects
// (stats --speaker printed every document's unfiltered count).
func TestStatsFilteredPerDocument(t *testing.T) {
	out, errs, code := runCLI(t, "stats", "--speaker", "Putin")
	if code != 0 {
		t.Fatalf("stats exit %d: %s", code, errs)
	}
	all, _, _ := runCLI(t, "stats")
	if !strings.Contains(out, "match the filter") {
		t.Fatalf("per-document counts are not filtered:\n%s", out)
	}
	re := regexp.MustCompile(`statements: (\d+) of (\d+) match the filter`)
	sum := 0
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		n, _ := strconv.Atoi(m[1])
		sum += n
	}
	tot := regexp.MustCompile(`\nstatements: (\d+) of \d+`).FindStringSubmatch(out)
	if tot == nil || strconv.Itoa(sum) != tot[1] {
		t.Errorf("the documents' filtered counts add up to %d, the total says %v:\n%s", sum, tot, out)
	}
	if strings.Contains(all, "match the filter") {
		t.Error("without a filter the documents say 'match the filter'")
	}
}

func TestDumpSchema(t *testing.T) {
	out, errs, code := runCLI(t, "dump", "--format", "json")
	if code != 0 {
		t.Fatalf("dump exit %d: %s", code, errs)
	}
	var d struct {
		Schema    string `json:"schema"`
		Documents []struct {
			ID   string `json:"id"`
			Text string `json:"text"`
			Date struct {
				Value     *string `json:"value"`
				Precision string  `json:"precision"`
			} `json:"date"`
		} `json:"documents"`
		Statements []struct {
			ID   string `json:"id"`
			Doc  string `json:"doc"`
			Text string `json:"text"`
			Span [2]int `json:"span"`
		} `json:"statements"`
		Skipped []any `json:"skipped"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("dump is not JSON: %v", err)
	}
	if d.Schema != "quotetrail.dump/v1" || len(d.Documents) != 5 || d.Skipped == nil {
		t.Fatalf("dump: schema %q, %d documents, skipped %v", d.Schema, len(d.Documents), d.Skipped)
	}
	texts := map[string][]rune{}
	for _, doc := range d.Documents {
		texts[doc.ID] = []rune(doc.Text)
	}
	for _, s := range d.Statements {
		txt := texts[s.Doc]
		if s.Span[0] < 0 || s.Span[1] > len(txt) || string(txt[s.Span[0]:s.Span[1]]) != s.Text {
			t.Errorf("statement %s: span %v does not select its text", s.ID, s.Span)
		}
	}
}

func TestCLIErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"stats", "--nope"}, "unknown flag"},
		{"bad period", []string{"stats", "--period", "obama"}, `unknown period "obama"`},
		{"bad from", []string{"stats", "--from", "yesterday"}, "--from"},
		{"to before from", []string{"stats", "--from", "2024", "--to", "2023"}, "--to is before --from"},
		{"bad split", []string{"dump", "--split", "never"}, "--split"},
		{"dump format", []string{"dump", "--format", "xml"}, "json only"},
		{"missing corpus", []string{"stats", "--corpus", filepath.Join(dir, "nope")}, "nope"},
		{"empty folder", []string{"stats", "--corpus", dir}, "no article"},
		{"unknown speaker", []string{"stats", "--speaker", "Nobody Atall"}, `no speaker "Nobody Atall"`},
		// issue 19: an ambiguous name lists whom it could mean
		{"ambiguous speaker", []string{"stats", "--speaker", "Dmitry"}, `"Dmitry" could be 2 speakers: Dmitry Peskov, Dmitry Medvedev; name one of them`},
		{"bad speakers file", []string{"stats", "--speakers", filepath.Join(dir, "missing.yaml")}, "missing.yaml"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, tc.args...)
			if code == 0 {
				t.Fatalf("exit 0, want failure; stdout:\n%s", out)
			}
			if !strings.Contains(errs, tc.want) {
				t.Errorf("stderr = %q, want it to mention %q", errs, tc.want)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") > 0 && !strings.Contains(errs, "warning") {
				t.Errorf("error is not one line: %q", errs)
			}
		})
	}
}

func TestStatsCorpusFolderWithBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := "MOSCOW, March 3, 2022. /TASS/. Russia is ready for talks, Kremlin spokesman Dmitry Peskov said on Thursday.\n\n“We are open to dialogue,” Peskov told reporters.\n"
	must(t, os.WriteFile(filepath.Join(dir, "good.txt"), []byte(good), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "pic.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644))
	out, errs, code := runCLI(t, "stats", "--corpus", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "documents: 1 loaded, 2 skipped") {
		t.Errorf("stats:\n%s", out)
	}
	for _, name := range []string{"empty.txt", "pic.png"} {
		if !strings.Contains(out, name) || !strings.Contains(errs, name) {
			t.Errorf("%s is not reported in stats and on stderr:\n%s\n%s", name, out, errs)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestProgressLine(t *testing.T) {
	for _, c := range []struct {
		done, total int
		elapsed     time.Duration
		width       int
		want        string
	}{
		{0, 10, 0, 79, "loading [..............................] 0/10 files"},
		{5, 10, 2 * time.Second, 79, "loading [###############...............] 5/10 files · 2 files/s · about 2s left"},
		{10, 10, 2 * time.Second, 79, "loading [##############################] 10/10 files · 5 files/s"},
		{5, 10, 2 * time.Second, 40, "loading 5/10 files · 2 files/s · about 2"},
	} {
		got := progressLine(c.done, c.total, c.elapsed, c.width)
		if got != c.want {
			t.Errorf("progressLine(%d, %d, %v, %d) =\n%q, want\n%q", c.done, c.total, c.elapsed, c.width, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > c.width {
			t.Errorf("%q is %d columns, wider than %d", got, n, c.width)
		}
	}
}
