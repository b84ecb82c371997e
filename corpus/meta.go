package corpus

// The metadata pass: title, source outlet, dateline place, URL and language
// of a cleaned document. Explicit metadata (front matter, HTML, JSONL)
// wins; otherwise each field comes from a named rule over the text, and a
// field the text does not settle stays empty — an outlet is never guessed.

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

const maxTitleRunes = 100

// ExtractMeta fills the document's title, source, place, URL and language
// from the explicit metadata and the cleaned text. doc.Text must already be
// c.Text.
func ExtractMeta(doc *model.Document, meta Meta, c Cleaned) {
	doc.TitleSpan = c.TitleSpan
	text := c.Text
	lead := leadParagraph(text, c.TitleSpan)

	// title
	switch {
	case strings.TrimSpace(meta.Title) != "":
		doc.Title = oneLine(meta.Title)
	case !c.TitleSpan.IsZero() && c.TitleSpan.In(len(text)):
		doc.Title = text[c.TitleSpan.Start:c.TitleSpan.End]
	default:
		doc.Title = truncateRunes(firstSentence(stripLead(lead)), maxTitleRunes)
	}

	// place and source from the dateline
	place, source := Dateline(lead)
	doc.Place = place
	switch {
	case strings.TrimSpace(meta.Source) != "":
		doc.Source = oneLine(meta.Source)
	case source != "":
		doc.Source = source
	default:
		doc.Source = creditedSource(c)
	}

	if u := strings.TrimSpace(meta.URL); u != "" {
		doc.URL = oneLine(u)
	}
	if l := strings.TrimSpace(meta.Language); l != "" {
		doc.Language = normLanguage(l)
	} else {
		doc.Language = DetectLanguage(text)
	}
}

// leadParagraph returns the first paragraph of the body after the headline.
func leadParagraph(text string, title model.Span) string {
	for _, sp := range model.ParagraphSpans(text) {
		if !title.IsZero() && sp.Start < title.End {
			continue
		}
		return text[sp.Start:sp.End]
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(Sanitize(s)), " ") }

var (
	// "date 2023-12-17 " before the body, as some aggregators print it.
	leadDate = regexp.MustCompile(`^(?i:date)\s*:?\s*\d{4}-\d{2}-\d{2}\s+`)
	// "(MENAFN)", "(MENAFN- Jordan Times)": an outlet tag opening the body.
	leadTag = regexp.MustCompile(`^\(\s*(\p{Lu}[\p{L}&.]{1,24}(?: \p{Lu}[\p{L}&.]+){0,2})\s*(?:[-–—][^()]{0,40})?\)\s*[-–—:]?\s*`)
	// "MOSCOW, January 24. /TASS/." — place, optional date, outlet in slashes.
	datelineSlash = regexp.MustCompile(`^(\p{Lu}{2}[\p{Lu} .'’-]*?)\s*(?:,[^/\n]{0,40}?)?[.,]?\s*/\s*(\p{Lu}[\p{L}&. -]{0,30}?)\s*/\s*\.?\s*`)
	// "WASHINGTON (Reuters) -", "KYIV, Ukraine, Nov 7 (AP) —".
	datelineParen = regexp.MustCompile(`^(\p{Lu}{2}[\p{Lu} .'’-]*?)\s*(?:,[^()\n]{0,40}?)?\s*\((\p{Lu}[\p{L}&. ]{0,30}?)\)\s*[-–—:]\s*`)
	// "MOSCOW — …", "MOSCOW, January 24 – …": a place with no outlet.
	datelinePlace = regexp.MustCompile(`^(\p{Lu}{3}[\p{Lu} .'’-]*?)\s*(?:,\s*(?:\p{Lu}[\p{L}.]*\s*){1,3}\d{0,2})?\s*[-–—]\s+`)
	// "WASHINGTON, June 5, 2024. …", "KYIV, 3 March 2023: …": a place and
	// a date ending their own sentence, no outlet.
	datelineDated = regexp.MustCompile(`^(\p{Lu}{3}[\p{Lu} .'’-]*?),\s*(?:\p{Lu}\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+\p{Lu}\p{L}+\.?)(?:,?\s+\d{4})?\s*[.:]\s+`)
)

