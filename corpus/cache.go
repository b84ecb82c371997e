package corpus

// cache.go keeps what the pipeline made of each file between runs, so a
// corpus opened again is read from one store instead of processed anew.
//
// A store lives in a folder of the cache directory named by everything
// that shapes the results: the cache format, the program (a hash of its
// executable), the registry's tables, the file size limit and the folders
// loaded. Inside, each file's results are kept under its path with its
// size, modification time and a SHA-256 of its bytes. A file whose size
// and time are unchanged is not read at all; one whose time changed is
// read and, when its bytes hash the same, its results are still used;
// anything else is processed again. A store that cannot be read is
// ignored and rewritten; one that cannot be written is reported as a
// warning and the load goes on.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

// cacheVersion changes when the stored shapes change.
const cacheVersion = 1

// cacheShards is how many files a store is split into: they are read and
// written in parallel, and a change rewrites only its shard.
const cacheShards = 16

// keepStores is how many stores (one per set of folders opened) the cache
// directory keeps; older ones are removed.
const keepStores = 6

// cacheEntry is what one file gave.
type cacheEntry struct {
	Size    int64
	ModTime int64 // Unix nanoseconds
	Hash    [sha256.Size]byte
	Skip    string          // the file was skipped whole for this reason
	Skipped []model.Skipped // lines of it that were skipped
	Arts    []cachedArticle
}

// cachedArticle is one article of a file after the pipeline.
type cachedArticle struct {
	ID   string // before it was made unique in the corpus
	Out  Processed
	Skip string
}

type cacheShard struct {
	Version int
	Entries map[string]*cacheEntry
}

// cacheStore is the open store of one load.
type cacheStore struct {
	dir    string
	shards [cacheShards]map[string]*cacheEntry
	dirty  [cacheShards]bool
	warn   []string
}

var (
	programOnce sync.Once
	programSum  string
)

// programFingerprint hashes the running executable: results made by
// another build of the program are not used. "" when it cannot be read
// (then nothing is cached).
func programFingerprint() string {
	programOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return
		}
		programSum = hex.EncodeToString(h.Sum(nil))
	})
	return programSum
}

// storeDir returns the folder of the store for this registry, options and
// set of paths, or "" when the program cannot be fingerprinted.
func (r *Registry) storeDir(cacheDir string, paths []string, limit int64) string {
	prog := programFingerprint()
	if prog == "" {
		return ""
	}
	roots := make([]string, 0, len(paths))
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		roots = append(roots, p)
	}
	sort.Strings(roots)
	h := sha256.New()
	fmt.Fprintf(h, "quotetrail cache %d\x00%s\x00%x\x00%d\x00", cacheVersion, prog, r.sum, limit)
	for _, p := range roots {
		fmt.Fprintf(h, "%s\x00", p)
	}
	return filepath.Join(cacheDir, hex.EncodeToString(h.Sum(nil))[:24])
}

func shardOf(path string) int {
	h := fnv.New32a()
	h.Write([]byte(path))
	return int(h.Sum32() % cacheShards)
}

func shardName(i int) string { return fmt.Sprintf("shard-%02d.gob", i) }

// openStore reads the store in dir; shards that are missing or cannot be
// read or decoded start empty (and are written again).
func openStore(dir string, workers int) *cacheStore {
	s := &cacheStore{dir: dir}
	var mu sync.Mutex
	var bad []string
	_ = parallel(context.Background(), cacheShards, workers, func(i int) {
		m := map[string]*cacheEntry{}
		p := filepath.Join(dir, shardName(i))
		data, err := os.ReadFile(p)
		switch {
		case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		case err != nil:
			mu.Lock()
			bad = append(bad, fmt.Sprintf("%s: %v", p, unwrapPathError(err)))
			mu.Unlock()
		default:
			var sh cacheShard
			if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&sh); err != nil || sh.Version != cacheVersion {
				mu.Lock()
				bad = append(bad, p+": unreadable")
				mu.Unlock()
				s.dirty[i] = true
			} else if sh.Entries != nil {
				m = sh.Entries
			}
		}
		s.shards[i] = m
	})
	if len(bad) > 0 {
		sort.Strings(bad)
		w := "cache: " + bad[0]
		if len(bad) > 1 {
			w += fmt.Sprintf(" (and %d more shards)", len(bad)-1)
		}
		s.warn = append(s.warn, w+"; rebuilt")
	}
	return s
}

