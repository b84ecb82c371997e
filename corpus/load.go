package corpus

// Loading: walk the user's paths (or the embedded seed), read each file
// within a size limit, skip what is not an article with a clear reason,
// and run every article through the pipeline on a pool of workers. The
// result's order depends only on the paths, never on scheduling.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/quotetrail/quotetrail/model"
)

//go:embed seed/*.txt
var seedFS embed.FS

// Options tune loading.
type Options struct {
	MaxFileSize int64 // bytes; 0 means DefaultMaxFileSize
	Workers     int   // 0 means one per core
	// Progress, when set, is called after each file with the files done
	// and the total known so far. It is called from one goroutine at a time.
	Progress func(done, total int)
	// Phase, when set, is called when the files are all read and the load
	// goes on with something else ("saving the cache").
	Phase func(phase string)
	// Cache, when set, is a folder where Load keeps what it made of each
	// file, so that opening the same folders again reads only the files
	// that changed (see cache.go). The built-in corpus is never cached.
	Cache string
}

// DefaultMaxFileSize is the default limit on one input file.
const DefaultMaxFileSize = 50 << 20

// Result is what a load produced, in a deterministic order.
type Result struct {
	Documents  []*model.Document
	Statements []*model.Statement
	Speakers   []*model.Speaker // found in the texts, beyond the registry
	Skipped    []model.Skipped
	// Warnings are every warning of the load, each naming its file: the
	// documents' own (model.Document.Warnings), their repairs, the cache's.
	Warnings []string

	// store is the cache folder the load used, "" without one: Build
	// keeps its merge there.
	store string
	// loadWide are the Warnings that are not a document's own, for
	// model.Corpus.Warnings.
	loadWide []string
}

// The reasons a file is skipped, as reports show them.
const (
	ReasonMissing     = "no such file or directory"
	ReasonEmpty       = "empty"
	ReasonNoProse     = "not an article (no prose)"
	ReasonSymlinkLoop = "symlink loop"
)

// file is one input file found by the walk.
type file struct {
	path   string                 // as shown: the user's path joined with the walk's
	id     string                 // file name without extension
	read   func() ([]byte, error) // reads at most limit+1 bytes
	size   int64                  // from stat; -1 when unknown
	format Format
	skip   string // set when the walk already knows the file is skipped
	key    string // absolute path: its key in the cache; "" for the built-in corpus
	mod    int64  // modification time, Unix nanoseconds

	// set by the read stage when the bytes were read
	hash   [sha256.Size]byte
	hashed bool
	// cached holds the results a cache kept for the file, when they are
	// still good; the file is then not processed.
	cached *cacheEntry

	// filled by the read stage
	articles []Article
	skipped  []model.Skipped
}

// Load reads every file or folder in paths (folders recursively; hidden
// files and folders skipped; symlinks followed, loops not) and runs each
// article through the pipeline. It fails only when ctx is cancelled; every
// file it cannot load is in Result.Skipped with the reason.
func (r *Registry) Load(ctx context.Context, paths []string, opt Options) (*Result, error) {
	w := walker{seen: map[string]bool{}, limit: limitOf(opt)}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		w.walkRoot(p)
	}
	var store *cacheStore
	if opt.Cache != "" {
		if dir := r.storeDir(opt.Cache, paths, limitOf(opt)); dir != "" {
			store = openStore(dir, workersOf(opt))
		}
	}
	return r.run(ctx, w.files, opt, store)
}

// LoadSeed loads the built-in corpus embedded from corpus/seed; its paths
// read "seed/<name>.txt".
func (r *Registry) LoadSeed(ctx context.Context, opt Options) (*Result, error) {
	entries, err := fs.ReadDir(seedFS, "seed")
	if err != nil {
		return nil, fmt.Errorf("built-in corpus: %w", err)
	}
	var files []*file
	for _, e := range entries {
		name := e.Name()
		f := &file{path: "seed/" + name, id: strings.TrimSuffix(name, path.Ext(name)), size: -1}
		f.format, _ = FormatOf(name)
		f.read = func() ([]byte, error) { return seedFS.ReadFile("seed/" + name) }
		files = append(files, f)
	}
	return r.run(ctx, files, opt, nil)
}

