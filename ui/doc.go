// Package ui is quotetrail's reader: a Bubble Tea program that shows the
// statements of a corpus on a 2020–2025 timeline, filters them by speaker,
// topic, period and words, opens each one in its article, sets the wording
// before the Biden/Trump split beside the wording after it, and exports
// what is shown to Markdown.
//
// The root model (app.go) holds the programContext the views share
// (context.go: options, corpus, theme, the global keys, size, filters,
// marks), routes messages to the views and decides what they ask for.
// Each view is a component that keeps the contract in component.go —
// Update, View() string, SetSize, its help.KeyMap, and the actions it
// returns — in a file of its own, registered in views.go:
//
//	timeline.go  the timeline (home), with search.go (/), datejump.go (d),
//	             status.go (its status line) and layout.go (its rows)
//	reader.go    the reader pane: a statement in full, inside its article
//	picker.go    the speaker and topic picker
//	compare.go   the compare view: before and after the split
//	export.go    the export dialog, and copying as Markdown
//	help.go      the full help of the view below it (?)
//	warnings.go  the skipped files and warnings (w)
//	loading.go   the progress of the load
//
// Shared parts: rows.go (the row viewport of the timeline and the compare
// panes: only what is on screen is measured and drawn), field.go (the one
// text field, bubbles' textinput), pager.go (a window of lines), keys.go
// (the key maps), theme.go (the styles, built in one place), text.go
// (wrapping and styling text), guard.go (panics give the terminal back).
package ui
