package corpus

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html"
)

// boundHTML keeps an HTML page within MaxHTMLDepth and MaxHTMLElements
// before it is parsed: the HTML parser and the main-text extraction take
// time that grows with the depth times the size of a page, so 100,000
// nested <div>s took minutes. It reads the page's tags once (linear: a
// stack of open elements, with the optional end tags of p, li and the like
// closed as a parser closes them), drops the tags nested deeper than
// MaxHTMLDepth, whose contents stay with their ancestor at that depth, and
// ends the page at its MaxHTMLElements-th element (of those it keeps). A page within both is
// returned as it is; otherwise the warnings say what was done.
func boundHTML(data []byte) ([]byte, []string) {
	type open struct {
		name    string
		dropped bool
	}
	var (
		stack    []open
		count    = map[string]int{} // open elements by name
		out      bytes.Buffer
		elements int
		flat     bool
		cut      bool
	)
	pop := func() {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		count[top.name]--
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for !cut {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF, or bytes the parser reads as text anyway
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			n := string(name)
			if !voidElements[n] {
				if n2 := len(stack); n2 > 0 && impliedEnd[n] && stack[n2-1].name == n {
					pop() // <p>…<p>: the first ends where the second starts
				}
				dropped := len(stack) >= MaxHTMLDepth
				stack = append(stack, open{n, dropped})
				count[n]++
				if dropped {
					flat = true
					continue // a dropped element is not one of the page's
				}
			}
			elements++
			if elements > MaxHTMLElements {
				cut = true
				continue
			}
		case html.SelfClosingTagToken:
			elements++
			if elements > MaxHTMLElements {
				cut = true
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			if count[n] > 0 {
				// close the innermost open n, and what is open inside it
				for stack[len(stack)-1].name != n {
					pop()
				}
				dropped := stack[len(stack)-1].dropped
				pop()
				if dropped {
					continue
				}
			}
		}
		out.Write(raw)
	}
	if !flat && !cut {
		return data, nil
	}
	var warn []string
	if flat {
		warn = append(warn, fmt.Sprintf("HTML nesting deeper than %d: flattened", MaxHTMLDepth))
	}
	if cut {
		warn = append(warn, fmt.Sprintf("HTML of more than %s elements: the rest skipped", groupDigits(MaxHTMLElements)))
	}
	return out.Bytes(), warn
}

// voidElements have no end tag and hold nothing.
var voidElements = setOf("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
	"source", "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame", "image", "menuitem")

// impliedEnd are the elements whose end tag may be left out: the next of
// the same name ends one.
var impliedEnd = setOf("p", "li", "dt", "dd", "option", "tr", "td", "th", "rt", "rp", "optgroup")
