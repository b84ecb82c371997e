package corpus

// cachecodec.go writes and reads the shard files of the cache (cache.go).
// encoding/gob spent most of a warm open in reflection; this format is
// written by hand for the few types a shard holds and read back with
// little allocation:
//
//	shard    = magic version:uvarint count:uvarint (key:str entry){count} crc
//	entry    = size:varint modtime:varint hash:[32]byte skip:sym
//	           skipped:list(path:str reason:sym) arts:list(article)
//	article  = id:sym processed skip:sym
//	processed= hasdoc:byte [document] statements:ptrs(statement) speakers:ptrs(speaker)
//	document = id:sym path:sym text:str titlespan:span title:in(titlespan)
//	           source:sym url:str language:sym place:sym encoding:sym date
//	           captions:list(str) removed:list(reason:sym rule:sym text:str)
//	           repairs:list(kind:sym before:sym after:sym offset:varint)
//	           warnings:list(sym) turns:uvarint questions:uvarint
//	statement= id:str doc:sym speaker:sym mention:sym kind:sym span text:in(span)
//	           context:span date topics:list(topic:sym words:list(sym))
//	           sources:list(sym) rules:list(sym)
//	           questiondoc:sym questionspan:span
//	           question:in(questionspan of questiondoc's text, when it is doc's)
//	speaker  = name:sym role:sym affiliation:sym aliases:list(sym) count:varint
//	date     = value:time earliest:time latest:time precision:sym evidence:sym
//	           evidencespan:span rule:sym clues
//	clues    = 0 (none) | 1 (a statement's: its document's clues)
//	         | n+2:uvarint clue{n}
//	clue     = rule:sym evidence:sym span windows:list(from:time to:time) use:sym
//	span     = start:varint (end-start):varint
//	time     = 0 (the zero time) | 1 days:varint (UTC midnight)
//	         | 2 unix:varint nanos:uvarint (UTC)
//	         | 3 unix:varint nanos:uvarint offset:varint zone:str
//	           (another zone, read back as a fixed one; the loader makes none)
//	list(x)  = n:uvarint x{n}              (n = 0 decodes as nil)
//	ptrs(x)  = n<<1|hasnil:uvarint ([present:byte] x){n}
//	str      = len:uvarint bytes
//	sym      = i<<1|1:uvarint (the i-th sym of the shard, the first is "")
//	         | len<<1:uvarint bytes (a new sym)
//	in(span) = 0:uvarint (the document's text at span) | len+1:uvarint bytes
//	crc      = CRC-32C of everything before it, 4 bytes little-endian
//
// The strings that repeat (names, rules, kinds, document IDs as statements
// refer to them) are written once per shard; a statement's text, which is
// a slice of its document's, is not written at all.
//
// A shard is read as one string: every string decoded is a slice of it,
// so decoding allocates for the structures only, and those in blocks
// (statements, documents and short slices are carved from shared arrays).
// The file's bytes stay in memory while anything decoded from it is used;
// most of them are the documents' texts, which are kept anyway.
// Every length and count is checked against the bytes left, so damaged or
// truncated input is an error, never a panic or a huge allocation.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"time"
	"unsafe"

	"github.com/quotetrail/quotetrail/model"
)

// shardMagic opens every shard file; the format version (cacheVersion)
// follows it.
const shardMagic = "qtcache\x00"

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// encodeShard returns the shard file for entries, keys in sorted order.
// Nil entries are left out.
func encodeShard(entries map[string]*cacheEntry) []byte {
	keys := make([]string, 0, len(entries))
	size := 64
	for k, e := range entries {
		if e == nil {
			continue
		}
		keys = append(keys, k)
		size += len(k) + 64 // a guess, to grow the buffer seldom
		for _, a := range e.Arts {
			if a.Out.Doc != nil {
				size += len(a.Out.Doc.Text) + 512
			}
			size += 128 * len(a.Out.Statements)
		}
	}
	slices.Sort(keys)
	e := encoder{b: make([]byte, 0, size), syms: map[string]uint64{"": 0}, next: 1}
	e.b = append(e.b, shardMagic...)
	e.uvarint(cacheVersion)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.entry(entries[k])
	}
	return binary.LittleEndian.AppendUint32(e.b, crc32.Checksum(e.b, crcTable))
}

