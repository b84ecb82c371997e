package model

import "time"

// Event is a dated reference event drawn on the timeline ("2024-11-05 US
// election"). The corpus package's reference-event table supplies them.
type Event struct {
	Day   time.Time
	Label string
}
