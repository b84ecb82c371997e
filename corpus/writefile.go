package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to the file at path so that, whatever
// happens, the file is either exactly as it was or exactly data — never
// half-written — and no temporary file is left behind.
//
// It writes a temporary file in the target's folder, syncs and closes it,
// and only then puts it in place: with overwrite, by renaming it over the
// target (a symbolic link at path is followed: its target is replaced);
// without, by hard-linking it to the target, which fails if a file of that
// name exists or appears meanwhile, so nothing is overwritten even in a
// race. On a file system without hard links it falls back to a check and
// a rename. A new file gets mode 0644; a replaced file keeps its mode.
//
// Errors name the file and the reason, and wrap the cause for errors.Is:
//
//	peskov.md: file exists                              fs.ErrExist
//	missing/folder/x.md: folder does not exist          fs.ErrNotExist
//	ro/x.md: permission denied                          fs.ErrPermission
//	x.md: no space left on device
func WriteFileAtomic(path string, data []byte, overwrite bool) error {
	return writeFileAtomic(path, data, overwrite, nil)
}

// writeFileAtomic is WriteFileAtomic with a hook for tests: wrap, when not
// nil, wraps the temporary file's writer (to fail half-way, or to play
// another process creating the target meanwhile).
func writeFileAtomic(path string, data []byte, overwrite bool, wrap func(io.Writer) io.Writer) (err error) {
	if path == "" {
		return errors.New("no file name given")
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &fileError{path, "folder does not exist", fs.ErrNotExist}
		}
		return fmt.Errorf("%s: %w", path, reason(err))
	} else if !fi.IsDir() {
		return fmt.Errorf("%s: %s is not a folder", path, dir)
	}

	target := path
	mode := fs.FileMode(0o644)
	if fi, err := os.Lstat(path); err == nil {
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			// said first: asking whether to overwrite a folder is no question
			return fmt.Errorf("%s: is a folder", path)
		}
		if !overwrite {
			return existsError(path)
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			if target, err = filepath.EvalSymlinks(path); err != nil {
				return fmt.Errorf("%s: %w", path, reason(err))
			}
			if fi, err = os.Stat(target); err != nil {
				return fmt.Errorf("%s: %w", path, reason(err))
			}
		}
		if fi.IsDir() {
			return fmt.Errorf("%s: is a folder", path)
		}
		mode = fi.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, reason(err))
	}

	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: %w", path, reason(err))
	}
	tmpName := tmp.Name()
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				tmp.Close()
			}
			os.Remove(tmpName)
		}
	}()

	var w io.Writer = tmp
	if wrap != nil {
		w = wrap(tmp)
	}
	if _, err = w.Write(data); err != nil {
		return fmt.Errorf("%s: writing: %w", path, reason(err))
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("%s: %w", path, reason(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("%s: writing: %w", path, reason(err))
	}
	closed = true
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: writing: %w", path, reason(err))
	}

	if overwrite {
		if err = os.Rename(tmpName, target); err != nil {
			return fmt.Errorf("%s: %w", path, reason(err))
		}
	} else {
		if err = os.Link(tmpName, target); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return existsError(path)
			}
			// No hard links here (FAT, some network file systems): check
			// and rename, which leaves a short race.
			if _, serr := os.Lstat(target); serr == nil {
				return existsError(path)
			}
			if err = os.Rename(tmpName, target); err != nil {
				return fmt.Errorf("%s: %w", path, reason(err))
			}
		} else {
			os.Remove(tmpName) // the data is in place; the extra name goes
		}
	}
	syncDir(filepath.Dir(target))
	return nil
}

func existsError(path string) error {
	return &fileError{path, "file exists", fs.ErrExist}
}

// fileError is an error that reads "path: what" and wraps its cause.
type fileError struct {
	path, what string
	cause      error
}

func (e *fileError) Error() string { return e.path + ": " + e.what }
func (e *fileError) Unwrap() error { return e.cause }

// reason strips the operation and the (temporary) file name from a file
// system error, leaving the cause: "permission denied".
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// syncDir asks the file system to record the new directory entry; where
// that is not supported, nothing is lost but durability across a crash.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
