package corpus

import (
	"strings"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

// builtinDating is the built-in events and offices with a fixed "today".
func builtinDating(t *testing.T) *Events {
	t.Helper()
	r, err := DefaultRegistry()
	if err != nil {
		t.Fatal(err)
	}
	e := *r.Events
	e.Now = func() time.Time { return mkDay("2026-06-01") }
	return &e
}

// TestDateClues: each clue the issue names gives its window, and the date
// is what the windows leave.
func TestDateClues(t *testing.T) {
	cases := []struct {
		name, text string
		label      string // Date.Label()
		rule       string // prefix of Date.Rule
		clue       string // "rule windows use" of a clue, "" for none to check
		warn       string
	}{
		{name: "as a date approaches: before it", text: "As February 5, 2026 approaches, Foreign Minister Sergei Lavrov said the treaty must not lapse.",
			label: "between 2004-03-09 and 2026-02-05", rule: "bounds:", clue: "future-date until 2026-02-05 used"},
		{name: "since a date: after it", text: "Relations have been frozen since the summit in Geneva on June 16, 2021, Peskov said.",
			label: "between 2021-06-16 and 2026-06-01", rule: "bounds:", clue: "mentioned-date from 2021-06-16 used"},
		{name: "a title only since", text: "Foreign Minister Sergei Lavrov said the West was wrong.",
			label: "between 2004-03-09 and 2026-06-01", rule: "bounds:office", clue: "office from 2004-03-09 used"},
		{name: "former: after the term", text: "Former President Barack Obama said so.",
			label: "between 2017-01-20 and 2026-06-01", rule: "bounds:office-former", clue: "office-former from 2017-01-20 used"},
		{name: "a status of several terms, a name chooses", text: "Republican nominee Donald Trump spoke. Hillary Clinton replied.",
			label: "between 2016-05-03 and 2016-11-07", rule: "bounds:status+weak-event"},
		{name: "a status of several terms alone", text: "Republican nominee Donald Trump spoke.",
			label: "date unknown", rule: "bounds:ambiguous", clue: "status 2016-05-03…2016-11-07 2020-03-17…2020-11-02 2024-03-12…2024-11-04 used"},
		{name: "a year-less day in a window", text: "Republican nominee Donald Trump said on Sept. 12 that the race was close. Hillary Clinton replied.",
			label: "between 2016-05-03 and 2016-11-07", rule: "bounds:", clue: "mentioned-day 2015-09-12…2016-07-08 2016-09-12…2017-07-09"},
		{name: "a year-less day earlier this month", text: "Republican nominee Donald Trump spoke on Sept. 12 earlier this month about the race. Hillary Clinton replied.",
			label: "between 2016-09-12 and 2016-09-30", rule: "bounds:"},
		{name: "a weekday before a debate", text: "Republican nominee Donald Trump prepared for Monday's first presidential debate. Hillary Clinton rested.",
			label: "between 2016-09-20 and 2016-10-02", rule: "bounds:"},
		{name: "a countdown to a race", text: "With fewer than 50 days remaining until Election Day, Republican nominee Donald Trump trails Hillary Clinton.",
			label: "between 2016-09-18 and 2016-11-07", rule: "bounds:"},
		{name: "a countdown without remaining", text: "With less than seven weeks until Election Day, Republican nominee Donald Trump trails Hillary Clinton.",
			label: "between 2016-09-13 and 2016-11-07", rule: "bounds:"},
		{name: "the final weeks of a race", text: "Donald J. Trump, the Republican nominee, and Hillary Clinton enter the final nine weeks of a presidential race.",
			label: "between 2016-08-30 and 2016-09-13", rule: "bounds:"},
		{name: "a year-less dateline, a weekday and one window", text: "MOSCOW, March 27. /TASS/. Kremlin spokesman Dmitry Peskov told reporters on Thursday that US President Donald Trump wants talks.",
			label: "2025-03-27", rule: "dateline+", clue: "dateline 2025-03-27 used"},
		{name: "an embedded post's id", text: "Kaine spoke.\n\n<tweet tweet-id=\"771316789665992704\"><tweet/>.\n\nMore.",
			label: "between 2016-08-31 and 2016-10-01", rule: "bounds:embedded-post-id+recent-post", clue: "recent-post until 2016-10-01 used"},
		{name: "written within a month of its latest post", text: "Kaine spoke.\n\n— Tim Kaine (@timkaine) July 23, 2016\n\nMore.\n\n— Tim Kaine (@timkaine) August 2, 2016\n\nMore.",
			label: "between 2016-08-01 and 2016-09-01", rule: "bounds:embedded-post+recent-post", clue: "recent-post until 2016-09-01 used"},
		{name: "a bare year after the post leaves no cap", text: "He released 2016: Obama's America.\n\n— Dinesh (@DineshDSouza) December 17, 2015\n\nMore.",
			label: "between 2015-12-16 and 2026-06-01", rule: "bounds:embedded-post"},
		{name: "an old post gives way to a later window", text: "Republican nominee Donald Trump tweeted this long ago. Hillary Clinton replied.\n\n— Donald J. Trump (@realDonaldTrump) November 6, 2012\n\nMore.",
			label: "between 2016-05-03 and 2016-11-07", rule: "bounds:", clue: "recent-post until 2012-12-06 overruled"},
		{name: "a correction is later than the article", text: "Secretary of State John Kerry spoke at length about the plan and the talks, and about the region, the allies and the costs.\n\nHe said more about the talks and the plan, and about what comes next for the allies.\n\nCORRECTION:\n\nAn article misstated a name.\n\nFriday, December 4, 2015.",
			label: "between 2013-02-01 and 2015-12-04", rule: "bounds:", clue: "correction-date until 2015-12-04 used"},
		{name: "titles that disagree widen the date", text: "Secretary of State John Kerry met the press. Secretary of State Rex Tillerson met the press.",
			label: "between 2013-02-01 and 2018-03-30", rule: "bounds:", clue: "office 2013-02-01…2017-01-19 conflict", warn: "cannot all hold"},
		{name: "a scheduled event in the future tense", text: "Ahead of the Republican National Convention, presumptive Republican nominee Donald Trump named his team. Hillary Clinton waited.",
			label: "between 2016-05-03 and 2016-07-18", rule: "bounds:"},
		{name: "a hypothetical administration is no clue", text: "What would a Trump administration do? The Trump administration would build a wall.",
			label: "date unknown"},
		{name: "a year naming a race is no clue", text: "Asked about the 2016 race, Huckabee said nothing.", label: "date unknown"},
		{name: "a year-less day last week", text: "Republican nominee Donald Trump said last week, on Sept. 12, that the race was close. Hillary Clinton replied.",
			label: "between 2016-09-13 and 2016-09-25", rule: "bounds:", clue: "mentioned-day+last-week"},
		{name: "a year-less day earlier this week", text: "Republican nominee Donald Trump spoke earlier this week, on Sept. 13, about the race. Hillary Clinton replied.",
			label: "between 2016-09-13 and 2016-09-19", rule: "bounds:"},
		{name: "a week said far from the day is another verb's", text: "Republican nominee Donald Trump said last week that the FBI had opened its files on the Clinton emails on Sept. 2. Hillary Clinton replied.",
			label: "between 2016-05-03 and 2016-11-07", rule: "bounds:", clue: "mentioned-day 2015-09-02…2016-06-28 2016-09-02…2017-06-29"},
		{name: "a year-less day to come this month", text: "Republican nominee Donald Trump will debate this month, on Sept. 26, at Hofstra. Hillary Clinton rested.",
			label: "between 2016-09-01 and 2016-09-26", rule: "bounds:"},
		{name: "gearing up for an event: before it", text: "Presumptive Republican nominee Donald Trump is gearing up for the Republican National Convention. Hillary Clinton waited.",
			label: "between 2016-05-03 and 2016-07-18", rule: "bounds:", clue: "event-scheduled"},
		{name: "a debate to come is this cycle's", text: "Republican nominee Donald Trump is preparing for the first presidential debate. Hillary Clinton rested.",
			label: "between 2016-05-03 and 2016-09-26", rule: "bounds:", clue: "event-scheduled 2006-01-31…2007-05-03 2007-07-04…2008-09-26 2010-02-09…2011-05-05 2011-07-11…2012-10-03 2014-05-13…2016-09-26"},
		{name: "a debate to come without a race is any before it", text: "Kremlin spokesman Dmitry Peskov said France is preparing for the first presidential debate.",
			label: "between 2012-05-22 and 2024-06-27", rule: "bounds:", clue: "event-scheduled until 2024-06-27"},
		{name: "a day a state votes is to come", text: "Presumptive Republican nominee Donald Trump campaigned in California, which votes June 7. Hillary Clinton waited.",
			label: "between 2016-05-03 and 2016-06-07", rule: "bounds:", clue: "future-day"},
		{name: "a day voters head to the polls is to come", text: "Presumptive Republican nominee Donald Trump campaigned hard before June 7, when voters in California head to the polls. Hillary Clinton waited.",
			label: "between 2016-05-03 and 2016-06-07", rule: "bounds:", clue: "future-day"},
		{name: "a weekday before a debate, places between", text: "Trump and Clinton clashed Monday night at Hofstra University in the first presidential debate.",
			label: "between 2016-09-20 and 2016-10-02", rule: "bounds:event-weekday"},
		{name: "a weekday after a debate, a verb of its schedule between", text: "The first presidential debate is Monday, Trump said.",
			label: "between 2016-09-20 and 2016-10-02", rule: "bounds:event-weekday"},
		{name: "the nominees' presidential debate", text: "After Monday night's presidential debate, Republican nominee Donald Trump complained about his microphone. Hillary Clinton, the Democratic nominee, replied.",
			label: "between 2016-09-20 and 2016-10-02", rule: "bounds:event-weekday"},
		{name: "a presidential debate without a nominee is no clue", text: "After Monday night's presidential debate, Republican presidential candidate Donald Trump complained. Hillary Clinton replied.",
			label: "between 2015-06-16 and 2016-11-07", rule: "bounds:status"},
		{name: "a party's presidential debate is a primary's", text: "Donald Trump, now the Republican nominee, recalled Sunday's Democratic presidential debate. Hillary Clinton, the Democratic nominee, replied.",
			label: "between 2016-06-06 and 2016-11-07", rule: "bounds:status"},
		{name: "an event some weeks ago", text: "Protests went on in Charlotte, where Keith Lamont Scott was shot two weeks ago, the mayor said.",
			label: "between 2016-09-30 and 2016-10-11", rule: "bounds:event-ago", clue: "event-ago 2016-09-30…2016-10-11 used"},
		{name: "an event less than a month ago", text: "The Orlando shooting less than a month ago changed the race, Republican presidential candidate Donald Trump said. Hillary Clinton replied.",
			label: "between 2016-06-12 and 2016-07-14", rule: "bounds:"},
		{name: "months ago, rounded down", text: "Muhammad Ali, who died three months ago, was honored, Republican nominee Donald Trump said. Hillary Clinton replied.",
			label: "between 2016-08-12 and 2016-10-05", rule: "bounds:"},
		{name: "a time ago far from the event is not its", text: "Keith Lamont Scott was shot by police; protests that began two weeks ago went on.",
			label: "between 2016-09-20 and 2026-06-01", rule: "bounds:event"},
		{name: "a death said after an apposition, with its weekday", text: "Phyllis Schlafly, the conservative activist who fought the Equal Rights Amendment, died on Monday in St. Louis.",
			label: "between 2016-09-05 and 2016-09-12", rule: "bounds:event-weekday"},
		{name: "a countdown after the event", text: "With Election Day just six weeks away, Republican nominee Donald Trump trails Hillary Clinton.",
			label: "between 2016-09-20 and 2016-10-04", rule: "bounds:", clue: "event-countdown"},
		{name: "a countdown in the story's past is not now", text: "When Election Day was six weeks away, Republican nominee Donald Trump trailed Hillary Clinton.",
			label: "between 2016-05-03 and 2016-11-07", rule: "bounds:"},
		{name: "a place between an event and its week", text: "Hillary Clinton, the Democratic nominee, spoke at the Democratic National Convention in Philadelphia this week, aides said.",
			label: "between 2016-07-19 and 2016-08-03", rule: "bounds:", clue: "event-this-week"},
		{name: "a future month is no lower bound", text: "When a new president takes office in January 2017, Senate Majority Leader Mitch McConnell will lead.",
			label: "between 2015-01-03 and 2017-01-31", rule: "bounds:", clue: "future-date until 2017-01-31 used"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := builtinDating(t)
			doc := &model.Document{ID: "t", Text: c.text}
			d := e.DateDocument(doc, Meta{})
			checkDate(t, c.name, d, c.text)
			if d.Label() != c.label {
				t.Errorf("label %q, want %q (rule %s, evidence %q, clues %s)", d.Label(), c.label, d.Rule, d.Evidence, clueList(d))
			}
			if !strings.HasPrefix(d.Rule, c.rule) {
				t.Errorf("rule %q, want prefix %q", d.Rule, c.rule)
			}
			if c.clue != "" && !strings.Contains(clueList(d), c.clue) {
				t.Errorf("clues %s, want one %q", clueList(d), c.clue)
			}
			joined := strings.Join(doc.Warnings, "\n")
			if c.warn == "" && joined != "" || c.warn != "" && !strings.Contains(joined, c.warn) {
				t.Errorf("warnings %q, want %q", doc.Warnings, c.warn)
			}
			for _, cl := range d.Clues {
				if !cl.Span.IsZero() && !strings.Contains(cl.Evidence, c.text[cl.Span.Start:cl.Span.End]) {
					t.Errorf("clue %q does not hold its span's text %q", cl.Evidence, c.text[cl.Span.Start:cl.Span.End])
				}
			}
		})
	}
}

