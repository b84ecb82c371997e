package corpus

import (
	"sort"
	"strings"

	"github.com/quotetrail/quotetrail/model"
)

// Speech frames: the shapes in which an article reports speech.
//
//	“…,” Peskov said.                  after-quote (direct)
//	Peskov said: “…”                   before-quote (direct)
//	Peskov stressed that …             that (indirect, or mixed with a quoted fragment)
//	Peskov told TASS …                 zero-that, after a recipient
//	…, Peskov said on Sunday.          after-content
//	According to Peskov, …             according to
//	This, he argued, results in …      parenthetical
//	…, however burdened that …         coordinated (the same speaker)
//	…, stating that …                  participle (the sentence's speaker)
//	“…” (a sentence of its own)        continuation of the last speaker

// frame is one report of speech found in a sentence.
type frame struct {
	sent     int
	subj     *mention
	verb     *verbEntry
	how      string     // the attribution rule
	content  model.Span // the statement's words
	quote    int        // the quotation a direct frame is, or -1
	parent   *frame     // coordinated, split or continued from
	cont     bool       // an unattributed quotation continuing the last speaker
	bindPrev bool
	pos      int // where the speaker is settled, for text-order resolution
	// mentionText, when set, is the source as the text gives it, which may
	// be longer than the mention resolved ("Russian Foreign Ministry
	// spokeswoman Maria Zakharova")
	mentionText string

	sp   *speakerEntry
	rule string
	done bool
}

func (a *analysis) verbAt(toks []token, k int) (*verbEntry, int) {
	if toks[k].Kind != tokWord || a.reg.Verbs == nil {
		return nil, 0
	}
	ws := make([]string, 0, a.reg.Verbs.maxWords)
	for j := k; j < len(toks) && len(ws) < a.reg.Verbs.maxWords && toks[j].Kind == tokWord; j++ {
		ws = append(ws, toks[j].Low)
	}
	return a.reg.Verbs.match(ws)
}

func isAdverbLy(t token) bool {
	return t.Kind == tokWord && !t.Cap && lyAdverb(t.Low)
}

// lyAdverb reports whether a lower-case word reads as an adverb in -ly
// ("repeatedly", "publicly"), not "only" or "early".
func lyAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w != "only" && w != "early"
}

// findFrames finds the speech frames of every sentence.
// findFrames finds the speech frames of the document: the rules' frames of
// every sentence first (they read the shapes of wire copy precisely), then
// the learned tagger's attributions (attrmodel.go) wherever the rules
// found none, and the source of the words where the rules found the words
// but not who said them.
func (a *analysis) findFrames() {
	var rules []*frame
	for si := range a.sents {
		rules = append(rules, a.sentenceFrames(si)...)
	}
	items, intros := a.listFrames(rules)
	rules = append(rules, items...)
	a.frames = append(a.frames, rules...)
	defer func() { a.frames = dropWithin(a.frames, intros) }()
	m, _ := a.reg.attrib.get()
	if m == nil {
		return
	}
	for _, g := range a.modelFrames(m, rules) {
		took := false
		for _, f := range rules {
			if f.content.Start < g.content.End && g.content.Start < f.content.End {
				took = true
				if f.subj == nil && g.subj != nil {
					f.subj, f.mentionText, f.cont, f.parent, f.pos = g.subj, g.mentionText, false, nil, g.pos
					f.how += "; source from " + g.how
				}
			}
		}
		if !took {
			a.frames = append(a.frames, g)
		}
	}
}

// dropWithin drops the frames whose content lies inside one of spans.
func dropWithin(fs []*frame, spans []model.Span) []*frame {
	if len(spans) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		inside := false
		for _, sp := range spans {
			inside = inside || f.content.Start >= sp.Start && f.content.End <= sp.End
		}
		if !inside {
			out = append(out, f)
		}
	}
	return out
}

