package model

// Affiliation is the side a speaker speaks for.
type Affiliation string

// The affiliations quotetrail knows.
const (
	Russia       Affiliation = "Russia"
	UnitedStates Affiliation = "United States"
	Ukraine      Affiliation = "Ukraine"
	Other        Affiliation = "other"
	NoAffil      Affiliation = "unknown"
)

// Affiliations lists every affiliation in display order.
var Affiliations = []Affiliation{Russia, UnitedStates, Ukraine, Other, NoAffil}

// Speaker is a person or body whose statements the corpus holds.
type Speaker struct {
	Name        string // canonical: "Dmitry Peskov"
	Role        string // "Kremlin spokesman"
	Affiliation Affiliation
	Aliases     []string // other spellings and names: "Dmitri Peskov", "Peskov"
	Count       int      // statements in the corpus
}
