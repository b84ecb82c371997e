package corpus

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/model"
)

// Extract finds the statements of a cleaned, dated document: it pairs the
// quotations, finds the speaker mentions and speech frames, resolves each
// frame's speaker in text order, dates each statement (its own words, or
// the document's date) and assigns its topics. It returns the statements in
// text order with IDs "<doc id>#1", "#2", …, and the people the registry
// does not know who speak in the document.
func (r *Registry) Extract(doc *model.Document) ([]*model.Statement, []*model.Speaker) {
	return r.extract(doc, nil)
}

// extract is Extract charging what it holds to b (limits.go).
func (r *Registry) extract(doc *model.Document, b *budget) ([]*model.Statement, []*model.Speaker) {
	if r == nil || doc == nil || strings.TrimSpace(doc.Text) == "" {
		return nil, nil
	}
	a := newAnalysisIn(r, doc, b)
	a.passA()
	a.passB()
	a.markSubjects()
	a.chargeMentions()
	a.findFrames()
	b.charge(len(a.frames) * frameSize)
	a.resolveAll()
	b.check()
	stmts := a.statements()
	var speakers []*model.Speaker
	speaks := map[string]bool{}
	for _, s := range stmts {
		speaks[s.Speaker] = true
	}
	for _, p := range a.persons {
		if speaks[p.Name] {
			sp := p.Speaker
			speakers = append(speakers, &sp)
		}
	}
	return stmts, speakers
}

// resolveAll walks mentions and frames in text order, resolving each
// mention and settling each frame's speaker.
func (a *analysis) resolveAll() {
	type event struct {
		pos   int
		order int
		m     *mention
		f     *frame
	}
	var evs []event
	for _, s := range a.sents {
		for _, m := range s.ms {
			evs = append(evs, event{pos: m.span.Start, m: m})
		}
	}
	for _, f := range a.frames {
		evs = append(evs, event{pos: f.pos, order: 1, f: f})
	}
	sort.SliceStable(evs, func(i, j int) bool {
		if evs[i].pos != evs[j].pos {
			return evs[i].pos < evs[j].pos
		}
		return evs[i].order < evs[j].order
	})
	bySent := map[int][]*frame{}
	for _, f := range a.frames {
		if f.quote < 0 {
			bySent[f.sent] = append(bySent[f.sent], f)
		}
	}
	inContent := func(m *mention) bool {
		for _, f := range bySent[m.sent] {
			if f.content.Start <= m.span.Start && m.span.Start < f.content.End {
				return true
			}
		}
		return false
	}
	res := &spkResolver{a: a}
	var done []*frame
	for _, ev := range evs {
		if m := ev.m; m != nil {
			para := a.sents[m.sent].para
			res.resolve(m, para)
			if m.speaker != nil {
				res.all = append(res.all, m)
			}
			if m.subject && !inContent(m) && !a.inTitle(m.span) {
				switch {
				case m.kind == mPerson && m.speaker == nil:
					res.history = append(res.history, &histEntry{pos: m.span.Start, para: para, text: m.text, blocker: true})
				case m.speaker != nil:
					res.history = append(res.history, &histEntry{pos: m.span.Start, para: para, sp: m.speaker, text: m.text})
				}
			}
			continue
		}
		f := ev.f
		if a.inTitle(f.content) {
			continue // a headline repeats the body
		}
		para := a.sents[f.sent].para
		switch {
		case f.cont:
			var p *frame
			if len(done) > 0 {
				p = done[len(done)-1]
				for _, q := range done[:len(done)-1] {
					if q.content.Start <= p.content.Start && p.content.End <= q.content.End && q.sp != nil && a.sents[q.sent].para >= para-1 {
						p = q // a report inside a statement ("wrote that some may say …"): the statement goes on
						break
					}
				}
			}
			switch {
			case p == nil || a.sents[p.sent].para < para-1:
				if a.titleOrWord(f.content) {
					continue // a quoted word or title ("Demure", “The Walking Dead”), no one's statement
				}
				f.rule = "speaker:unattributed quotation with no statement before it"
			case p.sp == nil:
				f.parent = p
				f.rule = "speaker:continues a statement whose speaker is unknown"
			default:
				f.parent, f.sp = p, p.sp
				f.rule = fmt.Sprintf("speaker:continues %s's statement in paragraph %d", p.sp.Name, a.sents[p.sent].para+1)
			}
		case f.parent != nil && f.subj == f.parent.subj && f.parent.done:
			f.sp, f.rule = f.parent.sp, f.parent.rule
		case f.subj == nil:
			f.rule = "speaker:the text names no source"
		default:
			res.resolve(f.subj, a.sents[f.subj.sent].para)
			f.sp, f.rule = f.subj.speaker, f.subj.rule
		}
		f.done = true
		done = append(done, f)
		res.statements++
		if f.sp != nil {
			res.history = append(res.history, &histEntry{pos: f.pos, para: para, sp: f.sp, text: f.sp.Name})
		}
	}
}