func limitOf(opt Options) int64 {
	if opt.MaxFileSize > 0 {
		return opt.MaxFileSize
	}
	return DefaultMaxFileSize
}

// walker collects the files under the user's paths, in order: the paths as
// given, each folder's entries sorted by name, depth first.
type walker struct {
	files []*file
	seen  map[string]bool // identities (fileIdentity) of files and folders already walked
	limit int64
}

// ShowPath is a path as reports show it: as is, or, when it holds a
// control character, an escape sequence, a bidi control or invalid UTF-8
// (a file name can), Go-quoted with those escaped — so a file name cannot
// drive the terminal either, and still names the file.
func ShowPath(p string) string {
	if firstUnsafe(p) < 0 {
		return p
	}
	return strconv.Quote(p)
}

// fileID is an article ID made from a file name: without its extension,
// sanitized to one line.
func fileID(name string) string {
	if id := oneLine(strings.TrimSuffix(name, filepath.Ext(name))); id != "" {
		return id
	}
	return "article"
}

func (w *walker) skip(p, reason string) {
	w.files = append(w.files, &file{path: ShowPath(p), skip: reason})
}

func (w *walker) walkRoot(p string) {
	fi, err := os.Stat(p)
	if err != nil {
		if _, lerr := os.Lstat(p); lerr == nil && errors.Is(err, fs.ErrNotExist) {
			w.skip(p, "broken symlink")
			return
		}
		w.skip(p, statReason(err))
		return
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	w.visit(p, abs, fi)
}

// visit handles a path whose (followed) info is fi; abs is the path made
// absolute (the file's key in the cache).
func (w *walker) visit(p, abs string, fi fs.FileInfo) {
	ident := fileIdentity(p, fi)
	if fi.IsDir() {
		if w.seen[ident] {
			w.skip(p, ReasonSymlinkLoop+" (folder already read)")
			return
		}
		w.seen[ident] = true
		entries, err := os.ReadDir(p)
		if err != nil {
			w.skip(p, statReason(err))
			return
		}
		for _, e := range entries { // sorted by name
			if strings.HasPrefix(e.Name(), ".") {
				continue // hidden
			}
			cp, cabs := filepath.Join(p, e.Name()), filepath.Join(abs, e.Name())
			cfi, err := os.Stat(cp) // follows symlinks
			if err != nil {
				if e.Type()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist) {
					w.skip(cp, "broken symlink")
				} else {
					w.skip(cp, statReason(err))
				}
				continue
			}
			w.visit(cp, cabs, cfi)
		}
		return
	}
	if w.seen[ident] {
		return // the same file reached twice loads once
	}
	w.seen[ident] = true
	if !fi.Mode().IsRegular() {
		w.skip(p, "not a regular file")
		return
	}
	name := filepath.Base(p)
	f := &file{path: ShowPath(p), id: fileID(name), size: fi.Size(), key: abs, mod: fi.ModTime().UnixNano()}
	format, ok := FormatOf(name)
	if !ok {
		f.skip = unsupported(p)
	}
	f.format = format
	f.read = func() ([]byte, error) { return readLimited(p, w.limit) }
	w.files = append(w.files, f)
}

// unsupported names a file's extension and, when its first bytes show a
// non-text type, that type: "unsupported file type .png (image/png)".
func unsupported(p string) string {
	ext := strings.ToLower(filepath.Ext(p))
	reason := "unsupported file type " + ext
	if ext == "" {
		reason = "unsupported file type (no extension)"
	}
	fh, err := os.Open(p)
	if err != nil {
		return reason
	}
	defer fh.Close()
	buf := make([]byte, 512)
	n, _ := io.ReadFull(fh, buf)
	if n == 0 {
		return reason
	}
	ct := http.DetectContentType(buf[:n])
	if i := strings.IndexByte(ct, ';'); i > 0 {
		ct = ct[:i]
	}
	if !strings.HasPrefix(ct, "text/") {
		reason += " (" + ct + ")"
	}
	return reason
}

