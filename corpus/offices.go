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
	"regexp/syntax"
	"slices"
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
	if err = checkTitles(of.Titles); err != nil {
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
const qualGroup = `(?:\b(?P<q>` + titleQual + `)[\s-]+(?-i:(?:[A-Z][\w.'’-]*\s+){0,2}))?`

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

// titleForm is one way titles are written around a holder's name: a
// pattern for the text just before the name (ending at it), one for the
// text just after it (starting at it), or both. The titles of every
// office a holder has are combined in each form, one named group each
// (g0, g1, …), so that a name is tried against each form once; group q
// is the qualifier ("former").
type titleForm struct {
	left, right *regexp.Regexp
	// lits: lower-case literals the left and right texts must hold.
	leftLits, rightLits []string
	// need: what the text next to the name must be for the form to match
	// at all, tested before any pattern
	need formNeed
	// near bounds how far from the name (in bytes) the title written
	// before it reaches: one of leftLits must be that close
	near int
	// titleOnLeft: the title groups are in left (else in right)
	titleOnLeft bool
	// group[i] is the office group whose title capture i is (-1: none);
	// q the qualifier's capture
	group []int
	q     int
	// titleLits[g] are literals one of which a title of group g in this
	// form holds (nil: the group has none here, or none is known)
	titleLits [][]string
	in        []bool // in[g]: group g has titles in this form
	// lastWords, for a title written before the name, are the words a
	// title can end with (lower case): the word before the name must be
	// one. nil when they are not known.
	lastWords map[string]bool
	// byLast, for a title written before the name whose titles are a
	// list of phrases, holds them by their last word, longest first: the
	// title is then found without the pattern. nil otherwise.
	byLast map[string][]titlePhrase
	comma  bool // the phrase is followed by ", " (and "the" before it)
	// after, for titles written after the name (an apposition, or "%
	// administration") that are a list of phrases: them, longest first;
	// suffix: right after the name (else after ", the")
	after  []titlePhrase
	suffix bool
}

// titlePhrase is one phrasing of a title, lower case, and its group.
type titlePhrase struct {
	text  string
	group int
}

type formNeed int

const (
	needWordBefore  formNeed = iota // a word and a space before the name
	needCommaBefore                 // ", " before the name
	needCommaAfter                  // "," right after the name
	needAfter                       // a space or "'s" right after the name
)

// checkTitles checks the titles of one row: their syntax, and where %
// goes.
func checkTitles(titles string) error {
	for _, t := range splitAlternatives(titles) {
		t = strings.TrimSpace(t)
		p, sfx, _ := strings.Cut(t, "%")
		switch {
		case t == "":
			return fmt.Errorf("an empty title in %q", titles)
		case strings.Contains(sfx, "%"):
			return fmt.Errorf("title %q holds %% twice", t)
		case strings.TrimSpace(p) == "" && strings.TrimSpace(sfx) == "":
			return fmt.Errorf("title %q is only the name", t)
		}
		if _, err := syntax.Parse(`(?:`+p+`)(?:`+sfx+`)`, syntax.Perl); err != nil {
			return err
		}
	}
	return nil
}

// compileTitleForms compiles the titles of office groups (titles[i] is
// group i's) into combined forms.
//
// When phrases is set, titles that are short lists of phrases are found
// by their words rather than by patterns (the same matches, faster); the
// patterns alone are for a test to compare with.
func compileTitleForms(titles []string, phrases bool) ([]titleForm, error) {
	var plain, suffixes []string // per group: the alternation, or ""
	var out []titleForm
	named := func(alts []string) string {
		var parts []string
		for i, a := range alts {
			if a != "" {
				parts = append(parts, fmt.Sprintf("(?P<g%d>%s)", i, a))
			}
		}
		return "(?:" + strings.Join(parts, "|") + ")"
	}
	anyOf := func(alts []string) bool { return slices.ContainsFunc(alts, func(a string) bool { return a != "" }) }
	width := 0
	for gi, ts := range titles {
		var pl, sf []string
		for _, t := range splitAlternatives(ts) {
			t = strings.TrimSpace(t)
			if t == "" {
				return nil, fmt.Errorf("an empty title in %q", ts)
			}
			p, sfx, ok := strings.Cut(t, "%")
			switch {
			case !ok:
				pl = append(pl, t)
				continue
			case strings.Contains(sfx, "%"):
				return nil, fmt.Errorf("title %q holds %% twice", t)
			case strings.TrimSpace(p) == "" && strings.TrimSpace(sfx) == "":
				return nil, fmt.Errorf("title %q is only the name", t)
			case strings.TrimSpace(p) == "":
				sf = append(sf, sfx) // "% administration"
				continue
			case sfx == "":
				pl = append(pl, strings.TrimSpace(p)) // "President %"
				continue
			}
			// words on both sides of the name: a form of its own
			alt := make([]string, len(titles))
			alt[gi] = sfx
			f, err := newTitleForm(`(?i)`+qualGroup+`(?:the\s+)?(?:`+p+`)$`, `(?i)^`+named(alt)+`\b`, needAfter, false)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
		pa, sa := strings.Join(pl, "|"), strings.Join(sf, "|")
		if pa != "" {
			if tree, err := syntax.Parse(`(?:`+pa+`)`, syntax.Perl); err != nil {
				return nil, err
			} else if w := byteWidth(tree); w < 0 {
				width = -1
			} else if width >= 0 {
				width = max(width, w)
			}
		}
		plain, suffixes = append(plain, pa), append(suffixes, sa)
	}
	litsOf := func(alts []string) ([][]string, []bool) {
		ls, in := make([][]string, len(alts)), make([]bool, len(alts))
		for i, a := range alts {
			if a != "" {
				ls[i], in[i] = requiredLits(`(?i)(?:`+a+`)`), true
			}
		}
		return ls, in
	}
	if anyOf(suffixes) {
		// the qualifier before the name, the title after it
		var f titleForm
		if ph := titlePhraseList(suffixes); phrases && ph != nil {
			f = titleForm{need: needAfter, q: -1, after: ph, suffix: true}
		} else {
			var err error
			if f, err = newTitleForm(`(?i)`+qualGroup+`(?:the\s+)?$`, `(?i)^`+named(suffixes)+`\b`, needAfter, false); err != nil {
				return nil, err
			}
		}
		f.titleLits, f.in = litsOf(suffixes)
		out = append(out, f)
	}
	if anyOf(plain) {
		t := named(plain)
		var before, commaed titleForm
		if bl := titlePhrases(plain); phrases && bl != nil {
			// a list of phrases: found by their words, no pattern
			before = titleForm{need: needWordBefore, titleOnLeft: true, q: -1, byLast: bl}
			commaed = titleForm{need: needCommaBefore, titleOnLeft: true, q: -1, byLast: bl, comma: true}
		} else {
			var err error
			if before, err = newTitleForm(`(?i)`+qualGroup+`\b`+t+`\s+$`, "", needWordBefore, true); err != nil {
				return nil, err
			}
			// "the Republican nominee, Donald Trump"
			if commaed, err = newTitleForm(`(?i)\bthe\s+`+qualGroup+t+`,\s+$`, "", needCommaBefore, true); err != nil {
				return nil, err
			}
			if lw := titleLastWords(plain); lw != nil {
				before.lastWords, commaed.lastWords = lw, lw
			}
		}
		if width >= 0 {
			before.near, commaed.near = width+8, width+10 // and the spaces, the comma
		}
		var appos titleForm
		if ph := titlePhraseList(plain); phrases && ph != nil {
			appos = titleForm{need: needCommaAfter, q: -1, after: ph}
		} else {
			var err error
			if appos, err = newTitleForm("", `(?i)^,\s+(?:the\s+|a\s+)?`+qualGroup+t+`\b`, needCommaAfter, false); err != nil {
				return nil, err
			}
		}
		ls, in := litsOf(plain)
		before.titleLits, commaed.titleLits, appos.titleLits = ls, ls, ls
		before.in, commaed.in, appos.in = in, in, in
		out = append(out, before, commaed, appos)
	}
	return out, nil
}

func newTitleForm(left, right string, need formNeed, titleOnLeft bool) (titleForm, error) {
	f := titleForm{need: need, titleOnLeft: titleOnLeft, q: -1}
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
	names := f.right
	if titleOnLeft {
		names = f.left
	}
	f.group = make([]int, names.NumSubexp()+1)
	for i, n := range names.SubexpNames() {
		f.group[i] = -1
		if g, ok := strings.CutPrefix(n, "g"); ok {
			f.group[i] = dateAtoi(g)
		}
	}
	if f.left != nil {
		f.q = f.left.SubexpIndex("q")
	}
	if f.q < 0 && f.right != nil {
		f.q = -2 - f.right.SubexpIndex("q") // in right: -2-index
	}
	return f, nil
}

// requiredLits is the clause of literals one of which every match of expr
// holds (the longest-shortest one), for a cheap test before the regexp.
func requiredLits(expr string) []string {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	var best []string
	for _, clause := range requiredCNF(tree) {
		if slices.ContainsFunc(clause, func(l string) bool { return !isASCII(l) }) {
			continue
		}
		if best == nil || shortest(clause) > shortest(best) {
			best = clause
		}
	}
	return best
}

// titleLastWords returns the last words the titles alts can end with,
// lower case, or nil when a title is not a short list of phrases.
func titleLastWords(alts []string) map[string]bool {
	out := map[string]bool{}
	for _, a := range alts {
		if a == "" {
			continue
		}
		tree, err := syntax.Parse(`(?:`+a+`)`, syntax.Perl|syntax.FoldCase)
		if err != nil {
			return nil
		}
		vs, ok := expandTitles(tree.Simplify(), 4096)
		if !ok {
			return nil
		}
		for _, v := range vs {
			w := lastWord(v)
			if w == "" {
				return nil
			}
			out[w] = true
		}
	}
	return out
}

// titlePhrases lists the phrasings of the titles alts (alts[g] is group
// g's) by last word, longest first; nil when one is not a short list.
func titlePhrases(alts []string) map[string][]titlePhrase {
	out := map[string][]titlePhrase{}
	for g, a := range alts {
		if a == "" {
			continue
		}
		tree, err := syntax.Parse(`(?:`+a+`)`, syntax.Perl|syntax.FoldCase)
		if err != nil {
			return nil
		}
		vs, ok := expandTitles(tree.Simplify(), 4096)
		if !ok {
			return nil
		}
		for _, v := range vs {
			w := lastWord(v)
			if w == "" || v != strings.TrimSpace(v) || strings.ContainsAny(v, "\t\n\r\f") {
				return nil
			}
			out[w] = append(out[w], titlePhrase{v, g})
		}
	}
	for w, l := range out {
		slices.SortStableFunc(l, func(a, b titlePhrase) int { return len(b.text) - len(a.text) })
		out[w] = l
	}
	return out
}

// titlePhraseList lists the phrasings of alts (alts[g] is group g's),
// lower case, longest first; nil when one is not a short list.
func titlePhraseList(alts []string) []titlePhrase {
	var out []titlePhrase
	for g, a := range alts {
		if a == "" {
			continue
		}
		tree, err := syntax.Parse(`(?:`+a+`)`, syntax.Perl|syntax.FoldCase)
		if err != nil {
			return nil
		}
		vs, ok := expandTitles(tree.Simplify(), 4096)
		if !ok {
			return nil
		}
		for _, v := range vs {
			if v == "" || strings.ContainsAny(v, "\t\n\r\f") {
				return nil
			}
			out = append(out, titlePhrase{v, g})
		}
	}
	slices.SortStableFunc(out, func(a, b titlePhrase) int { return len(b.text) - len(a.text) })
	return out
}

// qualHead is a qualifier and up to two capitalised words opening a text.
var qualHead = regexp.MustCompile(`^(?i:(` + titleQual + `)[\s-]+)(?:[A-Z][\w.'’-]*\s+){0,2}`)

var reApposLead = regexp.MustCompile(`^,\s+(?i:(?:the|a)\s+)?`)

// matchAfter finds a title written after the name by its phrasings.
func (f titleForm) matchAfter(left, right, lright string) (start, end int, qual string, g int, ok bool) {
	start = len(left)
	pos := 0
	if f.suffix {
		// a qualifier before the name: "the previous Biden administration"
		l := left
		if ix := theTail.FindStringIndex(l); ix != nil {
			l = l[:ix[0]]
		}
		if ix := qualTail.FindStringSubmatchIndex(l); ix != nil {
			start, qual = ix[0], l[ix[2]:ix[3]]
		}
	} else {
		ix := reApposLead.FindStringIndex(right)
		if ix == nil {
			return 0, 0, "", -1, false
		}
		pos = ix[1]
		if q := qualHead.FindStringSubmatchIndex(right[pos:]); q != nil {
			// "Medvedev, the former Russian president": the words after
			// the qualifier may be the title's own
			for _, skip := range []int{q[1], q[3]} {
				if end, g, ok = f.phraseAt(right, lright, pos+skip); ok {
					if subTitle.MatchString(right[pos+q[3] : pos+skip]) {
						return 0, 0, "", -1, false
					}
					return start, end, right[pos+q[2] : pos+q[3]], g, true
				}
			}
			return 0, 0, "", -1, false
		}
	}
	if end, g, ok = f.phraseAt(right, lright, pos); !ok {
		return 0, 0, "", -1, false
	}
	return start, end, qual, g, true
}

// phraseAt finds the longest phrasing at right[pos:] that ends on a word
// boundary.
func (f titleForm) phraseAt(right, lright string, pos int) (end, g int, ok bool) {
	for _, p := range f.after {
		if !strings.HasPrefix(lright[pos:], p.text) {
			continue
		}
		e := pos + len(p.text)
		if e < len(right) && isWordByte(right[e]) == isWordByte(p.text[len(p.text)-1]) {
			continue // \b
		}
		return e, p.group, true
	}
	return 0, -1, false
}

// qualTail is a qualifier and up to two capitalised words ending a text:
// what qualGroup matches before a title.
var qualTail = regexp.MustCompile(`(?i)\b(` + titleQual + `)[\s-]+(?-i:(?:[A-Z][\w.'’-]*\s+){0,2})$`)

var theTail = regexp.MustCompile(`(?i)\bthe\s+$`)

// matchPhrase finds a title written before the name by its phrasings.
func (f titleForm) matchPhrase(left, lleft string) (start, end int, qual string, g int, ok bool) {
	t := strings.TrimRight(lleft, " \t\n\r\f")
	if len(t) == len(lleft) {
		return 0, 0, "", -1, false // no space before the name
	}
	if f.comma {
		if !strings.HasSuffix(t, ",") {
			return 0, 0, "", -1, false
		}
		t = strings.TrimSuffix(t, ",")
	}
	ts := -1
	for _, p := range f.byLast[lastWord(t[max(0, len(t)-24):])] {
		if strings.HasSuffix(t, p.text) {
			at := len(t) - len(p.text)
			if at > 0 && isWordByte(t[at-1]) == isWordByte(p.text[0]) { // \b
				continue
			}
			ts, g = at, p.group
			break
		}
	}
	if ts < 0 {
		return 0, 0, "", -1, false
	}
	start = ts
	var gap string
	if ix := qualTail.FindStringSubmatchIndex(left[:ts]); ix != nil {
		start, qual, gap = ix[0], left[ix[2]:ix[3]], left[ix[3]:ts]
	} else {
		gap = lastBytes(left[:ts], 12)
	}
	if f.comma && !theTail.MatchString(left[:start]) {
		return 0, 0, "", -1, false
	}
	if subTitle.MatchString(gap) {
		return 0, 0, "", -1, false
	}
	return start, 0, qual, g, true
}

// expandTitles is expandNames with room for the many phrasings of titles.
func expandTitles(re *syntax.Regexp, limit int) ([]string, bool) {
	return expandNamesLimit(re, limit, false)
}

// lastWord is the last run of ASCII letters in s, lower case.
func lastWord(s string) string {
	j := len(s)
	for j > 0 && !isLetter(s[j-1]) {
		j--
	}
	i := j
	for i > 0 && isLetter(s[i-1]) {
		i--
	}
	return strings.ToLower(s[i:j])
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// wordBefore is the last word of left (ASCII letters, lower case) when
// left ends with it and white space, or "".
func wordBefore(left string) string {
	t := strings.TrimRight(left, " \t\n,")
	return lastWord(t[max(0, len(t)-24):])
}

// byteWidth bounds the bytes a match of re spans in text whose letters
// are ASCII (as a title's are), or -1 when it is unbounded.
func byteWidth(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
		return 0
	case syntax.OpLiteral:
		return len(string(re.Rune))
	case syntax.OpCharClass, syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return 4
	case syntax.OpCapture, syntax.OpQuest:
		return byteWidth(re.Sub[0])
	case syntax.OpRepeat:
		w := byteWidth(re.Sub[0])
		if re.Max < 0 || w < 0 {
			return -1
		}
		return w * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			w := byteWidth(sub)
			if w < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += w
			} else {
				total = max(total, w)
			}
		}
		return total
	}
	return -1
}