func (a *analysis) sentenceFrames(si int) []*frame {
	s := a.sents[si]
	T := s.toks
	var fs []*frame
	inContent := func(pos int) bool {
		for _, f := range fs {
			if f.quote < 0 && f.content.Start <= pos && pos < f.content.End {
				return true
			}
		}
		return false
	}
	for k := 0; k < len(T); k++ {
		if T[k].Kind != tokWord || inContent(T[k].Start) {
			continue
		}
		e, n := a.verbAt(T, k)
		if e == nil {
			continue
		}
		var got []*frame
		switch e.Frame {
		case frameAccording:
			got = a.accordingFrame(si, k, n, e)
		case frameParticiple:
			got = a.participleFrame(si, k, n, e)
		default:
			got = a.verbFrame(si, k, n, e, fs)
		}
		fs = append(fs, got...)
	}
	// quotations no verb frame took
	for t, tok := range T {
		if tok.Kind != tokQuote {
			continue
		}
		qi := tok.Quote
		if a.qbound[qi] || inContent(tok.Start) {
			continue
		}
		if a.quotes[qi].Close >= s.span.End && a.quotes[qi].LastPara > s.para && startsSentence(T, t) {
			continue // it goes on into the next paragraph, where its attribution may stand ("“… [¶] “…,” he said.")
		}
		if why := a.notSpeech(si, t); why != "" {
			a.notes[qi] = why
			continue
		}
		if open := a.sentenceAt(a.quotes[qi].Open); open < si && a.quotes[qi].FirstPara < s.para && a.opensSentence(open, qi) {
			// a quotation from an earlier paragraph that no attribution
			// took where it closes: unattributed where it opened
			fs = append(fs, &frame{sent: open, quote: qi, cont: true, how: "quote:unattributed", content: a.trimQuote(a.quotes[qi].Inner(a.text)), pos: a.quotes[qi].Open})
			a.qbound[qi] = true
			continue
		}
		if startsSentence(T, t) {
			fs = append(fs, &frame{sent: si, quote: qi, cont: true, how: "quote:unattributed", content: a.trimQuote(a.quotes[qi].Inner(a.text)), pos: tok.Start})
			a.qbound[qi] = true
			continue
		}
		a.notes[qi] = "not-speech:quoted fragment in narration, no speaker"
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].content.Start < fs[j].content.Start })
	return fs
}

// startsSentence reports whether only punctuation stands before toks[t].
// opensSentence reports whether quotation qi opens sentence si.
func (a *analysis) opensSentence(si, qi int) bool {
	T := a.sents[si].toks
	for t := range T {
		if T[t].Kind == tokQuote && T[t].Quote == qi {
			return startsSentence(T, t)
		}
	}
	return false
}

func startsSentence(T []token, t int) bool {
	for i := 0; i < t; i++ {
		if T[i].Kind != tokPunct {
			return false
		}
	}
	return true
}

// notSpeech says why the quotation at toks[t] is not a statement: a title
// of a programme, paper or medium, or scare quotes (at most three words).
func (a *analysis) notSpeech(si, t int) string {
	T := a.sents[si].toks
	q := a.quotes[T[t].Quote]
	inner := a.text[q.Inner(a.text).Start:q.Inner(a.text).End]
	words := len(strings.Fields(inner))
	if words <= 10 && !strings.HasSuffix(inner, ",") {
		before := t > 0 && T[t-1].Kind == tokWord && titleLeadIns[T[t-1].Low]
		cue := false
		for j := t - 1; j >= 0 && j >= t-3; j-- {
			if T[j].Kind == tokWord && titleCues[T[j].Low] {
				cue = true
			}
		}
		after := t+1 < len(T) && T[t+1].Kind == tokWord && titleAfter[T[t+1].Low]
		if before && cue || after {
			return "not-speech:title “" + inner + "”"
		}
	}
	if words <= 3 && !startsSentence(T, t) {
		return "not-speech:scare quotes “" + inner + "”"
	}
	return ""
}

