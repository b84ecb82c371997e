package corpus

// The decode pass: bytes → valid, NFC-normalised, repaired text that can
// never drive a terminal.
//
//	Decode          detects the encoding and decodes, then repairs and sanitizes
//	RepairMojibake  undoes CP1251-read-as-Latin-1 and UTF-8-read-as-CP1252
//	Sanitize        strips control characters and escape sequences

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/quotetrail/quotetrail/model"
)

// Decode turns raw bytes into text: it detects the encoding (UTF-8 with or
// without BOM, UTF-16 with BOM — or without one when the NUL pattern is
// unmistakable —, legacy single-byte Windows-1252 or, when the high bytes
// look Cyrillic, Windows-1251), repairs mojibake, normalises to NFC and
// strips terminal controls. It returns the text, the encoding name and the
// repairs, whose offsets are into the returned text.
func Decode(b []byte) (text, encoding string, repairs []model.Repair) {
	text, encoding, repairs = decodeBytes(b)
	var mr []model.Repair
	text, mr = RepairMojibake(text)
	repairs = append(repairs, mr...)
	if clean := Sanitize(text); clean != text {
		text = clean
		relocate(text, repairs)
	}
	return text, encoding, repairs
}

// decodeBytes picks the encoding and decodes b; it repairs nothing but
// records a legacy or lossy decode as a repair.
func decodeBytes(b []byte) (string, string, []model.Repair) {
	switch {
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		s, reps := decodeUTF8(b[3:])
		return s, "utf-8", reps
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		return decodeUTF16(b, xunicode.LittleEndian, xunicode.ExpectBOM), "utf-16le", nil
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return decodeUTF16(b, xunicode.BigEndian, xunicode.ExpectBOM), "utf-16be", nil
	}
	if e, ok := sniffUTF16(b); ok {
		if e == xunicode.LittleEndian {
			return decodeUTF16(b, e, xunicode.IgnoreBOM), "utf-16le", nil
		}
		return decodeUTF16(b, e, xunicode.IgnoreBOM), "utf-16be", nil
	}
	if utf8.Valid(b) {
		return string(b), "utf-8", nil
	}
	if mostlyUTF8(b) {
		s, reps := decodeUTF8(b)
		return s, "utf-8", reps
	}
	cm, name := charmap.Windows1252, "windows-1252"
	if looksCyrillic(b) {
		cm, name = charmap.Windows1251, "windows-1251"
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	first := -1
	var firstRune rune
	var firstByte byte
	for _, c := range b {
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
			continue
		}
		r := cm.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c) // bytes the table leaves undefined pass through as C1
		}
		if first < 0 && !unicode.IsControl(r) && !invisible(r) {
			first, firstRune, firstByte = sb.Len(), r, c
		}
		sb.WriteRune(r)
	}
	// the repair shows the first byte that became a visible character (a
	// file of only undefined bytes gets an empty one)
	reps := []model.Repair{{Kind: "decode:" + name, Offset: -1}}
	if first >= 0 {
		reps[0].Before, reps[0].After, reps[0].Offset = fmt.Sprintf(`\x%02x`, firstByte), string(firstRune), first
	}
	return sb.String(), name, reps
}

// decodeUTF8 replaces invalid bytes with U+FFFD and records the first.
func decodeUTF8(b []byte) (string, []model.Repair) {
	if utf8.Valid(b) {
		return string(b), nil
	}
	var sb strings.Builder
	sb.Grow(len(b))
	var reps []model.Repair
	bad := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if bad == 0 {
				reps = append(reps, model.Repair{Kind: "decode:invalid-utf8", Before: fmt.Sprintf(`\x%02x`, b[i]), After: "\uFFFD", Offset: sb.Len()})
			}
			bad++
			sb.WriteString("\uFFFD")
			i++
			continue
		}
		sb.Write(b[i : i+size])
		i += size
	}
	if bad > 1 {
		reps[0].Before = fmt.Sprintf(`%s (and %d more invalid bytes)`, reps[0].Before, bad-1)
	}
	return sb.String(), reps
}

