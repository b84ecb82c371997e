package corpus

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/kljensen/snowball/english"
	"github.com/quotetrail/quotetrail/model"
	"go.yaml.in/yaml/v3"
)

// Topics is the topic vocabulary (corpus/data/topics.yaml). A statement
// gets a topic when its text holds one of the topic's words — by English
// stem, by prefix for a word ending in *, exactly for an all-capitals word
// (NATO, START) — and the match keeps the words as written.
type Topics struct {
	list   []*topicEntry
	byName map[string]*topicEntry
	// byStem and byExact index the terms by their first word, so Assign
	// looks at the terms a word can start instead of every term at every
	// word. Terms whose first word is a prefix are in prefixed.
	byStem, byExact map[string][]termRef
	prefixed        []termRef
}

// termRef names one term: e.terms[term] of t.list[topic].
type termRef struct{ topic, term int }

type topicEntry struct {
	Name  string
	Label string
	terms []topicTerm
}

// topicTerm is one word or phrase of a topic.
type topicTerm struct {
	raw   string
	words []topicWord
}

type topicWord struct {
	stem   string // lower-case stem; for a prefix the lower-case prefix
	prefix bool
	exact  string // an all-capitals word, matched as written
}

type topicYAML struct {
	Topic string   `yaml:"topic"`
	Label string   `yaml:"label"`
	Words []string `yaml:"words"`
}

// extend adds the topics of a topics.yaml document; a topic already known
// gets the new words. Errors name the entry.
func (t *Topics) extend(data []byte) error {
	if t.byName == nil {
		t.byName = map[string]*topicEntry{}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return err
	}
	if len(root.Content) == 0 {
		return nil
	}
	doc := root.Content[0]
	if doc.Kind != yaml.SequenceNode {
		return fmt.Errorf("line %d: want a list of topics", doc.Line)
	}
	for i, n := range doc.Content {
		var y topicYAML
		if err := n.Decode(&y); err != nil {
			return fmt.Errorf("topic entry %d (line %d): %w", i+1, n.Line, err)
		}
		name := strings.TrimSpace(y.Topic)
		if name == "" || strings.ContainsAny(name, " \t") {
			return fmt.Errorf("topic entry %d (line %d): topic %q must be one word", i+1, n.Line, y.Topic)
		}
		if len(y.Words) == 0 {
			return fmt.Errorf("topic entry %d (line %d, %s): no words", i+1, n.Line, name)
		}
		e := t.byName[name]
		if e == nil {
			e = &topicEntry{Name: name, Label: y.Label}
			t.byName[name] = e
			t.list = append(t.list, e)
		} else if y.Label != "" {
			e.Label = y.Label
		}
		for _, w := range y.Words {
			term, err := parseTerm(w)
			if err != nil {
				return fmt.Errorf("topic entry %d (line %d, %s): %w", i+1, n.Line, name, err)
			}
			e.terms = append(e.terms, term)
		}
	}
	t.index()
	return nil
}

// index rebuilds first and prefixed from the list.
func (t *Topics) index() {
	t.byStem, t.byExact = map[string][]termRef{}, map[string][]termRef{}
	t.prefixed = nil
	for ti, e := range t.list {
		for k, term := range e.terms {
			ref := termRef{ti, k}
			switch w := term.words[0]; {
			case w.exact != "":
				t.byExact[w.exact] = append(t.byExact[w.exact], ref)
			case w.prefix:
				t.prefixed = append(t.prefixed, ref)
			default:
				t.byStem[w.stem] = append(t.byStem[w.stem], ref)
			}
		}
	}
}

