package corpus_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/corpus"
	"github.com/quotetrail/quotetrail/corpus/gen"
)

// The hostile corpus: generated good articles among files built to break
// the loader or the terminal. Every good file must load, every bad one must
// be reported with its reason, and no text that reaches the reader may hold
// an escape sequence, a control character (but \n and \t), a bidi control
// or a zero-width character.
//
// The suite runs a small one; the size, 10,000 files of which 5%
// are bad, runs with
//
//	QT_HOSTILE_FILES=10000 go test -run TestHostileCorpus -v ./corpus

// hostileLimit is the file-size limit of the test load: the too-large
// file is one byte over it, the 2 MB line well under it.
const hostileLimit = 3 << 20

// A hostile kind: how to write one, and what the loader must make of it.
type hostileKind struct {
	name  string
	ext   string
	data  func(i int) []byte // nil: made by make
	make  func(t *testing.T, dir, path string) bool
	skip  string // the skip reason must contain this; "" when the file loads
	lines int    // JSONL lines skipped
	warn  string // a load warning naming the file must contain this
	docs  int    // documents it yields
	rare  bool   // big: at most one in a corpus
}

const escArticle = "\x1b]0;pwned title\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b[H\x1b[31;1mKremlin says\x1b[0m talks possible\n\n" +
	"MOSCOW, March 3. /TASS/. \x1b[?1049h\x1b[?25l\x1b[1000;1006hRussia is open to talks with Washington, \x1b]8;;https://evil.example\x07Kremlin\x1b]8;;\x07 spokesman Dmitry Peskov said on Monday.\n\n" +
	"\u201cWe are ready for dialogue,\x1b[5A\x1b[K\u201d Peskov told reporters. \x9b31m\x1bP+q544e\x1b\\\x1b_apc\x1b\\\x1b^pm\x1b\\\x1bX sos\x1b\\\x1bc\n\n" +
	"He added that \x1b]52;p;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x1b\\any contacts would depend on the United States.\u0007\u0008\u007f\n"

const rtlArticle = "Peskov on talks\u200b\u2060\ufeff\n\nMOSCOW, March 4. /TASS/. \u202eRussia is open to dialogue,\u202c Kremlin spokesman Dmitry Peskov said on Tuesday.\n\n" +
	"\u201cWe\u200b are\u2066 ready\u2069 to talk\u00ad,\u201d Peskov said, adding that the Arabic \u0627\u0644\u0633\u0644\u0627\u0645 and Hebrew \u05e9\u05dc\u05d5\u05dd greetings were welcome.\n\n" +
	"The spokesman said \u200e\u200fthat the dates\u2067 were\u2068 not yet set\u202a\u202b\u202d.\n"

