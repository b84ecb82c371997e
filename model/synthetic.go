package model

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Synthetic returns a generated corpus of n statements, the same for the
// same seed, for measuring quotetrail at scale (benchmarks, demonstrations
// of a million statements). It is built directly, without the text
// pipeline, and shaped like a large scrape of 2020–2025:
//
//   - about ten statements an article (n/10 documents) from a dozen outlets,
//     articles dated over 2020–2025 (mostly to the day; some to the month or
//     year, a few to a range, one in fifty undated), given in no particular
//     order (as files are listed), so New sorts them as it would a real load;
//   - forty speakers with a Zipf-like share (the most quoted says about a
//     fifth of everything), plus one statement in thirty by an unknown
//     speaker; a statement sometimes carries its own earlier date;
//   - statements of 20–60 words drawn with a Zipf law from a vocabulary of a
//     few hundred common words and a long tail of made-up ones (some 25,000
//     words in all), so the word index and prefix search meet realistic
//     postings; zero to two topics, whose marking words are in the text;
//   - one statement in twenty reported by two or three outlets.
//
// Each statement's Text is a slice of its document's Text (a paragraph of
// it), as in a loaded corpus.
func Synthetic(n int, seed int64) *Corpus {
	g := newSynth(seed)
	var (
		docs  []*Document
		stmts = make([]*Statement, 0, n)
	)
	for len(stmts) < n {
		k := min(n-len(stmts), 1+g.rng.IntN(19))
		d, ss := g.document(len(docs), k)
		docs = append(docs, d)
		stmts = append(stmts, ss...)
	}
	// other outlets carrying the same statement
	for _, s := range stmts {
		if g.rng.IntN(20) == 0 {
			for range 1 + g.rng.IntN(2) {
				s.Sources = append(s.Sources, docs[g.rng.IntN(len(docs))].ID)
			}
		}
	}
	return New("synthetic corpus ("+strconv.Itoa(n)+" statements, seed "+strconv.FormatInt(seed, 10)+")", docs, stmts, synthSpeakers(), nil)
}

// synthSpeaker is a speaker of the synthetic corpus.
type synthSpeaker struct {
	name, role, mention string
	aff                 Affiliation
}

var synthSpeakerList = []synthSpeaker{
	{"Dmitry Peskov", "Kremlin spokesman", "the Kremlin spokesman", Russia},
	{"Vladimir Putin", "President of Russia", "the Russian leader", Russia},
	{"Sergey Lavrov", "Foreign Minister of Russia", "Lavrov", Russia},
	{"Maria Zakharova", "Russian Foreign Ministry spokeswoman", "she", Russia},
	{"Donald Trump", "President of the United States", "Trump", UnitedStates},
	{"Sergey Ryabkov", "Deputy Foreign Minister of Russia", "Ryabkov", Russia},
	{"Joe Biden", "President of the United States (2021–2025)", "Biden", UnitedStates},
	{"Dmitry Medvedev", "Deputy Chairman of the Security Council of Russia", "Medvedev", Russia},
	{"Yuri Ushakov", "Kremlin foreign policy aide", "the aide", Russia},
	{"Antony Blinken", "US Secretary of State", "Blinken", UnitedStates},
	{"Volodymyr Zelensky", "President of Ukraine", "Zelensky", Ukraine},
	{"Anatoly Antonov", "Russian Ambassador to the United States", "the ambassador", Russia},
	{"Jake Sullivan", "US National Security Adviser", "Sullivan", UnitedStates},
	{"John Kirby", "US National Security Council spokesman", "Kirby", UnitedStates},
	{"Marco Rubio", "US Secretary of State", "Rubio", UnitedStates},
	{"Steve Witkoff", "US Special Envoy", "the envoy", UnitedStates},
	{"Vasily Nebenzya", "Permanent Representative of Russia to the UN", "Nebenzya", Russia},
	{"Jen Psaki", "White House Press Secretary", "Psaki", UnitedStates},
	{"Ned Price", "US State Department spokesman", "Price", UnitedStates},
	{"Kirill Dmitriev", "Russian Direct Investment Fund chief", "Dmitriev", Russia},
	{"Alexander Grushko", "Deputy Foreign Minister of Russia", "Grushko", Russia},
	{"Konstantin Kosachev", "Federation Council deputy speaker", "Kosachev", Russia},
	{"Nikolai Patrushev", "Secretary of the Security Council of Russia", "Patrushev", Russia},
	{"Sergei Shoigu", "Secretary of the Security Council of Russia", "Shoigu", Russia},
	{"Vyacheslav Volodin", "Chairman of the State Duma", "Volodin", Russia},
	{"Leonid Slutsky", "State Duma foreign affairs committee chairman", "Slutsky", Russia},
	{"Alexander Darchiev", "Russian Ambassador to the United States", "Darchiev", Russia},
	{"Mikhail Ulyanov", "Russian envoy in Vienna", "Ulyanov", Russia},
	{"Kamala Harris", "Vice President of the United States", "Harris", UnitedStates},
	{"Lloyd Austin", "US Secretary of Defense", "Austin", UnitedStates},
	{"Mike Waltz", "US National Security Adviser", "Waltz", UnitedStates},
	{"JD Vance", "Vice President of the United States", "Vance", UnitedStates},
	{"Karine Jean-Pierre", "White House Press Secretary", "Jean-Pierre", UnitedStates},
	{"Matthew Miller", "US State Department spokesman", "Miller", UnitedStates},
	{"Keith Kellogg", "US Special Envoy for Ukraine", "Kellogg", UnitedStates},
	{"Dmytro Kuleba", "Foreign Minister of Ukraine", "Kuleba", Ukraine},
	{"Andriy Yermak", "Head of the Office of the President of Ukraine", "Yermak", Ukraine},
	{"Antonio Guterres", "UN Secretary-General", "Guterres", Other},
	{"Jens Stoltenberg", "NATO Secretary General", "Stoltenberg", Other},
	{"Recep Tayyip Erdogan", "President of Turkey", "Erdogan", Other},
}

