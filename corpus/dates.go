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
//	                 a window of at most a month to the days of that weekday.
//
// An explicit date that contradicts what the text refers to is kept, with
// a warning on the document. When nothing settles a day the result is a
// month, a year, a range, or unknown — never an invented day.

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
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

func (s iset) intersect(o iset) iset {
	var out iset
	for _, a := range s {
		for _, b := range o {
			lo, hi := max(a.lo, b.lo), min(a.hi, b.hi)
			if lo <= hi {
				out = append(out, ival{lo, hi})
			}
		}
	}
	return out.norm()
}

func (s iset) union(o iset) iset { return append(append(iset{}, s...), o...).norm() }

func (s iset) norm() iset {
	sort.Slice(s, func(i, j int) bool { return s[i].lo < s[j].lo })
	var out iset
	for _, v := range s {
		if n := len(out); n > 0 && v.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, v.hi)
			continue
		}
		out = append(out, v)
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

// dateConstraint is one piece of evidence about when a text was written.
type dateConstraint struct {
	set      iset
	strength int // 3 reference events, 2 dates and months, 1 bare years
	rule     string
	evidence string
	span     model.Span
	// lowValue: when this dateConstraint sets the lower edge, the best single
	// estimate is that edge (news is written soon after what it reports and
	// the photos it shows; a countdown is exact at its start).
	lowValue bool
}

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
	reDatelineFull = regexp.MustCompile(`^[ \t]*(?:[A-Z][A-Za-z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?,\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$`)
	// a byline's date: "By Jane Doe | January 24, 2021"
	reByline      = regexp.MustCompile(`^[ \t]*By [^\n]{1,60}[|•·]\s*$`)
	reYearFollows = regexp.MustCompile(`^(?:st|nd|rd|th)?,?\s+\d{4}`)
)

// gather collects the dating evidence of a document.
func (e *Events) gather(doc *model.Document) evidenceSet {
	var ev evidenceSet
	text := doc.Text
	paras := model.ParagraphSpans(text)
	leadEnd := len(text)
	if len(paras) > 3 {
		leadEnd = paras[2].End
	}
	if leadEnd > 1200 {
		leadEnd = 1200
	}

	// Captions: their dates are anchors (a photo predates its article).
	for _, c := range doc.Captions {
		for _, m := range scanDates(c) {
			if m.kind == mentionFull {
				ev.captionDays = append(ev.captionDays, m.first())
				ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first()), posInf), strength: 2, rule: "caption", evidence: "caption: " + m.text})
			}
		}
	}

	// Dates, months and years in the text.
	for _, m := range scanDates(text) {
		before := text[lineStartBefore(text, m.span.Start):m.span.Start]
		after := text[m.span.End:min(len(text), m.span.End+30)]
		if m.kind == mentionFull {
			captionStyle := reCaptionDash.MatchString(before) && strings.HasPrefix(strings.TrimLeft(after, " "), ":")
			switch {
			case captionStyle:
				ev.captionDays = append(ev.captionDays, m.first())
				ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first()), posInf), strength: 2, rule: "caption", evidence: m.text, span: m.span, lowValue: true})
				continue
			case !ev.explicit.found && reLabelled.MatchString(lastBytes(before, 30)):
				ev.explicit = docDate{model.DayDate(m.first(), strings.TrimSpace(lastBytes(before, 30))+" "+m.text, "text-date:labelled", m.span), true}
				continue
			case !ev.explicit.found && m.span.Start < leadEnd && (reDatelineFull.MatchString(before) || reByline.MatchString(before)):
				ev.explicit = docDate{model.DayDate(m.first(), m.text, "text-date:dateline", m.span), true}
				continue
			}
		}
		clause := clauseBefore(text, m.span.Start)
		if m.kind != mentionMonthDay && futureUpper.MatchString(clause) {
			ev.cons = append(ev.cons, dateConstraint{set: daysBetween(negInf, dnum(m.last())), strength: 2, rule: "future-date", evidence: strings.TrimSpace(lastBytes(clause, 30)) + " " + m.text, span: m.span})
			continue
		}
		if futureBefore.MatchString(clause) {
			continue
		}
		switch m.kind {
		case mentionFull:
			ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first()), posInf), strength: 2, rule: "mentioned-date", evidence: m.text, span: m.span, lowValue: true})
		case mentionMonthYear:
			ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first()), posInf), strength: 2, rule: "mentioned-month", evidence: m.text, span: m.span, lowValue: true})
		case mentionYear:
			ev.cons = append(ev.cons, dateConstraint{set: daysBetween(dnum(m.first()), posInf), strength: 1, rule: "mentioned-year", evidence: m.text, span: m.span, lowValue: true})
		}
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
	for _, em := range e.match(text) {
		c := dateConstraint{strength: 3, rule: "event", evidence: em.text, span: em.span}
		weak := true
		sent := sentenceAround(text, em.span.Start)
		rel := relativeEventRE.FindString(text[sent.Start:sent.End])
		for _, x := range em.events {
			if !x.Weak {
				weak = false
			}
			s := eventSet(x, strings.ToLower(rel))
			if x.Bound == BoundAfter {
				c.lowValue = true
			}
			c.set = c.set.union(s)
		}
		if rel != "" {
			c.rule = "event-" + strings.ReplaceAll(strings.ToLower(rel), " ", "-")
			c.evidence = em.text + " … " + rel
			c.lowValue = false
		}
		if weak {
			ev.weak = append(ev.weak, c)
		} else {
			ev.cons = append(ev.cons, c)
		}
	}

	// Countdowns to the end of a term.
	if ends := e.termEnds(); len(ends) > 0 {
		countdownRE.each(text, asciiLower(text), func(ix []int) bool {
			sent := sentenceAround(text, ix[0])
			if !termWord.MatchString(text[sent.Start:sent.End]) {
				return true
			}
			n, exact := countdownDays(text, ix)
			c := dateConstraint{strength: 3, rule: "countdown", evidence: text[ix[0]:ix[1]], span: model.Span{Start: ix[0], End: ix[1]}, lowValue: exact}
			for _, x := range ends {
				end := dnum(x.Start)
				if exact {
					// "in its final ten days" is written when ten days
					// are left: that day, or the next for publication lag.
					c.set = c.set.union(daysBetween(end-n, end-n+1))
				} else {
					c.set = c.set.union(daysBetween(end-n, end))
				}
			}
			ev.cons = append(ev.cons, c)
			return true
		})
	}

	ev.weekday = leadWeekday(doc, leadEnd)
	return ev
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

