package corpus

import (
	"bytes"
	"fmt"
	"strings"

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
//
// It also counts the paragraphs (<p>) kept and the bytes of text in them,
// for extractable.
func boundHTML(data []byte) ([]byte, []string, htmlStats) {
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
		st       htmlStats
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
			if n == "p" {
				st.paras++
			}
		case html.TextToken:
			if count["p"] > 0 {
				st.paraText += len(raw)
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
		return data, nil, st
	}
	var warn []string
	if flat {
		warn = append(warn, fmt.Sprintf("HTML nesting deeper than %d: flattened", MaxHTMLDepth))
	}
	if cut {
		warn = append(warn, fmt.Sprintf("HTML of more than %s elements: the rest skipped", groupDigits(MaxHTMLElements)))
	}
	return out.Bytes(), warn, st
}

// htmlStats are what boundHTML counted of a page.
type htmlStats struct {
	paras    int // <p> elements
	paraText int // bytes of text inside them
}

// MaxExtractWork bounds the work of go-trafilatura's main-text extraction
// on a page, as its paragraphs times the bytes of their text: it
// concatenates the text of every <p> one by one, so 200,000 paragraphs
// copy terabytes; at the limit it allocates about 300 MB and takes half a
// second. A page past it is read as plain HTML (plainHTML). A long
// transcript page (1,100 paragraphs, 250 KB) is half of it.
const MaxExtractWork = 1 << 29

// extractable reports whether go-trafilatura reads the page in bounded time.
func (st htmlStats) extractable() bool {
	return int64(st.paras)*int64(st.paraText) <= MaxExtractWork
}

// plainHTML reads a page go-trafilatura cannot in bounded time: its title,
// language and the text of its first <article>, else <main>, else <body>,
// without navigation, headers, footers, asides, forms and scripts.
func plainHTML(name, id string, data []byte, warns []string, st htmlStats) (Article, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Article{}, fmt.Errorf("not an article (%s)", oneLine(err.Error()))
	}
	var title, lang string
	var article, main, body *html.Node
	var drop []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				if title == "" {
					title = nodeText(n)
				}
			case "html":
				for _, at := range n.Attr {
					if at.Key == "lang" {
						lang = at.Val
					}
				}
			case "article":
				if article == nil {
					article = n
				}
			case "main":
				if main == nil {
					main = n
				}
			case "body":
				body = n
			case "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "select", "button":
				drop = append(drop, n)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	root, from := body, "body"
	switch {
	case article != nil:
		root, from = article, "article"
	case main != nil:
		root, from = main, "main"
	}
	text := ""
	if root != nil {
		text = nodeText(root)
	}
	warns = append(warns, fmt.Sprintf("HTML of %s paragraphs holding %s is past main-text extraction's limit (paragraphs × text ≤ %s): read as plain HTML, from its <%s>",
		groupDigits(st.paras), humanSize(int64(st.paraText)), groupDigits(MaxExtractWork), from))
	if strings.TrimSpace(text) == "" {
		return Article{}, fmt.Errorf("not an article (no text; %s)", strings.Join(warns, "; "))
	}
	return Article{ID: id, Path: name, Text: text, Warnings: warns, Meta: Meta{Title: title, Language: lang}}, nil
}

// voidElements have no end tag and hold nothing.
var voidElements = setOf("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
	"source", "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame", "image", "menuitem")

// impliedEnd are the elements whose end tag may be left out: the next of
// the same name ends one.
var impliedEnd = setOf("p", "li", "dt", "dd", "option", "tr", "td", "th", "rt", "rp", "optgroup")
