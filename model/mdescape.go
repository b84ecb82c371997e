package model

import (
	"strings"
	"unicode"
)

// EscapeMarkdown makes s safe to place as inline text in generated
// Markdown (CommonMark and GitHub Flavored Markdown): in a paragraph, a
// block quote, a list item, a heading or a table cell.
//
//   - Every ASCII character that inline Markdown or GFM reads as markup is
//     backslash-escaped: \ ` * _ [ ] < > | ~ and & (entities). `|` is
//     included so the text can stand in a table cell.
//   - Line breaks and tabs (and runs of white space around them) become one
//     space, so the result is a single inline run that cannot start a new
//     block; other control characters are dropped.
//   - At the start of the result, characters that would open a block
//     (# heading, > quote, - + list, = setext, "1." or "1)" ordered list)
//     are escaped too, for callers that put the text at the start of a line.
//
// The result reads the same as s in a terminal apart from the backslashes,
// and renders as exactly s. Shared by the export and comparison renderers.
func EscapeMarkdown(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		s = strings.Join(strings.Fields(s), " ") // line breaks and tabs: one space
		s = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return -1
			}
			return r
		}, s)
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	// a block marker at the very start
	switch {
	case s == "":
		return ""
	case strings.IndexByte("#>-+=", s[0]) >= 0:
		b.WriteByte('\\')
		b.WriteByte(s[0])
		s = s[1:]
	default:
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
			b.WriteString(s[:i])
			b.WriteByte('\\')
			b.WriteByte(s[i])
			s = s[i+1:]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&':
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}