func decodeUTF16(b []byte, e xunicode.Endianness, bom xunicode.BOMPolicy) string {
	out, err := xunicode.UTF16(e, bom).NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// sniffUTF16 recognises BOM-less UTF-16 text by its NUL bytes: mostly
// ASCII text has a zero in every other byte.
func sniffUTF16(b []byte) (xunicode.Endianness, bool) {
	n := min(len(b), 4096) &^ 1
	if n < 8 {
		return xunicode.LittleEndian, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			zeroEven++
		}
		if b[i+1] == 0 {
			zeroOdd++
		}
	}
	half := n / 2
	switch {
	case zeroOdd*10 >= half*6 && zeroEven*20 <= half:
		return xunicode.LittleEndian, true
	case zeroEven*10 >= half*6 && zeroOdd*20 <= half:
		return xunicode.BigEndian, true
	}
	return xunicode.LittleEndian, false
}

// mostlyUTF8 reports whether invalid bytes are strays in UTF-8 text rather
// than a legacy encoding: valid multi-byte sequences outnumber them.
func mostlyUTF8(b []byte) bool {
	var valid, invalid int
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if !utf8.FullRune(b[i:]) {
				break // a sequence cut off by the end of the file: truncated UTF-8, no evidence of a legacy encoding
			}
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid > 2*invalid
}

// looksCyrillic reports whether the high bytes of legacy text are Cyrillic
// letters in Windows-1251 rather than accents in Windows-1252: Cyrillic
// words are made of high bytes only, so most high letters stand next to
// another, while Western accents stand alone between ASCII letters.
func looksCyrillic(b []byte) bool {
	var high, paired int
	for i, c := range b {
		if c < 0xC0 {
			continue
		}
		high++
		if (i > 0 && b[i-1] >= 0xC0) || (i+1 < len(b) && b[i+1] >= 0xC0) {
			paired++
		}
	}
	return high >= 3 && paired*10 >= high*7
}

// RepairMojibake repairs, in already decoded text, UTF-8 read as CP1252
// ("â€™" → "’") and CP1251 Cyrillic read as Latin-1 or CP1252
// ("Ðîññèÿ" → "Россия"), each only where the round trip is lossless and the
// result plausible, and normalises the text to NFC. Repair offsets are into
// the returned text.
func RepairMojibake(s string) (string, []model.Repair) {
	var reps []model.Repair
	// Doubly encoded text needs a second round of the UTF-8 repair.
	for round := 0; round < 3; round++ {
		out, r, in := repairUTF8AsCP1252(s)
		if len(r) == 0 {
			break
		}
		if round > 0 {
			r = compose(reps, r, in)
			relocate(out, reps)
		}
		s, reps = out, append(reps, r...)
	}
	if out, r := repairCP1251AsLatin1(s); len(r) > 0 {
		relocate(out, reps)
		s, reps = out, append(reps, r...)
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
		relocate(s, reps)
	}
	// a repair that produced a control or invisible character (which
	// sanitizing removes) shows it escaped
	for i := range reps {
		reps[i].After = displaySafe(reps[i].After)
	}
	return s, reps
}

// compose folds a later round's repairs into the earlier repairs whose
// output they repair again (doubly encoded text), so each place has one
// repair from the original to the final text. in holds where each new
// repair's Before stands in the earlier round's output. It returns the repairs that stand
// alone.
func compose(prev, next []model.Repair, in []inSpan) []model.Repair {
	var out []model.Repair
	for k, n := range next {
		merged := false
		for i := range prev {
			p := &prev[i]
			start, end := p.Offset, p.Offset+len(p.After)
			if p.Offset >= 0 && in[k].start >= start && in[k].start < end {
				// the new repair starts inside p's output: rewrite p's output
				cut := min(end, in[k].start+in[k].len)
				p.After = p.After[:in[k].start-start] + n.After + p.After[cut-start:]
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, n)
		}
	}
	return out
}

