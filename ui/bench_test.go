package ui

import (
	"context"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/paginator"
	tea "charm.land/bubbletea/v2"

	"github.com/quotetrail/quotetrail/corpus"
	"github.com/quotetrail/quotetrail/model"
	"github.com/quotetrail/quotetrail/model/modeltest"
)

// Benchmarks at scale (issue #7), on model.Synthetic corpora:
//
//	go test ./ui -run '^$' -bench . -benchmem
//
// The window is 160×48 (a body of 45 lines), the timeline's cost per key
// is Update and then View of the whole screen, as the program does.

const benchW, benchH = 160, 48

// benchModel opens the reader on c at the benchmark size with the filter,
// the layout done.
func benchModel(tb testing.TB, c *model.Corpus, f model.Filter) Model {
	tb.Helper()
	m := New(c, Options{Theme: "dark", Events: fixtureEvents(), Filter: f})
	nm, _ := m.Update(tea.WindowSizeMsg{Width: benchW, Height: benchH})
	return nm.(Model)
}

// press sends a key and runs what it asks for (a filter's layout in a
// command), then draws the screen.
func press(m Model, k tea.KeyPressMsg) (Model, string) {
	nm, cmd := m.Update(k)
	m = nm.(Model)
	for cmd != nil {
		msg := cmd()
		nm, cmd = m.Update(msg)
		m = nm.(Model)
	}
	return m, m.View().Content
}

// keyCases are the keys measured. A case that would stop doing anything
// once repeated (G at the end, page down at the end) starts again from
// the top, outside the timer.
var keyCases = []struct {
	name string
	key  string
	list string // the same in bubbles/list
}{
	{"down", "j", "down"},
	{"pgdown", "pgdown", "pgdown"},
	{"end", "G", "end"},
}

// BenchmarkTimelineKey is one key press (Update + View) in the timeline at
// 1M statements, with nothing filtered and with one speaker (the third
// most quoted, about 7% of the statements) — and, in the same run, the
// same key on a bubbles/list.Model holding the same statements as items,
// with the default delegate and the same size (the naive choice), and on
// one with the Arabic paginator (the list as STYLE.md allows it).
func BenchmarkTimelineKey(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(modeltest.SizeName(n), func(b *testing.B) { benchKeys(b, modeltest.Synthetic(b, n)) })
	}
}

func benchKeys(b *testing.B, c *model.Corpus) {
	for _, filtered := range []bool{false, true} {
		name := "all"
		var f model.Filter
		if filtered {
			f.Speakers = []string{c.Speakers[2].Name}
			name = "speaker"
		}
		b.Run(name, func(b *testing.B) {
			m0 := benchModel(b, c, f)
			for _, kc := range keyCases {
				b.Run(kc.name+"/timeline", func(b *testing.B) {
					b.ReportAllocs()
					m := m0
					k := keyMsg(kc.key)
					for b.Loop() {
						if kc.key != "j" && m.tl.cursor == len(m.tl.lay.view)-1 {
							b.StopTimer()
							m, _ = press(m, keyMsg("g"))
							b.StartTimer()
						}
						m, _ = press(m, k)
					}
				})
			}
			items := listItems(c, m0.tl.lay.view)
			for _, arabic := range []bool{false, true} {
				l0 := list.New(items, list.NewDefaultDelegate(), benchW, m0.bodyHeight())
				lname := "bubbles-list"
				if arabic {
					l0.Paginator.Type = paginator.Arabic
					lname = "bubbles-list-arabic"
				}
				for _, kc := range keyCases {
					b.Run(kc.name+"/"+lname, func(b *testing.B) {
						b.ReportAllocs()
						l := l0
						k := keyMsg(kc.list)
						for b.Loop() {
							if kc.list != "down" && l.Index() == len(items)-1 {
								b.StopTimer()
								l.Select(0)
								b.StartTimer()
							}
							l, _ = l.Update(k)
							_ = l.View()
						}
					})
				}
			}
		})
	}
}

// listItem is a statement as a bubbles/list item: the timeline row's
// header as the title, the text as the description.
type listItem struct{ title, desc string }

func (i listItem) Title() string       { return i.title }
func (i listItem) Description() string { return i.desc }
func (i listItem) FilterValue() string { return i.desc }

func listItems(c *model.Corpus, view []int) []list.Item {
	out := make([]list.Item, len(view))
	for k, id := range view {
		s := c.Statements[id]
		out[k] = listItem{title: s.Date.Short() + "  " + s.Speaker, desc: s.Text}
	}
	return out
}

