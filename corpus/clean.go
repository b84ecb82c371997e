package corpus

// The cleaning pass: sanitized text → paragraphs of body text, with page
// furniture removed (and kept, with its reason and rule), photo captions
// and credits set aside, and the headline located.

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/quotetrail/quotetrail/model"
)

// The ways a boilerplate phrase can match a paragraph; data/boilerplate.txt
// documents them.
const (
	modeLine     = "line"
	modePrefix   = "prefix"
	modeContains = "contains"
	modeTail     = "tail"
	modeCredit   = "credit"
)

// Limits on the paragraphs a rule may remove, so a phrase can take
// furniture but not an article's body.
const (
	maxFurnitureRunes = 300 // line, prefix, contains, credit
	maxHeadingRunes   = 160 // tail headings
	maxHeadlineRunes  = 220
	maxHeadlineWords  = 30
)

// BoilerplateRule is one row of the boilerplate table.
type BoilerplateRule struct {
	Reason string
	Mode   string
	Phrase string
	key    string // the phrase as paragraphs are matched: lower case
}

// Name is how a removal cites the rule: "tail:You May Also Like".
func (r BoilerplateRule) Name() string { return r.Mode + ":" + r.Phrase }

// Boilerplate is the table of page-furniture phrases cleaning removes, built
// from corpus/data/boilerplate.txt and the user's own file.
type Boilerplate struct {
	Rules []BoilerplateRule
}