// relocate points each repair's Offset at its After text in s, searching
// forward in order; changes around the repairs (NFC, sanitizing) only move
// them. A repair whose After is gone keeps an Offset of -1.
func relocate(s string, reps []model.Repair) {
	at := 0
	for i := range reps {
		if reps[i].After == "" {
			continue
		}
		from := min(max(reps[i].Offset-64, at), len(s))
		j := strings.Index(s[from:], reps[i].After)
		if j < 0 {
			j = strings.Index(s[at:], reps[i].After)
			from = at
		}
		if j < 0 {
			reps[i].Offset = -1
			continue
		}
		reps[i].Offset = from + j
		at = reps[i].Offset + len(reps[i].After)
	}
}

// cp1252Byte maps a rune back to the byte CP1252 (or, for the five bytes
// CP1252 leaves undefined, Latin-1) would have decoded it from.
func cp1252Byte(r rune) (byte, bool) {
	switch {
	case r < 0x80:
		return byte(r), true
	case r >= 0xA0 && r <= 0xFF:
		return byte(r), true
	case r == 0x81 || r == 0x8D || r == 0x8F || r == 0x90 || r == 0x9D:
		return byte(r), true
	}
	return charmap.Windows1252.EncodeRune(r)
}

// inSpan is where a repair's Before stood in the text it repaired.
type inSpan struct{ start, len int }

// repairUTF8AsCP1252 finds sequences of runes whose CP1252 bytes form one
// valid multi-byte UTF-8 character and replaces them with it. Adjacent
// repaired characters make one repair.
func repairUTF8AsCP1252(s string) (string, []model.Repair, []inSpan) {
	// fast path: every such sequence starts with a rune in Â…ô
	found := false
	for _, r := range s {
		if r >= 0xC2 && r <= 0xF4 {
			found = true
			break
		}
	}
	if !found {
		return s, nil, nil
	}
	var sb strings.Builder
	var reps []model.Repair
	var in []inSpan
	var buf [4]byte
	last := 0  // s[last:i] is not yet copied
	open := -1 // index in reps of a repair that the next one may extend
	openEnd := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		lead, ok := cp1252Byte(r)
		n := 0
		switch {
		case !ok || r < 0x80:
		case lead >= 0xC2 && lead <= 0xDF:
			n = 1
		case lead >= 0xE0 && lead <= 0xEF:
			n = 2
		case lead >= 0xF0 && lead <= 0xF4:
			n = 3
		}
		if n == 0 {
			i += size
			continue
		}
		buf[0] = lead
		j := i + size
		okSeq := true
		for k := 1; k <= n; k++ {
			if j >= len(s) {
				okSeq = false
				break
			}
			c, cs := utf8.DecodeRuneInString(s[j:])
			cb, ok := cp1252Byte(c)
			if !ok || c < 0x80 || cb < 0x80 || cb > 0xBF {
				okSeq = false
				break
			}
			buf[k] = cb
			j += cs
		}
		if !okSeq {
			i += size
			continue
		}
		dr, ds := utf8.DecodeRune(buf[:n+1])
		if dr == utf8.RuneError || ds != n+1 || unicode.IsControl(dr) {
			i += size
			continue
		}
		sb.WriteString(s[last:i])
		if open >= 0 && openEnd == i {
			in[open].len += j - i // extend the repair: strings are cut at the end
		} else {
			reps = append(reps, model.Repair{Kind: "utf8-as-cp1252", Offset: sb.Len()})
			in = append(in, inSpan{i, j - i})
			open = len(reps) - 1
		}
		sb.WriteRune(dr)
		openEnd = j
		last, i = j, j
	}
	if len(reps) == 0 {
		return s, nil, nil
	}
	sb.WriteString(s[last:])
	out := sb.String()
	for k := range reps {
		before := s[in[k].start : in[k].start+in[k].len]
		reps[k].Before = displaySafe(before)
		reps[k].After = out[reps[k].Offset : reps[k].Offset+repairedLen(before)]
	}
	return out, reps, in
}

// repairedLen is the length in bytes of what a run of UTF-8-as-CP1252
// mojibake decodes to: one byte per rune of the run.
func repairedLen(run string) int { return utf8.RuneCountInString(run) }

