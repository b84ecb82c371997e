package corpus

// dates.go dates documents and statements.
//
// A document's date comes from the strongest evidence present, in order:
//
//	front-matter     Meta.Date (front matter, HTML meta, JSONL), any common form
//	text-date:*      a full date the text gives as its own: labelled ("date
//	                 2023-12-17", "Published: …") or opening a line of the
//	                 lead, after at most a place, a weekday or a byline
//	                 ("MOSCOW, January 24, 2021 (Reuters) -", "Jan. 20, 2025")
//	url              a date in the URL path (/2024/07/19/)
//	dateline+*-year  a year-less dateline ("MOSCOW, January 24. /TASS/.")
//	                 takes the first such day on or after what the text
//	                 refers to (a dated caption, dates and events in the text)
//	bounds           otherwise every reference bounds the date: events of
//	                 the reference-event table (events.tsv), countdowns ("the
//	                 final ten days" of an administration), dates, months and
//	                 years the text mentions (after them), future wording
//	                 ("expires in 2026": before). Strongest first; a bound
//	                 that contradicts stronger ones is dropped with a warning.
//	                 A weekday the lead names ("told TASS on Monday") narrows
//	                 a window of at most a month to the days of that weekday;
//	                 the weekday of a one-off event in its sentence ("Keith
//	                 Lamont Scott, who was shot on Tuesday") puts the text in
//	                 the week after it.
//
// An explicit date that contradicts what the text refers to is kept, with
// a warning on the document. When nothing settles a day the result is a
// month, a year, a range, or unknown — never an invented day.

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

// ---- day arithmetic and sets of days ----

const (
	negInf = math.MinInt32 / 2
	posInf = math.MaxInt32 / 2
)

// dnum is the day number of a midnight-UTC time (days since 1970-01-01).
func dnum(t time.Time) int {
	t = model.Day(t.Year(), t.Month(), t.Day())
	s := t.Unix()
	if s < 0 {
		return int((s - 86399) / 86400)
	}
	return int(s / 86400)
}

func dtime(n int) time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

// ival is an inclusive range of day numbers; iset a sorted union of them.
type ival struct{ lo, hi int }
type iset []ival

func allDays() iset               { return iset{{negInf, posInf}} }
func daysBetween(lo, hi int) iset { return iset{{lo, hi}} }
func (s iset) empty() bool        { return len(s) == 0 }
func (s iset) hull() (int, int)   { return s[0].lo, s[len(s)-1].hi }

// intersect returns the days in both s and o (both sorted and disjoint,
// as every iset is), merging the two lists.
func (s iset) intersect(o iset) iset {
	if s.equal(o) {
		return s
	}
	if len(s) == 1 && len(o) == 1 { // the common case: no list to build
		lo, hi := max(s[0].lo, o[0].lo), min(s[0].hi, o[0].hi)
		switch {
		case lo > hi:
			return nil
		case lo == s[0].lo && hi == s[0].hi:
			return s
		case lo == o[0].lo && hi == o[0].hi:
			return o
		}
		return iset{{lo, hi}}
	}
	var out iset
	for i, j := 0, 0; i < len(s) && j < len(o); {
		a, b := s[i], o[j]
		if lo, hi := max(a.lo, b.lo), min(a.hi, b.hi); lo <= hi {
			out = append(out, ival{lo, hi})
		}
		if a.hi < b.hi {
			i++
		} else {
			j++
		}
	}
	return out.norm()
}

// overlaps reports whether s and o share a day, without building the
// intersection.
func (s iset) overlaps(o iset) bool {
	for i, j := 0, 0; i < len(s) && j < len(o); {
		a, b := s[i], o[j]
		if max(a.lo, b.lo) <= min(a.hi, b.hi) {
			return true
		}
		if a.hi < b.hi {
			i++
		} else {
			j++
		}
	}
	return false
}

func (s iset) union(o iset) iset {
	switch {
	case len(s) == 0:
		return o
	case len(o) == 0:
		return s
	}
	return append(append(make(iset, 0, len(s)+len(o)), s...), o...).norm()
}

