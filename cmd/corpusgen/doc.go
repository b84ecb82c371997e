// Command corpusgen writes a synthetic corpus of news articles for
// benchmarks and load tests, deterministic by seed.
//
//	go run ./cmd/corpusgen -n 100000 -seed 1 -o /tmp/big
package main
