package ui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/quotetrail/quotetrail/model"
)

// bigCorpus has n statements spread over 2020–2025 from a few documents.
func bigCorpus(tb testing.TB, n int) *model.Corpus {
	tb.Helper()
	doc := &model.Document{ID: "big", Path: "big.txt", Source: "TASS", Text: "Moscow and Washington must both want dialogue, the spokesman said."}
	speakers := []string{"Dmitry Peskov", "Vladimir Putin", "Sergei Lavrov", "Donald Trump"}
	stmts := make([]*model.Statement, n)
	start := model.Day(2020, time.January, 1)
	for i := range stmts {
		d := start.AddDate(0, 0, i%2190)
		stmts[i] = &model.Statement{
			ID: fmt.Sprintf("big#%d", i), Doc: "big", Speaker: speakers[i%len(speakers)], Kind: model.Indirect,
			Text: fmt.Sprintf("Moscow and Washington must both want dialogue number %d, and the talks will go on for as long as it takes", i),
			Span: model.Span{Start: 0, End: 10}, Date: model.DayDate(d, "", "", model.Span{}), Sources: []string{"big"},
		}
	}
	return model.New("big", []*model.Document{doc}, stmts, nil, nil)
}

// Drawing a frame costs the same however many statements there are:
// only the rows on screen are rendered.
func BenchmarkTimelineView(b *testing.B) {
	for _, n := range []int{1_000, 100_000, 1_000_000} {
		c := bigCorpus(b, n)
		m := New(c, Options{Theme: "dark", Events: fixtureEvents()})
		nm, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
		m = nm.(Model)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				nm, _ := m.Update(keyMsg("j"))
				m = nm.(Model)
				_ = m.View()
			}
		})
	}
}

// Filtering and laying out is linear in the statements shown; it runs in
// a command, off the frame.
func BenchmarkLayout(b *testing.B) {
	c := bigCorpus(b, 1_000_000)
	ids := c.Query(model.Filter{})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buildLayout(c, ids, i%2 == 0, model.Day(2020, 1, 1), model.Day(2025, 12, 31), fixtureEvents())
	}
}