// lookup returns the entry kept for path.
func (s *cacheStore) lookup(path string) *cacheEntry {
	return s.shards[shardOf(path)][path]
}

// keep sets the entries of this load: every file that has one, and no
// other (files gone since are dropped). A shard is written again only
// when something in it changed.
func (s *cacheStore) keep(entries map[string]*cacheEntry, fresh map[string]bool) {
	var next [cacheShards]map[string]*cacheEntry
	for i := range next {
		next[i] = map[string]*cacheEntry{}
	}
	for p, e := range entries {
		i := shardOf(p)
		next[i][p] = e
		if fresh[p] {
			s.dirty[i] = true
		}
	}
	for i := range next {
		if len(next[i]) != len(s.shards[i]) {
			s.dirty[i] = true
		}
		s.shards[i] = next[i]
	}
}

// save writes the changed shards and removes old stores beyond keepStores.
func (s *cacheStore) save(workers int) {
	if !slices.Contains(s.dirty[:], true) {
		touch(s.dir)
		return
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		s.warn = append(s.warn, fmt.Sprintf("cache: %s: %v (not saved)", s.dir, unwrapPathError(err)))
		return
	}
	var mu sync.Mutex
	_ = parallel(context.Background(), cacheShards, workers, func(i int) {
		if !s.dirty[i] {
			return
		}
		var buf bytes.Buffer
		err := gob.NewEncoder(&buf).Encode(cacheShard{Version: cacheVersion, Entries: s.shards[i]})
		if err == nil {
			err = WriteFileAtomic(filepath.Join(s.dir, shardName(i)), buf.Bytes(), true)
		}
		if err != nil {
			mu.Lock()
			s.warn = append(s.warn, fmt.Sprintf("cache: %s: %v (not saved)", filepath.Join(s.dir, shardName(i)), err))
			mu.Unlock()
		}
	})
	touch(s.dir)
	pruneStores(filepath.Dir(s.dir), s.dir)
}

func touch(dir string) {
	now := time.Now()
	_ = os.Chtimes(dir, now, now)
}

// pruneStores removes all but the keepStores most recently used stores in
// cacheDir; current is always kept. Only folders that look like stores
// (24 hex digits holding shard files) are touched.
func pruneStores(cacheDir, current string) {
	entries, err := os.ReadDir(cacheDir)
	if err != nil {
		return
	}
	type store struct {
		path string
		used int64
	}
	var stores []store
	for _, e := range entries {
		if !e.IsDir() || !isStoreName(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		stores = append(stores, store{filepath.Join(cacheDir, e.Name()), info.ModTime().UnixNano()})
	}
	sort.Slice(stores, func(i, j int) bool { return stores[i].used > stores[j].used })
	kept := 0
	for _, st := range stores {
		if st.path == current || kept < keepStores-1 {
			if st.path != current {
				kept++
			}
			continue
		}
		_ = os.RemoveAll(st.path)
	}
}

func isStoreName(name string) bool {
	if len(name) != 24 {
		return false
	}
	_, err := hex.DecodeString(name)
	return err == nil && strings.ToLower(name) == name
}

// rename gives an article read from the cache the ID this load made unique
// for it, when another file now takes its old one.
func (p *Processed) rename(id string) {
	old := p.Doc.ID
	if old == id {
		return
	}
	p.Doc.ID = id
	for _, s := range p.Statements {
		s.ID = id + strings.TrimPrefix(s.ID, old)
		if s.Doc == old {
			s.Doc = id
		}
		for i := range s.Sources {
			if s.Sources[i] == old {
				s.Sources[i] = id
			}
		}
	}
}