// BenchmarkFilterChange is a filter change at 1M statements as the user
// makes it — the key, the query and layout (in a command: run here and
// its result delivered), and the next frame:
//
//   - russia: r (Russian officials only) and r again (everything);
//   - period: p, stepping all → Biden → Trump 2 → Trump 1 → all;
//   - speaker: the third most quoted speaker applied in the picker
//     (s, a letter to narrow to them, space, enter), then cleared (x);
//   - search-char: one more character typed in the / search (the matches
//     in the timeline: "d", "di", "dia", "dial", then cleared).
func BenchmarkFilterChange(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(modeltest.SizeName(n), func(b *testing.B) { benchFilters(b, modeltest.Synthetic(b, n)) })
	}
}

func benchFilters(b *testing.B, c *model.Corpus) {
	m0 := benchModel(b, c, model.Filter{})
	b.Run("russia", func(b *testing.B) {
		b.ReportAllocs()
		m := m0
		for b.Loop() {
			m, _ = press(m, keyMsg("r"))
		}
	})
	b.Run("period", func(b *testing.B) {
		b.ReportAllocs()
		m := m0
		for b.Loop() {
			m, _ = press(m, keyMsg("p"))
		}
	})
	b.Run("speaker", func(b *testing.B) {
		b.ReportAllocs()
		m := m0
		sp := c.Speakers[2].Name
		for b.Loop() {
			b.StopTimer()
			m, _ = press(m, keyMsg("s"))
			for _, r := range strings.ToLower(sp) {
				m, _ = press(m, keyMsg(string(r)))
			}
			m, _ = press(m, keyMsg("space"))
			b.StartTimer()
			m, _ = press(m, keyMsg("enter"))
			if len(m.filter.Speakers) != 1 || m.filter.Speakers[0] != sp {
				b.Fatalf("the picker chose %v, want %s", m.filter.Speakers, sp)
			}
			m, _ = press(m, keyMsg("x"))
		}
		b.ReportMetric(2, "changes/op")
	})
	b.Run("search-char", func(b *testing.B) {
		b.ReportAllocs()
		m := m0
		m, _ = press(m, keyMsg("/"))
		seq := []string{"d", "i", "a", "l", "ctrl+u"}
		k := 0
		for b.Loop() {
			m, _ = press(m, keyMsg(seq[k%len(seq)]))
			k++
		}
	})
}

// BenchmarkLayout lays out a filtered timeline at 1M statements: every
// statement oldest first and newest first, and one speaker's.
func BenchmarkLayout(b *testing.B) {
	b.Run("1M", func(b *testing.B) { benchLayout(b, modeltest.Synthetic(b, 1_000_000)) })
}

func benchLayout(b *testing.B, c *model.Corpus) {
	all := c.Query(model.Filter{})
	one := c.Query(model.Filter{Speakers: []string{c.Speakers[2].Name}})
	for _, bc := range []struct {
		name   string
		ids    []int
		newest bool
	}{{"all/oldest", all, false}, {"all/newest", all, true}, {"speaker/oldest", one, false}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buildLayout(c, bc.ids, bc.newest, model.Day(2020, 1, 1), model.Day(2025, 12, 31), fixtureEvents())
			}
		})
	}
}

// BenchmarkFirstFrame is the built-in corpus from nothing to the first
// frame, as `quotetrail` with no arguments does it: the registry, loading
// and building the corpus, the reader, the window size, the first View.
func BenchmarkFirstFrame(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		reg, err := corpus.DefaultRegistry()
		if err != nil {
			b.Fatal(err)
		}
		res, err := reg.LoadSeed(context.Background(), corpus.Options{})
		if err != nil {
			b.Fatal(err)
		}
		c := reg.Build("built-in corpus", res)
		m := New(c, Options{Theme: "dark", Events: reg.Events.Markers(), Title: "built-in corpus"})
		nm, _ := m.Update(tea.WindowSizeMsg{Width: benchW, Height: benchH})
		if v := nm.(Model).View(); !strings.Contains(v.Content, "Peskov") {
			b.Fatalf("first frame without statements:\n%s", v.Content)
		}
	}
}

// The layout and the row heights are computed the fast way (from the
// corpus's compact dates; ASCII text measured by its length); they are
// checked here against the plain way, statement by statement.

