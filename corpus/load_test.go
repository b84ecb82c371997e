package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/quotetrail/quotetrail/model"
)

func testRegistry(t testing.TB) *Registry {
	t.Helper()
	r, err := DefaultRegistry()
	if err != nil {
		t.Fatalf("DefaultRegistry: %v", err)
	}
	return r
}

func seedBytes(t testing.TB, name string) []byte {
	t.Helper()
	b, err := seedFS.ReadFile("seed/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

const proseEN = "Kremlin spokesman Dmitry Peskov said on Monday that Moscow remained ready for dialogue with Washington, but that it expected reciprocal steps from the new administration.\n\nHe added that nothing had been agreed so far."

// mixedFolder builds a folder of good articles and every kind of bad input.
// It returns the folder and whether the unreadable file really is.
func mixedFolder(t *testing.T) (string, bool) {
	dir := t.TempDir()
	w := func(rel string, data []byte) { writeFile(t, filepath.Join(dir, rel), data) }
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), make([]byte, 64)...)

	w("good/a.txt", seedBytes(t, "000_dd709f0f876980c0.txt"))
	w("good/nested/deep/b.txt", seedBytes(t, "004_37c88bea456b4285.txt"))
	w("other/a.txt", []byte(proseEN)) // same name as good/a.txt
	w("empty.txt", nil)
	w("blank.txt", []byte("  \n\n\t \n"))
	w("image.png", png)
	w("renamed.txt", png)
	w("nul.txt", []byte("some text\x00with\x00NUL bytes in it and more text around it"))
	w("doc.docx", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml"))
	latin1, _ := charmap.Windows1252.NewEncoder().String("Kremlin spokesman Dmitry Peskov said the caf\u00e9 talks \u201cwent well\u201d and that Moscow was ready for dialogue with Washington on all issues.")
	w("latin1.txt", []byte(latin1))
	utf16, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().String(proseEN)
	w("utf16.txt", []byte(utf16))
	w("big.txt", []byte(strings.Repeat(proseEN+"\n\n", 1000))[:100<<10]) // 100 KB
	w("broken.md", []byte("---\ntitle: [unclosed\n---\n"+proseEN))
	w("feed.jsonl", []byte(`{"text": "`+strings.ReplaceAll(proseEN, "\n", `\n`)+`", "id": "feed-one", "source": "Example"}`+"\n"+
		`{"text": 12}`+"\n"+
		`{"text": "`+strings.ReplaceAll(proseEN, "\n", `\n`)+`"}`+"\n"))
	w("notes.txt", []byte("1, 2, 3\n4, 5, 6\n7, 8, 9\n"))
	w(".hidden.txt", []byte(proseEN))
	w(".git/config.txt", []byte(proseEN))
	w("secret.txt", []byte(proseEN))
	if err := os.Symlink(filepath.Join(dir, "good"), filepath.Join(dir, "good", "loop")); err != nil {
		t.Fatal(err)
	}

	secret := filepath.Join(dir, "secret.txt")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(secret, 0o644) })
	unreadable := true
	if f, err := os.Open(secret); err == nil { // root reads anything
		f.Close()
		unreadable = false
	}
	return dir, unreadable
}