// norm sorts s and merges the ranges that touch, in place.
func (s iset) norm() iset {
	slices.SortFunc(s, func(a, b ival) int { return cmp.Compare(a.lo, b.lo) })
	out := s[:0]
	for _, v := range s {
		if n := len(out); n > 0 && v.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, v.hi)
			continue
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (s iset) contains(d int) bool {
	for _, v := range s {
		if v.lo <= d && d <= v.hi {
			return true
		}
	}
	return false
}

func (s iset) equal(o iset) bool {
	if len(s) != len(o) {
		return false
	}
	for i := range s {
		if s[i] != o[i] {
			return false
		}
	}
	return true
}

// ---- evidence ----

// dateConstraint is one piece of evidence about when a text was written:
// a clue and the days it allows.
type dateConstraint struct {
	set      iset
	strength int // strengthEvent, strengthSoft, strengthYear or strengthRecent
	rule     string
	evidence string
	span     model.Span
	// lowValue: when this dateConstraint sets the lower edge, the best single
	// estimate is that edge (news is written soon after what it reports and
	// the photos it shows; a countdown is exact at its start).
	lowValue bool
	// weak: a hint that only chooses between windows (ev.weak)
	weak bool
	// sinceOnly: a title's bound that says "any time since" (an office
	// still held, "former", "then-"): it narrows, but does not date alone
	sinceOnly bool
	// use: what solving made of it
	use model.ClueUse
	// uncapped: for a scheduled event looked ahead to, its days when the
	// text's cycle is not known (ahead=N counts only beside a race's
	// status: "the first presidential debate" of another country's race
	// may be meant)
	uncapped iset
	// nominee: a clue of events that count only beside a nominee's status
	nominee bool
	// race: a hint naming a race by its candidates (flag race), which
	// stands for the race's status beside its scheduled events
	race bool
	// loose: a loose event's cap (ahead=N), which counts only beside a
	// status or race named in the same paragraph ("the first debate" of
	// a Senate race may be meant elsewhere)
	loose bool
	// tie: a clue of a word that names debates of every kind ("Monday's
	// debate", flag tie), which counts only in a sentence naming the
	// race's candidates
	tie bool
	// past: for a debate of a race held, each alternative's reading
	// (after it, before the next), which beside a nominee's status narrow
	// to those of the status's window
	past []pastReading
	// raceBacked: a nominee clue kept beside the race's candidates alone
	// (its windows those another clue puts the text near)
	raceBacked bool
}

// How much a clue weighs. Solving intersects the strongest first; a clue
// that contradicts stronger ones is left out, and clues of one strength
// that contradict each other widen the date to hold every reading.
const (
	// the news habit of showing fresh posts: an article that embeds posts
	// is written within recentPostDays of the latest one. It narrows only
	// what every stronger clue leaves open, and gives way to any of them
	strengthRecent = 0
	// bare years ("since 2014"): a lower bound that never dates alone
	strengthYear = 1
	// dates and months the text mentions, captions, embedded posts,
	// offices ("President Obama"), which a text may also name in
	// retrospect
	strengthSoft = 2
	// reference events, statuses ("the Republican nominee"), "former"
	// titles, countdowns
	strengthEvent = 3
)

// docDate is a candidate date the text gives as its own.
type docDate struct {
	date  model.Date
	found bool
}

// yearless is a dateline without a year.
type yearless struct {
	month time.Month
	day   int
	span  model.Span
	text  string
}

// evidenceSet is everything dating found in a document.
type evidenceSet struct {
	explicit    docDate // text-date:*
	dateline    *yearless
	cons        []dateConstraint
	weak        []dateConstraint
	weekday     *weekdayMention
	captionDays []time.Time
	// year-less days the text mentions in a clear tense ("said on Sept.
	// 12", "will meet on June 16"): they narrow a date other clues have
	// put within a few years
	yearless []yearlessMention
	// today is the day number of today: a text is not written later
	today int
}

// yearlessMention is a day without a year in a clear tense: -1 past, +1
// to come.
type yearlessMention struct {
	m       dateMention
	tense   int
	weekday *time.Weekday // "Monday, Sept. 12": only years when it is one
	// rel: "earlier this month", "last month", "this month" in the clause
	// puts the text in that month or the next
	rel string
	// month: a month without a day ("in August", "this May"); word is the
	// word before it (in, since, this, next, last)
	month bool
	word  string
}

type weekdayMention struct {
	day  time.Weekday
	text string
	span model.Span
}

var (
	reLabelled    = regexp.MustCompile(`(?i)\b(?:date[d]?|published|posted|updated|last updated|first published|released|issued)\s*(?:on|at)?\s*[:\-–—]?\s*$`)
	reCaptionDash = regexp.MustCompile(`[–—-]\s*$`)
	reYearless    = regexp.MustCompile(`(?m)^[ \t]*((?:[A-Z][A-Za-z.'’\- ]{1,40})(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?),\s+(` + monthRE + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(\.?\s*/[^/\n]{1,24}/\.?|\.?\s*\([^)\n]{1,24}\)|\s*[–—-]|\.\s+[A-Z])`)
	// the same, day first, after a place and a comma or full stop:
	// "Moscow. 30 July. INTERFAX -", "KYIV, 3 March (Reuters) -"
	reYearlessDM = regexp.MustCompile(`(?m)^[ \t]*((?:[A-Z][A-Za-z'’\- ]{1,40})(?:,\s*[A-Z][A-Za-z'’\- ]{1,30})?)[,.]\s+(\d{1,2})\s+(` + monthRE + `)\b(\.?\s*/[^/\n]{1,24}/\.?|\.?\s*\([^)\n]{1,24}\)|\s*[–—-]|\.\s+[A-Z])`)
	// a full date that opens a line, after at most a place and a weekday
	reDatelineFull = regexp.MustCompile(`^[ \t]*(?:[A-Z][A-Za-z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?,\s+)?(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?\s+)?$`)
	// a byline's date: "By Jane Doe | January 24, 2021"
	reByline      = regexp.MustCompile(`^[ \t]*By [^\n]{1,60}[|•·]\s*$`)
	reYearFollows = regexp.MustCompile(`^(?:st|nd|rd|th)?,?\s+\d{4}`)
)

// gather collects the dating evidence of a document.
func (e *Events) gather(doc *model.Document) evidenceSet {
	var ev evidenceSet
	ev.today = dnum(e.today())
	text := doc.Text
	paras := model.ParagraphSpans(text)
	leadEnd := leadEndOf(text, paras)
	lower := asciiLower(text)
	var hits litHits
	if e != nil && e.lits != nil {
		hits = e.lits.find(lower)
	}

	// Captions: their dates are anchors (a photo predates its article).
	for _, c := range doc.Captions {
		for _, m := range scanDates(c) {
			if m.kind == mentionFull {
				ev.captionDays = append(ev.captionDays, m.first())
				ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first()), posInf), strength: strengthSoft, rule: "caption", evidence: "caption: " + m.text, lowValue: true})
			}
		}
	}

	// A correction or update note at the end is later than the article:
	// its dates bound the article from above.
	corr := correctionStart(text, lower)
	posts := embeddedPosts(text, lower, e.today())

	// Dates, months and years in the text.
	var months [13]bool // months given with a year so far
	mentions := scanDates(text)
	for _, m := range mentions {
		if m.kind == mentionFull || m.kind == mentionMonthYear {
			months[m.month] = true
		}
		before := text[lineStartBefore(text, m.span.Start):m.span.Start]
		after := text[m.span.End:min(len(text), m.span.End+30)]
		if m.span.Start >= corr {
			if m.kind == mentionFull || m.kind == mentionMonthYear {
				ev.cons = append(ev.cons, dateConstraint{set: daysBetween(negInf, dnum(m.last())), strength: strengthSoft, rule: "correction-date", evidence: m.text, span: m.span})
			}
			continue
		}
		if m.kind == mentionFull && posts.holds(m.span.Start) {
			// an embedded post's date is its time in UTC: a day early in
			// the Americas
			ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first())-1, posInf), strength: strengthSoft, rule: "embedded-post", evidence: m.text, span: m.span, lowValue: true})
			continue
		}
		if m.kind == mentionFull {
			captionStyle := reCaptionDash.MatchString(before) && strings.HasPrefix(strings.TrimLeft(after, " "), ":")
			switch {
			case captionStyle:
				ev.captionDays = append(ev.captionDays, m.first())
				ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first()), posInf), strength: strengthSoft, rule: "caption", evidence: m.text, span: m.span, lowValue: true})
				continue
			case !ev.explicit.found && reLabelled.MatchString(lastBytes(before, 30)) && len(strings.Fields(before)) <= 3:
				// a label opening its line ("Published: …"), not "an email
				// dated …"
				ev.explicit = docDate{model.DayDate(m.first(), strings.TrimSpace(lastBytes(before, 30))+" "+m.text, "text-date:labelled", m.span), true}
				continue
			case !ev.explicit.found && m.span.Start < leadEnd && (reDatelineFull.MatchString(before) || reByline.MatchString(before)):
				ev.explicit = docDate{model.DayDate(m.first(), m.text, "text-date:dateline", m.span), true}
				continue
			}
		}
		clause := clauseBefore(text, m.span.Start)
		if m.kind == mentionMonthDay {
			if months[m.month] {
				continue // the month of a date given in full before: its year
			}
			rel := strings.ToLower(relativeInClause(text, m.span))
			if rel != "" && !strings.Contains(rel, "month") && !(strings.Contains(rel, "week") && relNear(lower, m.span, rel)) {
				rel = "" // a week said far from the day may be another verb's
			}
			t := mentionTense(text, clause, m.span)
			if t == 0 && dayToCome(text, clause, m.span) {
				t = 1 // "California, which votes June 7", "before April 26, when voters head to the polls"
			}
			if rel == "" {
				// "last week, on Sept. 12", "this month, on Sept. 26, they
				// will": right by the day, across a comma, and the tense
				// of the words before it
				var at model.Span
				if rel, at = relBeside(lower, m.span); strings.HasSuffix(rel, "year") {
					rel = "" // "last year, on Sept. 12": the year, not the text's time
				} else if rel != "" && t == 0 {
					t = mentionTense(text, clauseBefore(text, at.Start), at)
				}
			}
			if rel != "" && t >= 0 && !strings.HasPrefix(rel, "this") {
				t = -1 // "earlier this month, on Sept. 9", "last month, on July 28"
			}
			if t != 0 {
				ev.yearless = append(ev.yearless, yearlessMention{m: m, tense: t, weekday: weekdayBefore(clause), rel: rel})
			}
			continue
		}
		if (endsWithWord(clause, "in") || endsWithWord(clause, "on")) && futureUpper.MatchString(clause) {
			ev.cons = append(ev.cons, dateConstraint{set: daysBetween(negInf, dnum(m.last())), strength: strengthSoft, rule: "future-date", evidence: strings.TrimSpace(lastBytes(clause, 30)) + " " + m.text, span: m.span})
			continue
		}
		if m.kind != mentionYear && (mentionTense(text, clause, m.span) > 0 || transitionAhead(text, m.span) || dayToCome(text, clause, m.span)) {
			// "as February 5, 2026 approaches", "ahead of the June 5 vote":
			// written before it
			ev.cons = append(ev.cons, dateConstraint{set: daysBetween(negInf, dnum(m.last())), strength: strengthSoft, rule: "future-date", evidence: futureEvidence(text, clause, m), span: m.span})
			continue
		}
		if hasKey(clause, futureBeforeKeys) && futureBefore.MatchString(clause) || endsWithWord(clause, "for") || endsWithWord(clause, "for the") ||
			scheduledNoun(after) && mentionTense(text, clause, m.span) >= 0 {
			continue // a limit, or a vote or meeting that may be to come
		}
		if m.kind != mentionYear && unsureBefore(clause) && mentionTense(text, clause, m.span) >= 0 {
			continue // "would assume office in January 2017", "beginning in January 2017": maybe to come
		}
		switch m.kind {
		case mentionFull:
			ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first()), posInf), strength: strengthSoft, rule: "mentioned-date", evidence: m.text, span: m.span, lowValue: true})
		case mentionMonthYear:
			ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first()), posInf), strength: strengthSoft, rule: "mentioned-month", evidence: m.text, span: m.span, lowValue: true})
		case mentionYear:
			// a bare year is as often to come ("up for re-election in
			// 2018"): only one in the past tense counts
			if !yearModifier(lastBytes(clause, 12), after) && mentionTense(text, clause, m.span) < 0 {
				ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first()), posInf), strength: strengthYear, rule: "mentioned-year", evidence: m.text, span: m.span, lowValue: true})
			}
		}
	}
	ev.yearless = append(ev.yearless, monthMentions(text, mentions)...)
	for _, p := range posts.ids {
		ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(p.day)-1, posInf), strength: strengthSoft, rule: "embedded-post-id", evidence: p.text, span: p.span, lowValue: true})
	}
	if c, ok := recentPost(ev.cons); ok {
		ev.cons = append(ev.cons, c)
	}

	// A year-less dateline in the lead: "MOSCOW, January 24. /TASS/." or,
	// day first, "Moscow. 30 July. INTERFAX -".
	ix := reYearless.FindStringSubmatchIndex(text[:leadEnd])
	monthAt, dayAt := 4, 6
	if dm := reYearlessDM.FindStringSubmatchIndex(text[:leadEnd]); dm != nil && (ix == nil || dm[0] < ix[0]) {
		ix, monthAt, dayAt = dm, 6, 4
	}
	if ix != nil {
		name := text[ix[monthAt]:ix[monthAt+1]]
		mo, ok := monthOf(name)
		d := dateAtoi(text[ix[dayAt]:ix[dayAt+1]])
		after := max(ix[monthAt+1], ix[dayAt+1])
		rest := text[after:min(len(text), after+8)]
		fullFollows := reYearFollows.MatchString(rest)
		if ok && capitalised(name) && validDay(2000, mo, d) && !fullFollows {
			end := ix[1]
			if end < len(text) && text[end] == '.' {
				end++
			}
			start := ix[2]
			ev.dateline = &yearless{month: mo, day: d, span: model.Span{Start: start, End: end}, text: text[start:end]}
		}
	}

	// Reference events.
	seenRef := map[string]bool{} // a later reference that says no more than an earlier one
	for _, em := range e.matchIndexed(text, lower, hits) {
		if c, ok := eventConstraint(text, em); ok {
			key := em.events[0].Pattern + "\x00" + c.rule + "\x00" + windowList(c.set)
			if seenRef[key] {
				continue
			}
			seenRef[key] = true
			if c.weak {
				ev.weak = append(ev.weak, c)
			} else {
				ev.cons = append(ev.cons, c)
			}
		}
	}

	// Offices and statuses: "Secretary of State John Kerry", "former
	// President Obama", "Hillary Clinton, the Democratic nominee".
	for _, om := range matchOffices(e.holders, e.lits, hits, text, lower) {
		set, hint, ok := officeSet(om.group, om.qual)
		if !ok {
			continue
		}
		if hint != nil {
			ev.weak = append(ev.weak, dateConstraint{set: hint, strength: strengthSoft, rule: "office", evidence: text[om.span.Start:om.span.End], span: om.span, weak: true})
		}
		_, hi := set.hull()
		c := dateConstraint{set: set, strength: strengthSoft, rule: "office", evidence: text[om.span.Start:om.span.End], span: om.span, sinceOnly: hi == posInf}
		weak := om.qual == "" // "former" always counts
		for _, of := range om.group.rows {
			if !of.Weak {
				weak = false
			}
			if of.Status {
				c.strength, c.rule = strengthEvent, "status"
			}
		}
		switch om.qual {
		case "former":
			c.strength, c.rule = strengthEvent, "office-former"
		case "then":
			c.rule = "office-then"
		}
		if weak {
			ev.weak = append(ev.weak, c)
		} else {
			ev.cons = append(ev.cons, c)
		}
	}

	// A debate looked ahead to is the one of the text's own cycle only
	// beside a race's status ("the Republican nominee") or a race named by
	// its candidates ("Hillary Clinton", flag race) whose window holds it;
	// otherwise it may be another country's, any time before. A loose
	// one ("the first debate") needs them in its paragraph.
	paraOf := func(pos int) int {
		for i, p := range paras {
			if pos < p.End {
				return i
			}
		}
		return len(paras)
	}
	raceBeside := func(c dateConstraint, status func(dateConstraint) bool) bool {
		for _, l := range [][]dateConstraint{ev.cons, ev.weak} {
			for _, o := range l {
				if !status(o) && !(o.race && o.set.overlaps(c.set)) {
					continue
				}
				if !c.loose || paraOf(o.span.Start) == paraOf(c.span.Start) {
					return true
				}
				// or by a name of theirs ("Trump and Clinton will meet in
				// the first debate")
				if k := paraOf(c.span.Start); k < len(paras) && namesIn(text[paras[k].Start:paras[k].End], o.evidence) {
					return true
				}
			}
		}
		return false
	}
	isStatus := func(c dateConstraint) bool { return c.rule == "status" }
	for i := range ev.cons {
		if c := &ev.cons[i]; c.uncapped != nil && !raceBeside(*c, isStatus) {
			c.set, c.uncapped = c.uncapped, nil
		}
	}
	// "Since the first debate" beside a nominee ("Republican nominee
	// Donald Trump") in its paragraph: the nominees' debate, the one in
	// the status's window (a primary's first debate is before it).
	for i := range ev.cons {
		c := &ev.cons[i]
		if len(c.past) == 0 {
			continue
		}
		k := paraOf(c.span.Start)
		var own iset
		for _, r := range c.past {
			for _, o := range slices.Concat(ev.cons, ev.weak) {
				if o.rule != "status" || !containsFold(o.evidence, "nominee") || !o.set.contains(r.start) {
					continue
				}
				if paraOf(o.span.Start) == k || k < len(paras) && namesIn(text[paras[k].Start:paras[k].End], o.evidence) {
					own = own.union(r.set)
					break
				}
			}
		}
		if !own.empty() {
			c.set, c.rule = own, "event-held"
		}
	}
	// "Monday's presidential debate" is the nominees' only beside a
	// nominee ("Republican nominee Donald Trump"), or beside the race's
	// candidates in its days when another clue already puts the text
	// after the primaries' season (a primary has its Sunday debates too):
	// after a day at most raceLead days before it. Otherwise no clue.
	isNominee := func(c dateConstraint) bool { return c.rule == "status" && containsFold(c.evidence, "nominee") }
	// lateEnough keeps the windows of c that the race's own window holds
	// (the candidates say which race, not more) and that another clue
	// already puts the text near: after a day at most raceLead days
	// before the window.
	lateEnough := func(c dateConstraint) iset {
		var keep iset
		for _, w := range c.set {
			inRace := false
			for _, o := range slices.Concat(ev.cons, ev.weak) {
				if o.race && o.set.overlaps(iset{w}) {
					inRace = true
				}
			}
			if !inRace {
				continue
			}
			for _, o := range ev.cons {
				if o.nominee || o.uncapped != nil || o.set.empty() {
					continue
				}
				if olo, _ := o.set.hull(); olo != negInf && olo >= w.lo-raceLead && o.set.overlaps(iset{w}) {
					keep = append(keep, w)
					break
				}
			}
		}
		return keep
	}
	hasNominee := slices.ContainsFunc(ev.cons, isNominee) || slices.ContainsFunc(ev.weak, isNominee)
	for _, l := range []*[]dateConstraint{&ev.cons, &ev.weak} {
		for i := range *l {
			if c := &(*l)[i]; c.nominee && !hasNominee && raceBeside(*c, func(dateConstraint) bool { return false }) {
				c.set, c.raceBacked = lateEnough(*c), true
			}
		}
	}
	// "Monday's debate" with the word alone is the race's only in a
	// sentence that names its candidates ("Clinton and Trump clashed in
	// Monday's debate", not "Monday's debate between the Senate
	// candidates")
	namedInSentence := func(c dateConstraint) bool {
		sent := sentenceAround(text, c.span.Start)
		for _, l := range [][]dateConstraint{ev.cons, ev.weak} {
			for _, o := range l {
				if (o.rule == "status" || o.race) && namesIn(text[sent.Start:sent.End], o.evidence) {
					return true
				}
			}
		}
		return false
	}
	// "Monday's debate with Katie McGinty": a debate with someone else
	partnerElse := func(c dateConstraint) bool {
		m := reDebatePartner.FindStringSubmatch(text[c.span.End:min(len(text), c.span.End+60)])
		if m == nil {
			return false
		}
		for _, l := range [][]dateConstraint{ev.cons, ev.weak} {
			for _, o := range l {
				if (o.rule == "status" || o.race) && namesIn(m[1], o.evidence) {
					return false
				}
			}
		}
		return true
	}
	drop := func(c dateConstraint) bool {
		if c.tie && (!namedInSentence(c) || partnerElse(c)) || c.loose && c.nominee && !raceBeside(c, isStatus) {
			return true // a loose debate counted down to: the race in its paragraph
		}
		return c.nominee && !hasNominee && (!c.raceBacked || c.set.empty())
	}
	ev.cons = slices.DeleteFunc(ev.cons, drop)
	ev.weak = slices.DeleteFunc(ev.weak, drop)

	// Countdowns to the end of a term ("the final ten days" of an
	// administration) or of a race ("the final nine weeks" of the
	// campaign), in the present or future tense.
	if ends, races := e.termEnds(), e.raceEnds(); len(ends)+len(races) > 0 {
		countdownRE.each(text, lower, func(ix []int) bool {
			sent := sentenceAround(text, ix[0])
			targets, rule := ends, "countdown"
			switch st := text[sent.Start:sent.End]; {
			case termWord.MatchString(st):
			case raceTarget.MatchString(text[ix[1]:min(len(text), ix[1]+48)]):
				targets, rule = races, "countdown-race"
			default:
				return true
			}
			if len(targets) == 0 || mentionTense(text, clauseBefore(text, ix[0]), model.Span{Start: ix[0], End: ix[1]}) < 0 {
				return true
			}
			far, near, exact := countdownDays(text, ix)
			c := dateConstraint{strength: strengthEvent, rule: rule, evidence: text[ix[0]:ix[1]], span: model.Span{Start: ix[0], End: ix[1]}, lowValue: exact}
			for _, x := range targets {
				end := dnum(x.Start)
				c.set = c.set.union(daysBetween(end-far, end-near))
			}
			ev.cons = append(ev.cons, c)
			return true
		})
	}

	// What the text reports dates it soon after: the latest day it gives
	// in full, event it refers to, picture or post it shows is a hint of
	// the year that follows, for a title of several terms ("the
	// Republican nominee": 2016, 2020 or 2024) to choose from.
	latest := -1
	for i, c := range ev.cons {
		switch c.rule {
		case "mentioned-date", "event", "caption", "embedded-post", "embedded-post-id":
		default:
			continue
		}
		if lo, _ := c.set.hull(); c.lowValue && lo != negInf && len(c.set) == 1 && (latest < 0 || lo > ev.cons[latest].set[0].lo) {
			latest = i
		}
	}
	if latest >= 0 {
		c := ev.cons[latest]
		lo := c.set[0].lo
		ev.weak = append(ev.weak, dateConstraint{set: daysBetween(lo, lo+366), strength: c.strength, rule: "soon-after-" + c.rule, evidence: c.evidence, span: c.span, weak: true})
	}

	leadStart := 0
	if ev.dateline != nil {
		leadStart = lineStartBefore(text, ev.dateline.span.Start)
	}
	ev.weekday = leadWeekday(doc, leadStart, leadEnd)
	return ev
}

// recentPostDays is how long after the latest post it shows an article
// is taken to be written: PolNeAR's train split has 50 articles with
// embedded posts, each written within 31 days of its latest one (45
// within a week).
const recentPostDays = 30

// recentPost is the upper bound that the latest embedded post among cons
// sets: the article is written within recentPostDays of it. It is the
// weakest clue, so an article that shows an old post beside the words of
// a later time ("the Republican nominee") keeps their window. A bare
// year after the post ("released 2016: Obama's America") leaves no cap:
// the post may be old, or the year misread, and a bare year must not
// become a range's edge.
func recentPost(cons []dateConstraint) (dateConstraint, bool) {
	var latest *dateConstraint
	for i := range cons {
		c := &cons[i]
		if c.rule != "embedded-post" && c.rule != "embedded-post-id" {
			continue
		}
		if lo, _ := c.set.hull(); latest == nil || lo > latest.set[0].lo {
			latest = c
		}
	}
	if latest == nil {
		return dateConstraint{}, false
	}
	lo := latest.set[0].lo + 1 // the post's own day (its set starts a day early, for UTC)
	for _, c := range cons {
		if y, _ := c.set.hull(); c.strength == strengthYear && y > lo {
			return dateConstraint{}, false
		}
	}
	return dateConstraint{set: daysBetween(negInf, lo+recentPostDays), strength: strengthRecent, rule: "recent-post", evidence: latest.evidence, span: latest.span}, true
}

// leadEndOf is where the lead of text ends: after its third paragraph
// of prose (lines of page furniture — "All news", a photo credit, a
// caption of a few words — do not count), and within the first 1200
// bytes, or 1600 when furniture comes first.
func leadEndOf(text string, paras []model.Span) int {
	n, short, end := 0, false, len(text)
	for _, p := range paras {
		if len(strings.Fields(text[p.Start:p.End])) < 12 && !strings.ContainsAny(strings.TrimSpace(text[p.Start:p.End]), ".!?") {
			short = true
			continue
		}
		n++
		if n == 3 {
			end = p.End
			break
		}
	}
	limit := 1200
	if short {
		limit = 1600
	}
	return min(end, limit, len(text))
}

// eventConstraint is what a reference to a group of events says: after
// it (or inside its window), narrowed by "earlier this month" and the
// like in its clause; before it when the words before it look ahead
// ("ahead of the summit"); for scheduled events only what the tense says,
// or the days a phrase tied to it gives ("Monday's debate", "last week's
// convention").
func eventConstraint(text string, em eventMatch) (dateConstraint, bool) {
	c := dateConstraint{strength: strengthEvent, rule: "event", evidence: em.text, span: em.span}
	clause := clauseBefore(text, em.span.Start)
	tense := mentionTense(text, clause, em.span)
	if tense <= 0 && reModalBefore.MatchString(clause) {
		return c, false // "he would have fired Lewandowski": a supposition, no event
	}
	weak := true
	alts := slices.Clone(em.events)
	slices.SortStableFunc(alts, func(a, b *Event) int { return a.Start.Compare(b.Start) })
	// "the Nov. 8 election", "invaded Ukraine on February 24": only the
	// alternatives on that day
	ms := daysNamed(em.text)
	if len(ms) == 0 && len(alts) > 1 {
		ms = dayAfter(text, em.span.End)
	}
	if len(ms) > 0 && (ms[0].kind == mentionMonthDay || ms[0].kind == mentionFull) {
		m := ms[0]
		alts = slices.DeleteFunc(alts, func(x *Event) bool {
			for t := x.Start; !t.After(x.End); t = t.AddDate(0, 0, 1) {
				if t.Month() == m.month && t.Day() == m.day && (m.kind != mentionFull || t.Year() == m.year) {
					return false
				}
			}
			return true
		})
	}
	c.race = slices.ContainsFunc(alts, func(x *Event) bool { return x.Race })
	if !slices.ContainsFunc(alts, func(x *Event) bool { return !x.Nominee }) {
		if rePartyBefore.MatchString(text[max(0, em.span.Start-24):em.span.Start]) {
			return c, false // "Thursday's Republican presidential debate": a primary's
		}
		c.nominee = true
	}
	scheduled := slices.ContainsFunc(alts, func(x *Event) bool { return x.Scheduled })
	var rel string
	var tie *eventTie
	var wd *weekdayTie
	var ago *agoTie
	loose := slices.ContainsFunc(alts, func(x *Event) bool { return x.Loose })
	if scheduled && !loose {
		tie = tiedPhrase(text, em.span)
		if tie == nil {
			// "clashed Monday night at Hofstra in the first presidential
			// debate": a weekday in its clause ties it as "Monday's" does
			if w := weekdayNear(text, em.span); w != nil && !w.last && w.span.End <= em.span.Start && placesOnly(text[w.span.End:em.span.Start]) {
				tie = &eventTie{rule: "weekday", weekday: &w.day, span: w.span}
			}
		}
	} else if loose && slices.ContainsFunc(alts, func(x *Event) bool { return x.Ahead > 0 }) {
		// "with the first debate just days away": a countdown to a loose
		// event is the race's own beside its candidates, in a sentence
		// of now (flagged as a nominee's clue, in its paragraph)
		if t := countdownTie(text, em.span); t != nil && plainFuture(text, em.span) &&
			!reOtherRace.MatchString(text[em.span.End:min(len(text), em.span.End+72)]) {
			tie, c.nominee, c.loose = t, true, true
		}
	} else if !scheduled {
		rel = relativeInClause(text, em.span)
		if rel == "" {
			wd = weekdayNear(text, em.span)
		}
		if rel == "" && wd == nil {
			ago = agoNear(text, em.span)
		}
	}
	if !slices.ContainsFunc(alts, func(x *Event) bool { return !x.Tie }) {
		// "Monday's debate", "the debate on Monday": only a tie dates it,
		// and after the words a noun's ("the debate Monday", not "will
		// debate Monday"); or the debate itself looked ahead to
		// ("preparing for the debate": the next one, capped by ahead=N)
		before := text[max(0, em.span.Start-16):em.span.Start]
		ahead := tie == nil && tense > 0 && reNounBefore.MatchString(before) && lookedAhead(text, clause, em.span) &&
			!reDebateTopic.MatchString(text[em.span.End:min(len(text), em.span.End+24)])
		if tie == nil && !ahead || reTitledDebate.MatchString(before) || tie != nil && tie.span.Start > em.span.Start && !reNounBefore.MatchString(before) {
			return c, false // "Monday's Democratic presidential debate": the presidential rows read it
		}
		c.tie = true
	}
	if !slices.ContainsFunc(alts, func(x *Event) bool { return !x.Countdown }) {
		// "the election": only a countdown to it ("five weeks before the
		// election"), in a sentence of now ("Romney led five weeks before
		// the election in 2012" is history)
		sent := sentenceAround(text, em.span.Start)
		if tie == nil || tie.rule != "countdown" || !plainFuture(text, em.span) || reYearWord.MatchString(text[sent.Start:sent.End]) {
			return c, false
		}
	}
	// a debate of the race held ("since the first debate"): beside a
	// nominee's status in its paragraph it is the nominees' own (gather
	// keeps the readings of the status's window), unless its sentence
	// names a year or another race
	sent := sentenceAround(text, em.span.Start)
	pastOwn := tense < 0 && tie == nil && !reYearWord.MatchString(text[sent.Start:sent.End]) &&
		!reOtherRace.MatchString(text[em.span.End:min(len(text), em.span.End+72)]) && !reOtherRaceBefore.MatchString(lastBytes(clause, 40)) &&
		!reStoryTime.MatchString(text[sent.Start:sent.End])
	wdUsed, agoUsed := false, false
	var wide iset // the days without the caps of ahead=N
	capped := false
	for i, x := range alts {
		if !x.Weak {
			weak = false
		}
		var s iset
		switch {
		case x.Scheduled && tie != nil:
			s = tie.days(x)
			c.rule = "event-" + tie.rule
		case x.Scheduled:
			switch {
			case tense < 0:
				// the latest one held: on or after it, before the next
				hi := posInf
				if i+1 < len(alts) {
					hi = dnum(alts[i+1].Start) - 1
				}
				s = daysBetween(dnum(x.Start), hi)
				if x.Ahead > 0 && !x.Tie && pastOwn {
					c.past = append(c.past, pastReading{start: dnum(x.Start), set: s})
				}
			case tense > 0:
				// the next one: after the one before, before its end (and
				// no earlier than it is spoken of as to come)
				lo := negInf
				if i > 0 {
					lo = dnum(alts[i-1].End) + 1
				}
				if x.Ahead > 0 && (!x.Loose && !x.Tie || lookedAhead(text, clause, em.span)) {
					wide = wide.union(daysBetween(lo, dnum(x.End)))
					capped = true
					lo = max(lo, dnum(x.Start)-x.Ahead)
				}
				s = daysBetween(lo, dnum(x.End))
			default:
				continue
			}
			c.rule = "event-scheduled"
		case x.Bound == BoundAfter && aheadCue.MatchString(clause):
			s = daysBetween(negInf, dnum(x.Start))
			c.rule = "event-ahead"
		case ago != nil && x.Bound == BoundAfter && x.Start.Equal(x.End):
			// "the attacks in Paris two weeks ago": that long after it
			hi := posInf
			if ago.hi != posInf {
				hi = dnum(x.Start) + ago.hi
			}
			s = daysBetween(dnum(x.Start)+ago.lo, hi)
			c.rule = "event-ago"
			agoUsed = true
		case wd != nil && x.Bound == BoundAfter && x.Start.Equal(x.End) && x.Start.Weekday() == wd.day:
			// "Keith Lamont Scott, who was shot on Tuesday": news names
			// the weekday of a day in the week before it
			s = wd.days(dnum(x.Start))
			c.rule = "event-weekday"
			c.lowValue = true
			wdUsed = true
		default:
			s = eventSet(x, strings.ToLower(rel))
			if x.Bound == BoundAfter && rel == "" {
				c.lowValue = true
			}
		}
		c.set = c.set.union(s)
		if !(x.Scheduled && tie == nil && tense > 0 && x.Ahead > 0 && (!x.Loose && !x.Tie || lookedAhead(text, clause, em.span))) {
			wide = wide.union(s)
		}
	}
	if capped {
		c.uncapped, c.loose = wide, loose
	}
	if wdUsed {
		c.evidence = wd.evidence(text, em)
	}
	if agoUsed {
		c.evidence = textOfSpans(text, em.span, ago.span)
	}
	if c.set.empty() {
		return c, false
	}
	switch {
	case tie != nil:
		c.evidence = tie.evidence(text, em)
	case rel != "":
		c.rule = "event-" + strings.ReplaceAll(strings.ToLower(rel), " ", "-")
		c.evidence = em.text + " … " + rel
		c.lowValue = false
	}
	c.weak = weak
	return c, true
}

var relKeys = []string{"earlier", "last", "this", "week", "month", "year"}

// pastReading is one alternative's reading of an event held: after its
// start, before the next one.
type pastReading struct {
	start int
	set   iset
}

// namesIn reports whether para names someone a status or race clue's
// evidence names: a capitalised word of it, not a title ("Clinton" of
// "Democratic nominee Hillary Clinton").
func namesIn(para, evidence string) bool {
	for _, w := range strings.FieldsFunc(evidence, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if len(w) < 4 || !unicode.IsUpper(rune(w[0])) || titleWords[strings.ToLower(w)] {
			continue
		}
		for i := strings.Index(para, w); i >= 0; {
			end := i + len(w)
			if (i == 0 || !isWordByte(para[i-1])) && (end == len(para) || !isWordByte(para[end])) {
				return true
			}
			j := strings.Index(para[end:], w)
			if j < 0 {
				break
			}
			i = end + j
		}
	}
	return false
}

// titleWords are the words of titles and parties, not names.
var titleWords = map[string]bool{"republican": true, "democratic": true, "democrat": true, "party": true, "presidential": true, "president": true,
	"nominee": true, "candidate": true, "running": true, "vice": true, "libertarian": true, "green": true, "presumptive": true, "former": true,
	"senator": true, "governor": true, "hopeful": true, "frontrunner": true, "front-runner": true, "standard-bearer": true, "contender": true, "campaign": true}

// plainFuture reports whether the sentence of a loose event looked ahead
// to is all to come: no verb in the past tense but the reporting ones
// ("Clinton is preparing for the first debate, aides said"), nothing "last
// month" or "ago". "Ahead of the first debate, Clinton had prepared" and
// "polls taken ahead of the first debate" may be told after it.
func plainFuture(text string, span model.Span) bool {
	sent := sentenceAround(text, span.Start)
	st := reUnitsLeft.ReplaceAllString(text[sent.Start:sent.End], "$1 remaining") // "with 30 days left"
	if reStoryTime.MatchString(st) {
		return false
	}
	past := false
	eachWord(st, func(w string, _ int) {
		if !past && !reportingWord[strings.ToLower(w)] && hasPastWord(w, len(w)) {
			past = true
		}
	})
	return !past
}

// lookedAhead reports whether a loose event is itself looked ahead to, in
// a sentence all to come: "preparing for the first debate", "heading into
// the first debate", "will meet in the first debate" (not "will try to
// recover from the first debate", a sentence to come of one held).
func lookedAhead(text, clause string, span model.Span) bool {
	after := text[span.End:min(len(text), span.End+72)]
	if reOtherRace.MatchString(after) || reOtherRaceBefore.MatchString(lastBytes(clause, 40)) {
		return false // "the first debate of the Senate race", "the Senate candidates' first debate"
	}
	return (reLooseAhead.MatchString(lastBytes(clause, 80)) || reLooseAheadAfter.MatchString(text[span.End:min(len(text), span.End+60)])) && plainFuture(text, span)
}

// reLooseAheadAfter follows an event looked ahead to: "the third debate
// will be in Las Vegas", "the second debate, at Washington University, is
// set for Sunday".
var reLooseAheadAfter = regexp.MustCompile(`^(?i)(?:\s*,[^,.;]{1,40},)?\s+(?:will be|will take place|is (?:set|scheduled|slated) for|takes place|is (?:on|next))\b|^,?\s+(?:scheduled|set|slated) for\b`)

// reOtherRace after a debate makes it another race's: "the first debate
// between the Senate candidates", "the first debate in the governor's race".
var reOtherRace = regexp.MustCompile(`^(?i)s?\s+(?:of|in|for|between|among|with)\b[^.;]{0,50}\b(?:senate|senatorial|gubernatorial|governor['’]?s?|mayoral|mayor['’]?s?|house|congressional|primary|primaries|democratic|republican|gop|party|council|district|state|legislative|attorney general)\b`)

// reOtherRaceBefore ends the words before another race's debate.
var reOtherRaceBefore = regexp.MustCompile(`(?i)\b(?:senate|senatorial|gubernatorial|governor['’]?s?|mayoral|congressional|primary|council|district|legislative)\b[^.;]{0,24}$`)

// reLooseAhead ends the words before an event looked ahead to.
var reLooseAhead = regexp.MustCompile(`(?i)(?:\b(?:ahead of|in the run-?up to|in advance of|leading up to|heading into|going into|head into|preparations? for|prepar(?:e|es|ing) for|prep(?:s|ping)? for|practic(?:e|es|ing) for|rehears(?:e|es|ing|als?) for|(?:get|gets|getting) ready for|gear(?:s|ing)? up for|ready(?:ing)? (?:themselves |himself |herself )?for|brac(?:e|es|ing) for|look(?:s|ing)? (?:ahead|forward) to|await(?:s|ing)?|before|until|upcoming|forthcoming|coming|looming|planned|scheduled)|\bwill\s+(?:meet|face|debate|square off|face off|clash|spar|go head[- ]to[- ]head)\b[^.;]{0,40}\bin)\s+(?:the\s+|this\s+|next\s+|their\s+|his\s+|her\s+)?$`)

// reUnitsLeft is time left in a countdown, not a verb: "30 days left".
var reUnitsLeft = regexp.MustCompile(`(?i)\b(days|weeks|months)\s+left\b`)

// reportingWord are the verbs of attribution, past in news of the present.
var reportingWord = map[string]bool{"said": true, "told": true, "added": true, "noted": true, "explained": true, "wrote": true,
	"reported": true, "stated": true, "argued": true, "insisted": true, "suggested": true, "predicted": true, "warned": true, "tweeted": true}

// reStoryTime in a sentence puts it in the story's past.
var reStoryTime = regexp.MustCompile(`(?i)\b(?:last (?:week|month|year)|ago|earlier this (?:week|month|year)|yesterday)\b`)

// raceLead is how long before a debate tied to the text ("Monday's
// debate") another clue must already put it, when only the race's
// candidates ("Hillary Clinton") say the debate is the nominees'.
const raceLead = 90

// reDebatePartner after a debate names who else took part: "with Katie
// McGinty", "between Sen. Pat Toomey and".
var reDebatePartner = regexp.MustCompile(`^\s+(?:with|against|between)\s+(?:(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)`)

// reDebateTopic after "debate" makes it a debate of a question, not an
// event: "the debate over spending", "the debate in Congress".
var reDebateTopic = regexp.MustCompile(`^(?i)s?\s+(?:over|about|on|of|regarding|around|surrounding|concerning|within|among|inside|in (?:Congress|the Senate|the House|Parliament))\b`)

// reTitledDebate before "debate" names its kind, which rows of their own
// read ("presidential debate").
var reTitledDebate = regexp.MustCompile(`(?i)\bpresidential\s+$`)

// reNounBefore before a word makes it a noun: "the debate", "Monday's
// debate".
var reNounBefore = regexp.MustCompile(`(?i)(?:\bthe|\bthis|\bthat|['’]s)\s+$`)

// rePartyBefore before a debate makes it a party's, in a primary.
var rePartyBefore = regexp.MustCompile(`(?i)\b(?:republican|democratic|democrat|gop|primary|party['’]s|libertarian|green party|undercard|main[- ]stage|senate|gubernatorial|house|mayoral)\s+$`)

// dayAfter is the date right after an event's words, "on" it: "invaded
// Ukraine on February 24".
func dayAfter(text string, end int) []dateMention {
	rest := text[end:min(len(text), end+24)]
	if !strings.HasPrefix(rest, " on ") {
		return nil
	}
	ms := scanDates(rest)
	if len(ms) == 0 || ms[0].span.Start != 4 {
		return nil
	}
	return ms[:1]
}

// daysNamed is the dates an event's words name ("the Nov. 8 election").
func daysNamed(s string) []dateMention {
	if !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	return scanDates(s)
}

// aheadCue before an event that happens once (a summit) looks ahead to
// it: "ahead of", "the upcoming", "preparations for".
var aheadCue = regexp.MustCompile(`(?i)\b(?:ahead of|in the run-?up to|in advance of|preparations? for|preparing for|upcoming|forthcoming|planned|scheduled)\s+(?:the\s+|a\s+|this\s+|next\s+)?(?:[\w'’-]+\s+){0,2}$`)

// textBetween is the text between the match [a, b) and span, on whichever
// side of it the match lies; apart is false when they overlap.
func textBetween(text string, span model.Span, a, b int) (between string, apart bool) {
	switch {
	case b <= span.Start:
		return text[b:span.Start], true
	case a >= span.End:
		return text[span.End:a], true
	}
	return "", false
}

// reWhoClause is the words between an event and a time said of it in a
// clause about it: "Gershkovich, who was detained in Russia late".
var reWhoClause = regexp.MustCompile(`^,\s+(?:who|which)\s+[^,;:]*$`)

// relativeInClause finds "earlier this month", "last week" and the like in
// the clause of the event mention at span: no comma, semicolon or colon
// between them, and near.
func relativeInClause(text string, span model.Span) string {
	pre, post := sentencePrefix(text, span.Start, 120), sentenceSuffix(text, span.End, 120)
	if !hasKey(pre, relKeys) && !hasKey(post, relKeys) {
		return ""
	}
	sent := model.Span{Start: span.Start - len(pre), End: span.End + len(post)}
	for _, ix := range relativeEventRE.FindAllStringIndex(text[sent.Start:sent.End], -1) {
		a, b := sent.Start+ix[0], sent.Start+ix[1]
		between, apart := textBetween(text, span, a, b)
		if !apart {
			continue
		}
		if len(between) <= 80 && (!strings.ContainsAny(between, ",;:") || a >= span.End && reWhoClause.MatchString(between)) {
			return text[a:b]
		}
	}
	return ""
}

// eventTie is a phrase tied to a scheduled event that puts the text
// within days of it: "Monday's debate", "last week's convention", "the
// debate next week".
type eventTie struct {
	rule    string
	weekday *time.Weekday
	rel     string // last week, this month, next week, today, tomorrow, yesterday, …
	span    model.Span
	// before: a countdown, the text written between before[0] and
	// before[1] days before the event
	before [2]int
}

var (
	reTieBefore = regexp.MustCompile(`(?i)\b((?:last|this|next) (?:week|month|year)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|morning|afternoon|evening))?|tonight|today|tomorrow|yesterday)(?:['’]s\s+(?:[\w-]+\s+){0,2}|\s+(?:at|during)\s+(?:the\s+)?)$`)
	// after the event: "the convention last week" (a time to come after
	// it, "… on Election Day later this week", may date the verb instead)
	// ("the convention in Philadelphia this week": a place may come
	// between; "the debate is Monday", "will be held Sunday": a verb of
	// its schedule)
	reTieAfter = regexp.MustCompile(`^(?:\s+(?:in|at)\s+[A-Z][\w.'’-]+(?:,?\s+[A-Z][\w.'’-]+){0,2})?(?i:\s+(?:is|are|will be|will be held|is (?:scheduled|set|slated) for|comes|takes place|ended|began|opened|closed|wrapped up|concluded|kicked off|took place|was held))?(?i:\s+((?:last|this|earlier this) (?:week|month)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|morning|afternoon|evening))?|yesterday))\b`)
)

// reCountdownTie before a scheduled event counts down to it from the
// time of writing: "with fewer than 70 days remaining until", "just six
// weeks away from".
var reCountdownTie = regexp.MustCompile(`(?i)(?:\bwith\s+(?:(?:just|only|less than|fewer than|nearly|almost|about|roughly|barely|a mere|under|just over|just under|a little over|a little more than)\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|a few|several|a couple of|a)\s+(days?|weeks?|months?)\s+(?:(?:remaining|left|to go)\s+)?(?:until|till|before|to)|\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of)\s+(days?|weeks?|months?)\s+(?:away|out)\s+from|\b(?:(?:just|only|barely|less than|fewer than|about|nearly|some|a mere|mere|under)\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of|a)?\s*(days?|weeks?|months?)\s+(?:before|ahead of|prior to|until|till|from))\s+(?:the\s+)?(?:[\w'’-]+['’]s\s+)?$`)

// reCountdownAfter after a scheduled event counts down to it: "with
// Election Day just six weeks away", "the election is 40 days away" (not
// "was": a time in the story, not now).
var reCountdownAfter = regexp.MustCompile(`^(?i:\s+(?:is\s+|are\s+|now\s+|being\s+)*((?:just|only|less than|fewer than|about|nearly|almost|roughly|barely|a mere|under|some|just over|just under|a little over|a little more than)\s+)?(?:(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|a few|several|a couple of|a)\s+)?(days?|weeks?|months?)\s+(?:away|off)\b)`)

// reYearWord is a year in a sentence.
var reYearWord = regexp.MustCompile(`\b(?:19|20)\d\d\b`)

// reCountdownIn after a scheduled event counts down to it as reCountdownAfter
// does, with the same groups: "the election is in five weeks", "is less
// than six weeks off" being read there.
var reCountdownIn = regexp.MustCompile(`^(?i:\s+(?:is|are)\s+(?:now\s+|just\s+|only\s+)?in\s+((?:just|only|less than|fewer than|about|under|some)\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|a few|several|a couple of)\s+(days?|weeks?|months?)\b)`)

// countdownTie reads "with N days remaining until" before an event, or
// "… is N days away" after it.
func countdownTie(text string, span model.Span) *eventTie {
	before := text[max(0, span.Start-80):span.Start]
	ix := reCountdownTie.FindStringSubmatchIndex(before)
	if ix == nil {
		return countdownAfter(text, span)
	}
	off := span.Start - len(before)
	num, unit := 2, 4
	switch {
	case ix[4] >= 0:
	case ix[8] >= 0:
		num, unit = 6, 8
	default:
		// "just days before": a time before the event in the past tense
		// ("the debate came 15 days before the caucuses"), or one to come
		// ("would not come until days before the election"), is not now
		clause := clauseBefore(text, off+ix[0])
		if mentionTense(text, clause, model.Span{Start: off + ix[0], End: span.Start}) != 0 || conditional.MatchString(clause) ||
			hasKey(clause, futureBeforeKeys) && futureBefore.MatchString(clause) {
			return nil
		}
		num, unit = 10, 12
	}
	n := "a few"
	if ix[num] >= 0 {
		n = strings.ToLower(before[ix[num]:ix[num+1]])
	}
	return countdownOf(n, before[ix[unit]:ix[unit+1]], strings.ToLower(before[ix[0]:]), model.Span{Start: off + ix[0], End: span.Start})
}

// countdownAfter reads "… is N days away" after an event at span, in a
// clause with nothing in the past tense before it ("when the election
// was six weeks away" is a time in the story).
func countdownAfter(text string, span model.Span) *eventTie {
	rest := text[span.End:min(len(text), span.End+60)]
	ix := reCountdownAfter.FindStringSubmatchIndex(rest)
	if ix == nil {
		ix = reCountdownIn.FindStringSubmatchIndex(rest)
	}
	if ix == nil {
		return nil
	}
	if clause := clauseBefore(text, span.Start); hasPastWord(clause, len(clause)) || conditional.MatchString(clause) {
		return nil
	}
	hedge := ""
	if ix[2] >= 0 {
		hedge = strings.ToLower(rest[ix[2]:ix[3]])
	}
	n := "a few" // "just days away"
	if ix[4] >= 0 {
		n = strings.ToLower(rest[ix[4]:ix[5]])
	}
	return countdownOf(n, rest[ix[6]:ix[7]], hedge, model.Span{Start: span.End, End: span.End + ix[1]})
}

// countdownOf is the countdown tie of n units ("seventy", "days") before
// an event, hedged by words ("fewer than") or not, said at span.
func countdownOf(n, unit, words string, span model.Span) *eventTie {
	if n == "a" {
		n = "one"
	}
	u := strings.ToLower(strings.TrimSuffix(unit, "s"))
	per := map[string]int{"day": 1, "week": 7, "month": 31}[u]
	t := &eventTie{rule: "countdown", span: span}
	k, ok := numberWords[n]
	if !ok {
		k = dateAtoi(n)
	}
	hedged := strings.Contains(words, "less than") || strings.Contains(words, "fewer than") ||
		strings.Contains(words, "under") || n == "a few" || n == "several" || n == "a couple of"
	switch {
	case n == "a few" || n == "several" || n == "a couple of":
		// "days before", "a few weeks before": up to about five
		t.before = [2]int{max(10, 5*per), 0}
		return t
	case k == 0:
		return nil
	}
	// "with 70 days remaining": that many days before it, give or take
	// a day, or a unit for weeks and months; "fewer than": up to it
	t.before = [2]int{k*per + max(1, per), max(0, k*per-max(1, per))}
	if hedged {
		t.before[1] = 0
	}
	return t
}

// tiedPhrase finds the phrase tied to the event mention at span.
func tiedPhrase(text string, span model.Span) *eventTie {
	if t := countdownTie(text, span); t != nil {
		return t
	}
	before := text[max(0, span.Start-40):span.Start]
	var phrase string
	var at model.Span
	if ix := reTieBefore.FindStringSubmatchIndex(before); ix != nil {
		off := span.Start - len(before)
		phrase, at = before[ix[2]:ix[3]], model.Span{Start: off + ix[2], End: off + ix[3]}
	} else if ix := reTieAfter.FindStringSubmatchIndex(text[span.End:min(len(text), span.End+40)]); ix != nil {
		phrase, at = text[span.End+ix[2]:span.End+ix[3]], model.Span{Start: span.End + ix[2], End: span.End + ix[3]}
	} else {
		return nil
	}
	t := &eventTie{span: at}
	p := strings.ToLower(phrase)
	p = strings.TrimPrefix(p, "on ")
	for _, part := range []string{" night", " morning", " afternoon", " evening"} {
		p = strings.TrimSuffix(p, part)
	}
	if len(p) > 3 && strings.HasSuffix(p, "day") && !strings.Contains(p, " ") && p != "today" && p != "yesterday" {
		d := weekdayOf(strings.ToUpper(p[:1]) + p[1:])
		t.weekday, t.rule = &d, "weekday"
		return t
	}
	t.rel, t.rule = p, strings.ReplaceAll(p, " ", "-")
	return t
}

// textOfSpans is the text from the first of two spans to the end of the
// other.
func textOfSpans(text string, a, b model.Span) string {
	return text[min(a.Start, b.Start):max(a.End, b.End)]
}

// placesOnly reports whether the words between a weekday and an event
// after it only say where: "Monday night at Hofstra University in the"
// (not "released a statement Wednesday, and the").
func placesOnly(between string) bool {
	words := strings.Fields(between)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	prep := false
	for i, w := range words {
		switch strings.ToLower(w) {
		case "at", "in", "during":
			prep = true
		case "the", "a", "of":
		case "night", "morning", "afternoon", "evening":
			if i != 0 {
				return false
			}
		default:
			if w[0] < 'A' || w[0] > 'Z' || strings.ContainsAny(w, ",;:") && i == len(words)-1 {
				return false
			}
		}
	}
	return prep
}

func (t *eventTie) evidence(text string, em eventMatch) string {
	if t.span.Start < em.span.Start {
		return text[t.span.Start:em.span.End]
	}
	return text[em.span.Start:t.span.End]
}

// days is the set of days the tie allows for one of the alternatives.
func (t *eventTie) days(x *Event) iset {
	s, e := dnum(x.Start), dnum(x.End)
	month := func(d time.Time, k int) iset {
		first := model.Day(d.Year(), d.Month(), 1).AddDate(0, k, 0)
		return daysBetween(dnum(first), dnum(first.AddDate(0, 1, -1)))
	}
	if t.rule == "countdown" {
		return daysBetween(s-t.before[0], s-t.before[1])
	}
	if t.weekday != nil {
		// news names the weekday of a day within a week of it
		for d := x.Start; !d.After(x.End); d = d.AddDate(0, 0, 1) {
			if d.Weekday() == *t.weekday {
				return daysBetween(s-6, e+6)
			}
		}
		return nil
	}
	switch t.rel {
	case "last week": // loosely said of the week before that, too
		return daysBetween(s+1, e+20)
	case "this week":
		return daysBetween(s-6, e+6)
	case "next week":
		return daysBetween(s-13, s-1)
	case "earlier this week":
		return daysBetween(s, e+6)
	case "later this week":
		return daysBetween(s-6, s)
	case "last month":
		return month(x.Start, 1)
	case "this month":
		return month(x.Start, 0)
	case "next month":
		return month(x.Start, -1)
	case "earlier this month":
		return month(x.Start, 0).intersect(daysBetween(s, posInf))
	case "later this month":
		return month(x.Start, 0).intersect(daysBetween(negInf, s))
	case "last year":
		return daysBetween(dnum(model.Day(x.Start.Year()+1, 1, 1)), dnum(model.Day(x.Start.Year()+1, 12, 31)))
	case "this year":
		return daysBetween(dnum(model.Day(x.Start.Year(), 1, 1)), dnum(model.Day(x.Start.Year(), 12, 31)))
	case "next year":
		return daysBetween(dnum(model.Day(x.Start.Year()-1, 1, 1)), dnum(model.Day(x.Start.Year()-1, 12, 31)))
	case "tonight", "today":
		return daysBetween(s-1, e)
	case "tomorrow":
		return daysBetween(s-2, s)
	case "yesterday":
		return daysBetween(s, e+2)
	}
	return nil
}

// relNear reports whether rel (lower case) is said right by the mention at
// span ("last week, on Sept. 12", "on Sept. 12 earlier this week"), not
// further off ("said last week that on Sept. 2 the FBI had …").
func relNear(lower string, span model.Span, rel string) bool {
	const near = 30
	return strings.Contains(lower[max(0, span.Start-near):span.Start], rel) || strings.Contains(lower[span.End:min(len(lower), span.End+near)], rel)
}

// relBeside is a relative time said right beside the mention at span,
// with at most a comma between ("last week, on Sept. 12", "on Sept. 12,
// earlier this week"), in lower case, and where it is.
func relBeside(lower string, span model.Span) (string, model.Span) {
	const near = 30
	a := max(0, span.Start-near)
	for _, ix := range relativeEventRE.FindAllStringIndex(lower[a:span.Start], -1) {
		if gap := lower[a+ix[1] : span.Start]; reRelGap.MatchString(gap) {
			return lower[a+ix[0] : a+ix[1]], model.Span{Start: a + ix[0], End: a + ix[1]}
		}
	}
	b := min(len(lower), span.End+near)
	if ix := relativeEventRE.FindStringIndex(lower[span.End:b]); ix != nil && reRelGap.MatchString(lower[span.End:span.End+ix[0]]) {
		return lower[span.End+ix[0] : span.End+ix[1]], model.Span{Start: span.End + ix[0], End: span.End + ix[1]}
	}
	return "", model.Span{}
}

// reRelGap is what may stand between a day and a relative time beside it:
// a comma, "on".
var reRelGap = regexp.MustCompile(`^,?\s*(?:on\s+)?$`)

// reAgo is "two weeks ago", "less than a month ago", "days ago": group 1
// a hedge, 2 the number, 3 the unit.
var reAgo = regexp.MustCompile(`(?i)\b(?:(less than|fewer than|under|more than|over|nearly|almost|about|roughly|some|just|only)\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of|an|a)?\s*\b(days?|weeks?|months?)\s+ago\b`)

// agoTie is "N units ago" said of an event: the text is lo to hi days
// after it (hi posInf: at least lo).
type agoTie struct {
	lo, hi int
	span   model.Span
}

// agoNear finds "N days ago" in the clause of the event mention at span:
// in its sentence, at most 60 bytes away, with no semicolon, colon,
// quotation mark or bracket and at most one comma between.
func agoNear(text string, span model.Span) *agoTie {
	pre, post := sentencePrefix(text, span.Start, 60), sentenceSuffix(text, span.End, 60)
	if !strings.Contains(pre, " ago") && !strings.Contains(post, " ago") {
		return nil
	}
	sent := model.Span{Start: span.Start - len(pre), End: span.End + len(post)}
	var best *agoTie
	for _, ix := range reAgo.FindAllStringSubmatchIndex(text[sent.Start:sent.End], -1) {
		a, b := sent.Start+ix[0], sent.Start+ix[1]
		between, apart := textBetween(text, span, a, b)
		if !apart || strings.ContainsAny(between, ";:\"“”()") || strings.Count(between, ",") > 1 {
			continue
		}
		hedge, n := "", ""
		if ix[2] >= 0 {
			hedge = strings.ToLower(text[sent.Start+ix[2] : sent.Start+ix[3]])
		}
		if ix[4] >= 0 {
			n = strings.ToLower(text[sent.Start+ix[4] : sent.Start+ix[5]])
		}
		unit := strings.TrimSuffix(strings.ToLower(text[sent.Start+ix[6]:sent.Start+ix[7]]), "s")
		lo, hi, ok := agoDays(hedge, n, unit)
		if !ok {
			continue
		}
		if best != nil {
			return nil // two of them: which is the event's, nothing says
		}
		best = &agoTie{lo: lo, hi: hi, span: model.Span{Start: a, End: b}}
	}
	return best
}

// agoDays is how many days after a thing "hedge n units ago" puts the
// text: "two weeks ago" 10 to 21, "three months ago" 70 to 124, "a few
// days ago" 2 to 9, "less than a month ago" up to 32, "weeks ago" 7 to 70.
func agoDays(hedge, n, unit string) (lo, hi int, ok bool) {
	per := map[string]int{"day": 1, "week": 7, "month": 30}[unit]
	if per == 0 {
		return 0, 0, false
	}
	// news rounds down ("died three months ago" of three months and
	// three weeks): up to a unit more, a little less
	slack := map[string]int{"day": 1, "week": 4, "month": 20}[unit]
	more := map[string]int{"day": 1, "week": 7, "month": 31}[unit]
	var k int
	switch n {
	case "":
		return map[string]int{"day": 1, "week": 7, "month": 28}[unit], map[string]int{"day": 14, "week": 70, "month": 400}[unit], hedge == ""
	case "a few", "several", "a couple of":
		return 2 * per, 9 * per, hedge == "" || hedge == "just" || hedge == "only"
	case "a", "an":
		k = 1
	default:
		if v, found := numberWords[n]; found {
			k = v
		} else {
			k = dateAtoi(n)
		}
	}
	if k <= 0 {
		return 0, 0, false
	}
	lo, hi = k*per-slack, k*per+k*(per/30)+more // a month is 30 or 31 days
	switch hedge {
	case "less than", "fewer than", "under":
		lo, hi = 0, k*per+k*(per/30)+1 // and a day for the press
	case "more than", "over":
		lo, hi = k*per, posInf
	case "nearly", "almost":
		lo, hi = k*per-per-slack, k*per+slack
	case "about", "roughly", "some":
		lo, hi = lo-slack, hi+slack
	}
	return max(0, lo), hi, true
}

// relativeEventRE ties a reference event to the time of writing.
var relativeEventRE = regexp.MustCompile(`(?i)\b(?:earlier this (?:month|week|year)|earlier in the (?:month|week|year)|last (?:month|week|year)|this (?:week|month))\b`)

// eventSet is the set of days a reference to x allows, narrowed by a
// relative phrase in the same sentence ("earlier this month").
func eventSet(x *Event, rel string) iset {
	s, en := dnum(x.Start), dnum(x.End)
	if x.Bound != BoundBefore && rel != "" {
		t := x.Start
		switch {
		case strings.Contains(rel, "month") && strings.HasPrefix(rel, "last"):
			first := model.Day(t.Year(), t.Month(), 1).AddDate(0, 1, 0)
			return daysBetween(dnum(first), dnum(first.AddDate(0, 1, -1)))
		case strings.Contains(rel, "month"):
			return daysBetween(s, dnum(model.Day(t.Year(), t.Month(), 1).AddDate(0, 1, -1)))
		case strings.Contains(rel, "year") && strings.HasPrefix(rel, "last"):
			return daysBetween(dnum(model.Day(t.Year()+1, 1, 1)), dnum(model.Day(t.Year()+1, 12, 31)))
		case strings.Contains(rel, "year"):
			return daysBetween(s, dnum(model.Day(t.Year(), 12, 31)))
		case strings.HasPrefix(rel, "last"): // last week
			return daysBetween(s+1, s+13)
		default: // this week, earlier this week
			return daysBetween(s, s+6)
		}
	}
	switch x.Bound {
	case BoundBefore:
		return daysBetween(negInf, s-1)
	case BoundWithin:
		return daysBetween(s, en)
	default:
		return daysBetween(s, posInf)
	}
}

// countdownDays reads a countdown: the text was written between far and
// near days before the end. "final ten days" is the ten whole days
// left before the day the term ends: exactly ten days before it (the
// speaker counts from the day he speaks); "final nine weeks" eight to ten weeks, "final
// seven months" six to eight; "final days" up to six weeks, "final weeks"
// two months, "final months" a year.
func countdownDays(text string, ix []int) (far, near int, exact bool) {
	unit := strings.ToLower(text[ix[4]:ix[5]])
	n, numbered := 0, false
	if ix[2] >= 0 {
		w := strings.ToLower(text[ix[2]:ix[3]])
		if v, ok := numberWords[w]; ok {
			n, numbered = v, w != "few" && w != "several"
		} else {
			n, numbered = dateAtoi(w), true
		}
	}
	per := map[string]int{"days": 1, "weeks": 7, "months": 31}[unit]
	switch {
	case numbered && per == 1:
		return n, n, true
	case numbered:
		return (n + 1) * per, max(0, (n-1)*per), false
	case n > 0: // a few, several
		return (n + 1) * per, 0, false
	case per == 7:
		return 62, 0, false
	case per == 31: // "the waning months" of a presidency: its last year
		return 366, 0, false
	}
	return 42, 0, false
}

// leadWeekday finds the weekday the lead gives the reported event ("Peskov
// told TASS on Monday", "published on Friday"): in the first three
// sentences from leadStart (the dateline's line, when there is one; not
// the headline), in a main clause (not one opened by
// "while", "although", …), tied to a speech or publication word.
func leadWeekday(doc *model.Document, leadStart, leadEnd int) *weekdayMention {
	text := doc.Text
	n := 0
	for _, s := range dateSentences(text, model.Span{Start: leadStart, End: max(leadStart, leadEnd)}) {
		if !doc.TitleSpan.IsZero() && s.Start < doc.TitleSpan.End && s.End > doc.TitleSpan.Start {
			continue
		}
		n++
		if n > 3 {
			break
		}
		if subordinator.MatchString(text[s.Start:s.End]) {
			continue
		}
		for _, ix := range weekdayRE.FindAllStringSubmatchIndex(text[s.Start:s.End], -1) {
			a, b := s.Start+ix[0], s.Start+ix[1]
			if !strings.HasPrefix(strings.ToLower(text[a:b]), "on ") {
				continue
			}
			if speechTied(text, s, a) {
				return &weekdayMention{day: weekdayOf(text[s.Start+ix[2] : s.Start+ix[3]]), text: text[a:b], span: model.Span{Start: a, End: b}}
			}
		}
	}
	return nil
}

// speechTied reports whether the expression at pos in sentence s belongs
// to a speech act: its clause has a speech word, or it opens the sentence
// and the next clause has one ("On Thursday, Trump remarked").
func speechTied(text string, s model.Span, pos int) bool {
	cl := dateClauses(text, s)
	for i, c := range cl {
		if pos < c.Start || pos >= c.End {
			continue
		}
		if speechCue.MatchString(text[c.Start:c.End]) {
			return true
		}
		if i == 0 && i+1 < len(cl) && strings.TrimSpace(text[s.Start:c.Start]) == "" {
			return speechCue.MatchString(text[cl[i+1].Start:cl[i+1].End])
		}
		return false
	}
	return false
}

// ---- DateDocument ----

// DateDocument dates a document from its metadata and text. Warnings
// about contradictory evidence go to doc.Warnings.
func (e *Events) DateDocument(doc *model.Document, meta Meta) model.Date {
	ev := e.gather(doc)
	bounds, binding, conflicts := ev.solve()

	var strong model.Date
	if meta.Date != "" {
		if d, ok := parseLooseDate(meta.Date); ok {
			strong = d
		} else {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("date %q in the metadata is not a date quotetrail understands; dating from the text", meta.Date))
		}
	}
	if !strong.Known() && ev.explicit.found {
		strong = ev.explicit.date
	}
	if !strong.Known() {
		if d, ok := urlDate(doc.URL); ok {
			strong = d
		}
	}
	if strong.Known() {
		e.checkAgainst(doc, strong, ev)
		strong.Clues = ev.clues(strong, true)
		return strong
	}
	for _, c := range conflicts {
		if c.strength >= strengthSoft && c.rule != "mentioned-day" && c.rule != "future-day" {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("date evidence %q (%s) contradicts stronger evidence and was ignored", c.evidence, c.rule))
		}
	}
	if w := ev.disagreement(); w != "" {
		doc.Warnings = append(doc.Warnings, w)
	}
	if ev.dateline != nil {
		if d, ok := e.resolveDateline(doc, ev, bounds); ok {
			d.Clues = ev.clues(d, false)
			return d
		}
	}
	d := e.fromBounds(ev, bounds, binding)
	d.Clues = ev.clues(d, false)
	return d
}

// solve intersects the clues, strongest first. A clue that would leave no
// day beside stronger ones is a conflict and is left out. Clues of one
// strength that contradict each other widen the date instead: it holds
// every reading that keeps as many of them as can agree. Year-less days
// ("said on Sept. 12") then narrow a date already within a few years, and
// weak clues choose among the disjoint windows that remain, without
// narrowing them.
func (ev *evidenceSet) solve() (iset, []dateConstraint, []dateConstraint) {
	s := allDays()
	var binding, conflicts []dateConstraint
	tier := func(idx []int) {
		s, binding, conflicts = ev.solveTier(s, idx, binding, conflicts)
	}
	for _, strength := range []int{strengthEvent, strengthSoft, strengthYear, strengthRecent} {
		var idx []int
		for i := range ev.cons {
			if ev.cons[i].strength == strength {
				idx = append(idx, i)
			}
		}
		tier(idx)
	}
	yearless := func() bool {
		strongLow := false
		if !s.empty() {
			lo, _ := s.hull()
			strongLow = lowerEdgeStrength(binding, lo) > strengthYear
		}
		add := ev.yearlessCons(s, strongLow)
		if len(add) == 0 {
			return false
		}
		base := len(ev.cons)
		ev.cons = append(ev.cons, add...)
		var idx []int
		for i := base; i < len(ev.cons); i++ {
			idx = append(idx, i)
		}
		tier(idx)
		return true
	}
	doneYearless := yearless()
	for i := range ev.weak {
		w := &ev.weak[i]
		w.use = model.ClueHint
		if len(s) < 2 || !windowsApart(s) {
			continue // one window, or windows close enough for one range
		}
		var keep iset
		for _, v := range s {
			if !(iset{v}).intersect(w.set).empty() {
				keep = append(keep, v)
			}
		}
		if len(keep) > 0 && len(keep) < len(s) {
			s = keep
			w.use = model.ClueUsed
			b := *w
			b.rule = "weak-" + b.rule
			binding = append(binding, b)
		}
	}
	if !doneYearless {
		yearless() // the years a hint chose may place them
	}
	return s, binding, conflicts
}

// maxTierSets bounds the distinct windows of one strength weighed against
// each other (a bit each); more are intersected in text order.
const maxTierSets = 62

// solveTier adds the clues ev.cons[idx] of one strength to s.
func (ev *evidenceSet) solveTier(s iset, idx []int, binding, conflicts []dateConstraint) (iset, []dateConstraint, []dateConstraint) {
	var live []int
	for _, i := range idx {
		c := &ev.cons[i]
		if !s.overlaps(c.set) {
			c.use = model.ClueOverruled
			conflicts = append(conflicts, *c)
			continue
		}
		live = append(live, i)
	}
	if len(live) == 0 {
		return s, binding, conflicts
	}
	all := s
	for _, i := range live {
		all = all.intersect(ev.cons[i].set)
	}
	if !all.empty() {
		cur := s
		for _, i := range live {
			c := &ev.cons[i]
			n := cur.intersect(c.set)
			if n.equal(cur) {
				c.use = model.ClueNoEffect
			} else {
				c.use = model.ClueUsed
				binding = append(binding, *c)
			}
			cur = n
		}
		return cur, binding, conflicts
	}
	// They disagree. The distinct windows, one bit each:
	var sets []iset
	bit := make([]int, len(live))
	for k, i := range live {
		bit[k] = -1
		for j, x := range sets {
			if x.equal(ev.cons[i].set) {
				bit[k] = j
				break
			}
		}
		if bit[k] < 0 && len(sets) < maxTierSets {
			bit[k] = len(sets)
			sets = append(sets, ev.cons[i].set)
		}
	}
	// the days between consecutive edges are alike for every clue
	var edges []int
	for _, v := range s {
		edges = append(edges, v.lo, v.hi+1)
	}
	for _, x := range sets {
		for _, v := range x {
			edges = append(edges, v.lo, v.hi+1)
		}
	}
	slices.Sort(edges)
	edges = slices.Compact(edges)
	type seg struct {
		lo, hi int
		mask   uint64
	}
	var segs []seg
	for k := 0; k+1 < len(edges); k++ {
		lo, hi := edges[k], edges[k+1]-1
		if !s.contains(lo) {
			continue
		}
		var m uint64
		for j, x := range sets {
			if x.contains(lo) {
				m |= 1 << j
			}
		}
		segs = append(segs, seg{lo, hi, m})
	}
	// keep the days whose clues no other days' clues contain and exceed
	var out iset
	agreed := ^uint64(0)
	for a, x := range segs {
		maximal := true
		for b, y := range segs {
			if a != b && y.mask != x.mask && y.mask&x.mask == x.mask {
				maximal = false
				break
			}
		}
		if maximal {
			out = append(out, ival{x.lo, x.hi})
			agreed &= x.mask
		}
	}
	out = out.norm()
	for k, i := range live {
		c := &ev.cons[i]
		switch {
		case bit[k] < 0: // beyond the bits: only if it agrees
			if n := out.intersect(c.set); !n.empty() {
				out = n
				c.use = model.ClueUsed
				binding = append(binding, *c)
			} else {
				c.use = model.ClueOverruled
				conflicts = append(conflicts, *c)
			}
		case agreed&(1<<bit[k]) != 0:
			c.use = model.ClueNoEffect
			if !out.equal(s) {
				c.use = model.ClueUsed
				binding = append(binding, *c)
			}
		default:
			c.use = model.ClueConflict
			binding = append(binding, *c)
		}
	}
	return out, binding, conflicts
}

// disagreement is the warning for clues of one strength that contradict
// each other, "" when none do.
func (ev *evidenceSet) disagreement() string {
	var words []string
	for _, c := range ev.cons {
		if c.use == model.ClueConflict {
			words = append(words, fmt.Sprintf("%q (%s: %s)", c.evidence, c.rule, windowList(c.set)))
		}
	}
	if len(words) < 2 {
		return ""
	}
	if len(words) > 4 {
		words = append(words[:4], "…")
	}
	return "date conflict: " + strings.Join(words, ", ") + " cannot all hold; the date is widened to hold each reading"
}

// yearlessSlack is how far from a year-less day the text can be: news
// gives the year of a day further back (or ahead) than about ten months.
const yearlessSlack = 300

// yearlessSpan is how wide a date may be for year-less days to narrow
// it: a presidential term ("President Joe Biden", "the Biden
// administration"), and a day to spare.
const yearlessSpan = 4*366 + 1

// yearlessCons turns the year-less days of the text into clues, for the
// years a date already in s (no wider than a presidential term) allows;
// strongLow: its lower edge is set by more than a bare year, and a date
// open above then ends today.
func (ev *evidenceSet) yearlessCons(s iset, strongLow bool) []dateConstraint {
	if len(ev.yearless) == 0 || s.empty() {
		return nil
	}
	lo, hi := s.hull()
	if hi == posInf && strongLow && ev.today > 0 && lo <= ev.today {
		// "after Gershkovich's arrest": until today (a bare year's "since
		// 2024" never dates a text alone)
		hi = ev.today
	}
	if lo == negInf || hi == posInf || hi-lo > yearlessSpan {
		return nil
	}
	var out []dateConstraint
	for _, y := range ev.yearless {
		c := dateConstraint{strength: strengthSoft, rule: "mentioned-day", evidence: y.m.text, span: y.m.span, lowValue: y.tense < 0 && !y.month}
		switch {
		case y.month:
			c.rule = "mentioned-month-name"
		case y.tense > 0:
			c.rule = "future-day"
		}
		if y.rel != "" {
			c.rule += "+" + strings.ReplaceAll(y.rel, " ", "-")
			c.evidence += " … " + y.rel
		}
		for yr := dtime(lo).Year() - 1; yr <= dtime(hi).Year()+1; yr++ {
			day := max(1, y.m.day)
			if !validDay(yr, y.m.month, day) {
				continue
			}
			t := model.Day(yr, y.m.month, day)
			if y.weekday != nil && t.Weekday() != *y.weekday {
				continue
			}
			first := model.Day(yr, y.m.month, 1)
			d, mlo, mhi := dnum(t), dnum(first), dnum(first.AddDate(0, 1, -1))
			if y.month {
				d = mlo
			}
			switch {
			case y.rel == "last month":
				c.set = c.set.union(daysBetween(dnum(first.AddDate(0, 1, 0)), dnum(first.AddDate(0, 2, -1))))
			case y.rel == "last week" || y.rel == "the previous week":
				// the day fell in the week before the text's: one to
				// thirteen days before it
				c.set = c.set.union(daysBetween(d+1, d+13))
			case strings.HasSuffix(y.rel, "week") && y.tense > 0: // later this week, on Friday, Sept. 16
				c.set = c.set.union(daysBetween(d-6, d))
			case strings.HasSuffix(y.rel, "week"): // earlier this week, this week, earlier in the week
				c.set = c.set.union(daysBetween(d, d+6))
			case y.rel == "this month" && y.tense > 0: // this month, on Sept. 26, they will meet
				c.set = c.set.union(daysBetween(mlo, d))
			case y.rel != "": // earlier this month, this month
				c.set = c.set.union(daysBetween(max(d, mlo), mhi))
			case y.word == "this":
				c.set = c.set.union(daysBetween(dnum(model.Day(yr, 1, 1)), dnum(model.Day(yr, 12, 31))))
			case y.word == "next":
				c.set = c.set.union(daysBetween(mlo-366, mlo-1))
			case y.word == "last":
				c.set = c.set.union(daysBetween(mhi+1, mhi+366))
			case y.tense < 0 && y.month:
				// "broke in March": the latest March before the text,
				// so before the next one begins
				c.set = c.set.union(daysBetween(mlo, dnum(first.AddDate(1, 0, 0))-1))
			case y.tense < 0:
				c.set = c.set.union(daysBetween(d, d+yearlessSlack))
			case y.month:
				c.set = c.set.union(daysBetween(dnum(first.AddDate(-1, 1, 0)), mhi))
			default:
				c.set = c.set.union(daysBetween(d-yearlessSlack, d))
			}
		}
		if !c.set.empty() {
			out = append(out, c)
		}
	}
	return out
}

// reMonthWordBefore is the word before a month named alone that makes it
// a time: "in August", "since June", "this May", "next January".
var reMonthWordBefore = regexp.MustCompile(`(?i)\b(in|since|during|this|next|last|early|late|mid)[\s-]+$`)

// monthMentions finds months named without a day or year ("in August",
// "since June", "this May") in a clear tense, or with this, next, last;
// months of dates given in full before are their year's, and left out.
func monthMentions(text string, ms []dateMention) []yearlessMention {
	var out []yearlessMention
	var full [13]bool
	k := 0
	for _, w := range monthWords(text) {
		for k < len(ms) && ms[k].span.End <= w.Start {
			if ms[k].kind == mentionFull || ms[k].kind == mentionMonthYear {
				full[ms[k].month] = true
			}
			k++
		}
		if k < len(ms) && ms[k].span.Start <= w.Start {
			continue // part of a date
		}
		name := text[w.Start:w.End]
		mo, ok := monthOf(name)
		if !ok || !capitalised(name) || len(name) < 3 || name == "May" && !strings.HasSuffix(text[max(0, w.Start-4):w.Start], "in ") || full[mo] {
			continue
		}
		if w.End < len(text) && (text[w.End] == '.' && w.End+1 < len(text) && text[w.End+1] >= '0' && text[w.End+1] <= '9') {
			continue
		}
		ix := reMonthWordBefore.FindStringSubmatch(text[max(0, w.Start-12):w.Start])
		if ix == nil {
			continue
		}
		word := strings.ToLower(ix[1])
		m := dateMention{kind: mentionMonthDay, month: mo, span: w, text: name}
		y := yearlessMention{m: m, month: true}
		switch word {
		case "this", "next", "last":
			y.word, y.tense = word, -1
		case "since":
			y.tense = -1
		default:
			y.tense = mentionTense(text, clauseBefore(text, w.Start), w)
		}
		if y.tense != 0 {
			out = append(out, y)
		}
	}
	return out
}

// maxClues bounds the clues a date lists: the ones it used and those in
// conflict first, then the others in text order.
const maxClues = 10

// clues renders the evidence for d. explicit: d is the text's (or the
// metadata's) own date, and every clue is weighed against it.
func (ev *evidenceSet) clues(d model.Date, explicit bool) []model.DateClue {
	type item struct {
		c    dateConstraint
		rank int
	}
	var items []item
	rankOf := func(u model.ClueUse) int {
		switch u {
		case model.ClueUsed, model.ClueConflict:
			return 0
		case model.ClueOverruled:
			return 1
		case model.ClueNoEffect:
			return 2
		}
		return 3
	}
	add := func(c dateConstraint) {
		if explicit {
			c.use = model.ClueNoEffect
			if d.Known() && c.set.intersect(daysBetween(dnum(d.Earliest), dnum(d.Latest))).empty() {
				c.use = model.ClueConflict
			}
		}
		items = append(items, item{c, rankOf(c.use)})
	}
	for _, c := range ev.cons {
		add(c)
	}
	for _, c := range ev.weak {
		if c.use == "" {
			c.use = model.ClueHint
		}
		add(c)
	}
	if len(items) > maxClues {
		sort.SliceStable(items, func(i, j int) bool { return items[i].rank < items[j].rank })
		items = items[:maxClues]
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].c.span.Start < items[j].c.span.Start })
	var out []model.DateClue
	if explicit {
		out = append(out, model.DateClue{Rule: d.Rule, Evidence: d.Evidence, Span: d.EvidenceSpan,
			Windows: []model.DateWindow{{From: d.Earliest, To: d.Latest}}, Use: model.ClueExplicit})
	} else if ev.dateline != nil {
		dl := model.DateClue{Rule: "dateline", Evidence: ev.dateline.text, Span: ev.dateline.span, Use: model.ClueNoEffect}
		if strings.HasPrefix(d.Rule, "dateline") {
			dl.Use = model.ClueUsed
			dl.Windows = []model.DateWindow{{From: d.Earliest, To: d.Latest}}
		}
		out = append(out, dl)
	}
	if ev.weekday != nil && !explicit {
		wd := model.DateClue{Rule: "weekday", Evidence: ev.weekday.text, Span: ev.weekday.span, Use: model.ClueNoEffect}
		if strings.Contains(d.Rule, "weekday") {
			wd.Use = model.ClueUsed
		}
		out = append(out, wd)
	}
	nwin := 0
	for _, it := range items {
		nwin += len(it.c.set)
	}
	wins := make([]model.DateWindow, 0, nwin)
	for _, it := range items {
		c := it.c
		k := len(wins)
		for _, v := range c.set {
			var w model.DateWindow
			if v.lo != negInf {
				w.From = dtime(v.lo)
			}
			if v.hi != posInf {
				w.To = dtime(v.hi)
			}
			wins = append(wins, w)
		}
		out = append(out, model.DateClue{Rule: c.rule, Evidence: c.evidence, Span: c.span, Windows: wins[k:len(wins):len(wins)], Use: c.use})
	}
	return out
}

