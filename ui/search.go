package ui

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/quotetrail/quotetrail/model"
)

// field is a one-line text field: typed characters go to the end;
// backspace, ctrl+w (word) and ctrl+u (all) delete. It is deterministic
// (no blinking cursor), which keeps goldens stable.
type field struct {
	value []rune
}

func (f *field) String() string { return string(f.value) }

func (f *field) set(s string) { f.value = []rune(s) }

// Update edits the field; it reports whether the key was taken and whether
// the value changed.
func (f *field) Update(msg tea.KeyPressMsg) (taken, changed bool) {
	switch msg.String() {
	case "backspace", "ctrl+h":
		if len(f.value) == 0 {
			return true, false
		}
		f.value = f.value[:len(f.value)-1]
		return true, true
	case "ctrl+w", "alt+backspace":
		v := strings.TrimRightFunc(string(f.value), unicode.IsSpace)
		i := strings.LastIndexFunc(v, unicode.IsSpace)
		f.value = []rune(v[:i+1])
		return true, true
	case "ctrl+u":
		changed = len(f.value) > 0
		f.value = nil
		return true, changed
	}
	if msg.Mod&^tea.ModShift != 0 || msg.Text == "" {
		return false, false
	}
	for _, r := range msg.Text {
		if !unicode.IsPrint(r) {
			return false, false
		}
	}
	f.value = append(f.value, []rune(msg.Text)...)
	return true, true
}

// View draws the field with a prompt and a block cursor.
func (f *field) View(th *theme, prompt string, width int) string {
	v := string(f.value)
	room := width - len([]rune(prompt)) - 1
	if r := []rune(v); len(r) > room && room > 0 {
		v = "…" + string(r[len(r)-room+1:])
	}
	return th.Prompt.Render(prompt) + th.Input.Render(v) + th.Status.Render(" ")
}

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
		s.field.set("")
		s.query = ""
		return searchCancel
	case key.Matches(msg, k.NextMatch):
		return searchNext
	case key.Matches(msg, k.PrevMatch):
		return searchPrev
	}
	if _, changed := s.field.Update(msg); changed {
		s.query = strings.TrimSpace(s.field.String())
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
		f.Query = strings.TrimSpace(f.Query + " " + query)
		res.matchPos = lay.positionsOf(c.Query(f))
		return res
	}
}

// highlightWords returns the lower-cased word prefixes to highlight for a
// filter's words and a search query.
func highlightWords(filterQuery, query string) []string {
	return append(model.Words(filterQuery), model.Words(query)...)
}