func synthSpeakers() []*Speaker {
	out := make([]*Speaker, len(synthSpeakerList))
	for i, s := range synthSpeakerList {
		out[i] = &Speaker{Name: s.name, Role: s.role, Affiliation: s.aff}
		if f := strings.Fields(s.name); len(f) > 1 {
			out[i].Aliases = []string{f[len(f)-1]}
		}
	}
	return out
}

var synthOutlets = []string{"TASS", "RT", "MENAFN", "Reuters", "Interfax", "RIA Novosti", "Al Jazeera",
	"Defence Talks", "The Moscow Times", "Kommersant", "CNN", "AP"}

// synthTopics are the topics and words in the text that mark them (as
// corpus/data/topics.yaml would find them).
var synthTopics = []struct {
	topic string
	words []string
}{
	{"dialogue", []string{"dialogue", "talks", "negotiations", "contacts", "diplomacy"}},
	{"conditions", []string{"conditions", "preconditions", "red lines", "demands", "concessions"}},
	{"sanctions", []string{"sanctions", "restrictions", "embargo"}},
	{"ukraine-war", []string{"Ukraine", "Kyiv", "conflict", "ceasefire", "hostilities"}},
	{"nato", []string{"NATO", "alliance", "enlargement", "expansion"}},
	{"arms-control", []string{"arms control", "New START", "nuclear", "missiles", "strategic stability"}},
	{"leaders-meeting", []string{"summit", "meeting", "phone call", "face-to-face"}},
	{"trust", []string{"trust", "partnership", "mutual respect", "goodwill"}},
	{"elections", []string{"election", "administration", "inauguration", "campaign"}},
	{"economy", []string{"economy", "trade", "investment", "energy"}},
}

// synthCommon are the most used words, most used first (the head of the
// vocabulary's Zipf law).
var synthCommon = strings.Fields(`the of and to in that a is we for on with it this be are
not as by will have from at has our an was they said would there which relations their
Russia Moscow Washington United States Russian American US can all its but been about
what should were more one any also only who if no new such countries other these
president Kremlin side both position interests security situation issues now time very
important ready international must need country policy steps work believe course sides
process level political question further cooperation possible words statement agreement
global stability certain common approach certainly opportunity fact hope understand
region forces military economic course development support continue clear interest
future point necessary understanding different today sides decision partners serious
conversation consider attempts expect dialogue world officials leaders leadership
ministers state experts talks message signals period changes direction previous current
administration government relations approach absolutely obviously unfortunately clearly
responsibility resolve settlement problems initiative proposals response reaction`)

const (
	synthTail = 25000 // made-up words after the common ones
	synthPick = 1 << 20
)

// synth holds the generator's state.
type synth struct {
	rng   *rand.Rand
	vocab []string
	pick  []int32 // Zipf sampling table: vocab index per slot
	spk   []int32 // speaker sampling table
}

func newSynth(seed int64) *synth {
	g := &synth{rng: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))}
	syll := []string{"ka", "ro", "mi", "sen", "tal", "vor", "dia", "log", "pra", "nes", "ter", "quo",
		"lin", "dus", "mar", "pol", "bri", "cha", "el", "om", "ut", "zan", "fey", "gro"}
	ends := []string{"", "s", "ing", "ed", "ation", "al", "ity", "ov", "sk"}
	seen := map[string]bool{}
	for _, w := range synthCommon {
		if !seen[strings.ToLower(w)] {
			seen[strings.ToLower(w)] = true
			g.vocab = append(g.vocab, w)
		}
	}
	for common := len(g.vocab); len(g.vocab) < common+synthTail; {
		var b strings.Builder
		for range 2 + g.rng.IntN(3) {
			b.WriteString(syll[g.rng.IntN(len(syll))])
		}
		b.WriteString(ends[g.rng.IntN(len(ends))])
		if w := b.String(); !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	g.pick = zipfTable(len(g.vocab), 1.07, 2.7, synthPick)
	g.spk = zipfTable(len(synthSpeakerList), 1.0, 1.5, 1<<12)
	return g
}

