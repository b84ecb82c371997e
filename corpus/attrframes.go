package corpus

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

// modelFrames turns the learned attributions into speech frames: one frame
// per stretch of content (a quotation split by its attribution gives two,
// the second continuing the first), with the source as the subject mention
// the resolver settles in text order.
func (a *analysis) modelFrames(m *AttribModel, rules []*frame) []*frame {
	x := a.newAttrCtx()
	defer a.taggerWarning(x)
	at := x.at
	var out []*frame
	for _, la := range x.learnedAttributions(m, a.settledBy(rules)) {
		if x.asksQuestion(la) || x.topicOnly(la) || x.furnitureColon(la) {
			continue // context for an answer, what was talked about, or a page's label: no statement
		}
		if la.source[0] < 0 && la.cue[1]-la.cue[0] > 1 && contractedPronoun(at.toks[la.cue[0]].Low) != "" {
			// "He's also praising …": the pronoun is the source, the rest the cue
			la.source = [2]int{la.cue[0], la.cue[0] + 1}
			la.cue[0]++
		}
		if la.cue[1]-la.cue[0] > 1 && collectiveNouns[at.toks[la.cue[0]].Low] && la.source[0] >= 0 && la.source[1] == la.cue[0] {
			// "Trump aides said": the group is the source, not the cue
			la.source[1]++
			la.cue[0]++
		}
		cueSpan := at.spanOf(la.cue[0], la.cue[1])
		how := "attr:model " + a.text[cueSpan.Start:cueSpan.End]
		if why := x.explainCue(m, la.cue); why != "" {
			how += " (" + why + ")"
		}
		var subj *mention
		mentionText := ""
		// "Witkoff reportedly arrived …": the subject is not the source
		passive := x.passiveCue(la.cue) || x.hearsayCue(la.cue)
		if passive && la.source[0] >= 0 && la.source[1] <= la.cue[0] {
			// "the staffer was charged with …", "she was asked about …":
			// the subject of a passive cue is not who spoke
			la.source = [2]int{-1, -1}
		}
		if s0 := la.source[0]; s0 >= 2 && la.source[1] <= la.cue[0] {
			// "a source familiar with the matter said": the tagger took
			// what the source knows; the source is the words before it
			if k := knowerBefore(at, s0); k > 0 {
				if np := nounPhraseBefore(at, k); np < k {
					la.source = [2]int{np, k}
					for i := range la.contents {
						// the words it took as content up to what the source
						// knows ("… on Friday, a source familiar with"): up
						// to the source
						if c := &la.contents[i]; c[0] < np && np < c[1] {
							c[1] = np
						}
					}
				}
			}
		}
		if la.source[0] >= 0 && x.objectNotSource(la) {
			// "Lavrov thanked … Blinken and his delegation, and said",
			// "Trump, after speaking to … Putin, said": the subject spoke
			la.source = [2]int{-1, -1}
		}
		for la.source[0] >= 0 && la.source[1] > la.source[0] && auxiliaries[at.toks[la.source[1]-1].Low] && !at.toks[la.source[1]-1].Cap {
			// "some may say …": the modal is the verb's, not the source's
			la.source[1]--
		}
		if la.source[0] >= 0 && la.source[1] > la.source[0] && x.plausibleSource(la.source) {
			sp := at.spanOf(la.source[0], la.source[1])
			reach := sp
			if la.source[1] <= la.cue[0] {
				// "The Kremlin's adviser, Yuri Ushakov, said": up to the cue
				reach.End = at.toks[la.cue[0]].Start
			}
			subj = a.sourceMention(sp, reach)
			if subj != nil {
				whole := model.Span{Start: min(sp.Start, subj.span.Start), End: max(sp.End, subj.span.End)}
				mentionText = strings.TrimRight(a.text[whole.Start:whole.End], ",;: ")
			}
		}
		if subj == nil && !passive {
			// a participle or a coordinated verb: "…, citing difficulties",
			// "Russia blocked … and threatened to …", "While expressing …,
			// Peskov …" speak for the subject of the sentence
			subj = a.sentenceSubject(at, la)
		}
		var first *frame
		clause := la.cue[1] < len(at.toks) && (at.toks[la.cue[1]].Low == "that" || at.toks[la.cue[1]].Low == ":")
		claims := 0
		for _, c := range la.contents {
			if x.segmentIsClaim(c) {
				claims++
			}
		}
		topic := x.topicCue(la)
		for _, c := range la.contents {
			sp, qi := a.contentSpan(at, c)
			if sp.Len() == 0 || qi < 0 && at.wordsIn(c[0], c[1]) < 2 {
				continue // a stray word ("He") is no statement
			}
			if !clause && (topic || claims > 0) && !x.segmentIsClaim(c) {
				continue // a bare object beside a quotation: "“…” – the diplomat asked a counter question"
			}
			if x.asksIn(la, c) {
				continue // "…, who asked if …": a question
			}
			si := a.sentenceAt(sp.Start)
			f := &frame{sent: si, subj: subj, quote: qi, content: sp, pos: at.toks[la.cue[0]].Start, mentionText: mentionText}
			if subj != nil {
				f.pos = min(f.pos, subj.span.Start)
			}
			f.how = how
			if qi >= 0 {
				a.qbound[qi] = true
			} else {
				a.absorbQuotes(f)
			}
			if first == nil {
				first = f
			} else {
				f.parent = first
			}
			out = append(out, f)
		}
	}
	return out
}

// objectNotSource reports whether the span the tagger marked as a
// cue's source is an object in the words before the cue rather than its
// subject: a connector after a comma or a preposition stands between it
// and the cue ("hasn't spoken with Putin since 2017 but insists"), or it closes a parenthesis that opens
// with a preposition or subordinator ("Trump, after speaking to Vladimir
// Putin, said").
func (x *attrCtx) objectNotSource(la learnedAttr) bool {
	at := x.at
	if la.source[1] > la.cue[0] {
		return false
	}
	// a connector after a comma or a preposition ends the source's clause
	// ("…, and said", "with Putin since 2017 but insists"); one right
	// after the source joins another subject to it ("Clinton and her aides said")
	boundary := false
	for k := la.source[1]; k < la.cue[0]; k++ {
		t := &at.toks[k]
		switch {
		case t.Kind == akWord && (t.Low == "and" || t.Low == "but" || t.Low == "yet"):
			if boundary {
				return true
			}
		case t.Kind == akPunct && t.Low == "," || t.Kind == akWord && prepositions[t.Low]:
			boundary = true
		}
	}
	if c := la.cue[0] - 1; c < 0 || c < la.source[1]-1 || at.toks[c].Low != "," {
		return false // the source and a comma before the cue
	}
	sent := at.toks[la.source[0]].Sent
	for k := la.source[0]; k >= 0 && at.toks[k].Sent == sent; k-- {
		if t := &at.toks[k]; k < la.source[0] && t.Kind == akPunct && t.Low == "," {
			o := &at.toks[k+1]
			return o.Kind == akWord && parentheticalOpeners[o.Low]
		}
		if t := &at.toks[k]; t.Kind == akWord && parentheticalOpeners[t.Low] && k > 0 && at.toks[k-1].Low == "," {
			return true // the tagger took the opener along: "after speaking to … Putin,"
		}
	}
	return false
}

// parentheticalOpeners open a parenthesis whose names are objects:
// "after speaking to …", "during a call with …".
var parentheticalOpeners = setOf("after", "before", "while", "when", "following", "during", "with", "without",
	"despite", "unlike", "like", "upon", "since", "in", "at", "alongside", "besides")

// adverbs that the tagger can mistake for a source ("He had beforehand
// promised …").
var notSources = setOf("beforehand", "also", "additionally", "previously", "earlier", "later", "then", "again",
	"once", "still", "already", "never", "always", "often", "recently", "however", "meanwhile", "together", "too",
	"even", "just", "only", "now", "today", "yesterday", "there", "here", "so", "thus", "further", "furthermore",
	"moreover", "instead", "indeed", "reportedly", "apparently", "publicly", "privately", "repeatedly", "and", "but",
	"or", "not", "had", "has", "have", "was", "were", "is", "are", "been", "be", "would", "will", "could", "should")

