package corpus

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/quotetrail/quotetrail/model"
	"go.yaml.in/yaml/v3"
)

// Speakers is the speaker registry: the people and bodies quotetrail knows,
// their spellings, the role nouns that name them (some only in a period), and
// the word lists attribution uses to read roles, demonyms and non-speakers.
// The built-in table is corpus/data/speakers.yaml; extend adds a user file.
type Speakers struct {
	entries []*speakerEntry
	byName  map[string]*speakerEntry // lower-cased canonical name

	roleWords    map[string]bool            // lower-case modifiers allowed in a role
	roleHeads    map[string]string          // head noun (or "press secretary") → family
	roleKinds    map[string]map[string]bool // a generic role noun ("diplomat") → the families it stands for
	givenNames   map[string]string          // lower-case given name → male | female | "" (either)
	personNouns  map[string]bool
	personWords  map[string]bool              // singular nouns for a person, for definite descriptions
	bodyNouns    map[string]bool              // documents and bodies that "it" may stand for
	nationality  map[string]model.Affiliation // normalised word(s) → affiliation
	places       map[string]model.Affiliation // a country or capital speaking for its government
	natMaxWords  int
	aliasIndex   map[string][]*speakerEntry // normalised alias → speakers
	roleIndex    map[string][]roleRef       // normalised role title → holders
	aliasMaxWord int
	roleMaxWord  int
}

// speakerEntry is one registry entry.
type speakerEntry struct {
	model.Speaker
	Gender string // male | female | body | "" (unknown)
	Roles  []speakerRole
}

// speakerRole is a role noun naming a speaker, possibly only in a period.
type speakerRole struct {
	Title    string
	From, To time.Time // zero: open
	Spun     bool
}

type roleRef struct {
	sp   *speakerEntry
	role speakerRole
}

// appliesOn reports whether the role names its holder on a date range: the
// role's period must contain the whole [earliest, latest] range. An unknown
// date (zero) matches every period.
func (r speakerRole) appliesOn(earliest, latest time.Time) bool {
	if earliest.IsZero() || latest.IsZero() {
		return true
	}
	if !r.From.IsZero() && earliest.Before(r.From) {
		return false
	}
	if !r.To.IsZero() && !latest.Before(r.To) {
		return false
	}
	return true
}

// speakersFile is the YAML shape of speakers.yaml.
type speakersFile struct {
	Speakers      []yaml.Node         `yaml:"speakers"`
	RoleWords     []string            `yaml:"role_words"`
	RoleHeads     [][]string          `yaml:"role_heads"`
	PersonNouns   []string            `yaml:"person_nouns"`
	PersonWords   []string            `yaml:"person_words"`
	BodyNouns     []string            `yaml:"body_nouns"`
	Nationalities map[string][]string `yaml:"nationalities"`
	Places        map[string][]string `yaml:"places"`
	RoleKinds     map[string][]string `yaml:"role_kinds"`
	GivenNames    map[string][]string `yaml:"given_names"`
}

type speakerYAML struct {
	Name        string      `yaml:"name"`
	Role        string      `yaml:"role"`
	Affiliation string      `yaml:"affiliation"`
	Gender      string      `yaml:"gender"`
	Aliases     []string    `yaml:"aliases"`
	Roles       []yaml.Node `yaml:"roles"`
}

type roleYAML struct {
	Title string `yaml:"title"`
	From  string `yaml:"from"`
	To    string `yaml:"to"`
	Spun  bool   `yaml:"spun"`
}

func parseAffiliation(s string) (model.Affiliation, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "russia":
		return model.Russia, true
	case "united states", "us", "usa", "u.s.":
		return model.UnitedStates, true
	case "ukraine":
		return model.Ukraine, true
	case "other":
		return model.Other, true
	}
	return "", false
}

func parseRoleDay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD)", s)
	}
	return t, nil
}

func (s *Speakers) init() {
	if s.byName != nil {
		return
	}
	s.byName = map[string]*speakerEntry{}
	s.roleWords = map[string]bool{}
	s.roleHeads = map[string]string{}
	s.personNouns = map[string]bool{}
	s.personWords = map[string]bool{}
	s.bodyNouns = map[string]bool{}
	s.nationality = map[string]model.Affiliation{}
	s.places = map[string]model.Affiliation{}
	s.roleKinds = map[string]map[string]bool{}
	s.givenNames = map[string]string{}
}