// endBeforeReports ends a reported content where another report begins
// and runs on to its end: "… are unfairly maligning his record — while his
// supporters have accused the former secretary of state of …" is two
// statements, not one that swallows the second. A report inside a
// quotation, or one the content opens with ("said that Trump claimed …"),
// or one that closes before the content does ("the party, which critics
// say is rigged, must change") stays inside it.
func (a *analysis) endBeforeReports(fs []*frame) {
	for _, f := range fs {
		if f.quote >= 0 {
			continue
		}
		cut := f.content.End
		for _, g := range fs {
			if g == f || g.parent == f || f.parent == g || g.pos <= f.content.Start || g.pos >= cut ||
				g.content.Start < g.pos || g.content.End < f.content.End-2 {
				continue
			}
			if g.quote >= 0 {
				continue // a quotation it takes in
			}
			if c := a.text[g.pos-1]; c >= '0' && c <= '9' || c == '.' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
				continue // not at a word's start ("4.9 percent")
			}
			// (bounded windows: a content may be a whole unpunctuated file)
			if len(strings.Fields(a.text[f.content.Start:min(g.pos, f.content.Start+120)])) < 4 {
				continue
			}
			if w := strings.ToLower(lastWord(a.text[max(f.content.Start, g.pos-40):g.pos])); !reportJoiners[w] && (relativeWords[w] || prepositions[w] || determiners[w] || subordinators[w] || w == "even") {
				continue // "… what critics call …", "an issue out of Trump's claim …": inside the content
			}
			cut = g.pos
		}
		if cut == f.content.End {
			continue
		}
		sp := a.trimContent(model.Span{Start: f.content.Start, End: cut})
		for {
			w := lastWord(a.text[sp.Start:sp.End]) // lower case
			if !reportJoiners[w] || len(w) == sp.Len() || !strings.EqualFold(a.text[sp.End-len(w):sp.End], w) {
				break
			}
			sp = a.trimContent(model.Span{Start: sp.Start, End: sp.End - len(w)})
		}
		for sp.End > sp.Start {
			r, n := utf8.DecodeLastRuneInString(a.text[sp.Start:sp.End])
			if r != '—' && r != '–' && r != '-' {
				break
			}
			sp = a.trimContent(model.Span{Start: sp.Start, End: sp.End - n})
		}
		if sp.Len() > 0 {
			f.content = sp
		}
	}
}

