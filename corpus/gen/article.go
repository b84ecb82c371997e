package gen

import (
	"strconv"
	"strings"
	"time"
)

// Outlet styles.
const (
	styleTASS = iota
	styleReuters
	styleMENAFN
	styleInterfax
	styleSpun
	styleBlog
	styleTranslated
	styleDefence
	numStyles
)

var styleWeights = [numStyles]int{24, 10, 10, 7, 10, 21, 8, 10}

var styleSlug = [numStyles]string{"tass", "reuters", "menafn", "interfax", "rt-repost", "blog", "translated", "defence"}
var styleSource = [numStyles]string{"TASS", "Reuters", "MENAFN", "Interfax", "RT", "", "", "Defence Talks"}

var datelinePlaces = []string{"MOSCOW", "MOSCOW", "MOSCOW", "WASHINGTON", "UNITED NATIONS", "ST. PETERSBURG", "MINSK", "GENEVA", "NEW YORK", "BEIJING", "SOCHI", "VLADIVOSTOK", "RIYADH", "ISTANBUL"}

var monthAbbr = []string{"", "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"}

// story is a statement several outlets may carry: who, when, the words.
type story struct {
	day   day
	sp    int
	quote []byte
}

func storyOf(seed int64, k int) story {
	r := newRNG(seed, 0x5107, k)
	var s story
	s.day = day(r.IntN(numDays))
	s.sp = pickSpeaker(s.day, r)
	b := make([]byte, 0, 256)
	qb := quoteBank
	if !speakers[s.sp].russian {
		qb = usQuoteBank
	}
	n := 1 + r.IntN(2)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		st := len(b)
		b = expand(b, qb, r)
		capAt(b, st)
	}
	s.quote = b
	return s
}

// event phrases: sentences whose reference events fix or narrow a date.
type evPhrase struct {
	w    window
	text string
}

var evPhrases []evPhrase

func init() {
	add := func(from, to, text string) { evPhrases = append(evPhrases, evPhrase{w(from, to), text}) }
	add("2024-11-06", "2025-01-20", "US President-elect Donald Trump has promised to end the conflict quickly, without offering any detailed plans.")
	add("2024-11-06", "2025-01-20", "The Biden administration, in its final weeks, announced another package of military aid for Kiev.")
	add("2020-11-07", "2021-01-20", "President-elect Joe Biden has promised a tougher line on Moscow once he takes office.")
	add("2022-02-24", "", "The number of restrictions spiked after the launch of the special military operation in February 2022.")
	add("2022-03-01", "", "Russia’s invasion of Ukraine has plunged Europe into its worst security crisis in decades.")
	add("2023-02-21", "", "Russia suspended its participation in New START in February 2023, citing Washington’s hostile policy.")
	add("2021-06-16", "", "Biden and Putin met in Geneva in June 2021, and the two sides agreed to launch a dialogue on strategic stability.")
	add("2025-02-18", "", "The Russian and US delegations held talks in Riyadh, the first such contacts in three years.")
	add("2025-08-15", "", "The summit in Alaska did not produce a ceasefire agreement.")
	add("2024-11-21", "", "Russia first used the Oreshnik missile against a target in Ukraine in November.")
	add("2024-08-06", "", "The Kursk incursion by Ukrainian forces was discussed at length.")
	add("2021-01-20", "2022-05-13", "White House Press Secretary Jen Psaki said the administration would respond to Russian actions.")
	add("2021-01-20", "2021-04-30", "The new US administration has promised a review of its policy toward Moscow.")
	add("2025-01-20", "2025-04-30", "The new US administration has signaled a readiness to talk to Moscow.")
	for _, v := range []string{"2020-10-22", "2021-10-21", "2022-10-27", "2023-10-05", "2024-11-07", "2025-10-02"} {
		from := d(v) + 1
		t := from.time()
		end := day(time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC).Sub(epoch).Hours() / 24)
		evPhrases = append(evPhrases, evPhrase{window{from, end}, "Putin made similar remarks at the Valdai forum in Sochi earlier this month."})
	}
}

var usQuoteBank *bank

func init() {
	usQuoteBank = compileAll([]string{
		"Our support for Ukraine will continue as long as it takes.",
		"There will be no negotiations about Ukraine without Ukraine.",
		"We are open to dialogue with Russia on the nuclear threat and arms control.",
		"The United States does not seek a conflict with Russia.",
		"We will hold Moscow accountable for its actions.",
		"The meeting in {place} was a first step, and much work lies ahead.",
		"This war must end, and it can end {time}.",
		"Nobody will get everything they want, and both sides will have to give something.",
		"We are working very hard to bring both sides to the table.",
		"The President wants this war to end.",
		"We have imposed {sancq} {sanc} on Moscow and we are ready to do more.",
		"We discussed {issue} and {issue} in detail.",
		"The talks were {adj} and {adj}.",
		"It is too early to talk about {meet}.",
		"We will consult closely with our allies in {place} and {place}.",
		"Russia must stop its attacks on {place} and {place}.",
		"We are not going to negotiate through the press.",
		"The situation in {place} is a matter of great concern to us.",
		"Our position on {issue} remains unchanged.",
		"We want a durable peace, not a pause that lets Russia rearm.",
		"The decision on {weap} was made after careful consultations with {country}.",
	})
}

