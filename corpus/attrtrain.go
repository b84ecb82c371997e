package corpus

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"sort"
	"strings"

	"github.com/quotetrail/quotetrail/corpus/internal/learn"
	"github.com/quotetrail/quotetrail/model"
)

// TrainDoc is one annotated article for training the attribution taggers.
type TrainDoc struct {
	Name  string
	Text  string
	Attrs []TrainAttr
}

// TrainAttr is one annotated attribution; spans are byte offsets in Text.
// Speech says the cue reports speech (said, told, according to, a colon),
// not a thought or a belief: only speech cues are taught to the cue tagger,
// while every attribution teaches the role tagger.
type TrainAttr struct {
	Cue, Source, Content []model.Span
	Speech               bool
}

// TrainOptions are the training settings; the zero value is the default.
type TrainOptions struct {
	Epochs int // passes over the data (default 12)
	// Prune and RolePrune drop the cue's and the role tagger's features
	// whose averaged weights are all below them (defaults 2 and 10: the
	// models keep their accuracy on PolNeAR dev with a fifth of their
	// features, and small tables stay in the processor's caches)
	Prune, RolePrune float64
	Seed             uint64 // the shuffle's seed (default 1)
	Log              io.Writer
}

type trainSeq struct {
	feats [][]learn.Hash
	gold  []int
}

// TrainAttribution trains the cue and role taggers on docs and returns
// their shipped forms (corpus/data/cue.model and role.model). The same
// docs and options give the same bytes.
func (r *Registry) TrainAttribution(docs []TrainDoc, o TrainOptions) (cue, role []byte, err error) {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Prune == 0 {
		o.Prune = 2
	}
	if o.RolePrune == 0 {
		o.RolePrune = 10
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	logf := func(format string, args ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format, args...)
		}
	}
	var cueSeqs, roleSeqs []trainSeq
	cueWords, allWords := map[string]int{}, map[string]int{}
	for _, d := range docs {
		c, rs := r.trainingSeqs(d, cueWords, allWords)
		cueSeqs = append(cueSeqs, c...)
		roleSeqs = append(roleSeqs, rs...)
	}
	logf("training on %d documents: %d sentences, %d attributions\n", len(docs), len(cueSeqs), len(roleSeqs))
	vocab := cueVocabulary(cueWords, allWords)
	logf("cue vocabulary: %d words\n", len(vocab))
	train := func(name string, tags int, allowed learn.Allowed, seqs []trainSeq, vocab []string, prune float64) ([]byte, error) {
		tr := learn.NewTrainer(tags, allowed)
		rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
		order := make([]int, len(seqs))
		for i := range order {
			order[i] = i
		}
		for ep := 1; ep <= o.Epochs; ep++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			wrong := 0
			for _, i := range order {
				if !tr.Learn(seqs[i].feats, seqs[i].gold) {
					wrong++
				}
			}
			logf("%s epoch %d: %d of %d sequences wrong\n", name, ep, wrong, len(seqs))
		}
		m := tr.Model(prune)
		m.Vocab = vocab
		logf("%s: %d features kept\n", name, m.Features())
		var b bytes.Buffer
		if err := m.Encode(&b); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	if cue, err = train("cue", cueTags, cueAllowed, cueSeqs, vocab, o.Prune); err != nil {
		return nil, nil, err
	}
	if role, err = train("role", roleTags, roleAllowed, roleSeqs, nil, o.RolePrune); err != nil {
		return nil, nil, err
	}
	return cue, role, nil
}

// tokensIn marks the tokens overlapping any of the spans.
func (at *atext) tokensIn(spans []model.Span, mark []bool) bool {
	found := false
	for k, t := range at.toks {
		for _, s := range spans {
			if t.Start < s.End && s.Start < t.End {
				mark[k] = true
				found = true
			}
		}
	}
	return found
}

