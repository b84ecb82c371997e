package corpus

// The metadata pass: title, source outlet, dateline place, URL and language
// of a cleaned document. Explicit metadata (front matter, HTML, JSONL)
// wins; otherwise each field comes from a named rule over the text, and a
// field the text does not settle stays empty — an outlet is never guessed.

import (
	"net"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

const maxTitleRunes = 100

// ExtractMeta fills the document's title, source, place, URL and language
// from the explicit metadata and the cleaned text. doc.Text must already be
// c.Text.
//
// Title: the explicit one, else the headline cleaning found, else the
// first paragraph near the top that reads as a headline, else the first
// sentence of the lead — skipping site chrome on the way ("Skip to main
// content", ads.txt lines, a lone date, handle or domain, a byline). When
// the headline is a paragraph other than the one cleaning took, TitleSpan
// moves to it.
//
// Source: the explicit one, else the outlet a dateline credits in the
// first paragraphs ("/TASS/", "(Reuters)", "(UrduPoint News / Sputnik -
// 08th April, 2020)": the agency, not the site that reposts it), else a
// credit (a syndication or subscription line, "Source: X", a closing
// "– NNN-TASS"), else the agency a line of furniture credits (a closing
// "… . REUTERS", a byline "By AFP", "by ANKASAM Ekip"), else the
// publishing site's own name in its furniture ("Add Newsweek as a
// preferred source on Google", "PressTV 39 views", "See news updates on
// www.chinadaily.com.cn") or in the document's URL, else — marked "via
// X", since it names where the words were given rather than who
// published them — a news outlet the lead says a speaker told or that
// reported them ("told the Kommersant newspaper", "in an interview with
// RBC", "Tass reported").
func ExtractMeta(doc *model.Document, meta Meta, c Cleaned) {
	doc.TitleSpan = c.TitleSpan
	text := c.Text
	paras := model.ParagraphSpans(text)

	if t := strings.TrimSpace(meta.Title); t != "" {
		doc.Title = oneLine(meta.Title)
	} else {
		doc.Title, doc.TitleSpan = headline(text, paras, c.TitleSpan)
	}

	place, source := documentDateline(text, paras, doc.TitleSpan)
	doc.Place = place
	switch {
	case strings.TrimSpace(meta.Source) != "":
		doc.Source = oneLine(meta.Source)
	case source != "":
		doc.Source = source
	default:
		doc.Source = creditedSource(c, paras)
		if doc.Source == "" {
			doc.Source = wireCredit(c, paras, doc.TitleSpan)
		}
		if doc.Source == "" {
			doc.Source = siteCredit(c, paras)
		}
		if doc.Source == "" && strings.TrimSpace(meta.URL) != "" {
			doc.Source = urlSite(meta.URL, text)
		}
		if doc.Source == "" {
			if via := reportedVia(text, paras, doc.TitleSpan); via != "" {
				doc.Source = "via " + via
			}
		}
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

// topParagraphs is how many paragraphs from the top the title and the
// dateline are looked for in: a dateline stands under the headline, a
// deck, a photo credit or a few lines of site chrome.
const topParagraphs = 8

// headline picks the title: the headline cleaning found unless it is site
// chrome, else the first of the top paragraphs that is not chrome — as it
// stands when it reads as a headline (its span is returned), else the
// first sentence of it with its dateline taken off.
func headline(text string, paras []model.Span, found model.Span) (string, model.Span) {
	if !found.IsZero() && found.In(len(text)) && !isChrome(stripLead(text[found.Start:found.End]), 3) {
		return cleanTitle(leadDate.ReplaceAllString(text[found.Start:found.End], "")), found
	}
	for k, sp := range paras {
		if k == topParagraphs {
			break
		}
		p := text[sp.Start:sp.End]
		s := strings.TrimSpace(stripLead(p))
		if isChrome(s, 4) {
			continue
		}
		if looksHeadline(s) && k+1 < len(paras) {
			if s == strings.TrimSpace(p) {
				return cleanTitle(p), sp
			}
			return cleanTitle(s), model.Span{}
		}
		return cleanTitle(truncateRunes(firstSentence(s), maxTitleRunes)), model.Span{}
	}
	if len(paras) > 0 {
		sp := paras[0]
		return cleanTitle(truncateRunes(firstSentence(stripLead(text[sp.Start:sp.End])), maxTitleRunes)), model.Span{}
	}
	return "", model.Span{}
}

// cleanTitle trims a title of the marks scraped pages leave around it:
// white space, and symbols, emoji and their modifiers ("️Washington has
// not yet…", a variation selector first).
func cleanTitle(s string) string {
	junk := func(r rune) bool {
		return unicode.IsSpace(r) || unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.So, unicode.Sk)
	}
	return strings.TrimRightFunc(strings.TrimLeftFunc(s, junk), junk)
}

var (
	// "Skip to main content", "Skip to content", "Skip navigation".
	chromeSkip = regexp.MustCompile(`^(?i:skip (?:to|navigation)\b)`)
	// an ads.txt line: ", pub-1075295645606918, DIRECT, f08c47fec0942fa0".
	chromeAds = regexp.MustCompile(`\bpub-\d{6,}|,\s*(?:DIRECT|RESELLER)\b`)
	// a handle or a domain alone: "(@ChaudhryMAli88)", "UrduPoint.com".
	chromeHandle = regexp.MustCompile(`^\(?@\w+\)?$|^(?i:(?:https?://)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/?)$`)
	// a byline: "By Shane Croucher", "by ANKASAM Ekip".
	chromeByline = regexp.MustCompile(`^(?i:by)\s+\p{Lu}`)
	// a call to sign up, subscribe or follow: "Sign up now: Get ST's
	// newsletters delivered to your inbox".
	chromeCall = regexp.MustCompile(`^(?i:sign up|subscribe|follow us|connect with us|contact us|download (?:the|our) app|get (?:our|the)?\s*\S*\s*newsletters?|advertisement|read more|related)\b`)
	// links to the site's social accounts: "Ynetnews on Twitter Ynetnews
	// on Facebook".
	chromeSocial = regexp.MustCompile(`\bon (?:Twitter|Facebook|Instagram|Telegram|YouTube|WhatsApp|VK|X)\b`)
	// the words of a date or time line: "Sunday, June 16, 2024", "11 Mar
	// 2022 13:42", "16.6 C".
	dateWords = regexp.MustCompile(`(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|gmt|utc|msk|st|nd|rd|th)\b`)
)

// isChrome reports whether a top paragraph is site chrome rather than a
// headline or a lead: empty, a skip link, an ads.txt line, a handle or a
// domain alone, a byline, a call to subscribe, links to social accounts,
// a date or time alone, a bracketed link, or fewer than minWords words
// ("All news", "You are here:"; the headline cleaning found may have three:
// "Kremlin welcomes talks").
func isChrome(s string, minWords int) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	// each pattern is run only on text that has what a match needs: its
	// first letter in either case (an s also folds to ſ), a word, or no
	// space (a handle or a domain)
	first, _ := utf8.DecodeRuneInString(s)
	fold := unicode.ToLower(first)
	if first == 'ſ' {
		fold = 's'
	}
	switch {
	case fold == 's' && chromeSkip.MatchString(s),
		(strings.Contains(s, "pub-") || strings.Contains(s, "DIRECT") || strings.Contains(s, "RESELLER")) && chromeAds.MatchString(s),
		strings.IndexByte(s, ' ') < 0 && chromeHandle.MatchString(s),
		(first == 'b' || first == 'B') && chromeByline.MatchString(s),
		strings.ContainsRune("sfcdgar", fold) && chromeCall.MatchString(s):
		return true
	case strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]"):
		return true
	case strings.Contains(s, "on ") && chromeSocial.MatchString(s) && len(strings.Fields(s)) < 12:
		return true
	}
	return chromeLetters(s) < 3 || len(strings.Fields(s)) < minWords
}

