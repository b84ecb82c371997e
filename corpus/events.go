package corpus

// events.go is the table of reference events (corpus/data/events.tsv and
// the user's own file): dated events a text can refer to, each with the
// bound a reference gives the text's date.

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

// Bound is what a reference to an event says about when a text was written.
type Bound string

const (
	// BoundAfter means a text mentioning the event was written on or after its
	// start day.
	BoundAfter Bound = "after"
	// BoundBefore means a text mentioning it was written before its start day
	// (a treaty that "expires in 2026").
	BoundBefore Bound = "before"
	// BoundWithin means a text using the phrase was written inside the window
	// [start, end] ("President-elect Donald Trump").
	BoundWithin Bound = "within"
)

// Event is one row of the reference-event table.
type Event struct {
	ID    string
	Start time.Time
	End   time.Time // equal to Start for one-day events
	Bound Bound
	// Marker events are drawn in the timeline's gutter.
	Marker bool
	// Weak events only choose between readings other evidence leaves
	// open; they never narrow a date on their own.
	Weak bool
	// TermEnd marks the end of a term in office (an inauguration): "the
	// final ten days" of an administration count back from it.
	TermEnd bool
	// RaceEnd marks the end of a race (an election day): "the final nine
	// weeks" of the campaign count back from it.
	RaceEnd bool
	// Scheduled events (elections, debates, conventions) are spoken of
	// before they happen as much as after: a bare mention says nothing,
	// and only the tense around it does ("ahead of the debate": before it;
	// "said during the debate": after it). Of alternatives, the past
	// reading means the latest one held, the future reading the next one.
	Scheduled bool
	// Loose scheduled events are named by words that also name others
	// the table does not list ("the first debate" of a primary): only
	// the tense around them dates a text, never a tie ("Thursday's first
	// debate"), which could match an unlisted one.
	Loose bool
	// Ahead, when not 0, is how many days before it a scheduled event is
	// spoken of as to come at most ("the first presidential debate" is set
	// about a year before): a text that looks ahead to it was written no
	// earlier (flag ahead=N).
	Ahead int
	// Nominee events count only beside a nominee's status: "Monday's
	// presidential debate" in a text about the nominees is one of theirs
	// (in a primary it may be one the table does not list).
	Nominee bool
	// Tie events date a text only by a phrase tied to them ("Monday's
	// debate", "last week's debate"): the words also name a debate of
	// any kind, and a tense around them says nothing (flag tie).
	Tie bool
	// Countdown events date a text only by a countdown to them ("five
	// weeks before the election", "the election is 40 days away"): the
	// words name elections of every kind (flag countdown).
	Countdown bool
	// Race rows name a race by its candidates ("Hillary Clinton", "Tim
	// Kaine"): only hints, and beside a scheduled event of the race they
	// stand for its status where their window holds the event (flag
	// race): "Monday's presidential debate" is then the nominees', and
	// "ahead of the first debate" the race's own.
	Race  bool
	Label string
	// Pattern is the regular expression matched, case-insensitively and
	// on word boundaries, against the text; "" when the event is only a
	// marker or a term end.
	Pattern string
	re      *windowRE
	ire     indexed
	line    int
}

// Events is the table of reference events used to bound dates. The zero
// value is an empty table; Registry fills it from corpus/data/events.tsv.
type Events struct {
	list []*Event
	// Offices is the table of offices and statuses (offices.tsv).
	Offices Offices
	// Now returns the current time; a text bounded only from below is
	// dated "between that bound and today". Nil means time.Now.
	Now func() time.Time

	// compiled from the two tables: every anchor in one index
	lits    *litIndex
	holders []*holderGroup
}

// List returns the events in table order.
func (e *Events) List() []*Event {
	if e == nil {
		return nil
	}
	return e.list
}