// decodeShard reads a shard file. data must not change afterwards: the
// strings of the entries are slices of it.
func decodeShard(data []byte) (map[string]*cacheEntry, error) {
	n := len(data) - 4
	if n < len(shardMagic) || string(data[:len(shardMagic)]) != shardMagic {
		return nil, errors.New("not a cache shard")
	}
	if crc32.Checksum(data[:n], crcTable) != binary.LittleEndian.Uint32(data[n:]) {
		return nil, errors.New("cache shard: checksum mismatch")
	}
	d := decoder{s: unsafe.String(unsafe.SliceData(data), n), i: len(shardMagic)}
	if v := d.uvarint(); d.err == nil && v != cacheVersion {
		return nil, fmt.Errorf("cache shard: version %d, want %d", v, cacheVersion)
	}
	m := d.shard()
	if d.err == nil && d.i != len(d.s) {
		d.fail()
	}
	if d.err != nil {
		return nil, d.err
	}
	return m, nil
}

type encoder struct {
	b    []byte
	syms map[string]uint64
	next uint64
}

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) int(v int)        { e.b = binary.AppendVarint(e.b, int64(v)) }

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) sym(s string) {
	if i, ok := e.syms[s]; ok {
		e.uvarint(i<<1 | 1)
		return
	}
	e.syms[s] = e.next
	e.next++
	e.uvarint(uint64(len(s)) << 1)
	e.b = append(e.b, s...)
}

// in writes s, a slice of text at sp, as a reference when it is one.
func (e *encoder) in(s, text string, sp model.Span) {
	if sp.In(len(text)) && text[sp.Start:sp.End] == s {
		e.uvarint(0)
		return
	}
	e.uvarint(uint64(len(s)) + 1)
	e.b = append(e.b, s...)
}

func (e *encoder) span(sp model.Span) {
	e.int(sp.Start)
	e.int(sp.End - sp.Start)
}

func (e *encoder) time(t time.Time) {
	sec, nsec := t.Unix(), t.Nanosecond()
	switch {
	case t.Location() != time.UTC:
		name, off := t.Zone()
		e.uvarint(3)
		e.varint(sec)
		e.uvarint(uint64(nsec))
		e.int(off)
		e.str(name)
	case t.IsZero():
		e.uvarint(0)
	case nsec == 0 && sec%86400 == 0:
		e.uvarint(1)
		e.varint(sec / 86400)
	default:
		e.uvarint(2)
		e.varint(sec)
		e.uvarint(uint64(nsec))
	}
}

// date writes d; inherited is the document's clues when d is a
// statement's date (a statement dated as its document shares them).
func (e *encoder) date(d *model.Date, inherited []model.DateClue) {
	e.time(d.Value)
	e.time(d.Earliest)
	e.time(d.Latest)
	e.sym(string(d.Precision))
	e.sym(d.Evidence)
	e.span(d.EvidenceSpan)
	e.sym(d.Rule)
	switch {
	case len(d.Clues) == 0:
		e.uvarint(0)
	case inherited != nil && sameClueSlice(d.Clues, inherited):
		e.uvarint(1)
	default:
		e.uvarint(uint64(len(d.Clues)) + 2)
		for _, c := range d.Clues {
			e.sym(c.Rule)
			e.sym(c.Evidence)
			e.span(c.Span)
			e.uvarint(uint64(len(c.Windows)))
			for _, w := range c.Windows {
				e.time(w.From)
				e.time(w.To)
			}
			e.sym(string(c.Use))
		}
	}
}

// sameClueSlice reports whether a and b are the same slice (a statement's
// date copied from its document's).
func sameClueSlice(a, b []model.DateClue) bool {
	return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0]
}

func (e *encoder) strs(l []string) {
	e.uvarint(uint64(len(l)))
	for _, s := range l {
		e.str(s)
	}
}

func (e *encoder) symList(l []string) {
	e.uvarint(uint64(len(l)))
	for _, s := range l {
		e.sym(s)
	}
}