// checkAgainst warns when an explicit date lies outside what the text's
// references allow (dates, months and reference events; bare years and
// weak hints are too loose to contradict anything).
func (e *Events) checkAgainst(doc *model.Document, d model.Date, ev evidenceSet) {
	day := dnum(d.Value)
	for _, c := range ev.cons {
		if c.strength < 2 || c.rule == "caption" {
			continue
		}
		inside := false
		var near ival // the window of c nearest the date
		gapOf := func(v ival) int {
			if day < v.lo {
				return v.lo - day
			}
			return day - v.hi
		}
		for k, v := range c.set {
			if max(dnum(d.Earliest), v.lo) <= min(dnum(d.Latest), v.hi) {
				inside = true
			}
			if k == 0 || gapOf(v) < gapOf(near) {
				near = v
			}
		}
		if inside || len(c.set) == 0 {
			continue
		}
		lo, hi := near.lo, near.hi
		what := "on or after " + dtime(lo).Format("2006-01-02")
		switch {
		case lo == negInf:
			what = "before " + dtime(hi+1).Format("2006-01-02")
		case hi != posInf:
			what = "between " + dtime(lo).Format("2006-01-02") + " and " + dtime(hi).Format("2006-01-02")
		}
		w := fmt.Sprintf("date conflict: %q (%s) gives %s, but %q (%s) puts the text %s (%d days apart); keeping %s",
			d.Evidence, d.Rule, d.Value.Format("2006-01-02"), c.evidence, c.rule, what, gapOf(near), d.Value.Format("2006-01-02"))
		if !slices.Contains(doc.Warnings, w) { // two matches of one phrase say it once
			doc.Warnings = append(doc.Warnings, w)
		}
	}
}

