package corpus

// datephrases.go is the lexical half of dating: it finds the temporal
// expressions of English news copy in a text and reports each with its
// span. It resolves nothing; dates.go decides what the expressions mean.

import (
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/quotetrail/quotetrail/model"
)

// mentionKind says how much of a calendar date a mention writes out.
type mentionKind int

const (
	mentionFull      mentionKind = iota // "January 24, 2021", "2024-07-19"
	mentionMonthYear                    // "February 2023"
	mentionMonthDay                     // "January 24", "19th of July"
	mentionYear                         // "2014"
)

// dateMention is one calendar expression found in a text.
type dateMention struct {
	kind  mentionKind
	year  int
	month time.Month
	day   int
	span  model.Span
	text  string
}

// day returns the mention's first day (the 1st of a month, 1 January of a
// year); a month-day mention has no year and gives the zero time.
func (m dateMention) first() time.Time {
	switch m.kind {
	case mentionFull:
		return model.Day(m.year, m.month, m.day)
	case mentionMonthYear:
		return model.Day(m.year, m.month, 1)
	case mentionYear:
		return model.Day(m.year, time.January, 1)
	}
	return time.Time{}
}

// last returns the mention's last day.
func (m dateMention) last() time.Time {
	switch m.kind {
	case mentionFull:
		return model.Day(m.year, m.month, m.day)
	case mentionMonthYear:
		return model.Day(m.year, m.month, 1).AddDate(0, 1, -1)
	case mentionYear:
		return model.Day(m.year, time.December, 31)
	}
	return time.Time{}
}

const monthRE = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

var (
	reISODate   = regexp.MustCompile(`\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b`)
	reDotDate   = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	reMDY       = regexp.MustCompile(`\b(` + monthRE + `)\.? (\d{1,2})(?:st|nd|rd|th|ST|ND|RD|TH)?\b,? (\d{4})\b`)
	reDMY       = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|ST|ND|RD|TH)?(?: of)? (` + monthRE + `)\b\.?,? (\d{4})\b`)
	reMonthYear = regexp.MustCompile(`\b(` + monthRE + `)\b\.?,? (?:of )?(\d{4})\b`)
	reMD        = regexp.MustCompile(`\b(` + monthRE + `)\.? (\d{1,2})(?:st|nd|rd|th|ST|ND|RD|TH)?\b`)
	reDM        = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|ST|ND|RD|TH)?(?: of)? (` + monthRE + `)\b`)
	reYear      = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)
)

// monthNames maps every spelling of a month the scanner accepts.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{"sept": time.September}
	for mo := time.January; mo <= time.December; mo++ {
		name := strings.ToLower(mo.String())
		m[name] = mo
		m[name[:3]] = mo
	}
	return m
}()

// monthOf parses a month name or abbreviation ("Sept", "DECEMBER").
func monthOf(s string) (time.Month, bool) {
	m, ok := monthNames[strings.ToLower(strings.TrimSuffix(s, "."))]
	return m, ok
}

// capitalised reports whether a month word is written as a name (a capital
// first letter): "may" and "march" are also ordinary words.
func capitalised(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// validDay reports whether year-month-day is a real calendar day in the
// range news copy can mean.
func validDay(y int, m time.Month, d int) bool {
	if y < 1800 || y > 2199 || m < time.January || m > time.December || d < 1 || d > 31 {
		return false
	}
	t := model.Day(y, m, d)
	return t.Year() == y && t.Month() == m && t.Day() == d
}

func dateAtoi(s string) int { n, _ := strconv.Atoi(s); return n }

// scanDates finds every calendar expression in text, longest form first: a
// full date hides the month-day and year inside it. Mentions come back in
// text order.
func scanDates(text string) []dateMention {
	var out []dateMention
	taken := func(a, b int) bool {
		for _, m := range out {
			if a < m.span.End && m.span.Start < b {
				return true
			}
		}
		return false
	}
	add := func(m dateMention) {
		if !taken(m.span.Start, m.span.End) {
			m.text = text[m.span.Start:m.span.End]
			out = append(out, m)
		}
	}
	// The numeric forms and years all hold a run of four digits: the
	// patterns run only in windows around those runs.
	digits := windowsAround(text, fourDigitRuns(text), numericDateWidth)
	eachInWindows(reISODate, text, digits, func(ix []int) bool {
		y, mo, d := dateAtoi(text[ix[2]:ix[3]]), time.Month(dateAtoi(text[ix[4]:ix[5]])), dateAtoi(text[ix[6]:ix[7]])
		if validDay(y, mo, d) {
			add(dateMention{kind: mentionFull, year: y, month: mo, day: d, span: model.Span{Start: ix[0], End: ix[1]}})
		}
		return true
	})
	eachInWindows(reDotDate, text, digits, func(ix []int) bool {
		d, mo, y := dateAtoi(text[ix[2]:ix[3]]), time.Month(dateAtoi(text[ix[4]:ix[5]])), dateAtoi(text[ix[6]:ix[7]])
		if validDay(y, mo, d) {
			add(dateMention{kind: mentionFull, year: y, month: mo, day: d, span: model.Span{Start: ix[0], End: ix[1]}})
		}
		return true
	})
	// The month-name forms only run near a month word: one pass to find
	// them, then the five patterns on small windows, not the whole text.
	for _, w := range monthWindows(text) {
		scanMonthForms(text, w, add)
	}
	eachInWindows(reYear, text, digits, func(ix []int) bool {
		if precededByDigitSep(text, ix[0]) || followedByDigitSep(text, ix[1]) {
			return true // "22,2024" or "2024.5": a number, not a year
		}
		add(dateMention{kind: mentionYear, year: dateAtoi(text[ix[2]:ix[3]]), span: model.Span{Start: ix[0], End: ix[1]}})
		return true
	})
	sortMentions(out)
	return out
}

var reMonthWord = regexp.MustCompile(`\b` + monthRE + `\b`)

// numericDateWidth bounds the length of a match of reISODate, reDotDate
// and reYear, for windowsAround.
var numericDateWidth = func() int {
	w := 0
	for _, re := range []*regexp.Regexp{reISODate, reDotDate, reYear} {
		tree, err := syntax.Parse(re.String(), syntax.Perl)
		if err != nil || maxWidth(tree) < 0 {
			panic("numeric date pattern without a width: " + re.String())
		}
		w = max(w, maxWidth(tree))
	}
	return w
}()

// monthWords returns the month words in text: the runs of word characters
// that are a month name or abbreviation in any case, as reMonthWord finds
// them, by one pass over the bytes instead of the regular expression.
func monthWords(text string) []model.Span {
	if hasFoldTrap(text) { // "ſept": only the matcher folds that
		var out []model.Span
		for _, ix := range reMonthWord.FindAllStringIndex(text, -1) {
			out = append(out, model.Span{Start: ix[0], End: ix[1]})
		}
		return out
	}
	var out []model.Span
	var buf [9]byte
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if n := j - i; n >= 3 && n <= len(buf) {
			for k := range n {
				c := text[i+k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			if _, ok := monthNames[string(buf[:n])]; ok {
				out = append(out, model.Span{Start: i, End: j})
			}
		}
		i = j
	}
	return out
}

// monthWindows returns the stretches of text around month words, widened
// to white space so that word boundaries inside them are the text's own.
func monthWindows(text string) []model.Span {
	var out []model.Span
	for _, m := range monthWords(text) {
		a, b := max(0, m.Start-16), min(len(text), m.End+16)
		// widen to white space, but not without limit (a text with no
		// spaces would make this quadratic)
		for lim := a - 48; a > 0 && a > lim && !dateSpace(text[a-1]); {
			a--
		}
		for lim := b + 48; b < len(text) && b < lim && !dateSpace(text[b]); {
			b++
		}
		if n := len(out); n > 0 && a <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, b)
			continue
		}
		out = append(out, model.Span{Start: a, End: b})
	}
	return out
}

