package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/corpus/gen"
	"github.com/quotetrail/quotetrail/model"
)

// loadDump loads paths and returns everything a user sees of the result as
// JSON (the dump of every statement and document, the skipped files and
// the warnings other than the cache's own), with the number of files read.
func loadDump(t *testing.T, r *Registry, paths []string, cache string) (string, int64, []string) {
	t.Helper()
	before := filesRead.Load()
	res, err := r.Load(context.Background(), paths, Options{Cache: cache, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	read := filesRead.Load() - before
	c := r.Build("test", res)
	var warn, cacheWarn []string
	for _, w := range c.Warnings {
		if strings.HasPrefix(w, "cache: ") {
			cacheWarn = append(cacheWarn, w)
		} else {
			warn = append(warn, w)
		}
	}
	c.Warnings = warn
	out, err := json.MarshalIndent(struct {
		Dump    model.DumpJSON
		Skipped []model.Skipped
		Warn    []string
	}{model.Dump(c, c.Query(model.Filter{}), model.Filter{}, model.Split(model.DefaultSplit)), res.Skipped, warn}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out), read, cacheWarn
}

func sameDump(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			t.Fatalf("%s: results differ from a load without the cache at line %d:\n got %s\nwant %s", what, i+1, g[i], w[i])
		}
	}
	t.Fatalf("%s: results differ in length (%d lines, want %d)", what, len(g), len(w))
}