// speech verbs after a quote ("…,” Peskov said.)
var verbsAfter = []string{"said", "said", "said", "stated", "stressed", "noted", "added", "emphasized", "explained", "remarked", "insisted", "warned", "told reporters", "told journalists", "pointed out", "recalled", "concluded", "argued", "underscored", "asserted"}
var verbsThat = []string{"said", "stressed", "noted", "added", "emphasized", "underscored", "explained", "recalled", "insisted", "warned", "told reporters", "pointed out", "reiterated", "argued", "claimed", "indicated", "believes", "acknowledged", "mentioned"}
var spunAfter = []string{"stated", "stated", "stated", "instructed TASS", "burdened", "famous", "added", "mentioned"}
var spunThat = []string{"stated", "burdened", "famous", "instructed TASS", "added", "mentioned"}

var spunNouns = map[string]string{"Vladimir Putin": "the Russian chief", "Dmitry Peskov": "the Kremlin spokesman"}

// art is the state of one article being written.
type art struct {
	r       *rng
	seed    int64
	style   int
	spun    bool
	day     day // publication
	sday    day // the main statement's day
	main    int
	st      story
	named   []bool // per registry speaker: already introduced
	last    int    // speaker a pronoun would reach, or -1
	buf     []byte
	paras   [][2]int // body paragraphs in buf
	head    [2]int   // headline span, or zero
	caption [2]int
	dateLn  [2]int // a "date 2023-12-17" or "January 24, 2021" line above
	foot    [][2]int
	moji    bool // whole text UTF-8-as-CP1252
	unknown [2]string
}

func (a *art) para(start int) {
	if a.moji {
		// rewrite the paragraph as mojibake
		tmp := append([]byte(nil), a.buf[start:]...)
		a.buf = mojibake1252(a.buf[:start], tmp)
	}
	a.paras = append(a.paras, [2]int{start, len(a.buf)})
}

func (a *art) str(s string) { a.buf = append(a.buf, s...) }

// mention writes how the text names speaker i here.
func (a *art) mention(i int, sentenceStart bool) {
	sp := &speakers[i]
	start := len(a.buf)
	switch {
	case !a.named[i]:
		a.named[i] = true
		if ro := pickRole(sp.appos, a.sday, a.r); ro != "" && a.r.IntN(8) > 0 {
			a.str(ro)
			a.str(" ")
		}
		a.str(sp.name)
	case a.last == i && a.r.IntN(3) == 0:
		if sp.female {
			a.str("she")
		} else {
			a.str("he")
		}
	default:
		k := a.r.IntN(10)
		if a.spun && spunNouns[sp.name] != "" && k < 3 {
			a.str(spunNouns[sp.name])
		} else if ro := pickRole(sp.nouns, a.sday, a.r); ro != "" && k < 3 {
			a.str(ro)
		} else {
			a.str(sp.surname)
		}
	}
	if sentenceStart {
		capAt(a.buf, start)
	}
	a.last = i
}

func (a *art) verbAfter() string {
	if a.spun {
		return pick(a.r, spunAfter)
	}
	return pick(a.r, verbsAfter)
}

func (a *art) verbThat() string {
	if a.spun {
		return pick(a.r, spunThat)
	}
	return pick(a.r, verbsThat)
}

func (a *art) weekday(x day) string { return x.time().Weekday().String() }

// quoteSents appends n quote sentences for speaker i.
func (a *art) quoteText(i, n int) {
	qb := quoteBank
	if !speakers[i].russian {
		qb = usQuoteBank
	}
	for k := 0; k < n; k++ {
		if k > 0 {
			a.str(" ")
		}
		st := len(a.buf)
		a.buf = expand(a.buf, qb, a.r)
		capAt(a.buf, st)
	}
}

// endComma turns the final "." of what was just written into ",".
func (a *art) endComma() {
	if n := len(a.buf); n > 0 && a.buf[n-1] == '.' {
		a.buf[n-1] = ','
	}
}

// report appends a third-person proposition (no final period).
func (a *art) report() {
	a.buf = expand(a.buf, reportBank, a.r)
}