// possible tests, on the bytes next to the name, whether the form can
// match at all.
func (f titleForm) possible(left, right string) bool {
	switch f.need {
	case needWordBefore:
		i := len(left)
		for i > 0 && (left[i-1] == ' ' || left[i-1] == '\t') {
			i--
		}
		return i < len(left) && i > 0 && (isWordByte(left[i-1]) || left[i-1] == '.' || left[i-1] >= 0x80)
	case needCommaBefore:
		t := strings.TrimRight(left, " \t")
		return len(t) < len(left) && strings.HasSuffix(t, ",")
	case needCommaAfter:
		return strings.HasPrefix(right, ",")
	}
	return right != "" && (right[0] == ' ' || right[0] == '\'' || strings.HasPrefix(right, "’") || right[0] == '-')
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
	rows []*Office
}

// holderGroup is every office group of one holder pattern, and the forms
// their titles take around the name.
type holderGroup struct {
	re     indexed
	groups []*officeGroup
	forms  []titleForm
	// names are the holder pattern's names, lower case, in its order,
	// when it is a short list of ASCII names: then a name is found from
	// its anchor's occurrences without the pattern. at[k][j] is where
	// anchor j (re.lits[j]) starts in names[k], or -1.
	names []string
	at    [][]int
}

// maxNames bounds the names a holder pattern is expanded into.
const maxNames = 64

