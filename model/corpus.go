package model

import (
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
	Warnings   []string // load-wide warnings (file name first)

	docByID     map[string]*Document
	speakerByID map[string]*Speaker // lower-cased canonical name and aliases
	bySpeaker   map[string][]int32  // canonical name → statement indices (ascending)
	byAffil     map[Affiliation][]int32
	byTopic     map[string][]int32
	byPeriod    map[Period][]int32
	words       wordIndex
	textIdx     textIndex // content words for Compare, built on first use (terms.go)
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
	sort.SliceStable(stmts, func(i, j int) bool {
		a, b := stmts[i], stmts[j]
		if !a.Date.Value.Equal(b.Date.Value) {
			if a.Date.Value.IsZero() != b.Date.Value.IsZero() {
				return b.Date.Value.IsZero() // undated last
			}
			return a.Date.Value.Before(b.Date.Value)
		}
		if a.Doc != b.Doc {
			return docOrder[a.Doc] < docOrder[b.Doc]
		}
		return a.Span.Start < b.Span.Start
	})

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

	c.bySpeaker = map[string][]int32{}
	c.byAffil = map[Affiliation][]int32{}
	c.byTopic = map[string][]int32{}
	c.byPeriod = map[Period][]int32{}
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
	}
	c.words = buildWordIndex(stmts)
	return c
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