// endAtNextPredicate ends a bare object where the sentence's subject goes
// on to do something else: "defended his mother and refused to repudiate
// …", "urged the party to coalesce around their campaigns and tried to
// make the case …", "charged the officer with murder and Emanuel fired
// his police chief". Only an object or an infinitive, with no verb of its
// own before the "and", is cut; a reported clause ("said the plan was
// flawed and needed changes") goes on.
func (a *analysis) endAtNextPredicate(fs []*frame) {
	for _, f := range fs {
		if c := a.text[f.content.Start:f.content.End]; f.quote >= 0 || len(c) == 0 || !strings.Contains(c, " and ") && !strings.Contains(c, " while ") && !strings.Contains(c, " whereas ") {
			continue
		}
		words := wordSpans(a.text[f.content.Start:f.content.End])
		for i := range words {
			words[i].Start += f.content.Start
			words[i].End += f.content.Start
		}
		word := func(k int) string { return a.text[words[k].Start:words[k].End] }
		cut := func(end int) {
			if sp := a.trimContent(model.Span{Start: f.content.Start, End: end}); sp.Len() > 0 {
				f.content = sp
			}
		}
		if len(words) < 3 {
			continue
		}
		if w0 := strings.ToLower(word(0)); w0 == "that" || subjectPronouns[w0] && !presentVerb(strings.ToLower(word(1))) {
			// a reported clause ("that …", "he heard …, and he …"); one in
			// the present, "said he makes $41,000 a year and questioned
			// …", ends where the past of the sentence's own subject goes on
			continue
		}
		// a verb, not a participle before its noun ("water parks and
		// improved dining choices", "the party leaders and elected
		// officials", "drug and gang-related violence")
		verbAt := func(k int) bool {
			v := word(k)
			if upperStart(v) || strings.Contains(v, "-") || !pastForm(v) {
				return false
			}
			if k+1 == len(words) {
				return true
			}
			o := word(k + 1)
			lo := strings.ToLower(o)
			return upperStart(o) || determiners[lo] || possessives[lo] || objectPronouns[lo] || prepositions[lo] || quantifiers[lo] || objectQuantities[lo] ||
				lo == "to" || relativeWords[lo] || lo == "whether" ||
				words[k+1].Start > words[k].End+1 // a quotation mark or a comma between
		}
		for i := 1; i+1 < len(words); i++ {
			w, prev := strings.ToLower(word(i)), strings.ToLower(word(i-1))
			if pastForm(w) && (determiners[prev] || possessives[prev]) {
				continue // "her adopted home state", "a disturbed person": a participle before its noun
			}
			if w == "while" || w == "whereas" {
				// "his condolences over the massacre, while Obama offered
				// his own": a new subject and its verb
				if i+2 < len(words) && upperStart(word(i+1)) && !upperStart(word(i+2)) && pastForm(word(i+2)) {
					cut(words[i].Start)
				}
				break
			}
			if auxiliaries[w] || beForms[w] || subjectPronouns[w] || relativeWords[w] || pastForm(w) || w == "but" {
				break // a clause of its own, or another kind of turn
			}
			if w != "and" {
				continue
			}
			at := i + 1
			if w := strings.ToLower(word(at)); at+1 < len(words) && (lyAdverb(w) || predicateAdverbs[w]) {
				at++ // "and even questioned", "and repeatedly called"
			}
			// "and Emanuel fired his police chief": a new subject and its verb
			if verbAt(at) || upperStart(word(i+1)) && i+2 < len(words) && verbAt(i+2) {
				cut(words[i].Start)
				break
			}
		}
	}
}

// presentVerb reports whether w reads as a verb of the third person in
// the present ("makes", "admires"), not an auxiliary.
func presentVerb(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !auxiliaries[w] && !beForms[w]
}

// predicateAdverbs may stand between "and" and the verb of a predicate of
// its own ("and even questioned …").
var predicateAdverbs = setOf("even", "also", "then", "later", "once", "still", "again", "twice", "never", "soon")

// objectQuantities open an object after a verb: "boycotted one of the
// debates", "called several of them".
var objectQuantities = setOf("all", "both", "several", "many", "most", "no", "any", "two", "three", "four", "five")