func TestLoadMixedFolder(t *testing.T) {
	dir, unreadable := mixedFolder(t)
	r := testRegistry(t)
	missing := filepath.Join(dir, "nope")
	var calls, lastDone, lastTotal int
	res, err := r.Load(context.Background(), []string{dir, missing}, Options{
		MaxFileSize: 64 << 10,
		Progress:    func(done, total int) { calls++; lastDone, lastTotal = done, total },
	})
	if err != nil {
		t.Fatal(err)
	}
	rel := func(p string) string {
		if r, err := filepath.Rel(dir, p); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
		return p
	}

	wantSkipped := map[string]string{
		"big.txt":      "too large (100.0 KB > 64.0 KB limit)",
		"blank.txt":    "empty",
		"doc.docx":     "unsupported file type .docx (application/zip)",
		"empty.txt":    "empty",
		"feed.jsonl:2": `invalid JSON ("text" is a number, want string)`,
		"good/loop":    "symlink loop (folder already read)",
		"image.png":    "unsupported file type .png (image/png)",
		"notes.txt":    "not an article (no prose)",
		"nul.txt":      "binary (NUL bytes)",
		"renamed.txt":  "binary (image/png)",
		"secret.txt":   "unreadable (permission denied)",
		"nope":         "no such file or directory",
	}
	if !unreadable {
		t.Log("running as a user who can read mode-0 files: the unreadable check is skipped")
		delete(wantSkipped, "secret.txt")
	}
	got := map[string]string{}
	var order []string
	for _, s := range res.Skipped {
		got[rel(s.Path)] = s.Reason
		order = append(order, rel(s.Path))
	}
	for p, reason := range wantSkipped {
		if got[p] != reason {
			t.Errorf("skipped %s: %q, want %q", p, got[p], reason)
		}
	}
	for p, reason := range got {
		if _, ok := wantSkipped[p]; !ok {
			t.Errorf("unexpected skip %s: %q", p, reason)
		}
	}
	for i := 1; i < len(res.Skipped); i++ {
		if !pathLess(res.Skipped[i-1].Path, res.Skipped[i].Path) {
			t.Errorf("skipped not sorted: %v", order)
			break
		}
	}

	var ids, paths []string
	for _, d := range res.Documents {
		ids = append(ids, d.ID)
		paths = append(paths, rel(d.Path))
	}
	wantIDs := "broken,feed-one,feed-3,a,b,latin1,a-2,utf16"
	wantPaths := "broken.md,feed.jsonl:1,feed.jsonl:3,good/a.txt,good/nested/deep/b.txt,latin1.txt,other/a.txt,utf16.txt"
	if !unreadable {
		wantIDs = strings.Replace(wantIDs, "a-2,", "a-2,secret,", 1)
		wantPaths = strings.Replace(wantPaths, "other/a.txt,", "other/a.txt,secret.txt,", 1)
	}
	if strings.Join(ids, ",") != wantIDs || strings.Join(paths, ",") != wantPaths {
		t.Errorf("documents:\n ids   %s\n paths %s\nwant\n ids   %s\n paths %s", strings.Join(ids, ","), strings.Join(paths, ","), wantIDs, wantPaths)
	}
	byID := map[string]int{}
	for i, d := range res.Documents {
		byID[d.ID] = i
	}
	if d := res.Documents[byID["latin1"]]; d.Encoding != "windows-1252" || !strings.Contains(d.Text, "café talks “went well”") {
		t.Errorf("latin1: %s %q", d.Encoding, d.Text)
	}
	if d := res.Documents[byID["utf16"]]; d.Encoding != "utf-16le" || !strings.HasPrefix(d.Text, "Kremlin spokesman") {
		t.Errorf("utf16: %s %q", d.Encoding, d.Text)
	}
	if d := res.Documents[byID["feed-one"]]; d.Source != "Example" {
		t.Errorf("feed-one source %q", d.Source)
	}
	if d := res.Documents[byID["broken"]]; !strings.HasPrefix(d.Text, "Kremlin spokesman") || strings.Contains(d.Text, "unclosed") {
		t.Errorf("broken.md body: %q", d.Text)
	}
	warnings := strings.Join(res.Warnings, "\n")
	for _, w := range []string{
		filepath.Join(dir, "broken.md") + ": front matter of " + filepath.Join(dir, "broken.md") + " is broken (yaml:",
		filepath.Join(dir, "latin1.txt") + ": not UTF-8; decoded as windows-1252",
	} {
		if !strings.Contains(warnings, w) {
			t.Errorf("warnings lack %q:\n%s", w, warnings)
		}
	}
	// the model lists each warning once: a document's own on the document,
	// the rest (here, the decode) on the corpus
	var stats strings.Builder
	c := r.Build("mixed", res)
	if err := model.WriteStats(&stats, c, c.Query(model.Filter{}), model.Filter{}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"is broken (yaml:", "not UTF-8; decoded as windows-1252"} {
		if n := strings.Count(stats.String(), w); n != 1 {
			t.Errorf("stats lists %q %d times, want once", w, n)
		}
	}
	files := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.Contains(p, "/.") && d.Type()&fs.ModeSymlink == 0 {
			files++
		}
		return nil
	})
	files += 2 // the loop and the missing path
	if calls != lastTotal || lastDone != lastTotal || lastTotal != files {
		t.Errorf("progress: %d calls, last %d/%d, want %d files", calls, lastDone, lastTotal, files)
	}
}