var titleLeadIns = setOf("with", "of", "on", "in", "the", "titled", "entitled", "called", "dubbed", "named", "headlined", "for", "to")

// subjectBefore finds the mention that is the subject of the verb at
// toks[k]: right before it (past auxiliaries and adverbs), or before a
// parenthetical ("Medvedev, known for …, said").
func (a *analysis) subjectBefore(si, k int) *mention {
	s := a.sents[si]
	T := s.toks
	j := k - 1
	for j >= 0 && T[j].Kind == tokWord && (skipWords[T[j].Low] || isAdverbLy(T[j])) {
		j--
	}
	if j < 0 {
		return nil
	}
	if m := s.mentionEndingAt(j); m != nil {
		return m
	}
	if T[j].punct(",") {
		c := j - 1
		for n := 0; c >= 0 && n < 16; c, n = c-1, n+1 {
			if T[c].Kind == tokQuote {
				return nil
			}
			if T[c].punct(",") {
				break
			}
			if e, _ := a.verbAt(T, c); e != nil {
				return nil
			}
		}
		if c >= 1 && T[c].punct(",") {
			if m := s.mentionEndingAt(c - 1); m != nil && m.kind == mName {
				return m
			}
		}
	}
	return nil
}

// afterComma reports whether token t follows a comma, or a quotation
// whose words end in one ("“… confidential,” adding").
func (a *analysis) afterComma(T []token, t int) bool {
	if t == 0 {
		return false
	}
	p := T[t-1]
	if p.punct(",") {
		return true
	}
	if p.Kind == tokQuote && p.Quote >= 0 && p.Quote < len(a.quotes) {
		in := a.quotes[p.Quote].Inner(a.text)
		return strings.HasSuffix(strings.TrimSpace(a.text[in.Start:in.End]), ",")
	}
	return false
}

// passiveBetween reports whether the words between a subject and its
// speech verb make the verb passive: a form of "be" right before a past
// participle ("was told", "is believed", "were warned").
func passiveBetween(T []token, from, verb int) bool {
	if verb >= len(T) || T[verb].Kind != tokWord || !pastForm(T[verb].Low) && !participles[T[verb].Low] {
		return false
	}
	for j := verb - 1; j >= from && j >= 0; j-- {
		if T[j].Kind != tokWord {
			return false
		}
		if beForms[T[j].Low] {
			return true
		}
		if !skipWords[T[j].Low] && !isAdverbLy(T[j]) {
			return false
		}
	}
	return false
}