func readLimited(p string, limit int64) ([]byte, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	// one buffer of the file's size (and a byte to see it is past the
	// limit), not ReadAll's doublings: two workers reading 45 MB files
	// held twice that
	var buf bytes.Buffer
	if fi, err := fh.Stat(); err == nil && fi.Size() > 0 {
		buf.Grow(int(min(fi.Size(), limit)) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(fh, limit+1))
	return buf.Bytes(), err
}

// statReason turns a file-system error into a skip reason.
func statReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ReasonMissing
	case errors.Is(err, fs.ErrPermission):
		return "unreadable (permission denied)"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "unreadable (" + err.Error() + ")"
}

// humanSize renders a byte count for a reason: "12.3 MB", "2.0 KB", "700 B".
func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func workersOf(opt Options) int {
	if opt.Workers > 0 {
		return opt.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// run reads, parses and processes the files on a pool of workers and
// assembles the result in file order. With a store, files whose results
// it holds are not read or processed, and the store is updated after.
func (r *Registry) run(ctx context.Context, files []*file, opt Options, store *cacheStore) (*Result, error) {
	limit := limitOf(opt)
	workers := workersOf(opt)
	prog := newProgress(ctx, opt.Progress, len(files))

	if store != nil {
		for _, f := range files {
			if e := store.lookup(f.key); f.skip == "" && f.key != "" && e != nil && e.Size == f.size && e.ModTime == f.mod {
				f.cached = e
			}
		}
	}

	// stage 1: read and parse each file
	err := parallel(ctx, len(files), workers, func(i int) {
		f := files[i]
		defer func() {
			if p := recover(); p != nil { // a parser bug skips the file, not the load
				f.articles, f.skipped = nil, nil
				f.skip = "could not be parsed (" + oneLine(fmt.Sprintf("panic: %v", p)) + ")"
				prog.fileDone()
			}
		}()
		if f.cached == nil {
			f.readAndParse(limit, store)
		}
		if f.cached != nil {
			f.skip, f.skipped = f.cached.Skip, f.cached.Skipped
			prog.fileDone()
			return
		}
		if len(f.articles) == 0 {
			prog.fileDone()
		}
	})
	if err != nil {
		return nil, err
	}

	// stage 2: unique IDs, in file order
	type job struct {
		file  *file
		rawID string // the ID before it was made unique
		art   Article
		out   Processed
		skip  string
		done  bool // from the cache
	}
	var jobs []*job
	taken := idSet{}
	for _, f := range files {
		if f.cached != nil {
			for _, ca := range f.cached.Arts {
				out := ca.Out
				out.rename(uniqueID(&taken, ca.ID))
				jobs = append(jobs, &job{file: f, rawID: ca.ID, out: out, skip: ca.Skip, done: true})
			}
			continue
		}
		for _, a := range f.articles {
			raw := a.ID
			a.ID = uniqueID(&taken, a.ID)
			jobs = append(jobs, &job{file: f, rawID: raw, art: a})
		}
	}
	left := make(map[*file]*atomic.Int32, len(files))
	for _, j := range jobs {
		if j.done {
			continue
		}
		if left[j.file] == nil {
			left[j.file] = &atomic.Int32{}
		}
		left[j.file].Add(1)
	}

	// stage 3: the pipeline
	err = parallel(ctx, len(jobs), workers, func(i int) {
		j := jobs[i]
		if j.done {
			return
		}
		defer func() {
			if p := recover(); p != nil {
				j.out = Processed{Doc: &model.Document{ID: j.art.ID, Path: j.art.Path}}
				j.skip = fmt.Sprintf("pipeline failed (panic: %v)", p)
				if left[j.file].Add(-1) == 0 {
					prog.fileDone()
				}
			}
		}()
		j.out, j.skip = r.process(ctx, j.art)
		j.art = Article{} // let the raw bytes go
		if j.skip == "" && !hasProse(j.out.Doc.Text) {
			j.skip = ReasonNoProse
		}
		if left[j.file].Add(-1) == 0 {
			prog.fileDone()
		}
	})
	if err != nil {
		return nil, err
	}

	var storeWarn []string
	if store != nil {
		entries := map[string]*cacheEntry{}
		fresh := map[string]bool{}
		for _, f := range files {
			switch {
			case f.key == "":
			case f.cached != nil:
				entries[f.key] = f.cached
				if f.hashed { // touched but the same bytes: keep its new time
					fresh[f.key] = true
				}
			case f.hashed:
				entries[f.key] = &cacheEntry{Size: f.size, ModTime: f.mod, Hash: f.hash, Skip: f.skip, Skipped: f.skipped, Arts: []cachedArticle{}}
				fresh[f.key] = true
			}
		}
		for _, j := range jobs {
			if e := entries[j.file.key]; e != nil && j.file.cached == nil {
				e.Arts = append(e.Arts, cachedArticle{ID: j.rawID, Out: j.out, Skip: j.skip})
			}
		}
		store.keep(entries, fresh)
		if opt.Phase != nil && slices.Contains(store.dirty[:], true) {
			opt.Phase("saving the cache")
		}
		store.save(workers)
		storeWarn = store.warn
	}

	res := &Result{}
	var freshDocs []*model.Document
	var freshStmts []*model.Statement
	if store != nil {
		res.store = store.dir
	}
	seenSpeaker := map[string]bool{}
	for _, f := range files {
		if f.skip != "" {
			res.Skipped = append(res.Skipped, model.Skipped{Path: f.path, Reason: f.skip})
		}
		res.Skipped = append(res.Skipped, f.skipped...)
	}
	for _, j := range jobs {
		if j.skip != "" {
			res.Skipped = append(res.Skipped, model.Skipped{Path: j.out.Doc.Path, Reason: j.skip})
			continue
		}
		doc := j.out.Doc
		res.Documents = append(res.Documents, doc)
		res.Statements = append(res.Statements, j.out.Statements...)
		if !j.done {
			freshDocs = append(freshDocs, doc)
			freshStmts = append(freshStmts, j.out.Statements...)
		}
		for _, sp := range j.out.Speakers {
			if sp != nil && !seenSpeaker[sp.Name] {
				seenSpeaker[sp.Name] = true
				res.Speakers = append(res.Speakers, sp)
			}
		}
		res.Warnings = append(res.Warnings, docWarnings(doc)...)
		res.loadWide = append(res.loadWide, repairWarnings(doc)...)
	}
	sort.SliceStable(res.Skipped, func(a, b int) bool { return pathLess(res.Skipped[a].Path, res.Skipped[b].Path) })
	res.Warnings = append(res.Warnings, storeWarn...)
	res.loadWide = append(res.loadWide, storeWarn...)
	// what came from the cache shares its strings already (cachecodec.go)
	compact(freshDocs, freshStmts)
	return res, nil
}

// readAndParse reads the file and turns it into articles, or sets the
// reason it is skipped.
//
// With a store, the bytes are hashed first: when the store holds results
// for the same bytes (a file touched but not changed), they are used and
// the file is not parsed.
func (f *file) readAndParse(limit int64, store *cacheStore) {
	if f.skip != "" {
		return
	}
	if f.size > limit {
		f.skip = tooLarge(f.size, limit)
		return
	}
	data, err := f.read()
	filesRead.Add(1)
	if err != nil {
		f.skip = statReason(err)
		return
	}
	if store != nil && f.key != "" {
		f.hash, f.hashed = sha256.Sum256(data), true
		if e := store.lookup(f.key); e != nil && e.Hash == f.hash && e.Size == int64(len(data)) {
			e.Size, e.ModTime = f.size, f.mod
			f.cached = e
			return
		}
	}
	if int64(len(data)) > limit {
		f.skip = tooLarge(int64(len(data)), limit)
		return
	}
	if reason := sniffBinary(data); reason != "" {
		f.skip = reason
		return
	}
	arts, skipped, err := ParseFile(f.format, f.path, f.id, data)
	if err != nil {
		f.skip = err.Error()
		return
	}
	for i := range arts {
		arts[i].Meta = sanitizeMeta(arts[i].Meta)
		arts[i] = trimInput(arts[i]) // the rest of a huge file is not held
	}
	f.articles, f.skipped = arts, skipped
	if len(arts) == 0 && len(skipped) == 0 {
		f.skip = ReasonEmpty
	}
}

// filesRead counts the files read, for the tests of the cache.
var filesRead atomic.Int64

func tooLarge(size, limit int64) string {
	return fmt.Sprintf("too large (%s > %s limit)", humanSize(size), humanSize(limit))
}

func sanitizeMeta(m Meta) Meta {
	return Meta{Title: oneLine(m.Title), Date: oneLine(m.Date), Source: oneLine(m.Source), URL: oneLine(m.URL), Language: oneLine(m.Language)}
}

// sniffBinary says why data is not text, or returns "": empty (nothing but
// white space), binary (NUL bytes outside UTF-16, or many control bytes;
// with the type its first bytes show, when known).
func sniffBinary(data []byte) string {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))) == 0 {
		return ReasonEmpty
	}
	if len(data) >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)) {
		if len(data) == 2 || strings.TrimSpace(decodeUTF16Any(data)) == "" {
			return ReasonEmpty
		}
		return ""
	}
	if _, ok := sniffUTF16(data); ok {
		return ""
	}
	head := data[:min(len(data), 8192)]
	nul, ctrl := 0, 0
	for _, c := range head {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B:
			ctrl++
		}
	}
	kind := ""
	if ct := http.DetectContentType(head); !strings.HasPrefix(ct, "text/") && ct != "application/octet-stream" {
		if i := strings.IndexByte(ct, ';'); i > 0 {
			ct = ct[:i]
		}
		kind = ct
	}
	switch {
	case nul > 0 && kind != "":
		return "binary (" + kind + ")"
	case nul > 0:
		return "binary (NUL bytes)"
	case ctrl*10 > len(head):
		return "binary (control bytes)"
	}
	return ""
}