// extend adds the entries of a speakers.yaml document. Errors name the
// entry (its line and name).
func (s *Speakers) extend(data []byte) error {
	s.init()
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return err
	}
	if len(root.Content) == 0 {
		return nil // comments only
	}
	var f speakersFile
	doc := root.Content[0]
	switch doc.Kind {
	case yaml.SequenceNode:
		f.Speakers = make([]yaml.Node, len(doc.Content))
		for i, n := range doc.Content {
			f.Speakers[i] = *n
		}
	case yaml.MappingNode:
		if err := doc.Decode(&f); err != nil {
			return err
		}
	default:
		return fmt.Errorf("line %d: want a mapping with a speakers list, or a list of speakers", doc.Line)
	}
	for i := range f.Speakers {
		n := &f.Speakers[i]
		var y speakerYAML
		if err := n.Decode(&y); err != nil {
			return fmt.Errorf("speaker entry %d (line %d): %w", i+1, n.Line, err)
		}
		if err := s.add(y); err != nil {
			return fmt.Errorf("speaker entry %d (line %d, %q): %w", i+1, n.Line, y.Name, err)
		}
	}
	for _, w := range f.RoleWords {
		s.roleWords[normWord(w)] = true
	}
	for _, fam := range f.RoleHeads {
		if len(fam) == 0 {
			continue
		}
		key := normPhrase(fam[0])
		for _, w := range fam {
			s.roleHeads[normPhrase(w)] = key
		}
	}
	for _, w := range f.PersonNouns {
		s.personNouns[normWord(w)] = true
	}
	for _, w := range f.PersonWords {
		s.personWords[normWord(w)] = true
	}
	for _, w := range f.BodyNouns {
		s.bodyNouns[normWord(w)] = true
	}
	for kind, heads := range f.RoleKinds {
		k := normPhrase(kind)
		if s.roleKinds[k] == nil {
			s.roleKinds[k] = map[string]bool{}
		}
		for _, h := range heads {
			fam := s.roleHeads[normPhrase(h)]
			if fam == "" {
				return fmt.Errorf("role_kinds: %s: %q is not a head noun listed in role_heads", kind, h)
			}
			s.roleKinds[k][fam] = true
		}
	}
	for g, names := range f.GivenNames {
		g = strings.ToLower(strings.TrimSpace(g))
		if g != "male" && g != "female" {
			return fmt.Errorf("given_names: unknown gender %q (want male or female)", g)
		}
		for _, n := range names {
			k := normWord(n)
			if old, ok := s.givenNames[k]; ok && old != g {
				g2 := "" // a name given to both
				s.givenNames[k] = g2
				continue
			}
			s.givenNames[k] = g
		}
	}
	for aff, words := range f.Nationalities {
		a, ok := parseAffiliation(aff)
		if !ok {
			return fmt.Errorf("nationalities: unknown affiliation %q (want Russia, United States, Ukraine or other)", aff)
		}
		for _, w := range words {
			k := normPhrase(w)
			s.nationality[k] = a
			if n := len(strings.Fields(k)); n > s.natMaxWords {
				s.natMaxWords = n
			}
		}
	}
	for aff, names := range f.Places {
		a, ok := parseAffiliation(aff)
		if !ok {
			return fmt.Errorf("places: unknown affiliation %q (want Russia, United States, Ukraine or other)", aff)
		}
		for _, n := range names {
			s.places[normPhrase(n)] = a
		}
	}
	s.reindex()
	return nil
}

func (s *Speakers) add(y speakerYAML) error {
	name := strings.TrimSpace(y.Name)
	if name == "" {
		return fmt.Errorf("missing name")
	}
	e := s.byName[strings.ToLower(name)]
	isNew := e == nil
	if isNew {
		e = &speakerEntry{Speaker: model.Speaker{Name: name}}
	}
	if y.Role != "" {
		e.Role = y.Role
	}
	if y.Affiliation != "" {
		a, ok := parseAffiliation(y.Affiliation)
		if !ok {
			return fmt.Errorf("unknown affiliation %q (want Russia, United States, Ukraine or other)", y.Affiliation)
		}
		e.Affiliation = a
	} else if isNew {
		return fmt.Errorf("missing affiliation")
	}
	switch g := strings.ToLower(strings.TrimSpace(y.Gender)); g {
	case "":
	case "male", "female", "body":
		e.Gender = g
	default:
		return fmt.Errorf("unknown gender %q (want male, female or body)", y.Gender)
	}
	have := map[string]bool{}
	for _, a := range e.Aliases {
		have[a] = true
	}
	for _, a := range y.Aliases {
		a = strings.TrimSpace(a)
		if a == "" {
			return fmt.Errorf("empty alias")
		}
		if !have[a] && a != name {
			have[a] = true
			e.Aliases = append(e.Aliases, a)
		}
	}
	for j := range y.Roles {
		n := &y.Roles[j]
		var r roleYAML
		if n.Kind == yaml.ScalarNode {
			r.Title = n.Value
		} else if err := n.Decode(&r); err != nil {
			return fmt.Errorf("role %d (line %d): %w", j+1, n.Line, err)
		}
		if strings.TrimSpace(r.Title) == "" {
			return fmt.Errorf("role %d (line %d): missing title", j+1, n.Line)
		}
		from, err := parseRoleDay(r.From)
		if err != nil {
			return fmt.Errorf("role %q (line %d): from: %w", r.Title, n.Line, err)
		}
		to, err := parseRoleDay(r.To)
		if err != nil {
			return fmt.Errorf("role %q (line %d): to: %w", r.Title, n.Line, err)
		}
		if !from.IsZero() && !to.IsZero() && !to.After(from) {
			return fmt.Errorf("role %q (line %d): to is not after from", r.Title, n.Line)
		}
		e.Roles = append(e.Roles, speakerRole{Title: strings.TrimSpace(r.Title), From: from, To: to, Spun: r.Spun})
	}
	if isNew {
		s.entries = append(s.entries, e)
		s.byName[strings.ToLower(name)] = e
	}
	return nil
}