func hostileKinds() []hostileKind {
	good := func(i int) []byte {
		return fmt.Appendf(nil, "MOSCOW, May %d. /TASS/. Russia is open to dialogue with the United States, Kremlin spokesman Dmitry Peskov said on Monday.\n\n"+
			"\u201cWe are ready for talks,\u201d Peskov told reporters in article number %d.\n", 1+i%28, i)
	}
	return []hostileKind{
		{name: "empty", ext: "txt", data: func(int) []byte { return nil }, skip: "empty"},
		{name: "whitespace", ext: "txt", data: func(int) []byte { return []byte(" \n\t\r\n ") }, skip: "empty"},
		{name: "binary", ext: "txt", data: func(i int) []byte {
			return append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 200+i%50)...)
		}, skip: "binary"},
		{name: "elf", ext: "md", data: func(int) []byte { return append([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 300)...) }, skip: "binary"},
		{name: "truncated-utf8", ext: "txt", data: func(i int) []byte { return append(good(i), "Then: \u201cend"[:8]...) }, docs: 1, warn: "invalid UTF-8"},
		{name: "latin1", ext: "txt", data: func(i int) []byte {
			return append(good(i), []byte("Caf\xe9 \x93quoted,\x94 he said.\n")...)
		}, docs: 1, warn: "UTF-8"},
		{name: "too-large", ext: "txt", rare: true, make: func(t *testing.T, _, p string) bool {
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := f.Truncate(hostileLimit + 1); err != nil { // sparse: no 3 MB written
				t.Fatal(err)
			}
			return true
		}, skip: "too large"},
		{name: "no-read-permission", ext: "txt", make: func(t *testing.T, _, p string) bool {
			if err := os.WriteFile(p, good(0), 0o000); err != nil {
				t.Fatal(err)
			}
			if _, err := os.ReadFile(p); err == nil { // root reads anything
				os.Remove(p)
				return false
			}
			return true
		}, skip: "permission denied"},
		{name: "symlink-self", ext: "txt", make: func(_ *testing.T, _, p string) bool {
			return os.Symlink(filepath.Base(p), p) == nil
		}, skip: "symbolic links"},
		{name: "symlink-up", ext: "", make: func(_ *testing.T, _, p string) bool {
			return os.Symlink("..", p) == nil // a folder that contains itself
		}, skip: corpus.ReasonSymlinkLoop},
		{name: "broken-symlink", ext: "txt", make: func(_ *testing.T, _, p string) bool {
			return os.Symlink("nowhere.txt", p) == nil
		}, skip: "broken symlink"},
		{name: "broken-front-matter", ext: "md", data: func(i int) []byte {
			return append([]byte("---\ntitle: [unclosed\ndate: : :\n---\n"), good(i)...)
		}, docs: 1, warn: "front matter"},
		{name: "unclosed-front-matter", ext: "md", data: func(i int) []byte {
			return append([]byte("---\ntitle: never closed\n"), good(i)...)
		}, docs: 1, warn: "no closing ---"},
		{name: "jsonl-broken-lines", ext: "jsonl", data: func(i int) []byte {
			ok := fmt.Sprintf(`{"id": "j%d", "title": "\\u001b]0;t\\u0007Peskov", "text": %q}`, i, good(i))
			return []byte(ok + "\n{\"text\": \"cut off\n[1,2]\n{\"title\": \"no text\"}\n{\"text\": 7}\n\n" + strings.Replace(ok, "j", "k", 1) + "\n")
		}, lines: 4, docs: 2},
		{name: "escapes", ext: "txt", data: func(int) []byte { return []byte(escArticle) }, docs: 1},
		{name: "escapes-md", ext: "md", data: func(int) []byte {
			return []byte("---\ntitle: \"\\e]0;pwned\\a\\e[31mRed\"\nsource: \"\\e]52;c;ZXZpbA==\\a\"\n---\n" + escArticle)
		}, docs: 1},
		{name: "escapes-html", ext: "html", data: func(int) []byte {
			return []byte("<html><head><title>\x1b]0;pwned\x07T</title></head><body><article><p>" +
				strings.ReplaceAll(escArticle, "\n\n", "</p><p>") + "</p></article></body></html>")
		}, docs: 1},
		{name: "escape-in-name\x1b]0;pwned\x07\x1b[31m\u202e\x9b", ext: "txt", data: good, docs: 1, warn: ""},
		{name: "empty-escape-in-name\x1b]52;c;ZXZpbA==\x07\n", ext: "txt", data: func(int) []byte { return nil }, skip: "empty"},
		{name: "rtl-zero-width", ext: "txt", data: func(int) []byte { return []byte(rtlArticle) }, docs: 1},
		{name: "long-line", ext: "txt", rare: true, data: func(i int) []byte {
			s := strings.TrimSuffix(string(good(i)), "\n")
			s = strings.ReplaceAll(s, "\n", " ")
			return []byte(strings.Repeat(s+" ", (2<<20)/(len(s)+1)+1) + "\n")
		}, docs: 1},
	}
}

// hostileExpect is what the load must report.
type hostileExpect struct {
	skips map[string]string // path → reason substring
	warns map[string]string // path → warning substring
	lines int
	docs  int
	bad   int // hostile files written
	good  int
}

