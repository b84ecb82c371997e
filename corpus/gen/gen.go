package gen

import (
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
)

const (
	// PerFolder is how many files go into one subfolder.
	PerFolder = 1000
	// BatchSize is how many articles a JSONL file holds.
	BatchSize = 100
	// JSONLShare is the share of articles, 1 in JSONLShare, that go into
	// JSONL files.
	JSONLShare = 100
)

// Bad and damaged file kinds.
const (
	BadEmpty      = "empty"             // no bytes at all
	BadWhitespace = "whitespace"        // nothing but white space
	BadBinary     = "binary"            // PNG bytes under a .txt name
	BadStub       = "stub"              // a download cut off after a few words
	DamagedFront  = "broken-front"      // .md whose front matter is broken; the body loads
	DamagedUTF8   = "truncated-utf8"    // cut in the middle of a UTF-8 sequence; loads
	DamagedLine   = "broken-jsonl-line" // a JSONL file with one broken line
)

// File is one generated file.
type File struct {
	Name   string // slash-separated path under the output folder: "0003/0003141-tass.txt"
	Data   []byte
	Format string // "txt", "md", "html" or "jsonl"
	// Articles is the number of good articles in the file; a loader should
	// load exactly these.
	Articles int
	// Bad is set for a file a loader must skip whole (BadEmpty …).
	Bad string
	// Damage is set for a file that loads with a warning or a skipped line
	// (DamagedFront, DamagedUTF8, DamagedLine).
	Damage string
	// BadLines is the number of JSONL lines a loader must skip.
	BadLines int
}

// Stats sums up generated files.
type Stats struct {
	Files    int
	Articles int   // good articles
	Bytes    int64 // total file bytes
	Bad      int   // files to be skipped whole
	Damaged  int   // files that load with a warning or a skipped line
	BadLines int   // JSONL lines to be skipped
	ByFormat map[string]int
}

// Skips is the number of entries a loader should list as skipped: the bad
// files and the broken JSONL lines.
func (s Stats) Skips() int { return s.Bad + s.BadLines }

// Add counts f.
func (s *Stats) Add(f File) {
	if s.ByFormat == nil {
		s.ByFormat = map[string]int{}
	}
	s.Files++
	s.Articles += f.Articles
	s.Bytes += int64(len(f.Data))
	s.BadLines += f.BadLines
	if f.Bad != "" {
		s.Bad++
	}
	if f.Damage != "" {
		s.Damaged++
	}
	s.ByFormat[f.Format]++
}

// String is the one-line summary.
func (s Stats) String() string {
	return fmt.Sprintf("%d files (%d txt, %d md, %d html, %d jsonl), %d articles, %s, %d bad files, %d damaged files, %d broken JSONL lines",
		s.Files, s.ByFormat["txt"], s.ByFormat["md"], s.ByFormat["html"], s.ByFormat["jsonl"],
		s.Articles, humanBytes(s.Bytes), s.Bad, s.Damaged, s.BadLines)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<30), 'f', 2, 64) + " GiB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// Corpus is n articles made from seed.
type Corpus struct {
	N    int
	Seed int64
}

// New returns the corpus of n articles for seed.
func New(n int, seed int64) Corpus { return Corpus{N: max(n, 0), Seed: seed} }

func (c Corpus) jsonlArticles() int { return c.N / JSONLShare }
func (c Corpus) singles() int       { return c.N - c.jsonlArticles() }
func (c Corpus) batches() int       { return (c.jsonlArticles() + BatchSize - 1) / BatchSize }

// NumFiles is the number of files in the corpus.
func (c Corpus) NumFiles() int { return c.singles() + c.batches() }

// Files yields the corpus's files in order.
func (c Corpus) Files() iter.Seq[File] {
	return func(yield func(File) bool) {
		for j := range c.NumFiles() {
			if !yield(c.File(j)) {
				return
			}
		}
	}
}

// Files yields the files of n articles made from seed.
func Files(n int, seed int64) iter.Seq[File] { return New(n, seed).Files() }

// folder is the subfolder of file j.
func folder(j int) string { return fmt.Sprintf("%04d", j/PerFolder) }

// File makes file j (0 ≤ j < NumFiles()).
func (c Corpus) File(j int) File {
	if j >= c.singles() {
		return c.batch(j - c.singles())
	}
	r := newRNG(c.Seed, 0xF11E, j)
	u := r.IntN(1000)
	limit := 5800
	switch {
	case u >= 120 && u < 180:
		limit -= 700 // HTML markup
	case u >= 20 && u < 120:
		limit -= 200 // front matter
	}
	a := c.article(j, r, limit)
	var f File
	switch {
	case u < 20:
		f = c.badFile(a, u)
	case u < 120:
		f = File{Format: "md", Data: a.renderMD(nil), Articles: 1}
	case u < 180:
		f = File{Format: "html", Data: a.renderHTML(nil), Articles: 1}
	default:
		f = File{Format: "txt", Data: a.renderTXT(nil), Articles: 1}
	}
	f.Name = folder(j) + "/" + fmt.Sprintf("%07d-%s.%s", j, styleSlug[a.style], f.Format)
	return f
}