// refLayout is buildLayout as it was written first, reading every
// statement's date.
func refLayout(c *model.Corpus, ids []int, newest bool, from, to time.Time, events []model.Event) layout {
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

	// the years to show: the axis, and any year with statements
	yearSet := map[int]bool{}
	for y := from.Year(); y <= to.Year(); y++ {
		yearSet[y] = true
	}
	for i := 0; i < dated; {
		y := c.Statements[view[i]].Date.Value.Year()
		yearSet[y] = true
		// skip the rest of the year quickly
		i += sort.Search(dated-i, func(k int) bool { return c.Statements[view[i+k]].Date.Value.Year() != y })
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

	lay.items = make([]item, 0, len(view)+len(years)*13+len(evs)+1)
	lay.itemOf = make([]int32, len(view))
	p, e := 0, 0
	for _, y := range years {
		head := len(lay.items)
		lay.years = append(lay.years, int32(head))
		lay.items = append(lay.items, item{kind: itemYear, year: int16(y)})
		month := 0
		count := 0
		for {
			var sd time.Time
			hasStmt := p < dated && c.Statements[view[p]].Date.Value.Year() == y
			if hasStmt {
				sd = c.Statements[view[p]].Date.Value
			}
			hasEv := e < len(evs) && evs[e].Day.Year() == y
			if !hasStmt && !hasEv {
				break
			}
			takeEv := hasEv && (!hasStmt || (!newest && !evs[e].Day.After(sd)) || (newest && evs[e].Day.After(sd)))
			if takeEv {
				lay.items = append(lay.items, item{kind: itemEvent, year: int16(y), month: uint8(evs[e].Day.Month()), ref: int32(e)})
				e++
				continue
			}
			m := int(sd.Month())
			if c.Statements[view[p]].Date.Precision == model.PrecisionYear {
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

func TestLayoutIsReference(t *testing.T) {
	events := append(fixtureEvents(),
		model.Event{Day: model.Day(2022, time.July, 1), Label: "on a year-precise day"},
		model.Event{Day: model.Day(2022, time.July, 1), Label: "the same day"},
		model.Event{Day: model.Day(2019, time.March, 3), Label: "off the axis"},
		model.Event{Day: model.Day(2023, time.December, 31), Label: "year's end"},
	)
	rng := rand.New(rand.NewPCG(1, 1))
	for _, c := range []*model.Corpus{model.Synthetic(4000, 3), model.Synthetic(300, 4), fixtureCorpus(t)} {
		for k := range 60 {
			var f model.Filter
			switch k % 4 {
			case 1:
				f.Speakers = []string{c.Speakers[rng.IntN(len(c.Speakers))].Name}
			case 2:
				f.From = model.Day(2021+rng.IntN(4), time.Month(1+rng.IntN(12)), 1)
				f.To = f.From.AddDate(0, rng.IntN(9), 0)
			case 3:
				f.Periods = []model.Period{model.PeriodUnknown}
			}
			ids := c.Query(f)
			from := model.Day(2020+rng.IntN(3), 1, 1)
			to := model.Day(2023+rng.IntN(4), 12, 31)
			for _, newest := range []bool{false, true} {
				got := buildLayout(c, ids, newest, from, to, events)
				want := refLayout(c, ids, newest, from, to, events)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s, filter %v, newest %v: the layout differs from the reference", c.Name, f, newest)
				}
			}
		}
	}
}

func TestWrappedLinesIsWrapSpans(t *testing.T) {
	pieces := []string{"a", "word", "longerword", " ", "  ", "\t", "\n", "\x7f", "é", "世界", "e\u0301", " \u0301", "😀", "x"}
	rng := rand.New(rand.NewPCG(2, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		width := rng.IntN(40) - 1
		for _, limit := range []int{1, 2, 3} {
			want := min(limit, len(wrapSpans(flatten(text), width)))
			if got := wrappedLines(text, width, limit); got != want {
				t.Fatalf("wrappedLines(%q, %d, %d) = %d, want %d", text, width, limit, got, want)
			}
		}
	}
}

// TestPositionsOfIsPosOf checks the one-pass search positions against a
// search per statement and a sort, on random filters and searches.
func TestPositionsOfIsPosOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	c := model.Synthetic(3000, 7)
	words := []string{"d", "dia", "the", "sanctions", "zzz", "a"}
	for k := range 40 {
		var f model.Filter
		if k%2 == 1 {
			f.Speakers = []string{c.Speakers[rng.IntN(len(c.Speakers))].Name}
		}
		ids := c.Query(f)
		sf := f
		sf.Query = words[rng.IntN(len(words))]
		matches := c.Query(sf)
		for _, newest := range []bool{false, true} {
			lay := buildLayout(c, ids, newest, model.Day(2020, 1, 1), model.Day(2025, 12, 31), nil)
			var want []int
			for _, id := range matches {
				if pos, ok := lay.posOf(c, id); ok {
					want = append(want, pos)
				}
			}
			sort.Ints(want)
			got := lay.positionsOf(matches)
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("filter %v, search %q, newest %v: positions %v…, want %v…", f, sf.Query, newest, got[:min(5, len(got))], want[:min(5, len(want))])
			}
		}
	}
}