// extend parses a boilerplate file (reason<TAB>mode<TAB>phrase per line)
// and appends its rules; errors name the line.
func (b *Boilerplate) extend(data []byte) error {
	for n, line := range bytes.Split(data, []byte("\n")) {
		s := strings.TrimRight(string(line), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(strings.TrimSpace(s), "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 3 {
			return fmt.Errorf("line %d: want reason<TAB>mode<TAB>phrase, got %d tab-separated fields", n+1, len(f))
		}
		reason, mode, phrase := strings.TrimSpace(f[0]), strings.ToLower(strings.TrimSpace(f[1])), strings.TrimSpace(f[2])
		switch mode {
		case modeLine, modePrefix, modeContains, modeTail, modeCredit:
		default:
			return fmt.Errorf("line %d: unknown mode %q (want line, prefix, contains, tail or credit)", n+1, f[1])
		}
		if reason == "" || phrase == "" {
			return fmt.Errorf("line %d: empty reason or phrase", n+1)
		}
		if !utf8.ValidString(phrase) {
			return fmt.Errorf("line %d: phrase is not valid UTF-8", n+1)
		}
		b.Rules = append(b.Rules, BoilerplateRule{Reason: reason, Mode: mode, Phrase: phrase, key: matchKey(phrase)})
	}
	return nil
}

// Cleaned is a text after cleaning.
type Cleaned struct {
	// Text is the body: paragraphs separated by a blank line, trimmed.
	Text string
	// Removed is everything taken out of the body, in text order, with the
	// reason and rule; photo captions are listed here too.
	Removed  []model.Removal
	Captions []string
	// TitleSpan is the headline's span in Text, when the text opens with one.
	TitleSpan model.Span
}

// Clean splits text into paragraphs (every line is one, except that lines
// hard-wrapped mid-sentence are joined), removes page furniture by the
// table's rules, moves photo captions and credits to Captions and finds the
// headline. A nil table removes only captions.
func (b *Boilerplate) Clean(text string) Cleaned {
	paras := Paragraphs(text)
	var out Cleaned
	var body []string
	for i := 0; i < len(paras); i++ {
		p := paras[i]
		key := matchKey(p)
		if rule, ok := b.match(p, key, modeTail); ok {
			if len(body) == 0 {
				out.Removed = append(out.Removed, model.Removal{Reason: rule.Reason, Rule: rule.Name(), Text: p})
				continue
			}
			out.Removed = append(out.Removed, b.tail(paras[i:], rule)...)
			break
		}
		if isPhotoCaption(p) || b.isCredit(p) {
			out.Captions = append(out.Captions, p)
			rule := "caption:place-date"
			if !captionPlaceDate.MatchString(p) {
				rule = "caption:credit"
			}
			out.Removed = append(out.Removed, model.Removal{Reason: "photo caption", Rule: rule, Text: p})
			continue
		}
		if rule, ok := b.matchAny(p, key); ok {
			out.Removed = append(out.Removed, model.Removal{Reason: rule.Reason, Rule: rule.Name(), Text: p})
			continue
		}
		body = append(body, p)
	}
	out.Text = strings.Join(body, "\n\n")
	if len(body) > 1 && isHeadline(body[0], body[1:]) {
		out.TitleSpan = model.Span{Start: 0, End: len(body[0])}
	}
	return out
}

// tail removes paras (which start with a tail heading) to the end, one
// removal per heading so each block keeps its own reason.
func (b *Boilerplate) tail(paras []string, rule BoilerplateRule) []model.Removal {
	var out []model.Removal
	cur := model.Removal{Reason: rule.Reason, Rule: rule.Name(), Text: paras[0]}
	for _, p := range paras[1:] {
		if r, ok := b.match(p, matchKey(p), modeTail); ok {
			out = append(out, cur)
			cur = model.Removal{Reason: r.Reason, Rule: r.Name(), Text: p}
			continue
		}
		cur.Text += "\n\n" + p
	}
	return append(out, cur)
}

// match finds the first rule of the mode that matches paragraph p (whose
// match key is key).
func (b *Boilerplate) match(p, key, mode string) (BoilerplateRule, bool) {
	if b == nil {
		return BoilerplateRule{}, false
	}
	n := -1 // rune count, computed once when needed
	for i := range b.Rules {
		r := &b.Rules[i]
		if r.Mode != mode {
			continue
		}
		if n < 0 {
			n = utf8.RuneCountInString(p)
		}
		if ruleMatches(r, p, key, n) {
			return *r, true
		}
	}
	return BoilerplateRule{}, false
}

// matchAny finds the first line, prefix or contains rule that matches.
func (b *Boilerplate) matchAny(p, key string) (BoilerplateRule, bool) {
	if b == nil {
		return BoilerplateRule{}, false
	}
	n := utf8.RuneCountInString(p)
	for i := range b.Rules {
		r := &b.Rules[i]
		switch r.Mode {
		case modeLine, modePrefix, modeContains:
			if ruleMatches(r, p, key, n) {
				return *r, true
			}
		}
	}
	return BoilerplateRule{}, false
}

func ruleMatches(r *BoilerplateRule, p, key string, runes int) bool {
	switch r.Mode {
	case modeLine:
		if !strings.HasPrefix(key, r.key) {
			return false
		}
		rest := strings.TrimSpace(key[len(r.key):])
		rest = strings.TrimRight(rest, ":.!…")
		rest = strings.TrimSpace(rest)
		if rest == "" {
			return true
		}
		// a count: "Comments (12)"
		if len(rest) > 2 && rest[0] == '(' && rest[len(rest)-1] == ')' {
			return strings.Trim(rest[1:len(rest)-1], "0123456789") == ""
		}
		return false
	case modePrefix:
		return runes <= maxFurnitureRunes && hasPhrasePrefix(key, r.key)
	case modeContains:
		return runes <= maxFurnitureRunes && strings.Contains(key, r.key)
	case modeTail:
		return runes <= maxHeadingRunes && hasPhrasePrefix(key, r.key) &&
			!strings.HasSuffix(strings.TrimSpace(p), ".")
	}
	return false
}

// hasPhrasePrefix reports whether key starts with phrase and the phrase ends
// at a word boundary.
func hasPhrasePrefix(key, phrase string) bool {
	if !strings.HasPrefix(key, phrase) {
		return false
	}
	if len(key) == len(phrase) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(phrase)
	next, _ := utf8.DecodeRuneInString(key[len(phrase):])
	if !isWordRune(last) {
		return true
	}
	return !isWordRune(next)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// matchKey is how paragraphs and phrases are compared: lower case, leading
// bullets and markers trimmed, white space collapsed.
func matchKey(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("•*-–—»›>#|·▶►", r)
	})
	if !singleSpaced(s) { // a paragraph of Paragraphs is
		s = strings.Join(strings.Fields(s), " ")
	}
	return strings.ToLower(s)
}

