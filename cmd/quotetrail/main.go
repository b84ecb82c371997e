package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/quotetrail/quotetrail/ui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	stopProfile := startProfile(os.Getenv("QUOTETRAIL_CPUPROFILE"))
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile to path (for a slow corpus, see
// BENCHMARKS.md) until the returned function is called; "" does nothing.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quotetrail: QUOTETRAIL_CPUPROFILE: "+err.Error())
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "quotetrail: QUOTETRAIL_CPUPROFILE: "+err.Error())
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// run executes the command line and returns the exit status. Errors are
// one line on stderr.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		var pe *ui.PanicError
		switch {
		case errors.As(err, &pe):
			// the reader has given the terminal back; say so in one line and
			// keep the stack for the report
			where := "the stack trace could not be saved"
			if f, ferr := os.CreateTemp("", "quotetrail-panic-*.log"); ferr == nil {
				fmt.Fprintf(f, "quotetrail %s: %v\n\n%s", version, pe.Value, pe.Stack)
				f.Close()
				where = "stack trace in " + f.Name()
			}
			fmt.Fprintf(stderr, "quotetrail: %s — a bug, please report it (%s)\n", oneLine(pe.Error()), where)
			return 2
		case ctx.Err() != nil && context.Cause(ctx) != nil:
			fmt.Fprintln(stderr, "quotetrail: "+oneLine(context.Cause(ctx).Error()))
			return 1
		}
		fmt.Fprintln(stderr, "quotetrail: "+oneLine(err.Error()))
		return 1
	}
	return 0
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
