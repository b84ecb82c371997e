package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotetrail/quotetrail/corpus"
	"github.com/quotetrail/quotetrail/model"
)

// readSplit reads SPLIT/text/NAME.txt with the first (in sorted order) of
// its SPLIT/attributions/NAME_ANNOTATOR.ann files, in BRAT standoff: T lines
// are spans (Source, Cue, Content; offsets in code points of the text,
// fragments joined by ";"), E lines tie one attribution's spans together.
func readSplit(dir, split string) ([]corpus.TrainDoc, error) {
	texts, err := filepath.Glob(filepath.Join(dir, split, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("%s: no %s/text/*.txt", dir, split)
	}
	anns, _ := filepath.Glob(filepath.Join(dir, split, "attributions", "*.ann"))
	sort.Strings(anns)
	byName := map[string]string{}
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		i := strings.LastIndex(base, "_")
		if i < 0 {
			continue
		}
		if _, ok := byName[base[:i]]; !ok {
			byName[base[:i]] = a
		}
	}
	sort.Strings(texts)
	var docs []corpus.TrainDoc
	for _, t := range texts {
		name := strings.TrimSuffix(filepath.Base(t), ".txt")
		ann, ok := byName[name]
		if !ok {
			continue
		}
		raw, err := os.ReadFile(t)
		if err != nil {
			return nil, err
		}
		src, err := os.ReadFile(ann)
		if err != nil {
			return nil, err
		}
		text := string(raw)
		attrs, err := parseBrat(text, string(src))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ann, err)
		}
		docs = append(docs, corpus.TrainDoc{Name: name, Text: text, Attrs: attrs})
	}
	return docs, nil
}

var record = regexp.MustCompile(`^[TREAMN#*]\d*\t`)

type bratSpan struct {
	kind  string
	frags []model.Span // byte offsets
}

func parseBrat(text, src string) ([]corpus.TrainAttr, error) {
	// code point offset → byte offset
	cp := make([]int, 0, len(text)+1)
	for i := range text {
		cp = append(cp, i)
	}
	cp = append(cp, len(text))
	toByte := func(c int) (int, bool) {
		if c < 0 || c >= len(cp) {
			return 0, false
		}
		return cp[c], true
	}
	var recs []string
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		if record.MatchString(line) {
			recs = append(recs, line)
		} else if len(recs) > 0 {
			recs[len(recs)-1] += "\n" + line
		}
	}
	spans := map[string]bratSpan{}
	var events [][]string
	for _, r := range recs {
		cols := strings.Split(r, "\t")
		if len(cols) < 2 {
			continue
		}
		switch r[0] {
		case 'T':
			head := strings.SplitN(cols[1], " ", 2)
			if len(head) < 2 {
				continue
			}
			var sp bratSpan
			sp.kind = head[0]
			ok := true
			for _, f := range strings.Split(head[1], ";") {
				se := strings.Fields(f)
				if len(se) != 2 {
					ok = false
					break
				}
				s, err1 := strconv.Atoi(se[0])
				e, err2 := strconv.Atoi(se[1])
				bs, ok1 := toByte(s)
				be, ok2 := toByte(e)
				if err1 != nil || err2 != nil || !ok1 || !ok2 || be < bs {
					ok = false
					break
				}
				sp.frags = append(sp.frags, model.Span{Start: bs, End: be})
			}
			if ok {
				spans[cols[0]] = sp
			}
		case 'E':
			events = append(events, strings.Fields(cols[1]))
		}
	}
	var out []corpus.TrainAttr
	for _, args := range events {
		var ta corpus.TrainAttr
		var cueText []string
		for _, arg := range args {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			sp, ok := spans[id]
			if !ok {
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Content":
				ta.Content = append(ta.Content, sp.frags...)
			case "Source":
				ta.Source = append(ta.Source, sp.frags...)
			case "Cue":
				ta.Cue = append(ta.Cue, sp.frags...)
				for _, f := range sp.frags {
					cueText = append(cueText, text[f.Start:f.End])
				}
			}
		}
		if len(ta.Content) == 0 || len(ta.Cue) == 0 {
			continue
		}
		ta.Speech = isSpeechCue(strings.Join(cueText, " "))
		out = append(out, ta)
	}
	return out, nil
}

// speechWords are the words that make a cue a report of speech or writing
// rather than of a thought, a feeling or a perception (believes, hopes,
// wants, sees): the verbs and nouns of saying, telling, writing, asking,
// answering, claiming and criticising, in all their forms.
var speechWords = func() map[string]bool {
	m := map[string]bool{}
	for _, stem := range strings.Fields(`
		say said tell told add state statement ask announce announcement argue argument claim note
		explain explanation insist warn warning write wrote written tweet retweet post according report
		reportedly declare declaration suggest acknowledge reply respond response testify testimony admit
		confirm deny denial promise pledge vow urge call accuse accusation describe predict prediction
		contend maintain stress emphasize emphasise recall quote remark comment tout boast complain
		complaint criticize criticise criticism charge allege allegation concede interview speech
		reiterate repeat mention reveal disclose assert affirm answer retort quip joke exclaim shout yell
		chant cite speak spoke spoken talk discuss proclaim demand threaten assure inform recount lament
		praise blast slam mock decry denounce condemn blame question echo email publish express thank
		apologize apologise continue refer reference attack defend dismiss remind compare liken label
		chastise grill rip dispute outline detail signal address advocate debate pitch request challenge
		share deliver portray highlight list critic critical point clear`) {
		m[stem] = true
	}
	return m
}()

// isSpeechCue reports whether a cue reports speech: one of its words, or
// the word with an inflection taken off, is a speech word; or it is bare
// punctuation (a colon or a dash after a name, as in headlines and
// transcripts).
func isSpeechCue(cue string) bool {
	words := strings.FieldsFunc(strings.ToLower(cue), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) == 0 {
		t := strings.TrimSpace(strings.Trim(cue, `"'“”‘’ `))
		return t != "" && strings.Trim(t, ":—–-― ") == "" && utf8.RuneCountInString(t) <= 3
	}
	for _, w := range words {
		if speechWords[w] {
			return true
		}
		for _, suf := range []string{"ing", "ed", "es", "s", "d", "ly"} {
			if b, ok := strings.CutSuffix(w, suf); ok && len(b) > 2 && (speechWords[b] || speechWords[b+"e"] || len(b) > 3 && b[len(b)-1] == b[len(b)-2] && speechWords[b[:len(b)-1]]) {
				return true
			}
		}
		if b, ok := strings.CutSuffix(w, "ies"); ok && speechWords[b+"y"] {
			return true
		}
		if b, ok := strings.CutSuffix(w, "ied"); ok && speechWords[b+"y"] {
			return true
		}
	}
	return false
}
