package gen

import (
	"strconv"
	"time"
)

var siteDomains = [numStyles]string{"tass.com", "reuters.com", "menafn.com", "interfax.com", "newsbreakers.online", "worldaffairs-daily.net", "noticias-global.info", "defencetalk.org"}

// article writes article i's content (not yet in a format).
func (c Corpus) article(i int, r *rng, limit int) *art {
	a := &art{r: r, seed: c.Seed, named: make([]bool, len(speakers)), last: -1, buf: make([]byte, 0, 8192)}
	k := r.IntN(100)
	for s, wt := range styleWeights {
		if k < wt {
			a.style = s
			break
		}
		k -= wt
	}
	a.spun = a.style == styleSpun
	if i > 0 && r.IntN(100) < 15 {
		// re-report a quote from an earlier article, a few days later
		a.st = storyOf(c.Seed, i-1-r.IntN(min(i, 40)))
		a.day = min(a.st.day+day(r.IntN(4)), numDays-1)
		a.sday = a.st.day
	} else {
		a.st = storyOf(c.Seed, i)
		a.day = a.st.day
		a.sday = a.day
		if a.day > 0 && r.IntN(5) == 0 {
			a.sday = a.day - 1
		}
	}
	a.main = a.st.sp
	a.moji = r.IntN(50) == 0

	target := min(2300+r.IntN(3000), limit-300)
	t := a.day.time()

	// above the text: date line, headline, caption
	switch {
	case a.style == styleMENAFN && r.IntN(10) < 7:
		s := len(a.buf)
		a.str("date ")
		a.str(t.Format("2006-01-02"))
		a.dateLn = [2]int{s, len(a.buf)}
	case (a.style == styleBlog || a.style == styleDefence) && r.IntN(2) == 0:
		s := len(a.buf)
		if r.IntN(2) == 0 {
			a.str("Published on ")
		}
		a.str(t.Format("January 2, 2006"))
		a.dateLn = [2]int{s, len(a.buf)}
	}
	if r.IntN(10) < 6 {
		s := len(a.buf)
		a.headlineText()
		a.head = [2]int{s, len(a.buf)}
	}
	if r.IntN(100) < 15 || (a.style == styleTASS && r.IntN(10) < 4) {
		s := len(a.buf)
		a.captionText()
		if r.IntN(10) == 0 {
			tmp := append([]byte(nil), a.buf[s:]...)
			a.buf = mojibake1252(a.buf[:s], tmp)
		}
		a.caption = [2]int{s, len(a.buf)}
	}

	// below the text: page furniture
	a.footer()

	// the text
	a.lead()
	if r.IntN(30) == 0 {
		// the opening quote's speaker is only "he", named in the next paragraph
		st := len(a.buf)
		a.str("“")
		a.buf = append(a.buf, a.st.quote...)
		a.endComma()
		if speakers[a.main].female {
			a.str("” she said.")
		} else {
			a.str("” he said.")
		}
		a.para(st)
	} else {
		a.directPara(a.main, a.st.quote)
	}
	programme, furniture := false, 0
	other := -1
	for len(a.buf) < target {
		mark, np := len(a.buf), len(a.paras)
		named := append([]bool(nil), a.named...)
		last, unk := a.last, a.unknown
		k := r.IntN(100)
		switch {
		case k < 24:
			a.directPara(a.main, nil)
		case k < 38:
			a.indirectPara(a.main)
		case k < 50:
			if other < 0 {
				other = pickSpeaker(a.sday, r)
			}
			if other == a.main {
				a.backPara()
			} else if r.IntN(2) == 0 {
				a.directPara(other, nil)
			} else {
				a.indirectPara(other)
			}
		case k < 56:
			a.unknownPara()
		case k < 60 && !programme:
			programme = true
			a.programmePara()
		case k < 64 && furniture < 2:
			furniture++
			a.midFurniture()
		default:
			a.backPara()
		}
		if len(a.buf)+2*len(a.paras)+2*len(a.foot) > limit {
			a.buf, a.paras, a.named, a.last, a.unknown = a.buf[:mark], a.paras[:np], named, last, unk
			break
		}
	}
	return a
}

func (a *art) midFurniture() {
	st := len(a.buf)
	switch a.r.IntN(4) {
	case 0:
		a.str("See also  ")
		a.buf = expand(a.buf, headBank, a.r)
	case 1:
		a.str("Also Read: ")
		a.buf = expand(a.buf, headBank, a.r)
	case 2:
		a.str("Read more: ")
		a.buf = expand(a.buf, headBank, a.r)
	default:
		a.str("Advertisement")
	}
	a.last = -1
	a.para(st)
}