func parseTerm(w string) (topicTerm, error) {
	f := strings.Fields(w)
	if len(f) == 0 {
		return topicTerm{}, fmt.Errorf("empty word")
	}
	t := topicTerm{raw: w}
	for _, x := range f {
		var tw topicWord
		switch {
		case strings.HasSuffix(x, "*"):
			tw.prefix = true
			tw.stem = strings.ToLower(strings.TrimSuffix(x, "*"))
			if tw.stem == "" {
				return topicTerm{}, fmt.Errorf("bare * in %q", w)
			}
		case isAllCaps(x):
			tw.exact = x
		default:
			tw.stem = stemWord(x)
		}
		t.words = append(t.words, tw)
	}
	return t, nil
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters >= 2
}

// stems caches stemWord: news copy repeats a vocabulary of some tens of
// thousands of words, and the stemmer costs a microsecond a word. A map
// behind a read-write lock answers a hit several times faster than a
// sync.Map, and nearly every lookup is a hit.
var stems struct {
	sync.RWMutex
	m map[string]string
}

// maxCachedStems bounds the cache; words past it are stemmed each time.
const maxCachedStems = 1 << 18

func stemWord(w string) string {
	stems.RLock()
	s, ok := stems.m[w]
	stems.RUnlock()
	if ok {
		return s
	}
	s = english.Stem(strings.ToLower(apostrophes.Replace(w)), true)
	stems.Lock()
	if stems.m == nil {
		stems.m = map[string]string{}
	}
	if len(stems.m) < maxCachedStems {
		stems.m[strings.Clone(w)] = s
	}
	stems.Unlock()
	return s
}

// textWord is a word of a statement with its stem.
type textWord struct {
	text, low, stem string
}

func splitWords(s string) []textWord {
	var out []textWord
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’')
	}) {
		w = strings.Trim(w, "-'’")
		if w == "" {
			continue
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		out = append(out, textWord{text: w, low: strings.ToLower(w), stem: stemWord(w)})
	}
	return out
}

func (tw topicWord) matches(w textWord) bool {
	switch {
	case tw.exact != "":
		return w.text == tw.exact
	case tw.prefix:
		return strings.HasPrefix(w.low, tw.stem)
	}
	return w.stem == tw.stem
}

// Assign returns the topics of a text, in vocabulary order, each with the
// words that matched as they stand in the text, in text order.
func (t *Topics) Assign(text string) []model.TopicMatch {
	if t == nil || len(t.list) == 0 {
		return nil
	}
	words := splitWords(text)
	found := make([][]string, len(t.list))
	var seen map[string]bool
	var cands []termRef
	for i, w := range words {
		cands = append(cands[:0], t.byStem[w.stem]...)
		cands = append(cands, t.byExact[w.text]...)
		for _, ref := range t.prefixed {
			if strings.HasPrefix(w.low, t.list[ref.topic].terms[ref.term].words[0].stem) {
				cands = append(cands, ref)
			}
		}
		if len(cands) == 0 {
			continue
		}
		slices.SortFunc(cands, func(a, b termRef) int {
			if a.topic != b.topic {
				return a.topic - b.topic
			}
			return a.term - b.term
		})
		for _, ref := range cands {
			term := t.list[ref.topic].terms[ref.term]
			n := len(term.words)
			if i+n > len(words) {
				continue
			}
			ok := true
			for k, tw := range term.words {
				if !tw.matches(words[i+k]) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			parts := make([]string, n)
			for k := range parts {
				parts[k] = words[i+k].text
			}
			p := strings.Join(parts, " ")
			key := strconv.Itoa(ref.topic) + ":" + strings.ToLower(p)
			if seen == nil {
				seen = map[string]bool{}
			}
			if !seen[key] {
				seen[key] = true
				found[ref.topic] = append(found[ref.topic], p)
			}
		}
	}
	var out []model.TopicMatch
	for ti, f := range found {
		if len(f) > 0 {
			out = append(out, model.TopicMatch{Topic: t.list[ti].Name, Words: f})
		}
	}
	return out
}

// Names lists the topic names in vocabulary order.
func (t *Topics) Names() []string {
	out := make([]string, len(t.list))
	for i, e := range t.list {
		out[i] = e.Name
	}
	return out
}