// windowsApart reports whether s is several windows with a year or more
// between two of them: a text that fits each is from one of them, and no
// date between them describes it.
func windowsApart(s iset) bool {
	for k := 1; k < len(s); k++ {
		if s[k].lo-s[k-1].hi > 365 {
			return true
		}
	}
	return false
}

// windowList renders the windows of s: "2016-11-09–2017-01-20, 2024-11-06–2025-01-20".
func windowList(s iset) string {
	var parts []string
	day := func(d int) string { return dtime(d).Format("2006-01-02") }
	for _, v := range s {
		var part string
		switch {
		case v.lo == negInf:
			part = "until " + day(v.hi)
		case v.hi == posInf:
			part = "from " + day(v.lo)
		case v.hi == v.lo:
			part = day(v.lo)
		default:
			part = day(v.lo) + "–" + day(v.hi)
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, ", ")
}

// anchoredSoon reports whether the lower edge lo is set by the text's own
// media (a photo caption, an embedded post) or by a day it gives in full
// within a year before first: an article is written soon after them. (A
// month or a year it names is as often background years back.)
func anchoredSoon(cons []dateConstraint, lo, first int) bool {
	for _, c := range cons {
		if c.use == model.ClueOverruled || c.use == model.ClueConflict {
			continue
		}
		switch c.rule {
		case "caption", "embedded-post", "embedded-post-id":
		case "mentioned-date":
			if first-lo > 366 {
				continue
			}
		default:
			continue
		}
		if l, _ := c.set.hull(); l == lo {
			return true
		}
	}
	return false
}

// datesFrom reports whether a clue among cons that sets the lower edge
// lo dates what the text reports — a date, an event — rather than only
// saying "since" (a bare year, a title).
func datesFrom(cons []dateConstraint, lo int) bool {
	for _, c := range cons {
		if c.strength <= strengthYear || c.sinceOnly {
			continue
		}
		for _, v := range c.set {
			if v.lo == lo {
				return true
			}
		}
	}
	return false
}

// lowerBound is the latest lower bound of the clues among cons stronger
// than a bare year, or negInf.
func lowerBound(cons []dateConstraint) int {
	best := negInf
	for _, c := range cons {
		if lo, _ := c.set.hull(); c.strength > strengthYear && !c.weak {
			best = max(best, lo)
		}
	}
	return best
}

// lowerEdgeStrength is the strength of the strongest of cons that sets
// the lower edge lo (0 when none does).
func lowerEdgeStrength(cons []dateConstraint, lo int) int {
	strength := 0
	for _, c := range cons {
		for _, v := range c.set {
			if v.lo == lo {
				strength = max(strength, c.strength)
			}
		}
	}
	return strength
}

// resolveDateline gives a year-less dateline the first year, on or after
// the text's lower bound, that the other evidence allows. Without a weak
// event to choose, a lower bound from bare years alone with nothing above
// ("in 2014" does not say the article is from 2014), or windows years
// apart ("President-elect Trump": 2016 or 2024), do not give the year.
func (e *Events) resolveDateline(doc *model.Document, ev evidenceSet, bounds iset) (model.Date, bool) {
	dl := ev.dateline
	today := dnum(e.today())
	candidates := func(s iset) []int {
		lo, hi := s.hull()
		if lo == negInf || lo > today {
			return nil
		}
		last := dtime(min(hi, today)).Year() // not a day to come
		if hi == posInf {
			s = s.intersect(daysBetween(negInf, today))
		}
		var out []int
		for y := dtime(lo).Year(); y <= last; y++ {
			if !validDay(y, dl.month, dl.day) {
				continue
			}
			if d := dnum(model.Day(y, dl.month, dl.day)); s.contains(d) {
				out = append(out, d)
			}
		}
		return out
	}
	cands := candidates(bounds)
	apart := windowsApart(bounds) // the candidates lie in windows years apart
	if len(cands) == 0 {
		apart = false
		// The references leave no such day: trust the dateline and the
		// dated anchors (captions, dates in the text) over the events.
		s := allDays()
		for _, c := range ev.cons {
			if c.strength == 2 && !strings.HasPrefix(c.rule, "future") {
				if n := s.intersect(c.set); !n.empty() {
					s = n
				}
			}
		}
		cands = candidates(s)
		if len(cands) == 0 {
			return model.Date{}, false
		}
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("date conflict: dateline %q fits no year the events the text refers to allow; dated from the dateline and the dates in the text", dl.text))
	}
	// A weekday the lead names ("told reporters on Tuesday") keeps the
	// years when the dateline's day is that weekday.
	byWeekday := false
	if ev.weekday != nil && len(cands) > 1 {
		if fits := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return dtime(c).Weekday() != ev.weekday.day }); len(fits) > 0 {
			cands, byWeekday = fits, len(fits) == 1
		}
	}
	// The first weak event that fits a candidate chooses it, unless it fits
	// candidates a year or more apart ("the new US administration": 2017,
	// 2021 and 2025), which leaves the choice open.
	pick, chosen := cands[0], byWeekday // chosen: by the weekday or a weak event
	for _, w := range ev.weak {
		if chosen {
			break
		}
		fits := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return !w.set.contains(c) })
		if len(fits) == 0 {
			continue
		}
		if fits[len(fits)-1]-fits[0] <= 365 {
			pick, chosen = fits[0], true
		}
		break
	}
	if !chosen && len(cands) > 1 {
		// Which year, nothing says — unless the text shows its own
		// pictures or posts (a caption, an embedded post), or gives a day
		// in full within the year before, and the first year fits: an
		// article is written soon after them. A month or a year it names
		// may be background years back, and a title ("former President
		// Bush") says "after", not "soon after": the date is then the
		// days the dateline can be, when they are few or dated from
		// below, else it is left to fromBounds.
		lo, _ := bounds.hull()
		switch {
		case apart:
			return model.Date{}, false
		case anchoredSoon(ev.cons, lo, cands[0]):
		case datesFrom(ev.cons, lo) || lo != negInf && dtime(cands[len(cands)-1]).Year()-dtime(cands[0]).Year() <= 3:
			var days []string
			for _, c := range cands {
				days = append(days, dtime(c).Format("2006-01-02"))
			}
			d := model.RangeDate(dtime(cands[0]), dtime(cands[len(cands)-1]), dl.text+" (one of "+strings.Join(days, ", ")+")", "dateline+candidates", dl.span)
			return d, true
		default:
			return model.Date{}, false
		}
	}
	// Name the anchor: of the lower bounds at or before the pick, one that
	// alone gives its year (the dateline's first day after it is the
	// pick), a caption first; else the latest.
	anchor, best, alone := dateConstraint{rule: "text"}, negInf, false
	for _, c := range ev.cons {
		lo, _ := c.set.hull()
		if lo == negInf || lo > pick || c.use == model.ClueOverruled {
			continue
		}
		suffices := pick-lo < 366 && (pick-lo < 365 || !validDay(dtime(lo).Year()+1, dl.month, dl.day) || dnum(model.Day(dtime(lo).Year()+1, dl.month, dl.day)) >= pick)
		switch {
		case suffices && !alone, suffices && c.rule == "caption" && anchor.rule != "caption", lo > best && suffices == alone && !(alone && anchor.rule == "caption"):
			anchor, best, alone = c, lo, suffices
		}
	}
	kind := map[string]string{"caption": "caption-year", "mentioned-date": "text-year", "mentioned-month": "text-year", "mentioned-year": "text-year", "countdown": "event-year"}[anchor.rule]
	if kind == "" {
		kind = "event-year"
	}
	rule := "dateline+" + kind
	evidence := dl.text
	if anchor.evidence != "" {
		evidence += " (year from " + anchor.evidence + ")"
	}
	if ev.weekday != nil && dtime(pick).Weekday() == ev.weekday.day {
		rule += "+weekday"
		evidence += "; " + ev.weekday.text
	}
	d := model.DayDate(dtime(pick), evidence, rule, dl.span)
	if reWireCredit.MatchString(dl.text) {
		// UPI's dateline ("WASHINGTON, Dec. 8 (UPI)") carried by another
		// outlet: the wire's day, which may be the day after the outlet's
		// own (a story filed in the American evening, dated as a post's
		// time is, a day on; 4 of 15 on PolNeAR's training split)
		d.Precision, d.Earliest = model.PrecisionRange, dtime(pick-1)
		d.Rule += "+wire"
	}
	return d, true
}