// Dateline reads the dateline opening a lead paragraph: the place
// ("MOSCOW") and, when the dateline credits one, the outlet ("TASS" from
// "/TASS/", "Reuters" from "(Reuters)", "MENAFN" from a leading
// "(MENAFN)").
func Dateline(lead string) (place, source string) {
	s := leadDate.ReplaceAllString(lead, "")
	if m := leadTag.FindStringSubmatch(s); m != nil {
		source = m[1]
		s = s[len(m[0]):]
	}
	if m := datelineSlash.FindStringSubmatch(s); m != nil {
		return cleanPlace(m[1]), firstNonEmpty(source, strings.TrimSpace(m[2]))
	}
	if m := datelineParen.FindStringSubmatch(s); m != nil {
		return cleanPlace(m[1]), firstNonEmpty(source, strings.TrimSpace(m[2]))
	}
	if m := datelinePlace.FindStringSubmatch(s); m != nil {
		return cleanPlace(m[1]), source
	}
	return "", source
}

func cleanPlace(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " .,-–—"))
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// stripLead removes the dateline, date line and outlet tag opening a lead
// paragraph, so the first sentence is the story's.
func stripLead(lead string) string {
	s := leadDate.ReplaceAllString(lead, "")
	if m := leadTag.FindString(s); m != "" {
		s = s[len(m):]
	}
	for _, re := range []*regexp.Regexp{datelineSlash, datelineParen, datelinePlace, datelineDated} {
		if m := re.FindString(s); m != "" {
			return s[len(m):]
		}
	}
	return s
}

// creditRules find the outlet in syndication and subscription lines, which
// cleaning moved to Removed, or in a closing credit line left in the body.
var creditRules = []*regexp.Regexp{
	// "This post was originally published on RT", "… appeared first on X."
	regexp.MustCompile(`(?i:originally published (?:on|by|at)|appeared first on|first published (?:on|by))\s+(?:the\s+)?(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,3})`),
	// "Discover more from Defence Talks | Defense News …"
	regexp.MustCompile(`(?i:discover more from)\s+(\p{Lu}[^|\n]*?)\s*(?:\s[|–—-]\s|$)`),
	// "Source: Reuters", "Via: AP"
	regexp.MustCompile(`^(?i:source|via)\s*:\s*(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,3})\s*\.?$`),
	// "© 2024 Reuters", "Copyright © TASS"
	regexp.MustCompile(`^(?i:copyright\s*)?©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,3})`),
}

// creditedSource looks for an outlet named by a credit: first in what
// cleaning removed (footers), then in the body's last paragraph.
func creditedSource(c Cleaned) string {
	var texts []string
	for _, r := range c.Removed {
		if r.Reason == "photo caption" {
			continue // a photo agency is not the outlet
		}
		texts = append(texts, Paragraphs(r.Text)...)
	}
	if ps := model.ParagraphSpans(c.Text); len(ps) > 0 {
		last := ps[len(ps)-1]
		texts = append(texts, c.Text[last.Start:last.End])
	}
	for _, re := range creditRules {
		for _, t := range texts {
			if m := re.FindStringSubmatch(t); m != nil {
				if s := cleanOutlet(m[1]); s != "" {
					return s
				}
			}
		}
	}
	return ""
}

func cleanOutlet(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		s = s[:i] // the name ends with its sentence
	}
	s = strings.TrimSpace(strings.TrimRight(s, " .,;:!'’-"))
	if strings.EqualFold(s, "all rights reserved") {
		return ""
	}
	return s
}

// firstSentence returns text up to the end of its first sentence: a . ! or ?
// (and closing quotes) followed by a space and a capital, not after an
// initial or a common abbreviation.
func firstSentence(text string) string {
	for i, r := range text {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i + 1
		for j < len(text) {
			q, size := utf8.DecodeRuneInString(text[j:])
			if q != '"' && q != '”' && q != '’' && q != '\'' && q != ')' {
				break
			}
			j += size
		}
		if j >= len(text) {
			return text
		}
		if text[j] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[j+1:])
		if !unicode.IsUpper(next) && next != '"' && next != '“' {
			continue
		}
		if r == '.' && abbreviation(text[:i]) {
			continue
		}
		return text[:j]
	}
	return text
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true,
	"lt": true, "sen": true, "rep": true, "gov": true, "prof": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true,
}