// lead writes the first paragraph: dateline and a reported statement.
func (a *art) lead() {
	st := len(a.buf)
	t := a.day.time()
	switch a.style {
	case styleTASS:
		a.str(pick(a.r, datelinePlaces))
		a.str(", ")
		a.str(t.Month().String())
		a.str(" ")
		a.buf = strconv.AppendInt(a.buf, int64(t.Day()), 10)
		if a.r.IntN(6) == 0 {
			a.str(ordSuffix(t.Day()))
		}
		a.str(". /TASS/. ")
	case styleReuters:
		a.str(pick(a.r, datelinePlaces))
		if a.r.IntN(2) == 0 {
			a.str(", ")
			a.str(monthAbbr[t.Month()])
			a.str(" ")
			a.buf = strconv.AppendInt(a.buf, int64(t.Day()), 10)
		}
		a.str(" (Reuters) - ")
	case styleMENAFN:
		a.str("(MENAFN) ")
	case styleInterfax:
		a.str("Moscow. ")
		a.buf = strconv.AppendInt(a.buf, int64(t.Day()), 10)
		a.str(" ")
		a.str(t.Month().String())
		a.str(". INTERFAX - ")
	}
	body := len(a.buf)
	when := ""
	if a.style != styleTranslated {
		when = " on " + a.weekday(a.sday)
	}
	switch a.r.IntN(4) {
	case 0, 1:
		a.report()
		capAt(a.buf, body)
		a.str(", ")
		a.mention(a.main, false)
		a.str(" ")
		a.str(a.verbAfter())
		a.str(when)
		a.str(".")
	case 2:
		if a.style == styleMENAFN {
			a.str("In an interview with ")
			a.str(pick(a.r, bankMedia))
			a.str(" published")
			a.str(when)
			a.str(", ")
			a.mention(a.main, false)
		} else {
			a.mention(a.main, true)
			a.str(" said")
			a.str(when)
		}
		a.str(" that ")
		a.report()
		a.str(".")
	default:
		a.str("According to ")
		a.mention(a.main, false)
		a.str(", ")
		a.report()
		a.str(".")
	}
	a.para(st)
}

var bankMedia = strings.Split(bankSrc["media"], "|")

func ordSuffix(n int) string {
	switch {
	case n%10 == 1 && n != 11:
		return "st"
	case n%10 == 2 && n != 12:
		return "nd"
	case n%10 == 3 && n != 13:
		return "rd"
	}
	return "th"
}

// directPara writes a paragraph quoting speaker i.
func (a *art) directPara(i int, carried []byte) {
	st := len(a.buf)
	quote := func(n int) {
		if carried != nil {
			a.buf = append(a.buf, carried...)
			carried = nil
			return
		}
		a.quoteText(i, n)
	}
	// “Q,” X said
	quoteSaid := func(n int) {
		a.str("“")
		quote(n)
		a.endComma()
		a.str("” ")
		a.mention(i, false)
		a.str(" ")
		a.str(a.verbAfter())
	}
	switch a.r.IntN(7) {
	case 0, 1: // “Q,” X said.
		quoteSaid(1 + a.r.IntN(2))
		a.str(".")
	case 2: // X said: “Q”
		a.mention(i, true)
		a.str(" ")
		a.str(a.verbAfter())
		a.str(": “")
		quote(1 + a.r.IntN(2))
		a.str("”")
	case 3: // “Q1,” X said. “Q2”
		quoteSaid(1)
		a.str(". “")
		a.quoteText(i, 1+a.r.IntN(2))
		a.str("”")
	case 4: // “Q,” said X.
		if a.named[i] {
			a.str("“")
			quote(1)
			a.endComma()
			a.str("” said ")
			a.str(speakers[i].surname)
			a.last = i
			a.str(".")
			break
		}
		fallthrough
	case 5: // mixed: X added that “…”
		a.mention(i, true)
		a.str(" ")
		a.str(a.verbThat())
		a.str(" that “")
		a.report()
		a.str(".”")
		if carried != nil {
			a.str(" “")
			quote(1)
			a.str("”")
		}
	default: // quote across paragraphs
		quoteSaid(1)
		a.str(". “")
		a.quoteText(i, 1)
		a.para(st)
		st = len(a.buf)
		a.str("“")
		a.quoteText(i, 1+a.r.IntN(2))
		a.str("”")
	}
	a.para(st)
}

// indirectPara writes reported speech by speaker i.
func (a *art) indirectPara(i int) {
	st := len(a.buf)
	n := 1 + a.r.IntN(2)
	for k := 0; k < n; k++ {
		if k > 0 {
			a.str(" ")
		}
		switch a.r.IntN(5) {
		case 0:
			a.str("According to ")
			a.mention(i, false)
			a.str(", ")
			a.report()
		case 1:
			s := len(a.buf)
			a.report()
			capAt(a.buf, s)
			a.str(", ")
			a.mention(i, false)
			a.str(" ")
			a.str(a.verbAfter())
		default:
			a.mention(i, true)
			a.str(" ")
			a.str(a.verbThat())
			a.str(" ")
			a.str(pick(a.r, reportLeadIn))
			a.report()
		}
		a.str(".")
	}
	a.para(st)
}

