package gen

import (
	"bytes"
	"fmt"
	"strings"
)

// Pathological is one input built to make a per-document pass take
// superlinear time or memory: the inputs of issue 16 and the like.
type Pathological struct {
	Name string // file name: "quotes.txt"
	// Full is the size the issue measured, in its unit (marks, elements,
	// repetitions); tests run smaller ones.
	Full int
	// Make writes the input at size n.
	Make func(n int) []byte
}

// Paragraph is one ordinary article to put beside a pathological input:
// it must load whatever the other file does.
const Paragraph = "MOSCOW, May 3. /TASS/. Russia is open to dialogue with the United States, Kremlin spokesman Dmitry Peskov said on Monday.\n\n" +
	"\u201cWe are ready for talks,\u201d Peskov told reporters.\n"

// Pathologicals are the hostile inputs of issue 16's table, and the like:
//
//   - quotes.txt: one line, n “ then " said " then n ” (1.8 MB at full size);
//   - deep.html: n nested <div> around one paragraph, closed;
//   - deep-open.html: the same, never closed;
//   - wide.html: n <p> paragraphs;
//   - line.txt: one line of n two-sentence reports with a quotation (45 MB);
//   - nodot.txt: one sentence of n speech verbs and names, no full stop;
//   - dense-quotes.txt: n one-word quotations, each "he said";
//   - dense-words.txt: n one-letter words;
//   - digest.txt: a digest introduction and n quoted points;
//   - same-id.jsonl: n one-sentence articles with one "id";
//   - near.jsonl: n near-identical one-sentence reports (merge candidates).
func Pathologicals() []Pathological {
	return []Pathological{
		{"quotes.txt", 300_000, func(n int) []byte {
			return []byte(strings.Repeat("\u201c", n) + " said " + strings.Repeat("\u201d", n) + "\n")
		}},
		{"deep.html", 100_000, func(n int) []byte {
			return []byte("<html><body>" + strings.Repeat("<div>", n) +
				"<p>Kremlin spokesman Dmitry Peskov said on Monday that Russia is open to dialogue with the United States.</p>" +
				strings.Repeat("</div>", n) + "</body></html>")
		}},
		{"deep-open.html", 100_000, func(n int) []byte {
			return []byte("<html><body>" + strings.Repeat("<div>", n) +
				"<p>Kremlin spokesman Dmitry Peskov said on Monday that Russia is open to dialogue with the United States.</p></body></html>")
		}},
		{"wide.html", 200_000, func(n int) []byte {
			var b bytes.Buffer
			b.WriteString("<html><body><article>")
			for i := range n {
				fmt.Fprintf(&b, "<p>Paragraph %d: Kremlin spokesman Dmitry Peskov said talks were possible.</p>", i)
			}
			b.WriteString("</article></body></html>")
			return b.Bytes()
		}},
		{"line.txt", 300_000, func(n int) []byte {
			return []byte(strings.Repeat("Russia is open to dialogue with the United States, Kremlin spokesman Dmitry Peskov said on Monday. "+
				"\u201cWe are ready for talks,\u201d Peskov told reporters. ", n) + "\n")
		}},
		{"nodot.txt", 600_000, func(n int) []byte {
			return []byte(strings.Repeat("Peskov said that Putin told Lavrov who stressed that Trump noted ", n) + "\n")
		}},
		{"dense-quotes.txt", 2_000_000, func(n int) []byte {
			return []byte(strings.Repeat("\u201ca\u201d he said. ", n) + "\n")
		}},
		{"dense-words.txt", 20_000_000, func(n int) []byte {
			return []byte(strings.Repeat("a ", n) + "\n")
		}},
		{"digest.txt", 100_000, func(n int) []byte {
			var b bytes.Buffer
			b.WriteString("The key statements from Dmitry Peskov's briefing:\n")
			for i := range n {
				fmt.Fprintf(&b, "- Russia is open to dialogue number %d: \u201cWe are ready for talks.\u201d\n", i)
			}
			return b.Bytes()
		}},
		{"same-id.jsonl", 100_000, func(n int) []byte {
			var b bytes.Buffer
			for i := range n {
				fmt.Fprintf(&b, `{"id": "x", "text": "Kremlin spokesman Dmitry Peskov said on Monday that talks number %d were possible."}`+"\n", i)
			}
			return b.Bytes()
		}},
		{"near.jsonl", 100_000, func(n int) []byte {
			words := []string{"talks", "dialogue", "sanctions", "peace", "Washington", "Moscow", "ready", "open"}
			var b bytes.Buffer
			for i := range n {
				w := func(k int) string { return words[(i>>(3*k))%len(words)] }
				fmt.Fprintf(&b, `{"text": "Kremlin spokesman Dmitry Peskov said on Monday that %s %s %s %s %s %s were possible."}`+"\n",
					w(0), w(1), w(2), w(3), w(4), w(5))
			}
			return b.Bytes()
		}},
	}
}
