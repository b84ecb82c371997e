// Package gen writes synthetic news articles for benchmarks and load
// tests: realistic statement timelines about Russia–US relations,
// 2020–2025, in the formats the corpus loader reads (.txt, .md with front
// matter, .html, .jsonl), with page furniture, mojibake, dates in every
// form the pipeline has to work out, quotes carried by several outlets and
// a small share of bad files.
//
// Everything is deterministic by seed: the same (n, seed) gives the same
// bytes, and each file can be made on its own, in any order
// (Corpus.File), so callers can build corpora in memory or in parallel.
// The package writes raw text; it does not parse it.
package gen