// Markers returns the events drawn on the timeline, oldest first.
func (e *Events) Markers() []model.Event {
	var out []model.Event
	for _, ev := range e.List() {
		if ev.Marker {
			out = append(out, model.Event{Day: ev.Start, Label: ev.Label})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	return out
}

func (e *Events) today() time.Time {
	now := time.Now
	if e != nil && e.Now != nil {
		now = e.Now
	}
	t := now().UTC()
	return model.Day(t.Year(), t.Month(), t.Day())
}

// extend parses a table in the events.tsv format and adds its rows; a row
// whose id is already in the table replaces it. Errors name the line.
//
// The format: one event per line, seven tab-separated fields; blank lines
// and lines starting with # are ignored.
//
//	id  start  end  bound  flags  label  pattern
//
// start and end are YYYY-MM-DD (end "-" means the start day); bound is
// after, before or within; flags is "-" or a comma list of marker, weak,
// term-end, race-end, scheduled, loose, nominee, tie, countdown, race,
// ahead=N;
// pattern is "-" (no text matches it) or a regular expression.
func (e *Events) extend(data []byte) error {
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
		ev, err := parseEventLine(line)
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		ev.line = n
		e.put(ev)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", n+1, err)
	}
	return e.compile()
}

// extendOffices adds the rows of a table in the offices.tsv format.
func (e *Events) extendOffices(data []byte) error {
	if err := e.Offices.extend(data); err != nil {
		return err
	}
	return e.compile()
}

// compile indexes the anchors of both tables, so that a text is walked
// once for all of them.
func (e *Events) compile() error {
	var t litTable
	for _, ev := range e.list {
		if ev.re != nil {
			ev.ire = t.add(ev.re)
		}
	}
	hs, err := compileOffices(e.Offices.List(), &t, true)
	if err != nil {
		return err
	}
	e.holders = hs
	e.lits = newLitIndex(t.lits)
	return nil
}

func (e *Events) put(ev *Event) {
	for i, old := range e.list {
		if old.ID == ev.ID {
			e.list[i] = ev
			return
		}
	}
	e.list = append(e.list, ev)
}

func parseEventLine(line string) (*Event, error) {
	f := strings.Split(line, "\t")
	if len(f) != 7 {
		return nil, fmt.Errorf("want 7 tab-separated fields (id, start, end, bound, flags, label, pattern), got %d", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	ev := &Event{ID: f[0], Label: f[5]}
	if ev.ID == "" || strings.ContainsAny(ev.ID, " \t") {
		return nil, fmt.Errorf("bad id %q", f[0])
	}
	var err error
	if ev.Start, err = time.Parse("2006-01-02", f[1]); err != nil {
		return nil, fmt.Errorf("%s: bad start date %q (want YYYY-MM-DD)", ev.ID, f[1])
	}
	ev.End = ev.Start
	if f[2] != "-" && f[2] != "" {
		if ev.End, err = time.Parse("2006-01-02", f[2]); err != nil {
			return nil, fmt.Errorf("%s: bad end date %q (want YYYY-MM-DD or -)", ev.ID, f[2])
		}
		if ev.End.Before(ev.Start) {
			return nil, fmt.Errorf("%s: end %s is before start %s", ev.ID, f[2], f[1])
		}
	}
	switch Bound(f[3]) {
	case BoundAfter, BoundBefore, BoundWithin:
		ev.Bound = Bound(f[3])
	default:
		return nil, fmt.Errorf("%s: bad bound %q (want after, before or within)", ev.ID, f[3])
	}
	if f[4] != "-" && f[4] != "" {
		for _, flag := range strings.Split(f[4], ",") {
			switch strings.TrimSpace(flag) {
			case "marker":
				ev.Marker = true
			case "weak":
				ev.Weak = true
			case "term-end":
				ev.TermEnd = true
			case "scheduled":
				ev.Scheduled = true
			case "race-end":
				ev.RaceEnd = true
			case "loose":
				ev.Loose, ev.Scheduled = true, true
			case "nominee":
				ev.Nominee = true
			case "tie":
				ev.Tie, ev.Scheduled = true, true
			case "race":
				ev.Race = true
			case "countdown":
				ev.Countdown, ev.Scheduled = true, true
			default:
				n, ok := strings.CutPrefix(strings.TrimSpace(flag), "ahead=")
				if d, err := strconv.Atoi(n); ok && err == nil && d > 0 {
					ev.Ahead = d
					continue
				}
				return nil, fmt.Errorf("%s: unknown flag %q (want marker, weak, term-end, race-end, scheduled, loose, nominee, tie, countdown, race, ahead=N)", ev.ID, flag)
			}
		}
	}
	if ev.Label == "" || ev.Label == "-" {
		return nil, fmt.Errorf("%s: empty label", ev.ID)
	}
	if f[6] != "-" && f[6] != "" {
		ev.Pattern = f[6]
		if ev.re, err = compileWindowRE(`(?i)\b(?:` + f[6] + `)\b`); err != nil {
			return nil, fmt.Errorf("%s: bad pattern: %v", ev.ID, err)
		}
	}
	return ev, nil
}

// eventMatch is a reference in a text to one group of events: the rows
// that share a pattern are alternatives ("President-elect Trump" is one of
// two windows) and other evidence decides between them.
type eventMatch struct {
	events []*Event
	span   model.Span
	text   string
}

// titleQualifier before a title means the title is not current: "former
// President Biden" does not date the text inside Biden's term.
var titleQualifier = regexp.MustCompile(`(?i)\b(?:former|ex|then|late|erstwhile)[\s-]+$`)

// match finds the first reference to each group of events in text.
func (e *Events) match(text string) []eventMatch {
	lower := asciiLower(text)
	var hits litHits
	if e != nil && e.lits != nil {
		hits = e.lits.find(lower)
	}
	return e.matchIndexed(text, lower, hits)
}

// matchIndexed is match with the anchors already found (hits of e.lits in
// lower, asciiLower(text)).
func (e *Events) matchIndexed(text, lower string, hits litHits) []eventMatch {
	var out []eventMatch
	seen := map[string][]int{} // a group's references in out
	for _, ev := range e.List() {
		if ev.re == nil {
			continue
		}
		if is, ok := seen[ev.Pattern]; ok {
			for _, i := range is {
				out[i].events = append(out[i].events, ev)
			}
			continue
		}
		seen[ev.Pattern] = nil
		ev.ire.eachIndexed(e.lits, hits, text, lower, func(ix []int) bool {
			if ev.Bound == BoundWithin && titleQualifier.MatchString(text[max(0, ix[0]-12):ix[0]]) {
				return true
			}
			seen[ev.Pattern] = append(seen[ev.Pattern], len(out))
			out = append(out, eventMatch{events: []*Event{ev}, span: model.Span{Start: ix[0], End: ix[1]}, text: text[ix[0]:ix[1]]})
			// an event's first reference may say nothing of when ("the
			// Democratic Convention" in a headline, "the arrest of Evan
			// Gershkovich"): the next ones may ("at the Democratic
			// National Convention on Tuesday", "Gershkovich in Russia
			// last month")
			return len(seen[ev.Pattern]) < maxScheduledRefs
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

// maxScheduledRefs bounds the references to one event weighed.
const maxScheduledRefs = 6

// raceEnds returns the events that end a race.
func (e *Events) raceEnds() []*Event {
	var out []*Event
	for _, ev := range e.List() {
		if ev.RaceEnd {
			out = append(out, ev)
		}
	}
	return out
}

// termEnds returns the events that end a term in office.
func (e *Events) termEnds() []*Event {
	var out []*Event
	for _, ev := range e.List() {
		if ev.TermEnd {
			out = append(out, ev)
		}
	}
	return out
}
