package corpus

import (
	"io/fs"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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
	entries, err := fs.ReadDir(seedFS, "seed")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		b, err := seedFS.ReadFile("seed/" + e.Name())
		if err != nil {
			f.Fatal(err)
		}
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
		p := r.Process(Article{ID: "fuzz", Path: "fuzz.txt", Raw: data})
		doc := p.Doc
		if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
			t.Fatalf("invalid UTF-8 out: %q / %q", doc.Title, doc.Text)
		}
		if r, bad := firstControl(doc.Text); bad {
			t.Fatalf("control %U in Text %q", r, doc.Text)
		}
		if r, bad := firstControl(doc.Title); bad || strings.Contains(doc.Title, "\n") {
			t.Fatalf("control %U in Title %q", r, doc.Title)
		}
		if !doc.TitleSpan.In(len(doc.Text)) {
			t.Fatalf("title span %v outside text of %d bytes", doc.TitleSpan, len(doc.Text))
		}
		for _, rm := range doc.Removed {
			if r, bad := firstControl(rm.Text); bad {
				t.Fatalf("control %U in removed %q", r, rm.Text)
			}
		}
		for _, c := range doc.Captions {
			if r, bad := firstControl(c); bad {
				t.Fatalf("control %U in caption %q", r, c)
			}
		}
		for _, rp := range doc.Repairs {
			if r, bad := firstControl(rp.Before + rp.After); bad {
				t.Fatalf("control %U in repair %+v", r, rp)
			}
		}
		for _, s := range p.Statements {
			if !s.Span.In(len(doc.Text)) {
				t.Fatalf("statement %s span %v outside text of %d bytes", s.ID, s.Span, len(doc.Text))
			}
			if got := doc.Text[s.Span.Start:s.Span.End]; got != s.Text {
				t.Fatalf("statement %s: Text[span] = %q, Text = %q", s.ID, got, s.Text)
			}
		}
	})
}