// abbreviation reports whether the word before a period is an initial or
// an abbreviation.
func abbreviation(before string) bool {
	k := strings.LastIndexAny(before, " (\n")
	w := before[k+1:]
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

func truncateRunes(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if utf8.RuneCountInString(s[:i]) > n {
			break
		}
		if s[i] == ' ' {
			cut = i
		}
	}
	if cut == 0 {
		rs := []rune(s)
		return string(rs[:n]) + "…"
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// normLanguage turns "EN", "en-US", "en_GB" into "en".
func normLanguage(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	for _, r := range l {
		if r < 'a' || r > 'z' {
			return "und"
		}
	}
	if len(l) < 2 || len(l) > 3 {
		return "und"
	}
	return l
}

// stopWords holds the commonest function words of the Latin-script
// languages the detector tells apart.
var stopWords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was", "as", "by", "it", "are", "be", "this", "from", "has", "have", "not", "which", "will", "said", "its", "at", "an", "his", "their"},
	"fr": {"le", "la", "les", "de", "des", "et", "est", "un", "une", "du", "dans", "que", "qui", "pour", "pas", "sur", "au", "avec", "il", "elle", "ce", "sont", "par"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "des", "auf", "für", "im", "dem", "von", "sie", "es", "auch", "wird"},
	"es": {"el", "la", "los", "las", "de", "y", "en", "que", "es", "un", "una", "por", "con", "para", "del", "se", "al", "no", "su", "lo", "como", "más"},
	"it": {"il", "la", "di", "che", "e", "è", "un", "una", "per", "non", "con", "del", "della", "le", "gli", "sono", "ha", "si", "da", "nel", "alla"},
	"pt": {"o", "a", "os", "as", "de", "que", "e", "é", "um", "uma", "do", "da", "em", "para", "com", "não", "por", "se", "dos", "das", "ao"},
	"nl": {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met", "voor", "die", "ook", "aan", "er", "maar", "bij"},
}

var stopIndex = func() map[string][]string {
	m := map[string][]string{}
	for lang, ws := range stopWords {
		for _, w := range ws {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// DetectLanguage names the language of a text with a script rule and, for
// Latin script, a stop-word rule: the Latin-script language whose function
// words make the largest share of the words, if that share is telling.
// Too little text, or no clear winner, is "und".
func DetectLanguage(text string) string {
	counts := map[string]int{}
	letters, latin := 0, 0 // Latin, by far the most, counted apart from the map
	for _, r := range text {
		if r < 0x80 && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			continue // not an ASCII letter, and no other letter either
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case r < 0x250:
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			counts["Cyrillic"]++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				counts["Ukrainian"]++
			}
		case unicode.Is(unicode.Arabic, r):
			counts["Arabic"]++
		case unicode.Is(unicode.Hebrew, r):
			counts["Hebrew"]++
		case unicode.Is(unicode.Greek, r):
			counts["Greek"]++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			counts["Kana"]++
		case unicode.Is(unicode.Han, r):
			counts["Han"]++
		case unicode.Is(unicode.Hangul, r):
			counts["Hangul"]++
		case unicode.Is(unicode.Devanagari, r):
			counts["Devanagari"]++
		case unicode.Is(unicode.Thai, r):
			counts["Thai"]++
		case unicode.Is(unicode.Georgian, r):
			counts["Georgian"]++
		case unicode.Is(unicode.Armenian, r):
			counts["Armenian"]++
		}
	}
	if latin > 0 {
		counts["Latin"] = latin
	}
	if letters < 20 {
		return "und"
	}
	script, best := "", 0
	for s, n := range counts {
		if s != "Ukrainian" && (n > best || (n == best && s < script)) {
			script, best = s, n
		}
	}
	if best*2 < letters {
		return "und"
	}
	switch script {
	case "Cyrillic":
		if counts["Ukrainian"]*100 >= best {
			return "uk"
		}
		return "ru"
	case "Arabic":
		return "ar"
	case "Hebrew":
		return "he"
	case "Greek":
		return "el"
	case "Kana":
		return "ja"
	case "Han":
		if counts["Kana"]*10 >= best {
			return "ja"
		}
		return "zh"
	case "Hangul":
		return "ko"
	case "Devanagari":
		return "hi"
	case "Thai":
		return "th"
	case "Georgian":
		return "ka"
	case "Armenian":
		return "hy"
	case "Latin":
		return latinLanguage(text)
	}
	return "und"
}

func latinLanguage(text string) string {
	hits := map[string]int{}
	words := 0
	for _, w := range model.Words(text) {
		words++
		for _, lang := range stopIndex[w] {
			hits[lang]++
		}
	}
	lang, best, second := "", 0, 0
	for l, n := range hits {
		switch {
		case n > best || (n == best && l < lang):
			lang, best, second = l, n, best
		case n > second:
			second = n
		}
	}
	// function words make a fifth to a half of running text; require a
	// clear share and a clear lead over the runner-up
	if words < 5 || best*100 < words*12 || best*10 < second*13 {
		return "und"
	}
	return lang
}
