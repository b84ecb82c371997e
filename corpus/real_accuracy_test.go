package corpus

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/quotetrail/quotetrail/model"
)

// TestRealAccuracy measures the pipeline on real Kremlin-topic articles that
// are kept outside the repository (third-party text): a folder of
// <doc>.txt files, annotated in testdata/real/annotations.yaml by id, URL,
// outlet, true publication date, page furniture and first words of every
// statement. It is opt-in:
//
//	go test ./corpus -run TestRealAccuracy -v -real /work/realnews
//	QT_REAL_DIR=/work/realnews go test ./corpus -run TestRealAccuracy -v
//
// and skipped when no folder is given or the folder is absent. It is a
// measurement: it prints figures and fails only when it cannot measure (a
// broken annotation file, an annotated article that was not loaded).
//
// Figures:
//   - statements: precision, recall and F1 with the right speaker, speaker
//     accuracy among matched statements, kind and statement date (the
//     matching and date rules of accuracy_test.go);
//   - furniture: extracted statements that match no annotation and overlap
//     a run of page furniture the annotation lists (listed one by one);
//   - document dates against the true publication date T (the annotation's
//     "published") with the extracted range X: exact (X and T the same
//     day), honest (X holds T, with X's width), inside (T is only a window
//     and X lies within it: consistent, not verifiable), partly outside (X
//     and T overlap, X holds neither), wrong (X and T do not meet), undated;
//     the truth unknown is counted apart;
//   - outlets: the share of documents whose source is the annotated outlet
//     (case, spaces and punctuation folded; an annotated "unknown" wants no
//     source), and the share that name any outlet at all.

var realDir = flag.String("real", "", "folder of the real-article evaluation set (testdata/real/annotations.yaml); also $QT_REAL_DIR")

func TestRealAccuracy(t *testing.T) {
	dir := *realDir
	if dir == "" {
		dir = os.Getenv("QT_REAL_DIR")
	}
	if dir == "" {
		t.Skip("no real-article folder: pass -real DIR or set QT_REAL_DIR")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Skipf("real-article folder %s is absent", dir)
	}
	r, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	anns := loadAnnotations(t, filepath.Join("..", "testdata", "real", "annotations.yaml"))
	for _, sk := range res.Skipped {
		t.Logf("skipped: %s: %s", sk.Path, sk.Reason)
	}
	m := measureReal(t, r, res, anns)
	m.report(t)
}

// realFigures are the real-article set's figures beyond accuracy's.
type realFigures struct {
	acc       accuracy
	furniture []string // statements from page furniture
	// furnitureRuns are the furniture entries annotated, furnitureLeft
	// those still in the cleaned text (the cleaner removed the rest).
	furnitureRuns, furnitureLeft int

	docs                                          int
	exact, honest, inside, partly, wrong, undated int
	truthUnknown                                  int
	honestWidths                                  []int // days, of the honest ranges
	valueInside, valueKnown                       int   // best estimate inside T, of the dated
	dateLines                                     []string

	outletRight, outletNamed int
	outletLines              []string
}

func measureReal(t *testing.T, r *Registry, res *Result, anns []annDoc) realFigures {
	byDoc := statementsByDoc(res)
	docs := documentsByID(res)
	var m realFigures
	seen := map[string]bool{}
	for _, ad := range anns {
		if seen[ad.Doc] {
			t.Errorf("annotation for %s given twice", ad.Doc)
		}
		seen[ad.Doc] = true
		doc := docs[ad.Doc]
		if doc == nil {
			t.Errorf("annotated document %s was not loaded", ad.Doc)
			continue
		}
		m.docs++
		m.docDate(ad, doc)
		m.outlet(ad, doc)
		stmts := byDoc[ad.Doc]
		used := m.acc.matchStatements(r, ad, stmts)
		spans := furnitureSpans(doc.Text, ad.Furniture)
		m.furnitureRuns += len(ad.Furniture)
		m.furnitureLeft += countLeft(doc.Text, ad.Furniture)
		for i, s := range stmts {
			if used[i] {
				continue
			}
			for _, sp := range spans {
				if s.Span.Start < sp.End && sp.Start < s.Span.End {
					m.furniture = append(m.furniture, fmt.Sprintf("%s: %s %s “%s” in furniture “%s” (%s)",
						s.ID, s.Speaker, s.Kind, clip(s.Text, 80), clip(doc.Text[sp.Start:sp.End], 60), strings.Join(s.Rules, "; ")))
					break
				}
			}
		}
	}
	for id := range docs {
		if !seen[id] {
			t.Logf("loaded but not annotated: %s", id)
		}
	}
	return m
}