// displaySafe shows the control and invisible characters of a repair's
// text as \u escapes.
func displaySafe(s string) string {
	unsafe := func(r rune) bool { return unicode.IsControl(r) || invisible(r) }
	if !strings.ContainsFunc(s, unsafe) {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		if unsafe(r) {
			fmt.Fprintf(&sb, `\u%04X`, r)
		} else {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// mojiLetter reports whether r is what a CP1251 Cyrillic letter becomes when
// read as Latin-1: À…ÿ for А…я, and the few extra letters of Ukrainian and
// Belarusian (Ёё Єє Її Іі Ґґ Ўў). extra marks the latter, which count only
// inside a word that has À…ÿ letters too.
func mojiLetter(r rune) (ok, extra bool) {
	if r >= 0xC0 && r <= 0xFF {
		return true, false
	}
	switch r {
	case 0xA8, 0xB8, 0xAA, 0xBA, 0xAF, 0xBF, 0xB2, 0xB3, 0xA5, 0xB4, 0xA1, 0xA2:
		return true, true
	}
	return false, false
}

func wordRune(r rune) bool {
	if ok, _ := mojiLetter(r); ok {
		return true
	}
	return unicode.IsLetter(r)
}

// repairCP1251AsLatin1 finds runs of words written wholly in mojibake
// letters (separated by spaces, digits and punctuation on one line) and
// decodes them as CP1251 when the result is plausible Cyrillic.
func repairCP1251AsLatin1(s string) (string, []model.Repair) {
	found := false
	for _, r := range s {
		if r >= 0xC0 && r <= 0xFF {
			found = true
			break
		}
	}
	if !found {
		return s, nil
	}
	type word struct{ start, end int }
	var sb strings.Builder
	var reps []model.Repair
	last := 0
	var run []word // moji words of the current run

	flush := func() {
		if len(run) == 0 {
			return
		}
		start, end := run[0].start, run[len(run)-1].end
		before := s[start:end]
		after, ok := cp1251Plausible(before)
		run = run[:0]
		if !ok {
			return
		}
		sb.WriteString(s[last:start])
		reps = append(reps, model.Repair{Kind: "cp1251-as-latin1", Before: before, After: after, Offset: sb.Len()})
		sb.WriteString(after)
		last = end
	}

	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsControl(r) || invisible(r) { // runs stay on one line of plain text
			flush()
			i += size
			continue
		}
		if !wordRune(r) {
			i += size
			continue
		}
		// a word
		ws := i
		allMoji, primary := true, false
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			if !wordRune(r) {
				break
			}
			ok, extra := mojiLetter(r)
			if !ok {
				allMoji = false
			} else if !extra {
				primary = true
			}
			i += size
		}
		if allMoji && primary {
			run = append(run, word{ws, i})
		} else {
			flush()
		}
	}
	flush()
	if len(reps) == 0 {
		return s, nil
	}
	sb.WriteString(s[last:])
	return sb.String(), reps
}

// cp1251Plausible decodes a run of mojibake as CP1251 and says whether the
// result reads as Cyrillic words: five letters or more, a word of four,
// and nearly every word with a normal case pattern (lower, Capitalised or
// UPPER) and, when longer than three letters, a vowel.
func cp1251Plausible(run string) (string, bool) {
	var sb strings.Builder
	letters := 0
	for _, r := range run {
		if ok, _ := mojiLetter(r); ok {
			sb.WriteRune(charmap.Windows1251.DecodeByte(byte(r)))
			letters++
		} else {
			sb.WriteRune(r)
		}
	}
	out := sb.String()
	if letters < 5 {
		return "", false
	}
	good, total, long := 0, 0, false
	for _, w := range strings.FieldsFunc(out, func(r rune) bool { return !unicode.IsLetter(r) }) {
		total++
		n := utf8.RuneCountInString(w)
		if n >= 4 {
			long = true
		}
		if cyrillicWordOK(w, n) {
			good++
		}
	}
	if !long || total == 0 || good*10 < total*8 {
		return "", false
	}
	return out, true
}

func cyrillicWordOK(w string, n int) bool {
	upper, lower, vowel := 0, 0, false
	firstUpper := false
	for i, r := range w {
		if !unicode.Is(unicode.Cyrillic, r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
			if i == 0 {
				firstUpper = true
			}
		} else {
			lower++
		}
		if strings.ContainsRune("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ", r) {
			vowel = true
		}
	}
	caseOK := upper == 0 || lower == 0 || (upper == 1 && firstUpper)
	return caseOK && (vowel || n <= 3)
}

// Sanitize makes text safe to show in a terminal, in one pass: it turns
// \r\n, lone \r, NEL and the Unicode line and paragraph separators into \n;
// removes whole ANSI escape sequences (CSI, OSC, DCS, SOS, PM, APC and
// two-byte escapes), every other C0 control but \t and \n, DEL and every C1
// control; removes the bidi embedding, override and isolate controls that
// can reorder what is displayed (U+202A–U+202E, U+2066–U+2069), invisible
// characters no text needs (zero-width space, word joiner, BOM, soft
// hyphen, deprecated format controls, tag characters, non-characters) and
// replaces invalid UTF-8 with U+FFFD. ZWJ and ZWNJ, which scripts and emoji
// need, stay. Text with nothing to strip is returned as is.
func Sanitize(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7F):
				b.WriteByte(c)
				i++
			case c == '\r':
				b.WriteByte('\n')
				i++
				if i < len(s) && s[i] == '\n' {
					i++
				}
			case c == 0x1B:
				i = skipEscape(s, i)
			default: // other C0 controls and DEL
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString("\uFFFD")
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
		case r >= 0x80 && r <= 0x9F:
			// C1 controls: without its introducer a sequence is inert text
		case invisible(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstUnsafe returns the index of the first byte Sanitize would change,
// or -1.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r >= 0x80 && r <= 0x9F) || r == 0x2028 || r == 0x2029 || invisible(r) {
			return i
		}
		i += size
	}
	return -1
}

