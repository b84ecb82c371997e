// Package model is quotetrail's in-memory corpus: documents, statements,
// speakers, periods, the indexes over them and the queries they answer
// (Corpus.Query), the comparison of the wording before and after a split
// (Corpus.Compare: pairs, word differences, distinctive terms), and the
// renderings of it all — Markdown (RenderMarkdown) and JSON (dump).
//
// It does no I/O and knows nothing of the terminal: data flows
// files → corpus → model → ui / export / JSON.
package model
