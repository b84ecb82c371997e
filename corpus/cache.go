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
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

// cacheVersion changes when the stored shapes or their format
// (cachecodec.go) change.
const cacheVersion = 5

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

func shardName(i int) string { return fmt.Sprintf("shard-%02d.qtc", i) }

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
			if entries, err := decodeShard(data); err != nil {
				mu.Lock()
				bad = append(bad, p+": unreadable")
				mu.Unlock()
				s.dirty[i] = true
			} else {
				m = entries
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
		if err := WriteFileAtomic(filepath.Join(s.dir, shardName(i)), encodeShard(s.shards[i]), true); err != nil {
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

// compact makes the statements of a load share memory: a statement's text
// becomes a slice of its document's text (a cache gives each its own
// copy), and the strings that repeat across statements (speakers, rules,
// topics, date rules) one copy each.
func compact(docs []*model.Document, stmts []*model.Statement) {
	text := make(map[string]string, len(docs))
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	pool := map[string]string{}
	in := func(s string) string {
		if p, ok := pool[s]; ok {
			return p
		}
		pool[s] = s
		return s
	}
	for _, s := range stmts {
		if t, ok := text[s.Doc]; ok && s.Span.Start >= 0 && s.Span.End <= len(t) && s.Span.Start <= s.Span.End && t[s.Span.Start:s.Span.End] == s.Text {
			s.Text = t[s.Span.Start:s.Span.End]
		}
		s.Doc = in(s.Doc)
		s.Speaker = in(s.Speaker)
		s.Mention = in(s.Mention)
		s.Date.Rule = in(s.Date.Rule)
		s.Date.Precision = model.Precision(in(string(s.Date.Precision)))
		for i := range s.Rules {
			s.Rules[i] = in(s.Rules[i])
		}
		for i := range s.Sources {
			s.Sources[i] = in(s.Sources[i])
		}
		for i := range s.Topics {
			s.Topics[i].Topic = in(s.Topics[i].Topic)
			for k := range s.Topics[i].Words {
				s.Topics[i].Words[k] = in(s.Topics[i].Words[k])
			}
		}
	}
}

// mergeFile keeps the groups MergeReports found, with a hash of what they
// were found in: a corpus opened again unchanged is not merged again.
const mergeFile = "merge.gob"

type mergeCache struct {
	Version int
	Key     [sha256.Size]byte
	Groups  [][]int32
}

// mergeKey hashes everything about the documents and statements that
// merging looks at: the statements in runs of mergeKeyRun, hashed in
// parallel, then the documents and the runs' hashes.
func mergeKey(docs []*model.Document, stmts []*model.Statement) [sha256.Size]byte {
	runs := make([][sha256.Size]byte, (len(stmts)+mergeKeyRun-1)/mergeKeyRun)
	_ = parallel(context.Background(), len(runs), runtime.GOMAXPROCS(0), func(k int) {
		runs[k] = hashStatements(stmts[k*mergeKeyRun : min(len(stmts), (k+1)*mergeKeyRun)])
	})
	var buf []byte
	buf = binary.AppendVarint(buf, int64(len(docs)))
	for _, d := range docs {
		buf = binary.AppendUvarint(buf, uint64(len(d.ID)))
		buf = append(buf, d.ID...)
	}
	buf = binary.AppendVarint(buf, int64(len(stmts)))
	for _, r := range runs {
		buf = append(buf, r[:]...)
	}
	return sha256.Sum256(buf)
}

// mergeKeyRun is how many statements mergeKey hashes at a time; the key
// does not depend on how many processors hash them.
const mergeKeyRun = 1 << 14

// hashStatements hashes what merging looks at in stmts.
func hashStatements(stmts []*model.Statement) [sha256.Size]byte {
	h := sha256.New()
	var buf []byte
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	num := func(n int64) { buf = binary.AppendVarint(buf, n) }
	for _, s := range stmts {
		str(s.ID)
		str(s.Doc)
		str(s.Speaker)
		str(s.Text)
		num(int64(s.Span.Start))
		if s.Date.Known() {
			num(s.Date.Earliest.Unix())
			num(s.Date.Latest.Unix())
		} else {
			num(-1 << 62)
		}
		num(int64(len(s.Rules)))
		for _, r := range s.Rules {
			str(r)
		}
		num(int64(len(s.Sources)))
		for _, src := range s.Sources {
			str(src)
		}
		if len(buf) > 1<<16 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// cachedGroups reads the merge groups kept in dir for key; ok is false
// when there are none or they do not fit n statements.
func cachedGroups(dir string, key [sha256.Size]byte, n int) (groups [][]int32, ok bool) {
	data, err := os.ReadFile(filepath.Join(dir, mergeFile))
	if err != nil {
		return nil, false
	}
	var mc mergeCache
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&mc); err != nil || mc.Version != cacheVersion || mc.Key != key {
		return nil, false
	}
	for _, g := range mc.Groups {
		if len(g) < 2 {
			return nil, false
		}
		for _, i := range g {
			if i < 0 || int(i) >= n {
				return nil, false
			}
		}
	}
	return mc.Groups, true
}

// saveGroups keeps the merge groups for key in dir.
func saveGroups(dir string, key [sha256.Size]byte, groups [][]int32) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(mergeCache{Version: cacheVersion, Key: key, Groups: groups}); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return WriteFileAtomic(filepath.Join(dir, mergeFile), buf.Bytes(), true)
}