// unknownPara quotes a person who is not in the registry.
func (a *art) unknownPara() {
	st := len(a.buf)
	if a.unknown[0] == "" {
		a.unknown[0] = pick(a.r, unknownRoles)
		a.unknown[1] = pick(a.r, unknownFirst) + " " + pick(a.r, unknownLast)
		a.str(a.unknown[0])
		a.str(" ")
		a.str(a.unknown[1])
	} else {
		nm := a.unknown[1]
		for j := len(nm) - 1; j > 0; j-- {
			if nm[j] == ' ' {
				nm = nm[j+1:]
				break
			}
		}
		a.str(nm)
	}
	a.last = -1
	a.str(" ")
	a.str(pick(a.r, verbsThat))
	a.str(" that ")
	a.report()
	a.str(".")
	if a.r.IntN(2) == 0 {
		a.str(" “")
		a.buf = expand(a.buf, usQuoteBank, a.r)
		a.str("”")
	}
	a.para(st)
}

func (a *art) backPara() {
	st := len(a.buf)
	n := 2 + a.r.IntN(3)
	for k := 0; k < n; k++ {
		if k > 0 {
			a.str(" ")
		}
		s := len(a.buf)
		a.buf = expand(a.buf, backBank, a.r)
		capAt(a.buf, s)
	}
	if a.r.IntN(3) == 0 {
		// an event that narrows the date, when one fits
		if e := a.eventFor(); e != "" {
			a.str(" ")
			a.str(e)
		}
	}
	a.last = -1
	a.para(st)
}

func (a *art) eventFor() string {
	k := a.r.IntN(len(evPhrases))
	for j := 0; j < len(evPhrases); j++ {
		e := evPhrases[(k+j)%len(evPhrases)]
		if e.w.has(a.day) {
			return e.text
		}
	}
	return ""
}

// programmePara mentions a TV programme title in quotes: not speech.
func (a *art) programmePara() {
	st := len(a.buf)
	a.mention(a.main, true)
	a.str(" made the remarks in an interview with the “")
	a.str(pick(a.r, programmes))
	a.str("” program on ")
	a.str(pick(a.r, bankMedia))
	a.str(", which was aired")
	if a.style != styleTranslated {
		a.str(" on ")
		a.str(a.weekday(a.sday))
	}
	a.str(".")
	a.para(st)
}

var programmes = []string{"Moscow. Kremlin. Putin", "Meet the Press", "Face the Nation", "60 Minutes", "Sunday Evening with Vladimir Solovyov", "Vesti Nedeli", "Hardtalk", "The Great Game"}

func (a *art) headlineText() {
	a.mention(a.main, true)
	a.str(" says ")
	s := len(a.buf)
	a.report()
	lowerFirst(a.buf, s)
	a.named[a.main] = false // the body introduces them again
}

func (a *art) captionText() {
	t := a.day.time()
	if a.r.IntN(3) == 0 {
		// short form: "US Secretary of State Marco Rubio © AP Photo"
		sp := &speakers[a.main]
		if ro := pickRole(sp.appos, a.day, a.r); ro != "" {
			a.str(ro)
			a.str(" ")
		}
		a.str(sp.name)
		a.str(" ")
		a.str(pick(a.r, captionCredits))
		return
	}
	// a photo from earlier the same year (or late last year)
	ct := t.AddDate(0, 0, -a.r.IntN(60))
	a.str(pick(a.r, captionPlaces))
	a.str(" – ")
	for _, c := range []byte(ct.Month().String()) {
		if c >= 'a' {
			c -= 'a' - 'A'
		}
		a.buf = append(a.buf, c)
	}
	a.str(" ")
	a.buf = strconv.AppendInt(a.buf, int64(ct.Day()), 10)
	a.str(", ")
	a.buf = strconv.AppendInt(a.buf, int64(ct.Year()), 10)
	a.str(": ")
	sp := &speakers[a.main]
	a.str(sp.name)
	a.str(" ")
	a.str(pick(a.r, captionWhat))
	a.str(". ")
	a.str(pick(a.r, photographers))
	if a.style == styleTASS && a.r.IntN(2) == 0 {
		a.str(" ")
		a.buf = mojibake1251(a.buf, pick(a.r, ruCaptions))
		a.str(" ")
		a.buf = mojibake1251(a.buf, pick(a.r, ruCredits))
	}
}