// reWireCredit is the credit in a dateline of a wire whose day may run
// ahead of its outlet's (Reuters's and TASS's are the day of the place).
var reWireCredit = regexp.MustCompile(`\(UPI\)`)

// fromBounds turns the solved bounds into a date: a day, a month, a year
// or a range; unknown when the text has no lower bound.
func (e *Events) fromBounds(ev evidenceSet, s iset, binding []dateConstraint) model.Date {
	if len(binding) == 0 {
		return model.Date{Precision: model.PrecisionUnknown}
	}
	// A text is not written after today: a term that ends later
	// ("President Trump": until 2029) ends the range today.
	if lo, hi := s.hull(); lo != negInf && hi != posInf {
		if today := dnum(e.today()); hi > today && lo <= today {
			s = s.intersect(daysBetween(negInf, today))
		}
	}
	lo, hi := s.hull()
	var words []string
	var rules []string
	seenRule := map[string]bool{}
	span := model.Span{}
	lowValue := false
	for _, c := range binding {
		if !slices.Contains(words, c.evidence) {
			words = append(words, c.evidence) // a post's day, once for its two clues
		}
		if !seenRule[c.rule] {
			seenRule[c.rule] = true
			rules = append(rules, c.rule)
		}
		if span.IsZero() && !c.span.IsZero() {
			span = c.span
		}
		for _, v := range c.set {
			if v.lo == lo && c.lowValue {
				lowValue = true
			}
		}
	}
	if lo == negInf {
		return model.Date{Precision: model.PrecisionUnknown, Evidence: "before " + dtime(hi+1).Format("2006-01-02") + ": " + strings.Join(words, "; "), Rule: "bounds:upper-only"}
	}
	if hi == posInf {
		today := dnum(e.today())
		if lo > today {
			return model.Date{Precision: model.PrecisionUnknown, Evidence: strings.Join(words, "; "), Rule: "bounds:future"}
		}
		if lowerEdgeStrength(binding, lo) <= strengthYear {
			// Only bare years ("suspended in 2014") say how early: an
			// article may be written any time after them, so there is no
			// date to give, and no range narrow enough to place it. A
			// title gives a true bound ("Foreign Minister Lavrov": the
			// text is between 2004-03-09 and today), and then it, not
			// the year, is the range's start.
			strong := lowerBound(binding)
			if strong == negInf {
				return model.Date{Precision: model.PrecisionUnknown, Evidence: "not before " + dtime(lo).Format("2006-01-02") + ": " + strings.Join(words, "; "), Rule: "bounds:lower-only"}
			}
			lo = strong
		}
		hi = today
		words = append(words, "not after today")
	}
	if windowsApart(s) {
		// "President-elect Trump" alone: late 2016 or late 2024; a range
		// over both would put the text in neither
		return model.Date{Precision: model.PrecisionUnknown, Evidence: "one of " + windowList(s) + ": " + strings.Join(words, "; "), Rule: "bounds:ambiguous"}
	}
	if ev.weekday != nil && hi-lo <= 31 {
		var days []int
		for d := lo; d <= hi; d++ {
			if s.contains(d) && dtime(d).Weekday() == ev.weekday.day {
				days = append(days, d)
			}
		}
		if len(days) > 0 {
			// the first such day stays the estimate when the range
			// started at what the text reports, if it is in that week
			lowValue = lowValue && days[0]-lo < 7
			lo, hi = days[0], days[len(days)-1]
			rules = append(rules, "weekday")
			words = append(words, ev.weekday.text)
		}
	}
	evidence := strings.Join(words, "; ")
	rule := "bounds:" + strings.Join(rules, "+")
	first, last := dtime(lo), dtime(hi)
	switch {
	case lo == hi:
		return model.DayDate(first, evidence, rule, span)
	case first.Day() == 1 && last.AddDate(0, 0, 1).Day() == 1 && first.Month() == last.Month() && first.Year() == last.Year():
		return model.MonthDate(first.Year(), first.Month(), evidence, rule, span)
	case first.YearDay() == 1 && last.Month() == time.December && last.Day() == 31 && first.Year() == last.Year():
		return model.YearDate(first.Year(), evidence, rule, span)
	}
	d := model.RangeDate(first, last, evidence, rule, span)
	if lowValue {
		d.Value = first
	}
	return d
}

