package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDeterministic(t *testing.T) {
	a, b, c := New(300, 1), New(300, 1), New(300, 2)
	same, diff := 0, 0
	for j := range a.NumFiles() {
		fa, fb, fc := a.File(j), b.File(j), c.File(j)
		if fa.Name != fb.Name || !bytes.Equal(fa.Data, fb.Data) {
			t.Fatalf("file %d differs between two runs with seed 1", j)
		}
		if bytes.Equal(fa.Data, fc.Data) {
			same++
		} else {
			diff++
		}
	}
	if same > 10 {
		t.Errorf("seeds 1 and 2 gave %d identical files of %d", same, same+diff)
	}
	// a file does not depend on the order files are made in
	if f := a.File(123); !bytes.Equal(f.Data, New(300, 1).File(123).Data) {
		t.Error("File(123) depends on what was made before it")
	}
}

func TestGenerateWritesSameBytes(t *testing.T) {
	d1, d2 := t.TempDir(), t.TempDir()
	s1, err := Generate(d1, 150, 7)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := New(150, 7).Write(d2, 1)
	if err != nil {
		t.Fatal(err)
	}
	if s1.String() != s2.String() {
		t.Fatalf("stats differ: %v vs %v", s1, s2)
	}
	for f := range Files(150, 7) {
		b1, err1 := os.ReadFile(filepath.Join(d1, f.Name))
		b2, err2 := os.ReadFile(filepath.Join(d2, f.Name))
		if err1 != nil || err2 != nil || !bytes.Equal(b1, f.Data) || !bytes.Equal(b2, f.Data) {
			t.Fatalf("%s: written bytes differ from File (%v, %v)", f.Name, err1, err2)
		}
	}
	if err := CheckEmpty(d1); err != ErrNotEmpty {
		t.Errorf("CheckEmpty on a written folder = %v", err)
	}
	if err := CheckEmpty(filepath.Join(d1, "nope")); err != nil {
		t.Errorf("CheckEmpty on a missing folder = %v", err)
	}
}

func TestMixAndSizes(t *testing.T) {
	const n = 5000
	c := New(n, 3)
	var st Stats
	perFolder := map[string]int{}
	for f := range c.Files() {
		st.Add(f)
		perFolder[filepath.Dir(f.Name)]++
		if f.Bad != "" {
			if f.Articles != 0 {
				t.Errorf("%s: bad file counts %d articles", f.Name, f.Articles)
			}
			continue
		}
		switch f.Format {
		case "jsonl":
			lines := bytes.Split(bytes.TrimSuffix(f.Data, []byte("\n")), []byte("\n"))
			if len(lines) != f.Articles+f.BadLines {
				t.Errorf("%s: %d lines, want %d", f.Name, len(lines), f.Articles+f.BadLines)
			}
		default:
			if f.Damage == "" && (len(f.Data) < 2048 || len(f.Data) > 6144) {
				t.Errorf("%s: %d bytes, want 2–6 KB", f.Name, len(f.Data))
			}
			if f.Damage == "" && !utf8.Valid(f.Data) {
				t.Errorf("%s: not valid UTF-8", f.Name)
			}
		}
	}
	for dir, k := range perFolder {
		if k > PerFolder {
			t.Errorf("%s holds %d files", dir, k)
		}
	}
	t.Logf("%v", st)
	share := func(k int) float64 { return float64(k) / float64(st.Files) }
	if s := share(st.ByFormat["txt"]); s < 0.70 || s > 0.90 {
		t.Errorf("txt share %.3f", s)
	}
	if s := share(st.ByFormat["md"]); s < 0.06 || s > 0.14 {
		t.Errorf("md share %.3f", s)
	}
	if s := share(st.ByFormat["html"]); s < 0.03 || s > 0.09 {
		t.Errorf("html share %.3f", s)
	}
	if want := (n/JSONLShare + BatchSize - 1) / BatchSize; st.ByFormat["jsonl"] != want {
		t.Errorf("%d jsonl files, want %d", st.ByFormat["jsonl"], want)
	}
	if s := share(st.Bad + st.Damaged); s < 0.01 || s > 0.03 {
		t.Errorf("bad+damaged share %.3f, want about 2%%", s)
	}
	if st.Articles+st.Bad+st.BadLines != n {
		t.Errorf("articles %d + bad %d + broken lines %d != %d", st.Articles, st.Bad, st.BadLines, n)
	}
}

// TestContent checks that the features the loader must cope with all occur.
func TestContent(t *testing.T) {
	var all bytes.Buffer
	for f := range Files(2000, 5) {
		all.Write(f.Data)
	}
	s := all.String()
	for _, want := range []string{
		". /TASS/. ", "(Reuters) - ", "(MENAFN)", "date 20", "INTERFAX - ", "Published on ",
		"Kremlin spokesman Dmitry Peskov", "Peskov", "the Russian leader", " he ", " she ",
		"instructed TASS", "burdened", "According to ", " said that ", "added that “",
		"You May Also Like", "Also Read:", "See also", "Source link", "Supply hyperlink", "Leave a Reply",
		"Discover more from", "Ðîññèÿ", "â€™", "President-elect Donald Trump", "Valdai forum in Sochi earlier this month",
		"“Moscow. Kremlin. Putin”", "\x89PNG", "<p>", "---\ntitle:", `{"id":`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("no generated file contains %q", want)
		}
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(s) {
		words[strings.Trim(w, ".,:;“”\"()")] = true
	}
	if len(words) < 2000 {
		t.Errorf("only %d distinct words", len(words))
	}
	t.Logf("%d distinct words in %d bytes", len(words), len(s))
}

func BenchmarkGenerate(b *testing.B) {
	c := New(100000, 1)
	var n int64
	j := 0
	for b.Loop() {
		f := c.File(j % c.NumFiles())
		n += int64(len(f.Data))
		j++
	}
	b.SetBytes(n / int64(max(j, 1)))
}