// plausibleSource reports whether a span the tagger marked as the source
// can name someone: it is not only adverbs and auxiliaries.
func (x *attrCtx) plausibleSource(src [2]int) bool {
	for k := src[0]; k < src[1]; k++ {
		t := &x.at.toks[k]
		if t.Kind == akWord && (t.Cap || !notSources[t.Low] && !(strings.HasSuffix(t.Low, "ly") && len(t.Low) > 4)) {
			return true
		}
	}
	return false
}

// settledBy says of a position whether it lies in a report the rules
// attributed to a named subject: from the first of its subject and words to
// the last, and a little after (the verb of "…, Peskov said").
func (a *analysis) settledBy(rules []*frame) func(pos int) bool {
	var spans []model.Span
	for _, f := range rules {
		if f.subj == nil {
			continue
		}
		end := max(f.subj.span.End, f.content.End)
		end = max(end, min(end+24, a.sents[f.subj.sent].span.End))
		spans = append(spans, model.Span{Start: min(f.subj.span.Start, f.content.Start), End: end})
	}
	in := spanSet(spans)
	return func(pos int) bool { return in(model.Span{Start: pos, End: pos + 1}) }
}

// contentSpan is the text of tokens c without leading and trailing
// punctuation; when it is the words of one quotation, that quotation's
// index, else -1.
func (a *analysis) contentSpan(at *atext, c [2]int) (model.Span, int) {
	i, j := c[0], c[1]
	q := int32(-2)
	for k := i; k < j; k++ {
		t := &at.toks[k]
		switch {
		case t.Kind == akWord && t.InQ == 0:
			q = -1
		case t.Kind == akWord && q == -2:
			q = t.Quote
		case t.Kind == akWord && q != t.Quote:
			q = -1
		}
	}
	for i < j && (at.toks[i].Kind != akWord || at.toks[i].InQ == 0 && i+1 < j && leadWords[at.toks[i].Low]) {
		i++ // "… said that the talks …": "that" belongs to the cue; so does an "and" it split off
	}
	if q < 0 {
		j = narrativeCut(at, i, j)
	}
	for j > i && at.toks[j-1].Kind != akWord && !(at.toks[j-1].Kind == akPunct && strings.Contains("?!", at.toks[j-1].Low)) {
		j--
	}
	if i >= j {
		return model.Span{}, -1
	}
	sp := at.spanOf(i, j)
	if q >= 0 {
		return a.trimQuote(sp), int(q)
	}
	return a.trimContent(sp), -1
}

// narrativeCut ends reported words, outside quotations, where the
// narrative goes on with a clause of its own: a comma, a connector, a
// subject (a pronoun, or "its shares") and a verb in the simple past ("… said the real
// extremist is Clinton, and he railed against the moderators"). A clause
// the speech reports keeps its backshifted auxiliary ("…, and he would
// fix it") and stays.
func narrativeCut(at *atext, i, j int) int {
	for k := i + 1; k+3 < j; k++ {
		t := &at.toks[k]
		if t.InQ > 0 || t.Kind != akPunct || t.Low != "," {
			continue
		}
		if c := &at.toks[k+1]; c.Kind != akWord || !connectors[c.Low] {
			continue
		}
		// the new clause's subject: a pronoun, or a possessive or "the"
		// and up to two words ("…, and its shares fell")
		v := k + 2
		switch p := &at.toks[v]; {
		case p.Kind == akWord && subjectPronouns[p.Low]:
			v++
		case p.Kind == akWord && (possessives[p.Low] || p.Low == "the"):
			v++
			for n := 0; n < 2 && v+1 < j && at.toks[v].Kind == akWord && !pastForm(at.toks[v].Low); n++ {
				v++
			}
		default:
			continue
		}
		if v < j && at.toks[v].Kind == akWord && !auxiliaries[at.toks[v].Low] && pastForm(at.toks[v].Low) {
			return k
		}
	}
	return j
}

// subjectPronouns open a clause of their own.
var subjectPronouns = setOf("he", "she", "they", "we", "i")

// pastForm reports whether a word reads as a verb in the simple past: a
// regular -ed form or a common irregular one.
func pastForm(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") || irregularPast[w]
}

var irregularPast = setOf("said", "told", "went", "came", "took", "gave", "made", "met", "spoke", "wrote", "left",
	"began", "ran", "won", "lost", "sent", "brought", "thought", "felt", "kept", "held", "stood", "got", "saw",
	"knew", "put", "set", "drew", "threw", "rose", "fell", "sat", "led", "paid", "sought", "fought", "chose")

// leadWords open a stretch of reported words without belonging to them.
var leadWords = setOf("that", "and", "but", "or")

func (a *analysis) sentenceAt(pos int) int {
	si := sort.Search(len(a.sents), func(i int) bool { return pos < a.sents[i].span.End })
	return min(si, len(a.sents)-1)
}

// sentenceSubject is the subject of the sentence of a cue the tagger
// found no source for: the first subject mention before the cue, or, when
// the cue stands in an opening subordinate clause ("While expressing …,"),
// the first after that clause; nil when there is none.
func (a *analysis) sentenceSubject(at *atext, la learnedAttr) *mention {
	si := at.toks[la.cue[0]].Sent
	s := a.sents[si]
	cue := at.toks[la.cue[0]].Start
	from := s.span.Start
	opening := len(s.toks) > 0 && s.toks[0].Kind == tokWord && openingParticiple(s.toks[0].Low, s.toks[0].Cap) && s.toks[0].Start == cue
	if len(s.toks) > 0 && s.toks[0].Kind == tokWord && subordinators[s.toks[0].Low] {
		// "While expressing …, Peskov …": the subject after the opening clause
		for _, t := range s.toks {
			if t.punct(",") {
				if t.Start > cue {
					from = t.End
				}
				break
			}
		}
	}
	if opening {
		// "Noting that …, Tester added": the name right after the clause's
		// comma (not one in a list the clause holds, "promises to lower
		// debt, reform …, Clinton promised"), or no one
		for k := 1; k+1 < len(s.toks); k++ {
			t := s.toks[k]
			comma := t.punct(",") || t.Kind == tokQuote && strings.HasSuffix(strings.TrimRight(a.text[t.Start:t.End], "”\"’'"), ",")
			if n := s.toks[k+1]; comma && opensMainClause(n.Cap, n.Low) {
				for _, m := range s.ms {
					if m.a == k+1 && !m.poss && m.kind != mPerson && m.subject {
						return m
					}
				}
				return nil
			}
		}
		return nil
	}
	for _, m := range s.ms {
		if m.span.Start < from || m.poss || m.kind == mPerson || !m.subject {
			continue
		}
		if from == s.span.Start && m.span.Start >= cue {
			break
		}
		return m
	}
	if from != s.span.Start {
		return nil
	}
	// a name opening the sentence (after an opening adverbial: "In February
	// 2023, Russia blocked …") that no pass recognised: "Moscow has …"
	k := 0
	for k < len(s.toks) && s.toks[k].Kind == tokWord && leadingFocus[s.toks[k].Low] && s.toks[k].End < cue {
		k++ // "And even Obama tried …, noting"
	}
	if k < len(s.toks) && s.toks[k].Kind == tokWord && (adverbialStart[s.toks[k].Low] || prepositions[s.toks[k].Low]) {
		for j, t := range s.toks[k:] {
			j += k
			if t.Start >= cue {
				break
			}
			if t.punct(",") {
				k = j + 1
				break
			}
		}
	}
	k0 := k
	for k < len(s.toks) && s.toks[k].Kind == tokWord && s.toks[k].Cap && !stopCaps[s.toks[k].Low] && s.toks[k].End < cue {
		k++
	}
	if k == k0 || k == len(s.toks) {
		return nil
	}
	if s.toks[k].punct(",") {
		// "Twitter, at the same time, put …": a name and an aside
		if !sentenceVerbAfterAside(s.toks, k, cue) {
			return nil
		}
	} else if s.toks[k].Kind != tokWord || s.toks[k].Cap {
		return nil
	}
	if t := s.toks[k]; t.End < cue && (a.sp.personNouns[t.Low] || a.sp.personNouns[t.Base]) {
		k++ // "International observers", "Western diplomats": the people the words describe
	}
	sp := model.Span{Start: s.toks[k0].Start, End: s.toks[k-1].End}
	return a.sourceMention(sp, sp)
}