// clueList renders a date's clues as "rule windows use; …".
func clueList(d model.Date) string {
	var parts []string
	for _, c := range d.Clues {
		var ws []string
		for _, w := range c.Windows {
			ws = append(ws, w.Label())
		}
		parts = append(parts, c.Rule+" "+strings.Join(ws, " ")+" "+string(c.Use))
	}
	return strings.Join(parts, "; ")
}

// TestDateSolveWidens: clues of one strength that cannot all hold give
// every reading that keeps as many of them as agree, not the first.
func TestDateSolveWidens(t *testing.T) {
	day := func(s string) int { return dnum(mkDay(s)) }
	ev := evidenceSet{cons: []dateConstraint{
		{set: daysBetween(day("2020-01-01"), day("2020-12-31")), strength: strengthSoft, rule: "a"},
		{set: daysBetween(day("2022-01-01"), day("2022-12-31")), strength: strengthSoft, rule: "b"},
		{set: daysBetween(day("2019-01-01"), day("2023-12-31")), strength: strengthSoft, rule: "c"},
	}}
	s, _, _ := ev.solve()
	if got := windowList(s); got != "2020-01-01–2020-12-31, 2022-01-01–2022-12-31" {
		t.Errorf("solve = %s, want both readings", got)
	}
	for _, c := range ev.cons {
		want := model.ClueConflict
		if c.rule == "c" {
			want = model.ClueUsed
		}
		if c.use != want {
			t.Errorf("clue %s: use %s, want %s", c.rule, c.use, want)
		}
	}
	// a stronger clue overrules a weaker one, which is left out
	ev = evidenceSet{cons: []dateConstraint{
		{set: daysBetween(day("2020-01-01"), day("2020-12-31")), strength: strengthEvent, rule: "strong"},
		{set: daysBetween(day("2022-01-01"), day("2022-12-31")), strength: strengthSoft, rule: "weak"},
	}}
	s, _, conflicts := ev.solve()
	if windowList(s) != "2020-01-01–2020-12-31" || len(conflicts) != 1 || ev.cons[1].use != model.ClueOverruled {
		t.Errorf("solve = %s, conflicts %v, use %s", windowList(s), conflicts, ev.cons[1].use)
	}
}

