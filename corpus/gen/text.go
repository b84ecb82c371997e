package gen

import (
	"math/rand/v2"
	"strconv"
	"unicode/utf8"
)

type rng = rand.Rand

func newRNG(seed int64, stream uint64, i int) *rng {
	return rand.New(rand.NewPCG(uint64(seed)*0x9E3779B97F4A7C15+stream, uint64(i)^stream<<32))
}

func pick[T any](r *rng, xs []T) T { return xs[r.IntN(len(xs))] }

// expand appends one entry of b, filled in, to dst.
func expand(dst []byte, b *bank, r *rng) []byte {
	return expandSegs(dst, b.entries[r.IntN(len(b.entries))], r)
}

func expandSegs(dst []byte, segs []seg, r *rng) []byte {
	for _, s := range segs {
		switch {
		case s.bank != nil:
			dst = expand(dst, s.bank, r)
		case s.fn != fnNone:
			dst = builtin(dst, s.fn, r)
		default:
			dst = append(dst, s.lit...)
		}
	}
	return dst
}

func builtin(dst []byte, fn int, r *rng) []byte {
	switch fn {
	case fnN:
		switch r.IntN(4) {
		case 0:
			return appendThousands(dst, 1000+r.IntN(30)*1000)
		case 1:
			return strconv.AppendInt(dst, int64(10+r.IntN(490)), 10)
		case 2:
			return appendThousands(dst, 10000+r.IntN(90)*500)
		}
		return strconv.AppendInt(dst, int64(2+r.IntN(48)), 10)
	case fnYear:
		return strconv.AppendInt(dst, int64(2014+r.IntN(8)), 10)
	case fnHours:
		return strconv.AppendInt(dst, int64(2+r.IntN(10)), 10)
	case fnRate:
		dst = strconv.AppendInt(dst, int64(60+r.IntN(50)), 10)
		dst = append(dst, '.')
		return strconv.AppendInt(dst, int64(10+r.IntN(90)), 10)
	case fnMoney:
		dst = append(dst, '$')
		dst = strconv.AppendInt(dst, int64(1+r.IntN(40)), 10)
		dst = append(dst, '.')
		dst = strconv.AppendInt(dst, int64(r.IntN(10)), 10)
		return append(dst, " billion"...)
	case fnPct:
		return strconv.AppendInt(dst, int64(5+r.IntN(90)), 10)
	case fnSmall:
		return strconv.AppendInt(dst, int64(2+r.IntN(9)), 10)
	case fnPrice:
		dst = strconv.AppendInt(dst, int64(55+r.IntN(60)), 10)
		dst = append(dst, '.')
		return strconv.AppendInt(dst, int64(10+r.IntN(90)), 10)
	}
	return dst
}

func appendThousands(dst []byte, n int) []byte {
	if n < 1000 {
		return strconv.AppendInt(dst, int64(n), 10)
	}
	dst = appendThousands(dst, n/1000)
	dst = append(dst, ',')
	x := n % 1000
	if x < 100 {
		dst = append(dst, '0')
	}
	if x < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, int64(x), 10)
}

// capAt upper-cases the ASCII letter at b[i], if any.
func capAt(b []byte, i int) {
	if i < len(b) && b[i] >= 'a' && b[i] <= 'z' {
		b[i] -= 'a' - 'A'
	}
}

// lowerAt lower-cases b[i] unless the word is a name-like capitalised word
// we keep ("Moscow", "Washington", "NATO"…): only "The"/"We"/"It"… go down.
func lowerFirst(b []byte, i int) {
	if i+1 < len(b) && b[i] >= 'A' && b[i] <= 'Z' && b[i+1] >= 'a' && b[i+1] <= 'z' {
		// keep proper nouns: a small list of sentence-initial function words
		end := i
		for end < len(b) && b[end] != ' ' && b[end] != ',' {
			end++
		}
		switch string(b[i:end]) {
		case "The", "We", "It", "There", "This", "Our", "Nobody", "Without", "As", "Any", "Unfortunately", "Everything", "Whoever", "These", "Flexibility", "I":
			if string(b[i:end]) != "I" {
				b[i] += 'a' - 'A'
			}
		}
	}
}

var cp1252 = [32]rune{
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
	0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
}

// mojibake1252 appends src's UTF-8 bytes read as Windows-1252 ("’" → "â€™").
func mojibake1252(dst, src []byte) []byte {
	for _, c := range src {
		switch {
		case c < 0x80:
			dst = append(dst, c)
		case c < 0xA0:
			dst = utf8.AppendRune(dst, cp1252[c-0x80])
		default:
			dst = utf8.AppendRune(dst, rune(c))
		}
	}
	return dst
}

// mojibake1251 appends Russian text encoded as Windows-1251 and read as
// Latin-1 ("Россия" → "Ðîññèÿ").
func mojibake1251(dst []byte, src string) []byte {
	for _, r := range src {
		var c byte
		switch {
		case r < 0x80:
			c = byte(r)
		case r >= 'А' && r <= 'я':
			c = byte(r - 'А' + 0xC0)
		case r == 'Ё':
			c = 0xA8
		case r == 'ё':
			c = 0xB8
		case r == '«':
			c = 0xAB
		case r == '»':
			c = 0xBB
		case r == '–':
			c = 0x96
		default:
			c = '?'
		}
		if c < 0x80 {
			dst = append(dst, c)
		} else if c < 0xA0 {
			dst = utf8.AppendRune(dst, cp1252[c-0x80]) // as a browser shows it
		} else {
			dst = utf8.AppendRune(dst, rune(c))
		}
	}
	return dst
}