// singleSpaced reports whether s is its words joined by single spaces,
// as strings.Join(strings.Fields(s), " ") makes it.
func singleSpaced(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
			prevSpace = false
			continue
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// isCredit reports whether a short paragraph ends in a photo credit of one
// of the table's agencies: "Name Surname/AGENCY", "(AGENCY)", "AGENCY
// photo", "via AGENCY".
func (b *Boilerplate) isCredit(p string) bool {
	if b == nil || utf8.RuneCountInString(p) > maxFurnitureRunes {
		return false
	}
	t := strings.TrimSpace(p)
	period := strings.HasSuffix(t, ".")
	t = strings.TrimRight(t, ". ")
	var buf [maxFurnitureRunes]byte // an ASCII paragraph of furniture fits
	lt := lowerInto(buf[:], t)
	inner, closed := "", false
	if open := strings.LastIndexByte(lt, '('); open >= 0 && strings.HasSuffix(lt, ")") {
		inner, closed = lt[open+1:], true
	}
	for i := range b.Rules {
		r := &b.Rules[i]
		if r.Mode != modeCredit {
			continue
		}
		k := r.key
		// "(AP Photo/Name)", "(Reuters/Name)"
		if closed && (hasPrefixes(inner, k, " photo") || hasPrefixes(inner, k, "/")) {
			return true
		}
		if !strings.HasSuffix(lt, k) {
			if hasSuffixes(lt, "(", k, ")") || hasSuffixes(lt, "", k, " photo") || hasSuffixes(lt, "", k, " photo)") {
				return true
			}
			continue
		}
		before := strings.TrimRight(lt[:len(lt)-len(k)], " ")
		switch {
		case strings.HasSuffix(before, "/"):
			// "Sergei Bobylev/TASS": a name before the slash, not a path
			name := strings.TrimRight(strings.TrimSuffix(before, "/"), " ")
			if name != "" && !strings.HasSuffix(name, "/") {
				return true
			}
		case strings.HasSuffix(before, " via") && !period:
			return true
		case strings.HasSuffix(before, "photo:") || strings.HasSuffix(before, "credit:"):
			return true
		}
	}
	return false
}

// lowerInto is strings.ToLower(s), made in buf when s is ASCII and fits:
// valid only while buf is.
func lowerInto(buf []byte, s string) string {
	if len(s) > len(buf) || !isASCII(s) {
		return strings.ToLower(s)
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// hasPrefixes is strings.HasPrefix(s, a+b), without making a+b.
func hasPrefixes(s, a, b string) bool {
	return strings.HasPrefix(s, a) && strings.HasPrefix(s[len(a):], b)
}

// hasSuffixes is strings.HasSuffix(s, a+b+c), without making a+b+c.
func hasSuffixes(s, a, b, c string) bool {
	if len(s) < len(a)+len(b)+len(c) || !strings.HasSuffix(s, c) {
		return false
	}
	s = s[:len(s)-len(c)]
	return strings.HasSuffix(s, b) && strings.HasSuffix(s[:len(s)-len(b)], a)
}

var (
	// "MOSCOW, RUSSIA – DECEMBER 17, 2020: …" — the photo agencies' caption.
	captionPlaceDate = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]*\p{Lu}(?:,\s*\p{Lu}[\p{Lu} .'’-]*\p{Lu})*\s*[–—-]\s*(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zA-Z]*\.?\s+\d{1,2},?\s+\d{4}\s*:`)
	// "Photo: …", "Image credit: …", "(Photo …)".
	captionLead = regexp.MustCompile(`^(?i:\(?(?:photo|image|picture|file photo|photograph|foto|illustration|pictured)(?:\s+credit)?\s*[:|/]|\((?:photo|image|picture)\b)`)
	// "… (Photo: Reuters)", "… Photo: John Smith".
	captionTail = regexp.MustCompile(`(?i:\((?:photo|image|picture|file photo|photograph)\b[^()]*\)|\b(?:photo|image|picture)(?:\s+credit)?\s*:\s*[^.:]{2,80})\s*$`)
)

// hasDash is strings.ContainsAny(s, "-–—"), which takes the slow way
// for a set that is not all ASCII.
func hasDash(s string) bool {
	return strings.IndexByte(s, '-') >= 0 || strings.Contains(s, "–") || strings.Contains(s, "—")
}

// isPhotoCaption reports paragraphs that are captions by their form.
func isPhotoCaption(p string) bool {
	// cheap tests of what each pattern needs come first: most paragraphs
	// are prose and fail them
	if first, _ := utf8.DecodeRuneInString(p); unicode.IsUpper(first) && strings.IndexByte(p, ':') >= 0 && hasDash(p) && captionPlaceDate.MatchString(p) {
		return true
	}
	if utf8.RuneCountInString(p) > maxFurnitureRunes {
		return false
	}
	// captionLead opens with "(" or a word in p, i or f, whose cases are
	// ASCII only
	if p != "" && strings.IndexByte("(pPiIfF", p[0]) >= 0 && captionLead.MatchString(p) {
		return true
	}
	return (asciiContainsFold(p, "photo") || asciiContainsFold(p, "image") || asciiContainsFold(p, "picture")) && captionTail.MatchString(p)
}

// isHeadline reports whether the first paragraph is a headline: short, not
// ending like a sentence, not a dateline, and followed by body text.
func isHeadline(first string, rest []string) bool {
	if utf8.RuneCountInString(first) > maxHeadlineRunes || len(strings.Fields(first)) > maxHeadlineWords {
		return false
	}
	t := strings.TrimRight(first, " ")
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case '.', ';', ':', ',', '…':
		return false
	}
	if datelineStart.MatchString(first) {
		return false
	}
	for _, p := range rest {
		if len(strings.Fields(p)) >= 12 {
			return true
		}
	}
	return false
}

// datelineStart matches paragraphs that open with a dateline.
var datelineStart = regexp.MustCompile(`^\p{Lu}{2}[\p{Lu} .'’-]*(?:,[^.\n]{0,40})?(?:\s*\([^)]{1,40}\))?\s*(?:[.,]\s*/[^/]{1,30}/|[-–—:])`)

// Paragraphs splits text into normalised paragraphs: every non-blank line
// is one, except that a line which breaks off mid-sentence (no closing
// punctuation) before a line starting in lower case continues onto it.
// White space runs, tabs and no-break spaces become one space.
func Paragraphs(text string) []string {
	var out []string
	// a paragraph of one line is that line of text; lines joined are
	// copied into buf. last is the paragraph's last line, n its length.
	var buf []byte
	first, last, n := "", "", 0
	flush := func() {
		switch {
		case n == 0:
		case n == len(first):
			out = append(out, first)
		default:
			out = append(out, string(buf))
		}
		first, last, n = "", "", 0
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = normSpace(line)
		if line == "" {
			flush()
			continue
		}
		if n > 0 && !continues(last, line) {
			flush()
		}
		if n > 0 {
			if n == len(first) {
				buf = append(buf[:0], first...)
			}
			if !(strings.HasSuffix(last, "-") && n > 1) {
				buf = append(buf, ' ') // else a word hyphenated across lines
			}
			buf = append(buf, line...)
			last, n = line, len(buf)
			continue
		}
		first, last, n = line, line, len(line)
	}
	flush()
	return out
}

// continues reports whether next continues the paragraph prev, broken
// mid-sentence by a hard wrap.
func continues(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	if unicode.IsPunct(last) && last != ',' && last != '-' || unicode.IsSymbol(last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(first)
}

// normSpace trims a line and collapses its white space (tabs, no-break and
// other Unicode spaces) to single spaces.
func normSpace(s string) string {
	clean := true
	prevSpace := true
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || prevSpace {
				clean = false
				break
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	if clean && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