// ---- DateIn: statement dates ----

// DateIn looks for a temporal expression inside span of doc.Text that dates
// a statement, and resolves it against the document's date. ok is false
// when the span does not date itself (the statement then takes the
// document's date).
//
// The heuristic: an expression counts only when it belongs to a speech act
// — its clause (text between commas, semicolons, colons, dashes, quotation
// marks and "that") has a speech word ("said", "told", "remarked",
// "speech", "interview", …), or it opens the sentence and the next clause
// has one ("On Thursday, Trump remarked"). Expressions after "since",
// "until", "by", "from", "within"… are edges of periods, not dates of
// statements, and are skipped; so are expressions after an event verb that
// follows the speech word ("said the offensive launched on February 24,
// 2022"), bare years and months without "in", and dates after the
// document's latest date. The first expression that counts, in text
// order, dates the span.
func (e *Events) DateIn(doc *model.Document, span model.Span) (model.Date, bool) {
	text := doc.Text
	span.Start = max(0, min(span.Start, len(text)))
	span.End = max(span.Start, min(span.End, len(text)))
	if span.Start == span.End {
		return model.Date{}, false
	}
	for _, s := range dateSentences(text, span) {
		for _, x := range statementExprs(text, s) {
			if !speechTied(text, s, x.span.Start) {
				continue
			}
			before := clauseBefore(text, x.span.Start)
			if excludedBefore.MatchString(before) || describesEvent(before) {
				continue
			}
			if d, ok := e.resolveExpr(doc, s, x); ok {
				return d, true
			}
		}
	}
	return model.Date{}, false
}