// openingParticiple reports whether a sentence's capitalised first word
// is a participle that opens a clause before the subject ("Noting that …,
// Tester added"), not "According".
func openingParticiple(low string, capital bool) bool {
	return capital && len(low) > 4 && strings.HasSuffix(low, "ing") && low != "according"
}

// opensMainClause reports whether a word after the comma that closes an
// opening participle's clause can start the main clause: a name, a
// subject pronoun or a determiner ("…, Tester added", "…, she said", "…,
// the senator added"), not the next item of a list in the clause.
func opensMainClause(capital bool, low string) bool {
	return capital || subjectPronouns[low] || determiners[low]
}

// leadingFocus are the words that may open a sentence before its subject:
// "And even Obama tried …".
var leadingFocus = setOf("and", "but", "yet", "so", "even", "still", "also", "now", "then")

// sentenceVerbAfterAside reports whether the comma toks[k] after a
// sentence's opening name starts a short aside that closes before cue
// with a comma and a lower-case word ("Twitter, at the same time, put"),
// not an apposition naming someone else or a list.
func sentenceVerbAfterAside(toks []token, k, cue int) bool {
	for j := k + 1; j < len(toks) && j <= k+6 && toks[j].End < cue; j++ {
		t := toks[j]
		if t.Kind == tokWord && t.Cap {
			return false
		}
		if t.punct(",") {
			return j+1 < len(toks) && toks[j+1].Kind == tokWord && !toks[j+1].Cap && toks[j+1].End < cue && !determiners[toks[j+1].Low] && !connectors[toks[j+1].Low]
		}
		if t.Kind != tokWord {
			return false
		}
	}
	return false
}

// verbBetween reports whether a finite verb stands between from and to in
// sentence s: an auxiliary, a form of "be" or a past form.
func (a *analysis) verbBetween(s *sentence, from, to int) bool {
	for _, t := range s.toks {
		if t.Start >= from && t.End <= to && t.Kind == tokWord && !t.Cap && (auxiliaries[t.Low] || beForms[t.Low] || pastForm(t.Low)) {
			return true
		}
	}
	return false
}

// sourceMention is the mention the tagger's source span names: a mention
// the earlier passes found inside it (a registry name, a role, a pronoun),
// or else a new mention of what the text says.
func (a *analysis) sourceMention(sp, reach model.Span) *mention {
	si := a.sentenceAt(sp.Start)
	s := a.sents[si]
	// "a source familiar with the matter", "people close to the Kremlin":
	// the source, not what they know
	for _, w := range knowerPhrases {
		src := a.text[sp.Start:sp.End]
		if i := strings.Index(src, w); i > 0 && !beForms[lastWord(src[:i])] {
			sp.End = sp.Start + i
			reach.End = min(reach.End, sp.End)
		}
	}
	if nm, ok := a.appositiveName(s, sp); ok {
		// "Akhil Johri, the chief financial officer", "the Vatican
		// spokesman, Federico Lombardi": the name, not the role beside it
		sp, reach = nm, nm
	}
	// the head of an English noun phrase is its last name: of "Russian
	// Foreign Ministry spokeswoman Maria Zakharova" the person, not the body
	var best, first *mention
	for _, m := range s.ms {
		if m.kind == mName && m.span.Start > sp.Start && personBefore(a.text[max(sp.Start, m.span.Start-40):m.span.Start]) {
			continue // "a longtime adviser to Trump", "a spokesman for Sanders": the adviser, not Trump
		}
		if m.span.Start < reach.End && reach.Start < m.span.End && m.kind != mPerson && !(m.poss && m.span.End < reach.End) &&
			(m.span.Start < sp.End || m.kind == mName) {
			if best == nil || m.span.End > best.span.End || m.span.End == best.span.End && m.span.Len() > best.span.Len() {
				best = m
			}
			if first == nil || m.span.Start < first.span.Start {
				first = m
			}
		}
	}
	if best != nil && first != best && first.kind == mName && first.span.End <= best.span.Start && a.verbBetween(s, first.span.End, best.span.Start) {
		// "Indiana Gov. Mike Pence is joining his running mate Donald
		// Trump": a clause, whose subject is the source, not its object
		return first
	}
	if best != nil {
		return best
	}
	m := &mention{kind: mSource, sent: si, span: sp, text: a.text[sp.Start:sp.End], subject: true, a: -1, b: -1}
	for k, t := range s.toks {
		if t.Start <= sp.Start && sp.Start < t.End || m.a < 0 && t.Start >= sp.Start {
			if m.a < 0 {
				m.a = k
			}
		}
		if t.Start < sp.End {
			m.b = k + 1
		}
	}
	if m.a < 0 {
		m.a, m.b = 0, 0
	}
	at := sort.Search(len(s.ms), func(i int) bool { return s.ms[i].a > m.a })
	s.ms = slices.Insert(s.ms, at, m)
	return m
}

// groupHead reports whether a lower-case word names a group of people or a
// body: "supporters", "officials", "campaign".
func (a *analysis) groupHead(w string) bool {
	if w != strings.ToLower(w) {
		return false
	}
	one := strings.TrimSuffix(w, "s")
	return collectiveNouns[w] || one != w && (anonymousHeads[w] || personServes[one] || a.sp.personNouns[w])
}

// headWord is a source name's head: its last word, or the last before a
// preposition ("lawyers with the … Project").
func headWord(name string) string {
	f := strings.Fields(name)
	for i, w := range f {
		if i > 0 && prepositions[strings.ToLower(w)] {
			return f[i-1]
		}
	}
	return f[len(f)-1]
}

// personBefore reports whether words before a name end in a person noun
// and a preposition ("a longtime adviser to", "a spokesman for"): the name
// is whom the person serves, not the person.
func personBefore(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	if len(f) < 2 {
		return false
	}
	switch f[len(f)-1] {
	case "to", "for", "of", "with", "close":
	default:
		return false
	}
	return personServes[strings.Trim(f[len(f)-2], ",")]
}

// personServes are people named by whom they serve or stand with.
var personServes = setOf("adviser", "advisers", "advisor", "advisors", "aide", "aides", "spokesman", "spokeswoman", "spokesperson",
	"ally", "allies", "associate", "associates", "friend", "friends", "confidant", "supporter", "supporters", "official", "officials",
	"strategist", "strategists", "lawyer", "attorney", "staffer", "staffers", "surrogate", "surrogates")

// knowerBefore is where a knower phrase ("familiar with", "close to",
// "with knowledge of") ending right before token k starts, or -1.
func knowerBefore(at *atext, k int) int {
	w := func(i int) string {
		if i < 0 || at.toks[i].Kind != akWord {
			return ""
		}
		return at.toks[i].Low
	}
	switch w(k-2) + " " + w(k-1) {
	case "familiar with", "close to", "briefed on", "knowledgeable about":
		return k - 2
	}
	if w(k-3) == "with" && w(k-2) == "knowledge" && w(k-1) == "of" {
		return k - 3
	}
	return -1
}

// nounPhraseBefore is the start of the words (at most four, no
// punctuation, no verb of being) that end right before token k: "a
// source", "people", "one Democrat".
func nounPhraseBefore(at *atext, k int) int {
	i := k
	for i > 0 && k-i < 4 && at.toks[i-1].Kind == akWord && !beForms[at.toks[i-1].Low] && !auxiliaries[at.toks[i-1].Low] {
		i--
		if determiners[at.toks[i].Low] {
			break
		}
	}
	return i
}