func (a *analysis) verbFrame(si, k, n int, e *verbEntry, prev []*frame) []*frame {
	s := a.sents[si]
	T := s.toks
	f := &frame{sent: si, verb: e, quote: -1}
	subj := a.subjectBefore(si, k)
	inverted := false
	if subj == nil && k+n < len(T) && (k == 0 || T[k-1].Kind == tokQuote || T[k-1].punct(",")) {
		if m := s.mentionStartingAt(k + n); m != nil && m.kind != mPerson && !m.poss {
			subj, inverted = m, true
		}
	}
	if subj == nil {
		// coordinated with the frame before: "…, however burdened that …"
		j := k - 1
		for j >= 0 && T[j].Kind == tokWord && (skipWords[T[j].Low] || isAdverbLy(T[j])) {
			j--
		}
		if j >= 0 && len(prev) > 0 && (T[j].punct(",") || T[j].Kind == tokWord && connectors[T[j].Low]) {
			p := prev[len(prev)-1]
			if p.subj != nil && p.content.End <= T[j].End+1 && p.quote < 0 {
				f.parent, subj = p, p.subj
				f.how = "attr:coordinated " + e.Name()
			}
		}
	}
	if subj == nil || subj.poss || subj.kind == mPerson || !subj.subject && !inverted && f.parent == nil {
		return nil
	}
	if !inverted && f.parent == nil && passiveBetween(T, subj.b, k) {
		return nil // "Mr. Lewandowski was told that …": the subject heard it
	}
	f.subj = subj
	f.pos = subj.span.Start
	if f.parent != nil {
		f.pos = T[k].Start
	}
	r := k + n
	if inverted {
		r = subj.b
	}
	// the hearer: "told reporters", "instructed TASS information company"
	if e.Recipient && r < len(T) {
		isRec := func(i int) bool {
			return i < len(T) && T[i].Kind == tokWord && (T[i].Cap || recipientWords[T[i].Low]) && !T[i].is("that")
		}
		if (T[r].is("the") || T[r].is("a")) && isRec(r+1) {
			r++
		}
		for c := 0; c < 6 && isRec(r); c++ {
			r++
		}
		// any other hearer before "that": "told the station that …"
		for j := r; j < len(T) && j < r+6; j++ {
			if T[j].is("that") {
				r = j
				break
			}
			if T[j].Kind != tokWord || relativeVerbs[T[j].Low] {
				break
			}
		}
	}
	lp := subj.a // where the left side ends
	if inverted {
		lp = k
	}
	if f.parent != nil {
		lp = k
	}
	var out []*frame
	// a quotation right before the subject: “…,” he said
	if f.parent == nil && lp > 0 && T[lp-1].Kind == tokQuote && startsSentence(T, lp-1) && a.notSpeech(si, lp-1) == "" {
		a.bindQuote(f, T[lp-1].Quote, "attr:after-quote "+e.Name())
		out = append(out, f)
		// split by its attribution: “…,” he said, “…”
		if r < len(T) && T[r].punct(",:") && r+1 < len(T) && T[r+1].Kind == tokQuote {
			g := &frame{sent: si, verb: e, subj: subj, parent: f, quote: -1, pos: T[r+1].Start}
			a.bindQuote(g, T[r+1].Quote, "attr:split quote "+e.Name())
			out = append(out, g)
		}
		return out
	}
	// what follows the verb
	if e.Infin && r+1 < len(T) && T[r].is("to") && T[r+1].Kind == tokWord {
		if a.contentFrom(si, f, r) {
			f.how = orHow(f.how, "attr:infinitive "+e.Name())
			return []*frame{f}
		}
	}
	r0 := r
	r = a.skipAdverbials(T, r)
	switch {
	case r < len(T) && T[r].is("that"):
		if a.contentFrom(si, f, r+1) {
			f.how = orHow(f.how, "attr:that "+e.Name())
			return []*frame{f}
		}
	case r+1 < len(T) && T[r].punct(",:") && T[r+1].Kind == tokQuote && a.notSpeech(si, r+1) == "":
		a.bindQuote(f, T[r+1].Quote, orHow(f.how, "attr:before-quote "+e.Name()))
		return []*frame{f}
	case r < len(T) && T[r].Kind == tokQuote && a.notSpeech(si, r) == "":
		a.bindQuote(f, T[r].Quote, orHow(f.how, "attr:before-quote "+e.Name()))
		return []*frame{f}
	case r+1 < len(T) && T[r].punct(":"):
		if a.contentFrom(si, f, r+1) {
			f.how = orHow(f.how, "attr:colon "+e.Name())
			return []*frame{f}
		}
	case r < len(T) && a.clauseStart(T, r, e):
		if a.contentFrom(si, f, r) && objectIsClaim(a.text[f.content.Start:f.content.End]) {
			f.how = orHow(f.how, "attr:object "+e.Name())
			return []*frame{f}
		}
	case r+1 < len(T) && T[r].punct(",") && f.parent == nil && lp >= 2 && T[lp-1].punct(","):
		// parenthetical: "This, he argued, results in …"
		rest := T[r+1:]
		if len(rest) >= 2 {
			f.content = a.trimContent(model.Span{Start: T[0].Start, End: T[len(T)-1].End})
			f.how = "attr:parenthetical " + e.Name()
			return []*frame{f}
		}
	}
	if f.parent != nil {
		return nil
	}
	// nothing follows but adverbials: the content is before — "…, Peskov
	// said on Sunday."
	if !endsHere(T, r) && !a.onlyAdverbials(T, r0) {
		return nil
	}
	if lp == 0 {
		// "Peskov said." after a sentence that is only a quotation
		if si > 0 && a.sents[si-1].para == s.para {
			pt := a.sents[si-1].toks
			if len(pt) > 0 && pt[0].Kind == tokQuote && endsHere(pt, 1) && !a.qbound[pt[0].Quote] {
				a.bindQuote(f, pt[0].Quote, "attr:after-quote "+e.Name())
				f.bindPrev = true
				return []*frame{f}
			}
		}
		return nil
	}
	end := lp - 1
	if T[end].punct(",") {
		end--
	} else if T[end].Kind != tokQuote {
		return nil
	}
	if end < 0 {
		return nil
	}
	for _, p := range prev {
		if p.content.End > T[0].Start && p.sent == si {
			return nil // another report already stands there
		}
	}
	span := a.trimContent(model.Span{Start: T[0].Start, End: T[end].End})
	words := 0
	for i := 0; i <= end; i++ {
		if T[i].Kind == tokWord {
			words++
		}
	}
	if words < 3 && !(T[end].Kind == tokQuote && end == 0) {
		return nil
	}
	f.content = span
	f.how = "attr:after-content " + e.Name()
	a.absorbQuotes(f)
	return []*frame{f}
}

