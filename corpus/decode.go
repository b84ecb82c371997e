package corpus

import "github.com/quotetrail/quotetrail/model"

// STUB — owned by the loader work (issue 2). Replace wholesale.

// Decode turns raw bytes into text: it detects the encoding (UTF-8 with or
// without BOM, UTF-16 with BOM, legacy single-byte), repairs mojibake and
// normalises to NFC. It returns the text, the encoding name and the repairs.
func Decode(b []byte) (string, string, []model.Repair) {
	return string(b), "utf-8", nil
}

// RepairMojibake repairs CP1251-as-Latin-1 and UTF-8-as-CP1252 mojibake in
// already decoded text when the round trip is lossless and plausible.
func RepairMojibake(s string) (string, []model.Repair) { return s, nil }

// Sanitize strips terminal control characters and escape sequences.
func Sanitize(s string) string { return s }
