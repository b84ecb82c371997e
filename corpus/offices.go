package corpus

// offices.go is the table of offices and statuses (corpus/data/offices.tsv
// and the user's own file): who held which title, and when. A text that
// gives someone a title ("Secretary of State John Kerry", "Hillary
// Clinton, the Democratic nominee") was written while they held it;
// "former" (or "ex-", "late", "previous") puts it after the term, "then-"
// only after its start.

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

// Office is one row of the offices table: a holder, the titles they bear,
// and the term.
type Office struct {
	ID    string
	Start time.Time
	// End is the last day of the term; zero while it lasts.
	End time.Time
	// Status marks a title spoken of only while it lasts (a nominee, a
	// candidate, a president-elect): it weighs as much as a reference
	// event. Other offices ("President Obama") are also named in
	// retrospect, and weigh as much as a date the text mentions.
	Status bool
	// Weak rows only choose between readings other evidence leaves open
	// (as a current title; "former" always counts).
	Weak bool
	// NamedUntil, when later than the end, is how long the title is still
	// given in retrospect ("presidential candidate" after the race was
	// left, until the election): the current title holds until then.
	NamedUntil time.Time
	Label      string
	// Holder is a regular expression for the holder's names ("Barack
	// Obama|Obama"); Titles the titles, | separated, each either a phrase
	// written before the name ("President") — which also matches after it
	// as an apposition ("Obama, the president") — or a phrase with % where
	// the name goes ("% administration").
	Holder string
	Titles string
	line   int
}

// Offices is the table of offices. The zero value is empty; Registry
// fills it from corpus/data/offices.tsv.
type Offices struct {
	list []*Office
}

// List returns the rows in table order.
func (o *Offices) List() []*Office {
	if o == nil {
		return nil
	}
	return o.list
}

// extend parses a table in the offices.tsv format and adds its rows; a row
// whose id is already in the table replaces it. Errors name the line.
//
// The format: one row per line, seven tab-separated fields; blank lines
// and lines starting with # are ignored.
//
//	id  start  end  flags  label  holder  titles
//
// start and end are YYYY-MM-DD (end "-" while the term lasts); flags is
// "-" or a comma list of status, weak, until=YYYY-MM-DD; holder and
// titles are regular expressions (titles | separated, % for the name).
func (o *Offices) extend(data []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		of, err := parseOfficeLine(line)
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		of.line = n
		o.put(of)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", n+1, err)
	}
	return nil
}

func (o *Offices) put(of *Office) {
	for i, old := range o.list {
		if old.ID == of.ID {
			o.list[i] = of
			return
		}
	}
	o.list = append(o.list, of)
}

