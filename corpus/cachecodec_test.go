package corpus

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"hash/crc32"
	"math"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/corpus/gen"
	"github.com/quotetrail/quotetrail/model"
)

// loadedEntries loads n generated articles with a cache and returns the
// entries the load made for it (as fresh from the pipeline, not read back
// from the cache), all in one map.
func loadedEntries(tb testing.TB, n int) map[string]*cacheEntry {
	tb.Helper()
	r := testRegistry(tb)
	dir := tb.TempDir()
	if _, err := gen.Generate(dir, n, 1); err != nil {
		tb.Fatal(err)
	}
	opt := Options{Workers: 2}
	w := walker{seen: map[string]bool{}, limit: limitOf(opt)}
	w.walkRoot(dir)
	store := openStore(filepath.Join(tb.TempDir(), "store"), 2)
	if _, err := r.run(context.Background(), w.files, opt, store); err != nil {
		tb.Fatal(err)
	}
	if len(store.warn) > 0 {
		tb.Fatal(store.warn)
	}
	all := map[string]*cacheEntry{}
	for _, m := range store.shards {
		for k, e := range m {
			all[k] = e
		}
	}
	if len(all) == 0 {
		tb.Fatal("nothing cached")
	}
	return all
}

// nilEmpty sets the empty slices reachable from v to nil, as decoding
// gives them.
func nilEmpty(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			nilEmpty(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				nilEmpty(v.Field(i))
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			if !v.IsNil() && v.CanSet() {
				v.SetZero()
			}
			return
		}
		for i := range v.Len() {
			nilEmpty(v.Index(i))
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			nilEmpty(it.Value())
		}
	}
}

func roundTrip(t *testing.T, want map[string]*cacheEntry) {
	t.Helper()
	data := encodeShard(want)
	got, err := decodeShard(data)
	if err != nil {
		t.Fatalf("decoding what was encoded: %v", err)
	}
	for k, e := range want {
		if e == nil {
			delete(want, k)
		}
	}
	nilEmpty(reflect.ValueOf(want))
	if !reflect.DeepEqual(got, want) {
		for k, w := range want {
			if g := got[k]; !reflect.DeepEqual(g, w) {
				t.Fatalf("entry %q differs after a round trip:\n got %s\nwant %s", k, describe(g), describe(w))
			}
		}
		t.Fatalf("the entries differ after a round trip: %d, want %d", len(got), len(want))
	}
	if again := encodeShard(got); !bytes.Equal(again, data) {
		t.Errorf("encoding the decoded entries gives other bytes")
	}
}

