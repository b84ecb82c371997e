package corpus_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotetrail/quotetrail/corpus"
	"github.com/quotetrail/quotetrail/corpus/gen"
	"github.com/quotetrail/quotetrail/model"
)

// TestLoadGenerated runs generated articles through the real loader.
func TestLoadGenerated(t *testing.T) {
	const n = 200
	dir := t.TempDir()
	st, err := gen.Generate(dir, n, 1)
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string]string{}
	for f := range gen.Files(n, 1) {
		if f.Bad != "" {
			bad[filepath.Join(dir, filepath.FromSlash(f.Name))] = f.Bad
		}
	}
	reg, err := corpus.DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := reg.Load(context.Background(), []string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}

	if len(res.Documents) != st.Articles {
		t.Errorf("%d documents loaded, want the %d good articles", len(res.Documents), st.Articles)
	}
	if len(res.Skipped) != st.Skips() {
		t.Errorf("%d skipped, want %d (%d bad files, %d broken JSONL lines)", len(res.Skipped), st.Skips(), st.Bad, st.BadLines)
	}
	lines := 0
	for _, s := range res.Skipped {
		if s.Reason == "" {
			t.Errorf("%s skipped without a reason", s.Path)
		}
		if kind, ok := bad[s.Path]; ok {
			delete(bad, s.Path)
			t.Logf("skipped %s (%s): %s", filepath.Base(s.Path), kind, s.Reason)
			continue
		}
		if strings.Contains(filepath.Base(s.Path), ".jsonl:") {
			lines++
			t.Logf("skipped %s: %s", filepath.Base(s.Path), s.Reason)
			continue
		}
		t.Errorf("skipped a good file: %s: %s", s.Path, s.Reason)
	}
	for p := range bad {
		t.Errorf("bad file %s was not skipped", p)
	}
	if lines != st.BadLines {
		t.Errorf("%d JSONL lines skipped, want %d", lines, st.BadLines)
	}

	byDoc := map[string][]*model.Statement{}
	kinds := map[model.Kind]int{}
	known, dated := 0, 0
	for _, s := range res.Statements {
		byDoc[s.Doc] = append(byDoc[s.Doc], s)
		kinds[s.Kind]++
		if s.Speaker != model.UnknownSpeaker {
			known++
		}
		if s.Date.Known() {
			dated++
		}
	}
	withStmt, withGood, docDated := 0, 0, 0
	for _, d := range res.Documents {
		if d.Date.Known() {
			docDated++
		}
		ss := byDoc[d.ID]
		if len(ss) > 0 {
			withStmt++
		}
		for _, s := range ss {
			if s.Speaker != model.UnknownSpeaker && s.Date.Known() {
				withGood++
				break
			}
		}
	}
	docs := max(len(res.Documents), 1)
	stmts := max(len(res.Statements), 1)
	t.Logf("%v", st)
	t.Logf("documents %d, skipped %d, statements %d (%.1f per document; direct %d, indirect %d, mixed %d)",
		len(res.Documents), len(res.Skipped), len(res.Statements), float64(len(res.Statements))/float64(docs),
		kinds[model.Direct], kinds[model.Indirect], kinds[model.Mixed])
	t.Logf("documents with a date %.1f%%, with statements %.1f%%, with a statement of known speaker and date %.1f%%",
		pct(docDated, docs), pct(withStmt, docs), pct(withGood, docs))
	t.Logf("statements with a known speaker %.1f%%, with a known date %.1f%%", pct(known, stmts), pct(dated, stmts))
	if pct(withGood, docs) < 75 {
		t.Errorf("only %.1f%% of documents yield a statement with a known speaker and date", pct(withGood, docs))
	}
	if os.Getenv("QT_GEN_VERBOSE") != "" {
		for _, w := range res.Warnings {
			t.Log("warning:", w)
		}
	}
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(b) }