// nameVariants expands a holder pattern into the names it matches, lower
// case, in the pattern's order of preference; ok is false when it is not
// a short list of ASCII names.
func nameVariants(expr string) ([]string, bool) {
	tree, err := syntax.Parse(expr, syntax.Perl|syntax.FoldCase)
	if err != nil {
		return nil, false
	}
	return expandNames(tree.Simplify())
}

func expandNames(re *syntax.Regexp) ([]string, bool) { return expandNamesLimit(re, maxNames, true) }

// expandNamesLimit expands re into at most limit strings; ascii: only
// ASCII ones.
func expandNamesLimit(re *syntax.Regexp, limit int, ascii bool) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		s := strings.ToLower(string(re.Rune))
		return []string{s}, !ascii || isASCII(s)
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if ascii && r >= 0x80 || len(out) > 8 {
					return nil, false
				}
				if c := strings.ToLower(string(r)); !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return expandNamesLimit(re.Sub[0], limit, ascii)
	case syntax.OpQuest: // greedy: the longer first
		sub, ok := expandNamesLimit(re.Sub[0], limit, ascii)
		if !ok || len(sub)+1 > limit {
			return nil, false
		}
		return append(sub, ""), true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			vs, ok := expandNamesLimit(sub, limit, ascii)
			if !ok || len(out)*len(vs) > limit {
				return nil, false
			}
			var next []string
			for _, a := range out {
				for _, b := range vs {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			vs, ok := expandNamesLimit(sub, limit, ascii)
			if !ok || len(out)+len(vs) > limit {
				return nil, false
			}
			out = append(out, vs...)
		}
		return out, true
	}
	return nil, false
}