// countdownDays reads the length of a countdown: "final ten days" is 10
// days (exact), "final days" a month, "final weeks" six weeks, "final
// months" a quarter (not exact).
func countdownDays(text string, ix []int) (int, bool) {
	unit := strings.ToLower(text[ix[4]:ix[5]])
	n, exact := 0, false
	if ix[2] >= 0 {
		w := strings.ToLower(text[ix[2]:ix[3]])
		if v, ok := numberWords[w]; ok {
			n, exact = v, w != "few" && w != "several"
		} else {
			n, exact = dateAtoi(w), true
		}
	}
	switch unit {
	case "weeks":
		if n == 0 {
			return 42, false
		}
		return n * 7, false
	case "months":
		if n == 0 {
			return 92, false
		}
		return n * 31, false
	}
	if n == 0 {
		return 31, false
	}
	return n, exact
}

// leadWeekday finds the weekday the lead gives the reported event ("Peskov
// told TASS on Monday", "published on Friday"): in the first three
// sentences (not the headline), in a main clause (not one opened by
// "while", "although", …), tied to a speech or publication word.
func leadWeekday(doc *model.Document, leadEnd int) *weekdayMention {
	text := doc.Text
	n := 0
	for _, s := range dateSentences(text, model.Span{Start: 0, End: leadEnd}) {
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
		return strong
	}
	for _, c := range conflicts {
		if c.strength >= 2 {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("date evidence %q (%s) contradicts stronger evidence and was ignored", c.evidence, c.rule))
		}
	}
	if ev.dateline != nil {
		if d, ok := e.resolveDateline(doc, ev, bounds); ok {
			return d
		}
	}
	return e.fromBounds(ev, bounds, binding)
}

