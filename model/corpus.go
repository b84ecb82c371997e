package model

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// Corpus is the loaded, indexed corpus. Build it with New; it is read-only
// afterwards and safe for concurrent readers.
type Corpus struct {
	Name       string // what was loaded: "built-in corpus", or the paths
	Documents  []*Document
	Statements []*Statement // in timeline order: date, then document, then position
	Speakers   []*Speaker   // by statement count, then name
	Skipped    []Skipped
	Warnings   []string // load-wide warnings, not any document's own (file name first)

	docByID     map[string]*Document
	speakerByID map[string]*Speaker // lower-cased canonical name and aliases
	// The postings the queries intersect (query.go): statement indices,
	// ascending, so in timeline order.
	bySpeaker map[string][]int32 // canonical name → its statements
	byAffil   map[Affiliation][]int32
	byTopic   map[string][]int32
	byPeriod  map[Period][]int32
	words     wordIndex
	// months[i] is statement i's year and month packed as year<<4 | month
	// (see YearMonth): month 0 when the date is known only to its year,
	// monthUndated when there is no date.
	months  []int32
	textIdx textIndex // content words for Compare, built on first use (terms.go)
}

// New builds a Corpus: it sorts the statements into timeline order, counts
// each speaker's statements (adding speakers the list lacks) and builds the
// indexes the queries use.
func New(name string, docs []*Document, stmts []*Statement, speakers []*Speaker, skipped []Skipped) *Corpus {
	c := &Corpus{Name: name, Documents: docs, Statements: stmts, Skipped: skipped}
	c.docByID = make(map[string]*Document, len(docs))
	docOrder := make(map[string]int, len(docs))
	for i, d := range docs {
		c.docByID[d.ID] = d
		docOrder[d.ID] = i
	}
	sortTimeline(stmts, docOrder)

	// speakers: copy so counts are ours, add the ones the list lacks
	c.speakerByID = map[string]*Speaker{}
	byName := map[string]*Speaker{}
	for _, sp := range speakers {
		cp := *sp
		cp.Count = 0
		byName[cp.Name] = &cp
	}
	for _, s := range stmts {
		sp := byName[s.Speaker]
		if sp == nil {
			sp = &Speaker{Name: s.Speaker, Affiliation: NoAffil}
			byName[s.Speaker] = sp
		}
		sp.Count++
	}
	for _, sp := range byName {
		if sp.Count > 0 {
			c.Speakers = append(c.Speakers, sp)
		}
	}
	sort.Slice(c.Speakers, func(i, j int) bool {
		a, b := c.Speakers[i], c.Speakers[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Name < b.Name
	})
	for _, sp := range c.Speakers {
		c.speakerByID[strings.ToLower(sp.Name)] = sp
		for _, al := range sp.Aliases {
			if _, taken := c.speakerByID[strings.ToLower(al)]; !taken {
				c.speakerByID[strings.ToLower(al)] = sp
			}
		}
	}

	// the word index is built beside the other indexes
	parallel(2, func(k int) {
		if k == 0 {
			c.words = buildWordIndex(stmts)
		} else {
			c.index(byName)
		}
	})
	return c
}

// index builds the postings by speaker, affiliation, topic and period,
// and the compact year and month of each statement.
func (c *Corpus) index(byName map[string]*Speaker) {
	stmts := c.Statements
	c.bySpeaker = map[string][]int32{}
	c.byAffil = map[Affiliation][]int32{}
	c.byTopic = map[string][]int32{}
	c.byPeriod = map[Period][]int32{}
	c.months = make([]int32, len(stmts))
	for i, s := range stmts {
		id := int32(i)
		c.bySpeaker[s.Speaker] = append(c.bySpeaker[s.Speaker], id)
		aff := NoAffil
		if sp := byName[s.Speaker]; sp != nil && sp.Affiliation != "" {
			aff = sp.Affiliation
		}
		c.byAffil[aff] = append(c.byAffil[aff], id)
		for _, t := range s.Topics {
			c.byTopic[t.Topic] = append(c.byTopic[t.Topic], id)
		}
		p := s.Period()
		c.byPeriod[p] = append(c.byPeriod[p], id)
		c.months[i] = monthUndated
		if v := s.Date.Value; !v.IsZero() {
			m := int32(v.Month())
			if s.Date.Precision == PrecisionYear {
				m = 0
			}
			c.months[i] = int32(v.Year())<<4 | m
		}
	}
}

// sortTimeline sorts statements into timeline order: by date (undated
// last), then by document (in the order given; statements of documents
// not given come first, as of one document), then by position in it;
// stably. The keys are taken once, so the sort compares integers rather
// than times and map lookups; the order is exactly that of comparing the
// statements themselves.
func sortTimeline(stmts []*Statement, docOrder map[string]int) {
	type key struct {
		undated  bool
		nsec     int32
		order    int32 // of the document, −1 when not given
		sec      int64
		start, i int
	}
	keys := make([]key, len(stmts))
	for i, s := range stmts {
		v := s.Date.Value
		order, ok := docOrder[s.Doc]
		if !ok {
			order = -1
		}
		k := key{undated: v.IsZero(), order: int32(order), start: s.Span.Start, i: i}
		if !k.undated {
			k.sec, k.nsec = v.Unix(), int32(v.Nanosecond())
		}
		keys[i] = k
	}
	// the original index last: a stable order by a faster unstable sort
	slices.SortFunc(keys, func(a, b key) int {
		switch {
		case a.undated != b.undated:
			if a.undated {
				return 1
			}
			return -1
		case a.sec != b.sec:
			return cmp.Compare(a.sec, b.sec)
		case a.nsec != b.nsec:
			return cmp.Compare(a.nsec, b.nsec)
		case a.order != b.order:
			return cmp.Compare(a.order, b.order)
		case a.start != b.start:
			return cmp.Compare(a.start, b.start)
		}
		return cmp.Compare(a.i, b.i)
	})
	sorted := make([]*Statement, len(stmts))
	for i, k := range keys {
		sorted[i] = stmts[k.i]
	}
	copy(stmts, sorted)
}

// monthUndated marks an undated statement in Corpus.months.
const monthUndated = 15

// YearMonth returns the year and month of statement i's best date
// (Date.Value), as the timeline groups it: month 0 when the date is known
// only to its year (PrecisionYear); ok is false when the statement has no
// date (a zero Value). It reads a compact copy made by New, for scans over
// many statements that would otherwise follow a pointer each.
func (c *Corpus) YearMonth(i int) (year, month int, ok bool) {
	k := c.months[i]
	if k&15 == monthUndated {
		return 0, 0, false
	}
	return int(k >> 4), int(k & 15), true
}

// Document returns the document with the ID, or nil.
func (c *Corpus) Document(id string) *Document { return c.docByID[id] }

// Speaker finds a speaker by canonical name or alias, case-insensitively;
// a unique surname or prefix also matches ("peskov"). It returns nil when
// nothing, or more than one speaker, matches.
func (c *Corpus) Speaker(name string) *Speaker {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		return nil
	}
	if sp := c.speakerByID[key]; sp != nil {
		return sp
	}
	var found *Speaker
	for _, sp := range c.Speakers {
		if speakerMatches(sp, key) {
			if found != nil && found != sp {
				return nil
			}
			found = sp
		}
	}
	return found
}

