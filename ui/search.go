package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/quotetrail/quotetrail/model"
)

// search is the `/` search: a field while typing, and the query in force
// afterwards, whose matches are highlighted and visited with n/N. Matches
// come from Corpus.Query (the filters plus the search words), computed in
// a command tagged with a generation number.
type search struct {
	typing bool
	field  field
	query  string // the query in force
	origin int    // the selection when the search began
	gen    int
	found  int // matches in the timeline
	// pending is true while a result for gen is awaited
	pending bool
	// only narrows the timeline to the matches (&); otherwise every
	// statement is shown and the matches are highlighted
	only bool
}

type searchAction int

const (
	searchNone searchAction = iota
	searchChanged
	searchAccept
	searchCancel
	searchNext
	searchPrev
)

// Update handles a key while the search field has the keyboard.
func (s *search) Update(msg tea.KeyPressMsg, k searchKeys) searchAction {
	switch {
	case key.Matches(msg, k.Accept):
		s.typing = false
		return searchAccept
	case key.Matches(msg, k.Cancel):
		s.typing = false
		s.field.SetValue("")
		s.query = ""
		return searchCancel
	case key.Matches(msg, k.NextMatch):
		return searchNext
	case key.Matches(msg, k.PrevMatch):
		return searchPrev
	}
	if s.field.Update(msg) {
		s.query = strings.TrimSpace(s.field.Value())
		return searchChanged
	}
	return searchNone
}

// searchResultMsg carries the matches of a search.
type searchResultMsg struct {
	gen      int
	query    string
	matchPos []int // display positions in the layout the search ran on
	jump     bool  // move the selection to the first match after the origin
}

// searchCmd finds the statements of the layout that match the query,
// under the filter f, and returns their display positions.
func searchCmd(c *model.Corpus, f model.Filter, lay layout, query string, gen int, jump bool) tea.Cmd {
	return func() tea.Msg {
		res := searchResultMsg{gen: gen, query: query, jump: jump}
		if len(model.Words(query)) == 0 {
			return res
		}
		f.Query = joinWords(f.Query, query)
		res.matchPos = lay.positionsOf(c.Query(f))
		return res
	}
}

// joinWords joins two queries' words.
func joinWords(a, b string) string { return strings.TrimSpace(a + " " + b) }

// highlightWords returns the lower-cased word prefixes to highlight for a
// filter's words and a search query.
func highlightWords(filterQuery, query string) []string {
	return append(model.Words(filterQuery), model.Words(query)...)
}