// chromeLetters counts the letters of s outside the words of a date or a
// time (dateWords), stopping at 3.
func chromeLetters(s string) int {
	letters := 0
	if !isASCII(s) {
		for _, r := range dateWords.ReplaceAllString(s, "") {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		return letters
	}
	// in ASCII a date word is a whole run of word characters (\b on both
	// sides, letters alone): a run is taken out or kept as a whole
	for i := 0; i < len(s) && letters < 3; {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if w := s[i:j]; j-i > maxDateWord || !dateWord.MatchString(w) {
			for k := i; k < j; k++ {
				if c := s[k] | 0x20; 'a' <= c && c <= 'z' {
					letters++
				}
			}
		}
		i = j
	}
	return letters
}

// dateWord matches a word of dateWords alone; none is longer than
// maxDateWord bytes.
var dateWord = regexp.MustCompile(`^(?:` + dateWords.String() + `)$`)

const maxDateWord = len("wednesday")

// looksHeadline reports whether a paragraph reads as a headline: four
// words or more, not too long, and no sentence ending.
func looksHeadline(s string) bool {
	if len(strings.Fields(s)) < 4 || utf8.RuneCountInString(s) > 250 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " ”\"»’'"))
	return !strings.ContainsRune(".!?:;,", last)
}

func oneLine(s string) string { return strings.Join(strings.Fields(Sanitize(s)), " ") }

// The parts of a dateline.
const (
	// months, as datelines abbreviate them
	dlMonth = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	// "January 24", "July 19th", "22 August", "Nov 7, 2024"
	dlDate = `(?:` + dlMonth + `\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+` + dlMonth + `)(?:,?\s+\d{4})?`
	// "MOSCOW", "ST. PETERSBURG", "Moscow", "New Delhi"
	dlPlaceCaps  = `\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,3}`
	dlPlaceTitle = `\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}`
	// a region after the place: "/Alaska/", "[Russia]"
	dlRegion = `(?:\s*/\p{Lu}[\p{L} ]{1,25}/|\s*\[\p{Lu}[^\]\n]{1,25}\])?`
)