// badFile makes one of the 2% of bad or damaged files (u < 20).
func (c Corpus) badFile(a *art, u int) File {
	r := a.r
	switch {
	case u < 5:
		return File{Format: "txt", Bad: BadEmpty, Data: []byte{}}
	case u < 9:
		ws := []byte(" \n\n\t  \r\n  \n")
		return File{Format: "txt", Bad: BadWhitespace, Data: ws[:1+r.IntN(len(ws)-1)]}
	case u < 14:
		return File{Format: "txt", Bad: BadBinary, Data: pngBytes(r)}
	case u < 16:
		return File{Format: "txt", Bad: BadStub, Data: stub(a.renderTXT(nil))}
	case u < 18:
		return File{Format: "md", Damage: DamagedFront, Articles: 1, Data: a.renderBrokenMD()}
	default:
		return File{Format: "txt", Damage: DamagedUTF8, Articles: 1, Data: truncateUTF8(a.renderTXT(nil), r)}
	}
}

func pngBytes(r *rng) []byte {
	b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x80\x00\x00\x01\xe0\x08\x06\x00\x00\x00")
	n := 200 + r.IntN(1800)
	for range n {
		b = append(b, byte(r.Uint32()))
	}
	return b
}

// stub keeps the first few words of a text: too little to be prose.
func stub(b []byte) []byte {
	words, end := 0, 0
	for i := 0; i < len(b) && i < 60; i++ {
		if b[i] == ' ' || b[i] == '\n' {
			words++
			if words >= 6 {
				break
			}
		}
		end = i + 1
	}
	b = b[:end]
	// cut inside the last multi-byte character, if there is one
	for i := len(b) - 1; i > 0; i-- {
		if b[i] >= 0xC0 {
			return b[:i+1]
		}
	}
	return b
}

// truncateUTF8 cuts the text in its second half, inside a multi-byte
// character.
func truncateUTF8(b []byte, r *rng) []byte {
	from := len(b)/2 + r.IntN(len(b)/4+1)
	for i := from; i < len(b); i++ {
		if b[i] >= 0xC0 {
			return b[:i+1]
		}
	}
	return append(b[:from], 0xE2, 0x80)
}

// batch makes JSONL file b.
func (c Corpus) batch(b int) File {
	j := c.singles() + b
	first := c.singles() + b*BatchSize
	last := min(first+BatchSize, c.N)
	r := newRNG(c.Seed, 0xBA7C, b)
	broken := -1
	if r.IntN(2) == 0 {
		broken = first + r.IntN(last-first)
	}
	f := File{Format: "jsonl", Name: folder(j) + "/" + fmt.Sprintf("%07d-batch.jsonl", j)}
	var buf []byte
	for i := first; i < last; i++ {
		a := c.article(i, newRNG(c.Seed, 0xA27, i), 5800)
		st := len(buf)
		buf = a.renderJSON(buf, i)
		if i == broken {
			cut := st + 10 + r.IntN((len(buf)-st)/2)
			buf = buf[:cut]
			f.BadLines++
			f.Damage = DamagedLine
		} else {
			f.Articles++
		}
		buf = append(buf, '\n')
	}
	f.Data = buf
	return f
}

// Generate writes a corpus of n articles made from seed into dir, in
// subfolders of PerFolder files, using all cores. It creates dir if needed
// and overwrites files of the same names.
func Generate(dir string, n int, seed int64) (Stats, error) {
	return New(n, seed).Write(dir, 0)
}

// Write writes the corpus into dir with the given number of workers (0:
// one per core).
func (c Corpus) Write(dir string, workers int) (Stats, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	total := c.NumFiles()
	for k := 0; k*PerFolder < total; k++ {
		if err := os.MkdirAll(filepath.Join(dir, folder(k*PerFolder)), 0o755); err != nil {
			return Stats{}, err
		}
	}
	var (
		mu    sync.Mutex
		stats Stats
		errs  []error
		wg    sync.WaitGroup
		next  = make(chan int, workers)
	)
	for range workers {
		wg.Go(func() {
			var local Stats
			for j := range next {
				f := c.File(j)
				if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data, 0o644); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					continue
				}
				local.Add(f)
			}
			mu.Lock()
			stats.merge(local)
			mu.Unlock()
		})
	}
	for j := range total {
		next <- j
	}
	close(next)
	wg.Wait()
	if len(errs) > 0 {
		return stats, errs[0]
	}
	if stats.ByFormat == nil {
		stats.ByFormat = map[string]int{}
	}
	return stats, nil
}

func (s *Stats) merge(o Stats) {
	if s.ByFormat == nil {
		s.ByFormat = map[string]int{}
	}
	s.Files += o.Files
	s.Articles += o.Articles
	s.Bytes += o.Bytes
	s.Bad += o.Bad
	s.Damaged += o.Damaged
	s.BadLines += o.BadLines
	for k, v := range o.ByFormat {
		s.ByFormat[k] += v
	}
}

// ErrNotEmpty is returned by CheckEmpty for a folder that has files.
var ErrNotEmpty = errors.New("folder is not empty")

// CheckEmpty reports ErrNotEmpty when dir exists and holds anything.
func CheckEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return ErrNotEmpty
	}
	return nil
}