// knowerPhrases follow an anonymous source and name what it knows.
var knowerPhrases = []string{" familiar with ", " close to ", " briefed on ", " with knowledge of ", " knowledgeable about "}

// personHead reports whether a description's last word names a person: a
// role head, a person noun or person word of the registry (speakers.yaml),
// or an agent in -ist or -ian.
func (a *analysis) personHead(desc string) bool {
	f := strings.Fields(strings.ToLower(desc))
	if len(f) == 0 {
		return false
	}
	h := f[len(f)-1]
	if _, ok := a.sp.roleHeads[h]; ok {
		return true
	}
	return a.sp.personNouns[h] || a.sp.personWords[h] || strings.HasSuffix(h, "ist") || strings.HasSuffix(h, "ian")
}

// notANounPhrase reports whether a source span the tagger marked cannot
// be a noun phrase (phrase is the span as written): it opens with a
// subordinator or a preposition ("whether", "without", "by telephone this
// week") or, in lower case, with a bare participle or past form
// ("interrupted me in mid-sentence", "attracting"), or it is one weekday,
// adjective or adverb ("Tuesday", "ready", "better").
func (a *analysis) notANounPhrase(phrase string) bool {
	words := strings.Fields(strings.ToLower(phrase))
	if len(words) == 0 {
		return true
	}
	w := strings.Trim(words[0], ",;:")
	if subordinators[w] || w == "whether" || w == "without" || w == "been" || w == "being" ||
		prepositions[w] && w != "about" && !(w == "at" && len(words) > 1 && words[1] == "least") {
		return true
	}
	if len(words) == 1 && (weekdayWords[w] || placeAdverbs[w]) {
		return true // not months: "May" is a name too; "Outside", "Within": no one
	}
	if len(words) == 1 && (stopCaps[w] || notSourceWords[w]) || len(words) == 2 && quantifiers[w] && timeNouns[strings.Trim(words[1], ",;:")] {
		return true // "So", "Any", "Added", "One Sunday": no one
	}
	if rest := words[1:]; len(rest) == 2 && (w == "the" || w == "a" || w == "an") && (rest[0] == "most" || rest[0] == "more" || rest[0] == "very") {
		for _, suf := range []string{"ing", "ed", "est", "ful", "ive", "ous", "ble", "al"} {
			if strings.HasSuffix(rest[1], suf) {
				return true // "The most telling": an adjective, no one
			}
		}
	}
	if r, _ := utf8.DecodeRuneInString(phrase); unicode.IsUpper(r) {
		return false // a name may end in anything: "Beijing", "Kelly", "BuzzFeed"
	}
	if len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && !a.personHead(w) {
		// a verb form alone or before its object: "timed", "hearing him",
		// "considered in San Diego"
		if len(words) == 1 || determiners[words[1]] || objectPronouns[words[1]] || strings.HasSuffix(w, "ed") && prepositions[words[1]] {
			return true
		}
	}
	return len(words) == 1 && (strings.HasSuffix(w, "ly") || w == "ready" || w == "better" || w == "worse" || w == "no" || w == "yes")
}

var (
	// placeAdverbs alone name no one ("Outside, protesters chanted …")
	placeAdverbs = setOf("outside", "inside", "within", "beyond", "across", "around", "throughout", "amid", "near", "nearby", "elsewhere", "overseas", "abroad")
	// notSourceWords alone name no one, capitalised or not
	notSourceWords = setOf("added", "adding", "well", "yes", "now", "thus", "instead", "indeed", "perhaps",
		"maybe", "again", "finally", "next", "such", "watch", "read", "see", "note", "update")
	quantifiers = setOf("one", "some", "every", "each", "that", "this", "last", "next", "late", "early")
	timeNouns   = setOf("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "day", "night",
		"morning", "evening", "afternoon", "week", "month", "year", "time", "summer", "winter", "spring", "fall")
	objectPronouns = setOf("me", "him", "her", "us", "them", "it", "you")
	weekdayWords   = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)

// isNameRun reports whether tokens read as a person's name: two to four
// capitalised words that are no role words, titles or nationalities.
func (a *analysis) isNameRun(ts []token) bool {
	if len(ts) < 2 || len(ts) > 4 {
		return false
	}
	for _, t := range ts {
		if t.Kind != tokWord || !t.Cap || stopCaps[t.Low] || t.Poss || a.sp.roleWords[t.Low] || titles[t.Low] {
			return false
		}
		if _, ok := a.sp.roleHeads[t.Base]; ok {
			return false
		}
		if _, ok := a.sp.nationality[t.Low]; ok {
			return false
		}
	}
	return true
}

// appositiveName is the name of a source span that pairs a name with an
// apposition, a comma between them: "Name, the role …" or "the role …,
// Name" (a name as isNameRun reads one); the role side opens with a
// determiner or holds a role head.
func (a *analysis) appositiveName(s *sentence, sp model.Span) (model.Span, bool) {
	var toks []token
	for _, t := range s.toks {
		if t.Start >= sp.Start && t.End <= sp.End {
			toks = append(toks, t)
		}
	}
	comma := -1
	for k, t := range toks {
		if t.punct(",") {
			comma = k
			break
		}
	}
	if comma < 1 || comma >= len(toks)-1 {
		return model.Span{}, false
	}
	hasHead := func(ts []token) bool {
		for k := range ts {
			if a.isHead(ts, k) {
				return true
			}
		}
		return false
	}
	left, right := toks[:comma], toks[comma+1:]
	if end := slices.IndexFunc(right, func(t token) bool { return t.Kind != tokWord }); end >= 0 {
		right = right[:end]
	}
	opensRole := len(right) > 0 && (right[0].Low == "the" || right[0].Low == "a" || right[0].Low == "an" || hasHead(right))
	if a.isNameRun(left) && opensRole {
		return model.Span{Start: left[0].Start, End: left[len(left)-1].End}, true
	}
	// "former South Carolina Gov. Jim Hodges, a Clinton backer": a name
	// with its role before the comma is the source, not a name inside
	// the description after it
	if opensRole && !hasHead(left[len(left)-1:]) && !slices.ContainsFunc(left, func(t token) bool { return t.Kind != tokWord && !t.punct(".") }) {
		end := left[len(left)-1].End
		for _, m := range s.ms {
			if m.kind == mName && m.span.End == end && m.span.Start >= left[0].Start {
				return model.Span{Start: left[0].Start, End: end}, true
			}
		}
	}
	if a.isNameRun(right) && hasHead(left) {
		return model.Span{Start: right[0].Start, End: right[len(right)-1].End}, true
	}
	return model.Span{}, false
}

