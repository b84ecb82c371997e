package corpus

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// dirNames lists the names in dir, to show nothing else was left there.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

func requireOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	got := dirNames(t, dir)
	if strings.Join(got, "|") != strings.Join(names, "|") {
		t.Fatalf("folder holds %q, want %q (a temporary file left behind?)", got, names)
	}
}

func requireContent(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s holds %q, want %q", path, got, want)
	}
}

func TestWriteFileAtomicNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "peskov.md")
	data := []byte("# Peskov\n\n> “We respect the choice.”\n")
	if err := WriteFileAtomic(path, data, false); err != nil {
		t.Fatal(err)
	}
	requireContent(t, path, data)
	requireOnly(t, dir, "peskov.md")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm()&0o044 == 0 {
		t.Errorf("mode %v: a new export should be readable by others like any file", fi.Mode())
	}
}

func TestWriteFileAtomicExisting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "peskov.md")
	old := []byte("the user's own notes\n")
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}

	err := WriteFileAtomic(path, []byte("new"), false)
	if err == nil {
		t.Fatal("overwrote an existing file without overwrite")
	}
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("error %v does not wrap fs.ErrExist", err)
	}
	if want := path + ": file exists"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	requireContent(t, path, old)
	requireOnly(t, dir, "peskov.md")

	if err := WriteFileAtomic(path, []byte("new\n"), true); err != nil {
		t.Fatal(err)
	}
	requireContent(t, path, []byte("new\n"))
	requireOnly(t, dir, "peskov.md")
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v: overwriting should keep the file's mode 0600", fi.Mode().Perm())
	}
}

func TestWriteFileAtomicMissingFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing", "folder", "x.md")
	err := WriteFileAtomic(path, []byte("x"), false)
	if err == nil {
		t.Fatal("wrote into a missing folder")
	}
	if want := path + ": folder does not exist"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v does not wrap fs.ErrNotExist", err)
	}
	requireOnly(t, dir)
}

func TestWriteFileAtomicFolderIsFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(filepath.Join(dir, "notes", "x.md"), []byte("x"), false)
	if err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Fatalf("error %v, want one saying the folder is a file", err)
	}
}

func TestWriteFileAtomicTargetIsFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.md")
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(path, []byte("x"), true)
	if err == nil || err.Error() != path+": is a folder" {
		t.Fatalf("error %v, want %q", err, path+": is a folder")
	}
	// issue 19: without overwrite too, and not as "file exists" (the
	// export dialog asked whether to overwrite before saying it was a
	// folder)
	err = WriteFileAtomic(path, []byte("x"), false)
	if err == nil || err.Error() != path+": is a folder" || errors.Is(err, fs.ErrExist) {
		t.Fatalf("without overwrite: error %v, want %q", err, path+": is a folder")
	}
	requireOnly(t, dir, "out.md")
}

func TestWriteFileAtomicReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	// Root (and some file systems) ignore the mode: probe.
	probe := filepath.Join(ro, "probe")
	if err := os.WriteFile(probe, nil, 0o644); err == nil {
		os.Remove(probe)
		t.Skip("the read-only folder is writable here (running as root?)")
	}

	path := filepath.Join(ro, "x.md")
	err := WriteFileAtomic(path, []byte("x"), false)
	if err == nil {
		t.Fatal("wrote into a read-only folder")
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("error %v does not wrap fs.ErrPermission", err)
	}
	if want := path + ": permission denied"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	requireOnly(t, ro)
}

// failingWriter passes the first n bytes through, then fails as a full
// disk would.
type failingWriter struct {
	w io.Writer
	n int
}

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		f.n -= len(p)
		return f.w.Write(p)
	}
	k, err := f.w.Write(p[:f.n])
	f.n = 0
	if err != nil {
		return k, err
	}
	return k, syscall.ENOSPC
}

func TestWriteFileAtomicFailsHalfway(t *testing.T) {
	data := bytes.Repeat([]byte("> a line of the export\n"), 1000)
	half := func(w io.Writer) io.Writer { return &failingWriter{w, len(data) / 2} }

	for _, overwrite := range []bool{false, true} {
		// a new file: nothing is created
		dir := t.TempDir()
		path := filepath.Join(dir, "new.md")
		err := writeFileAtomic(path, data, overwrite, half)
		if err == nil {
			t.Fatal("a failing write reported success")
		}
		if want := path + ": writing: no space left on device"; err.Error() != want {
			t.Errorf("error %q, want %q", err, want)
		}
		if !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("error %v does not wrap ENOSPC", err)
		}
		requireOnly(t, dir)

		// an existing file: untouched, byte for byte
		old := []byte("the previous export\n")
		path = filepath.Join(dir, "old.md")
		if err := os.WriteFile(path, old, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := writeFileAtomic(path, data, true, half); err == nil {
			t.Fatal("a failing write reported success")
		}
		requireContent(t, path, old)
		requireOnly(t, dir, "old.md")
	}
}

// TestWriteFileAtomicRace plays another program creating the file while
// the export is being written: without overwrite, its file wins, intact.
func TestWriteFileAtomicRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.md")
	theirs := []byte("written meanwhile by someone else\n")
	intruder := func(w io.Writer) io.Writer {
		if err := os.WriteFile(path, theirs, 0o644); err != nil {
			t.Fatal(err)
		}
		return w
	}
	err := writeFileAtomic(path, []byte("ours"), false, intruder)
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("error %v, want the file to exist", err)
	}
	requireContent(t, path, theirs)
	requireOnly(t, dir, "x.md")
}

func TestWriteFileAtomicThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.md", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteFileAtomic(link, []byte("new"), true); err != nil {
		t.Fatal(err)
	}
	requireContent(t, target, []byte("new"))
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	requireOnly(t, dir, "link.md", "real.md")
}