func TestLoadDeterministic(t *testing.T) {
	dir, _ := mixedFolder(t)
	r := testRegistry(t)
	summary := func(workers int) string {
		res, err := r.Load(context.Background(), []string{dir}, Options{MaxFileSize: 64 << 10, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, d := range res.Documents {
			fmt.Fprintf(&b, "%s %s %d\n", d.ID, d.Path, len(d.Text))
		}
		for _, s := range res.Statements {
			fmt.Fprintf(&b, "%s\n", s.ID)
		}
		fmt.Fprintln(&b, res.Skipped, res.Warnings)
		return b.String()
	}
	one := summary(1)
	for range 3 {
		if many := summary(4); many != one {
			t.Fatalf("results differ with 1 and 4 workers:\n%s\n---\n%s", one, many)
		}
	}
}

func TestLoadExplicitFileAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.txt")
	writeFile(t, p, []byte(proseEN))
	res, err := testRegistry(t).Load(context.Background(), []string{p, dir, p}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Documents) != 1 || len(res.Skipped) != 0 {
		t.Errorf("the same file three times: %d documents, skipped %v", len(res.Documents), res.Skipped)
	}
}

func TestLoadCancelled(t *testing.T) {
	dir, _ := mixedFolder(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := testRegistry(t).Load(ctx, []string{dir}, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestLoadSeed(t *testing.T) {
	res, err := testRegistry(t).LoadSeed(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Skipped) != 0 {
		t.Errorf("skipped: %v", res.Skipped)
	}
	want := []struct{ id, source, place string }{
		{"000_dd709f0f876980c0", "MENAFN", ""},
		{"001_41e52a9884a9d126", "TASS", "MOSCOW"},
		{"002_d78a9d7bf1290817", "", ""},
		{"003_0e2c3ec265911d08", "", ""},
		{"004_37c88bea456b4285", "Defence Talks", ""},
	}
	if len(res.Documents) != len(want) {
		t.Fatalf("%d documents", len(res.Documents))
	}
	for i, w := range want {
		d := res.Documents[i]
		if d.ID != w.id || d.Path != "seed/"+w.id+".txt" || d.Source != w.source || d.Place != w.place || d.Language != "en" || d.Encoding != "utf-8" {
			t.Errorf("document %d: id %q path %q source %q place %q lang %q enc %q", i, d.ID, d.Path, d.Source, d.Place, d.Language, d.Encoding)
		}
		if d.Title == "" || d.Text == "" {
			t.Errorf("%s: empty title or text", d.ID)
		}
	}
	d1 := res.Documents[1]
	if len(d1.Captions) != 1 || !strings.Contains(d1.Captions[0], "Россия. Москва. Пресс-секретарь президента РФ Дмитрий Песков") {
		t.Errorf("001 captions: %q", d1.Captions)
	}
	if len(d1.Repairs) != 1 || d1.Repairs[0].Kind != "cp1251-as-latin1" {
		t.Errorf("001 repairs: %+v", d1.Repairs)
	}
	if w := strings.Join(res.Warnings, "\n"); !strings.Contains(w, "seed/001_41e52a9884a9d126.txt: repaired 1 cp1251-as-latin1 mojibake run") {
		t.Errorf("warnings: %q", res.Warnings)
	}
}

func BenchmarkLoadSeed(b *testing.B) {
	r := testRegistry(b)
	entries, err := fs.ReadDir(seedFS, "seed")
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			b.Fatal(err)
		}
		total += info.Size()
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.LoadSeed(context.Background(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