// scanMonthForms finds the month-name forms inside window w of text.
func scanMonthForms(text string, w model.Span, add func(dateMention)) {
	sub := text[w.Start:w.End]
	at := func(ix []int) model.Span { return model.Span{Start: w.Start + ix[0], End: w.Start + ix[1]} }
	for _, ix := range reMDY.FindAllStringSubmatchIndex(sub, -1) {
		name := sub[ix[2]:ix[3]]
		mo, ok := monthOf(name)
		y, d := dateAtoi(sub[ix[6]:ix[7]]), dateAtoi(sub[ix[4]:ix[5]])
		if ok && capitalised(name) && validDay(y, mo, d) {
			add(dateMention{kind: mentionFull, year: y, month: mo, day: d, span: at(ix)})
		}
	}
	for _, ix := range reDMY.FindAllStringSubmatchIndex(sub, -1) {
		name := sub[ix[4]:ix[5]]
		mo, ok := monthOf(name)
		y, d := dateAtoi(sub[ix[6]:ix[7]]), dateAtoi(sub[ix[2]:ix[3]])
		if ok && capitalised(name) && validDay(y, mo, d) {
			add(dateMention{kind: mentionFull, year: y, month: mo, day: d, span: at(ix)})
		}
	}
	for _, ix := range reMonthYear.FindAllStringSubmatchIndex(sub, -1) {
		name := sub[ix[2]:ix[3]]
		mo, ok := monthOf(name)
		y := dateAtoi(sub[ix[4]:ix[5]])
		if ok && capitalised(name) && validDay(y, mo, 1) {
			add(dateMention{kind: mentionMonthYear, year: y, month: mo, span: at(ix)})
		}
	}
	for _, ix := range reMD.FindAllStringSubmatchIndex(sub, -1) {
		name := sub[ix[2]:ix[3]]
		mo, ok := monthOf(name)
		d := dateAtoi(sub[ix[4]:ix[5]])
		// "in May 2" is rare; "May 2" needs a capital and a real day.
		if ok && capitalised(name) && validDay(2000, mo, d) {
			add(dateMention{kind: mentionMonthDay, month: mo, day: d, span: at(ix)})
		}
	}
	for _, ix := range reDM.FindAllStringSubmatchIndex(sub, -1) {
		name := sub[ix[4]:ix[5]]
		mo, ok := monthOf(name)
		d := dateAtoi(sub[ix[2]:ix[3]])
		if ok && capitalised(name) && validDay(2000, mo, d) && !precededByDigitSep(text, w.Start+ix[0]) {
			add(dateMention{kind: mentionMonthDay, month: mo, day: d, span: at(ix)})
		}
	}
}

func precededByDigitSep(text string, i int) bool {
	return i >= 2 && (text[i-1] == ',' || text[i-1] == '.' || text[i-1] == '$') && text[i-2] >= '0' && text[i-2] <= '9'
}

func followedByDigitSep(text string, i int) bool {
	return i+1 < len(text) && (text[i] == ',' || text[i] == '.') && text[i+1] >= '0' && text[i+1] <= '9'
}

func sortMentions(ms []dateMention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].span.Start < ms[j-1].span.Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// parseLooseDate parses a date written in any common form, as found in
// front matter, HTML meta tags and JSONL fields. The calendar date is taken
// as written (a time zone offset does not move it).
func parseLooseDate(s string) (model.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return model.Date{}, false
	}
	layouts := []string{
		time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04",
		"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST",
		"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
		time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850, time.ANSIC, time.UnixDate,
		"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006",
		"20060102",
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return model.DayDate(model.Day(t.Year(), t.Month(), t.Day()), s, "front-matter", model.Span{}), true
		}
	}
	for _, m := range scanDates(s) {
		switch m.kind {
		case mentionFull:
			return model.DayDate(m.first(), s, "front-matter", model.Span{}), true
		case mentionMonthYear:
			return model.MonthDate(m.year, m.month, s, "front-matter", model.Span{}), true
		}
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return model.MonthDate(t.Year(), t.Month(), s, "front-matter", model.Span{}), true
	}
	if len(s) == 4 {
		if y := dateAtoi(s); y >= 1800 && y < 2200 {
			return model.YearDate(y, s, "front-matter", model.Span{}), true
		}
	}
	return model.Date{}, false
}

