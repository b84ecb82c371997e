package corpus

import (
	"strings"

	"github.com/quotetrail/quotetrail/model"
)

// People the registry does not know, found from how the text names them:
// a given name and a surname ("Pat Caddell", "John G. Stumpf"), or a title
// and a surname ("Mr. Manafort", "Sen. Warren"). Their gender, where the
// given name or the title shows it, lets "he" and "she" reach them.

// honorifics are titles before a surname, with the gender they mark.
var honorifics = map[string]string{
	"mr.": "male", "mr": "male", "mrs.": "female", "mrs": "female", "ms.": "female", "ms": "female",
	"sir": "male", "madam": "female", "dr.": "", "dr": "", "sen.": "", "rep.": "", "gov.": "", "gen.": "",
	"lt.": "", "col.": "", "adm.": "", "prof.": "", "sgt.": "", "capt.": "", "maj.": "", "amb.": "",
}

// notSurnames end a run of capitalised words as the name of a body or a
// place, not a person ("Clinton Foundation", "Jefferson Street").
var notSurnames = setOf("foundation", "campaign", "administration", "center", "centre", "university", "college",
	"street", "avenue", "road", "institute", "committee", "party", "post", "times", "news", "journal", "county",
	"city", "state", "house", "hall", "group", "company", "corporation", "inc.", "inc", "fund", "council",
	"association", "agency", "department", "ministry", "office", "school", "hospital", "airport", "park",
	"square", "bridge", "tower", "building", "library", "museum", "church", "club", "team", "network",
	"channel", "show", "review", "magazine", "daily", "tribune", "herald", "gazette", "press", "media",
	"television", "radio", "project", "initiative", "act", "bill", "law", "plan", "doctrine", "award", "prize",
	"day", "week", "island", "islands", "river", "lake", "mountain", "valley", "beach", "bay", "district")

// genderOfName is the gender a given name marks, or "".
func (a *analysis) genderOfName(first string) string {
	return a.sp.givenNames[normWord(first)]
}

// nameWord reports whether toks[k] can be part of a person's name.
func (a *analysis) nameWord(toks []token, k int) bool { return a.nameWordAt(toks, k, false) }

// nameWordAt is nameWord; first marks the first word of a name, where a
// given name ("Bill", "Mark") is a name even when the word also ends the
// names of bodies ("Farm Bill").
func (a *analysis) nameWordAt(toks []token, k int, first bool) bool {
	t := toks[k]
	if t.Kind != tokWord || !t.Cap || stopCaps[t.Low] || titles[t.Low] || honorifics[t.Low] != "" {
		return false
	}
	if _, ok := honorifics[t.Low]; ok {
		return false
	}
	if a.isHead(toks, k) || a.sp.roleWords[t.Low] || isNationality(a, t) {
		return false
	}
	if notSurnames[t.Base] {
		if _, given := a.sp.givenNames[normWord(t.Base)]; !first || !given {
			return false
		}
	}
	if _, n := a.reg.Verbs.match([]string{t.Low}); n > 0 {
		return false
	}
	return true
}

// bareName reads a person named without a role the tables know, starting
// at toks[i]: returns the person (new, or one the article named before)
// and the number of tokens of the name.
func (a *analysis) bareName(toks []token, i int) (*speakerEntry, int) {
	if !a.nameWordAt(toks, i, true) {
		return nil, 0
	}
	gender := ""
	titled := false
	if i > 0 && toks[i-1].Kind == tokWord {
		if g, ok := honorifics[toks[i-1].Low]; ok {
			gender, titled = g, true
		}
	}
	first := a.genderOfName(toks[i].Base)
	_, given := a.sp.givenNames[normWord(toks[i].Base)]
	if !titled && !given {
		return nil, 0
	}
	n := 1
	for k := i + 1; k < len(toks) && n < 5 && !toks[k-1].Poss; k++ {
		t := toks[k]
		initial := t.Kind == tokWord && t.Cap && isInitialRun(strings.TrimSuffix(t.Text, "."))
		// the period after an initial ("John G. Stumpf")
		if t.punct(".") && k > i && isInitialRun(toks[k-1].Text) && k+1 < len(toks) && a.nameWord(toks, k+1) {
			n++
			continue
		}
		if !initial && !a.nameWord(toks, k) {
			break
		}
		n++
	}
	// trailing initials are not a surname
	for n > 1 && isInitialRun(strings.TrimSuffix(toks[i+n-1].Text, ".")) {
		n--
	}
	if !titled && n < 2 {
		return nil, 0 // a given name alone ("Pat") names no one for sure
	}
	if k := i + n; k < len(toks) && toks[k].Kind == tokWord && toks[k].Cap && !toks[i+n-1].Poss && !stopCaps[toks[k].Low] {
		return nil, 0 // a longer run: a body or a place ("Jefferson Davis Highway")
	}
	if !titled {
		gender = first
	}
	name := strings.TrimSuffix(strings.TrimSuffix(a.text[toks[i].Start:toks[i+n-1].End], "’s"), "'s")
	words := strings.Fields(name)
	last := normWord(words[len(words)-1])
	if e := a.names[normPhrase(name)]; e != nil {
		return e, n
	}
	if e := a.names[last]; e != nil && (titled && len(words) == 1 || a.isTextPerson(e) && !otherGivenName(e.Name, words)) {
		// the surname of a person named before: "Mr. Stumpf" after "John Stumpf";
		// a fuller name gives the person its canonical name
		if len(words) > 1 && a.isTextPerson(e) && len(name) > len(e.Name) {
			e.Name = name
			a.names[normPhrase(name)] = e
		}
		if e.Gender == "" {
			e.Gender = gender
		}
		return e, n
	}
	if titled && len(words) == 1 {
		if es := a.sp.aliasIndex[last]; len(es) == 1 {
			return es[0], n
		}
	}
	e := &speakerEntry{Speaker: model.Speaker{Name: name}, Gender: gender}
	a.persons = append(a.persons, e)
	a.names[normPhrase(name)] = e
	if len(a.sp.aliasIndex[last]) == 0 && a.names[last] == nil {
		a.names[last] = e // the surname alone stays the first person's ("Clinton" after "Hillary Clinton … Bill Clinton")
	}
	return e, n
}

// lastNameOf is the last word of a name, normalised as a.names keys are.
func lastNameOf(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return normWord(f[len(f)-1])
}

// otherGivenName reports whether a full name (words) gives the person
// named before as known another given name: "Bill Clinton" is not
// "Hillary Clinton"; "Hillary Rodham Clinton" and "Donald J. Trump" are
// the same people as "Hillary Clinton" and "Donald Trump".
func otherGivenName(known string, words []string) bool {
	k := strings.Fields(known)
	if len(k) < 2 || len(words) < 2 {
		return false
	}
	a, b := strings.TrimSuffix(k[0], "."), strings.TrimSuffix(words[0], ".")
	if isInitialRun(a) || isInitialRun(b) {
		return false // "J. Trump": an initial may stand for either
	}
	return !strings.EqualFold(a, b)
}

// isTextPerson reports whether e is a person this article introduced (not
// a registry entry).
func (a *analysis) isTextPerson(e *speakerEntry) bool {
	for _, p := range a.persons {
		if p == e {
			return true
		}
	}
	return false
}