// each calls fn with each match of the holder pattern in text, in order,
// as hg.re.eachIndexed would.
func (hg *holderGroup) each(x *litIndex, hits litHits, text, lower string, fn func(ix []int) bool) {
	if hg.names == nil || x == nil || hits.off == nil || hits.trap || !hg.re.ok || len(lower) != len(text) {
		hg.re.eachIndexed(x, hits, text, lower, fn)
		return
	}
	type cand struct{ a, b, k int }
	var cands []cand
	wordAt := func(i int) bool { return i >= 0 && i < len(text) && isWordByte(text[i]) }
	for j, id := range hg.re.ids {
		for _, p := range hits.at[hits.off[id]:hits.off[id+1]] {
			for k, name := range hg.names {
				o := hg.at[k][j]
				if o < 0 {
					continue
				}
				a, b := int(p)-o, int(p)-o+len(name)
				if a < 0 || b > len(lower) || lower[a:b] != name {
					continue
				}
				if wordAt(a-1) == wordAt(a) || wordAt(b-1) == wordAt(b) { // \b on both sides
					continue
				}
				cands = append(cands, cand{a, b, k})
			}
		}
	}
	if len(cands) == 0 {
		return
	}
	slices.SortFunc(cands, func(x, y cand) int {
		if x.a != y.a {
			return x.a - y.a
		}
		return x.k - y.k
	})
	end := -1
	var ix [2]int
	for _, c := range cands {
		if c.a < end || c.a == ix[0] && end >= 0 {
			continue
		}
		ix = [2]int{c.a, c.b}
		end = c.b
		if !fn(ix[:]) {
			return
		}
	}
}