// timeExpr is a temporal expression in a sentence.
type timeExpr struct {
	span    model.Span
	text    string
	mention *dateMention // calendar mentions
	weekday time.Weekday
	isWday  bool
	last    bool // "last Friday"
	rel     string
}

// statementExprs lists the temporal expressions of a sentence in order.
func statementExprs(text string, s model.Span) []timeExpr {
	var out []timeExpr
	sub := text[s.Start:s.End]
	for _, m := range scanDates(sub) {
		m := m
		m.span = model.Span{Start: s.Start + m.span.Start, End: s.Start + m.span.End}
		if m.kind == mentionYear || m.kind == mentionMonthYear {
			// a bare year or month dates a statement only as "in 2014"
			if !reInBefore.MatchString(text[max(s.Start, m.span.Start-6):m.span.Start]) {
				continue
			}
		}
		out = append(out, timeExpr{span: m.span, text: m.text, mention: &m})
	}
	if weekdayW.mayMatch(sub) {
		for _, ix := range weekdayRE.FindAllStringSubmatchIndex(sub, -1) {
			w := strings.ToLower(sub[ix[0]:ix[1]])
			if !strings.HasPrefix(w, "on ") && !strings.HasPrefix(w, "last ") {
				continue
			}
			out = append(out, timeExpr{span: model.Span{Start: s.Start + ix[0], End: s.Start + ix[1]}, text: sub[ix[0]:ix[1]], weekday: weekdayOf(sub[ix[2]:ix[3]]), isWday: true, last: strings.HasPrefix(w, "last ")})
		}
	}
	if relativeW.mayMatch(sub) {
		for _, ix := range relativeRE.FindAllStringIndex(sub, -1) {
			out = append(out, timeExpr{span: model.Span{Start: s.Start + ix[0], End: s.Start + ix[1]}, text: sub[ix[0]:ix[1]], rel: strings.ToLower(sub[ix[0]:ix[1]])})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

var reInBefore = regexp.MustCompile(`(?i)\bin\s+$`)

// weekdayW and relativeW hold the literals every match of weekdayRE and
// relativeRE contains: a statement's sentence without them is not searched.
var weekdayW, relativeW = mustWindowRE(weekdayRE.String()), mustWindowRE(relativeRE.String())

// dateResolver maps a reference day (the document's date) to the days an
// expression denotes and their precision.
type dateResolver func(ref time.Time) (lo, hi time.Time, p model.Precision)

func (e *Events) resolveExpr(doc *model.Document, sent model.Span, x timeExpr) (model.Date, bool) {
	dd := doc.Date
	known := dd.Known()
	latest := dd.Latest
	if m := x.mention; m != nil {
		switch m.kind {
		case mentionFull:
			if known && m.first().After(latest) {
				return model.Date{}, false
			}
			return model.DayDate(m.first(), x.text, "absolute:full-date", x.span), true
		case mentionMonthYear:
			if known && m.first().After(latest) {
				return model.Date{}, false
			}
			return model.MonthDate(m.year, m.month, x.text, "absolute:month-year", x.span), true
		case mentionYear:
			if known && m.year > latest.Year() {
				return model.Date{}, false
			}
			return model.YearDate(m.year, x.text, "absolute:year", x.span), true
		}
		if !known {
			return model.Date{}, false
		}
		mo, day := m.month, m.day
		return applyResolver(dd, x, "relative:month-day", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			y := ref.Year()
			t := model.Day(y, mo, day)
			for t.After(ref) || t.Month() != mo {
				y--
				t = model.Day(y, mo, day)
			}
			return t, t, model.PrecisionDay
		}), true
	}
	if !known {
		return model.Date{}, false
	}
	if x.isWday {
		wd, strict := x.weekday, x.last
		return applyResolver(dd, x, "relative:weekday", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			t := ref
			if strict {
				t = t.AddDate(0, 0, -1)
			}
			for t.Weekday() != wd {
				t = t.AddDate(0, 0, -1)
			}
			return t, t, model.PrecisionDay
		}), true
	}
	rel := x.rel
	monthStart := func(t time.Time) time.Time { return model.Day(t.Year(), t.Month(), 1) }
	monday := func(t time.Time) time.Time { return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) }
	switch {
	case strings.HasPrefix(rel, "last ") && !strings.HasSuffix(rel, "week") && !strings.HasSuffix(rel, "month") && !strings.HasSuffix(rel, "year"):
		mo, _ := monthOf(strings.TrimPrefix(rel, "last "))
		return applyResolver(dd, x, "relative:last-month-name", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			first := model.Day(ref.Year()-1, mo, 1)
			return first, first.AddDate(0, 1, -1), model.PrecisionMonth
		}), true
	case strings.Contains(rel, "earlier") && strings.HasSuffix(rel, "month"):
		if d, ok := e.eventInSentence(doc, sent, x); ok {
			return d, true
		}
		return applyResolver(dd, x, "relative:earlier-this-month", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			return monthStart(ref), ref, model.PrecisionRange
		}), true
	case rel == "this month":
		return applyResolver(dd, x, "relative:this-month", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			return monthStart(ref), monthStart(ref).AddDate(0, 1, -1), model.PrecisionMonth
		}), true
	case rel == "last month" || rel == "the previous month":
		return applyResolver(dd, x, "relative:last-month", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			first := monthStart(ref).AddDate(0, -1, 0)
			return first, first.AddDate(0, 1, -1), model.PrecisionMonth
		}), true
	case rel == "last week" || rel == "the previous week":
		return applyResolver(dd, x, "relative:last-week", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			m := monday(ref).AddDate(0, 0, -7)
			return m, m.AddDate(0, 0, 6), model.PrecisionRange
		}), true
	case strings.HasSuffix(rel, "week"): // this week, earlier this week
		return applyResolver(dd, x, "relative:this-week", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			return monday(ref), ref, model.PrecisionRange
		}), true
	case rel == "last year" || rel == "the previous year":
		return applyResolver(dd, x, "relative:last-year", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			return model.Day(ref.Year()-1, 1, 1), model.Day(ref.Year()-1, 12, 31), model.PrecisionYear
		}), true
	case strings.HasSuffix(rel, "year"): // this year, earlier this year
		return applyResolver(dd, x, "relative:this-year", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			return model.Day(ref.Year(), 1, 1), ref, model.PrecisionRange
		}), true
	case rel == "yesterday":
		return applyResolver(dd, x, "relative:yesterday", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			t := ref.AddDate(0, 0, -1)
			return t, t, model.PrecisionDay
		}), true
	default: // today, tonight, this morning, this evening
		return applyResolver(dd, x, "relative:today", func(ref time.Time) (time.Time, time.Time, model.Precision) {
			return ref, ref, model.PrecisionDay
		}), true
	}
}