// furnitureSpans locates an annotation's furniture runs in a cleaned text:
// every occurrence of an entry's first words, to the end of its line, or,
// for "FIRST … LAST", to the end of the first LAST after it. Runs the
// cleaner already removed are not in the text and yield nothing.
func furnitureSpans(text string, furniture []string) []model.Span {
	var out []model.Span
	for _, f := range furniture {
		first, last, ranged := strings.Cut(f, " … ")
		if first == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], first)
			if i < 0 {
				break
			}
			start := from + i
			end := start + len(first)
			if ranged {
				if j := strings.Index(text[end:], last); j >= 0 {
					end += j + len(last)
				}
			} else if j := strings.IndexByte(text[end:], '\n'); j >= 0 {
				end += j
			} else {
				end = len(text)
			}
			out = append(out, model.Span{Start: start, End: end})
			from = start + len(first)
		}
	}
	return out
}

// countLeft counts the furniture entries whose first words are still in
// the cleaned text.
func countLeft(text string, furniture []string) int {
	n := 0
	for _, f := range furniture {
		if first, _, _ := strings.Cut(f, " … "); first != "" && strings.Contains(text, first) {
			n++
		}
	}
	return n
}

// dateRange is a date's [earliest, latest] days, its Value when it has no range.
func dateRange(d model.Date) (time.Time, time.Time) {
	x1, x2 := d.Earliest, d.Latest
	if x1.IsZero() || x2.IsZero() {
		x1, x2 = d.Value, d.Value
	}
	return x1, x2
}

func spanDays(a, b time.Time) int { return int(b.Sub(a).Hours()/24) + 1 }

// The classes of a document date against the true publication date.
const (
	dateExact        = "exact"
	dateHonest       = "honest"
	dateInside       = "inside the annotated window"
	datePartly       = "partly outside"
	dateWrong        = "WRONG"
	dateUndated      = "undated"
	dateTruthUnknown = "truth unknown"
)

// dateClass classes an extracted date against the annotated publication
// date (see the figures above); width is the extracted range's in days.
func dateClass(published string, got model.Date) (class string, width int) {
	t1, t2, err := parseAnnDate(published)
	if err != nil || t1.IsZero() {
		return dateTruthUnknown, 0
	}
	if !got.Known() {
		return dateUndated, 0
	}
	x1, x2 := dateRange(got)
	width = spanDays(x1, x2)
	switch {
	case x1.Equal(x2) && t1.Equal(t2) && x1.Equal(t1):
		return dateExact, width
	case !x1.After(t1) && !x2.Before(t2):
		return dateHonest, width
	case !x1.Before(t1) && !x2.After(t2):
		return dateInside, width
	case x2.Before(t1) || x1.After(t2):
		return dateWrong, width
	}
	return datePartly, width
}

func (m *realFigures) docDate(ad annDoc, doc *model.Document) {
	got := doc.Date
	class, width := dateClass(ad.Published, got)
	if got.Known() && class != dateTruthUnknown {
		t1, t2, _ := parseAnnDate(ad.Published)
		m.valueKnown++
		if !got.Value.Before(t1) && !got.Value.After(t2) {
			m.valueInside++
		}
	}
	label := class
	switch class {
	case dateExact:
		m.exact++
	case dateHonest:
		m.honest++
		m.honestWidths = append(m.honestWidths, width)
		label = fmt.Sprintf("honest (%d days)", width)
	case dateInside:
		m.inside++
	case dateWrong:
		m.wrong++
	case datePartly:
		m.partly++
	case dateUndated:
		m.undated++
	case dateTruthUnknown:
		m.truthUnknown++
	}
	if class != dateExact {
		m.dateLines = append(m.dateLines, fmt.Sprintf("%s: %s: published %s, got %s (%s; %s)",
			label, ad.Doc, orUnknown(ad.Published), got.Label(), got.Rule, clip(got.Evidence, 60)))
	}
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "unknown"
	}
	return s
}