// titleOrWord reports whether a quotation that no one is said to speak
// reads as a quoted word or a title rather than a statement: one or two
// words, or up to five that are all capitalised with no full stop,
// question or exclamation mark ("The Walking Dead", "Monday Night
// Baseball").
func (a *analysis) titleOrWord(sp model.Span) bool {
	s := strings.TrimSpace(a.text[sp.Start:sp.End])
	f := strings.Fields(s)
	if len(f) <= 2 {
		return true
	}
	if len(f) > 5 || strings.ContainsAny(s, ".!?") {
		return false
	}
	for _, w := range f {
		if !upperStart(w) && !stopCaps[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// upperStart reports whether w opens with a capital letter.
func upperStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// relativeWords open a clause inside a content ("… what critics call …").
var relativeWords = setOf("what", "which", "who", "whom", "whose", "that", "where", "when", "how", "why")

// reportJoiners join a content to the report after it.
var reportJoiners = setOf("while", "and", "but", "as", "whereas", "though", "although", "yet", "so")

// statements builds the statements of the settled frames, in text order.
func (a *analysis) statements() []*model.Statement {
	fs := make([]*frame, 0, len(a.frames))
	for _, f := range a.frames {
		if f.done && f.content.Len() > 0 {
			fs = append(fs, f)
		}
	}
	a.endBeforeReports(fs)
	a.endAtNextPredicate(fs)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].content.Start < fs[j].content.Start })
	var out []*model.Statement
	var kept []*frame
	dates := map[*frame]model.Date{}
	rulesOf := map[*frame]string{}
	end := -1 // the furthest end of the statements kept (they are sorted by start)
	for _, f := range fs {
		if f.content.Start < end {
			continue // inside or across a statement already kept
		}
		kept = append(kept, f)
		end = f.content.End
	}
	// date in text order, so continuations can take their parent's date
	textual := map[*frame]bool{} // dated by the text, not by the document
	var prev *frame
	for _, f := range kept {
		d, rule := a.dateFrame(f, dates, rulesOf)
		switch {
		case strings.HasPrefix(rule, "date:as ") && f.parent != nil:
			textual[f] = textual[f.parent]
		case !strings.HasPrefix(rule, "date:doc") && !strings.Contains(rule, "; date:doc"):
			textual[f] = true
		}
		// the same speaker's next statements, with no date of their own,
		// belong to the occasion the text dated ("… at the Valdai forum
		// earlier this month. … Putin stressed …")
		if prev != nil && !textual[f] && textual[prev] && f.sp != nil && prev.sp == f.sp &&
			a.sents[f.sent].para <= a.sents[prev.sent].para+1 &&
			!ownTimeCue.MatchString(a.text[a.sents[f.sent].span.Start:max(a.sents[f.sent].span.Start, f.content.Start)]) {
			d, rule = dates[prev], "date:as "+f.sp.Name+"'s statement before it, the same occasion ("+baseDateRule(rulesOf[prev])+")"
			textual[f] = true
		}
		dates[f], rulesOf[f] = d, rule
		prev = f
	}
	for i, f := range kept {
		st := &model.Statement{
			ID:      fmt.Sprintf("%s#%d", a.doc.ID, i+1),
			Doc:     a.doc.ID,
			Speaker: model.UnknownSpeaker,
			Text:    a.text[f.content.Start:f.content.End],
			Span:    f.content,
			Date:    dates[f],
			Sources: []string{a.doc.ID},
		}
		if f.sp != nil {
			st.Speaker = f.sp.Name
		}
		switch {
		case f.mentionText != "":
			st.Mention = f.mentionText
		case f.subj != nil:
			st.Mention = f.subj.text
		case f.parent != nil && f.parent.subj != nil:
			st.Mention = f.parent.subj.text
		}
		st.Kind = a.kindOf(f)
		st.Context = a.contextOf(f)
		if f.quote >= 0 {
			st.Rules = append(st.Rules, "quote:paired")
			st.Rules = append(st.Rules, a.quotes[f.quote].Repairs...)
		}
		st.Cue = cueOf(f.how)
		st.Rules = append(st.Rules, f.how)
		if f.rule != "" {
			st.Rules = append(st.Rules, f.rule)
		}
		if f.sp == nil && !strings.HasPrefix(f.rule, "speaker:") && !strings.HasPrefix(f.rule, "pronoun") && !strings.HasPrefix(f.rule, "role:") && !strings.HasPrefix(f.rule, "demonym") {
			st.Rules = append(st.Rules, "speaker:unknown")
		}
		st.Rules = append(st.Rules, rulesOf[f])
		if a.reg.Topics != nil {
			st.Topics = a.reg.Topics.Assign(st.Text)
		}
		out = append(out, st)
	}
	return out
}