func orHow(have, def string) string {
	if have != "" {
		return have
	}
	return def
}

// endsHere reports whether only closing punctuation is left from toks[r].
func endsHere(T []token, r int) bool {
	for i := r; i < len(T); i++ {
		if T[i].Kind != tokPunct || !T[i].punct(".!?;…)") {
			return false
		}
	}
	return true
}

// skipAdverbials moves past "on Sunday", "in a statement to Russian press",
// "on the Telegram platform today" when a "that" or a quotation follows them.
func (a *analysis) skipAdverbials(T []token, r int) int {
	if r >= len(T) || T[r].Kind != tokWord || !(adverbialStart[T[r].Low] || isAdverbLy(T[r])) {
		return r
	}
	for t := r; t < len(T) && t < r+16; t++ {
		tok := T[t]
		switch {
		case tok.is("that"):
			if t+1 < len(T) && !relativeVerbs[T[t+1].Low] {
				return t
			}
			return r
		case tok.Kind == tokQuote:
			if t > r && T[t-1].punct(",:") && a.notSpeech(tok.Sent, t) == "" {
				return t - 1
			}
			if a.notSpeech(tok.Sent, t) == "" {
				return r
			}
		case tok.Kind == tokPunct && tok.punct(".;!?"):
			return r
		case tok.Kind == tokWord && t > r:
			if e, _ := a.verbAt(T, t); e != nil {
				return r
			}
		}
	}
	return r
}

// onlyAdverbials reports whether the rest of the sentence from toks[r] is
// a short adverbial ("on Sunday", "in a statement to Russian press") with
// no reported clause or quotation in it.
func (a *analysis) onlyAdverbials(T []token, r int) bool {
	if r >= len(T) || T[r].Kind != tokWord || !(adverbialStart[T[r].Low] || isAdverbLy(T[r])) {
		return false
	}
	if len(T)-r > 14 {
		return false
	}
	for i := r; i < len(T); i++ {
		if T[i].Kind == tokQuote && a.notSpeech(T[i].Sent, i) == "" || T[i].is("that") {
			return false
		}
		if T[i].Kind == tokWord {
			if e, _ := a.verbAt(T, i); e != nil {
				return false
			}
		}
	}
	return true
}

