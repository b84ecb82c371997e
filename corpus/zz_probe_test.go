package corpus

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

func probeTruth(t *testing.T) map[string]time.Time {
	f, err := os.Open("/work/shared/polnear/metadata.tsv")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	rows, _ := r.ReadAll()
	out := map[string]time.Time{}
	for _, row := range rows[1:] {
		d, err := time.Parse("2006-01-02", row[5])
		if err == nil {
			out[row[1]] = d
		}
	}
	return out
}

func TestZZProbeScheduled(t *testing.T) {
	dir := os.Getenv("PROBE_DIR")
	if dir == "" {
		t.Skip()
	}
	truth := probeTruth(t)
	reg, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := reg.Events
	for _, doc := range res.Documents {
		name := strings.TrimSuffix(filepath.Base(doc.Path), ".txt")
		tr := truth[name]
		text := doc.Text
		for _, em := range e.match(text) {
			sched := false
			for _, x := range em.events {
				if x.Scheduled {
					sched = true
				}
			}
			if !sched {
				continue
			}
			clause := clauseBefore(text, em.span.Start)
			tense := mentionTense(text, clause, em.span)
			c, ok := eventConstraint(text, em)
			// the alternative nearest the truth
			rel := "?"
			for _, x := range em.events {
				if x.Start.Year() == tr.Year() || x.Start.Year() == tr.Year()-1 && tr.Month() < 3 {
					if x.Start.After(tr) {
						rel = "FUT"
					} else {
						rel = "PAST"
					}
				}
			}
			s := sentenceAround(text, em.span.Start)
			hon := "-"
			if ok {
				hon = "ok"
				if !c.set.contains(dnum(tr)) {
					hon = "WRONG"
				}
			}
			_ = model.Span{}
			fmt.Printf("%s\t%d\t%s\t%s\t%s\t%s\t%q\t%s\n", rel, tense, hon, c.rule, windowList(c.set), em.text, strings.ReplaceAll(text[s.Start:s.End], "\n", " "), name)
		}
	}
}

func TestZZProbeLead(t *testing.T) {
	dir := os.Getenv("PROBE_DIR")
	if dir == "" {
		t.Skip()
	}
	truth := probeTruth(t)
	reg, _ := DefaultRegistry()
	res, _ := reg.Load(context.Background(), []string{dir}, Options{})
	e := reg.Events
	for _, doc := range res.Documents {
		name := strings.TrimSuffix(filepath.Base(doc.Path), ".txt")
		tr := truth[name]
		text := doc.Text
		paras := model.ParagraphSpans(text)
		wd := leadWeekday(doc, 0, leadEndOf(text, paras))
		for _, em := range e.match(text) {
			for _, x := range em.events {
				if x.Bound != BoundAfter || !x.Start.Equal(x.End) || x.Scheduled {
					continue
				}
				gap := int(tr.Sub(x.Start).Hours() / 24)
				if gap < -1 || gap > 14 {
					continue
				}
				w := "-"
				if wd != nil {
					w = wd.day.String()
				}
				fmt.Printf("%d\t%s\t%s\t%s\t%s\t%s\n", gap, x.Start.Weekday(), w, x.ID, em.text, name)
			}
		}
	}
}

func TestZZProbeYearless(t *testing.T) {
	dir := os.Getenv("PROBE_DIR")
	if dir == "" {
		t.Skip()
	}
	truth := probeTruth(t)
	reg, _ := DefaultRegistry()
	res, _ := reg.Load(context.Background(), []string{dir}, Options{})
	for _, doc := range res.Documents {
		name := strings.TrimSuffix(filepath.Base(doc.Path), ".txt")
		tr := truth[name]
		text := doc.Text
		var months [13]bool
		for _, m := range scanDates(text) {
			if m.kind == mentionFull || m.kind == mentionMonthYear {
				months[m.month] = true
			}
			if m.kind != mentionMonthDay || months[m.month] {
				continue
			}
			clause := clauseBefore(text, m.span.Start)
			tt := mentionTense(text, clause, m.span)
			d := model.Day(tr.Year(), m.month, m.day)
			gap := int(d.Sub(tr).Hours() / 24)
			if gap > 183 {
				gap -= 365
			} else if gap < -183 {
				gap += 365
			}
			s := sentenceAround(text, m.span.Start)
			fmt.Printf("%d\t%d\t%s\t%q\t%s\n", tt, gap, m.text, strings.ReplaceAll(text[s.Start:s.End], "\n", " "), name)
		}
	}
}