// describe shows an entry, statements and speakers included.
func describe(e *cacheEntry) string {
	if e == nil {
		return "<nil>"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%+v", *e)
	for _, a := range e.Arts {
		fmt.Fprintf(&b, "\n  doc %+v", a.Out.Doc)
		for _, s := range a.Out.Statements {
			fmt.Fprintf(&b, "\n  statement %+v", s)
		}
		for _, s := range a.Out.Speakers {
			fmt.Fprintf(&b, "\n  speaker %+v", s)
		}
	}
	return b.String()
}

func TestCacheCodecRoundTrip(t *testing.T) {
	roundTrip(t, loadedEntries(t, 40))
	roundTrip(t, map[string]*cacheEntry{})
	roundTrip(t, map[string]*cacheEntry{"gone": nil, "zero": {}, "empty": {Skipped: []model.Skipped{}, Arts: []cachedArticle{}}})

	msk := time.FixedZone("MSK", 3*3600)
	doc := &model.Document{
		ID: "a", Path: "/x/a.txt", Text: "Title\n\n“Quote,” Peskov said on Monday.",
		TitleSpan: model.Span{Start: 0, End: 5}, Title: "Title", Source: "TASS", URL: "https://x/a",
		Language: "en", Place: "MOSCOW", Encoding: "windows-1251",
		Date:       model.RangeDate(model.Day(2022, 2, 24), model.Day(2024, 11, 21), "between", "bounds:event", model.Span{Start: -1, End: math.MaxInt}),
		Captions:   []string{"Photo: x", ""},
		Removed:    []model.Removal{{Reason: "related links", Rule: "Read also", Text: "Read also: y"}, {}},
		Repairs:    []model.Repair{{Kind: "utf8-as-cp1252", Before: "â€™", After: "’", Offset: 3}, {Offset: math.MinInt}},
		Warnings:   []string{"no date", "no date"},
		Transcript: model.Transcript{Turns: 7, Questions: 3},
	}
	doc.Date.Clues = []model.DateClue{
		{Rule: "event", Evidence: "special military operation", Span: model.Span{Start: 1, End: 4}, Windows: []model.DateWindow{{From: model.Day(2022, 2, 24)}}, Use: model.ClueUsed},
		{Rule: "office", Windows: []model.DateWindow{{From: model.Day(2017, 1, 20), To: model.Day(2021, 1, 19)}, {To: model.Day(2029, 1, 19)}}, Use: model.ClueConflict},
		{Rule: "weekday"},
	}
	full := &model.Statement{
		ID: "a#1", Doc: "a", Speaker: "Dmitry Peskov", Mention: "Peskov", Kind: model.Direct,
		Text: "Quote,", Span: model.Span{Start: 10, End: 18}, Context: model.Span{Start: 7, End: 40},
		Date: model.Date{Value: time.Unix(1700000000, 5).UTC(), Earliest: time.Unix(-1e12, 0).In(msk), Latest: time.Unix(86400*3, 0).In(time.FixedZone("", 0)), Precision: "odd", Evidence: "on Monday",
			Clues: []model.DateClue{{Rule: "relative:weekday", Evidence: "on Monday", Windows: []model.DateWindow{{From: model.Day(2024, 1, 1), To: model.Day(2024, 1, 1)}}, Use: model.ClueUsed}}},
		Topics:  []model.TopicMatch{{Topic: "talks", Words: []string{"talk", "dialogue"}}, {Topic: "none"}},
		Sources: []string{"a", "b"}, Rules: []string{"direct:said"},
	}
	full.Text = doc.Text[full.Span.Start:full.Span.End]
	answer := *full
	answer.QuestionDoc, answer.QuestionSpan = "a", model.Span{Start: 0, End: 5}
	answer.Question = doc.Text[:5]
	merged := *full
	merged.QuestionDoc, merged.QuestionSpan, merged.Question = "t", model.Span{Start: 3, End: 30}, "Will you meet him?"
	roundTrip(t, map[string]*cacheEntry{
		"/x/a.txt": {
			Size: math.MaxInt64, ModTime: math.MinInt64, Hash: [32]byte{1, 2, 31: 255}, Skip: "",
			Skipped: []model.Skipped{{Path: "/x/a.txt:3", Reason: "bad JSON"}, {}},
			Arts: []cachedArticle{
				{ID: "a", Out: Processed{
					Doc:        doc,
					Statements: []*model.Statement{full, {}, nil, {Text: "not in the text", Span: model.Span{Start: 2, End: 1}}, &answer, &merged, {ID: "a#5", Date: doc.Date}},
					Speakers:   []*model.Speaker{{Name: "Ivan Petrov", Role: "minister", Affiliation: model.Russia, Aliases: []string{"Petrov"}, Count: -3}, nil, {}},
				}},
				{ID: "b", Out: Processed{Statements: []*model.Statement{{Text: "no document", Span: model.Span{Start: 0, End: 11}}}}, Skip: "no prose"},
				{},
			},
		},
		"/x/b.txt": {Skip: "binary file"},
	})
}

func TestCacheCodecDamaged(t *testing.T) {
	data := encodeShard(loadedEntries(t, 2))
	if _, err := decodeShard(data); err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(data); n += 1 + n%7 {
		if _, err := decodeShard(data[:n]); err == nil {
			t.Fatalf("a shard cut to %d of %d bytes was read", n, len(data))
		}
	}
	for i := 0; i < len(data); i += 97 {
		bad := bytes.Clone(data)
		bad[i] ^= 0x10
		if _, err := decodeShard(bad); err == nil {
			t.Fatalf("a shard with byte %d changed was read", i)
		}
	}
	body := data[len(shardMagic)+1 : len(data)-4]
	if _, err := decodeShard(framed(body)); err != nil {
		t.Fatalf("the body framed again: %v", err)
	}
	if _, err := decodeShard(framedAs(cacheVersion-1, body)); err == nil || !strings.Contains(err.Error(), "version") {
		t.Fatalf("a shard of another version: error %v", err)
	}
	// the body cut anywhere, with a good frame around it
	for n := range len(body) {
		if _, err := decodeShard(framed(body[:n])); err == nil {
			t.Fatalf("a body cut to %d of %d bytes was read", n, len(body))
		}
	}
}

// TestCacheCodecBoundsAllocation feeds counts as large as the input
// allows, of items made of zeros (the smallest there are): decoding
// allocates no more than a small multiple of the input.
func TestCacheCodecBoundsAllocation(t *testing.T) {
	const size = 1 << 20
	for _, head := range [][]byte{
		binary.AppendUvarint(nil, size/minEntry),                                    // empty entries
		entryHead(binary.AppendUvarint(nil, size/minArticle)),                       // empty articles
		entryHead([]byte{1, 1, 0}, binary.AppendUvarint(nil, size/minStatement<<1)), // empty statements
		entryHead([]byte{1, 1, 0}, binary.AppendUvarint(nil, 1<<1), []byte{1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0}, binary.AppendUvarint(nil, size)), // topics
		binary.AppendUvarint(nil, 1<<40), // too many
	} {
		body := append(head, make([]byte, size)...)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		decodeShard(framed(body))
		runtime.ReadMemStats(&after)
		got := after.TotalAlloc - before.TotalAlloc
		if got > 32*size {
			t.Errorf("% x…: %d bytes allocated for %d of input", head, got, len(body))
		}
		t.Logf("%d bytes allocated for %d of input", got, len(body))
	}
}

// entryHead is the start of a body with one entry, followed by parts.
func entryHead(parts ...[]byte) []byte {
	b := []byte{1, 1, 'k', 0, 0}
	b = append(b, make([]byte, 32)...)
	b = append(b, 1, 0) // skip: the sym "", no skipped lines
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// framed puts a shard's header and checksum around body.
func framed(body []byte) []byte { return framedAs(cacheVersion, body) }

func framedAs(version uint64, body []byte) []byte {
	b := binary.AppendUvarint([]byte(shardMagic), version)
	b = append(b, body...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, crcTable))
}

// randomEntries makes entries from the bytes of a fuzzer: every field of
// every type, with the values that are hard to encode.
func randomEntries(data []byte) map[string]*cacheEntry {
	g := &fuzzGen{b: data}
	m := map[string]*cacheEntry{}
	for range g.n(3) {
		if g.n(8) == 0 {
			m[g.str()] = nil
			continue
		}
		e := &cacheEntry{Size: g.i64(), ModTime: g.i64(), Skip: g.str()}
		for i := range e.Hash {
			e.Hash[i] = byte(g.n(255))
		}
		for range g.n(2) {
			e.Skipped = append(e.Skipped, model.Skipped{Path: g.str(), Reason: g.str()})
		}
		for range g.n(3) {
			e.Arts = append(e.Arts, cachedArticle{ID: g.str(), Out: g.processed(), Skip: g.str()})
		}
		m[g.str()] = e
	}
	return m
}

type fuzzGen struct{ b []byte }

// n returns a number in [0, hi].
func (g *fuzzGen) n(hi int) int {
	if len(g.b) == 0 {
		return 0
	}
	c := g.b[0]
	g.b = g.b[1:]
	return int(c) % (hi + 1)
}

func (g *fuzzGen) i64() int64 {
	switch g.n(7) {
	case 0:
		return 0
	case 1:
		return math.MaxInt64
	case 2:
		return math.MinInt64
	case 3:
		return -int64(g.n(255))
	}
	var v uint64
	for range 8 {
		v = v<<8 | uint64(g.n(255))
	}
	return int64(v)
}

func (g *fuzzGen) int() int { return int(g.i64()) }

var fuzzWords = []string{"", "a", "Dmitry Peskov", "said", "direct", "“Quote,” he said.", "\x00\xff\xfe", "é"}

func (g *fuzzGen) str() string {
	if k := g.n(len(fuzzWords)); k < len(fuzzWords) {
		return fuzzWords[k]
	}
	n := min(g.n(40), len(g.b))
	s := string(g.b[:n])
	g.b = g.b[n:]
	return s
}

func (g *fuzzGen) strs() []string {
	var l []string
	for range g.n(3) {
		l = append(l, g.str())
	}
	return l
}

func (g *fuzzGen) span(text string) model.Span {
	if g.n(1) == 0 && len(text) > 0 {
		a, b := g.n(255)%(len(text)+1), g.n(255)%(len(text)+1)
		return model.Span{Start: min(a, b), End: max(a, b)}
	}
	return model.Span{Start: g.int(), End: g.int()}
}

// in returns text at sp or, sometimes, another string.
func (g *fuzzGen) in(text string, sp model.Span) string {
	if g.n(2) > 0 && sp.In(len(text)) {
		return text[sp.Start:sp.End]
	}
	return g.str()
}

func (g *fuzzGen) time() time.Time {
	switch g.n(6) {
	case 0:
		return time.Time{}
	case 1:
		return model.Day(1900+g.n(255), time.Month(1+g.n(11)), 1+g.n(30))
	case 2:
		return time.Unix(g.i64(), int64(g.n(255))*3_900_000).UTC()
	case 3:
		return time.Unix(g.i64(), 0).UTC()
	case 4:
		return time.Unix(g.i64(), int64(g.n(255))).In(time.FixedZone(g.str(), g.n(255)*60-7200))
	case 5:
		return time.Unix(int64(g.n(255))*86400, 0).In(time.FixedZone("", 0))
	}
	return time.Unix(int64(g.int()%(1<<40)), 0).UTC()
}

func (g *fuzzGen) date(text string) model.Date {
	d := model.Date{Value: g.time(), Earliest: g.time(), Latest: g.time(), Precision: model.Precision(g.str()), Rule: g.str()}
	d.EvidenceSpan = g.span(text)
	d.Evidence = g.in(text, d.EvidenceSpan)
	for range g.n(3) {
		c := model.DateClue{Rule: g.str(), Evidence: g.str(), Span: g.span(text), Use: model.ClueUse(g.str())}
		for range g.n(3) {
			c.Windows = append(c.Windows, model.DateWindow{From: g.time(), To: g.time()})
		}
		d.Clues = append(d.Clues, c)
	}
	return d
}

func (g *fuzzGen) processed() Processed {
	var p Processed
	text := ""
	if g.n(4) > 0 {
		d := &model.Document{ID: g.str(), Path: g.str(), Text: g.str() + g.str() + g.str(), Source: g.str(), URL: g.str(),
			Language: g.str(), Place: g.str(), Encoding: g.str(), Captions: g.strs(), Warnings: g.strs(),
			Transcript: model.Transcript{Turns: g.n(40), Questions: g.n(20)}}
		text = d.Text
		d.TitleSpan = g.span(text)
		d.Title = g.in(text, d.TitleSpan)
		d.Date = g.date(text)
		for range g.n(2) {
			d.Removed = append(d.Removed, model.Removal{Reason: g.str(), Rule: g.str(), Text: g.str()})
		}
		for range g.n(2) {
			d.Repairs = append(d.Repairs, model.Repair{Kind: g.str(), Before: g.str(), After: g.str(), Offset: g.int()})
		}
		p.Doc = d
	}
	for range g.n(4) {
		if g.n(6) == 0 {
			p.Statements = append(p.Statements, nil)
			continue
		}
		s := &model.Statement{ID: g.str(), Doc: g.str(), Speaker: g.str(), Mention: g.str(), Kind: model.Kind(g.str()),
			Span: g.span(text), Context: g.span(text), Sources: g.strs(), Rules: g.strs()}
		s.Text = g.in(text, s.Span)
		s.Date = g.date(text)
		if g.n(3) == 0 {
			s.QuestionDoc = pick3(g.n(2) == 0, s.Doc, g.str())
			qtext := ""
			if s.QuestionDoc == s.Doc {
				qtext = text
			}
			s.QuestionSpan = g.span(qtext)
			s.Question = g.in(qtext, s.QuestionSpan)
		}
		for range g.n(2) {
			s.Topics = append(s.Topics, model.TopicMatch{Topic: g.str(), Words: g.strs()})
		}
		p.Statements = append(p.Statements, s)
	}
	for range g.n(2) {
		if g.n(6) == 0 {
			p.Speakers = append(p.Speakers, nil)
			continue
		}
		p.Speakers = append(p.Speakers, &model.Speaker{Name: g.str(), Role: g.str(), Affiliation: model.Affiliation(g.str()), Aliases: g.strs(), Count: g.int()})
	}
	return p
}

// FuzzCacheCodec checks that entries made from the input come back the
// same, and that the input read as a shard (as it is, and as the body of
// a well-framed one) is an error or entries that come back the same —
// never a panic.
func FuzzCacheCodec(f *testing.F) {
	for _, s := range []string{
		"",
		"\x03\x01\x05ID\x02\x01",
		strings.Repeat("\x07\x01\xff\x80", 40),
		strings.Repeat("\x02\x05\x03\x01", 200),
		"\x01\x01k\x00\x00" + strings.Repeat("\x00", 32) + "\x01\x00\x01\x03\x01\x02\x01\x00\x01",
	} {
		f.Add([]byte(s))
	}
	small := encodeShard(randomEntries(bytes.Repeat([]byte{3, 250, 7, 1, 64, 9}, 100)))
	f.Add(small)
	f.Add(small[len(shardMagic)+1 : len(small)-4])
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip(t, randomEntries(data))
		for _, in := range [][]byte{data, framed(data)} {
			m, err := decodeShard(in)
			if err != nil {
				continue
			}
			roundTrip(t, m)
		}
	})
}

