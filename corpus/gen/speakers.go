package gen

import "time"

// day is a day number counted from 2020-01-01 (day 0).
type day int32

var epoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// numDays is the number of days 2020-01-01 … 2025-12-31.
const numDays = 2192

func d(s string) day {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return day(t.Sub(epoch).Hours() / 24)
}

func (x day) time() time.Time { return epoch.AddDate(0, 0, int(x)) }

// window is a half-open range of days [from, to); to == 0 means open.
type window struct{ from, to day }

func (w window) has(x day) bool { return x >= w.from && (w.to == 0 || x < w.to) }

// role is a title valid in a window.
type role struct {
	title string
	w     window
}

// speaker is a registry speaker as the generator writes about them. The
// titles mirror corpus/data/speakers.yaml so the loader can resolve them.
type speaker struct {
	name    string // as introduced: "Dmitry Peskov"
	surname string // "" when the bare surname is not used
	female  bool
	russian bool
	active  window // when they speak in the corpus
	appos   []role // "Kremlin spokesman" before the name
	nouns   []role // "the Kremlin spokesman" instead of the name
	weight  int
}

var all = window{0, 0}

func w(from, to string) window {
	x := window{from: d(from)}
	if to != "" {
		x.to = d(to)
	}
	return x
}

func roles(wd window, titles ...string) []role {
	out := make([]role, len(titles))
	for i, t := range titles {
		out[i] = role{t, wd}
	}
	return out
}

func join(rs ...[]role) []role {
	var out []role
	for _, r := range rs {
		out = append(out, r...)
	}
	return out
}

