// Package ui is quotetrail's reader: a Bubble Tea program that shows the
// statements of a corpus on a 2020–2025 timeline, filters them by speaker,
// topic, period and words, and opens each one in its article.
//
// The root model (app.go) owns the corpus, the filters, the marks and
// the routing; each view is a small component in a file of its own
// (timeline.go, reader.go, picker.go, search.go, status.go, help.go).
package ui