// ptrs writes a slice of pointers with item, flagging each as set or
// nil when some are nil.
func ptrs[T any](e *encoder, l []*T, item func(*T)) {
	flagged := slices.Contains(l, nil)
	if !flagged {
		e.uvarint(uint64(len(l)) << 1)
	} else {
		e.uvarint(uint64(len(l))<<1 | 1)
	}
	for _, p := range l {
		if flagged {
			if p == nil {
				e.b = append(e.b, 0)
				continue
			}
			e.b = append(e.b, 1)
		}
		item(p)
	}
}

func (e *encoder) entry(c *cacheEntry) {
	e.varint(c.Size)
	e.varint(c.ModTime)
	e.b = append(e.b, c.Hash[:]...)
	e.sym(c.Skip)
	e.uvarint(uint64(len(c.Skipped)))
	for _, s := range c.Skipped {
		e.str(s.Path)
		e.sym(s.Reason)
	}
	e.uvarint(uint64(len(c.Arts)))
	for i := range c.Arts {
		a := &c.Arts[i]
		e.sym(a.ID)
		e.processed(&a.Out)
		e.sym(a.Skip)
	}
}

func (e *encoder) processed(p *Processed) {
	text := ""
	if p.Doc == nil {
		e.b = append(e.b, 0)
	} else {
		e.b = append(e.b, 1)
		e.document(p.Doc)
		text = p.Doc.Text
	}
	var clues []model.DateClue
	if p.Doc != nil {
		clues = p.Doc.Date.Clues
	}
	ptrs(e, p.Statements, func(s *model.Statement) { e.statement(s, text, clues) })
	ptrs(e, p.Speakers, e.speaker)
}

func (e *encoder) document(d *model.Document) {
	e.sym(d.ID)
	e.sym(d.Path)
	e.str(d.Text)
	e.span(d.TitleSpan)
	e.in(d.Title, d.Text, d.TitleSpan)
	e.sym(d.Source)
	e.str(d.URL)
	e.sym(d.Language)
	e.sym(d.Place)
	e.sym(d.Encoding)
	e.date(&d.Date, nil)
	e.strs(d.Captions)
	e.uvarint(uint64(len(d.Removed)))
	for _, r := range d.Removed {
		e.sym(r.Reason)
		e.sym(r.Rule)
		e.str(r.Text)
	}
	e.uvarint(uint64(len(d.Repairs)))
	for _, r := range d.Repairs {
		e.sym(r.Kind)
		e.sym(r.Before)
		e.sym(r.After)
		e.int(r.Offset)
	}
	e.symList(d.Warnings)
	e.uvarint(uint64(d.Transcript.Turns))
	e.uvarint(uint64(d.Transcript.Questions))
}

func (e *encoder) statement(s *model.Statement, text string, docClues []model.DateClue) {
	e.str(s.ID)
	e.sym(s.Doc)
	e.sym(s.Speaker)
	e.sym(s.Mention)
	e.sym(s.Cue)
	e.sym(string(s.Kind))
	e.span(s.Span)
	e.in(s.Text, text, s.Span)
	e.span(s.Context)
	e.date(&s.Date, docClues)
	e.uvarint(uint64(len(s.Topics)))
	for _, t := range s.Topics {
		e.sym(t.Topic)
		e.symList(t.Words)
	}
	e.symList(s.Sources)
	e.symList(s.Rules)
	e.sym(s.QuestionDoc)
	e.span(s.QuestionSpan)
	qtext := ""
	if s.QuestionDoc == s.Doc {
		qtext = text
	}
	e.in(s.Question, qtext, s.QuestionSpan)
}

func (e *encoder) speaker(s *model.Speaker) {
	e.sym(s.Name)
	e.sym(s.Role)
	e.sym(string(s.Affiliation))
	e.symList(s.Aliases)
	e.int(s.Count)
}