// compileOffices groups the rows by holder and by titles, registering
// the holders' anchors in lits.
func compileOffices(list []*Office, lits *litTable, phrases bool) ([]*holderGroup, error) {
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
			if names, ok := nameVariants(of.Holder); ok && hg.re.ok && !slices.Contains(names, "") {
				hg.names = names
				for _, name := range names {
					at := make([]int, len(hg.re.lits))
					for j, l := range hg.re.lits {
						at[j] = strings.Index(name, l)
					}
					hg.at = append(hg.at, at)
				}
			}
			byHolder[of.Holder] = hg
			out = append(out, hg)
		}
		key := of.Holder + "\x00" + of.Titles
		og := byTitles[key]
		if og == nil {
			og = &officeGroup{}
			byTitles[key] = og
			hg.groups = append(hg.groups, og)
		}
		og.rows = append(og.rows, of)
	}
	for _, hg := range out {
		titles := make([]string, len(hg.groups))
		for i, g := range hg.groups {
			titles[i] = g.rows[0].Titles
		}
		forms, err := compileTitleForms(titles, phrases)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", hg.groups[0].rows[0].ID, err)
		}
		hg.forms = forms
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
	// qualWidth bounds a qualifier and the two words after it ("former
	// Russian President"): qualGroup
	qualWidth = 48
)