func (s *Speakers) reindex() {
	s.aliasIndex = map[string][]*speakerEntry{}
	s.roleIndex = map[string][]roleRef{}
	s.aliasMaxWord, s.roleMaxWord = 0, 0
	addAlias := func(a string, e *speakerEntry) {
		k := normPhrase(a)
		for _, x := range s.aliasIndex[k] {
			if x == e {
				return
			}
		}
		s.aliasIndex[k] = append(s.aliasIndex[k], e)
		if n := len(strings.Fields(k)); n > s.aliasMaxWord {
			s.aliasMaxWord = n
		}
	}
	for _, e := range s.entries {
		addAlias(e.Name, e)
		for _, a := range e.Aliases {
			addAlias(a, e)
		}
		for _, r := range e.Roles {
			k := normPhrase(r.Title)
			s.roleIndex[k] = append(s.roleIndex[k], roleRef{e, r})
			if n := len(strings.Fields(k)); n > s.roleMaxWord {
				s.roleMaxWord = n
			}
		}
	}
}

// List returns every registered speaker, in registry order.
func (s *Speakers) List() []*model.Speaker {
	out := make([]*model.Speaker, 0, len(s.entries))
	for _, e := range s.entries {
		sp := e.Speaker
		sp.Aliases = append([]string(nil), e.Aliases...)
		out = append(out, &sp)
	}
	return out
}

// lookup returns the registry entry with the canonical name, or nil.
func (s *Speakers) lookup(name string) *speakerEntry {
	if s == nil || s.byName == nil {
		return nil
	}
	return s.byName[strings.ToLower(name)]
}

// headFamily returns the family of a role phrase's head noun ("press
// secretary" and "spokesman" are both "spokesman"), or "". The head is the
// last role noun before any "of"/"to"/"for" phrase: "Ambassador to the
// US" is an ambassador.
func (s *Speakers) headFamily(role string) string {
	fams := s.headFamilies(role)
	if len(fams) == 0 {
		return ""
	}
	return fams[len(fams)-1]
}

// headFamilies lists the families of every role noun in a role phrase, in
// order, before any "of"/"to"/"for" phrase: "Deputy Foreign Minister" is
// both a deputy and a minister.
func (s *Speakers) headFamilies(role string) []string {
	f := strings.Fields(normPhrase(role))
	for i, w := range f {
		if w == "of" || w == "to" || w == "for" || w == "at" || w == "in" {
			f = f[:i]
			break
		}
	}
	var out []string
	for i := 0; i < len(f); i++ {
		if i+1 < len(f) {
			if fam, ok := s.roleHeads[f[i]+" "+f[i+1]]; ok {
				out = append(out, fam)
				i++
				continue
			}
		}
		if fam, ok := s.roleHeads[f[i]]; ok {
			out = append(out, fam)
		}
	}
	return out
}

// holders returns the registry speakers a role title names on the date range.
func (s *Speakers) holders(title string, earliest, latest time.Time) []roleRef {
	var out []roleRef
	seen := map[*speakerEntry]bool{}
	for _, r := range s.roleIndex[normPhrase(title)] {
		if r.role.appliesOn(earliest, latest) && !seen[r.sp] {
			seen[r.sp] = true
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].sp.Name < out[j].sp.Name })
	return out
}

var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "`", "'", "´", "'")

// normWord lower-cases a word and folds apostrophes and "U.S." spellings.
func normWord(w string) string {
	w = strings.ToLower(strings.TrimSpace(w))
	if !isASCII(w) || strings.IndexByte(w, '`') >= 0 { // the replacer only changes these
		w = apostrophes.Replace(w)
	}
	switch w {
	case "u.s.", "u.s", "us.":
		return "us"
	case "u.s.a.", "u.s.a":
		return "usa"
	}
	return w
}

// normPhrase normalises a multi-word name or title for lookups.
func normPhrase(p string) string {
	f := strings.Fields(p)
	for i, w := range f {
		f[i] = normWord(w)
	}
	return strings.Join(f, " ")
}