var (
	reURLDay   = regexp.MustCompile(`/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:[/._-]|$)`)
	reURLMonth = regexp.MustCompile(`/((?:19|20)\d\d)/(\d{1,2})/`)
)

// urlDate finds a date in a URL path: /2024/07/19/, /2024-07-19-slug,
// /2024/07/ (month).
func urlDate(url string) (model.Date, bool) {
	if url == "" {
		return model.Date{}, false
	}
	ev := "URL: " + url
	if m := reURLDay.FindStringSubmatch(url); m != nil {
		y, mo, d := dateAtoi(m[1]), time.Month(dateAtoi(m[2])), dateAtoi(m[3])
		if validDay(y, mo, d) {
			return model.DayDate(model.Day(y, mo, d), ev, "url", model.Span{}), true
		}
	}
	if m := reURLMonth.FindStringSubmatch(url); m != nil {
		y, mo := dateAtoi(m[1]), time.Month(dateAtoi(m[2]))
		if validDay(y, mo, 1) {
			return model.MonthDate(y, mo, ev, "url", model.Span{}), true
		}
	}
	return model.Date{}, false
}

// ---- sentences and clauses ----

// abbreviations that end with a full stop inside a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true, "lt": true,
	"sen": true, "rep": true, "gov": true, "pres": true, "no": true, "vs": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "d.c": true, "u.s": true, "u.k": true, "u.n": true,
}

// dateSentences splits text[span] into sentences: at . ! ? followed by
// white space (unless the word before is an abbreviation or an initial),
// and at line breaks.
func dateSentences(text string, span model.Span) []model.Span {
	var out []model.Span
	start := span.Start
	emit := func(end int) {
		s, e := start, end
		for s < e && dateSpace(text[s]) {
			s++
		}
		for e > s && dateSpace(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, model.Span{Start: s, End: e})
		}
	}
	for i := span.Start; i < span.End; i++ {
		c := text[i]
		if c == '\n' {
			emit(i)
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		// closing quotes and brackets stay with the sentence
		for j < span.End && strings.ContainsRune("\"')]", rune(text[j])) {
			j++
		}
		if j < span.End && len(text)-j >= 3 && (text[j:j+3] == "”" || text[j:j+3] == "’") {
			j += 3
		}
		if j < span.End && !dateSpace(text[j]) {
			continue
		}
		if c == '.' {
			w := i
			for w > span.Start && !dateSpace(text[w-1]) {
				w--
			}
			word := strings.ToLower(strings.Trim(text[w:i], "(\"“‘"))
			if abbrevs[word] || (len(word) == 1 && word[0] >= 'a' && word[0] <= 'z') || strings.Contains(word, ".") {
				continue
			}
		}
		emit(j)
		start = j
	}
	emit(span.End)
	return out
}

func dateSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// clauseBreak matches what separates clauses for the purpose of tying a
// temporal expression to a verb: punctuation, dashes, quotation marks and
// the complementiser "that".
var clauseBreak = regexp.MustCompile(`[,;:()\[\]"“”«»]|\s[—–-]\s|\bthat\b`)

// dateClauses splits a sentence span into clauses.
func dateClauses(text string, s model.Span) []model.Span {
	var out []model.Span
	start := s.Start
	for _, ix := range clauseBreak.FindAllStringIndex(text[s.Start:s.End], -1) {
		a, b := s.Start+ix[0], s.Start+ix[1]
		if a > start {
			out = append(out, model.Span{Start: start, End: a})
		}
		start = b
	}
	if s.End > start {
		out = append(out, model.Span{Start: start, End: s.End})
	}
	return out
}

// speechCue matches the words that tie a temporal expression to a speech
// act (or the publication of the text): a statement is dated by "on
// Thursday" only when the clause around it has one of these.
var speechCue = regexp.MustCompile(`(?i)\b(?:said|says|say|saying|told|tells|tell|stated|states|remarked|mentioned|noted|announced|wrote|writes|posted|tweeted|speech|interview|remarks|comments|commented|feedback|echoed|address|addressed|articulated|indicated|stressed|emphasi[sz]ed|underscored|added|declared|insisted|argued|explained|warned|claimed|asserted|reiterated|recalled|concluded|contended|alleged|criticized|criticised|voiced|briefing|conference|statement|published|instructed|spoke|speaking|answered|replied|responded|suggested|proposed|acknowledged|admitted|confirmed|denied|expressed)\b`)

// subordinator opens a subordinate clause: a weekday in it does not name
// the day the article reports on.
var subordinator = regexp.MustCompile(`^(?i:while|although|though|as|after|before|since|when|whereas|if|once|until|because)\b`)