var speakers = []speaker{
	{name: "Dmitry Peskov", surname: "Peskov", russian: true, active: all, weight: 30,
		appos: roles(all, "Kremlin spokesman", "Kremlin Spokesman", "Kremlin spokesperson", "Kremlin press secretary", "Russian presidential spokesman", "Russia’s Presidential Spokesman", "presidential press secretary"),
		nouns: roles(all, "the Kremlin spokesman", "the Kremlin press secretary", "the presidential spokesman", "the Kremlin spokesperson")},
	{name: "Vladimir Putin", surname: "Putin", russian: true, active: all, weight: 18,
		appos: roles(all, "Russian President", "President", "Russia’s President", "Russian leader"),
		nouns: roles(all, "the Russian leader", "the Russian president", "the Kremlin leader", "the Russian head of state", "the Kremlin chief")},
	{name: "Sergey Lavrov", surname: "Lavrov", russian: true, active: all, weight: 12,
		appos: roles(all, "Russian Foreign Minister", "Foreign Minister", "Russia’s top diplomat"),
		nouns: roles(all, "the Russian foreign minister", "Russia’s top diplomat", "the Russian top diplomat")},
	{name: "Maria Zakharova", surname: "Zakharova", female: true, russian: true, active: all, weight: 8,
		appos: roles(all, "Foreign Ministry spokeswoman", "Russian Foreign Ministry spokeswoman", "Russian diplomatic spokeswoman"),
		nouns: roles(all, "the Foreign Ministry spokeswoman", "the Russian diplomatic spokeswoman")},
	{name: "Sergey Ryabkov", surname: "Ryabkov", russian: true, active: all, weight: 5,
		appos: roles(all, "Deputy Foreign Minister", "Russian Deputy Foreign Minister")},
	{name: "Yuri Ushakov", surname: "Ushakov", russian: true, active: all, weight: 5,
		appos: roles(all, "Kremlin aide", "Kremlin foreign policy aide", "presidential aide"),
		nouns: roles(all, "the Kremlin aide")},
	{name: "Dmitry Medvedev", surname: "Medvedev", russian: true, active: w("2020-01-16", ""), weight: 5,
		appos: roles(w("2020-01-16", ""), "Security Council Deputy Chairman", "former Russian President", "Deputy Chairman of the Security Council"),
		nouns: roles(w("2020-01-16", ""), "the former Russian president", "the Security Council deputy chairman")},
	{name: "Anatoly Antonov", surname: "Antonov", russian: true, active: w("2020-01-01", "2024-10-10"), weight: 5,
		appos: roles(w("2020-01-01", "2024-10-10"), "Russian Ambassador to the US", "Russia’s Ambassador to the United States"),
		nouns: roles(w("2020-01-01", "2024-10-10"), "the Russian ambassador to the US", "the Russian envoy to Washington")},
	{name: "Vasily Nebenzya", surname: "Nebenzya", russian: true, active: all, weight: 4,
		appos: roles(all, "Russia’s UN envoy", "Russian Permanent Representative to the UN", "Russian envoy to the UN"),
		nouns: roles(all, "Russia’s UN envoy", "the Russian envoy to the UN")},
	{name: "Donald Trump", surname: "Trump", active: window{}, weight: 14,
		appos: join(roles(w("2020-01-01", "2021-01-20"), "US President", "President"),
			roles(w("2021-01-20", "2024-11-06"), "former US President"),
			roles(w("2024-11-06", "2025-01-20"), "President-elect", "US President-elect"),
			roles(w("2025-01-20", ""), "US President", "President", "American President")),
		nouns: join(roles(w("2020-01-01", "2021-01-20"), "the US president"),
			roles(w("2021-01-20", "2024-11-06"), "the former US president"),
			roles(w("2024-11-06", "2025-01-20"), "the US President-elect", "the incoming US president"),
			roles(w("2025-01-20", ""), "the US president", "the American president"))},
	{name: "Joe Biden", surname: "Biden", active: w("2020-11-07", "2025-01-20"), weight: 8,
		appos: join(roles(w("2020-11-07", "2021-01-20"), "President-elect", "US President-elect"),
			roles(w("2021-01-20", "2025-01-20"), "US President", "President")),
		nouns: join(roles(w("2020-11-07", "2021-01-20"), "the US President-elect"),
			roles(w("2021-01-20", "2024-11-06"), "the US president", "the American president"),
			roles(w("2024-11-06", "2025-01-20"), "the outgoing US president"))},
	{name: "Antony Blinken", surname: "Blinken", active: w("2021-01-26", "2025-01-20"), weight: 6,
		appos: roles(w("2021-01-26", "2025-01-20"), "US Secretary of State", "Secretary of State"),
		nouns: roles(w("2021-01-26", "2025-01-20"), "the Secretary of State", "the US top diplomat")},
	{name: "Jake Sullivan", surname: "Sullivan", active: w("2021-01-20", "2025-01-20"), weight: 3,
		appos: roles(w("2021-01-20", "2025-01-20"), "US National Security Adviser", "national security adviser"),
		nouns: roles(w("2021-01-20", "2025-01-20"), "the national security adviser")},
	{name: "Ned Price", surname: "Price", active: w("2021-01-20", "2023-03-31"), weight: 3,
		appos: roles(w("2021-01-20", "2023-03-31"), "State Department spokesman", "US State Department spokesman"),
		nouns: roles(w("2021-01-20", "2023-03-31"), "the State Department spokesman")},
	{name: "John Kirby", surname: "Kirby", active: w("2021-01-20", "2025-01-20"), weight: 3,
		appos: join(roles(w("2021-01-20", "2022-05-16"), "Pentagon press secretary"),
			roles(w("2022-05-16", "2025-01-20"), "National Security Council spokesman", "White House national security spokesman")),
		nouns: join(roles(w("2021-01-20", "2022-05-16"), "the Pentagon spokesman"),
			roles(w("2022-05-16", "2025-01-20"), "the National Security Council spokesman"))},
	{name: "Jen Psaki", surname: "Psaki", female: true, active: w("2021-01-20", "2022-05-13"), weight: 2,
		appos: roles(w("2021-01-20", "2022-05-13"), "White House Press Secretary"),
		nouns: roles(w("2021-01-20", "2022-05-13"), "the White House press secretary")},
	{name: "Marco Rubio", surname: "Rubio", active: w("2025-01-21", ""), weight: 5,
		appos: roles(w("2025-01-21", ""), "US Secretary of State", "Secretary of State"),
		nouns: roles(w("2025-01-21", ""), "the Secretary of State", "the US top diplomat")},
	{name: "Steve Witkoff", surname: "Witkoff", active: w("2025-01-20", ""), weight: 4,
		appos: roles(w("2025-01-20", ""), "US Special Envoy", "US special envoy"),
		nouns: roles(w("2025-01-20", ""), "the US special envoy")},
	{name: "Volodymyr Zelensky", surname: "Zelensky", active: all, weight: 6,
		appos: roles(all, "Ukrainian President", "Ukraine’s President"),
		nouns: roles(all, "the Ukrainian president", "the Ukrainian leader")},
}

func init() {
	// Trump speaks all through 2020–2025.
	for i := range speakers {
		if speakers[i].name == "Donald Trump" {
			speakers[i].active = all
		}
	}
}

func pickRole(rs []role, x day, r *rng) string {
	n := 0
	for _, ro := range rs {
		if ro.w.has(x) {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	k := r.IntN(n)
	for _, ro := range rs {
		if ro.w.has(x) {
			if k == 0 {
				return ro.title
			}
			k--
		}
	}
	return ""
}

// pickSpeaker chooses a registry speaker active on day x, by weight.
func pickSpeaker(x day, r *rng) int {
	total := 0
	for i := range speakers {
		if speakers[i].active.has(x) {
			total += speakers[i].weight
		}
	}
	k := r.IntN(total)
	for i := range speakers {
		if speakers[i].active.has(x) {
			if k < speakers[i].weight {
				return i
			}
			k -= speakers[i].weight
		}
	}
	return 0
}