// clauseStart reports whether a reported clause or object begins at toks[r]
// without "that": "said the talks were useful", "underscored a preference".
func (a *analysis) clauseStart(T []token, r int, e *verbEntry) bool {
	t := T[r]
	if t.Kind == tokQuote {
		return false
	}
	if t.Kind != tokWord {
		return false
	}
	if e.Infin && t.Low == "to" {
		return r+1 < len(T) && T[r+1].Kind == tokWord
	}
	if prepositions[t.Low] || adverbialStart[t.Low] || relativeVerbs[t.Low] {
		return false
	}
	// at least three words of content
	words := 0
	for i := r; i < len(T); i++ {
		if T[i].Kind == tokWord || T[i].Kind == tokQuote {
			words++
		}
	}
	if words < 3 {
		return false
	}
	if e.Object {
		return true
	}
	return clauseStarts[t.Low] || t.Cap || isDigitStart(t.Text)
}

func isDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// contentFrom sets the frame's content from toks[c] to where the reported
// words end: the end of the sentence, a coordinated speech verb ("…, however
// burdened that"), a new attribution (", he mentioned that"), or, in a
// sentence opening with "While …", the main clause.
func (a *analysis) contentFrom(si int, f *frame, c int) bool {
	s := a.sents[si]
	T := s.toks
	if c >= len(T) {
		return false
	}
	end := len(T)
	sub := len(T) > 0 && T[0].Kind == tokWord && subordinators[T[0].Low] && c > 0
	for t := c + 1; t < len(T); t++ {
		tok := T[t]
		if tok.punct(",") && t+3 < len(T) && T[t+1].Kind == tokWord && connectors[T[t+1].Low] && T[t+2].Kind == tokWord &&
			subjectPronouns[T[t+2].Low] && T[t+3].Kind == tokWord && !auxiliaries[T[t+3].Low] && pastForm(T[t+3].Low) {
			end = t // the narrative goes on: "…, and he railed against …" (narrativeCut)
			break
		}
		if tok.punct(",") && t+1 < len(T) {
			if sub && (T[t+1].is("he") || T[t+1].is("she") || T[t+1].is("they") || s.mentionStartingAt(t+1) != nil && s.mentionStartingAt(t+1).subject) {
				end = t
				break
			}
			if m := s.mentionStartingAt(t + 1); m != nil && m.subject && m.kind != mPerson {
				j := m.b
				for j < len(T) && T[j].Kind == tokWord && (skipWords[T[j].Low] || isAdverbLy(T[j])) {
					j++
				}
				if j < len(T) {
					if e, _ := a.verbAt(T, j); e != nil && e.Frame == frameVerb {
						end = t
						break
					}
				}
			}
		}
		if tok.Kind == tokWord {
			if e, _ := a.verbAt(T, t); e != nil && e.Frame == frameParticiple && a.afterComma(T, t) {
				// "…, adding: “…”": a quotation reported on its own ("…,
				// alleging that …" goes on with the same report)
				if nx := t + 1; nx < len(T) && (T[nx].punct(":") || T[nx].Kind == tokQuote) {
					end = t
					break
				}
			}
			if e, _ := a.verbAt(T, t); e != nil && e.Frame == frameVerb {
				j := t - 1
				for j > c && T[j].Kind == tokWord && (skipWords[T[j].Low] || isAdverbLy(T[j])) {
					j--
				}
				if j > c && (T[j].punct(",") || T[j].Kind == tokWord && connectors[T[j].Low]) && s.mentionEndingAt(j) == nil {
					// a coordinated verb with a clause of its own
					if nx := t + 1; nx < len(T) && (T[nx].is("that") || T[nx].Kind == tokQuote || T[nx].punct(":,") || a.clauseStart(T, nx, e)) {
						if j-1 > c && T[j-1].punct(",") {
							j--
						}
						end = j
						break
					}
				}
			}
		}
	}
	if end <= c {
		return false
	}
	f.content = a.trimContent(model.Span{Start: T[c].Start, End: T[end-1].End})
	if f.content.Len() == 0 {
		return false
	}
	a.absorbQuotes(f)
	return true
}