// invisible reports the format characters Sanitize removes.
func invisible(r rune) bool {
	switch {
	case r == 0x00AD, // soft hyphen
		r == 0x200B,                // zero-width space
		r == 0x2060,                // word joiner
		r == 0xFEFF,                // BOM / zero-width no-break space
		r >= 0x202A && r <= 0x202E, // bidi embeddings and overrides
		r >= 0x2066 && r <= 0x2069, // bidi isolates
		r >= 0x206A && r <= 0x206F, // deprecated format controls
		r >= 0xFFF9 && r <= 0xFFFB, // interlinear annotation
		r == 0xFFFE || r == 0xFFFF,
		r >= 0xE0000 && r <= 0xE007F: // tag characters
		return true
	}
	return false
}

// skipEscape returns the index just past the escape sequence starting with
// ESC at s[i]. String sequences (OSC, DCS, SOS, PM, APC) end at BEL or ST;
// one left unterminated ends at the end of its line, so a stray ESC cannot
// swallow the article.
func skipEscape(s string, i int) int {
	j := i + 1
	if j >= len(s) {
		return j
	}
	switch c := s[j]; {
	case c == '[': // CSI: parameters, intermediates, final byte
		j++
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3F {
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7E {
			j++
		}
		return j
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		j++
		for j < len(s) {
			switch {
			case s[j] == 0x07:
				return j + 1
			case s[j] == 0x1B:
				if j+1 < len(s) && s[j+1] == '\\' {
					return j + 2
				}
				return j // a new sequence starts
			case s[j] == '\n' || s[j] == '\r':
				return j
			case s[j] == 0xC2 && j+1 < len(s) && s[j+1] == 0x9C: // 8-bit ST
				return j + 2
			}
			j++
		}
		return j
	case c >= 0x20 && c <= 0x2F: // nF: intermediates then a final byte
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
			j++
		}
		if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7E {
			j++
		}
		return j
	case c >= 0x30 && c <= 0x7E: // two-byte escape (ESC c, ESC 7, ESC M …)
		return j + 1
	}
	return j
}