var (
	// "date 2023-12-17 " before the body, as some aggregators print it.
	leadDate = regexp.MustCompile(`^(?i:date)\s*:?\s*\d{4}-\d{2}-\d{2}\s+`)
	// "(MENAFN)", "(MENAFN- Jordan Times)", "(Adnkronos) –": an outlet tag
	// opening the body.
	leadTag = regexp.MustCompile(`^\(\s*(\p{Lu}[\p{L}&.]{1,24}(?: \p{Lu}[\p{L}&.]+){0,2})\s*(?:[-–—][^()]{0,40})?\)\s*[-–—:]?\s*`)
	// "MOSCOW, January 24. /TASS/.", "MOSCOW, July 19th. /tass/.",
	// "ANCHORAGE /Alaska/, August 16. /TASS/." — the outlet in slashes.
	datelineSlash = regexp.MustCompile(`^(` + dlPlaceCaps + `|` + dlPlaceTitle + `)` + dlRegion + `\s*(?:[,.]\s*(?:` + dlDate + `|[^/\n]{0,30}?))?\s*[.,]?\s*/\s*(\p{L}[\p{L}&. -]{0,30}?)\s*/\s*\.?\s*`)
	// "WASHINGTON (Reuters) -", "KYIV, Ukraine, Nov 7 (AP) —", "MOSCOW.
	// March 11 (Interfax) -", "Moscow [Russia] August 22 (ANI/Sputnik):",
	// "MOSCOW (UrduPoint News / Sputnik - 08th April, 2020)": the credit in
	// parentheses (parseCredit reads it).
	datelineParen = regexp.MustCompile(`^(` + dlPlaceCaps + `|` + dlPlaceTitle + `)` + dlRegion + `\s*(?:[,.]\s*[^()\n]{0,40}?|\s+` + dlDate + `)?\s*\(([^()\n]{2,70})\)\s*([-–—:]+\s*)?`)
	// "MOSCOW, July 28 – RIA Novosti. ": the outlet after a dash.
	datelineDashOutlet = regexp.MustCompile(`^(` + dlPlaceCaps + `)` + dlRegion + `\s*,\s*` + dlDate + `\s*[-–—]\s*(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+){0,2})\.\s+`)
	// "March 11 (Interfax) - ", "Dec 5 - ", "19th March 2023 – (Moscow) ":
	// a date opening the text, with or without a credit.
	datelineDate = regexp.MustCompile(`^` + dlDate + `\s*(?:\(([^()\n]{2,70})\)\s*[-–—:]|[-–—]\s*(?:\(\p{Lu}[\p{L} ]{1,30}\))?)\s*`)
	// "MOSCOW — …", "MOSCOW, January 24 – …": a place with no outlet.
	datelinePlace = regexp.MustCompile(`^(\p{Lu}{3}[\p{Lu} .'’-]*?)\s*(?:,\s*(?:\p{Lu}[\p{L}.]*\s*){1,3}\d{0,2})?\s*[-–—]\s+`)
	// "WASHINGTON, June 5, 2024. …", "KYIV, 3 March 2023: …": a place and
	// a date ending their own sentence, no outlet.
	datelineDated = regexp.MustCompile(`^(\p{Lu}{3}[\p{Lu} .'’-]*?),\s*(?:\p{Lu}\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+\p{Lu}\p{L}+\.?)(?:,?\s+\d{4})?\s*[.:]\s+`)
	// "BERLIN, March 3 - ": a place and a date before a dash.
	datelinePlaceDate = regexp.MustCompile(`^(` + dlPlaceCaps + `)` + dlRegion + `\s*,\s*` + dlDate + `\s*[-–—]\s+`)
	// the separators inside a parenthesised credit: "APP - UrduPoint",
	// "MENAFN- Jordan Times"
	creditDash = regexp.MustCompile(`\s*[-–—]\s+|\s+[-–—]\s*`)
)

// Dateline reads the dateline opening a lead paragraph: the place
// ("MOSCOW") and, when the dateline credits one, the outlet ("TASS" from
// "/TASS/", "Reuters" from "(Reuters)", "Sputnik" from "(UrduPoint News /
// Sputnik - 08th April, 2020)", "RIA Novosti" from "– RIA Novosti.",
// "MENAFN" from a leading "(MENAFN)").
func Dateline(lead string) (place, source string) {
	s := lead
	if mayLeadDate(s) {
		s = leadDate.ReplaceAllString(lead, "")
	}
	if strings.HasPrefix(s, "(") {
		if m := leadTag.FindStringSubmatch(s); m != nil {
			source = m[1]
			s = s[len(m[0]):]
		}
	}
	// the patterns below open with a capital (a place or a month) or a
	// digit (a date); what else each needs is tested before it is run
	if !mayDateline(s) {
		return "", source
	}
	if strings.IndexByte(s, '/') >= 0 {
		if m := datelineSlash.FindStringSubmatch(s); m != nil {
			if o := outletName(m[2]); o != "" {
				return cleanPlace(m[1]), firstNonEmpty(source, o)
			}
		}
	}
	if strings.IndexByte(s, '(') >= 0 {
		if m := datelineParen.FindStringSubmatch(s); m != nil {
			title := !isCapsWord(m[1])
			strong := strings.Contains(m[2], "/") || strings.ContainsAny(m[2], "0123456789")
			// a place in title case ("Moscow") is a dateline only when a dash or
			// a colon follows the credit, or the credit names a site and an
			// agency: otherwise it may be a name and a remark in parentheses
			if o := parseCredit(m[2]); o != "" && (!title || m[3] != "" || strong) {
				return cleanPlace(m[1]), firstNonEmpty(source, o)
			}
		}
	}
	if strings.IndexByte(s, ',') >= 0 {
		if m := datelineDashOutlet.FindStringSubmatch(s); m != nil {
			return cleanPlace(m[1]), firstNonEmpty(source, m[2])
		}
	}
	if strings.IndexByte(s, '(') >= 0 {
		if m := datelineDate.FindStringSubmatch(s); m != nil && m[1] != "" {
			return "", firstNonEmpty(source, parseCredit(m[1]))
		}
	}
	if m := datelinePlace.FindStringSubmatch(s); m != nil {
		return cleanPlace(m[1]), source
	}
	return "", source
}

// mayLeadDate reports whether s can open with leadDate: with "date" in
// any case ('d' has no other case than 'D').
func mayLeadDate(s string) bool { return s != "" && (s[0] == 'd' || s[0] == 'D') }

// mayDateline reports whether s can open with one of the datelines after
// leadDate and leadTag: each begins with a capital (\p{Lu}) or an ASCII
// digit (\d).
func mayDateline(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return '0' <= r && r <= '9' || unicode.IsUpper(r)
}

// topParas are the first topParagraphs paragraphs after the headline.
func topParas(paras []model.Span, title model.Span) []model.Span {
	i := 0
	for i < len(paras) && !title.IsZero() && paras[i].Start < title.End {
		i++
	}
	return paras[i:min(len(paras), i+topParagraphs)]
}

// documentDateline reads the datelines of the top paragraphs after the
// headline (a dateline can stand under a deck, a photo credit or a line
// of chrome): the first place any names, and the first outlet.
func documentDateline(text string, paras []model.Span, title model.Span) (place, source string) {
	for _, sp := range topParas(paras, title) {
		p, s := Dateline(text[sp.Start:sp.End])
		if place == "" {
			place = p
		}
		if s != "" {
			return place, s
		}
	}
	return place, ""
}