// applyResolver resolves against every day the document's date allows: if
// its earliest and latest days give the same answer, that answer keeps
// its precision; otherwise the result is the range between them, with the
// answer for the document's best estimate as its value.
func applyResolver(dd model.Date, x timeExpr, rule string, f dateResolver) model.Date {
	build := func(lo, hi time.Time, p model.Precision) model.Date {
		switch p {
		case model.PrecisionDay:
			return model.DayDate(lo, x.text, rule, x.span)
		case model.PrecisionMonth:
			return model.MonthDate(lo.Year(), lo.Month(), x.text, rule, x.span)
		case model.PrecisionYear:
			return model.YearDate(lo.Year(), x.text, rule, x.span)
		}
		return model.RangeDate(lo, hi, x.text, rule, x.span)
	}
	if dd.Precision == model.PrecisionDay {
		return build(f(dd.Value))
	}
	loE, hiE, p := f(dd.Earliest)
	loL, hiL, _ := f(dd.Latest)
	if loE.Equal(loL) && hiE.Equal(hiL) {
		return build(loE, hiE, p)
	}
	d := model.RangeDate(loE, hiL, x.text, rule, x.span)
	if loV, hiV, _ := f(dd.Value); !loV.Before(d.Earliest) && !hiV.After(d.Latest) {
		d.Value = loV.AddDate(0, 0, int(hiV.Sub(loV).Hours()/24)/2)
	}
	return d
}

// eventInSentence dates "earlier this month" by a reference event in the
// same sentence that falls in the document's month ("remarks made by
// Putin at the Valdai forum earlier this month" → the forum's day).
func (e *Events) eventInSentence(doc *model.Document, sent model.Span, x timeExpr) (model.Date, bool) {
	dd := doc.Date
	first := model.Day(dd.Earliest.Year(), dd.Earliest.Month(), 1)
	var hit *Event
	for _, em := range e.match(doc.Text[sent.Start:sent.End]) {
		for _, ev := range em.events {
			if ev.Bound == BoundAfter && ev.Start.Equal(ev.End) && !ev.Start.Before(first) && !ev.Start.After(dd.Latest) {
				if hit != nil && !hit.Start.Equal(ev.Start) {
					return model.Date{}, false
				}
				hit = ev
			}
		}
	}
	if hit == nil {
		return model.Date{}, false
	}
	return model.DayDate(hit.Start, x.text+" ("+hit.Label+")", "relative:earlier-this-month+event", x.span), true
}

// describesEvent reports whether the clause text before an expression
// has an event verb after its last speech word: "Peskov said the
// operation launched on February 24, 2022" dates the operation, not
// the statement.
func describesEvent(before string) bool {
	if locs := speechCue.FindAllStringIndex(before, -1); len(locs) > 0 {
		before = before[locs[len(locs)-1][1]:]
	}
	return eventVerb.MatchString(before)
}

// ---- small text helpers ----

func lineStartBefore(text string, i int) int {
	return strings.LastIndexByte(text[:i], '\n') + 1
}

func lastBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++ // never start inside a character
	}
	return s[i:]
}

// clauseBefore returns the text between the start of the clause holding
// position i and i.
func clauseBefore(text string, i int) string {
	start := max(0, i-80)
	for start > 0 && !utf8.RuneStart(text[start]) {
		start-- // never start inside a character
	}
	seg := text[start:i]
	if k := strings.LastIndexAny(seg, ".;:!?\n“”\"("); k >= 0 {
		_, size := utf8.DecodeRuneInString(seg[k:]) // “ and ” are three bytes
		seg = seg[k+size:]
	}
	return seg
}

// sentenceAround returns the sentence holding position i.
func sentenceAround(text string, i int) model.Span {
	pstart := strings.LastIndex(text[:i], "\n\n") + 1
	pend := strings.Index(text[i:], "\n\n")
	if pend < 0 {
		pend = len(text)
	} else {
		pend += i
	}
	for _, s := range dateSentences(text, model.Span{Start: pstart, End: pend}) {
		if s.Start <= i && i < s.End {
			return s
		}
	}
	return model.Span{Start: pstart, End: pend}
}