func (a *analysis) kindOf(f *frame) model.Kind {
	if f.quote >= 0 {
		return model.Direct
	}
	// the quotations are in text order: those opening in the content only
	i, sorted := 0, a.quotesSorted()
	if sorted {
		i = sort.Search(len(a.quotes), func(i int) bool { return a.quotes[i].Open >= f.content.Start })
	}
	for _, q := range a.quotes[i:] {
		if q.Open >= f.content.End && sorted {
			break
		}
		if q.Open >= f.content.Start && q.Open < f.content.End {
			in := q.Inner(a.text)
			if in.Len() > 0 {
				return model.Mixed
			}
		}
	}
	return model.Indirect
}

// contextOf is the span of the paragraph(s) the statement stands in.
func (a *analysis) contextOf(f *frame) model.Span {
	first, last := -1, -1
	// the paragraphs are in text order: from the first ending after the
	// content's start, to the last starting before its end
	from := sort.Search(len(a.paras), func(i int) bool { return a.paras[i].End > f.content.Start })
	for i := from; i < len(a.paras); i++ {
		p := a.paras[i]
		if p.Start >= f.content.End && p.Start > f.content.Start {
			break
		}
		if f.content.Start < p.End && p.Start < f.content.End || p.Start <= f.content.Start && f.content.Start < p.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return a.sents[f.sent].span
	}
	return model.Span{Start: a.paras[first].Start, End: a.paras[last].End}
}

// ownTimeCue is an attribution that opens with a time of its own ("During
// his campaign, Trump asserted"), read or not.
var ownTimeCue = regexp.MustCompile(`^\W*(During|In|On|At|After|Before|Since|Last|Earlier|Later|Previously|Back in|Following|Until|Throughout)\b`)

var thenCue = regexp.MustCompile(`(?i)(^|\W)(at that time|at the time|on the time|then)(\W|$)`)

// dateFrame dates a statement: a date the attribution gives ("in his victory
// speech on November 6", "On Thursday, Trump remarked"), or for "At that
// time …" the sentence before; a coordinated or continued report takes its
// parent's; otherwise the document's date. A date the reported words
// themselves carry is about what they report, not when it was said, and a
// date after the article's cannot be when it was said.
func (a *analysis) dateFrame(f *frame, dates map[*frame]model.Date, rules map[*frame]string) (model.Date, string) {
	s := a.sents[f.sent]
	cs := f.content
	if f.quote >= 0 {
		cs = a.quotes[f.quote].Outer() // the marks are not the attribution
	}
	var parts []model.Span
	if cs.Start >= s.span.Start && cs.End <= s.span.End {
		parts = append(parts, model.Span{Start: s.span.Start, End: cs.Start}, model.Span{Start: cs.End, End: s.span.End})
	} else if f.bindPrev {
		parts = append(parts, s.span)
	}
	if f.parent != nil && f.parent.subj == f.subj && !f.cont {
		if d, ok := dates[f.parent]; ok {
			return d, "date:as the statement it continues (" + baseDateRule(rules[f.parent]) + ")"
		}
	}
	var ignored string
	for _, p := range parts {
		if len(strings.Fields(a.text[p.Start:p.End])) == 0 {
			continue
		}
		if d, ok := a.dateIn(p); ok {
			if a.afterDoc(d) {
				ignored = "date:ignored " + d.Evidence + " (after the article)"
				continue
			}
			return d, dateRule(d)
		}
	}
	left := ""
	if len(parts) > 0 {
		left = a.text[parts[0].Start:parts[0].End]
	}
	if thenCue.MatchString(left) && f.sent > 0 {
		prev := a.sents[f.sent-1].span
		if d, ok := a.dateIn(prev); ok && !a.afterDoc(d) {
			return d, dateRule(d) + " (the sentence before, “" + strings.TrimSpace(thenCue.FindString(left)) + "”)"
		}
	}
	if f.parent != nil {
		if d, ok := dates[f.parent]; ok {
			return d, "date:as the statement it continues (" + baseDateRule(rules[f.parent]) + ")"
		}
	}
	rule := "date:doc"
	if !a.doc.Date.Known() {
		rule = "date:doc (unknown)"
	}
	if ignored != "" {
		rule = ignored + "; " + rule
	}
	return a.doc.Date, rule
}