// resolveSource settles a source mention no other pass recognised: a
// relative "who" takes the person it follows; anonymous sources are named
// honestly ("anonymous sources (Bloomberg)"); any other person or body is
// a speaker as the text names it.
func (r *spkResolver) resolveSource(m *mention) (*speakerEntry, string) {
	a := r.a
	name := cleanSourceName(m.text)
	low := strings.ToLower(name)
	if p := contractedPronoun(apostrophes.Replace(low)); p != "" {
		low = p // "He's", "They're": the pronoun
	}
	if f := strings.Fields(low); len(f) > 1 && (f[0] == "who" || f[0] == "which") {
		low = f[0] // the tagger took the relative clause along: "who digested …"
	}
	switch low {
	case "who", "which", "that":
		if sp, how := r.antecedent(m); sp != nil {
			return sp, fmt.Sprintf("speaker:%s → %s, %s", low, sp.Name, how)
		}
		return nil, "speaker:" + low + ": no name before it"
	case "he", "she", "his", "her":
		// a pronoun the tagger marked where the pronoun pass found none
		// ("his statement said"): resolved as a pronoun is
		m.word = "he"
		if low == "she" || low == "her" {
			m.word = "she"
		}
		return r.resolvePronoun(m, a.sents[m.sent].para)
	case "it", "its":
		// "The Kremlin … It said": the body last made the subject, in
		// this paragraph or the one before, with no one else between
		if sp, how := r.bodyBefore(m); sp != nil {
			return sp, "speaker:" + m.text + " → " + sp.Name + ", " + how
		}
		if sp, how := r.docNounBefore(m); sp != nil {
			return sp, how
		}
		return nil, "speaker:" + m.text + " is not resolved"
	case "i", "we", "you", "they", "their", "":
		return nil, "speaker:" + m.text + " is not resolved"
	}
	if anon, plural, outlet := a.anonymous(name, m.text); anon {
		label := "anonymous source"
		if plural {
			label += "s"
		}
		if outlet != "" {
			label += " (" + outlet + ")"
		}
		e := a.textSpeaker(label, model.NoAffil)
		e.Gender = "body"
		return e, "speaker:anonymous " + m.text
	}
	// "a Kremlin spokesperson": a role the article or the registry gives one person
	if sp, how := r.roleHolder(name); sp != nil {
		return sp, how
	}
	// "the Kremlin's top foreign policy adviser", "the high-ranking
	// diplomat": a role phrase no pass read as one, settled as roles are
	if f := strings.Fields(name); len(f) > 0 && len(f) <= 6 {
		if _, ok := a.sp.roleHeads[normWord(f[len(f)-1])]; ok {
			rm := *m
			rm.kind, rm.role = mRole, name
			if sp, how := r.resolveRole(&rm); sp != nil {
				return sp, how
			}
		}
	}
	if a.notANounPhrase(m.text) {
		return nil, "speaker:“" + m.text + "” names no one"
	}
	if !anyUpper(name) && a.personHead(name) {
		// "the actress", "the star": the person last made the subject
		if sp, how := r.definiteReference(m, name); sp != nil {
			return sp, how
		}
	}
	if !anyUpper(name) && !strings.Contains(name, " ") && strings.HasPrefix(strings.ToLower(m.text), "the ") {
		// "the campaign" after "the Sanders campaign", "the ministry"
		// after "the Russian Foreign Ministry": the one body named before
		// whose name ends in the word
		if sp := r.bodyNamedBefore(m, low); sp != nil {
			return sp, "speaker:" + m.text + " → " + sp.Name + ", named before"
		}
	}
	if !anyUpper(name) || a.startsSentence(m.span.Start) && a.commonPlural(name) {
		name = low // "diplomats", "arms control advocates", "Diplomats say …"
	}
	rule := "speaker:source " + m.text
	if full := a.fullerName(name, m.span.Start); full != "" {
		// "the Journal" after "The Wall Street Journal": the name as the text gave it first
		rule += " (" + full + ", named before)"
		name = full
	}
	aff := a.affiliationOf(name)
	if p, ok := a.sp.places[normPhrase(name)]; ok && aff == model.NoAffil {
		aff = p // "Moscow", "Kyiv": the government speaking
	}
	e := a.textSpeaker(name, aff)
	if !anyUpper(name) && e.Gender == "" && !a.personHead(strings.TrimSuffix(name, "s")) && !a.personHead(name) {
		e.Gender = "body"
	}
	if e.Gender == "" && newspaperName(name) {
		e.Gender = "body"
	}
	if e.Gender == "" && !anyUpper(headWord(name)) {
		e.Gender = nounGender(headWord(name)) // "an ICE spokeswoman": she
	}
	if e.Gender == "" && strings.Contains(name, " ") && a.groupHead(headWord(name)) {
		e.Gender = "body" // "Some Sanders supporters", "Trump aides": they, never he or she
	}
	return e, rule
}

// bodyNamedBefore is the speaker named before m whose capitalised name of
// two words or more ends in noun ("Sanders campaign" for "the campaign"),
// when the text named only one such; else nil.
func (r *spkResolver) bodyNamedBefore(m *mention, noun string) *speakerEntry {
	var found *speakerEntry
	for _, x := range r.all {
		if x.span.Start >= m.span.Start {
			break
		}
		sp := x.speaker
		if sp == nil || sp == found {
			continue
		}
		f := strings.Fields(strings.ToLower(sp.Name))
		if len(f) < 2 || f[len(f)-1] != noun || !upperStart(sp.Name) || strings.Contains(sp.Name, ",") {
			continue // a name ("the Clinton campaign"), not a description ("one company")
		}
		if found != nil {
			return nil // "the Clinton campaign" and "the Trump campaign": which, the text does not say
		}
		found = sp
	}
	return found
}

// fullerName is the longer name a one-word name stands for, when the text
// gave it before: a run of two to four capitalised words ending in that
// word ("The Wall Street Journal" … "the Journal"), the same run each
// time. A word of the registry, or a run that is a sentence's first words
// only by capitals, gives none.
func (a *analysis) fullerName(name string, before int) string {
	if strings.Contains(name, " ") || !anyUpper(name) || len(a.sp.aliasIndex[normPhrase(name)]) > 0 || a.names[normPhrase(name)] != nil {
		return ""
	}
	found, low := "", strings.ToLower(name)
	for _, s := range a.sents {
		if s.span.Start >= before {
			break
		}
		T := s.toks
		for k := 1; k < len(T); k++ {
			if T[k].Kind != tokWord || !T[k].Cap || T[k].Base != low {
				continue
			}
			i := k
			for i > 0 && k-i < 3 && T[i-1].Kind == tokWord && T[i-1].Cap && !T[i-1].Poss && !stopCaps[T[i-1].Low] && !titles[T[i-1].Low] {
				i--
			}
			if i == k {
				continue
			}
			run := a.text[T[i].Start:T[k-1].End] + " " + name
			if found != "" && found != run {
				return "" // two names end in the word: "Wall Street Journal", "Journal Sentinel"
			}
			found = run
		}
	}
	return found
}

// bodyBefore is the institution "it" refers back to: the last subject
// before the mention, in its paragraph or the one before, when that
// subject is a body (a ministry, a campaign, a newspaper) and no person
// stands between.
func (r *spkResolver) bodyBefore(m *mention) (*speakerEntry, string) {
	para := r.a.sents[m.sent].para
	for i := len(r.history) - 1; i >= 0 && i >= len(r.history)-mentionReach; i-- {
		h := r.history[i]
		if h.pos >= m.span.Start {
			continue
		}
		if h.para < para-1 || h.blocker || h.sp == nil || h.sp.Gender != "body" && !r.a.bareBody(h.sp) {
			return nil, ""
		}
		if f := strings.Fields(strings.ToLower(h.sp.Name)); len(f) == 0 || stopCaps[f[0]] || strings.HasPrefix(h.sp.Name, "anonymous sources") {
			return nil, "" // "they", not "it"; or no name at all
		}
		return h.sp, fmt.Sprintf("the body last made the subject (paragraph %d)", h.para+1)
	}
	return nil, ""
}

// bareBody reports whether a speaker the text introduced is one
// capitalised word that is no given name and has no gender ("Twitter",
// "Xinhua"): a body for "it".
func (a *analysis) bareBody(sp *speakerEntry) bool {
	if r, _ := utf8.DecodeRuneInString(sp.Name); sp.Gender != "" || strings.ContainsAny(sp.Name, " .") || !a.isTextPerson(sp) || !unicode.IsUpper(r) {
		return false
	}
	_, given := a.sp.givenNames[strings.ToLower(sp.Name)]
	return !given
}

// docNounBefore is what "it" opening a sentence stands for when no speaker
// does: the document or body the sentence before opens with ("The report
// also provided details … It said …").
func (r *spkResolver) docNounBefore(m *mention) (*speakerEntry, string) {
	a := r.a
	s := a.sents[m.sent]
	if m.sent == 0 || len(s.toks) == 0 || s.toks[0].Start != m.span.Start {
		return nil, ""
	}
	p := a.sents[m.sent-1]
	if p.para < s.para-1 || len(p.toks) < 3 || !determiners[p.toks[0].Low] {
		return nil, ""
	}
	for k := 1; k < len(p.toks) && k <= 4; k++ {
		t := p.toks[k]
		if t.Kind != tokWord {
			return nil, ""
		}
		if a.sp.bodyNouns[t.Low] && k+1 < len(p.toks) && p.toks[k+1].Kind == tokWord && !p.toks[k+1].Cap && !prepositions[p.toks[k+1].Low] {
			name := a.text[p.toks[1].Start:t.End]
			e := a.textSpeaker(name, a.affiliationOf(name))
			if e.Gender == "" {
				e.Gender = "body"
			}
			return e, fmt.Sprintf("speaker:%s → %s, the subject of the sentence before", m.text, name)
		}
	}
	return nil, ""
}