// weekdayRE finds "on Monday", "last Friday", "Sunday's" and plain
// "Monday"; group 1 is the weekday.
var weekdayRE = regexp.MustCompile(`\b(?:(?:on|last|this|On|Last|This)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)

func weekdayOf(s string) time.Weekday {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if d.String() == s {
			return d
		}
	}
	return time.Sunday
}

// relativeRE finds the relative expressions statement dating resolves.
var relativeRE = regexp.MustCompile(`(?i)\b(?:earlier this (?:month|week|year)|earlier in the (?:month|week|year)|this (?:week|month|year)|last (?:week|month|year)|the previous (?:week|month|year)|yesterday|today|tonight|this morning|this evening|last (?:january|february|march|april|may|june|july|august|september|october|november|december))\b`)

// futureBefore matches words just before a date mention that make it a
// time to come or a limit, not something that already happened.
var futureBefore = regexp.MustCompile(`(?i)\b(?:will|shall|expires?|expiring|expiry|due|scheduled|set to \w+|planned|plans? to \w+|upcoming|next|until|till|by|ahead of|before|through|in the run-up to|postponed to|deadline)\b[^.,;]{0,30}$`)

// futureUpper matches future wording that bounds the text from above: a
// thing that "expires in 2026" had not yet expired.
var futureUpper = regexp.MustCompile(`(?i)\b(?:expires?|expiring|is due to expire|is set to expire|will expire|will end|ends)\s+(?:in|on)\s+$`)

// eventVerb marks a mention as describing an event rather than a speech
// act ("launched on February 24, 2022").
var eventVerb = regexp.MustCompile(`(?i)\b(?:launched|began|begun|started|invaded|signed|founded|established|annexed|died|born|held|elected|took place|broke out|erupted|killed)\b`)

// excludedBefore matches prepositions that make a date a period's edge
// rather than the date of a statement ("since 2014", "until 2026").
var excludedBefore = regexp.MustCompile(`(?i)\b(?:since|until|till|by|from|before|after|through|ahead of|within|over|for|between)\s+(?:the\s+)?$`)

// numberWords for countdowns ("the final ten days").
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
	"thirty": 30, "few": 7, "several": 10,
}

// countdownRE finds "the final ten days", "its last 30 days", "final days",
// "closing weeks" of a term.
// (The white space between its words is bounded, at 16 characters, so
// that it can be searched in windows; cleaned text has single spaces.)
var countdownRE = mustWindowRE(`(?i)\b(?:final|last|closing|remaining|waning)\s{1,16}(?:(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|few|several)\s{1,16})?(days|weeks|months)\b`)

// raceTarget after a countdown says it counts down to a general election:
// "the final nine weeks of a presidential race", "the closing days before
// the election" (not a primary's).
var raceTarget = regexp.MustCompile(`^(?i:\s+(?:of|before|until|till|to|in)\s+(?:(?:the|this|a|an|this year['’]s)\s+)?(?:(?:general|presidential|november|20\d\d)\s+)+(?:election|race|campaign|contest|vote)|\s+(?:of|before|until|till|to)\s+(?:the\s+)?election|\s+(?:before|until|till|to)\s+Election Day)\b`)

// termWord says a countdown is about a term in office.
var termWord = regexp.MustCompile(`(?i)\b(?:administration|presidency|term|in office|White House|government|tenure)\b`)

// ---- tense around a date or an event ----

// futureCue in the clause before a date or an event looks ahead: "will
// meet on", "ahead of", "scheduled for", "the upcoming".
var futureCue = regexp.MustCompile(`(?i)(?:\b(?:will|shall|won't|is (?:due|set|scheduled|slated|expected|going|poised) to|are (?:due|set|scheduled|slated|expected|going|poised) to|scheduled|slated|set for|planned for|upcoming|forthcoming|ahead of|in the run-?up to|in advance of|in preparation for|preparing for|prepares? for|looks? ahead to|looking ahead to|heads? into|heading into|expects?|expecting|hopes? to|plans? to|planning to|intends? to|aims? to|seeks? to|vows? to|promises? to|the coming|(?:am|is|are|isn['’]t|aren['’]t|['’]re|['’]m|['’]s) (?:not )?going to|gonna|gearing up for|gears? up for|getting ready for|gets? ready for|prepping for|preps? for|in anticipation of|anticipating|with an eye (?:to|on|toward)|looking (?:ahead )?to)|['’]ll)\b[^.,;!?]{0,40}$`)

// approachAfter after a date or an event, with "as" before it: "as
// February 5, 2026 approaches".
var approachAfter = regexp.MustCompile(`^(?i:\s+(?:approach|approaches|approaching|near|nears|draws? near|draws? closer|loom|looms|looming))\b`)

var reAsBefore = regexp.MustCompile(`(?i)\bas\b`)

// overAfter after an event puts it behind the text: "Labor Day is barely
// over", "the convention has come and gone".
var overAfter = regexp.MustCompile(`^(?i:\s+(?:is|was|are|were)\s+(?:barely\s+|just\s+|now\s+|finally\s+|long\s+|well\s+)?(?:over|behind us|past|done|in the rear-?view mirror)|\s+(?:has|have)\s+(?:just\s+|now\s+|finally\s+)?(?:passed|come and gone|ended|concluded|wrapped up))\b`)

// futureInSentence: words anywhere in a sentence that make a past reading
// of a day in it unsafe.
var futureInSentence = regexp.MustCompile(`(?i)(?:\b(?:will|shall|would|won't|scheduled|slated|upcoming|next|ahead|until|expected|plans?|planning)|['’]ll)\b`)

// mentionTense says whether the words around a date or event mention at
// span put it after the text (+1: "will meet on", "ahead of", "as …
// approaches"), before it (-1: "said on", "since"), or do not say (0).
// Only the sentence around it counts, up to an opening quotation mark
// ("said it will “be adding this data in January”" looks ahead).
func mentionTense(text, clause string, span model.Span) int {
	before := sentencePrefix(text, span.Start, 100)
	after := text[span.End:min(len(text), span.End+40)]
	if hasKey(before, futureKeys) && futureCue.MatchString(before) || approachAfter.MatchString(after) && reAsBefore.MatchString(clause) {
		return 1
	}
	onIn := endsWithWord(clause, "on") || endsWithWord(clause, "in")
	if onIn && scheduledPresent.MatchString(clause) {
		return 1 // "Texas, which votes on March 1"
	}
	if overAfter.MatchString(after) {
		return -1 // "Labor Day is barely over"
	}
	if hasKey(clause, futureBeforeKeys) && futureBefore.MatchString(clause) || endsWithWord(clause, "for") || endsWithWord(clause, "for the") {
		return 0 // "led the field before the Iowa caucuses": a time before it
	}
	if len(before) <= 24 && openerOnly.MatchString(before) {
		// "In January 2017, a new president will take office": the verb
		// after a date that opens its sentence dates it — in its clause,
		// after the comma that ends the opener, to the next
		rest := strings.TrimLeft(sentenceSuffix(text, span.End, 100), " ,")
		if i := strings.IndexAny(rest, ",;:—"); i >= 0 {
			rest = rest[:i]
		}
		if !hasPastWord(rest, len(rest)) && (futureIn(rest) || scheduledAfter.MatchString(rest)) {
			return 1
		}
		// "On Aug. 26, the Border Patrol arrested…": the past verb of
		// the clause the opener dates, and nothing ahead in the sentence
		if hasPastWord(rest, len(rest)) && !futureIn(rest) && !futureIn(before) {
			return -1
		}
	}
	if tail := clauseTail(clause); pastTail(tail) {
		if !futureIn(before) && !futureIn(sentenceSuffix(text, span.End, 160)) {
			return -1
		}
	}
	return 0
}

// The keywords one of which every match of futureCue, futureBefore and
// futureInSentence holds: the patterns run only on text that has one.
var (
	futureKeys       = []string{"anticipat", "eye", "coming", "gonna", "gear", "ready", "prep", "will", "shall", "won't", "due", "set", "schedul", "slated", "plann", "upcom", "forthcom", "ahead", "run", "advance", "prepar", "look", "head", "expect", "hope", "plan", "intend", "aim", "seek", "vow", "promis", "'ll", "’ll", "going", "poised"}
	futureBeforeKeys = []string{"will", "shall", "expir", "due", "schedul", "set", "plan", "upcom", "next", "until", "till", "by", "ahead", "before", "through", "run", "postpon", "deadline"}
	futureInKeys     = []string{"will", "shall", "would", "won't", "schedul", "slated", "upcom", "next", "ahead", "until", "expect", "plan", "'ll", "’ll"}
)

func futureIn(s string) bool { return hasKey(s, futureInKeys) && futureInSentence.MatchString(s) }

// hasKey reports whether s holds one of keys (lower case) in any case.
func hasKey(s string, keys []string) bool {
	var buf [320]byte
	if len(s) > len(buf) || len(s) == 0 {
		for _, k := range keys {
			if containsFold(s, k) {
				return true
			}
		}
		return false
	}
	n := copy(buf[:], s)
	for i := range n {
		if c := buf[i]; 'A' <= c && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	ls := unsafe.String(&buf[0], n) // lives on the stack for the loop
	for _, k := range keys {
		if strings.Contains(ls, k) {
			return true
		}
	}
	return false
}

// containsFold is strings.Contains folding ASCII case; key is lower case.
func containsFold(s, key string) bool {
	if len(key) == 0 {
		return true
	}
	k0 := key[0]
	for i := 0; i+len(key) <= len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != k0 {
			continue
		}
		j := 1
		for ; j < len(key); j++ {
			d := s[i+j]
			if 'A' <= d && d <= 'Z' {
				d += 'a' - 'A'
			}
			if d != key[j] {
				break
			}
		}
		if j == len(key) {
			return true
		}
	}
	return false
}

// endsWithWord reports whether s ends with the words w and white space.
func endsWithWord(s, w string) bool {
	t := strings.TrimRight(s, " \t\n")
	if len(t) == len(s) || len(t) < len(w) || !strings.EqualFold(t[len(t)-len(w):], w) {
		return false
	}
	return len(t) == len(w) || !isWordByte(t[len(t)-len(w)-1])
}

// pastIrregular are past-tense verbs without -ed, and the words that put
// what follows behind the text.
var pastIrregular = map[string]bool{
	"since": true, "following": true, "said": true, "told": true, "was": true, "were": true, "had": true, "did": true,
	"won": true, "lost": true, "met": true, "held": true, "took": true, "came": true, "went": true, "began": true,
	"spoke": true, "wrote": true, "gave": true, "made": true, "saw": true, "got": true, "led": true, "ran": true,
	"left": true, "brought": true, "became": true, "fell": true, "rose": true, "sent": true, "stood": true, "broke": true,
	"chose": true, "drew": true, "found": true, "heard": true, "kept": true, "paid": true, "sold": true, "struck": true,
	"swore": true, "threw": true, "felt": true, "fought": true, "quit": true, "hit": true, "shot": true,
}

// notPastWord are -ed words that look ahead or are no verbs of an event.
var notPastWord = map[string]bool{
	"scheduled": true, "slated": true, "planned": true, "expected": true, "supposed": true, "proposed": true,
	"intended": true, "anticipated": true, "needed": true, "required": true, "aimed": true, "hoped": true,
	"wanted": true, "called": true, "speed": true, "need": true, "indeed": true, "proceed": true, "exceed": true, "succeed": true,
}

// pastTail reports whether a clause's end puts a date behind the text: a
// past-tense verb (or "since", "following", "in the wake of") within its
// last 50 bytes, and none of the -ed words that look ahead there.
func pastTail(tail string) bool {
	if strings.ContainsAny(tail[max(0, len(tail)-60):], ".;!?") {
		if i := strings.LastIndexAny(tail, ".;!?"); i >= 0 {
			tail = tail[i+1:]
		}
	}
	past, ahead := false, false
	eachWord(tail, func(w string, end int) {
		if len(tail)-end > 50 {
			return
		}
		lw := strings.ToLower(w)
		switch {
		case notPastWord[lw]:
			ahead = true
		case pastIrregular[lw], len(lw) >= 5 && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ied")):
			past = true
		}
	})
	if !past {
		past = containsFold(tail, "in the wake of") || containsFold(tail, "in the aftermath of")
	}
	return past && !ahead
}

// hasPastWord reports whether s has a past-tense verb in its first n bytes.
func hasPastWord(s string, n int) bool {
	found := false
	eachWord(s, func(w string, end int) {
		if end > n || found {
			return
		}
		lw := strings.ToLower(w)
		if lw != "since" && lw != "following" && (pastIrregular[lw] || len(lw) >= 5 && strings.HasSuffix(lw, "ed") && !notPastWord[lw]) {
			found = true
		}
	})
	return found
}

// eachWord calls fn with each run of ASCII letters in s and where it ends.
func eachWord(s string, fn func(w string, end int)) {
	for i := 0; i < len(s); {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			i++
			continue
		}
		j := i
		for j < len(s) && ('a' <= s[j] && s[j] <= 'z' || 'A' <= s[j] && s[j] <= 'Z') {
			j++
		}
		fn(s[i:j], j)
		i = j
	}
}

// scheduledPresent: a present tense before "on" a day or "in" a month
// names a time set ahead ("which votes on March 1", "takes office in
// January 2017").
// (Lower case: "the New START treaty agreed in" names no verb.)
var scheduledPresent = regexp.MustCompile(`\b(?:holds?|votes?|meets?|begins?|starts?|opens?|closes?|ends?|expires?|is|are|takes? place|heads? to|goes to|takes? office|leaves? office|takes? over|takes? effect|comes? into force|is sworn in|returns?|convenes?|retires?|steps? down|moves? into|hands? over)\s+(?:[\w'’-]+\s+){0,3}(?:on|in)\s+$`)

// scheduledBare: a present tense of scheduling right before a day, with
// no preposition, names a time set ahead: "California, which votes June
// 7", "the board meets June 16", "the final contest comes June 14", "the
// District's primary is June 14".
var scheduledBare = regexp.MustCompile(`(?i)(?:\b(?:votes|vote|meets|convenes|holds (?:its|their|the) (?:primary|caucus(?:es)?|vote|election)|comes|begins|opens|closes|expires)|\b(?:primary|primaries|election|vote|caucus(?:es)?|debate|convention|deadline|hearing|summit|referendum|runoff)\s+(?:is|are))\s+$`)

// whenPolls after a day names it as a time voters have still to reach:
// "before April 26, when voters in Pennsylvania head to the polls".
var whenPolls = regexp.MustCompile(`^(?i:,?\s+when\s+[^.;:!?]{0,60}?\b(?:head|heads|go|goes)\s+to\s+the\s+polls|,?\s+when\s+(?:[\w.'’-]+\s+){1,4}(?:votes|vote|caucus|caucuses)\b)`)

// dayToCome reports whether the words right around a day at span set it
// ahead of the text: scheduledBare before it, with nothing in the past
// tense in the end of its clause, or whenPolls after it.
func dayToCome(text, clause string, span model.Span) bool {
	if tail := clauseTail(clause); !hasPastWord(tail, len(tail)) && scheduledBare.MatchString(clause) {
		return true
	}
	return whenPolls.MatchString(text[span.End:min(len(text), span.End+90)])
}

// openerOnly: nothing but a preposition before a date in its sentence.
var openerOnly = regexp.MustCompile(`(?i)^\W*(?:(?:in|on|by|from|starting|beginning|as of|come|early|late|mid|around)[\s-]+)*$`)

// scheduledAfter after a date that opens a sentence names a time set
// ahead: "In January, a new president takes office".
var scheduledAfter = regexp.MustCompile(`(?i)^[^.;!?]{0,60}\b(?:takes office|is sworn in|is inaugurated|takes over|takes effect|comes into force|expires|is due|is set to|is scheduled)\b`)

// clauseTail is the end of a clause after its last comma or relative
// word: the verb nearest a date is the one that dates it.
func clauseTail(clause string) string {
	i := strings.LastIndexByte(clause, ',')
	for _, w := range []string{" which ", " that ", " who ", " where ", " when "} {
		if j := strings.LastIndex(clause, w); j > i {
			i = j
		}
	}
	if i < 0 {
		return clause
	}
	return clause[i+1:]
}

// yearModifier: a bare year that names a race, a vote or a budget ("the
// 2016 race", "his 2020 campaign", "fiscal 2016") says nothing of when the
// text was written: it may be to come. ("The 2022 conflict" is past.)
// before and after are the text around the year.
func yearModifier(before, after string) bool {
	if hasKey(before, fiscalKeys) && reFiscal.MatchString(before) {
		return true
	}
	return wordFollows(after) && reYearDet.MatchString(before) && (scheduledNoun(after) || reYearRace.MatchString(after))
}

var fiscalKeys = []string{"fiscal", "fy", "budget", "class", "season"}

// wordFollows reports whether s starts, after at most three marks and
// spaces, with a letter.
func wordFollows(s string) bool {
	for i := 0; i < len(s) && i < 5; i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			return true
		case c == ' ' || c == '-' || c == '\'' || c == '"' || c == ',' || c == '(':
		default:
			return false
		}
	}
	return false
}

var (
	reYearRace = regexp.MustCompile(`^(?i:[ -]+(?:race|campaign|cycle|contest|run|bid|ticket|presidential|democratic|republican|gop|white house|candidates?|contenders?|hopefuls?|nominees?|nomination|budget|season|midterms?|census|olympics|world cup|games|general|primary|primaries|caucus(?:es)?|elections?|vote|ballot))\b`)
	reFiscal   = regexp.MustCompile(`(?i)\b(?:fiscal(?: year)?|FY|budget year|class of|season)\s*$`)
	reYearDet  = regexp.MustCompile(`(?i)(?:\b(?:the|a|an|his|her|its|their|our|this|that|fiscal|FY|early|late|mid|whose)|['’]s)\s*-?$`)
)

// sentencePrefix is the text of the sentence before position i, at most
// n bytes: from the last full stop (or ! ?) followed by a space, or line
// break, before i.
func sentencePrefix(text string, i, n int) string {
	a := max(0, i-n)
	for a > 0 && !utf8.RuneStart(text[a]) {
		a--
	}
	seg := text[a:i]
	for k := len(seg) - 1; k > 0; k-- {
		c := seg[k-1]
		if seg[k] == '\n' || (c == '.' || c == '!' || c == '?') && seg[k] == ' ' {
			return seg[k:]
		}
	}
	return seg
}

// sentenceSuffix is the text of the sentence after position i, at most n
// bytes.
func sentenceSuffix(text string, i, n int) string {
	b := min(len(text), i+n)
	seg := text[i:b]
	for k := 0; k+1 < len(seg); k++ {
		c := seg[k]
		if c == '\n' || (c == '.' || c == '!' || c == '?') && seg[k+1] == ' ' {
			return seg[:k]
		}
	}
	return seg
}

// transitionWord: a change of office spoken of in a date's sentence.
var transitionWord = regexp.MustCompile(`(?i)\b(?:(?:next|new|incoming|future) (?:president|administration|congress|government|leader|secretary)|takes? office|leaves? office|sworn in|inaugurat\w+|hand(?:s|ing)? over|transition)\b`)

// transitionAhead reports whether the sentence of a date at span speaks of
// a change of office with no verb in the past tense: "when a new president
// takes office in January 2017" is a time to come.
func transitionAhead(text string, span model.Span) bool {
	pre, post := sentencePrefix(text, span.Start, 160), sentenceSuffix(text, span.End, 120)
	if !hasKey(pre, transitionKeys) && !hasKey(post, transitionKeys) {
		return false
	}
	return (transitionWord.MatchString(pre) || transitionWord.MatchString(post)) && !hasPastWord(pre, len(pre)) && !hasPastWord(post, len(post))
}

var transitionKeys = []string{"president", "administration", "congress", "government", "leader", "secretary", "office", "sworn", "inaugurat", "hand", "transition"}

// futureEvidence is the words that make a mention a time to come.
func futureEvidence(text, clause string, m dateMention) string {
	ev := strings.TrimSpace(lastBytes(clause, 30)) + " " + m.text
	if loc := approachAfter.FindStringIndex(text[m.span.End:min(len(text), m.span.End+24)]); loc != nil {
		ev += text[m.span.End : m.span.End+loc[1]]
	}
	return ev
}

// reScheduledNoun: a date that names a vote or a meeting ("the November
// 2016 presidential election", "the June 5 referendum") may be one still
// to come.
var reScheduledNoun = regexp.MustCompile(`^(?i:\W{0,3}(?:(?:presidential|general|midterm|primary|parliamentary|national|local|state|runoff|gop|republican|democratic|party|special|snap|leadership)\s+)*(?:elections?|votes?|voting|primary|primaries|caucus(?:es)?|referendum|ballot|debates?|convention|summit|meeting|talks|deadline|games|olympics|contest|race|poll))\b`)

func scheduledNoun(after string) bool {
	return wordFollows(after) && reScheduledNoun.MatchString(after)
}

var reWeekdayEnd = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+$`)

// weekdayBefore returns the weekday that ends clause ("on Monday, " before
// "Sept. 12"), or nil.
func weekdayBefore(clause string) *time.Weekday {
	m := reWeekdayEnd.FindStringSubmatch(clause)
	if m == nil {
		return nil
	}
	d := weekdayOf(m[1])
	return &d
}

// ---- notes and embedded posts ----

// correctionStart returns where a correction or update note near the end
// of text begins ("CORRECTION:", "Update:", "An earlier version of this
// article…"), or len(text). (An editor's note is left alone: it is as
// often a standing disclaimer as a later change.) Only the last part of a text is searched: an
// "UPDATE" line at the top heads the article itself.
func correctionStart(text, lower string) int {
	from := max(len(text)*6/10, len(text)-1500)
	if from < 0 || from >= len(text) {
		return len(text)
	}
	best := len(text)
	for _, w := range []string{"correction", "clarification", "update", "an earlier version of this"} {
		for i := from; ; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(w)
			if at >= best {
				break
			}
			if at > 0 && strings.TrimLeft(text[lineStartBefore(text, at):at], " \t") != "" {
				continue // not at the start of a line
			}
			rest := strings.TrimLeft(text[at+len(w):min(len(text), at+len(w)+3)], "sSdD")
			if strings.HasPrefix(w, "an earlier") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, " —") || strings.HasPrefix(rest, " -") {
				best = at
				break
			}
		}
	}
	return best
}

// embedded are the posts a text embeds (tweets): where they are, and the
// days their ids give.
type embedded struct {
	text  string
	spans []model.Span
	ids   []postID
}

type postID struct {
	day  time.Time
	text string
	span model.Span
}

var (
	reTweetID   = regexp.MustCompile(`(?i)(?:\btweet-id|\bdata-tweet-id|\bid)=["']?(\d{15,20})\b`)
	reStatusURL = regexp.MustCompile(`(?i)\b(?:twitter|x)\.com/\w{1,30}/status(?:es)?/(\d{15,20})\b`)
	reSignature = regexp.MustCompile(`\(@\w{1,30}\)\s*$`)
)

// snowflakeDay is the UTC day a post id of the Twitter (X) kind was made,
// from the milliseconds in its top bits; ok is false for ids too old to
// carry them or days to come.
func snowflakeDay(id uint64, today time.Time) (time.Time, bool) {
	if id < 1<<38 { // the ids before the timestamped kind (2010) count up
		return time.Time{}, false
	}
	ms := int64(id>>22) + 1288834974657
	t := time.UnixMilli(ms).UTC()
	if t.Before(model.Day(2010, 11, 4)) || t.After(today.AddDate(0, 0, 1)) {
		return time.Time{}, false
	}
	return model.Day(t.Year(), t.Month(), t.Day()), true
}

// embeddedPosts finds the embedded posts of text: <tweet …>…</tweet>
// elements, post URLs, "— Name (@handle) July 23, 2016" signatures.
func embeddedPosts(text, lower string, today time.Time) embedded {
	p := embedded{text: text}
	if !strings.Contains(lower, "tweet") && !strings.Contains(lower, "status") && !strings.Contains(text, "(@") {
		return p
	}
	for i := 0; ; {
		j := strings.Index(lower[i:], "<tweet")
		if j < 0 {
			break
		}
		a := i + j
		b := len(text)
		for _, end := range []string{"</tweet>", "<tweet/>", "\n\n"} {
			if k := strings.Index(lower[a+6:], end); k >= 0 && a+6+k+len(end) < b {
				b = a + 6 + k + len(end)
			}
		}
		p.spans = append(p.spans, model.Span{Start: a, End: b})
		i = b
		if i >= len(text) {
			break
		}
	}
	addID := func(digits string, span model.Span) {
		id, err := strconv.ParseUint(digits, 10, 64)
		if err != nil {
			return
		}
		if day, ok := snowflakeDay(id, today); ok {
			p.ids = append(p.ids, postID{day: day, text: text[span.Start:span.End], span: span})
		}
	}
	for _, s := range p.spans {
		for _, ix := range reTweetID.FindAllStringSubmatchIndex(text[s.Start:s.End], -1) {
			addID(text[s.Start+ix[2]:s.Start+ix[3]], model.Span{Start: s.Start + ix[0], End: s.Start + ix[1]})
		}
	}
	if strings.Contains(lower, "status") {
		for _, ix := range reStatusURL.FindAllStringSubmatchIndex(text, -1) {
			addID(text[ix[2]:ix[3]], model.Span{Start: ix[0], End: ix[1]})
		}
	}
	return p
}

// holds reports whether position i is inside an embedded post or right
// after a post's signature.
func (p embedded) holds(i int) bool {
	for _, s := range p.spans {
		if s.Start <= i && i < s.End {
			return true
		}
	}
	return strings.Contains(p.text[max(0, i-40):i], "(@") && reSignature.MatchString(p.text[max(0, i-40):i])
}

// reUnsureBefore in the clause before a date makes it a time that may be
// to come: a modal ("would assume office in January 2017", "could start
// on"), or the start of a change ("beginning in", "starting on",
// "effective", "as of", "from").
var reUnsureBefore = regexp.MustCompile(`(?i)(?:\b(?:would|could|might|may|should|must|can)\b[^.,;!?]{0,40}|\b(?:beginning|starting|commencing|effective|as of|as early as|as soon as|no earlier than|no later than|from)\s+(?:in\s+|on\s+|at\s+)?(?:the\s+)?)$`)

// unsureBefore reports whether the clause before a date looks ahead or
// supposes (reUnsureBefore).
func unsureBefore(clause string) bool { return reUnsureBefore.MatchString(clause) }

// weekdayTie is a weekday said of a one-off event in its sentence: "the
// bombing in Chelsea on Saturday", "Tuesday's shooting", "who was shot
// last Tuesday".
type weekdayTie struct {
	day  time.Weekday
	last bool // "last Tuesday": the week before the last, too
	span model.Span
}

// reWeekdayNear finds a weekday said as a day: "on Tuesday", "Tuesday's",
// "last Tuesday", "Tuesday night", "late Tuesday"; group 1 is "last", 2
// the weekday.
var reWeekdayNear = regexp.MustCompile(`\b(?:(?:[Oo]n|[Ll]ate|[Ee]arly)\s+|([Ll]ast)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s|\s+(?:night|morning|afternoon|evening))?\b`)

// weekdayNear finds the weekday tied to the event mention at span: in its
// sentence, at most 60 bytes away, with no semicolon, colon, dash or
// quotation mark between (a comma may open a clause about the event:
// "Keith Lamont Scott, who was shot on Tuesday"). A weekday of a day to
// come ("will", "next") is not one.
func weekdayNear(text string, span model.Span) *weekdayTie {
	pre, post := sentencePrefix(text, span.Start, 60), sentenceSuffix(text, span.End, 60)
	if !strings.Contains(pre, "day") && !strings.Contains(post, "day") {
		return nil
	}
	sent := model.Span{Start: span.Start - len(pre), End: span.End + len(post)}
	var best *weekdayTie
	for _, ix := range reWeekdayNear.FindAllStringSubmatchIndex(text[sent.Start:sent.End], -1) {
		a, b := sent.Start+ix[0], sent.Start+ix[1]
		between, apart := textBetween(text, span, a, b)
		if !apart {
			continue
		}
		if strings.ContainsAny(between, ";:\"“”—–()") || strings.Count(between, ",") > 1 {
			continue
		}
		clause := clauseBefore(text, a)
		if futureIn(clause) || futureIn(text[a:min(len(text), b+30)]) && !hasPastWord(clause, len(clause)) {
			continue
		}
		if a >= 5 && strings.HasSuffix(strings.ToLower(text[max(0, a-5):a]), "next ") {
			continue
		}
		if best != nil {
			return nil // two weekdays: which one is the event's, nothing says
		}
		best = &weekdayTie{day: weekdayOf(text[sent.Start+ix[4] : sent.Start+ix[5]]), last: ix[2] >= 0, span: model.Span{Start: a, End: b}}
	}
	return best
}

// days is the days a text that names the weekday of an event on day s
// can be written: that day or within the week after; "last Tuesday"
// within two weeks.
func (t *weekdayTie) days(s int) iset {
	if t.last {
		return daysBetween(s+1, s+13)
	}
	return daysBetween(s, s+7)
}

func (t *weekdayTie) evidence(text string, em eventMatch) string {
	if t.span.Start < em.span.Start {
		return text[t.span.Start:em.span.End]
	}
	return text[em.span.Start:t.span.End]
}

// reModalBefore in the clause before an event's words makes them a
// supposition: "said he would have fired Lewandowski", "could follow the
// Brexit vote".
var reModalBefore = regexp.MustCompile(`(?i)\b(?:would|could|might|should)\b(?:\s+(?:have|not|never|be|also|still|just|rather))*\s+(?:[\w'’-]+\s+){0,1}$`)
