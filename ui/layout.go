package ui

import (
	"sort"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

// The timeline keeps the filtered statements as a slice of indices (the
// view) and the rows that show them (the layout: year and month headings,
// event markers, statements). Only the rows on screen are rendered: top is
// the first row drawn and rows are drawn until the screen is full, so a
// frame costs the same with forty statements or a million.

type itemKind uint8

const (
	itemYear    itemKind = iota // a year heading; ref = statements in the year
	itemMonth                   // a month heading
	itemEvent                   // a reference event; ref = index into events
	itemStmt                    // a statement; ref = position in the view
	itemUndated                 // the heading of the undated statements; ref = their count
)

// monthUnknown is the month of a statement dated only to its year.
const monthUnknown = 13

type item struct {
	kind  itemKind
	month uint8
	year  int16
	ref   int32
}

// layout is one filtered, ordered timeline.
type layout struct {
	view   []int   // statement indices in display order
	dated  int     // view[:dated] have a date; the rest are undated (always last)
	newest bool    // dated statements newest first
	items  []item  // the rows
	itemOf []int32 // view position → row index
	years  []int32 // row indices of the year (and undated) headings
	events []model.Event
}

// buildLayout orders ids (ascending statement indices, as Query returns
// them) and lays them out under year and month headings on the axis
// [from, to], with the reference events in their places. Years of the axis
// without statements get a heading of their own, so gaps show.
//
// It runs once per filter change over every statement shown, so it reads
// the statements' years and months from the corpus's compact copy
// (Corpus.YearMonth) and places each event by a binary search on the
// dates, rather than following a pointer per statement.
func buildLayout(c *model.Corpus, ids []int, newest bool, from, to time.Time, events []model.Event) layout {
	lay := layout{newest: newest}
	dated := sort.Search(len(ids), func(i int) bool { return c.Statements[ids[i]].Date.Value.IsZero() })
	lay.dated = dated
	if newest {
		v := make([]int, len(ids))
		for i := 0; i < dated; i++ {
			v[i] = ids[dated-1-i]
		}
		copy(v[dated:], ids[dated:])
		lay.view = v
	} else {
		lay.view = ids
	}
	view := lay.view
	yearOf := func(p int) int {
		y, _, _ := c.YearMonth(view[p])
		return y
	}

	// the years to show: the axis, and any year with statements
	yearSet := map[int]bool{}
	for y := from.Year(); y <= to.Year(); y++ {
		yearSet[y] = true
	}
	for i := 0; i < dated; {
		y := yearOf(i)
		yearSet[y] = true
		// skip the rest of the year quickly
		i += sort.Search(dated-i, func(k int) bool { return yearOf(i+k) != y })
	}
	years := make([]int, 0, len(yearSet))
	for y := range yearSet {
		years = append(years, y)
	}
	sort.Ints(years)
	evs := make([]model.Event, 0, len(events))
	for _, e := range events {
		if yearSet[e.Day.Year()] {
			evs = append(evs, e)
		}
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Day.Before(evs[j].Day) })
	if newest {
		for i, j := 0, len(years)-1; i < j; i, j = i+1, j-1 {
			years[i], years[j] = years[j], years[i]
		}
		for i, j := 0, len(evs)-1; i < j; i, j = i+1, j-1 {
			evs[i], evs[j] = evs[j], evs[i]
		}
	}
	lay.events = evs
	// An event goes before the first statement of its year on or after its
	// day (oldest first) or before it (newest first): the view positions
	// where that holds are a suffix of the dated ones.
	evYear := make([]int, len(evs))
	evPos := make([]int, len(evs))
	for e, ev := range evs {
		evYear[e] = ev.Day.Year()
		evPos[e] = sort.Search(dated, func(p int) bool {
			sd := c.Statements[view[p]].Date.Value
			if newest {
				return ev.Day.After(sd)
			}
			return !ev.Day.After(sd)
		})
	}

	// room for the headings, and for a month heading again after each
	// year-precise run (they sort to 1 July, among that day's statements)
	lay.items = make([]item, 0, len(view)+len(view)/8+len(years)*13+len(evs)+1)
	lay.itemOf = make([]int32, len(view))
	p, e := 0, 0
	for _, y := range years {
		head := len(lay.items)
		lay.years = append(lay.years, int32(head))
		lay.items = append(lay.items, item{kind: itemYear, year: int16(y)})
		month := 0
		count := 0
		for {
			hasStmt, m := false, 0
			if p < dated {
				var sy int
				sy, m, _ = c.YearMonth(view[p])
				hasStmt = sy == y
			}
			hasEv := e < len(evs) && evYear[e] == y
			if !hasStmt && !hasEv {
				break
			}
			if hasEv && (!hasStmt || p >= evPos[e]) {
				lay.items = append(lay.items, item{kind: itemEvent, year: int16(y), month: uint8(evs[e].Day.Month()), ref: int32(e)})
				e++
				continue
			}
			if m == 0 { // known to the year only
				m = monthUnknown
			}
			if m != month {
				month = m
				lay.items = append(lay.items, item{kind: itemMonth, year: int16(y), month: uint8(m)})
			}
			lay.itemOf[p] = int32(len(lay.items))
			lay.items = append(lay.items, item{kind: itemStmt, year: int16(y), month: uint8(month), ref: int32(p)})
			p++
			count++
		}
		lay.items[head].ref = int32(count)
	}
	if dated < len(view) {
		lay.years = append(lay.years, int32(len(lay.items)))
		lay.items = append(lay.items, item{kind: itemUndated, ref: int32(len(view) - dated)})
		for ; p < len(view); p++ {
			lay.itemOf[p] = int32(len(lay.items))
			lay.items = append(lay.items, item{kind: itemStmt, ref: int32(p)})
		}
	}
	return lay
}

// posOf returns the view position of statement id, or where it would be,
// and whether it is shown.
func (l *layout) posOf(c *model.Corpus, id int) (int, bool) {
	if id < 0 || id >= len(c.Statements) {
		return 0, false
	}
	if _, _, dated := c.YearMonth(id); !dated {
		und := l.view[l.dated:]
		i := sort.SearchInts(und, id)
		return l.dated + i, i < len(und) && und[i] == id
	}
	d := l.view[:l.dated]
	var i int
	if l.newest {
		i = sort.Search(len(d), func(k int) bool { return d[k] <= id })
	} else {
		i = sort.SearchInts(d, id)
	}
	return i, i < len(d) && d[i] == id
}

// positionsOf returns the view positions of the statements in ids
// (ascending indices, as Query returns them) that the layout shows, in
// ascending order. It walks ids and the view together, rather than
// searching for each id and sorting after: a search matching most of a
// million statements costs one pass.
func (l *layout) positionsOf(ids []int) []int {
	out := make([]int, 0, min(len(ids), len(l.view)))
	d := l.view[:l.dated]
	j := 0
	if l.newest { // the dated view descends: walk ids from the end
		for k := len(ids) - 1; k >= 0; k-- {
			id := ids[k]
			for j < len(d) && d[j] > id {
				j++
			}
			if j < len(d) && d[j] == id {
				out = append(out, j)
			}
		}
	} else {
		for _, id := range ids {
			for j < len(d) && d[j] < id {
				j++
			}
			if j < len(d) && d[j] == id {
				out = append(out, j)
			}
		}
	}
	und := l.view[l.dated:]
	j = 0
	for _, id := range ids {
		for j < len(und) && und[j] < id {
			j++
		}
		if j < len(und) && und[j] == id {
			out = append(out, l.dated+j)
		}
	}
	return out
}