// roleHolder is the one speaker a role phrase names: through the article's
// appositions ("Yuri Ushakov, the Kremlin's foreign policy adviser") or the
// registry's roles on the article's date.
func (r *spkResolver) roleHolder(name string) (*speakerEntry, string) {
	a := r.a
	key := normPhrase(cleanRole(name))
	if ref, ok := a.table[key]; ok && ref.sp != nil {
		return ref.sp, ref.rule + " (" + name + ")"
	}
	from, to := a.docRange()
	if hs := a.sp.holders(key, from, to); len(hs) == 1 {
		return hs[0].sp, fmt.Sprintf("role:%s → %s (the only holder in the registry)", name, hs[0].sp.Name)
	}
	return nil, ""
}

// startsSentence reports whether pos is where a sentence begins.
func (a *analysis) startsSentence(pos int) bool {
	return a.sents[a.sentenceAt(pos)].span.Start == pos
}

// commonPlural reports whether a name is one capitalised plural noun for
// people ("Diplomats", "Critics"), capitalised only because it opens a
// sentence: a person noun of the registry, or a role head's plural.
func (a *analysis) commonPlural(name string) bool {
	f := strings.Fields(name)
	if len(f) != 1 {
		return false
	}
	low := strings.ToLower(f[0])
	if low[1:] != f[0][1:] {
		return false // "NATO", "McConnell"
	}
	_, head := a.sp.roleHeads[strings.TrimSuffix(low, "s")]
	return a.sp.personNouns[low] || head && strings.HasSuffix(low, "s") || low == "authorities" || low == "diplomats"
}

// cleanSourceName trims what is not the name from a source span: an
// opening determiner or adverbial ("Earlier, Bloomberg"), a trailing comma
// or possessive.
func cleanSourceName(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ", "); i > 0 && i < len(s)-2 {
		if w := strings.ToLower(s[:i]); !strings.Contains(w, " ") && (strings.HasSuffix(w, "ly") || adverbialStart[w]) {
			s = s[i+2:]
		}
	}
	// an apposition or a parenthesis after the name: "Bloomberg, an American
	// media outlet", "the Federal Security Service (FSB)"
	for _, sep := range []string{", a ", ", an ", ", the ", " (", " who ", ", who", ", whose ", ", which "} {
		if i := strings.Index(s+" ", sep); i > 0 {
			s = s[:i] // and a relative clause: "The Romanian hacker who first revealed …"
		}
	}
	// an age after the name: "Nicky Driscoll, 24, from Manchester"
	for i := strings.Index(s, ", "); i > 0 && i+2 < len(s); {
		if c := s[i+2]; c >= '0' && c <= '9' {
			s = s[:i]
			break
		}
		j := strings.Index(s[i+2:], ", ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	s = strings.TrimRight(s, ",;: ")
	// the medium after an outlet's name: "CBS television", "the CNN channel"
	if f := strings.Fields(s); len(f) >= 2 && mediumWords[strings.ToLower(f[len(f)-1])] && allCapitalised(strings.Join(f[:len(f)-1], " ")) {
		s = strings.Join(f[:len(f)-1], " ")
	}
	s = strings.ReplaceAll(s, "U.S.", "US")
	if newspaperName(s) {
		s = "The" + s[3:] // "the New York Times": the name's own capital
	}
	for stripped := true; stripped; { // "the the congressional report": a typo's article too
		stripped = false
		for _, d := range []string{"the ", "a ", "an ", "The ", "A ", "An "} {
			if strings.HasPrefix(s, d) && !newspaperName(s) {
				s, stripped = s[len(d):], true
				break
			}
		}
	}
	for _, p := range []string{"’s", "'s"} {
		s = strings.TrimSuffix(s, p)
	}
	return strings.TrimSpace(s)
}

// newspaperName reports whether s is a newspaper's name with its article
// ("The Wall Street Journal", "the New York Times"): the article is part
// of the name.
func newspaperName(s string) bool {
	f := strings.Fields(s)
	if len(f) < 3 || !strings.EqualFold(f[0], "the") || !allCapitalised(strings.Join(f[1:], " ")) {
		return false
	}
	return newspaperHeads[f[len(f)-1]]
}

// newspaperHeads end newspapers' names.
var newspaperHeads = setOf("Journal", "Times", "Post", "Guardian", "Telegraph", "Independent", "Economist", "Herald", "Tribune",
	"Globe", "Chronicle", "Gazette", "Observer", "Inquirer", "Examiner", "Courier", "Mail", "Mirror", "Star", "Sun", "Record", "Register")

// mediumWords follow an outlet's name without being part of it.
var mediumWords = setOf("television", "tv", "channel", "newspaper", "radio", "broadcaster", "website", "portal", "daily")

func anyUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// anonymousHeads are the nouns of sources the text does not name; a
// phrase with one of them is anonymous unless a name qualifies it ("Russian
// officials" are named, "officials" and "a source familiar with the talks"
// are not). Sources ("sources", "insiders") are anonymous even so
// ("Bloomberg's sources").
var (
	anonymousHeads = setOf("official", "officials", "person", "people", "aide", "aides")
	// cuedHeads are anonymous only beside a cue of anonymity: "a longtime
	// adviser to Trump, who declined to be identified" (but "the Kremlin's
	// top foreign policy adviser" is a role's holder)
	cuedHeads       = setOf("adviser", "advisers", "advisor", "advisors", "strategist", "strategists")
	alwaysAnonymous = setOf("source", "sources", "insider", "insiders")
	anonymousCues   = []string{"familiar with", "close to", "anonymity", "not authorized", "declined to be named", "declined to be identified", "who asked not to be"}
)

// anonymous reports whether a source is one the text does not name, whether
// it is plural, and the outlet it is credited to: a possessor in the phrase
// ("Bloomberg's sources"), or the article's own outlet.
// whole is the source as the text gives it, relative clause and all.
func (a *analysis) anonymous(name, whole string) (anon, plural bool, outlet string) {
	words := strings.Fields(name)
	low := strings.ToLower(whole) // the cues of anonymity may stand in a relative clause the name has lost
	head := -1
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",;"))
		if alwaysAnonymous[lw] || anonymousHeads[lw] || cuedHeads[lw] {
			head = i
			break
		}
	}
	if head < 0 {
		return false, false, ""
	}
	if cuedHeads[strings.ToLower(words[head])] && !slices.ContainsFunc(anonymousCues, func(c string) bool { return strings.Contains(low, c) }) {
		return false, false, ""
	}
	h := strings.ToLower(words[head])
	if !alwaysAnonymous[h] {
		named := false
		for _, w := range words[:head] {
			named = named || anyUpper(w) && !strings.HasSuffix(w, "’s") && !strings.HasSuffix(w, "'s")
		}
		cue := false
		for _, c := range anonymousCues {
			cue = cue || strings.Contains(low, c)
		}
		if named && !cue {
			return false, false, ""
		}
	}
	// a named person is not anonymous: "aide John Smith"
	for _, w := range words[head+1:] {
		if lw := strings.ToLower(w); lw == "familiar" || lw == "close" || lw == "who" || lw == "with" || lw == "on" || lw == "in" || lw == "to" || lw == "for" {
			break
		}
		if anyUpper(w) {
			return false, false, ""
		}
	}
	plural = strings.HasSuffix(h, "s") || h == "people"
	for _, w := range words[:head] {
		for _, p := range []string{"’s", "'s"} {
			if o, ok := strings.CutSuffix(w, p); ok && anyUpper(o) {
				outlet = o
			}
		}
	}
	if outlet == "" {
		outlet = a.doc.Source
	}
	return true, plural, outlet
}