func (a *art) footer() {
	r := a.r
	add := func(s string) {
		st := len(a.buf)
		a.str(s)
		a.foot = append(a.foot, [2]int{st, len(a.buf)})
	}
	site := pick(r, furnSites)
	if a.spun {
		add(pick(r, []string{"Supply hyperlink", "Source link", "Supply link"}))
		return
	}
	if r.IntN(4) == 0 {
		add("Source link")
	}
	if a.style == styleSpun || r.IntN(8) == 0 {
		add("This article was originally published on RT")
	}
	if r.IntN(3) == 0 {
		add("Leave a Reply")
		add("Your email address will not be published. Required fields are marked *")
	}
	if r.IntN(4) == 0 {
		add("You May Also Like")
		for range 2 + r.IntN(3) {
			st := len(a.buf)
			a.buf = expand(a.buf, headBank, r)
			a.foot = append(a.foot, [2]int{st, len(a.buf)})
			st = len(a.buf)
			a.buf = expand(a.buf, teaserBank, r)
			a.foot = append(a.foot, [2]int{st, len(a.buf)})
		}
	}
	if a.style == styleDefence || r.IntN(8) == 0 {
		add("Discover more from " + site)
		add("Subscribe to get the latest posts sent to your email.")
	}
	if r.IntN(6) == 0 {
		add("Tags: Russia, United States, Kremlin, " + pick(r, []string{"Ukraine", "NATO", "sanctions", "New START", "diplomacy"}))
	}
	if r.IntN(8) == 0 {
		add("Copyright © " + strconv.Itoa(a.day.time().Year()) + " " + site + ". All rights reserved.")
	}
}

// blocks returns the article's paragraphs in reading order.
func (a *art) blocks(withHead bool) [][2]int {
	out := make([][2]int, 0, len(a.paras)+len(a.foot)+3)
	if a.dateLn != [2]int{} {
		out = append(out, a.dateLn)
	}
	if withHead && a.head != [2]int{} {
		out = append(out, a.head)
	}
	if a.caption != [2]int{} {
		out = append(out, a.caption)
	}
	out = append(out, a.paras...)
	return append(out, a.foot...)
}

func (a *art) renderTXT(dst []byte) []byte {
	sep := "\n\n"
	switch k := a.r.IntN(100); {
	case k < 18:
		sep = "\n"
	case k < 25 && a.style == styleMENAFN:
		sep = "\n\n\n\n"
	case k < 30:
		sep = "\r\n\r\n"
	}
	bs := a.blocks(true)
	for n, b := range bs {
		if n > 0 {
			if a.style == styleMENAFN && b == a.paras[0] && a.dateLn != [2]int{} && bs[n-1] == a.dateLn {
				dst = append(dst, ' ') // " date 2023-12-17 (MENAFN) In a …" on one line
			} else {
				dst = append(dst, sep...)
			}
		} else if a.style == styleMENAFN {
			dst = append(dst, ' ')
		}
		dst = append(dst, a.buf[b[0]:b[1]]...)
	}
	return dst
}

func (a *art) title() []byte {
	if a.head != [2]int{} {
		return a.buf[a.head[0]:a.head[1]]
	}
	p := a.buf[a.paras[0][0]:a.paras[0][1]]
	if len(p) > 80 {
		p = p[:80]
		for i := len(p) - 1; i > 40; i-- {
			if p[i] == ' ' {
				return p[:i]
			}
		}
	}
	return p
}

func (a *art) url(i int) string {
	return "https://" + siteDomains[a.style] + "/politics/" + strconv.Itoa(1000000+i*7)
}

