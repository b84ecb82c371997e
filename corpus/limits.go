package corpus

// limits.go: the bounds that keep one input from taking the machine. Every
// per-document pass is linear in its input, or reads a bounded part of it;
// where a part is left unread, the document says so in a warning that
// names the limit ("sentence longer than 20,000 bytes: split"). Past its
// memory budget, a document is skipped with that reason, and the rest of
// the corpus loads. README "Limits and hardening" lists them.

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/quotetrail/quotetrail/model"
)

const (
	// MaxTextBytes is how much of a document's decoded text the pipeline
	// reads: past it, the rest is skipped with a warning. An article is
	// tens of kilobytes and a long transcript a few hundred; a longer text
	// is a book, a dump or an attack, and reading it all would take
	// minutes.
	MaxTextBytes = 1 << 20

	// MaxSentenceBytes is the longest sentence the passes read as one: a
	// longer run without a sentence end is split at white space (outside
	// quotations) into pieces of at most this size.
	MaxSentenceBytes = 20_000

	// MaxTaggedTokens is the most tokens of one sentence the learned
	// taggers read (a quotation's words count): the rest of the sentence
	// is left to the rules.
	MaxTaggedTokens = 4_000

	// MaxHTMLDepth is the deepest element nesting an HTML page keeps:
	// elements deeper are flattened into their ancestor at that depth.
	MaxHTMLDepth = 512

	// MaxHTMLElements is the most elements of an HTML page read: the rest
	// of the page is skipped.
	MaxHTMLElements = 50_000
)

// The memory budget of one document while it is processed: what the
// passes hold for it (tokens, marks, sentences, frames, statements, as
// counted by budget.charge), at most budgetFloor plus budgetPerByte times
// its input's size. A document past it is skipped. (Variables, so that a
// test can make them small.)
var (
	budgetFloor   int64 = 64 << 20
	budgetPerByte int64 = 96
)

// budget is one document's allowance while it is processed: the memory
// its passes hold, and the load's cancellation. charge panics with a
// bailout past either, which process recovers (as go/parser bails out).
type budget struct {
	ctx   context.Context
	limit int64
	used  int64
	size  int // the input's size, for the reason
}

// bailout stops a document's passes: why it is skipped.
type bailout struct{ reason string }

func newBudget(ctx context.Context, size int) *budget {
	return &budget{ctx: ctx, limit: budgetFloor + budgetPerByte*int64(min(size, maxInputBytes)), size: size}
}

// charge counts n bytes held for the document, and stops the passes when
// the budget is spent or the load is cancelled. A nil budget never stops.
func (b *budget) charge(n int) {
	if b == nil {
		return
	}
	b.used += int64(n)
	if b.used > b.limit {
		panic(bailout{fmt.Sprintf("over its memory budget (%s for a %s input)", humanSize(b.limit), humanSize(int64(b.size)))})
	}
	b.check()
}

// check stops the passes when the load is cancelled.
func (b *budget) check() {
	if b == nil || b.ctx == nil {
		return
	}
	if err := b.ctx.Err(); err != nil {
		panic(bailout{"cancelled"})
	}
}

// sizes of what charge counts
const (
	tokenSize    = int(unsafe.Sizeof(token{})) + 16 // and its lower-cased words
	atokSize     = int(unsafe.Sizeof(atok{})) + 16
	quoteSize    = int(unsafe.Sizeof(quote{}))
	markSize     = int(unsafe.Sizeof(qmark{}))
	sentenceSize = int(unsafe.Sizeof(sentence{})) + 8
	mentionSize  = int(unsafe.Sizeof(mention{})) + 8
	frameSize    = int(unsafe.Sizeof(frame{})) + 8
	stmtSize     = int(unsafe.Sizeof(model.Statement{})) + 128 // its rules and topics
)

// maxInputBytes is how much of an article's bytes (or format-decoded
// text) is kept for the pipeline: enough for MaxTextBytes of text in any
// encoding it reads (UTF-16 takes two bytes or four a character).
const maxInputBytes = 4 * MaxTextBytes