func decodeUTF16Any(b []byte) string {
	s, _, _ := decodeBytes(b)
	return s
}

// hasProse reports whether a cleaned text reads as prose: ten words or one
// sentence, and at least one paragraph that is a run of words rather than
// numbers, code or a list of names.
func hasProse(text string) bool {
	words := 0
	prose := false
	for _, sp := range model.ParagraphSpans(text) {
		p := text[sp.Start:sp.End]
		w, letters, other := 0, 0, 0
		inWord := false
		for _, r := range p {
			switch {
			case unicode.IsLetter(r):
				letters++
				if !inWord {
					w++
					inWord = true
				}
			case unicode.IsSpace(r):
				inWord = false
			default:
				other++
				if r != '\'' && r != '’' && r != '-' {
					inWord = false
				}
			}
		}
		words += w
		if w >= 6 && letters*10 >= (letters+other)*7 {
			prose = true
		}
	}
	// a single reported sentence is an article too: "Kremlin spokesman
	// Dmitry Peskov said talks were possible."
	return prose && (words >= 10 || endsSentence(strings.TrimSpace(text)))
}

// idSet holds the IDs taken, and for each ID asked for, the last suffix
// it was given: a JSONL file of 100,000 lines with one "id" then takes
// linear time, not quadratic.
type idSet struct {
	taken map[string]bool
	next  map[string]int
}