func (a *analysis) dateIn(sp model.Span) (model.Date, bool) {
	if a.reg.Events == nil || sp.Len() <= 0 {
		return model.Date{}, false
	}
	d, ok := a.reg.Events.DateIn(a.doc, sp)
	if !ok || !d.Known() {
		return model.Date{}, false
	}
	return d, true
}

func (a *analysis) afterDoc(d model.Date) bool {
	dd := a.doc.Date
	return dd.Known() && !dd.Latest.IsZero() && d.Earliest.After(dd.Latest)
}

// baseDateRule is the rule that first dated a chain of inherited dates,
// without its "date:" prefix: "relative:weekday on Sunday", "doc".
func baseDateRule(rule string) string {
	for strings.HasPrefix(rule, "date:as ") {
		i := strings.Index(rule, "(")
		if i < 0 || !strings.HasSuffix(rule, ")") {
			break
		}
		rule = rule[i+1 : len(rule)-1]
	}
	return strings.TrimPrefix(rule, "date:")
}

func dateRule(d model.Date) string {
	r := strings.TrimPrefix(d.Rule, "date:")
	if r == "" {
		r = "text"
	}
	if d.Evidence != "" {
		return "date:" + r + " " + d.Evidence
	}
	return "date:" + r
}

// quotesSorted reports whether the quotations are in the order of their
// opening marks, as pairQuotes makes them (checked once).
func (a *analysis) quotesSorted() bool {
	if a.sortedQ == 0 {
		a.sortedQ = 1
		for i := 1; i < len(a.quotes); i++ {
			if a.quotes[i].Open < a.quotes[i-1].Open {
				a.sortedQ = 2
				break
			}
		}
	}
	return a.sortedQ == 1
}

// cueOf is the cue a frame's rule names: "attr:that said" → "said",
// "attr:model called for (stem …)" → "called for", "attr:split quote
// said" → "said"; "" for a rule that names none ("quote:unattributed").
func cueOf(how string) string {
	if _, from, ok := strings.Cut(how, "source from "); ok {
		how = from // "quote:unattributed; source from attr:model said (…)"
	}
	rest, ok := strings.CutPrefix(how, "attr:")
	if !ok {
		return ""
	}
	switch {
	case strings.HasPrefix(rest, "according to"):
		return "according to"
	case strings.HasPrefix(rest, "digest"):
		return "" // an item of a list under one cue: the list's
	case strings.HasPrefix(rest, "split quote "):
		rest = strings.TrimPrefix(rest, "split quote ")
	default:
		_, rest, _ = strings.Cut(rest, " ") // "model", "that", "after-quote" …
	}
	if i := strings.Index(rest, " ("); i >= 0 {
		rest = rest[:i] // "(stem …)", "(spun for stressed)", "(subject of the sentence)"
	}
	return strings.TrimSpace(rest)
}