// The fewest bytes each kind of item takes, to bound counts by the input
// left before anything is allocated for them.
const (
	minEntry     = 1 + 1 + 1 + 32 + 1 + 1 + 1 // key, size, time, hash, skip, skipped, arts
	minArticle   = 1 + 1 + 1 + 1 + 1          // id, doc flag, statements, speakers, skip
	minSkipped   = 2
	minRemoval   = 3
	minRepair    = 4
	minTopic     = 2
	minSpan      = 2
	minDate      = 3 + 3 + minSpan + 1
	minClue      = 2 + minSpan + 1 + 1
	minWindow    = 2
	minStatement = 5 + minSpan + 1 + minSpan + minDate + 3 + minSpan + 2
	minSpeaker   = 5
)

// decoder reads a shard. After the first error it reads only zeros (its
// position is at the end), so loops end and the error is checked once.
type decoder struct {
	s    string
	i    int
	err  error
	syms []string

	entries  slab[cacheEntry]
	arts     slab[cachedArticle]
	docs     slab[model.Document]
	stmts    slab[model.Statement]
	stmtPtrs slab[*model.Statement]
	speakers slab[model.Speaker]
	spPtrs   slab[*model.Speaker]
	strs     slab[string]
	topics   slab[model.TopicMatch]
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = fmt.Errorf("cache shard: damaged at byte %d", d.i)
	}
	d.i = len(d.s)
}

// uvarint reads an unsigned varint. Its one-byte case is repeated in the
// hottest readers (sym, varint), which the compiler does not inline it
// into.
func (d *decoder) uvarint() uint64 {
	if i := d.i; i < len(d.s) && d.s[i] < 0x80 {
		d.i = i + 1
		return uint64(d.s[i])
	}
	return d.uvarintSlow()
}