// uniqueID returns id, or id-2, id-3 … when taken, and takes it.
func uniqueID(ids *idSet, id string) string {
	if ids.taken == nil {
		ids.taken, ids.next = map[string]bool{}, map[string]int{}
	}
	if id == "" {
		id = "doc"
	}
	out := id
	// the suffixes below next[id] were all taken, and stay taken
	for n := max(2, ids.next[id]); ids.taken[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
		ids.next[id] = n + 1
	}
	ids.taken[out] = true
	return out
}

// pathLess orders paths, comparing a trailing ":<line>" by number, so
// file.jsonl:9 comes before file.jsonl:12.
func pathLess(a, b string) bool {
	ab, al := splitLine(a)
	bb, bl := splitLine(b)
	if ab != bb {
		return ab < bb
	}
	return al < bl
}

func splitLine(p string) (string, int) {
	i := strings.LastIndexByte(p, ':')
	if i < 0 {
		return p, 0
	}
	n, err := strconv.Atoi(p[i+1:])
	if err != nil {
		return p, 0
	}
	return p[:i], n
}

// docWarnings lists what is noteworthy about a loaded document, each line
// starting with its path: its own warnings, a legacy or lossy decode, and
// the mojibake it repaired.
func docWarnings(doc *model.Document) []string {
	var out []string
	prefix := doc.Path + ": "
	for _, w := range doc.Warnings {
		if strings.HasPrefix(w, doc.Path) {
			out = append(out, w)
		} else {
			out = append(out, prefix+w)
		}
	}
	return append(out, repairWarnings(doc)...)
}