// qualWords are the qualifiers' words (titleQual), to skip names with
// none near.
var qualWords = map[string]bool{"former": true, "ex": true, "then": true, "late": true, "erstwhile": true, "onetime": true, "one": true, "previous": true, "past": true, "retired": true}

// hasQualWord reports whether lower-case s has a qualifier's word.
func hasQualWord(s string) bool {
	found := false
	eachWord(s, func(w string, _ int) { found = found || qualWords[w] })
	return found
}

type seenKey struct {
	g    *officeGroup
	qual string
}

// news reports whether the form may find a group not yet seen as
// current: one whose title literals are next to the name.
func (f titleForm) news(seen []seenKey, groups []*officeGroup, lleft, lright string) bool {
	if f.in == nil {
		return true
	}
	side := lright[:min(len(lright), 80)]
	if f.titleOnLeft {
		side = lleft
		if f.near > 0 && len(side) > f.near {
			side = side[len(side)-f.near:]
		}
	}
	for g, in := range f.in {
		if !in || slices.Contains(seen, seenKey{groups[g], ""}) {
			continue
		}
		if f.titleLits[g] == nil || hasAnyLit(side, f.titleLits[g]) {
			return true
		}
	}
	return false
}

// plainSeen reports whether each of groups is in seen as current.
func plainSeen(seen []seenKey, groups []*officeGroup) bool {
	for _, g := range groups {
		if !slices.Contains(seen, seenKey{g, ""}) {
			return false
		}
	}
	return true
}

// matchOffices finds the first mention of each office group, for each
// kind of qualifier, in text.
func matchOffices(hgs []*holderGroup, x *litIndex, hits litHits, text, lower string) []officeMatch {
	var out []officeMatch
	var seen []seenKey
	// hypo: groups first named as a possibility ("a Trump
	// administration", "if Clinton is the nominee"): their later mentions
	// ("the Trump administration") speak of the same possibility
	var hypo []*officeGroup
	for _, hg := range hgs {
		hg.each(x, hits, text, lower, func(ix []int) bool {
			a, b := ix[0], ix[1]
			la := max(0, a-titleLeftWidth)
			left, lleft := text[la:a], lower[la:a]
			rb := min(len(text), b+titleRightWidth)
			right, lright := text[b:rb], lower[b:rb]
			// every office of the holder found already as current, and no
			// qualifier near: the name says nothing new
			qualNear := hasQualWord(lleft) || hasQualWord(lright[:min(len(lright), 60)])
			if !qualNear && plainSeen(seen, hg.groups) {
				return true
			}
			for _, f := range hg.forms {
				if !f.possible(left, right) || !qualNear && !f.news(seen, hg.groups, lleft, lright) {
					continue
				}
				start, end, qual, gi, ok := f.match(left, lleft, right, lright)
				if !ok {
					continue
				}
				g := hg.groups[gi]
				if slices.Contains(seen, seenKey{g, normQual(qual)}) {
					continue
				}
				{ // one mention per office group and qualifier: the first
					pre, post := 80, 30
					if end > 0 {
						// "a Trump White House would…": an administration
						// named in a conditional anywhere in its sentence
						pre, post = 200, 120
					}
					if hypothetical.MatchString(text[max(0, la+start-24):la+start]) ||
						conditional.MatchString(sentencePrefix(text, la+start, pre)) || conditional.MatchString(sentenceSuffix(text, b+end, post)) ||
						qual == "" && seekingPost.MatchString(text[max(0, la+start-30):la+start]) {
						if qual == "" && !slices.Contains(hypo, g) {
							hypo = append(hypo, g)
						}
						continue
					}
					if qual == "" && slices.Contains(hypo, g) {
						continue
					}
					if qual != "" && end > 0 && staffNoun.MatchString(right[end:]) {
						continue // "a former Obama administration official"
					}
					k := seenKey{g, normQual(qual)}
					if slices.Contains(seen, k) {
						continue
					}
					seen = append(seen, k)
					out = append(out, officeMatch{group: g, qual: k.qual, span: model.Span{Start: la + start, End: b + end}})
				}
			}
			return true
		})
	}
	return out
}

