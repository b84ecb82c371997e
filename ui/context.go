package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"github.com/quotetrail/quotetrail/model"
)

// programContext is what the views of the reader share and none keeps a
// copy of: the options, the corpus, the theme, the keys that work in
// every view, the terminal's size, the filters in force, the marks and
// the status line's note — gh-dash's ProgramContext, soft-serve's
// common.Common. The root model makes it once, on the heap, and every view
// holds the same pointer: what the root changes (a theme, a size, a
// filter) is what each view reads when it next draws, with nothing copied
// into it.
//
// The root and the views change it through its fields and the methods
// below; a view's own state (a selection, a scroll position, a field) stays
// in the view.
type programContext struct {
	opt Options

	c           *model.Corpus // nil while the corpus loads
	docWarnings int           // warnings on the documents, counted once for the status line

	th            *theme
	dark, noColor bool
	help          help.Model // draws key bindings in the theme's help styles

	// global are the keys that work in every view that lists them in its
	// key map (q, ?, m; ctrl+c always): the views' key maps point here.
	global globalKeys
	// opens are the registered views' open keys, in registration order:
	// the timeline handles them and lists them in its help.
	opens []opener

	width, height int // the terminal's
	mouse         bool

	filter model.Filter // the filters in force (speakers, topics, periods…)
	// only is the search the timeline is narrowed to (&), "" when every
	// statement the filters select is shown
	only string
	// shown are the statements the timeline shows, in its order; hl the
	// word prefixes highlighted (the filter's words and the search's)
	shown []int
	hl    []string

	marks map[int]bool
	flash string // a one-off note for the status line, until the next key

	// syncLimit is the largest corpus filtered, searched and compared
	// within the frame; larger ones are done in commands.
	syncLimit int
}

// opener is a registered view's open key.
type opener struct {
	id      viewID
	binding *key.Binding
}

// viewFilter is the filter of what the timeline shows: the filters, and
// the search words too while the timeline is narrowed to the matches (&).
// The comparison and the export take it.
func (x *programContext) viewFilter() model.Filter {
	f := x.filter
	if x.only != "" {
		f.Query = joinWords(f.Query, x.only)
	}
	return f
}

// toggleMark marks or unmarks a statement.
func (x *programContext) toggleMark(id int) {
	if x.marks[id] {
		delete(x.marks, id)
	} else {
		x.marks[id] = true
	}
}

// problems counts the skipped files and the warnings (load-wide and per
// document).
func (x *programContext) problems() (skipped, warnings int) {
	if x.c == nil {
		return 0, 0
	}
	return len(x.c.Skipped), len(x.c.Warnings) + x.docWarnings
}

// bodyHeight is the rows a view draws in under the title bar and above the
// status and key lines.
func (x *programContext) bodyHeight() int { return max(1, x.height-3) }

// tooSmall reports whether the terminal is below the smallest size the
// reader draws in.
func (x *programContext) tooSmall() bool { return x.width < minWidth || x.height < minHeight }

// setTheme builds the styles for the light or dark background and the
// colour setting; the views read them when they next draw.
func (x *programContext) setTheme() {
	x.th = newTheme(x.dark, x.noColor)
	x.help.Styles = x.th.Help
}
