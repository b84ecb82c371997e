// Command quotetrail is a terminal reader for statement timelines: who said
// what, when, reported where. With no arguments it opens the reader on the
// built-in corpus (the Kremlin's position on relations with the United
// States, 2020–2025); --corpus opens it on your own articles.
//
// Usage:
//
//	quotetrail [flags]                   the reader (package ui)
//	quotetrail dump [flags]              the whole parsed model as JSON (quotetrail.dump/v1)
//	quotetrail export [-o FILE] [flags]  the filtered timeline as Markdown
//	quotetrail compare [flags]           the Biden/Trump comparison
//	quotetrail stats [flags]             what was loaded and skipped, and why
//
// The subcommands share the reader's filters (--speaker, --topic,
// --period, --from, --to, --query) and corpus flags; quotetrail --help
// lists them all, and the README describes each. Errors are one line on
// stderr and a non-zero exit status.
//
// QUOTETRAIL_CPUPROFILE=FILE writes a CPU profile of the run.
//
// This package holds the flags, the subcommands and the wiring; the work is
// in corpus (reading articles), model (the corpus in memory, queries,
// comparison, export) and ui (the reader).
package main