// trimContent trims white space and trailing , . ; : from a content span.
func (a *analysis) trimContent(sp model.Span) model.Span {
	sp = trimSpan(a.text, sp)
	sp.Start += LeadingDateline(a.text[sp.Start:sp.End]) // a dateline opening the words is not the speaker's (meta.go)
	for sp.End > sp.Start && strings.ContainsRune(",.;: \n", rune(a.text[sp.End-1])) {
		sp.End--
	}
	return trimSpan(a.text, sp)
}

// trimQuote trims a quotation's words of the comma or colon that leads
// into its attribution; final . ! ? stay.
func (a *analysis) trimQuote(sp model.Span) model.Span {
	sp = trimSpan(a.text, sp)
	for sp.End > sp.Start && strings.ContainsRune(",;: \n", rune(a.text[sp.End-1])) {
		sp.End--
	}
	return sp
}

// absorbQuotes marks the quotations inside an indirect frame's content as
// part of it (the statement is then mixed).
func (a *analysis) absorbQuotes(f *frame) {
	qi := sort.Search(len(a.quotes), func(i int) bool { return a.quotes[i].Open >= f.content.Start })
	for ; qi < len(a.quotes) && a.quotes[qi].Open < f.content.End; qi++ {
		a.qbound[qi] = true
	}
}

func (a *analysis) bindQuote(f *frame, qi int, how string) {
	f.quote = qi
	f.how = how
	f.content = a.trimQuote(a.quotes[qi].Inner(a.text))
	a.qbound[qi] = true
}

func (a *analysis) accordingFrame(si, k, n int, e *verbEntry) []*frame {
	s := a.sents[si]
	T := s.toks
	m := s.mentionStartingAt(k + n)
	if m == nil || m.kind == mPerson || m.kind == mPronoun {
		return nil
	}
	f := &frame{sent: si, verb: e, subj: m, quote: -1, pos: m.span.Start, how: "attr:according to"}
	if startsSentence(T, k) && m.b < len(T) && T[m.b].punct(",") {
		if !a.contentFrom(si, f, m.b+1) {
			return nil
		}
		return []*frame{f}
	}
	if k > 0 && T[k-1].punct(",") {
		if m.b < len(T) && T[m.b].punct(",") && !endsHere(T, m.b+1) {
			f.content = a.trimContent(model.Span{Start: T[0].Start, End: T[len(T)-1].End})
		} else if k >= 2 { // ", according to X" opening the text has nothing before it
			f.content = a.trimContent(model.Span{Start: T[0].Start, End: T[k-2].End})
		}
		if f.content.Len() == 0 {
			return nil
		}
		a.absorbQuotes(f)
		return []*frame{f}
	}
	return nil
}

func (a *analysis) participleFrame(si, k, n int, e *verbEntry) []*frame {
	s := a.sents[si]
	T := s.toks
	quoted := k+n+1 < len(T) && T[k+n].punct(":,") && T[k+n+1].Kind == tokQuote && a.notSpeech(si, k+n+1) == ""
	if k == 0 || !a.afterComma(T, k) || k+n >= len(T) || !T[k+n].is("that") && !quoted {
		return nil
	}
	var subj *mention
	for _, m := range s.ms {
		if m.b > k {
			break
		}
		if m.subject && m.kind != mPerson && m.b < len(T) && T[m.b].Kind == tokWord && !T[m.b].Cap {
			subj = m
			break
		}
	}
	if subj == nil {
		return nil
	}
	f := &frame{sent: si, verb: e, subj: subj, quote: -1, pos: subj.span.Start, how: "attr:participle " + e.Name() + " (subject of the sentence)"}
	if quoted {
		// "…, adding: “I do not comment on it.”"
		a.bindQuote(f, T[k+n+1].Quote, "attr:participle "+e.Name()+" (subject of the sentence), before a quotation")
		return []*frame{f}
	}
	if !a.contentFrom(si, f, k+n+1) {
		return nil
	}
	return []*frame{f}
}
