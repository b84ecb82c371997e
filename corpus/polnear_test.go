package corpus

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/quotetrail/quotetrail/model"
)

// TestPolNeAR measures extraction on PolNeAR, the public corpus of US
// political news with every attribution annotated (Newell, Margolin and
// Ruths, LREC 2018), with its own scorer. Opt-in:
//
//	go test ./corpus -run TestPolNeAR -v -polnear ../../shared/polnear
//	go test ./corpus -run TestPolNeAR -v -polnear ../../shared/polnear -polnear.split train
//
// (paths are relative to corpus/, where go test runs). It loads the split's
// articles through the normal pipeline, writes the dump that `quotetrail
// dump --format json` writes, and prints what ../eval/polnear.py (beside
// the data folder) says of its statements and ../eval/polnear_dates.py of
// its document dates. Skipped when the folder is absent; it measures, and
// fails only when it cannot (the scorer missing, the dump not written).
// The train split is the one the attribution taggers learn from
// (cmd/qttrain): tune on train, measure on dev.
var (
	polnearDir   = flag.String("polnear", "", "PolNeAR data folder (SPLIT/text, SPLIT/attributions, metadata.tsv)")
	polnearSplit = flag.String("polnear.split", "dev", "the PolNeAR split to measure")
)

func TestPolNeAR(t *testing.T) {
	if *polnearDir == "" {
		t.Skip("no PolNeAR folder: pass -polnear DIR")
	}
	texts := filepath.Join(*polnearDir, *polnearSplit, "text")
	if fi, err := os.Stat(texts); err != nil || !fi.IsDir() {
		t.Skipf("PolNeAR split %s is absent (%s)", *polnearSplit, texts)
	}
	eval := filepath.Join(*polnearDir, "..", "eval")
	score, dates := filepath.Join(eval, "polnear.py"), filepath.Join(eval, "polnear_dates.py")
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatalf("python3 is needed to run the scorer: %v", err)
	}
	r, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Load(context.Background(), []string{texts}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := r.Build("PolNeAR "+*polnearSplit, res)
	dump := filepath.Join(t.TempDir(), "dump.json")
	f, err := os.Create(dump)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.NewEncoder(f).Encode(model.Dump(c, c.Query(model.Filter{}), model.Filter{}, model.Split(model.DefaultSplit))); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []*exec.Cmd{
		exec.Command(python, score, "--data", *polnearDir, "score", *polnearSplit, dump),
		exec.Command(python, dates, filepath.Join(*polnearDir, "metadata.tsv"), dump),
	} {
		out, err := cmd.CombinedOutput()
		t.Logf("%s:\n%s", filepath.Base(cmd.Args[1]), out)
		if err != nil {
			t.Fatalf("%s: %v", cmd.Args[1], err)
		}
	}
}