// foldOutlet folds an outlet name for comparison: lower case, letters and
// digits only ("Pravda.ru" = "pravda ru", "Press TV" = "PressTV").
func foldOutlet(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (m *realFigures) outlet(ad annDoc, doc *model.Document) {
	want := strings.TrimSpace(ad.Outlet)
	got := strings.TrimSpace(doc.Source)
	if got != "" {
		m.outletNamed++
	}
	right := foldOutlet(want) == foldOutlet(got) || (strings.EqualFold(want, "unknown") || want == "") && got == ""
	if right {
		m.outletRight++
		return
	}
	site := ""
	if ad.Site != "" {
		site = ", site " + ad.Site
	}
	m.outletLines = append(m.outletLines, fmt.Sprintf("outlet: %s: want %s%s, got %q", ad.Doc, orUnknown(want), site, got))
}

func (m realFigures) report(t *testing.T) {
	logDetails(t, m.acc)
	for _, f := range m.furniture {
		t.Log("from furniture: " + f)
	}
	sort.Strings(m.dateLines)
	for _, l := range m.dateLines {
		t.Log("document date " + l)
	}
	for _, l := range m.outletLines {
		t.Log(l)
	}
	a := m.acc
	widths := "none"
	if len(m.honestWidths) > 0 {
		ws := append([]int(nil), m.honestWidths...)
		sort.Ints(ws)
		within31, within3y := 0, 0
		for _, w := range ws {
			if w <= 31 {
				within31++
			}
			if w <= 1096 {
				within3y++
			}
		}
		widths = fmt.Sprintf("median %d days, max %d; %d within 31 days, %d within 3 years", ws[len(ws)/2], ws[len(ws)-1], within31, within3y)
	}
	dated := m.docs - m.truthUnknown
	lines := []string{
		fmt.Sprintf("real: statements: %d annotated, %d extracted, %d matched — precision %.3f, recall %.3f, F1 %.3f (speaker right); speaker accuracy %.3f of matched (%d/%d); kind %.3f; statement date %.3f (best estimate %.3f)",
			a.annotations, a.extracted, a.matched, a.precision(), a.recall(), a.f1(), ratio(a.tp, a.matched), a.tp, a.matched, ratio(a.kindOK, a.matched), ratio(a.dateOK, a.matched), ratio(a.valueOK, a.matched)),
		fmt.Sprintf("real: statements from page furniture: %d (furniture runs annotated %d, left in the cleaned text %d)", len(m.furniture), m.furnitureRuns, m.furnitureLeft),
		fmt.Sprintf("real: document dates (%d documents, %d with a known truth): exact %d, honest range %d (%s), inside the annotated window %d, partly outside %d, wrong %d, undated %d; truth unknown %d; best estimate inside the truth %d/%d dated",
			m.docs, dated, m.exact, m.honest, widths, m.inside, m.partly, m.wrong, m.undated, m.truthUnknown, m.valueInside, m.valueKnown),
		fmt.Sprintf("real: outlets: source is the annotated outlet %d/%d (%.3f); an outlet named at all %d/%d (%.3f)",
			m.outletRight, m.docs, ratio(m.outletRight, m.docs), m.outletNamed, m.docs, ratio(m.outletNamed, m.docs)),
	}
	for _, l := range lines {
		t.Log(l)
		fmt.Println(l)
	}
}

func TestRealAccuracyHelpers(t *testing.T) {
	text := "Headline\nBy A. Writer Share This is the lead.\nRELATED POSTS\nBody [Source: X] more\n"
	spans := furnitureSpans(text, []string{"By A. Writer … Share", "RELATED POSTS", "[Source: X]", "absent"})
	var got []string
	for _, sp := range spans {
		got = append(got, text[sp.Start:sp.End])
	}
	want := []string{"By A. Writer Share", "RELATED POSTS", "[Source: X] more"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("furnitureSpans = %q, want %q", got, want)
	}
	if n := countLeft(text, []string{"RELATED POSTS", "absent"}); n != 1 {
		t.Errorf("countLeft = %d, want 1", n)
	}

	day := func(y int, m time.Month, d int) time.Time { return model.Day(y, m, d) }
	cases := []struct {
		published string
		got       model.Date
		class     string
	}{
		{"2024-11-06", model.DayDate(day(2024, 11, 6), "", "", model.Span{}), dateExact},
		{"2024-11-06", model.RangeDate(day(2024, 11, 1), day(2024, 11, 30), "", "", model.Span{}), dateHonest},
		{"2024-11-01..2024-11-10", model.DayDate(day(2024, 11, 6), "", "", model.Span{}), dateInside},
		{"2024-11-01..2024-11-10", model.RangeDate(day(2024, 11, 8), day(2024, 11, 20), "", "", model.Span{}), datePartly},
		{"2024-11-06", model.DayDate(day(2023, 11, 6), "", "", model.Span{}), dateWrong},
		{"2024-11-06", model.Date{Precision: model.PrecisionUnknown}, dateUndated},
		{"unknown", model.DayDate(day(2024, 11, 6), "", "", model.Span{}), dateTruthUnknown},
	}
	for _, c := range cases {
		if class, _ := dateClass(c.published, c.got); class != c.class {
			t.Errorf("dateClass(%s, %s) = %s, want %s", c.published, c.got.Label(), class, c.class)
		}
	}
	if foldOutlet("Pravda.ru") != foldOutlet("pravda ru") || foldOutlet("Press TV") != foldOutlet("PressTV") {
		t.Error("foldOutlet does not fold case, spaces and punctuation")
	}
}
