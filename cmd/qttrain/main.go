// Command qttrain trains quotetrail's attribution taggers on PolNeAR, the
// public corpus of US political news with every attribution annotated
// (Newell, Margolin and Ruths, LREC 2018), and writes their shipped forms:
//
//	go run ./cmd/qttrain -polnear ../shared/polnear -split train -o corpus/data
//
// writes corpus/data/cue.model and corpus/data/role.model. The same data
// and flags write the same bytes. Only the train split should be used to
// train: dev and test measure.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/quotetrail/quotetrail/corpus"
)

func main() {
	dir := flag.String("polnear", "../shared/polnear", "PolNeAR data folder (SPLIT/text, SPLIT/attributions)")
	split := flag.String("split", "train", "the split to train on")
	out := flag.String("o", "corpus/data", "folder to write cue.model and role.model to")
	epochs := flag.Int("epochs", 0, "passes over the data (0: the default)")
	prune := flag.Float64("prune", 0, "drop the cue tagger's features whose averaged weights are all below this (0: the default)")
	rolePrune := flag.Float64("role-prune", 0, "the same for the role tagger (0: the default)")
	eval := flag.String("eval", "", "also measure the trained taggers on this split (e.g. dev)")
	flag.Parse()
	if err := run(*dir, *split, *out, *eval, corpus.TrainOptions{Epochs: *epochs, Prune: *prune, RolePrune: *rolePrune, Log: os.Stderr}); err != nil {
		fmt.Fprintln(os.Stderr, "qttrain:", err)
		os.Exit(1)
	}
}

func run(dir, split, out, eval string, o corpus.TrainOptions) error {
	docs, err := readSplit(dir, split)
	if err != nil {
		return err
	}
	reg, err := corpus.DefaultRegistry()
	if err != nil {
		return err
	}
	cue, role, err := reg.TrainAttribution(docs, o)
	if err != nil {
		return err
	}
	if eval != "" {
		edocs, err := readSplit(dir, eval)
		if err != nil {
			return err
		}
		rep, err := reg.EvalAttribution(edocs, cue, role)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "%s: %s", eval, rep)
	}
	for name, b := range map[string][]byte{"cue.model": cue, "role.model": role} {
		if err := corpus.WriteFileAtomic(filepath.Join(out, name), b, true); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", filepath.Join(out, name), len(b))
	}
	return nil
}
