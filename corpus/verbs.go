package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Verbs is the speech-verb lexicon (corpus/data/verbs.txt): the words that
// report speech ("said", "stressed", "according to"), what each takes
// before its content, and the substitutions of machine-paraphrased reposts
// ("burdened" for "stressed"), marked as spun.
type Verbs struct {
	byForm   map[string]*verbEntry // normalised form → entry
	firsts   map[string]bool       // the first word of every form
	maxWords int
}

// verbEntry is one form of the lexicon.
type verbEntry struct {
	Form      string // as listed: "said", "according to"
	Means     string // the plain verb a substitution stands for; "" for itself
	Spun      bool
	Recipient bool // "told reporters"
	Object    bool // "underscored a preference"
	Infin     bool // "threatened to"
	Frame     string
}

// The frames an entry can have.
const (
	frameVerb       = ""
	frameAccording  = "according"
	frameParticiple = "participle"
)

// Name is the entry as rules show it: "burdened (spun for stressed)".
func (v *verbEntry) Name() string {
	switch {
	case v.Spun && v.Means != "":
		return v.Form + " (spun for " + v.Means + ")"
	case v.Spun:
		return v.Form + " (spun)"
	}
	return v.Form
}

// extend adds the entries of a verbs.txt file. Errors name the line.
func (v *Verbs) extend(data []byte) error {
	if v.byForm == nil {
		v.byForm = map[string]*verbEntry{}
		v.firsts = map[string]bool{}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		e, err := parseVerbLine(text)
		if err != nil {
			return fmt.Errorf("line %d (%q): %w", line, text, err)
		}
		k := normPhrase(e.Form)
		v.byForm[k] = e
		f := strings.Fields(k)
		v.firsts[f[0]] = true
		if n := len(f); n > v.maxWords {
			v.maxWords = n
		}
	}
	return sc.Err()
}

func parseVerbLine(text string) (*verbEntry, error) {
	f := strings.Fields(text)
	var form []string
	i := 0
	for ; i < len(f); i++ {
		if strings.Contains(f[i], "=") || f[i] == "spun" {
			break
		}
		form = append(form, f[i])
	}
	if len(form) == 0 {
		return nil, fmt.Errorf("no form before the fields")
	}
	e := &verbEntry{Form: strings.Join(form, " ")}
	for ; i < len(f); i++ {
		if f[i] == "spun" {
			e.Spun = true
			continue
		}
		key, val, ok := strings.Cut(f[i], "=")
		if !ok {
			return nil, fmt.Errorf("field %q after the fields began (want key=value or spun)", f[i])
		}
		switch key {
		case "means":
			e.Means = val
		case "takes":
			for _, t := range strings.Split(val, ",") {
				switch t {
				case "recipient":
					e.Recipient = true
				case "object":
					e.Object = true
				case "infinitive":
					e.Infin = true
				default:
					return nil, fmt.Errorf("unknown takes=%s (want recipient, object or infinitive)", t)
				}
			}
		case "frame":
			switch val {
			case frameAccording, frameParticiple:
				e.Frame = val
			default:
				return nil, fmt.Errorf("unknown frame=%s (want according or participle)", val)
			}
		default:
			return nil, fmt.Errorf("unknown field %q (want means, takes, frame or spun)", key)
		}
	}
	return e, nil
}

// match returns the lexicon entry starting at the words ws (already
// normalised) and how many words it spans; longest form first.
func (v *Verbs) match(ws []string) (*verbEntry, int) {
	if v == nil || len(ws) == 0 || !v.firsts[ws[0]] {
		return nil, 0
	}
	for n := min(v.maxWords, len(ws)); n >= 2; n-- {
		if e := v.byForm[strings.Join(ws[:n], " ")]; e != nil {
			return e, n
		}
	}
	if e := v.byForm[ws[0]]; e != nil {
		return e, 1
	}
	return nil, 0
}