// SpeakerMatches lists the speakers a name could mean, as Speaker
// matches them: the one whose canonical name or alias it is, else every
// speaker with that surname or name prefix ("Dmitry": Dmitry Peskov and
// Dmitry Medvedev), in the corpus's order.
func (c *Corpus) SpeakerMatches(name string) []*Speaker {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		return nil
	}
	if sp := c.speakerByID[key]; sp != nil {
		return []*Speaker{sp}
	}
	var out []*Speaker
	for _, sp := range c.Speakers {
		if speakerMatches(sp, key) {
			out = append(out, sp)
		}
	}
	return out
}

func speakerMatches(sp *Speaker, key string) bool {
	names := append([]string{sp.Name}, sp.Aliases...)
	for _, n := range names {
		ln := strings.ToLower(n)
		for _, w := range strings.Fields(ln) {
			if w == key {
				return true
			}
		}
		if strings.HasPrefix(ln, key) {
			return true
		}
	}
	return false
}

// SpeakerInfo returns the speaker record for a canonical name; a speaker
// with no record gets an "unknown" affiliation.
func (c *Corpus) SpeakerInfo(name string) *Speaker {
	if sp := c.speakerByID[strings.ToLower(name)]; sp != nil && sp.Name == name {
		return sp
	}
	for _, sp := range c.Speakers {
		if sp.Name == name {
			return sp
		}
	}
	return &Speaker{Name: name, Affiliation: NoAffil}
}

// Topics lists the topics in use with their statement counts, most used first.
func (c *Corpus) Topics() []TopicCount {
	out := make([]TopicCount, 0, len(c.byTopic))
	for t, ids := range c.byTopic {
		out = append(out, TopicCount{t, len(ids)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Topic < out[j].Topic
	})
	return out
}

// TopicCount is a topic and how many statements have it.
type TopicCount struct {
	Topic string
	Count int
}