// BenchmarkCacheCodec encodes and decodes a shard of the entries of 300
// generated articles, beside encoding/gob. MB/s is of each format's own
// bytes (the sizes are reported as shard-bytes).
func BenchmarkCacheCodec(b *testing.B) {
	entries := loadedEntries(b, 300)
	type gobShard struct {
		Version int
		Entries map[string]*cacheEntry
	}
	var gobData bytes.Buffer
	if err := gob.NewEncoder(&gobData).Encode(gobShard{cacheVersion, entries}); err != nil {
		b.Fatal(err)
	}
	data := encodeShard(entries)

	b.Run("codec/encode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			encodeShard(entries)
		}
		b.ReportMetric(float64(len(data)), "shard-bytes")
	})
	b.Run("codec/decode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeShard(data); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(data)), "shard-bytes")
	})
	b.Run("gob/encode", func(b *testing.B) {
		b.SetBytes(int64(gobData.Len()))
		b.ReportAllocs()
		for b.Loop() {
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(gobShard{cacheVersion, entries}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(gobData.Len()), "shard-bytes")
	})
	b.Run("gob/decode", func(b *testing.B) {
		b.SetBytes(int64(gobData.Len()))
		b.ReportAllocs()
		for b.Loop() {
			var sh gobShard
			if err := gob.NewDecoder(bytes.NewReader(gobData.Bytes())).Decode(&sh); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(gobData.Len()), "shard-bytes")
	})
}

func pick3(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}