func TestCacheGivesTheSameResults(t *testing.T) {
	r := testRegistry(t)
	dir := t.TempDir()
	st, err := gen.Generate(dir, 120, 7)
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	paths := []string{dir}

	want, _, _ := loadDump(t, r, paths, "")
	cold, _, warn := loadDump(t, r, paths, cache)
	sameDump(t, "cold cache", cold, want)
	if len(warn) != 0 {
		t.Errorf("cold cache warned: %q", warn)
	}
	warm, read, warn := loadDump(t, r, paths, cache)
	sameDump(t, "warm cache", warm, want)
	if read != 0 || len(warn) != 0 {
		t.Errorf("warm cache read %d files (want 0), warned %q", read, warn)
	}

	// change one file: it alone is read and processed again
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(files) < 3 || st.Files < 3 {
		t.Fatalf("only %d .txt files generated", len(files))
	}
	changed := files[1]
	data, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "\n\n“We will never agree to that,” Lavrov told reporters on Tuesday.\n"...)
	if err := os.WriteFile(changed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Minute)
	if err := os.Chtimes(changed, future, future); err != nil {
		t.Fatal(err)
	}
	want, _, _ = loadDump(t, r, paths, "")
	got, read, _ := loadDump(t, r, paths, cache)
	sameDump(t, "after a change", got, want)
	if read != 1 {
		t.Errorf("after one file changed, %d files were read, want 1", read)
	}
	if !strings.Contains(got, "We will never agree to that") {
		t.Errorf("the changed file's new statement is missing")
	}

	// touch another: read and hashed, but its results are kept
	touched := files[2]
	later := future.Add(time.Minute)
	if err := os.Chtimes(touched, later, later); err != nil {
		t.Fatal(err)
	}
	got, read, _ = loadDump(t, r, paths, cache)
	sameDump(t, "after a touch", got, want)
	if read != 1 {
		t.Errorf("after a touch, %d files were read, want 1", read)
	}
	if _, read, _ = loadDump(t, r, paths, cache); read != 0 {
		t.Errorf("the touched file's new time was not kept: %d files read", read)
	}

	// remove one file and add another
	if err := os.Remove(files[0]); err != nil {
		t.Fatal(err)
	}
	added := filepath.Join(dir, "added.txt")
	if err := os.WriteFile(added, []byte("MOSCOW, March 3, 2024. Kremlin spokesman Dmitry Peskov said on Sunday that Moscow “remains open to dialogue with Washington.”\n\nHe added nothing else.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want, _, _ = loadDump(t, r, paths, "")
	got, read, _ = loadDump(t, r, paths, cache)
	sameDump(t, "after a removal and an addition", got, want)
	if read != 1 {
		t.Errorf("after adding a file, %d files were read, want 1", read)
	}
}

func TestCacheRenamesWhenIDsShift(t *testing.T) {
	r := testRegistry(t)
	dir := t.TempDir()
	text := "MOSCOW, March 3, 2024. Kremlin spokesman Dmitry Peskov said on Sunday that Moscow “remains open to dialogue with Washington.”\n\nHe added that “nothing has been decided yet.”\n"
	for _, sub := range []string{"a", "b"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, sub, "same.txt"), []byte(strings.ReplaceAll(text, "Sunday", "Sunday in "+sub)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cache := t.TempDir()
	paths := []string{dir}
	want, _, _ := loadDump(t, r, paths, "")
	got, _, _ := loadDump(t, r, paths, cache)
	sameDump(t, "two files with one name", got, want)
	// b/same.txt was "same-2"; with a/same.txt gone it is "same"
	if err := os.Remove(filepath.Join(dir, "a", "same.txt")); err != nil {
		t.Fatal(err)
	}
	want, _, _ = loadDump(t, r, paths, "")
	got, read, _ := loadDump(t, r, paths, cache)
	if read != 0 {
		t.Errorf("%d files read, want 0", read)
	}
	sameDump(t, "after the first file went", got, want)
}

func TestCacheDamaged(t *testing.T) {
	r := testRegistry(t)
	dir := t.TempDir()
	if _, err := gen.Generate(dir, 30, 3); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	paths := []string{dir}
	want, _, _ := loadDump(t, r, paths, "")
	loadDump(t, r, paths, cache)
	shards, _ := filepath.Glob(filepath.Join(cache, "*", "shard-*.qtc"))
	if len(shards) == 0 {
		t.Fatal("no shards written")
	}
	merges, _ := filepath.Glob(filepath.Join(cache, "*", mergeFile))
	if len(merges) != 1 {
		t.Fatalf("%d merge files, want 1", len(merges))
	}
	if err := os.WriteFile(shards[0], []byte("not a gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(merges[0], []byte("not a gob either"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _, warn := loadDump(t, r, paths, cache)
	sameDump(t, "a damaged shard", got, want)
	if len(warn) != 1 || !strings.Contains(warn[0], "unreadable; rebuilt") || !strings.Contains(warn[0], filepath.Base(shards[0])) {
		t.Errorf("warnings %q, want one naming the damaged shard", warn)
	}
	if _, read, warn := loadDump(t, r, paths, cache); read != 0 || len(warn) != 0 {
		t.Errorf("the damaged shard was not rebuilt: %d files read, warnings %q", read, warn)
	}

	// a cache folder that cannot be made: the load goes on, with a warning
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got, _, warn = loadDump(t, r, paths, blocked)
	sameDump(t, "an unwritable cache", got, want)
	if len(warn) == 0 || !strings.Contains(warn[0], "not saved") {
		t.Errorf("warnings %q, want one saying the cache was not saved", warn)
	}
}

func TestPruneStoresKeepsTheRecent(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i := range keepStores + 3 {
		name := fmt.Sprintf("%024x", i+10)
		names = append(names, name)
		p := filepath.Join(dir, name)
		if err := os.Mkdir(p, 0o700); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(time.Duration(i) * time.Minute)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	other := filepath.Join(dir, "not-a-store")
	if err := os.Mkdir(other, 0o700); err != nil {
		t.Fatal(err)
	}
	current := filepath.Join(dir, names[0]) // the oldest, but in use
	pruneStores(dir, current)
	for i, name := range names {
		_, err := os.Stat(filepath.Join(dir, name))
		keep := i == 0 || i >= len(names)-(keepStores-1)
		if keep != (err == nil) {
			t.Errorf("store %d: kept %v, want %v", i, err == nil, keep)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a folder that is not a store was removed")
	}
}
