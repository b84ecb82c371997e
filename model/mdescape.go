package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// EscapeMarkdown makes s safe to place as inline text in generated
// Markdown (CommonMark and GitHub Flavored Markdown): in a paragraph, a
// block quote, a list item, a heading or a table cell.
//
//   - Every ASCII character that inline Markdown or GFM reads as markup is
//     backslash-escaped: \ ` * _ [ ] < > | ~ and & (entities). `|` is
//     included so the text can stand in a table cell.
//
//   - Line breaks and tabs (and runs of white space around them) become one
//     space, so the result is a single inline run that cannot start a new
//     block; other control characters are dropped.
//
//   - At the start of the result, characters that would open a block
//     (# heading, > quote, - + list, = setext, : table delimiter row, "1." or
//     "1)" ordered list)
//     are escaped too, for callers that put the text at the start of a line.
//
//   - What GitHub reads beyond CommonMark is escaped too (mdExtra): "$"
//     (math), "#" anywhere, emoji short codes, and bare URLs.
//
// The result reads the same as s in a terminal apart from the backslashes,
// and renders as exactly s. Shared by the export and comparison renderers.
func EscapeMarkdown(s string) string {
	if hasControl(s) {
		s = strings.Join(strings.Fields(s), " ") // line breaks and tabs: one space
		s = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return -1
			}
			return r
		}, s)
	}
	var b strings.Builder
	// a block marker at the very start
	switch {
	case s == "":
		return ""
	case strings.IndexByte("#>-+=:", s[0]) >= 0: // ":" opens a GFM table delimiter row (":-", ":--:")
		b.Grow(len(s) + 8)
		b.WriteByte('\\')
		b.WriteByte(s[0])
		s = s[1:]
	default:
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
			b.Grow(len(s) + 8)
			b.WriteString(s[:i])
			b.WriteByte('\\')
			b.WriteByte(s[i])
			s = s[i+1:]
		}
	}
	if !hasMarkup(s) {
		// nothing inside to escape (most text): no copy
		if b.Len() == 0 {
			return mdExtra(s)
		}
		b.WriteString(s)
		return mdExtra(b.String())
	}
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isMarkup(c) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return mdExtra(b.String())
}

// markup marks the bytes EscapeMarkdown escapes anywhere.
var markup = func() (t [256]bool) {
	for _, c := range []byte("\\`*_[]<>|~&") {
		t[c] = true
	}
	return t
}()

func isMarkup(c byte) bool { return markup[c] }

func hasMarkup(s string) bool {
	for i := 0; i < len(s); i++ {
		if isMarkup(s[i]) {
			return true
		}
	}
	return false
}

// hasControl is strings.IndexFunc(s, unicode.IsControl) >= 0, reading
// ASCII bytes without decoding them.
func hasControl(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsControl(r) {
			return true
		}
		i += n
	}
	return false
}

// mdExtra adds to EscapeMarkdown's output the escapes GitHub needs beyond
// CommonMark: "$" (math), "#" anywhere (the closing sequence of a
// heading), the ":" that opens an emoji short code (":smile:"), and the
// ":" of "://" and the "." of a leading "www." so that a URL in an
// article stays text rather than becoming a link (an e-mail address may
// still be linked; its text is unchanged). It skips the backslash escapes
// already there.
func mdExtra(s string) string {
	if !mdExtraNeeded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			b.WriteByte(c)
			i++
			c = s[i]
		case c == '#' || c == '$':
			b.WriteByte('\\')
		case c == ':' && (strings.HasPrefix(s[i+1:], "//") || shortcodeAt(s[i+1:])):
			b.WriteByte('\\')
		case (c == 'w' || c == 'W') && len(s)-i >= 4 && strings.EqualFold(s[i:i+4], "www.") &&
			(i == 0 || !mdAlnum(s[i-1])):
			b.WriteString(s[i : i+3])
			b.WriteByte('\\')
			i += 3
			c = '.'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdExtraNeeded reports whether mdExtra changes s: it walks s as mdExtra
// does, without writing.
func mdExtraNeeded(s string) bool {
	if !strings.ContainsAny(s, "#$:wW") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
		case c == '#' || c == '$':
			return true
		case c == ':' && (strings.HasPrefix(s[i+1:], "//") || shortcodeAt(s[i+1:])):
			return true
		case (c == 'w' || c == 'W') && len(s)-i >= 4 && strings.EqualFold(s[i:i+4], "www.") &&
			(i == 0 || !mdAlnum(s[i-1])):
			return true
		}
	}
	return false
}

// shortcodeAt reports whether s, the escaped text after a ":", would
// complete an emoji short code such as ":smile:", ":+1:" or
// ":smile\_cat:" (GitHub reads short codes after escapes are resolved).
func shortcodeAt(s string) bool {
	n := 0
	for j := 0; j < len(s) && j < 80; j++ {
		c := s[j]
		if c == '\\' && j+1 < len(s) {
			j++
			c = s[j]
		}
		switch {
		case c == ':':
			return n > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '+', c == '-':
		case '0' <= c && c <= '9', c == '_':
			if n == 0 {
				return false // ":30:" is a time, not an emoji
			}
		default:
			return false
		}
		n++
	}
	return false
}

func mdAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