// cueVocabulary lists the words (stems) annotated cues are made of: seen
// in cues at least twice, and in a cue at least one time in ten that they
// occur at all ("said", "accord", "interview", but not "Trump" or
// "Friday"). The cue tagger reads only the stretches around them and
// around entries of the speech-verb table.
func cueVocabulary(inCue, all map[string]int) []string {
	var out []string
	for w, n := range inCue {
		if n >= 2 && n*10 >= all[w] {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

func (r *Registry) trainingSeqs(d TrainDoc, cueWords, allWords map[string]int) (cueSeqs, roleSeqs []trainSeq) {
	a := newAnalysis(r, &model.Document{ID: d.Name, Text: d.Text})
	x := a.newAttrCtx()
	at := x.at
	n := len(at.toks)
	if n == 0 {
		return nil, nil
	}
	for k := range at.toks {
		allWords[cueWord(&at.toks[k])]++
	}
	// cue tags: B at a speech cue's first token, I after
	cueTag := make([]int, n)
	cueTok := make([]bool, n) // every attribution's cue, for the role features
	type attrToks struct {
		c0, c1  int
		src     []bool
		content []bool
	}
	var attrs []attrToks
	for _, ta := range d.Attrs {
		mark := make([]bool, n)
		if !at.tokensIn(ta.Cue, mark) {
			continue
		}
		c0 := -1
		c1 := -1
		for k := range mark {
			if mark[k] {
				if c0 < 0 {
					c0 = k
				}
				if at.toks[k].Sent == at.toks[c0].Sent {
					c1 = k + 1
				}
			}
		}
		for k := c0; k < c1; k++ {
			cueTok[k] = true
			if ta.Speech {
				cueWords[cueWord(&at.toks[k])]++
				if k == c0 || cueTag[k-1] == cueO {
					cueTag[k] = cueB
				} else {
					cueTag[k] = cueI
				}
			}
		}
		src, con := make([]bool, n), make([]bool, n)
		at.tokensIn(ta.Source, src)
		if !at.tokensIn(ta.Content, con) {
			continue
		}
		attrs = append(attrs, attrToks{c0, c1, src, con})
	}
	for _, s := range at.sents {
		lo, hi := s[0], s[1]
		if hi <= lo {
			continue
		}
		seq := trainSeq{gold: append([]int(nil), cueTag[lo:hi]...)}
		for k := lo; k < hi; k++ {
			seq.feats = append(seq.feats, x.cueFeatures(k, lo, hi, featBuf{}).h)
		}
		cueSeqs = append(cueSeqs, seq)
	}
	for _, ra := range attrs {
		p := at.roleWindow([2]int{ra.c0, ra.c1})
		rw := x.newRoleWindow(p[0], p[1], ra.c0, ra.c1, cueTok)
		seq := trainSeq{}
		prev := roleO
		for k := p[0]; k < p[1]; k++ {
			tag := roleO
			switch {
			case k >= ra.c0 && k < ra.c1:
			case ra.src[k]:
				tag = roleBS
				if prev == roleBS || prev == roleIS {
					tag = roleIS
				}
			case ra.content[k]:
				tag = roleBC
				if prev == roleBC || prev == roleIC {
					tag = roleIC
				}
			}
			prev = tag
			seq.gold = append(seq.gold, tag)
			seq.feats = append(seq.feats, x.roleFeatures(rw, k, featBuf{}).h)
		}
		roleSeqs = append(roleSeqs, seq)
	}
	return cueSeqs, roleSeqs
}

var debugEval = os.Getenv("QT_EVAL_DEBUG") != ""

// EvalAttribution measures trained taggers on annotated docs and returns a
// report: the cue tagger's precision and recall on speech cues (a found
// cue is right when it overlaps an annotated one), and the role tagger's
// content and source on the annotated cues (an attribution's content is
// right at a word Jaccard of 0.5 or more, its source when it overlaps).
func (r *Registry) EvalAttribution(docs []TrainDoc, cue, role []byte) (string, error) {
	m, err := LoadAttribModel(cue, role)
	if err != nil {
		return "", err
	}
	var cueTP, cueFP, cueFN, n, conOK, srcOK, srcGold, srcNone int
	var conJ float64
	for _, d := range docs {
		a := newAnalysis(r, &model.Document{ID: d.Name, Text: d.Text})
		x := a.newAttrCtx()
		at := x.at
		nt := len(at.toks)
		if nt == 0 {
			continue
		}
		gold := make([]bool, nt)
		cueTok := make([]bool, nt)
		type g struct {
			c0, c1   int
			src, con []bool
		}
		var gs []g
		for _, ta := range d.Attrs {
			mark := make([]bool, nt)
			if !at.tokensIn(ta.Cue, mark) {
				continue
			}
			c0, c1 := -1, -1
			for k := range mark {
				if mark[k] {
					if c0 < 0 {
						c0 = k
					}
					if at.toks[k].Sent == at.toks[c0].Sent {
						c1 = k + 1
					}
				}
			}
			for k := c0; k < c1; k++ {
				cueTok[k] = true
				gold[k] = gold[k] || ta.Speech
			}
			src, con := make([]bool, nt), make([]bool, nt)
			at.tokensIn(ta.Source, src)
			if at.tokensIn(ta.Content, con) && ta.Speech {
				gs = append(gs, g{c0, c1, src, con})
			}
		}
		found := x.findCues(m, nil)
		hit := make([]bool, nt)
		for _, c := range found {
			if debugEval && c[1]-c[0] > 1 {
				exact := (c[0] == 0 || !gold[c[0]-1]) && (c[1] == nt || !gold[c[1]])
				for k := c[0]; k < c[1]; k++ {
					exact = exact && gold[k]
				}
				fmt.Printf("MULTI %v %q\n", exact, d.Text[at.toks[c[0]].Start:at.toks[c[1]-1].End])
			}
			ok := false
			for k := c[0]; k < c[1]; k++ {
				ok = ok || gold[k]
				hit[k] = true
			}
			if ok {
				cueTP++
			} else {
				cueFP++
				if debugEval {
					fmt.Printf("FP %q in %q\n", d.Text[at.toks[c[0]].Start:at.toks[c[1]-1].End], d.Text[at.toks[max(c[0]-6, 0)].Start:at.toks[min(c[1]+5, nt-1)].End])
				}
			}
		}
		for k := 0; k < nt; k++ {
			if gold[k] && (k == 0 || !gold[k-1]) {
				ok := false
				for j := k; j < nt && gold[j]; j++ {
					ok = ok || hit[j]
				}
				if !ok {
					cueFN++
					if debugEval {
						e := k
						for e < nt && gold[e] {
							e++
						}
						fmt.Printf("FN %q in %q\n", d.Text[at.toks[k].Start:at.toks[e-1].End], d.Text[at.toks[max(k-6, 0)].Start:at.toks[min(e+5, nt-1)].End])
					}
				}
			}
		}
		for _, ga := range gs {
			n++
			la := x.roles(m, [2]int{ga.c0, ga.c1}, cueTok)
			pred := make([]bool, nt)
			for _, c := range la.contents {
				for k := c[0]; k < c[1]; k++ {
					pred[k] = true
				}
			}
			inter, union := 0, 0
			for k := 0; k < nt; k++ {
				w := at.toks[k].Kind == akWord
				if !w {
					continue
				}
				if pred[k] && ga.con[k] {
					inter++
				}
				if pred[k] || ga.con[k] {
					union++
				}
			}
			if union > 0 {
				j := float64(inter) / float64(union)
				conJ += j
				if j >= 0.5 {
					conOK++
				} else if debugEval {
					show := func(m []bool) string {
						var b strings.Builder
						for k := 0; k < nt; k++ {
							if m[k] {
								b.WriteString(d.Text[at.toks[k].Start:at.toks[k].End] + " ")
							}
						}
						return b.String()
					}
					fmt.Printf("ROLE cue %q J=%.2f\n  gold: %s\n  pred: %s\n", d.Text[at.toks[ga.c0].Start:at.toks[ga.c1-1].End], j, show(ga.con), show(pred))
				}
			}
			hasSrc := false
			for k := 0; k < nt; k++ {
				hasSrc = hasSrc || ga.src[k]
			}
			if hasSrc {
				srcGold++
				if la.source[0] < 0 {
					srcNone++
				} else {
					for k := la.source[0]; k < la.source[1]; k++ {
						if ga.src[k] {
							srcOK++
							break
						}
					}
				}
			}
		}
	}
	p := float64(cueTP) / float64(max(cueTP+cueFP, 1))
	rc := float64(cueTP) / float64(max(cueTP+cueFN, 1))
	return fmt.Sprintf("cues: P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)\n"+
		"roles on annotated speech cues (%d): content J>=0.5 %.3f, mean J %.3f; source overlaps %.3f of %d (none given %d)\n",
		p, rc, 2*p*rc/max(p+rc, 1e-9), cueTP, cueFP, cueFN,
		n, float64(conOK)/float64(max(n, 1)), conJ/float64(max(n, 1)), float64(srcOK)/float64(max(srcGold, 1)), srcGold, srcNone), nil
}
