package corpus

import "github.com/quotetrail/quotetrail/model"

// STUB — owned by the loader work (issue 2). Replace wholesale.

// ExtractMeta fills the document's title, source, place, URL and language
// from the explicit metadata and the cleaned text.
func ExtractMeta(doc *model.Document, meta Meta, c Cleaned) {}