// trimInput cuts an article's bytes or text to maxInputBytes, at a
// character boundary, into a copy of its own, so that the rest of a huge
// file is not held while it waits for the pipeline; Size keeps the
// length it had.
func trimInput(a Article) Article {
	if len(a.Raw) > maxInputBytes {
		cut := maxInputBytes
		if len(a.Raw) >= 2 && (a.Raw[0] == 0xFF && a.Raw[1] == 0xFE || a.Raw[0] == 0xFE && a.Raw[1] == 0xFF) {
			cut &^= 1 // UTF-16: whole code units
		} else {
			for k := 0; k < utf8.UTFMax && cut > 0 && a.Raw[cut]&0xC0 == 0x80; k++ {
				cut-- // not inside a UTF-8 sequence
			}
		}
		a.Size, a.Raw = len(a.Raw), bytes.Clone(a.Raw[:cut])
	}
	if a.Raw == nil && len(a.Text) > maxInputBytes {
		cut := maxInputBytes
		for cut > 0 && !utf8.RuneStart(a.Text[cut]) {
			cut--
		}
		a.Size, a.Text = len(a.Text), strings.Clone(a.Text[:cut])
	}
	return a
}

// capText cuts a document's text at MaxTextBytes: at the last paragraph
// break in the second half of what fits, else the last sentence end, else
// white space, else a character boundary. It returns the text and, when
// it cut (or trimInput had cut its input, of size bytes), a warning.
func capText(text string, size int, trimmed bool) (string, string) {
	if len(text) <= MaxTextBytes {
		if trimmed {
			return text, fmt.Sprintf("input longer than %s (%s): the rest skipped", humanSize(maxInputBytes), humanSize(int64(size)))
		}
		return text, ""
	}
	n := MaxTextBytes
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	head := text[:n]
	cut := -1
	if i := strings.LastIndex(head, "\n\n"); i >= len(head)/2 {
		cut = i
	} else if i := strings.LastIndex(head, ". "); i >= len(head)/2 {
		cut = i + 1
	} else if i := strings.LastIndexAny(head, " \n\t"); i >= len(head)/2 {
		cut = i
	}
	if cut < 0 {
		cut = len(head)
	}
	size = max(size, len(text))
	return text[:cut], fmt.Sprintf("text longer than %s (%s): the rest, from byte %d, skipped", humanSize(MaxTextBytes), humanSize(int64(size)), cut)
}

// capSentences splits the sentences longer than MaxSentenceBytes at white
// space outside quotations, into pieces of at most that size (a quotation
// longer than that is one piece); split reports whether it did.
func capSentences(text string, sents []model.Span, quotes []quote) (out []model.Span, split bool) {
	for _, s := range sents {
		if s.Len() <= MaxSentenceBytes {
			out = append(out, s)
			continue
		}
		split = true
		qi := 0
		for qi < len(quotes) && quotes[qi].Outer().End <= s.Start {
			qi++
		}
		start := s.Start
		for s.End-start > MaxSentenceBytes {
			limit := start + MaxSentenceBytes
			// the quotation around limit, if any: cut before it, or after it
			for qi < len(quotes) && quotes[qi].Outer().End <= start {
				qi++
			}
			cut := -1
			for j := qi; j < len(quotes) && quotes[j].Open < limit; j++ {
				if o := quotes[j].Outer(); o.End > limit {
					cut = o.Start
					if cut <= start {
						cut = min(o.End, s.End)
					}
					break
				}
			}
			if cut < 0 {
				cut = strings.LastIndexAny(text[start:limit], " \n\t")
				if cut > 0 {
					cut += start
				} else {
					cut = limit
					for cut > start && !utf8.RuneStart(text[cut]) {
						cut--
					}
				}
			}
			if cut <= start {
				cut = limit
			}
			out = appendSpan(out, text, start, cut)
			start = cut
		}
		out = appendSpan(out, text, start, s.End)
	}
	return out, split
}

// warnOnce adds a warning to a document unless it has it.
func warnOnce(doc *model.Document, w string) {
	for _, have := range doc.Warnings {
		if have == w {
			return
		}
	}
	doc.Warnings = append(doc.Warnings, w)
}

// chargeMentions charges the mentions the passes found.
func (a *analysis) chargeMentions() {
	n := 0
	for _, s := range a.sents {
		n += len(s.ms)
	}
	a.bud.charge(n * mentionSize)
}

// groupDigits writes n with thousands separators: 20,000.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