// textSpeaker is the speaker the article names so, introduced once.
func (a *analysis) textSpeaker(name string, aff model.Affiliation) *speakerEntry {
	key := strings.TrimPrefix(normPhrase(name), "the ") // "The New York Times", "New York Times": one paper
	if e := a.names[key]; e != nil {
		return e
	}
	if es := a.sp.aliasIndex[key]; len(es) == 1 {
		return es[0]
	}
	e := &speakerEntry{Speaker: model.Speaker{Name: name, Affiliation: aff}}
	a.persons = append(a.persons, e)
	a.names[key] = e
	// a person's surname names them later in the article: "Shane Croucher" … "Croucher"
	if f := strings.Fields(key); len(f) >= 2 && len(f) <= 4 && allCapitalised(name) {
		if last := f[len(f)-1]; a.names[last] == nil && len(a.sp.aliasIndex[last]) == 0 {
			a.names[last] = e
		}
	}
	return e
}

func allCapitalised(s string) bool {
	for _, w := range strings.Fields(s) {
		if r := []rune(w)[0]; !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// antecedent is the speaker a relative "who" follows: "Lavrov, who said".
func (r *spkResolver) antecedent(m *mention) (*speakerEntry, string) {
	s := r.a.sents[m.sent]
	j := m.a - 1
	if j >= 0 && s.toks[j].punct(",") {
		j--
	}
	for j >= 0 {
		if x := s.mentionEndingAt(j); x != nil && x != m {
			r.resolve(x, s.para)
			if x.speaker != nil {
				return x.speaker, "the name before it"
			}
			return nil, ""
		}
		// past an apposition: "Lavrov, Russia's foreign minister, who …"
		if s.toks[j].punct(",") || j < m.a-12 {
			break
		}
		j--
	}
	if sp, ok := r.appositionOwner(m); ok {
		return sp, "the name its apposition describes"
	}
	// people the text describes: "activists, who said …", "a woman who told …"
	if e := m.a; e > 0 {
		if s.toks[e-1].punct(",") {
			e--
		}
		k := e
		for k > 0 && e-k < 5 && s.toks[k-1].Kind == tokWord && !relativeOrVerb(s.toks[k-1].Low) && !strings.HasSuffix(s.toks[k-1].Low, "ing") {
			k--
			if determiners[s.toks[k].Low] || isDigitStart(s.toks[k].Low) {
				break
			}
		}
		rel := strings.ToLower(strings.TrimSpace(m.text))
		if k < e && (!s.toks[e-1].Cap || rel == "who" && groupOfCaps(s.toks[k:e])) && !possessives[s.toks[k].Low] {
			last := s.toks[e-1].Low
			// "who" stands for people whatever noun names them ("the
			// Romanian hacker who", "liberals who")
			known := r.a.personHead(last) || strings.HasSuffix(last, "s") && r.a.personHead(strings.TrimSuffix(last, "s"))
			if !known && rel == "who" && relativeHead(s.toks[e-1]) {
				// a noun no table knows: its head, and a capitalised word
				// before it ("the Romanian hacker who", "… unites liberals
				// who"); the words before may be the sentence's verb
				k = e - 1
				for k > 0 && e-k < 4 && s.toks[k-1].Kind == tokWord && s.toks[k-1].Cap && !determiners[s.toks[k-1].Low] && !stopCaps[s.toks[k-1].Low] {
					k--
				}
			}
			if known || rel == "who" && relativeHead(s.toks[e-1]) {
				pm := &mention{kind: mPerson, sent: m.sent, a: k, b: e, subject: true,
					span: model.Span{Start: s.toks[k].Start, End: s.toks[e-1].End}}
				pm.text = r.a.text[pm.span.Start:pm.span.End]
				if sp, how := r.resolveSource(pm); sp != nil {
					return sp, "the people described before it (" + how + ")"
				}
			}
		}
	}
	// a name no pass recognised: "a new book by Joe Conason, who detailed …"
	if e := m.a - 1; e > 0 && s.toks[e].punct(",") {
		k := e
		for k > 0 && e-k < 4 && s.toks[k-1].Kind == tokWord && s.toks[k-1].Cap && !stopCaps[s.toks[k-1].Low] {
			k--
		}
		if e-k >= 2 && (k == 0 || !s.toks[k-1].Cap) {
			if r.a.isNameRun(s.toks[k:e]) {
				return r.a.textSpeaker(r.a.text[s.toks[k].Start:s.toks[e-1].End], model.NoAffil), "the name before it"
			}
		}
	}
	return nil, ""
}

// appositionOwner is the name an apposition before the relative m
// describes: "said Lionel Sosa, a Texas media consultant and an
// influential Hispanic Republican who …", "Alan Berger, a gynecologist
// from Englewood, New Jersey, who …", "Nicky Driscoll, 24, from
// Manchester, who …". The apposition opens after a comma with "a", "an",
// "the" or an age, holds no clause (no verb form of "be" or "have", no
// pronoun) and reaches the relative within three commas.
func (r *spkResolver) appositionOwner(m *mention) (*speakerEntry, bool) {
	s := r.a.sents[m.sent]
	commas := 0
	for j := m.a - 1; j > 0 && j >= m.a-24; j-- {
		t := s.toks[j]
		if !t.punct(",") {
			if t.Kind != tokWord || clauseWords[t.Low] || connectors[t.Low] && t.Low != "and" {
				return nil, false
			}
			continue
		}
		if commas++; commas > 3 {
			return nil, false
		}
		if j+1 >= m.a {
			continue
		}
		if next := s.toks[j+1]; next.Kind != tokWord || next.Low != "a" && next.Low != "an" && next.Low != "the" && !isDigitStart(next.Low) {
			continue
		}
		if x := s.mentionEndingAt(j - 1); x != nil && x.kind == mName {
			r.resolve(x, s.para)
			return x.speaker, x.speaker != nil
		}
		k := j
		for k > 0 && j-k < 4 && s.toks[k-1].Kind == tokWord && s.toks[k-1].Cap {
			k--
		}
		if (k == 0 || !s.toks[k-1].Cap) && r.a.isNameRun(s.toks[k:j]) {
			return r.a.textSpeaker(r.a.text[s.toks[k].Start:s.toks[j-1].End], model.NoAffil), true
		}
		return nil, false
	}
	return nil, false
}

// relativeHead reports whether a word can head the noun phrase a relative
// pronoun stands for: not a pronoun, determiner, number, quantity,
// preposition or -ly adverb.
func relativeHead(t token) bool {
	w := t.Low
	return t.Kind == tokWord && len(w) > 2 && !isDigitStart(w) && !determiners[w] && !possessives[w] && !subjectPronouns[w] &&
		!objectPronouns[w] && !lyAdverb(w) && !relativeNotPeople[w] && !prepositions[w]
}

// relativeNotPeople end a phrase before "who" without naming whom it
// stands for ("those who", "among others who", "ten who").
var relativeNotPeople = setOf("those", "others", "ones", "anyone", "everyone", "someone", "people", "many", "few", "some",
	"all", "both", "each", "any", "most", "none", "ten", "percent", "more", "less", "number", "majority", "minority", "half",
	"third", "quarter", "dozen", "dozens", "handful", "lot", "rest", "share")

// groupOfCaps reports whether capitalised words before "who" name a group
// ("Republicans who", "Sanders supporters who"): a plural last word.
func groupOfCaps(ts []token) bool {
	last := ts[len(ts)-1].Low
	return len(ts) <= 2 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}

// relativeOrVerb: words that end a noun phrase read backwards from "who".
func relativeOrVerb(w string) bool {
	return auxiliaries[w] || beForms[w] || prepositions[w] || connectors[w] || w == "who" || w == "that" || w == "which"
}

// clauseWords are words that show a stretch of text is a clause, not a bare
// noun phrase: auxiliaries, modals, negation, subject pronouns.
var clauseWords = setOf("is", "are", "was", "were", "be", "been", "being", "will", "would", "can", "could", "should",
	"must", "may", "might", "has", "have", "had", "does", "did", "do", "not", "no", "he", "she", "they", "it", "we",
	"i", "you", "there", "won't", "can't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
	"wouldn't", "couldn't", "shouldn't", "hasn't", "haven't", "if", "whether", "to")

// topicOnly reports whether an attribution names only what was talked
// about or whom a courtesy went to — an act with a bare noun-phrase object
// ("discussed the crisis", "commented on the report", "thanked his
// counterpart", "answered questions about the talks") — which a careful
// reader does not record as a statement: the words would read as the
// speaker's own. A stance taken on the object is one ("criticized the
// administration for its policy", "denied the accusations", "called for a
// ceasefire"), and so is a quotation, a clause or a characterisation
// ("dismissed the plan as capitulation") after any cue.
func (x *attrCtx) topicOnly(la learnedAttr) bool {
	at := x.at
	if !x.topicCue(la) {
		return false
	}
	for _, c := range la.contents {
		// a relative clause after the object is about the object, not
		// a claim: "commented on the statements, in which he …"
		end := c[0]
		for end < c[1] && !(at.toks[end].Kind == akPunct && at.toks[end].Low == "," && at.toks[end].InQ == 0) {
			end++
		}
		if x.segmentIsClaim([2]int{c[0], end}) {
			return false
		}
	}
	return true
}

// passiveCue reports whether a cue is passive with no agent in it: a form
// of "be" (or "get") and a past participle ("was charged with", "is said
// to", "has been accused of"), not "was quoted as saying", whose subject
// is the one quoted.
func (x *attrCtx) passiveCue(c [2]int) bool {
	at := x.at
	for k := c[0]; k+1 < c[1]; k++ {
		if at.toks[k].Kind != akWord || !beForms[at.toks[k].Low] {
			continue
		}
		v := k + 1
		for v < c[1] && at.toks[v].Kind == akWord && (lyAdverb(at.toks[v].Low) || at.toks[v].Low == "also" || at.toks[v].Low == "being") {
			v++
		}
		if v >= c[1] || at.toks[v].Kind != akWord || !pastForm(at.toks[v].Low) && !participles[at.toks[v].Low] {
			continue
		}
		switch at.toks[v].Low {
		case "quoted", "cited":
			return false
		}
		for j := v + 1; j < c[1]; j++ {
			if at.toks[j].Low == "by" {
				return false
			}
		}
		return true
	}
	return false
}

// contractedPronoun is the pronoun of a contraction ("he's", "they're",
// "i'd"), or "".
func contractedPronoun(low string) string {
	p, rest, ok := strings.Cut(low, "'")
	if !ok || !contractions[rest] {
		return ""
	}
	switch p {
	case "he", "she", "it", "i", "we", "you", "they":
		return p
	}
	return ""
}

var contractions = setOf("s", "re", "ll", "d", "ve", "m")

// hearsayCue reports whether a cue is only an adverb of hearsay
// ("reportedly", "allegedly"), which names no source.
func (x *attrCtx) hearsayCue(c [2]int) bool {
	for k := c[0]; k < c[1]; k++ {
		if t := &x.at.toks[k]; t.Kind != akWord || !hearsayWords[t.Low] {
			return false
		}
	}
	return c[1] > c[0]
}

var hearsayWords = setOf("reportedly", "allegedly", "purportedly", "reputedly", "supposedly", "ostensibly")

var beForms = setOf("is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten")

// participles are irregular past participles a passive cue takes.
var participles = setOf("told", "shown", "given", "known", "seen", "written", "taken", "heard", "spoken", "thought")

// topicCue reports whether a cue names a topic or a courtesy (topicStems)
// and no "that" or colon follows it.
func (x *attrCtx) topicCue(la learnedAttr) bool {
	at := x.at
	if c := la.cue[1]; c < len(at.toks) && (at.toks[c].Low == "that" || at.toks[c].Low == ":") {
		return false
	}
	for k := la.cue[0]; k < la.cue[1]; k++ {
		if t := &at.toks[k]; t.Kind == akWord && topicStems[t.Stem] {
			return true
		}
	}
	return false
}

// furnitureColon reports whether a colon the tagger read as a cue follows
// a page's label, not a speaker: "[Source: FSB statement]", "Watch: the
// full press conference", "Photo: …".
func (x *attrCtx) furnitureColon(la learnedAttr) bool {
	at := x.at
	if la.cue[1]-la.cue[0] != 1 || at.toks[la.cue[0]].Low != ":" {
		return false
	}
	k := la.cue[0] - 1
	if k < 0 || at.toks[k].Kind != akWord {
		return false
	}
	return furnitureWords[at.toks[k].Low] || colonLabels[at.toks[k].Low]
}

// colonLabels are words that, before a colon, label page furniture rather
// than name a speaker.
var colonLabels = setOf("watch", "read", "see", "listen", "related", "share", "more", "also", "pictured", "image",
	"images", "file", "editor", "contact")

// topicStems are the Snowball stems of cues that name a topic or a
// courtesy, not a stance: "discussed", "commented on", "spoke about",
// "mentioned", "addressed", "answered questions about", "referred to",
// "touched on", "thanked", "greeted", "congratulated", "briefed"; and
// "asked" with a bare object ("asked a counter question"), a question.
var topicStems = setOf("discuss", "comment", "talk", "speak", "spoke", "mention", "address", "answer", "refer",
	"touch", "thank", "greet", "congratul", "brief", "rais", "remark", "discus", "convers", "chat", "ask", "inquir")

// segmentIsClaim reports whether a stretch of reported words holds quoted
// words, a clause or a characterisation ("dismissed the plan as
// capitulation").
func (x *attrCtx) segmentIsClaim(c [2]int) bool {
	at := x.at
	words := 0
	for k := c[0]; k < c[1]; k++ {
		t := &at.toks[k]
		if t.InQ > 0 || t.Kind == akOpen {
			return true
		}
		if t.Kind != akWord {
			continue
		}
		words++
		if t.Low == "to" {
			// an infinitive ("urged Washington to reconsider"), not a
			// preposition ("statements to the agency")
			if k+1 < c[1] && at.toks[k+1].Kind == akWord && !at.toks[k+1].Cap && !determiners[at.toks[k+1].Low] && !isDigitStart(at.toks[k+1].Low) {
				return true
			}
			continue
		}
		if clauseWords[t.Low] || words > 1 && (t.Low == "as" || strings.HasSuffix(t.Low, "ed") && len(t.Low) > 4) {
			return true
		}
	}
	return false
}

// objectIsClaim reports whether the object a speech verb takes without
// "that" ("criticized the administration for its policy", "underscored a
// preference for a “more constructive” approach") reads as a claim, by the
// same test as segmentIsClaim: quoted words, a clause or a characterisation.
func objectIsClaim(text string) bool {
	if strings.ContainsAny(text, "“”\"«»") {
		return true
	}
	for i, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		w = normWord(w)
		if clauseWords[w] || i > 0 && (w == "as" || strings.HasSuffix(w, "ed") && len(w) > 4) {
			return true
		}
	}
	return false
}

// questionWords open an indirect question.
var questionWords = setOf("whether", "if", "how", "why", "what", "who", "when", "where", "which")

// asksQuestion reports whether an attribution reports a question ("was
// asked whether …", "asked how …"): context for an answer, not a
// statement.
func (x *attrCtx) asksQuestion(la learnedAttr) bool {
	return x.asksIn(la, la.contents[0])
}

// asksIn reports whether one stretch of an attribution's words is the
// question a cue of asking reports: it opens with a question word or
// "about".
func (x *attrCtx) asksIn(la learnedAttr, c [2]int) bool {
	at := x.at
	switch at.toks[la.cue[1]-1].Stem {
	case "ask", "wonder", "inquir", "question":
	default:
		return false
	}
	for k := c[0]; k < c[1]; k++ {
		if at.toks[k].Kind == akWord {
			return questionWords[at.toks[k].Low] || at.toks[k].Low == "about"
		}
	}
	return false
}