func writeHostile(t *testing.T, dir string, files, badPct int) hostileExpect {
	t.Helper()
	nBad := files * badPct / 100
	exp := hostileExpect{skips: map[string]string{}, warns: map[string]string{}}
	// good files: generated articles (the generator's own bad files left out)
	goodDir := filepath.Join(dir, "good")
	for f := range gen.Files(2*files, 1) {
		if exp.good == files-nBad {
			break
		}
		if f.Bad != "" || f.Damage != "" {
			continue
		}
		p := filepath.Join(goodDir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		exp.good++
		exp.docs += f.Articles
	}
	kinds := hostileKinds()
	rare := map[string]int{}
	for i := 0; exp.bad < nBad; i++ {
		k := kinds[i%len(kinds)]
		if k.rare && rare[k.name] >= 1 {
			continue
		}
		sub := filepath.Join(dir, "bad", fmt.Sprintf("%03d", i/200))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("%05d-%s", i, k.name)
		if k.ext != "" {
			name += "." + k.ext
		}
		p := filepath.Join(sub, name)
		if k.make != nil {
			if !k.make(t, sub, p) {
				t.Logf("%s: cannot be made here, left out", k.name)
				kinds = append(kinds[:i%len(kinds)], kinds[i%len(kinds)+1:]...)
				i--
				continue
			}
		} else if err := os.WriteFile(p, k.data(i), 0o644); err != nil {
			t.Fatal(err)
		}
		rare[k.name]++
		exp.bad++
		exp.docs += k.docs
		exp.lines += k.lines
		if k.skip != "" {
			exp.skips[corpus.ShowPath(p)] = k.skip
		}
		if k.warn != "" {
			exp.warns[corpus.ShowPath(p)] = k.warn
		}
	}
	return exp
}

func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile corpus skipped with -short")
	}
	files, badPct := 240, 25
	if s := os.Getenv("QT_HOSTILE_FILES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("QT_HOSTILE_FILES=%q", s)
		}
		files, badPct = n, 5
	}
	dir := t.TempDir()
	start := time.Now()
	exp := writeHostile(t, dir, files, badPct)
	t.Cleanup(func() { // let TempDir remove what the test made unreadable
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				os.Chmod(p, 0o644)
			}
			return nil
		})
	})
	wrote := time.Since(start)

	reg, err := corpus.DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	res, err := reg.Load(context.Background(), []string{dir}, corpus.Options{MaxFileSize: hostileLimit})
	if err != nil {
		t.Fatal(err)
	}
	loaded := time.Since(start)
	start = time.Now()
	c := reg.Build("hostile", res)
	built := time.Since(start)

	// every bad file reported once, with its reason; JSONL lines by number
	lines := 0
	seen := map[string]bool{}
	for _, s := range res.Skipped {
		want, ok := exp.skips[s.Path]
		switch {
		case ok:
			if !strings.Contains(s.Reason, want) {
				t.Errorf("%s skipped as %q, want %q", s.Path, s.Reason, want)
			}
			if seen[s.Path] {
				t.Errorf("%s reported twice", s.Path)
			}
			seen[s.Path] = true
		case strings.Contains(filepath.Base(s.Path), "jsonl-broken-lines.jsonl:"):
			lines++
		default:
			t.Errorf("skipped what should load: %s: %s", s.Path, s.Reason)
		}
		checkClean(t, "skip reason", s.Reason)
		checkClean(t, "skipped path", s.Path)
	}
	for p, want := range exp.skips {
		if !seen[p] {
			t.Errorf("%s was not reported (want %q)", p, want)
		}
	}
	if lines != exp.lines {
		t.Errorf("%d broken JSONL lines reported, want %d", lines, exp.lines)
	}
	if got, want := len(res.Skipped), len(exp.skips)+exp.lines; got != want {
		t.Errorf("%d skipped, want exactly %d", got, want)
	}
	for p, want := range exp.warns {
		found := false
		for _, w := range res.Warnings {
			found = found || strings.HasPrefix(w, p) && strings.Contains(w, want)
		}
		if !found {
			for _, w := range res.Warnings {
				if strings.HasPrefix(w, p) {
					t.Log(w)
				}
			}
			t.Errorf("no warning %q for %s", want, p)
		}
	}
	if len(res.Documents) != exp.docs {
		t.Errorf("%d documents loaded, want %d (every good article and every damaged one)", len(res.Documents), exp.docs)
	}

	// nothing reaches the terminal as a control
	for _, d := range res.Documents {
		for what, s := range map[string]string{"title": d.Title, "text": d.Text, "source": d.Source, "url": d.URL,
			"place": d.Place, "language": d.Language, "id": d.ID, "path": d.Path, "date evidence": d.Date.Evidence} {
			checkClean(t, d.Path+" "+what, s)
		}
		for _, r := range d.Removed {
			checkClean(t, d.Path+" removed", r.Text)
		}
		for _, cp := range d.Captions {
			checkClean(t, d.Path+" caption", cp)
		}
		for _, w := range d.Warnings {
			checkClean(t, d.Path+" warning", w)
		}
		if strings.Contains(d.Text, "ZXZpbA") || strings.Contains(d.Title, "pwned") || strings.Contains(d.Text, "evil.example") {
			t.Errorf("%s: an escape sequence's payload is in the text: %q / %q", d.Path, d.Title, d.Text)
		}
	}
	for _, s := range c.Statements {
		for what, v := range map[string]string{"text": s.Text, "speaker": s.Speaker, "mention": s.Mention} {
			checkClean(t, s.ID+" "+what, v)
		}
	}
	for _, w := range res.Warnings {
		checkClean(t, "warning", w)
	}
	// the articles built to attack still say what they said
	found := map[string]bool{}
	for _, s := range c.Statements {
		if strings.Contains(s.Text, "We are ready for dialogue") {
			found["escapes"] = true
		}
		if strings.Contains(s.Text, "We are ready to talk") {
			found["rtl"] = true
		}
	}
	if !found["escapes"] || !found["rtl"] {
		t.Errorf("the quotes of the escape and RTL articles were lost: %v", found)
	}
	t.Logf("%d files (%d good, %d hostile) written in %v; loaded in %v, built in %v: %d documents, %d statements, %d skipped (%d files, %d JSONL lines), %d warnings",
		exp.good+exp.bad, exp.good, exp.bad, wrote.Round(time.Millisecond), loaded.Round(time.Millisecond), built.Round(time.Millisecond),
		len(res.Documents), len(c.Statements), len(res.Skipped), len(exp.skips), exp.lines, len(res.Warnings))
}

// checkClean fails when s is not valid UTF-8 or holds ESC, another C0 or
// C1 control (but \n and \t), DEL, a bidi control or a zero-width
// character.
func checkClean(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8: %q", what, s)
		return
	}
	for _, r := range s {
		if r == '\n' || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
			r == 0x200b || r == 0x2060 || r == 0xfeff || r == 0x00ad || r == 0x2028 || r == 0x2029 {
			t.Errorf("%s: %U in %q", what, r, s)
			return
		}
	}
}