// match tests the form around a name: start is where the match begins in
// left (len(left) when it begins at the name), end where it ends in right,
// g the office group whose title it is.
func (f titleForm) match(left, lleft, right, lright string) (start, end int, qual string, g int, ok bool) {
	start, end, g = len(left), 0, -1
	var lix, rix []int
	if f.byLast != nil {
		return f.matchPhrase(left, lleft)
	}
	if f.after != nil {
		return f.matchAfter(left, right, lright)
	}
	if f.left != nil {
		if f.lastWords != nil && !f.lastWords[wordBefore(lleft)] {
			return 0, 0, "", -1, false // the word before the name ends no title
		}
		l := lleft
		if f.near > 0 && len(l) > f.near {
			l = l[len(l)-f.near:] // the title's words are next to the name
		}
		if !hasAnyLit(l, f.leftLits) {
			return 0, 0, "", -1, false
		}
		// the pattern runs on as much of left as a match can span: the
		// title, a qualifier and two words, cut where \b sees the same
		cut := 0
		if f.near > 0 && len(left) > f.near+qualWidth {
			cut = widenLeft(left, len(left)-f.near-qualWidth, 0)
		}
		if lix = f.left.FindStringSubmatchIndex(left[cut:]); lix == nil {
			return 0, 0, "", -1, false
		}
		for k := range lix {
			if lix[k] >= 0 {
				lix[k] += cut
			}
		}
		if lix[0] < lix[1] {
			start = lix[0]
		}
	}
	if f.right != nil {
		if !hasAnyLit(lright, f.rightLits) {
			return 0, 0, "", -1, false
		}
		if rix = f.right.FindStringSubmatchIndex(right); rix == nil {
			return 0, 0, "", -1, false
		}
		end = rix[1]
	}
	// the title: the named group that took part
	side, ix := right, rix
	if f.titleOnLeft {
		side, ix = left, lix
	}
	ts := -1
	for c := 1; c < len(f.group) && 2*c+1 < len(ix); c++ {
		if f.group[c] >= 0 && ix[2*c] >= 0 && ix[2*c+1] > ix[2*c] {
			g, ts = f.group[c], ix[2*c]
			break
		}
	}
	if g < 0 && f.titleOnLeft {
		return 0, 0, "", -1, false // a bare name
	}
	// the qualifier, and the words between it (or the word before the
	// match) and the title, where "Vice" or "Deputy" would make it another
	var gap string
	switch {
	case f.q >= 0 && lix[2*f.q] >= 0:
		qual = left[lix[2*f.q]:lix[2*f.q+1]]
		if f.titleOnLeft {
			gap = left[lix[2*f.q+1]:ts]
		}
	case f.q < -1 && rix[2*(-2-f.q)] >= 0:
		k := -2 - f.q
		qual = right[rix[2*k]:rix[2*k+1]]
		gap = right[rix[2*k+1]:ts]
	case f.titleOnLeft:
		gap = lastBytes(side[:ts], 12)
	case f.left == nil:
		gap = side[:ts]
	}
	if g < 0 || subTitle.MatchString(gap) {
		return 0, 0, "", -1, false
	}
	return start, end, qual, g, true
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
