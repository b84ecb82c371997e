package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// generatedLine is the front matter's time of export, the one line that
// differs between runs.
var generatedLine = regexp.MustCompile(`(?m)^generated: .*$`)

func normaliseExport(t *testing.T, md string) string {
	t.Helper()
	if n := len(generatedLine.FindAllString(md, -1)); n != 1 {
		t.Fatalf("%d generated: lines in the export", n)
	}
	return generatedLine.ReplaceAllString(md, `generated: "2025-01-01T00:00:00Z"`)
}

// TestExportGolden compares the Markdown exports of the built-in corpus
// with goldens in testdata/TestExportGolden/ (go test -run ExportGolden
// -update writes them).
func TestExportGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"all", nil},
		{"peskov", []string{"--speaker", "Peskov"}},
		{"compare", []string{"--compare"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, append([]string{"export"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("export %v: exit %d: %s", tc.args, code, errs)
			}
			golden.RequireEqual(t, normaliseExport(t, out))
		})
	}
}

// statementIDs lists the statement IDs an export names, in order: each
// statement's line ends with its ID in a code span.
var exportedID = regexp.MustCompile("(?m)^.* · `([^`]+)`$")

func statementIDs(md string) []string {
	var ids []string
	for _, m := range exportedID.FindAllStringSubmatch(md, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// peskovIDs asks dump which statements are Dmitry Peskov's.
func peskovIDs(t *testing.T) []string {
	t.Helper()
	out, errs, code := runCLI(t, "dump", "--format", "json")
	if code != 0 {
		t.Fatalf("dump: exit %d: %s", code, errs)
	}
	var d struct {
		Statements []struct {
			ID      string `json:"id"`
			Speaker string `json:"speaker"`
		} `json:"statements"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range d.Statements {
		if s.Speaker == "Dmitry Peskov" {
			ids = append(ids, s.ID)
		}
	}
	if len(ids) == 0 {
		t.Fatal("the built-in corpus has no statement by Dmitry Peskov")
	}
	return ids
}

func TestExportToFileContract(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "peskov.md")

	_, errs, code := runCLI(t, "export", "--speaker", "Peskov", "-o", path)
	if code != 0 {
		t.Fatalf("export -o: exit %d: %s", code, errs)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, want := statementIDs(string(first)), peskovIDs(t)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the file holds statements %v, want Peskov's %v", got, want)
	}
	if n := strings.Count(string(first), "**Dmitry Peskov**"); n != len(want) {
		t.Errorf("%d statement lines name Dmitry Peskov, want %d", n, len(want))
	}

	// again without --force: refused, the file byte-for-byte unchanged
	_, errs, code = runCLI(t, "export", "--speaker", "Peskov", "-o", path)
	if code == 0 {
		t.Fatal("export over an existing file without --force succeeded")
	}
	if !strings.Contains(errs, path) || !strings.Contains(errs, "exists") || !strings.Contains(errs, "--force") {
		t.Errorf("the refusal does not name the file, say it exists and name --force: %q", errs)
	}
	if now, _ := os.ReadFile(path); string(now) != string(first) {
		t.Error("the refused export changed the file")
	}

	// with --force it is replaced (here by every statement)
	_, errs, code = runCLI(t, "export", "-o", path, "--force")
	if code != 0 {
		t.Fatalf("export --force: exit %d: %s", code, errs)
	}
	now, _ := os.ReadFile(path)
	if len(statementIDs(string(now))) <= len(want) {
		t.Errorf("--force did not replace the file: %d statements", len(statementIDs(string(now))))
	}
	assertOnlyFiles(t, dir, "peskov.md")

	// a missing folder: an error naming it, nothing written
	missing := filepath.Join(dir, "no-such-folder", "x.md")
	_, errs, code = runCLI(t, "export", "-o", missing)
	if code == 0 {
		t.Fatal("export into a missing folder succeeded")
	}
	if !strings.Contains(errs, "no-such-folder") || !strings.Contains(errs, "does not exist") {
		t.Errorf("the error does not name the missing folder: %q", errs)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Errorf("the missing folder was created: %v", err)
	}
	assertOnlyFiles(t, dir, "peskov.md")
}

// assertOnlyFiles checks that dir holds exactly names: no temporary file
// left behind.
func assertOnlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, names) {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}
