// Package corpus reads articles and turns them into quotetrail's
// in-memory model: who said what, when, reported where.
//
// Loading (load.go) walks the user's files and folders — or the built-in
// corpus embedded from corpus/seed — reads each within a size limit, skips
// what is not an article with the reason, and runs every article through
// the per-document passes on a pool of workers (Registry.Process), each a
// small, named pass with its own file:
//
//	formats.go     .txt, .md with front matter, .html, .jsonl → Article
//	decode.go      bytes → text: encodings, mojibake repaired, controls removed
//	clean.go       page furniture removed, and kept for inspection
//	meta.go        title, outlet, URL and language from the text
//	dates.go       the document's date, as an honest window, with evidence
//	quotes.go      quotations; extract.go, attribute.go, frames.go and
//	               speakers.go: statements and who made them, by rules
//	attrmodel.go   the learned cue and role taggers (attrfeat.go, attrtok.go;
//	               trained by attrtrain.go, weights in corpus/data) find the
//	               attributions the rules do not; attrframes.go and
//	               persons.go settle their speakers
//	transcript.go  labelled turns of transcripts and briefings
//	topics.go      topics, assigned from the words
//
// Registry.Build then merges the same statement reported by several
// articles into one with several sources (merge.go) and makes the
// model.Corpus. Every fact keeps its provenance: the span it came from and
// the rule that found it.
//
// The domain data — boilerplate phrases, reference events, speakers,
// speech verbs, topics — is embedded from corpus/data (registry.go), and
// a user's files extend it. Processed articles are cached by content and
// registry (cache.go), so a second load of the same files is fast.
//
// Nothing here knows about the terminal: data flows files → corpus →
// model → ui / export / JSON.
package corpus