func TestMentionTense(t *testing.T) {
	for text, want := range map[string]int{
		"As February 5, 2026 approaches, talks resume.":           1,
		"The treaty will expire on February 5, 2026.":             1,
		"Ahead of the June 5, 2016 vote, polls tightened.":        1,
		"The summit was held on June 16, 2021 in Geneva.":         -1,
		"Relations froze since June 16, 2021.":                    -1,
		"Texas, which votes on March 1, has many delegates.":      1,
		"Trump led the field before the Iowa caucuses Feb. 1.":    0,
		"The referendum is set for June 5, 2016.":                 1,
		"In January 2017, a new president will take office.":      1,
		"In February 2023, Russia suspended the treaty.":          -1,
		"Labor Day is barely over, and the race is in full gear.": -1,
		"Rubio toured the state as the Iowa caucuses loom.":       1,
		"Trump is gearing up for the Iowa caucuses.":              1,
		"“We're going to win the Iowa caucuses,” Cruz said.":      1,
		"Cruz spoke in the coming days of the Iowa caucuses.":     1,
	} {
		var span model.Span
		for _, m := range scanDates(text) {
			span = m.span
			break
		}
		for _, ev := range []string{"Labor Day", "the Iowa caucuses"} {
			if i := strings.Index(text, ev); i >= 0 {
				span = model.Span{Start: i, End: i + len(ev)}
			}
		}
		if got := mentionTense(text, clauseBefore(text, span.Start), span); got != want {
			t.Errorf("mentionTense(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestSnowflakeDay(t *testing.T) {
	today := mkDay("2026-06-01")
	if d, ok := snowflakeDay(771316789665992704, today); !ok || fmtDay(d) != "2016-09-01" {
		t.Errorf("snowflakeDay = %s %v, want 2016-09-01", fmtDay(d), ok)
	}
	if _, ok := snowflakeDay(12345, today); ok {
		t.Errorf("an id from before 2010 carries no time")
	}
}

func TestDateClueWindowsInDump(t *testing.T) {
	e := builtinDating(t)
	doc := &model.Document{ID: "t", Text: "Former President Barack Obama said so."}
	doc.Date = e.DateDocument(doc, Meta{})
	c := &model.Corpus{Name: "t", Documents: []*model.Document{doc}}
	dj := model.Dump(c, nil, model.Filter{}, model.Split{}).Documents[0].Date
	if len(dj.Clues) == 0 || len(dj.Clues[0].Windows) != 1 || dj.Clues[0].Windows[0].From == nil || *dj.Clues[0].Windows[0].From != "2017-01-20" || dj.Clues[0].Windows[0].To != nil {
		t.Fatalf("dump clues %+v, want one from 2017-01-20, open-ended", dj.Clues)
	}
	if dj.Clues[0].Use != "used" || dj.Clues[0].EvidenceSpan == nil {
		t.Errorf("dump clue %+v", dj.Clues[0])
	}
}