// zipfTable returns a table of size slots in which index k (of n) fills a
// share of the slots proportional to 1/(k+v)^s, and at least one slot.
func zipfTable(n int, s, v float64, size int) []int32 {
	w := make([]float64, n)
	var sum float64
	for k := range w {
		w[k] = 1 / math.Pow(float64(k)+v, s)
		sum += w[k]
	}
	out := make([]int32, 0, size)
	for k := range w {
		c := max(1, int(w[k]/sum*float64(size-n)+0.5))
		for range c {
			out = append(out, int32(k))
		}
	}
	for len(out) < size {
		out = append(out, 0)
	}
	return out[:size]
}

func (g *synth) word() string { return g.vocab[g.pick[g.rng.IntN(len(g.pick))]] }

var synthEpoch = Day(2020, time.January, 1)

const synthDays = 2192 // 2020-01-01 … 2025-12-31

// date returns an article's date.
func (g *synth) date() Date {
	t := synthEpoch.AddDate(0, 0, g.rng.IntN(synthDays))
	switch r := g.rng.IntN(100); {
	case r < 2:
		return Date{Precision: PrecisionUnknown, Rule: "synthetic"}
	case r < 4:
		return RangeDate(t, t.AddDate(0, 0, 3+g.rng.IntN(25)), "synthetic", "synthetic:range", Span{})
	case r < 7:
		return YearDate(t.Year(), strconv.Itoa(t.Year()), "synthetic:year", Span{})
	case r < 15:
		return MonthDate(t.Year(), t.Month(), t.Format("January 2006"), "synthetic:month", Span{})
	}
	return DayDate(t, t.Format("January 2, 2006"), "synthetic:day", Span{})
}

var synthRules = []string{"synthetic"}

// document makes document number i with k statements.
func (g *synth) document(i, k int) (*Document, []*Statement) {
	id := "syn" + strconv.Itoa(i)
	d := &Document{
		ID: id, Path: "synthetic/" + id + ".txt", Title: "Synthetic article " + strconv.Itoa(i),
		Source: synthOutlets[g.rng.IntN(len(synthOutlets))], Language: "en", Encoding: "utf-8",
		Date: g.date(),
	}
	type para struct {
		start, end int
		topics     []TopicMatch
	}
	var b strings.Builder
	paras := make([]para, k)
	for p := range paras {
		if p > 0 {
			b.WriteString("\n\n")
		}
		paras[p].start = b.Len()
		words := make([]string, 20+g.rng.IntN(41))
		for w := range words {
			words[w] = g.word()
		}
		switch r := g.rng.IntN(20); {
		case r < 3: // no topic
		case r < 15:
			paras[p].topics = g.topics(words, 1)
		default:
			paras[p].topics = g.topics(words, 2)
		}
		for w, word := range words {
			if w == 0 {
				b.WriteString(strings.ToUpper(word[:1]) + word[1:])
				continue
			}
			if w%11 == 10 {
				b.WriteByte(',')
			}
			b.WriteByte(' ')
			b.WriteString(word)
		}
		b.WriteByte('.')
		paras[p].end = b.Len()
	}
	d.Text = b.String()
	stmts := make([]*Statement, k)
	for p, pr := range paras {
		s := &Statement{
			ID: id + "#" + strconv.Itoa(p+1), Doc: id, Kind: Direct,
			Text: d.Text[pr.start:pr.end], Span: Span{pr.start, pr.end}, Context: Span{pr.start, pr.end},
			Date: d.Date, Topics: pr.topics, Sources: []string{id}, Rules: synthRules,
		}
		switch r := g.rng.IntN(20); {
		case r < 8:
			s.Kind = Indirect
		case r < 11:
			s.Kind = Mixed
		}
		if g.rng.IntN(30) == 0 {
			s.Speaker, s.Mention = UnknownSpeaker, "a source"
		} else {
			sp := synthSpeakerList[g.spk[g.rng.IntN(len(g.spk))]]
			s.Speaker, s.Mention = sp.name, sp.mention
		}
		if d.Date.Precision == PrecisionDay && g.rng.IntN(10) == 0 {
			// said earlier than reported: "last June", "on Monday"
			t := d.Date.Value.AddDate(0, 0, -1-g.rng.IntN(200))
			if !t.Before(synthEpoch) {
				s.Date = DayDate(t, t.Format("January 2"), "synthetic:own-date", Span{})
			}
		}
		stmts[p] = s
	}
	return d, stmts
}

// topics puts the marking words of n different topics into words and
// returns the matches.
func (g *synth) topics(words []string, n int) []TopicMatch {
	var out []TopicMatch
	first := g.rng.IntN(len(synthTopics))
	for t := range n {
		tp := synthTopics[(first+t*(1+g.rng.IntN(len(synthTopics)-1)))%len(synthTopics)]
		if len(out) > 0 && out[0].Topic == tp.topic {
			continue
		}
		w := tp.words[g.rng.IntN(len(tp.words))]
		part := len(words) / n // each topic's word in its own part of the text
		words[t*part+g.rng.IntN(part)] = w
		out = append(out, TopicMatch{Topic: tp.topic, Words: []string{w}})
	}
	return out
}