// repairWarnings are the warnings about a document's repairs: bytes that
// were not UTF-8, mojibake runs repaired (one line a kind).
func repairWarnings(doc *model.Document) []string {
	var out []string
	prefix := doc.Path + ": "
	kinds := map[string]int{}
	var order []string
	for _, rp := range doc.Repairs {
		if strings.HasPrefix(rp.Kind, "decode:") {
			switch rp.Kind {
			case "decode:invalid-utf8":
				out = append(out, prefix+"invalid UTF-8 bytes replaced with U+FFFD: "+rp.Before)
			default:
				out = append(out, prefix+"not UTF-8; decoded as "+strings.TrimPrefix(rp.Kind, "decode:"))
			}
			continue
		}
		if kinds[rp.Kind] == 0 {
			order = append(order, rp.Kind)
		}
		kinds[rp.Kind]++
	}
	for _, k := range order {
		n := kinds[k]
		plural := "s"
		if n == 1 {
			plural = ""
		}
		out = append(out, fmt.Sprintf("%srepaired %d %s mojibake run%s", prefix, n, k, plural))
	}
	return out
}

// progress counts finished files and reports them one call at a time,
// until the load is cancelled.
type progress struct {
	ctx   context.Context
	mu    sync.Mutex
	fn    func(done, total int)
	done  int
	total int
}

func newProgress(ctx context.Context, fn func(done, total int), total int) *progress {
	return &progress{ctx: ctx, fn: fn, total: total}
}

func (p *progress) fileDone() {
	if p.fn == nil || p.ctx.Err() != nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.fn(p.done, p.total)
}

// parallel runs fn(0) … fn(n-1) on up to workers goroutines and stops
// handing out work when ctx is cancelled, returning ctx's error at once:
// a worker in the middle of an item finishes it alone (Process stops at
// its next check, limits.go), and the caller must not read what the
// items write.
func parallel(ctx context.Context, n, workers int, fn func(i int)) error {
	if n == 0 {
		return ctx.Err()
	}
	workers = max(1, min(workers, n))
	var next atomic.Int64
	var wg sync.WaitGroup
	// a panic in fn is raised again in the caller's goroutine, where the
	// reader's guard can recover it and give the terminal back; a panic in
	// a worker goroutine would end the program with the terminal raw
	var once sync.Once
	var panicked any
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { panicked = r })
					next.Store(int64(n)) // hand out no more work
				}
			}()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	finished := make(chan struct{})
	go func() {
		wg.Wait()
		close(finished)
	}()
	select {
	case <-finished:
	case <-ctx.Done():
		return ctx.Err()
	}
	if panicked != nil {
		panic(panicked)
	}
	return ctx.Err()
}

// realPath is p with symlinks resolved, made absolute; p itself when that
// fails.
func realPath(p string) string {
	resolved, err := filepath.EvalSymlinks(p)
	if err != nil {
		resolved = p
	}
	if abs, err := filepath.Abs(resolved); err == nil {
		resolved = abs
	}
	return resolved
}
