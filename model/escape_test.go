package model

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The escaping behind the Markdown export skips its work on text that
// needs none (most of it); these are the functions as first written, to
// check the fast paths against on hostile text.

func refEscapeMarkdown(s string) string {
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
	case strings.IndexByte("#>-+=:", s[0]) >= 0: // ":" opens a GFM table delimiter row (":-", ":--:")
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
	return refMdExtra(b.String())
}

func refMdExtra(s string) string {
	if !strings.ContainsAny(s, "#$:wW") {
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

func refStripControl(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (r != '\n' && controlMap(r) != r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if m := controlMap(r); m >= 0 {
			b.WriteRune(m)
		}
	}
	return b.String()
}

func refExportField(s string) string {
	return strings.Join(strings.Fields(refStripControl(s)), " ")
}

func refMdLines(s string) []string {
	lines := strings.Split(refStripControl(s), "\n")
	for i, l := range lines {
		lines[i] = refEscapeMarkdown(strings.TrimSpace(l))
	}
	return lines
}

func TestEscapingIsReference(t *testing.T) {
	pieces := []string{"a", "#", "$", ":", "://", ":smile:", ":+1:", "www.", "WWW.x", "\\", "`", "*", "_", "[", "]", "<", ">", "|",
		"~", "&", "1.", "2)", "-", "+", "=", " ", "  ", "\n", "\r\n", "\t", "\x00", "\x7f", "\u0085", "\u2028", "\u202a",
		"\ufeff", "\xff", "\ufffd", "é", "“", "”", "\"", "«", "w", "http://x.y", " \u00a0 ", "\u3000", "\x1b[1m"}
	rng := rand.New(rand.NewPCG(5, 5))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		check := func(name, got, want string) {
			if got != want {
				t.Fatalf("%s(%q) = %q, want %q", name, s, got, want)
			}
		}
		check("EscapeMarkdown", EscapeMarkdown(s), refEscapeMarkdown(s))
		check("mdExtra", mdExtra(s), refMdExtra(s))
		check("stripControl", stripControl(s), refStripControl(s))
		check("exportField", exportField(s), refExportField(s))
		check("mdLines", strings.Join(mdLines(s), "\n"), strings.Join(refMdLines(s), "\n"))
	}
}

// Reported speech is labelled with its cue, escaped like any article text.
func TestExportCue(t *testing.T) {
	for cue, want := range map[string]string{
		"denied": "> *(reported; cue “denied”)* the accusations\n",
		"":       "> *(reported)* the accusations\n",
		"*said*": "> *(reported; cue “\\*said\\*”)* the accusations\n",
	} {
		var b bytes.Buffer
		writeQuote(&b, &Statement{Kind: Indirect, Text: "the accusations", Cue: cue})
		if got := b.String(); got != want {
			t.Errorf("cue %q: got %q, want %q", cue, got, want)
		}
	}
}