// parseCredit reads the outlet of a parenthesised dateline credit:
// "Reuters"; "UrduPoint News / Sputnik - 08th April, 2020" → Sputnik, the
// agency a site reposts; "APP - UrduPoint / Pakistan Point News - 15th
// Apr, 2021" → APP, the agency named before the sites; "ANI/Sputnik" →
// Sputnik. It returns "" for what does not read as an outlet's name.
func parseCredit(inner string) string {
	var parts []string
	for _, p := range creditDash.Split(strings.TrimSpace(inner), -1) {
		if p = strings.TrimSpace(p); p != "" && !strings.ContainsAny(p, "0123456789") {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	name := parts[0]
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return outletName(name)
}

// outletName cleans an outlet's name as a dateline or credit writes it,
// or returns "" when it does not read as one: one to four words, each
// capitalised (or "&"); an agency written in lower case in slashes
// ("/tass/") is upper-cased.
func outletName(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " .,;:-–—/"))
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || utf8.RuneCountInString(s) > 40 {
		return ""
	}
	if len(words) == 1 && isLowerWord(s) && utf8.RuneCountInString(s) <= 6 {
		return strings.ToUpper(s)
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && w != "&" {
			return ""
		}
	}
	return s
}

func isLowerWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

func isCapsWord(s string) bool {
	up := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 2
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

// LeadingDateline returns the length in bytes of the dateline opening s,
// with the space after it, or 0: an aggregator's "date 2025-11-13 ", an
// outlet tag "(MENAFN) ", "MOSCOW, January 24. /TASS/. ", "Moscow [Russia]
// August 22 (ANI/Sputnik): ", "MOSCOW (UrduPoint News / Sputnik - 08th
// April, 2020) ", "March 11 (Interfax) - ", "WASHINGTON, June 5, 2024. ".
// Extraction calls it so that no statement's words open with one. A place
// alone before a dash ("MOSCOW — ") is left: it could be a name opening a
// sentence ("NATO — ").
func LeadingDateline(s string) int {
	n := 0
	for k := 0; k < 4; k++ {
		m := leadingDatelineOnce(s[n:])
		if m == 0 {
			break
		}
		n += m
	}
	return n
}

// leadingDatelineOnce is the length of the one dateline, date line or
// outlet tag opening rest, or 0. What each pattern needs — its first
// character, a slash, a parenthesis, a comma — is tested before it is run.
func leadingDatelineOnce(rest string) int {
	if mayLeadDate(rest) {
		if loc := leadDate.FindStringIndex(rest); loc != nil {
			return loc[1]
		}
	}
	if strings.HasPrefix(rest, "(") {
		if loc := leadTag.FindStringIndex(rest); loc != nil {
			return loc[1]
		}
	}
	if !mayDateline(rest) {
		return 0
	}
	if strings.IndexByte(rest, '/') >= 0 {
		if sm := datelineSlash.FindStringSubmatchIndex(rest); sm != nil && outletName(rest[sm[4]:sm[5]]) != "" {
			return sm[1]
		}
	}
	paren, comma := strings.IndexByte(rest, '(') >= 0, strings.IndexByte(rest, ',') >= 0
	if paren {
		if sm := datelineParen.FindStringSubmatchIndex(rest); sm != nil && parseCredit(rest[sm[4]:sm[5]]) != "" &&
			(isCapsWord(rest[sm[2]:sm[3]]) || sm[6] >= 0 || strings.Contains(rest[sm[4]:sm[5]], "/")) {
			return sm[1]
		}
	}
	for _, p := range []struct {
		re   *regexp.Regexp
		need bool
	}{{datelineDashOutlet, comma}, {datelineDate, true}, {datelineDated, comma}, {datelinePlaceDate, comma}} {
		if !p.need {
			continue
		}
		if loc := p.re.FindStringIndex(rest); loc != nil {
			return loc[1]
		}
	}
	return 0
}

// stripLead removes the dateline, date line and outlet tag opening a lead
// paragraph, so the first sentence is the story's.
func stripLead(lead string) string {
	if n := LeadingDateline(lead); n > 0 {
		return lead[n:]
	}
	if !mayDateline(lead) {
		return lead
	}
	if m := datelinePlace.FindString(lead); m != "" {
		return lead[len(m):]
	}
	return lead
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
	// "… arrived in Moscow earlier yesterday.– NNN-TASS": an agency in
	// capitals after a dash closing the story; of a chain ("NNN-TASS", a
	// network carrying TASS) the last, as in "(ANI/Sputnik)"
	regexp.MustCompile(`[.!?”"]\s*[-–—]\s*(?:\p{Lu}[\p{Lu}\d&]+[-/])*(\p{Lu}[\p{Lu}\d&]+)\s*$`),
}

// creditMay tells, for each of creditRules, whether a text has what a
// match needs (its case-insensitive words are ASCII letters without the
// Kelvin sign's k or the long s's s, so asciiContainsFold finds them).
var creditMay = []func(t string) bool{
	func(t string) bool { return asciiContainsFold(t, "ublished") || asciiContainsFold(t, "ppeared fir") },
	func(t string) bool { return asciiContainsFold(t, "more from") },
	func(t string) bool { return strings.IndexByte(t, ':') >= 0 },
	func(t string) bool { return strings.Contains(t, "©") },
	hasDash,
}

// creditedSource looks for an outlet named by a credit: first in what
// cleaning removed (footers), then in the body's last paragraph.
// paras are c.Text's paragraphs (model.ParagraphSpans).
func creditedSource(c Cleaned, paras []model.Span) string {
	var texts []string
	for _, r := range c.Removed {
		if r.Reason == "photo caption" {
			continue // a photo agency is not the outlet
		}
		texts = append(texts, Paragraphs(r.Text)...)
	}
	if len(paras) > 0 {
		last := paras[len(paras)-1]
		texts = append(texts, c.Text[last.Start:last.End])
	}
	for i, re := range creditRules {
		for _, t := range texts {
			if !creditMay[i](t) {
				continue
			}
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

// Where the words were given: "told the Kommersant newspaper", "in an
// interview with RBC", "according to Russia's Interfax agency", "as
// quoted by RIA Novosti", "confirmed to Sputnik", "Tass reported", "APA's
// Moscow correspondent reports", "…, reports TASS.".
const (
	viaName  = `((?:\p{Lu}[\p{L}&.'’-]*)(?:\s+\p{Lu}[\p{L}&.'’-]*){0,3})`
	viaMedia = `(?:news agency|news service|agency|newspaper|daily|weekly|magazine|TV channel|TV|television|channel|broadcaster|radio|website|portal|outlet)`
)

var viaRules = []*regexp.Regexp{
	regexp.MustCompile(`\b(?:told|telling)\s+(?:the\s+)?` + viaName + `(\s+` + viaMedia + `)?`),
	regexp.MustCompile(`\binterview (?:with|to)\s+(?:the\s+)?` + viaName + `(\s+` + viaMedia + `)?`),
	regexp.MustCompile(`\b(?:according to|as quoted by|quoted by|reported by|cited by|citing)\s+(?:the\s+)?` + viaName + `(\s+` + viaMedia + `)?`),
	regexp.MustCompile(`\b(?:confirmed|said|stated|explained)\s+(?:on \p{Lu}\p{L}+\s+)?to\s+(?:the\s+)?` + viaName + `(\s+` + viaMedia + `)?`),
	regexp.MustCompile(viaName + `(\s+` + viaMedia + `)?(?:['’]s\s+(?:\p{Lu}\p{L}+\s+)?correspondent)?\s+(?:reported|reports)\b`),
	regexp.MustCompile(`,\s+(?:reports|reported|writes)\s+` + viaName + `()\s*[.;]`),
}

// viaNeeds holds, for each of viaRules, words of which a match has one
// at least: a paragraph with none is not read with the rule.
var viaNeeds = [][]string{
	{"told", "telling"},
	{"interview "},
	{"according to", "quoted by", "reported by", "cited by", "citing"},
	{"confirmed", "said", "stated", "explained"},
	{"report"},
	{"report", "writes"},
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// viaMediaWords end the names of news outlets: "RIA Novosti", "Fox News",
// "Rossiyskaya Gazeta".
var viaMediaWords = map[string]bool{
	"News": true, "Novosti": true, "Times": true, "Post": true, "Journal": true, "Gazette": true, "Gazeta": true,
	"Daily": true, "Telegraph": true, "Herald": true, "Tribune": true, "Today": true, "Agency": true, "Press": true,
	"Media": true, "TV": true, "Radio": true, "Channel": true, "Wire": true, "Broadcasting": true,
}

// viaNotOutlets are acronyms that name institutions, not news outlets.
var viaNotOutlets = map[string]bool{
	"UN": true, "NATO": true, "EU": true, "US": true, "USA": true, "UK": true, "OSCE": true, "IAEA": true, "FSB": true,
	"CIA": true, "FBI": true, "NSC": true, "UNSC": true, "G7": true, "G20": true, "BRICS": true, "SCO": true,
	"CSTO": true, "WHO": true, "IMF": true, "PACE": true, "OPCW": true, "KGB": true, "GRU": true, "SVR": true,
}

// viaParagraphs is how far into the body reportedVia reads: the lead and
// what follows it attribute the story's words; further down "X reported"
// is about something else.
const viaParagraphs = 3

// reportedVia finds, in the first paragraphs after the headline, a news
// outlet the text says the words were given to or reported by. A name
// counts as an outlet when a word says so ("newspaper", "agency", "TV"),
// when it is an acronym that names no institution (TASS, RBC), or when it
// ends with a word outlets' names end with ("RIA Novosti"); "told Pavel
// Zarubin" and "told Politico" stay unread.
func reportedVia(text string, paras []model.Span, title model.Span) string {
	seen := 0
	for _, sp := range paras {
		if !title.IsZero() && sp.Start < title.End {
			continue
		}
		if seen == viaParagraphs {
			break
		}
		seen++
		p := text[sp.Start:sp.End]
		for i, re := range viaRules {
			if !containsAny(p, viaNeeds[i]) {
				continue
			}
			for _, m := range re.FindAllStringSubmatch(p, -1) {
				if name := viaOutlet(m[1], strings.TrimSpace(m[2]) != ""); name != "" {
					return name
				}
			}
		}
	}
	return ""
}

// viaOutlet returns the outlet's name in a "via" phrase, or "" when the
// phrase names no outlet.
func viaOutlet(name string, described bool) string {
	words := strings.Fields(name)
	// "Russia's Interfax" → Interfax
	for len(words) > 1 && (strings.HasSuffix(words[0], "'s") || strings.HasSuffix(words[0], "’s")) {
		words = words[1:]
	}
	for len(words) > 0 && (words[0] == "The" || words[0] == "A") {
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	name = strings.TrimRight(strings.Join(words, " "), ".,;:'’")
	first := strings.TrimRight(words[0], ".,;:'’")
	switch {
	case viaNotOutlets[first]:
		return ""
	case described, isCapsWord(first) && utf8.RuneCountInString(first) >= 2, viaMediaWords[strings.TrimRight(words[len(words)-1], ".,;:'’")]:
		return name
	}
	return ""
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

// stopLangs are the languages of stopWords in order, and stopIndex gives
// for each stop word the indexes of its languages.
var stopLangs, stopIndex = func() ([]string, map[string][]uint8) {
	var langs []string
	for lang := range stopWords {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	m := map[string][]uint8{}
	for i, lang := range langs {
		for _, w := range stopWords[lang] {
			m[w] = append(m[w], uint8(i))
		}
	}
	return langs, m
}()

// maxStopRunes is the length of the longest stop word, in runes.
var maxStopRunes = func() int {
	n := 0
	for _, ws := range stopWords {
		for _, w := range ws {
			n = max(n, utf8.RuneCountInString(w))
		}
	}
	return n
}()

// DetectLanguage names the language of a text with a script rule and, for
// Latin script, a stop-word rule: the Latin-script language whose function
// words make the largest share of the words, if that share is telling.
// Too little text, or no clear winner, is "und".
func DetectLanguage(text string) string {
	counts := map[string]int{}
	letters, latin := 0, 0 // Latin, by far the most, counted apart from the map
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if c |= 0x20; 'a' <= c && c <= 'z' {
				letters++
				latin++
			}
			continue // an ASCII letter, or not a letter at all
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
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
	hits := make([]int, len(stopLangs))
	words := 0
	eachStopWord(text, func(langs []uint8) {
		words++
		for _, l := range langs {
			hits[l]++
		}
	})
	lang, best, second := "", 0, 0
	for i, n := range hits {
		l := stopLangs[i]
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

// eachStopWord calls f for each word model.Words finds in text, with the
// languages (stopIndex) of the word as model.Words normalises it: none for
// most, found without lower-casing the words of running text one by one.
func eachStopWord(text string, f func(langs []uint8)) {
	var buf [16]byte
	word := func(w string) {
		// model.Words folds ’ to ', lower-cases (rune by rune) and trims
		// trailing apostrophes; no stop word has one, or more runes than
		// maxStopRunes
		for {
			if strings.HasSuffix(w, "'") {
				w = w[:len(w)-1]
			} else if strings.HasSuffix(w, "’") {
				w = w[:len(w)-len("’")]
			} else {
				break
			}
		}
		ascii := true
		for i := 0; i < len(w) && ascii; i++ {
			ascii = w[i] < utf8.RuneSelf
		}
		if !ascii {
			if strings.Contains(w, "’") || strings.IndexByte(w, '\'') >= 0 || utf8.RuneCountInString(w) > maxStopRunes {
				f(nil)
			} else {
				f(stopIndex[strings.ToLower(w)])
			}
			return
		}
		if len(w) > maxStopRunes || len(w) > len(buf) {
			f(nil)
			return
		}
		b := buf[:len(w)]
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		// an ASCII apostrophe inside stays, and finds no stop word
		f(stopIndex[string(b)])
	}
	start := -1
	for i, n := 0, 0; i < len(text); i += n {
		var isWord bool
		if c := text[i]; c < utf8.RuneSelf {
			isWord = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '\'' && start >= 0
			n = 1
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			isWord = unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' && start >= 0
		}
		if isWord && start < 0 {
			start = i
		}
		if !isWord && start >= 0 {
			word(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		word(text[start:])
	}
}

// Furniture credits: the outlet named by a line of page furniture rather
// than by a dateline or a credit line. First the agency the text is
// credited to (wireCredit), then the site that publishes it (siteCredit).
var (
	// "… with Umerov. REUTERS": an agency in capitals standing after the
	// story's last sentence, as newspapers credit wire copy.
	closingCaps = regexp.MustCompile(`[.!?”"’]\s+(\p{Lu}[\p{Lu}&]{1,11}(?:\s\p{Lu}[\p{Lu}&]{1,11})?)\s*$`)
	// "by ANKASAM Ekip", "By Newsweek Staff", "By The Associated Press",
	// "By AFP": a byline naming an organisation — a name and a word for a
	// newsroom, an outlet's name, or one acronym.
	bylineTeam   = regexp.MustCompile(`^(?i:by)\s+(?:(?i:the)\s+)?(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,3}?)\s+(?:Staff|Team|Desk|News Desk|Newsroom|Editorial(?: Team| Staff| Board)?|Ekip|Bureau|Wire)\.?$`)
	bylineOutlet = regexp.MustCompile(`^(?i:by)\s+(?:(?i:the)\s+)?(\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,3})\.?$`)
	// "By Jane Doe, AFP", "By Jane Doe | Associated Press": a reporter and
	// the agency they write for.
	bylineWith = regexp.MustCompile(`^(?i:by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*[,|]\s*(?:(?i:the)\s+)?(\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,3})\.?$`)
	// "Add Newsweek as a preferred source on Google": the site asking to
	// be followed under its name.
	sitePreferred = regexp.MustCompile(`(?:^|[\s.|•])(?i:add|make|set)\s+(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,3})\s+(?:(?i:as)\s+)?(?:(?i:a|your)\s+)?(?i:preferred|trusted)\s+(?i:source)`)
	// "Newsweek is a Trust Project member"
	siteTrust = regexp.MustCompile(`(?:^|[\s.|•])(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,3})\s+is\s+a\s+Trust\s+Project\s+member`)
	// "PressTV 39 views", "Global News 1.2K views": a video page's channel
	// line, standing alone.
	siteViews = regexp.MustCompile(`^(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,3})\s*[•·|]?\s*\d[\d.,]*\s*[KkMm]?\s+views?$`)
	// "Uploaded by a Newsflare content partner": the video platform.
	sitePartner = regexp.MustCompile(`^(?i:uploaded by)\s+(?:(?i:an?)\s+)?(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,2})\s+(?i:content partner|partner|contributor|user|member)\b`)
	// "See news updates on www.chinadaily.com.cn", "For more news visit
	// www.example.com": the site pointing to itself for its news.
	siteNewsDomain = regexp.MustCompile(`^(?i:(?:see|get|read|find|follow|for)\b[^.\n]{0,30}\b(?:news|updates|stories|coverage)\b[^.\n]{0,20}?\b(?:on|at|visit|from)\s+)(?:https?://)?(www\.[a-z\d-]+(?:\.[a-z\d-]+)+)/?\.?$`)
)

// notWireCredits are words in capitals that close a story or follow a
// byline's name without naming an agency.
var notWireCredits = map[string]bool{
	"END": true, "ENDS": true, "MORE": true, "ADVERTISEMENT": true, "AD": true, "PHOTO": true, "VIDEO": true, "READ": true,
	"TOPICS": true, "RELATED": true, "SHARE": true, "UPDATE": true, "UPDATED": true, "NEW": true, "BREAKING": true, "OK": true,
	"WATCH": true, "LIVE": true, "OPINION": true, "ANALYSIS": true, "EXCLUSIVE": true, "SUBSCRIBE": true, "FOLLOW": true,
	"COMMENTS": true, "TAGS": true, "TOP": true, "BACK": true, "HOME": true, "MENU": true, "LOGIN": true,
	"I": true, "II": true, "III": true, "IV": true, "TV": true, "PM": true, "AM": true, "GMT": true, "UTC": true, "MSK": true,
	// a person's letters after a byline's name: "By Jane Doe, MP"
	"MP": true, "MEP": true, "MD": true, "CEO": true, "QC": true, "KC": true, "OBE": true, "MBE": true, "CBE": true,
	"JR": true, "SR": true, "PHD": true, "ESQ": true,
}

// notBylineOutlets are what a byline names that is no outlet: a site's
// placeholder author, a person's title.
var notBylineOutlets = map[string]bool{
	"Admin": true, "Administrator": true, "Editor": true, "Editors": true, "Staff": true, "Author": true, "Guest": true,
	"Our": true, "Web": true, "Team": true, "Desk": true, "Newsroom": true,
}

// wireCredit finds the agency a line of furniture credits the text to: a
// closing agency in capitals after the last sentence ("… Umerov.
// REUTERS"; a long name shouted in capitals is written as a name,
// "Reuters"), or a byline naming an organisation in the top paragraphs
// ("by ANKASAM Ekip", "By The Associated Press", "By AFP", "By Jane Doe,
// AFP"; not one in a
// related story's block cleaning removed). A text that mentions Reuters in
// passing is not credited.
func wireCredit(c Cleaned, paras []model.Span, title model.Span) string {
	if len(paras) > 0 {
		last := paras[len(paras)-1]
		if p := c.Text[last.Start:last.End]; p != "" && unicode.IsUpper(lastRune(p)) {
			if m := closingCaps.FindStringSubmatch(p); m != nil {
				if name := wireName(m[1]); name != "" {
					return name
				}
			}
		}
	}
	for _, sp := range topParas(paras, title) {
		if name := bylineOrg(strings.TrimSpace(c.Text[sp.Start:sp.End])); name != "" {
			return name
		}
	}
	return ""
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return r
}

// wireName reads a closing credit in capitals: one word, or two that end
// as an outlet's name ends ("RIA NOVOSTI" → RIA Novosti, "BBC NEWS" → BBC
// News); no institution (NATO) and no closing mark of the page (END, MORE).
func wireName(s string) string {
	words := strings.Fields(s)
	for _, w := range words {
		if notWireCredits[w] || viaNotOutlets[w] {
			return ""
		}
	}
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		title := string(r) + strings.ToLower(w[n:])
		switch {
		case len(words) == 1 && (viaMediaWords[title] || viaMediaWords[w]):
			return "" // "NEWS", "TV": a word of a name, not one
		case i > 0 && !viaMediaWords[title] && !viaMediaWords[w]:
			return "" // "TASS REPORTED": a second word is an outlet's ("RIA NOVOSTI", "BBC NEWS")
		case viaMediaWords[title], utf8.RuneCountInString(w) > 4 && !strings.Contains(w, "&"):
			words[i] = title
		}
	}
	return strings.Join(words, " ")
}

// bylineOrg returns the organisation a byline names, or "".
func bylineOrg(l string) string {
	if len(l) < 5 || l[0] != 'b' && l[0] != 'B' || l[1] != 'y' && l[1] != 'Y' {
		return ""
	}
	if m := bylineTeam.FindStringSubmatch(l); m != nil {
		if name := strings.TrimRight(m[1], ".,;:"); !notBylineOutlets[strings.Fields(name)[0]] {
			return name
		}
	}
	m := bylineOutlet.FindStringSubmatch(l)
	with := false
	if m == nil {
		if m = bylineWith.FindStringSubmatch(l); m == nil {
			return ""
		}
		with = true
	}
	name := strings.TrimRight(m[1], ".,;:'’")
	words := strings.Fields(name)
	switch {
	case with && len(words) > 1 && viaMediaWords[words[len(words)-1]]:
		return name // "By Jane Doe, Kyiv Post": after a reporter, an outlet's name
	case len(words) == 1 && isCapsWord(words[0]) && utf8.RuneCountInString(words[0]) <= 8 &&
		!viaNotOutlets[words[0]] && !notWireCredits[words[0]]:
		return name // "By AFP", "BY TASS"
	case len(words) > 1 && bylineMediaWords[words[len(words)-1]]:
		return name // "By The Associated Press", "By Fox News"
	case len(words) > 1 && viaMediaWords[words[len(words)-1]] && strings.HasPrefix(strings.ToLower(l[2:]), " the "):
		return name // "By The Washington Post"; "By Sarah Post" is a person
	}
	return ""
}

// bylineMediaWords end outlets' names and hardly a person's: "By Sarah
// Post" and "By Emily Herald" may be people, "By Fox News" is not.
var bylineMediaWords = map[string]bool{
	"News": true, "Novosti": true, "Times": true, "Journal": true, "Gazette": true, "Gazeta": true, "Telegraph": true,
	"Tribune": true, "Agency": true, "Press": true, "Media": true, "TV": true, "Radio": true, "Wire": true, "Broadcasting": true,
}

// siteCredit finds the publishing site's own name in its furniture: a
// request to be followed ("Add Newsweek as a preferred source on Google"),
// a membership ("Newsweek is a Trust Project member"), a video page's
// channel line under the video ("PressTV 39 views") or platform ("Uploaded by a Newsflare
// content partner"), or the site pointing to itself for its news ("See
// news updates on www.chinadaily.com.cn": the name the text gives the
// domain, "China Daily", else the domain). Lines are the top paragraphs,
// the last ones and what cleaning removed.
func siteCredit(c Cleaned, paras []model.Span) string {
	var lines []string
	top := 0 // lines[:top] are the first channelParagraphs
	for k, sp := range paras {
		if k < topParagraphs || k >= len(paras)-topParagraphs {
			lines = append(lines, c.Text[sp.Start:sp.End])
		}
		if k < channelParagraphs {
			top = len(lines)
		}
	}
	for _, r := range c.Removed {
		if r.Reason != "photo caption" {
			lines = append(lines, Paragraphs(r.Text)...)
		}
	}
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if strings.Contains(l, "ource") {
			if m := sitePreferred.FindStringSubmatch(l); m != nil {
				if name := siteOutlet(m[1]); name != "" {
					return name
				}
			}
		}
		if strings.Contains(l, "Trust Project") {
			if m := siteTrust.FindStringSubmatch(l); m != nil {
				if name := siteOutlet(m[1]); name != "" {
					return name
				}
			}
		}
		// the channel line stands under the video; further down, a line so
		// is a related video's title and count
		if i < top && (strings.HasSuffix(l, "views") || strings.HasSuffix(l, "view")) {
			if m := siteViews.FindStringSubmatch(l); m != nil {
				if name := siteOutlet(m[1]); name != "" {
					return name
				}
			}
		}
		if asciiContainsFold(l, "uploaded by") {
			if m := sitePartner.FindStringSubmatch(l); m != nil {
				if name := siteOutlet(m[1]); name != "" {
					return name
				}
			}
		}
		if strings.Contains(l, "www.") {
			if m := siteNewsDomain.FindStringSubmatch(l); m != nil {
				return siteName(m[1], c.Text)
			}
		}
	}
	return ""
}

// siteOutlet cleans a site's name read from its furniture, or returns ""
// for what is not one: a byline ("By …"), or words glued together where
// scraping lost the spaces between links ("CroucherShareNewsweek").
func siteOutlet(s string) string {
	s = cleanOutlet(s)
	words := strings.Fields(s)
	if len(words) == 0 || strings.EqualFold(words[0], "by") {
		return ""
	}
	for _, w := range words {
		if glued(w) {
			return ""
		}
	}
	return s
}

// glued reports whether a word holds two words run together: four lower-case
// letters or more, then a capital and a lower-case letter ("CroucherShare");
// "McDonald", "YouTube" and "PressTV" are names.
func glued(w string) bool {
	lower := 0
	rs := []rune(w)
	for i, r := range rs {
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r):
			if lower >= 4 && i+1 < len(rs) && unicode.IsLower(rs[i+1]) {
				return true
			}
			lower = 0
		default:
			lower = 0
		}
	}
	return false
}

// channelParagraphs is how far from the top a video page's channel line
// stands: under the video's title, before its description.
const channelParagraphs = 3

// siteName names the site at a host: the name the text writes that folds
// to the host's own label ("China Daily" for www.chinadaily.com.cn), else
// the registered domain ("news-pravda.com" for trump.news-pravda.com,
// "chinadaily.com.cn").
func siteName(host, text string) string {
	host = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(host), "."))
	if i := strings.IndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return ""
	}
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-1]) == 2 {
		switch labels[len(labels)-2] {
		case "com", "co", "org", "net", "gov", "ac", "edu", "or", "ne", "go":
			n = 3 // "chinadaily.com.cn", "bbc.co.uk"
		}
	}
	if len(labels) < n {
		return ""
	}
	domain := strings.Join(labels[len(labels)-n:], ".")
	if stem := labels[len(labels)-n]; len(stem) >= 4 {
		if name := nameFolding(text, stem); name != "" {
			return name
		}
	}
	return domain
}

// urlSite names the site a document's URL is on (siteName), or "" when
// the URL has no host.
func urlSite(raw, text string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" || net.ParseIP(u.Hostname()) != nil || !strings.Contains(u.Hostname(), ".") {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	for _, p := range hostingPlatforms {
		if host == p || strings.HasSuffix(host, "."+p) {
			return ""
		}
	}
	return siteName(host, text)
}

// hostingPlatforms carry what others publish — videos, posts, reposts,
// archived pages: a document there names no outlet by its URL ("a video
// transcript on Dailymotion" is the broadcaster's, unknown).
var hostingPlatforms = []string{
	"youtube.com", "youtu.be", "dailymotion.com", "vimeo.com", "rumble.com", "bitchute.com", "tiktok.com",
	"t.me", "telegram.org", "twitter.com", "x.com", "facebook.com", "fb.com", "instagram.com", "threads.net",
	"vk.com", "ok.ru", "reddit.com", "linkedin.com", "substack.com", "medium.com", "archive.org", "archive.ph",
	"archive.today", "archive.is", "google.com", "msn.com", "yahoo.com", "flipboard.com", "newsbreak.com",
}

// named reports whether a word has a capital after its first letter.
func named(w string) bool {
	_, n := utf8.DecodeRuneInString(w)
	return strings.IndexFunc(w[n:], unicode.IsUpper) >= 0
}

// siteNameWords is how many capitalised words a site's name in the text
// may have.
const siteNameWords = 4

// nameFolding finds in text a run of capitalised words that folds to stem
// (lower-case letters and digits): "China Daily" for "chinadaily". One
// word counts only when written as a name, not as a word opening a
// sentence or a title ("TASS", "PressTV"; not "State" for state.gov).
func nameFolding(text, stem string) string {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&'
	})
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		folded := ""
		for j := i; j < len(words) && j < i+siteNameWords; j++ {
			r, _ := utf8.DecodeRuneInString(words[j])
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				break
			}
			folded += strings.ToLower(words[j])
			if folded == stem && (j > i || named(w)) {
				return strings.Join(words[i:j+1], " ")
			}
			if len(folded) >= len(stem) || !strings.HasPrefix(stem, folded) {
				break
			}
		}
	}
	return ""
}