func yamlQuote(dst, s []byte) []byte {
	dst = append(dst, '"')
	for _, c := range s {
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\r', '\n':
			dst = append(dst, ' ')
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}

func (a *art) frontMatter(dst []byte, broken bool) []byte {
	dst = append(dst, "---\ntitle: "...)
	if broken && a.r.IntN(2) == 0 {
		// a title with unescaped quotes: not valid YAML
		dst = append(dst, '"')
		dst = append(dst, a.title()...)
		dst = append(dst, ": \"red lines\" remain\"\n"...)
	} else {
		dst = yamlQuote(dst, a.title())
		dst = append(dst, '\n')
	}
	if a.r.IntN(10) < 6 {
		dst = append(dst, "date: "...)
		dst = append(dst, a.day.time().Format("2006-01-02")...)
		dst = append(dst, '\n')
	}
	if s := styleSource[a.style]; s != "" {
		dst = append(dst, "source: "...)
		dst = append(dst, s...)
		dst = append(dst, '\n')
	}
	if a.r.IntN(2) == 0 {
		dst = append(dst, "url: "...)
		dst = append(dst, a.url(int(a.day))...)
		dst = append(dst, '\n')
	}
	if broken {
		return append(dst, '\n') // and no closing line, or bad YAML above
	}
	return append(dst, "---\n\n"...)
}

func (a *art) renderMD(dst []byte) []byte {
	dst = a.frontMatter(dst, false)
	return a.mdBody(dst)
}

func (a *art) mdBody(dst []byte) []byte {
	if a.head != [2]int{} {
		dst = append(dst, "# "...)
		dst = append(dst, a.buf[a.head[0]:a.head[1]]...)
		dst = append(dst, "\n\n"...)
	}
	for n, b := range a.blocks(false) {
		if n > 0 {
			dst = append(dst, "\n\n"...)
		}
		p := a.buf[b[0]:b[1]]
		if b == a.caption {
			dst = append(dst, '*')
			dst = append(dst, p...)
			dst = append(dst, '*')
			continue
		}
		dst = append(dst, p...)
	}
	return append(dst, '\n')
}

func (a *art) renderBrokenMD() []byte {
	dst := a.frontMatter(nil, true)
	return a.mdBody(dst)
}

func htmlEscape(dst, s []byte) []byte {
	for _, c := range s {
		switch c {
		case '&':
			dst = append(dst, "&amp;"...)
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '"':
			dst = append(dst, "&quot;"...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func (a *art) renderHTML(dst []byte) []byte {
	site := styleSource[a.style]
	if site == "" {
		site = siteDomains[a.style]
	}
	title := a.title()
	t := a.day.time()
	dst = append(dst, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>"...)
	dst = htmlEscape(dst, title)
	dst = append(dst, " | "...)
	dst = append(dst, site...)
	dst = append(dst, "</title>\n<meta property=\"og:site_name\" content=\""...)
	dst = append(dst, site...)
	dst = append(dst, "\">\n"...)
	if a.r.IntN(10) < 7 {
		dst = append(dst, "<meta property=\"article:published_time\" content=\""...)
		dst = append(dst, t.Add(time.Duration(6+a.r.IntN(14))*time.Hour).Format(time.RFC3339)...)
		dst = append(dst, "\">\n"...)
	}
	dst = append(dst, "<link rel=\"canonical\" href=\""...)
	dst = append(dst, a.url(int(a.day))...)
	dst = append(dst, "\">\n</head><body>\n<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/politics\">Politics</a></nav></header>\n<main><article>\n<h1>"...)
	dst = htmlEscape(dst, title)
	dst = append(dst, "</h1>\n"...)
	for _, b := range a.blocks(false) {
		p := a.buf[b[0]:b[1]]
		if b == a.caption {
			dst = append(dst, "<figure><figcaption>"...)
			dst = htmlEscape(dst, p)
			dst = append(dst, "</figcaption></figure>\n"...)
			continue
		}
		if len(a.foot) > 0 && b == a.foot[0] {
			dst = append(dst, "</article>\n<aside>\n"...)
		}
		dst = append(dst, "<p>"...)
		dst = htmlEscape(dst, p)
		dst = append(dst, "</p>\n"...)
	}
	if len(a.foot) > 0 {
		dst = append(dst, "</aside>\n"...)
	} else {
		dst = append(dst, "</article>\n"...)
	}
	dst = append(dst, "</main>\n<footer><p>© "...)
	dst = strconv.AppendInt(dst, int64(t.Year()), 10)
	dst = append(dst, " "...)
	dst = append(dst, site...)
	dst = append(dst, "</p></footer>\n</body></html>\n"...)
	return dst
}

func jsonString(dst, s []byte) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}

func (a *art) renderJSON(dst []byte, i int) []byte {
	dst = append(dst, `{"id":"`...)
	dst = append(dst, styleSlug[a.style]...)
	dst = append(dst, '-')
	dst = strconv.AppendInt(dst, int64(i), 10)
	dst = append(dst, `","title":`...)
	dst = jsonString(dst, a.title())
	if a.r.IntN(2) == 0 {
		dst = append(dst, `,"date":"`...)
		dst = append(dst, a.day.time().Format("2006-01-02")...)
		dst = append(dst, '"')
	}
	if s := styleSource[a.style]; s != "" {
		dst = append(dst, `,"source":"`...)
		dst = append(dst, s...)
		dst = append(dst, '"')
	}
	dst = append(dst, `,"url":"`...)
	dst = append(dst, a.url(i)...)
	dst = append(dst, `","text":`...)
	var text []byte
	for n, b := range a.blocks(false) {
		if n > 0 {
			text = append(text, "\n\n"...)
		}
		text = append(text, a.buf[b[0]:b[1]]...)
	}
	dst = jsonString(dst, text)
	return append(dst, '}')
}
