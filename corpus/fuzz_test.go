package corpus

import (
	"testing"
	"unicode"
)

// firstControl reports the first control or invisible character other
// than \n and \t.
func firstControl(s string) (rune, bool) {
	for _, r := range s {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || invisible(r)) {
			return r, true
		}
	}
	return 0, false
}

// FuzzProcess runs the whole per-document pipeline over arbitrary bytes.
// `go test` runs the seed corpus; `go test -fuzz FuzzProcess ./corpus`
// explores.
func FuzzProcess(f *testing.F) {
	for _, b := range fuzzSeeds(f) { // default and held-out articles
		f.Add(b)
	}
	f.Add([]byte("\x1b]52;c;ZXZpbA==\x07Headline\r\n\r\nMOSCOW, May 1. /TASS/. \x1b[31m“Quote,”\x1b[0m Peskov said.\u202e"))
	f.Add([]byte("\xff\xfeP\x00e\x00s\x00k\x00o\x00v\x00"))
	f.Add([]byte("Caf\xe9 \x93x\x94 \x81\x8d\x9d"))
	f.Add([]byte("Ã¢â‚¬â„¢ Ðîññèÿ â€\x9d"))
	f.Add([]byte("\xc3\x03\xc3è\xbf")) // a mojibake run must not span a control
	f.Add([]byte("\xad"))              // nor a soft hyphen
	f.Add([]byte("\x9c\u202e"))        // a repair must not show a bidi override

	r, err := DefaultRegistry()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkProcessed(t, r.Process(Article{ID: "fuzz", Path: "fuzz.txt", Raw: data}))
	})
}