func (d *decoder) uvarintSlow() uint64 {
	if i := d.i; i+1 < len(d.s) && d.s[i+1] < 0x80 { // two bytes
		d.i = i + 2
		return uint64(d.s[i]&0x7f) | uint64(d.s[i+1])<<7
	}
	var v uint64
	for shift := uint(0); d.i < len(d.s); shift += 7 {
		c := d.s[d.i]
		d.i++
		if shift == 63 && c > 1 {
			break
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.fail()
	return 0
}

func (d *decoder) varint() int64 {
	var u uint64
	if i := d.i; i < len(d.s) && d.s[i] < 0x80 {
		d.i, u = i+1, uint64(d.s[i])
	} else {
		u = d.uvarintSlow()
	}
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *decoder) int() int {
	v := d.varint()
	if v != int64(int(v)) {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) byte() byte {
	if d.i >= len(d.s) {
		d.fail()
		return 0
	}
	c := d.s[d.i]
	d.i++
	return c
}

// bytes returns the next n bytes.
func (d *decoder) bytes(n uint64) string {
	if n > uint64(len(d.s)-d.i) {
		d.fail()
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

// count reads a count of items that take at least size bytes each.
func (d *decoder) count(size int) int {
	n := d.uvarint()
	if n > uint64((len(d.s)-d.i)/size) {
		d.fail()
		return 0
	}
	return int(n)
}

// small reads a count that is not of items to follow (at most 1<<30).
func (d *decoder) small() int {
	v := d.uvarint()
	if v > 1<<30 {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) str() string { return d.bytes(d.uvarint()) }

func (d *decoder) sym() string {
	var v uint64
	if i := d.i; i < len(d.s) && d.s[i] < 0x80 {
		d.i, v = i+1, uint64(d.s[i])
	} else {
		v = d.uvarintSlow()
	}
	if v&1 != 0 {
		if v>>1 >= uint64(len(d.syms)) {
			d.fail()
			return ""
		}
		return d.syms[v>>1]
	}
	if v == 0 { // "" is always the first sym
		d.fail()
		return ""
	}
	s := d.bytes(v >> 1)
	if d.err == nil {
		d.syms = append(d.syms, s)
	}
	return s
}

func (d *decoder) in(text string, sp model.Span) string {
	v := d.uvarint()
	if v > 0 {
		return d.bytes(v - 1)
	}
	if !sp.In(len(text)) {
		d.fail()
		return ""
	}
	return text[sp.Start:sp.End]
}

func (d *decoder) span() model.Span {
	start := d.int()
	return model.Span{Start: start, End: start + d.int()}
}

func (d *decoder) time() time.Time {
	switch d.uvarint() {
	case 0:
		return time.Time{}
	case 1:
		days := d.varint()
		if days > math.MaxInt64/86400 || days < math.MinInt64/86400 {
			d.fail()
			return time.Time{}
		}
		return time.Unix(days*86400, 0).UTC()
	case 2:
		sec, nsec := d.varint(), d.uvarint()
		if nsec >= 1e9 {
			d.fail()
			return time.Time{}
		}
		return time.Unix(sec, int64(nsec)).UTC()
	case 3:
		sec, nsec, off, name := d.varint(), d.uvarint(), d.int(), d.str()
		if nsec >= 1e9 || off != int(int32(off)) {
			d.fail()
			return time.Time{}
		}
		return time.Unix(sec, int64(nsec)).In(time.FixedZone(name, off))
	}
	d.fail()
	return time.Time{}
}

// date reads a date; inherited is the document's clues when it is a
// statement's.
func (d *decoder) date(t *model.Date, inherited []model.DateClue) {
	t.Value = d.time()
	t.Earliest = d.time()
	t.Latest = d.time()
	t.Precision = model.Precision(d.sym())
	t.Evidence = d.sym()
	t.EvidenceSpan = d.span()
	t.Rule = d.sym()
	switch n := d.uvarint(); n {
	case 0:
	case 1:
		if inherited == nil {
			d.fail()
			return
		}
		t.Clues = inherited
	default:
		k := int(min(n-2, uint64(len(d.s)-d.i)/minClue))
		if uint64(k) != n-2 {
			d.fail()
			return
		}
		t.Clues = make([]model.DateClue, k)
		var wins []model.DateWindow // one array for the windows of all the clues
		for i := range t.Clues {
			c := &t.Clues[i]
			c.Rule = d.sym()
			c.Evidence = d.sym()
			c.Span = d.span()
			if w := d.count(minWindow); w > 0 {
				if cap(wins)-len(wins) < w {
					wins = make([]model.DateWindow, 0, max(w, 2*k))
				}
				at := len(wins)
				for range w {
					wins = append(wins, model.DateWindow{From: d.time(), To: d.time()})
				}
				c.Windows = wins[at:len(wins):len(wins)]
			}
			c.Use = model.ClueUse(d.sym())
		}
	}
}

func (d *decoder) strList() []string {
	l := d.strs.take(d.count(1))
	for i := range l {
		l[i] = d.str()
	}
	return l
}

func (d *decoder) symList() []string {
	l := d.strs.take(d.count(1))
	for i := range l {
		l[i] = d.sym()
	}
	return l
}

// ptrs reads the length of a slice of pointers (each item at least size
// bytes), and whether a flag before each says if it is set.
func (d *decoder) ptrs(size int) (n int, flagged bool) {
	v := d.uvarint()
	if flagged = v&1 != 0; flagged {
		size = 1
	}
	if v>>1 > uint64((len(d.s)-d.i)/size) {
		d.fail()
		return 0, false
	}
	return int(v >> 1), flagged
}

// set reads the flag of a pointer.
func (d *decoder) set() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

func (d *decoder) shard() map[string]*cacheEntry {
	n := d.count(minEntry)
	m := make(map[string]*cacheEntry, n)
	d.syms = make([]string, 1, 1024)
	for range n {
		k := d.str()
		e := d.entries.one()
		d.entry(e)
		if d.err != nil {
			return nil
		}
		m[k] = e
	}
	return m
}

func (d *decoder) entry(c *cacheEntry) {
	c.Size = d.varint()
	c.ModTime = d.varint()
	copy(c.Hash[:], d.bytes(uint64(len(c.Hash))))
	c.Skip = d.sym()
	if n := d.count(minSkipped); n > 0 {
		c.Skipped = make([]model.Skipped, n)
		for i := range c.Skipped {
			c.Skipped[i] = model.Skipped{Path: d.str(), Reason: d.sym()}
		}
	}
	c.Arts = d.arts.take(d.count(minArticle))
	for i := range c.Arts {
		a := &c.Arts[i]
		a.ID = d.sym()
		d.processed(&a.Out)
		a.Skip = d.sym()
	}
}

func (d *decoder) processed(p *Processed) {
	text := ""
	switch d.byte() {
	case 0:
	case 1:
		p.Doc = d.docs.one()
		d.document(p.Doc)
		text = p.Doc.Text
	default:
		d.fail()
	}
	var clues []model.DateClue
	if p.Doc != nil {
		clues = p.Doc.Date.Clues
	}
	n, flagged := d.ptrs(minStatement)
	p.Statements = d.stmtPtrs.take(n)
	for i := range p.Statements {
		if flagged && !d.set() {
			continue
		}
		s := d.stmts.one()
		d.statement(s, text, clues)
		p.Statements[i] = s
	}
	n, flagged = d.ptrs(minSpeaker)
	p.Speakers = d.spPtrs.take(n)
	for i := range p.Speakers {
		if flagged && !d.set() {
			continue
		}
		s := d.speakers.one()
		d.speaker(s)
		p.Speakers[i] = s
	}
}

func (d *decoder) document(doc *model.Document) {
	doc.ID = d.sym()
	doc.Path = d.sym()
	doc.Text = d.str()
	doc.TitleSpan = d.span()
	doc.Title = d.in(doc.Text, doc.TitleSpan)
	doc.Source = d.sym()
	doc.URL = d.str()
	doc.Language = d.sym()
	doc.Place = d.sym()
	doc.Encoding = d.sym()
	d.date(&doc.Date, nil)
	doc.Captions = d.strList()
	if n := d.count(minRemoval); n > 0 {
		doc.Removed = make([]model.Removal, n)
		for i := range doc.Removed {
			doc.Removed[i] = model.Removal{Reason: d.sym(), Rule: d.sym(), Text: d.str()}
		}
	}
	if n := d.count(minRepair); n > 0 {
		doc.Repairs = make([]model.Repair, n)
		for i := range doc.Repairs {
			doc.Repairs[i] = model.Repair{Kind: d.sym(), Before: d.sym(), After: d.sym(), Offset: d.int()}
		}
	}
	doc.Warnings = d.symList()
	doc.Transcript.Turns = d.small()
	doc.Transcript.Questions = d.small()
}

func (d *decoder) statement(s *model.Statement, text string, docClues []model.DateClue) {
	s.ID = d.str()
	s.Doc = d.sym()
	s.Speaker = d.sym()
	s.Mention = d.sym()
	s.Cue = d.sym()
	s.Kind = model.Kind(d.sym())
	s.Span = d.span()
	s.Text = d.in(text, s.Span)
	s.Context = d.span()
	d.date(&s.Date, docClues)
	s.Topics = d.topics.take(d.count(minTopic))
	for i := range s.Topics {
		s.Topics[i].Topic = d.sym()
		s.Topics[i].Words = d.symList()
	}
	s.Sources = d.symList()
	s.Rules = d.symList()
	s.QuestionDoc = d.sym()
	s.QuestionSpan = d.span()
	qtext := ""
	if s.QuestionDoc == s.Doc {
		qtext = text
	}
	s.Question = d.in(qtext, s.QuestionSpan)
}

func (d *decoder) speaker(s *model.Speaker) {
	s.Name = d.sym()
	s.Role = d.sym()
	s.Affiliation = model.Affiliation(d.sym())
	s.Aliases = d.symList()
	s.Count = d.int()
}

// slab hands out items and short slices carved from shared arrays, to
// allocate once for many. The arrays double from 8 items to slabItems, so
// a small shard allocates little. The slices are full (len == cap):
// appending to one copies it.
type slab[T any] struct {
	free []T
	size int
}

const slabItems = 256

// take returns n zero items, nil for none. n must be bounded by the input.
func (s *slab[T]) take(n int) []T {
	if n == 0 {
		return nil
	}
	if n > len(s.free) {
		if n > slabItems/4 {
			return make([]T, n)
		}
		s.size = min(max(2*s.size, 8), slabItems)
		s.free = make([]T, max(s.size, n))
	}
	l := s.free[:n:n]
	s.free = s.free[n:]
	return l
}

func (s *slab[T]) one() *T { return &s.take(1)[0] }