// solve intersects the constraints, strongest first; a dateConstraint that
// would leave no day is a conflict and is left out. Weak constraints then
// choose among the disjoint windows that remain, without narrowing them.
func (ev *evidenceSet) solve() (iset, []dateConstraint, []dateConstraint) {
	cons := append([]dateConstraint{}, ev.cons...)
	sort.SliceStable(cons, func(i, j int) bool { return cons[i].strength > cons[j].strength })
	s := allDays()
	var binding, conflicts []dateConstraint
	for _, c := range cons {
		n := s.intersect(c.set)
		if n.empty() {
			conflicts = append(conflicts, c)
			continue
		}
		if !n.equal(s) {
			binding = append(binding, c)
		}
		s = n
	}
	for _, w := range ev.weak {
		if len(s) < 2 {
			break
		}
		var keep iset
		for _, v := range s {
			if !(iset{v}).intersect(w.set).empty() {
				keep = append(keep, v)
			}
		}
		if len(keep) > 0 && len(keep) < len(s) {
			s = keep
			w.rule = "weak-event"
			binding = append(binding, w)
		}
	}
	return s, binding, conflicts
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
	candidates := func(s iset) []int {
		lo, hi := s.hull()
		if lo == negInf {
			return nil
		}
		last := dtime(lo).Year() + 12
		if hi != posInf {
			last = dtime(hi).Year()
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
	// The first weak event that fits a candidate chooses it, unless it fits
	// candidates a year or more apart ("the new US administration": 2017,
	// 2021 and 2025), which leaves the choice open.
	pick, chosen := cands[0], false // chosen: by a weak event
	for _, w := range ev.weak {
		fits := slices.DeleteFunc(slices.Clone(cands), func(c int) bool { return !w.set.contains(c) })
		if len(fits) == 0 {
			continue
		}
		if fits[len(fits)-1]-fits[0] <= 365 {
			pick, chosen = fits[0], true
		}
		break
	}
	if !chosen {
		// which year, nothing says: the dateline is left to fromBounds
		if lo, hi := bounds.hull(); apart || hi == posInf && lowerEdgeStrength(ev.cons, lo) <= 1 {
			return model.Date{}, false
		}
	}
	// Name the anchor: the latest lower bound at or before the pick.
	anchor, best := dateConstraint{rule: "text"}, negInf
	for _, c := range ev.cons {
		lo, _ := c.set.hull()
		if lo == negInf || lo > pick {
			continue
		}
		if lo > best || (lo == best && c.rule == "caption") {
			anchor, best = c, lo
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
	return model.DayDate(dtime(pick), evidence, rule, dl.span), true
}

// fromBounds turns the solved bounds into a date: a day, a month, a year
// or a range; unknown when the text has no lower bound.
func (e *Events) fromBounds(ev evidenceSet, s iset, binding []dateConstraint) model.Date {
	if len(binding) == 0 {
		return model.Date{Precision: model.PrecisionUnknown}
	}
	lo, hi := s.hull()
	var words []string
	var rules []string
	seenRule := map[string]bool{}
	span := model.Span{}
	lowValue := false
	for _, c := range binding {
		words = append(words, c.evidence)
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
		if lowerEdgeStrength(binding, lo) <= 1 {
			// Only bare years ("suspended in 2014") say how early: an
			// article may be written any time after them, so there is no
			// date to give, and no range narrow enough to place it.
			return model.Date{Precision: model.PrecisionUnknown, Evidence: "not before " + dtime(lo).Format("2006-01-02") + ": " + strings.Join(words, "; "), Rule: "bounds:lower-only"}
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
			lo, hi = days[0], days[len(days)-1]
			rules = append(rules, "weekday")
			words = append(words, ev.weekday.text)
			lowValue = false
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
	for _, ix := range weekdayRE.FindAllStringSubmatchIndex(sub, -1) {
		w := strings.ToLower(sub[ix[0]:ix[1]])
		if !strings.HasPrefix(w, "on ") && !strings.HasPrefix(w, "last ") {
			continue
		}
		out = append(out, timeExpr{span: model.Span{Start: s.Start + ix[0], End: s.Start + ix[1]}, text: sub[ix[0]:ix[1]], weekday: weekdayOf(sub[ix[2]:ix[3]]), isWday: true, last: strings.HasPrefix(w, "last ")})
	}
	for _, ix := range relativeRE.FindAllStringIndex(sub, -1) {
		out = append(out, timeExpr{span: model.Span{Start: s.Start + ix[0], End: s.Start + ix[1]}, text: sub[ix[0]:ix[1]], rel: strings.ToLower(sub[ix[0]:ix[1]])})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

var reInBefore = regexp.MustCompile(`(?i)\bin\s+$`)

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
