// Package modeltest holds what the benchmarks of several packages share:
// the synthetic corpora at scale, built once per size, and their names.
package modeltest