func parseOfficeLine(line string) (*Office, error) {
	f := strings.Split(line, "\t")
	if len(f) != 7 {
		return nil, fmt.Errorf("want 7 tab-separated fields (id, start, end, flags, label, holder, titles), got %d", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	of := &Office{ID: f[0], Label: f[4], Holder: f[5], Titles: f[6]}
	if of.ID == "" || strings.ContainsAny(of.ID, " \t") {
		return nil, fmt.Errorf("bad id %q", f[0])
	}
	var err error
	if of.Start, err = time.Parse("2006-01-02", f[1]); err != nil {
		return nil, fmt.Errorf("%s: bad start date %q (want YYYY-MM-DD)", of.ID, f[1])
	}
	if f[2] != "-" && f[2] != "" {
		if of.End, err = time.Parse("2006-01-02", f[2]); err != nil {
			return nil, fmt.Errorf("%s: bad end date %q (want YYYY-MM-DD or -)", of.ID, f[2])
		}
		if of.End.Before(of.Start) {
			return nil, fmt.Errorf("%s: end %s is before start %s", of.ID, f[2], f[1])
		}
	}
	if f[3] != "-" && f[3] != "" {
		for _, flag := range strings.Split(f[3], ",") {
			flag = strings.TrimSpace(flag)
			switch {
			case flag == "status":
				of.Status = true
			case flag == "weak":
				of.Weak = true
			case strings.HasPrefix(flag, "until="):
				if of.NamedUntil, err = time.Parse("2006-01-02", strings.TrimPrefix(flag, "until=")); err != nil {
					return nil, fmt.Errorf("%s: bad date in %q (want until=YYYY-MM-DD)", of.ID, flag)
				}
			default:
				return nil, fmt.Errorf("%s: unknown flag %q (want status, weak, until=YYYY-MM-DD)", of.ID, flag)
			}
		}
	}
	if of.Label == "" || of.Label == "-" {
		return nil, fmt.Errorf("%s: empty label", of.ID)
	}
	if of.Holder == "" || of.Holder == "-" {
		return nil, fmt.Errorf("%s: empty holder", of.ID)
	}
	if _, err := regexp.Compile(of.Holder); err != nil {
		return nil, fmt.Errorf("%s: bad holder pattern: %v", of.ID, err)
	}
	if of.Titles == "" || of.Titles == "-" {
		return nil, fmt.Errorf("%s: empty titles", of.ID)
	}
	if _, err := compileTitles(of.Titles); err != nil {
		return nil, fmt.Errorf("%s: bad titles: %v", of.ID, err)
	}
	return of, nil
}

// ---- matching ----

// titleQual are the words before a title that say it is not current:
// group 1 of every title pattern.
const titleQual = `former|ex|then|late|erstwhile|onetime|one-time|previous|past|retired`

// qualGroup is a qualifier and up to two capitalised words before the
// title ("former Russian President"): group 1 is the qualifier.
const qualGroup = `(?:\b(` + titleQual + `)[\s-]+(?-i:(?:[A-Z][\w.'’-]*\s+){0,2}))?`

// hypothetical before a title: "a President Trump", "the likely nominee".
var hypothetical = regexp.MustCompile(`(?i)\b(?:a|an|would-be|future|potential|possible|likely|presumptive|presumed|probable|eventual|next|hypothetical|prospective)[\s-]+$`)

// subTitle before a title makes it another: "Vice President", "Deputy
// Foreign Minister".
// (Case matters: "under President Obama" is his title.)
var subTitle = regexp.MustCompile(`\b(?:[Vv]ice|[Dd]eputy|[Aa]ssistant|Under|[Aa]cting|Associate)\b`)

// conditional around a current title: "what would President Trump do",
// "if Clinton is the nominee" — a title that may never be held.
var conditional = regexp.MustCompile(`(?i)\b(?:would|could|might|if|imagine|imagining|whether|unless|should|once)\b`)

// staffNoun after "former … administration": the person was in it, and
// it may well be in office still.
var staffNoun = regexp.MustCompile(`(?i)^\s+(?:officials?|aides?|advis[eo]rs?|staffers?|staff|members?|spokes\w+|lawyers?|veterans?|alumni|alums?|appointees?|employees?|diplomats?|hands?|managers?|chair(?:man|woman)?|chiefs?|directors?|strategists?|operatives?|workers?|volunteers?|pollsters?|surrogates?|donors?|fundraisers?|counsel)\b`)

// seekingPost before a current title: "a position in the Trump
// administration", "to serve in" — a post hoped for.
var seekingPost = regexp.MustCompile(`(?i)\b(?:position|role|job|post|seat|spot|serve|join|joining|work)\b[^.,;]{0,16}$`)

// titleForm is one way a title is written around a holder's name: a
// pattern for the text just before the name (ending at it), one for the
// text just after it (starting at it), or both. In each, group 1 is the
// qualifier and group 2 the title.
type titleForm struct {
	left, right *regexp.Regexp
	// lits: lower-case literals the left and right texts must hold.
	leftLits, rightLits []string
}

// compileTitles compiles the titles of a row into their forms.
func compileTitles(titles string) ([]titleForm, error) {
	var out []titleForm
	for _, t := range splitAlternatives(titles) {
		t = strings.TrimSpace(t)
		if t == "" {
			return nil, fmt.Errorf("an empty title in %q", titles)
		}
		if p, sfx, ok := strings.Cut(t, "%"); ok {
			if strings.Contains(sfx, "%") {
				return nil, fmt.Errorf("title %q holds %% twice", t)
			}
			if strings.TrimSpace(p) == "" && strings.TrimSpace(sfx) == "" {
				return nil, fmt.Errorf("title %q is only the name", t)
			}
			// qualifier, then the words before the name
			left := `(?i)` + qualGroup + `(?:the\s+)?(` + p + `)$`
			right := ""
			if sfx != "" {
				right = `(?i)^()(` + sfx + `)\b`
			}
			f, err := newTitleForm(left, right)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
			continue
		}
		before, err := newTitleForm(`(?i)`+qualGroup+`\b(`+t+`)\s+$`, "")
		if err != nil {
			return nil, err
		}
		// "the Republican nominee, Donald Trump"
		commaed, err := newTitleForm(`(?i)\bthe\s+`+qualGroup+`(`+t+`),\s+$`, "")
		if err != nil {
			return nil, err
		}
		appos, err := newTitleForm("", `(?i)^,\s+(?:the\s+|a\s+)?`+qualGroup+`(`+t+`)\b`)
		if err != nil {
			return nil, err
		}
		out = append(out, before, commaed, appos)
	}
	return out, nil
}

func newTitleForm(left, right string) (titleForm, error) {
	var f titleForm
	var err error
	if left != "" {
		if f.left, err = regexp.Compile(left); err != nil {
			return f, err
		}
		f.leftLits = requiredLits(left)
	}
	if right != "" {
		if f.right, err = regexp.Compile(right); err != nil {
			return f, err
		}
		f.rightLits = requiredLits(right)
	}
	return f, nil
}

// requiredLits is the clause of literals one of which every match of expr
// holds (the longest-shortest one), for a cheap test before the regexp.
func requiredLits(expr string) []string {
	w, err := compileWindowRE(expr)
	if err != nil {
		return nil
	}
	return w.lits
}

// splitAlternatives splits a pattern at its top-level | (not inside
// parentheses or a character class).
func splitAlternatives(s string) []string {
	var out []string
	depth, class, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case class:
			if c == ']' {
				class = false
			}
		case c == '[':
			class = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// officeGroup is the rows that share a holder and titles: alternatives
// (two terms of one president) a mention is one of.
type officeGroup struct {
	rows  []*Office
	forms []titleForm
}

// holderGroup is every office group of one holder pattern.
type holderGroup struct {
	re     indexed
	groups []*officeGroup
}

// compileOffices groups the rows by holder and by titles, registering
// the holders' anchors in lits.
func compileOffices(list []*Office, lits *litTable) ([]*holderGroup, error) {
	var out []*holderGroup
	byHolder := map[string]*holderGroup{}
	byTitles := map[string]*officeGroup{}
	for _, of := range list {
		hg := byHolder[of.Holder]
		if hg == nil {
			w, err := compileWindowRE(`(?i)\b(?:` + of.Holder + `)\b`)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", of.ID, err)
			}
			hg = &holderGroup{re: lits.add(w)}
			byHolder[of.Holder] = hg
			out = append(out, hg)
		}
		key := of.Holder + "\x00" + of.Titles
		og := byTitles[key]
		if og == nil {
			forms, err := compileTitles(of.Titles)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", of.ID, err)
			}
			og = &officeGroup{forms: forms}
			byTitles[key] = og
			hg.groups = append(hg.groups, og)
		}
		og.rows = append(og.rows, of)
	}
	return out, nil
}

// officeMatch is a title given to a holder in a text.
type officeMatch struct {
	group *officeGroup
	qual  string // "", or the qualifier: former, then, …
	span  model.Span
}

const (
	titleLeftWidth  = 80
	titleRightWidth = 100
)

// matchOffices finds the first mention of each office group, for each
// kind of qualifier, in text.
func matchOffices(hgs []*holderGroup, x *litIndex, hits litHits, text, lower string) []officeMatch {
	var out []officeMatch
	type seenKey struct {
		g    *officeGroup
		qual string
	}
	seen := map[seenKey]bool{}
	// hypo: a group first named as a possibility ("a Trump
	// administration", "if Clinton is the nominee"): its later mentions
	// ("the Trump administration") speak of the same possibility
	hypo := map[*officeGroup]bool{}
	for _, hg := range hgs {
		hg.re.eachIndexed(x, hits, text, lower, func(ix []int) bool {
			a, b := ix[0], ix[1]
			la := max(0, a-titleLeftWidth)
			left, lleft := text[la:a], lower[la:a]
			rb := min(len(text), b+titleRightWidth)
			right, lright := text[b:rb], lower[b:rb]
			for _, g := range hg.groups {
				for _, f := range g.forms {
					start, end, qual, ok := f.match(left, lleft, right, lright)
					if !ok {
						continue
					}
					pre, post := 80, 30
					if end > 0 {
						// "a Trump White House would…": an administration
						// named in a conditional anywhere in its sentence
						pre, post = 200, 120
					}
					if hypothetical.MatchString(text[max(0, la+start-24):la+start]) ||
						conditional.MatchString(sentencePrefix(text, la+start, pre)) || conditional.MatchString(sentenceSuffix(text, b+end, post)) ||
						qual == "" && seekingPost.MatchString(text[max(0, la+start-30):la+start]) {
						if qual == "" {
							hypo[g] = true
						}
						continue
					}
					if qual == "" && hypo[g] {
						continue
					}
					if qual != "" && end > 0 && staffNoun.MatchString(right[end:]) {
						continue // "a former Obama administration official"
					}
					k := seenKey{g, normQual(qual)}
					if seen[k] {
						break
					}
					seen[k] = true
					out = append(out, officeMatch{group: g, qual: k.qual, span: model.Span{Start: la + start, End: b + end}})
					break
				}
			}
			return true
		})
	}
	return out
}

// match tests the form around a name: start is where the match begins in
// left (len(left) when it begins at the name), end where it ends in right.
func (f titleForm) match(left, lleft, right, lright string) (start, end int, qual string, ok bool) {
	start, end = len(left), 0
	// gap: the words between the qualifier (or the word before the
	// match) and the title, where "Vice" or "Deputy" would make it another
	var gap string
	titled := false
	if f.left != nil {
		if !hasAnyLit(lleft, f.leftLits) {
			return 0, 0, "", false
		}
		ix := f.left.FindStringSubmatchIndex(left)
		if ix == nil {
			return 0, 0, "", false
		}
		if ix[0] < ix[1] {
			start = ix[0]
		}
		if ix[2] >= 0 {
			qual = left[ix[2]:ix[3]]
			gap = left[ix[3]:ix[4]]
		} else {
			gap = lastBytes(left[:ix[4]], 12)
		}
		titled = ix[5] > ix[4]
	}
	if f.right != nil {
		if !hasAnyLit(lright, f.rightLits) {
			return 0, 0, "", false
		}
		ix := f.right.FindStringSubmatchIndex(right)
		if ix == nil {
			return 0, 0, "", false
		}
		end = ix[1]
		if ix[2] >= 0 && ix[3] > ix[2] && qual == "" {
			qual = right[ix[2]:ix[3]]
			gap = right[ix[3]:ix[4]]
		} else if f.left == nil {
			gap = right[:ix[4]]
		}
		titled = titled || ix[5] > ix[4]
	}
	if !titled || subTitle.MatchString(gap) {
		return 0, 0, "", false // a bare name, or another title
	}
	return start, end, qual, true
}

func hasAnyLit(s string, lits []string) bool {
	if len(lits) == 0 {
		return true
	}
	for _, l := range lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// normQual folds a qualifier to the reading it gives: "" (current), "then"
// (at some time in the term) or "former" (after it).
func normQual(q string) string {
	switch strings.ToLower(q) {
	case "":
		return ""
	case "then":
		return "then"
	}
	return "former"
}

// officeSet is the days a mention of g with the qualifier allows: inside
// one of the terms (to the day before the successor's first; until today
// for a term that lasts), after one of them for "former", after one's
// start for "then". ok is false when the mention says nothing ("former"
// of a term that lasts). hint, when not nil, is the terms of the rows
// that are not weak, for a group that mixes them ("President Putin": his
// first presidency is history): it chooses between the windows of set.
func officeSet(g *officeGroup, qual string) (set, hint iset, ok bool) {
	mixed := false
	for _, of := range g.rows {
		if of.Weak != g.rows[0].Weak {
			mixed = true
		}
	}
	for _, of := range g.rows {
		lo, end := dnum(of.Start), posInf
		if !of.End.IsZero() {
			end = dnum(of.End) // the successor's first day
		}
		var s iset
		switch qual {
		case "then":
			s = daysBetween(lo, posInf)
		case "former":
			if end == posInf {
				continue
			}
			s = daysBetween(end, posInf)
		default:
			if end == posInf {
				s = daysBetween(lo, posInf)
			} else {
				s = daysBetween(lo, max(lo, end-1, dnum(of.NamedUntil)))
			}
		}
		set = set.union(s)
		if mixed && qual == "" && !of.Weak {
			hint = hint.union(s)
		}
	}
	return set, hint, !set.empty()
}
