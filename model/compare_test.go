package model_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quotetrail/quotetrail/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// cmpFx is a hand-made statement for the fixtures.
type cmpFx struct {
	id, speaker string
	date        model.Date
	topics      []string
	text        string
}

func cmpDay(y int, m time.Month, d int) model.Date {
	return model.DayDate(model.Day(y, m, d), "", "test", model.Span{})
}

func cmpMonth(y int, m time.Month) model.Date { return model.MonthDate(y, m, "", "test", model.Span{}) }

func cmpBuild(stmts []cmpFx) *model.Corpus { return cmpNew(cmpStatements(stmts)) }

// cmpStatements makes the statements, each with its own span so that
// timeline order does not depend on the order they are given in.
func cmpStatements(stmts []cmpFx) []*model.Statement {
	var out []*model.Statement
	for k, s := range stmts {
		var topics []model.TopicMatch
		for _, t := range s.topics {
			topics = append(topics, model.TopicMatch{Topic: t})
		}
		doc := strings.Split(s.id, "#")[0]
		out = append(out, &model.Statement{
			ID: s.id, Doc: doc, Speaker: s.speaker, Kind: model.Direct,
			Text: s.text, Date: s.date, Topics: topics, Sources: []string{doc},
			Span: model.Span{Start: k * 1000, End: k*1000 + len(s.text)},
		})
	}
	return out
}

func cmpNew(stmts []*model.Statement) *model.Corpus {
	return model.New("fixture", nil, stmts, []*model.Speaker{
		{Name: "Dmitry Peskov", Affiliation: model.Russia},
		{Name: "Vladimir Putin", Affiliation: model.Russia},
		{Name: "Donald Trump", Affiliation: model.UnitedStates},
	}, nil)
}

const (
	cmpPeskov = "Dmitry Peskov"
	cmpPutin  = "Vladimir Putin"
	cmpTrump  = "Donald Trump"
)

// cmpKremlin is modelled on the statements of the built-in corpus: what
// Peskov, Putin and others said about dialogue with the US in 2021–2025,
// in the wording the articles report (paraphrased, spun, translated).
func cmpKremlin() []cmpFx {
	return []cmpFx{
		{"tass#1", cmpPeskov, cmpDay(2021, 1, 24), []string{"dialogue and talks"},
			"Russia expects that Moscow and Washington will manage to establish dialogue, and if the new US administration is ready for this, Russian President Vladimir Putin will certainly take a reciprocal step"},
		{"tass#2", cmpPeskov, cmpDay(2021, 1, 24), []string{"trust and partnership"},
			"The thing is that the Russian Federation has been consistently and traditionally calling for kind relations [with the US]"},
		{"tass#3", cmpPeskov, cmpDay(2021, 1, 24), []string{"trust and partnership"},
			"We are saying in deed and not in name that we are ready to consider the Americans as our partners, they are not ready. But here love can’t be forced"},
		{"tass#4", cmpPeskov, cmpDay(2021, 1, 24), []string{"dialogue and talks"},
			"Certainly, we expect that we will be able to establish dialogue"},
		{"tass#5", cmpPeskov, cmpDay(2021, 1, 24), []string{"dialogue and talks", "elections and administrations"},
			"If the current US administration is ready for this approach, I have no doubt that our president will reciprocate"},
		{"tass#6", cmpPeskov, cmpDay(2021, 1, 24), []string{"conditions and red lines"},
			"We are ready to show flexibility, [but] we are not ready for a diktat, we are not ready for rude behavior and we are not prepared for crossing ‘the red lines.’ As for the rest, certain flexibility was shown"},
		{"tass#7", cmpPeskov, cmpDay(2021, 1, 24), []string{"trust and partnership"},
			"As for the statements, the word ‘partner’ is probably not applicable to us for Washington and certainly they still view us more as foes"},
		{"nbc#1", cmpPeskov, cmpDay(2023, 12, 15), []string{"dialogue and talks", "war in Ukraine"},
			"for the United States to reestablish a meaningful dialogue with Moscow, a comprehensive reassessment of its stance on the Ukraine conflict and relations with Russia is imperative"},
		{"nbc#2", cmpPeskov, cmpDay(2023, 12, 15), []string{"leaders' meeting"},
			"President Putin is prepared to collaborate with any leader who recognizes the necessity of approaching Russia with greater care and consideration for its concerns"},
		{"sp#1", cmpPeskov, cmpMonth(2024, 6), []string{"dialogue and talks", "war in Ukraine"},
			"And“We are ready for dialogue, but we are ready for a broad and comprehensive dialogue that addresses all issues, including the current issue related to the conflict in Ukraine and direct US intervention"},
		{"sp#2", cmpPeskov, cmpMonth(2024, 6), []string{"dialogue and talks", "arms control and nuclear risk"},
			"There is a greater need for dialogue in general, and it is necessary, because the problems are piling up, and there are many problems in the global security framework."},
		{"sp#3", "US National Security Council", cmpMonth(2024, 6), []string{"dialogue and talks", "arms control and nuclear risk"},
			"Russia categorically rejected our proposals, citing the United States’ continued support for Ukraine. We are open to dialogue with Russia on the nuclear threat and arms control, and do not link these discussions to Ukraine"},
		{"sp#4", "Dmitry Medvedev", cmpMonth(2024, 6), []string{"dialogue and talks"},
			"are possible only after arming the Ukrainian regime and preventing it. Entry into NATO"},

		{"rt#1", cmpPeskov, cmpDay(2024, 11, 11), []string{"trust and partnership"},
			"Russia stays able to normalize relations with the US, nevertheless it must see reciprocal steps from Washington"},
		{"rt#2", cmpPeskov, cmpDay(2024, 11, 11), []string{"sanctions"},
			"It isn’t Russia that initiated this sanctions race. It was initiated by Washington"},
		{"rt#3", cmpPeskov, cmpDay(2024, 11, 11), []string{"trust and partnership"},
			"Russia, as president [Vladimir Putin] says, is open to normalization"},
		{"rt#4", cmpPeskov, cmpDay(2024, 11, 11), nil,
			"However we can not tango alone. And we don’t intend to take action"},
		{"rt#5", cmpPutin, cmpDay(2024, 11, 7), []string{"sanctions"},
			"a lot is determined by the US, as we’ve got not broken our relationship with them, nor have we imposed restrictions or sanctions in opposition to them."},
		{"dt#1", cmpPeskov, cmpDay(2025, 1, 10), []string{"dialogue and talks"},
			"No preconditions are necessary; only a mutual desire and political will to engage in dialogue and address existing issues are required."},
		{"dt#2", cmpPeskov, cmpDay(2025, 1, 10), []string{"dialogue and talks"},
			"We recognize that Mr. Trump has also expressed his willingness to resolve problems through dialogue, and we welcome this."},
		{"dt#3", cmpTrump, cmpDay(2025, 1, 9), []string{"leaders' meeting", "war in Ukraine"},
			"President Putin is eager to meet. He has expressed this publicly, and we need to bring an end to that war. It’s a disastrous situation."},
		{"dt#4", cmpPeskov, cmpDay(2025, 1, 10), []string{"elections and administrations"},
			"We understand that the administration will likely attempt to leave a challenging legacy regarding bilateral relations for the incoming Trump and his team."},
		{"dt#5", cmpPeskov, cmpDay(2025, 1, 10), []string{"war in Ukraine"},
			"plans to do everything possible to prolong the war"},
		{"old#1", cmpPeskov, cmpDay(2020, 12, 17), []string{"dialogue and talks"},
			"We are ready for dialogue with any US administration"},
		{"nodate#1", cmpPeskov, model.Date{Precision: model.PrecisionUnknown}, []string{"dialogue and talks"},
			"We are ready for dialogue"},
	}
}

func cmpAll(c *model.Corpus) []int { return c.Query(model.Filter{}) }

func cmpByID(c *model.Corpus, id string) int {
	for i, s := range c.Statements {
		if s.ID == id {
			return i
		}
	}
	panic("no statement " + id)
}

func cmpPartner(c *model.Corpus, cmp *model.Comparison, id string) (string, float64) {
	i := cmpByID(c, id)
	for _, p := range cmp.Pairs {
		if p.Left == i {
			return c.Statements[p.Right].ID, p.Similarity
		}
		if p.Right == i {
			return c.Statements[p.Left].ID, p.Similarity
		}
	}
	return "", 0
}

func cmpDump(t *testing.T, c *model.Corpus, cmp *model.Comparison) {
	t.Helper()
	for _, p := range cmp.Pairs {
		t.Logf("%-12s %-28s %.3f (cos %.3f)  %s", c.Statements[p.Left].ID, c.Statements[p.Right].ID+" ["+p.Topic+"]", p.Similarity, p.Cosine,
			"")
	}
	for _, i := range cmp.UnpairedLeft {
		t.Logf("unpaired left  %s", c.Statements[i].ID)
	}
	for _, i := range cmp.UnpairedRight {
		t.Logf("unpaired right %s", c.Statements[i].ID)
	}
	for _, tm := range cmp.Left.Terms {
		t.Logf("left  term %-24s z=%6.2f %d/%d", tm.Term, tm.Z, tm.LeftCount, tm.RightCount)
	}
	for _, tm := range cmp.Right.Terms {
		t.Logf("right term %-24s z=%6.2f %d/%d", tm.Term, tm.Z, tm.LeftCount, tm.RightCount)
	}
}

func TestCompareKremlinShift(t *testing.T) {
	c := cmpBuild(cmpKremlin())
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{})
	if testing.Verbose() {
		cmpDump(t, c, cmp)
	}
	// the central shift: a broad dialogue on all issues (June 2024) against
	// dialogue with no preconditions (January 2025)
	if got, sim := cmpPartner(c, cmp, "sp#1"); got != "dt#1" {
		t.Errorf("sp#1 paired with %q (%.3f), want dt#1", got, sim)
	}
	// reciprocity in 2021 finds reciprocity after the election
	if got, sim := cmpPartner(c, cmp, "tass#5"); got != "rt#1" && got != "rt#3" {
		t.Errorf("tass#5 paired with %q (%.3f), want a Trump-period statement on normalising relations and reciprocity", got, sim)
	}
}

func TestCompareSplit(t *testing.T) {
	c := cmpBuild(cmpKremlin())
	ids := cmpAll(c)
	cmp := c.Compare(ids, model.Split{}, model.CompareOptions{})
	sideIDs := func(s model.CompareSide) []string {
		var out []string
		for _, i := range s.IDs {
			out = append(out, c.Statements[i].ID)
		}
		return out
	}
	left, right := sideIDs(cmp.Left), sideIDs(cmp.Right)
	if len(left) != 13 || len(right) != 10 {
		t.Fatalf("election split: %d left %v, %d right %v; want 13 and 10", len(left), left, len(right), right)
	}
	for _, s := range append(left, right...) {
		if s == "old#1" || s == "nodate#1" {
			t.Errorf("%s (before 2021-01-20 or undated) is in the comparison", s)
		}
	}
	if got := cmp.Left.To.Format("2006-01-02"); got != "2024-11-05" {
		t.Errorf("left ends %s, want 2024-11-05", got)
	}
	// the inauguration split moves November 2024 … January 19, 2025 left
	inaug, _ := model.ParseSplit("inauguration")
	cmp = c.Compare(ids, inaug, model.CompareOptions{})
	if len(cmp.Left.IDs) != 23 || len(cmp.Right.IDs) != 0 {
		t.Errorf("inauguration split: %d left, %d right; want 23 and 0", len(cmp.Left.IDs), len(cmp.Right.IDs))
	}
	if len(cmp.Pairs) != 0 || len(cmp.UnpairedLeft) != 23 || cmp.UnpairedRight == nil {
		t.Errorf("one empty side: %d pairs, %d unpaired left; want 0 and all 23", len(cmp.Pairs), len(cmp.UnpairedLeft))
	}
	// the caller's filter applies to both sides
	peskovOnly := c.Query(model.Filter{Speakers: []string{"Peskov"}})
	cmp = c.Compare(peskovOnly, model.Split{}, model.CompareOptions{})
	for _, i := range append(append([]int{}, cmp.Left.IDs...), cmp.Right.IDs...) {
		if c.Statements[i].Speaker != cmpPeskov {
			t.Errorf("filtered to Peskov, got %s", c.Statements[i].ID)
		}
	}
}

// TestComparePairsKnownPartners: a small corpus where each Biden-period
// statement has one obvious Trump-period partner, plus one with none.
func TestComparePairsKnownPartners(t *testing.T) {
	c := cmpBuild([]cmpFx{
		{"a#1", cmpPeskov, cmpDay(2022, 3, 1), []string{"sanctions"}, "The sanctions imposed by Washington are illegal and will not change our course."},
		{"a#2", cmpPeskov, cmpDay(2022, 3, 1), []string{"arms control and nuclear risk"}, "The New START treaty is the last pillar of strategic stability and nuclear arms control."},
		{"a#3", cmpPutin, cmpDay(2022, 3, 2), []string{"leaders' meeting"}, "A summit with the American president is possible if it is well prepared."},
		{"a#4", cmpPeskov, cmpDay(2022, 3, 3), nil, "The weather in Moscow was unusually warm for March."},
		{"b#1", cmpPutin, cmpDay(2025, 2, 1), []string{"leaders' meeting"}, "A meeting with the American president must be well prepared, then a summit is possible."},
		{"b#2", cmpPeskov, cmpDay(2025, 2, 1), []string{"arms control and nuclear risk"}, "Strategic stability and nuclear arms control need a successor to the New START treaty."},
		{"b#3", cmpPeskov, cmpDay(2025, 2, 2), []string{"sanctions"}, "Illegal sanctions from Washington have not changed our course."},
		{"b#4", cmpTrump, cmpDay(2025, 2, 3), nil, "Tariffs on steel begin next week."},
	})
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{})
	want := map[string]string{"a#1": "b#3", "a#2": "b#2", "a#3": "b#1"}
	for l, r := range want {
		if got, sim := cmpPartner(c, cmp, l); got != r {
			t.Errorf("%s paired with %q (%.3f), want %s", l, got, sim, r)
		}
	}
	if len(cmp.Pairs) != 3 {
		t.Errorf("%d pairs, want 3", len(cmp.Pairs))
	}
	if len(cmp.UnpairedLeft) != 1 || c.Statements[cmp.UnpairedLeft[0]].ID != "a#4" ||
		len(cmp.UnpairedRight) != 1 || c.Statements[cmp.UnpairedRight[0]].ID != "b#4" {
		t.Errorf("unpaired %v / %v, want a#4 / b#4", cmp.UnpairedLeft, cmp.UnpairedRight)
	}
	for k, p := range cmp.Pairs {
		if p.Similarity <= 0 || p.Similarity > 1 || p.Cosine > p.Similarity {
			t.Errorf("pair %d: similarity %.3f, cosine %.3f", k, p.Similarity, p.Cosine)
		}
		if p.Topic != c.Statements[p.Left].Topics[0].Topic {
			t.Errorf("pair %d: topic %q, want the shared %q", k, p.Topic, c.Statements[p.Left].Topics[0].Topic)
		}
		if len(p.Diff) == 0 {
			t.Errorf("pair %d has no diff", k)
		}
		if k > 0 && p.Topic == cmp.Pairs[k-1].Topic && p.Similarity > cmp.Pairs[k-1].Similarity {
			t.Errorf("pairs not strongest first within %q", p.Topic)
		}
	}
}

// TestCompareSpeakerAndTopicBonus: with the words equally close, the same
// speaker and a shared topic decide.
func TestCompareSpeakerAndTopicBonus(t *testing.T) {
	c := cmpBuild([]cmpFx{
		{"a#1", cmpPeskov, cmpDay(2022, 1, 1), []string{"dialogue and talks"}, "Moscow is ready for dialogue on security guarantees."},
		{"b#1", cmpPutin, cmpDay(2025, 2, 1), nil, "Moscow is ready for dialogue on security guarantees."},
		{"b#2", cmpPeskov, cmpDay(2025, 2, 1), []string{"dialogue and talks"}, "Moscow is ready for dialogue on security guarantees."},
		{"b#3", cmpPeskov, cmpDay(2025, 2, 1), nil, "Moscow is ready for dialogue on security guarantees."},
	})
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{})
	if got, _ := cmpPartner(c, cmp, "a#1"); got != "b#2" {
		t.Errorf("a#1 paired with %q, want b#2 (same speaker, shared topic)", got)
	}
	for _, p := range cmp.Pairs {
		if p.Similarity > 1 {
			t.Errorf("similarity %.3f above 1", p.Similarity)
		}
	}
}

func TestCompareDeterministic(t *testing.T) {
	render := func(stmts []*model.Statement, ids func(*model.Corpus) []int) string {
		c := cmpNew(stmts)
		cmp := c.Compare(ids(c), model.Split{}, model.CompareOptions{})
		js, err := json.Marshal(cmp.JSON(c))
		if err != nil {
			t.Fatal(err)
		}
		var md bytes.Buffer
		if err := model.WriteCompareMarkdown(&md, c, cmp, 2); err != nil {
			t.Fatal(err)
		}
		return string(js) + "\n" + md.String()
	}
	want := render(cmpStatements(cmpKremlin()), cmpAll)
	for round := range 5 {
		stmts := cmpStatements(cmpKremlin())
		rng := rand.New(rand.NewPCG(uint64(round), 7))
		rng.Shuffle(len(stmts), func(i, j int) { stmts[i], stmts[j] = stmts[j], stmts[i] })
		got := render(stmts, func(c *model.Corpus) []int {
			ids := cmpAll(c)
			slices.Reverse(ids)
			return append(ids, ids[:3]...) // unsorted, with repeats
		})
		if got != want {
			t.Fatalf("round %d: output differs\n--- want\n%s\n--- got\n%s", round, want, got)
		}
	}
}

func TestCompareJSON(t *testing.T) {
	c := cmpBuild(cmpKremlin())
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{})
	b, err := json.Marshal(cmp.JSON(c))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got["split"] != "2024-11-06" {
		t.Errorf("split %v", got["split"])
	}
	left := got["left"].(map[string]any)
	right := got["right"].(map[string]any)
	if left["label"] != "Before the election" || left["from"] != "2021-01-20" || left["to"] != "2024-11-05" || left["count"] != 13.0 {
		t.Errorf("left %v", left)
	}
	if right["label"] != "After the election" || right["from"] != "2024-11-06" || right["to"] != nil || right["count"] != 10.0 {
		t.Errorf("right %v", right)
	}
	term := left["terms"].([]any)[0].(map[string]any)
	for _, k := range []string{"term", "z", "clear", "left_count", "right_count"} {
		if _, ok := term[k]; !ok {
			t.Errorf("term has no %q: %v", k, term)
		}
	}
	pairs := got["pairs"].([]any)
	if len(pairs) != len(cmp.Pairs) {
		t.Fatalf("%d pairs in JSON, %d in the comparison", len(pairs), len(cmp.Pairs))
	}
	p := pairs[0].(map[string]any)
	for _, k := range []string{"left", "right", "similarity", "weak", "topic", "diff"} {
		if _, ok := p[k]; !ok {
			t.Errorf("pair has no %q: %v", k, p)
		}
	}
	if !strings.Contains(p["left"].(string), "#") {
		t.Errorf("pair left %v is not a statement ID", p["left"])
	}
	op := p["diff"].([]any)[0].(map[string]any)
	if s := op["op"].(string); s != "=" && s != "-" && s != "+" {
		t.Errorf("diff op %q", s)
	}
	if ul := got["unpaired_left"].([]any); len(ul) != len(cmp.UnpairedLeft) || !strings.Contains(ul[0].(string), "#") {
		t.Errorf("unpaired_left %v", ul)
	}
	// empty lists are [] not null
	empty := cmpBuild(nil)
	b, _ = json.Marshal(empty.Compare(nil, model.Split{}, model.CompareOptions{}).JSON(empty))
	for _, k := range []string{`"pairs":[]`, `"unpaired_left":[]`, `"unpaired_right":[]`, `"terms":[]`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("empty comparison JSON lacks %s: %s", k, b)
		}
	}
}

func cmpGFM() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM))
}

func TestCompareMarkdown(t *testing.T) {
	c := cmpBuild(append(cmpKremlin(), cmpFx{"x#1", cmpPeskov, cmpDay(2022, 5, 5), []string{"dialogue and talks"},
		"Dialogue | with *stars*, _underscores_ and <tags> is [ready]"}))
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{})
	var md bytes.Buffer
	if err := model.WriteCompareMarkdown(&md, c, cmp, 2); err != nil {
		t.Fatal(err)
	}
	text := md.String()
	if testing.Verbose() {
		t.Log("\n" + text)
	}
	if !strings.HasPrefix(text, "## Comparison: Before the election and After the election\n") {
		t.Errorf("does not start with a level-2 heading:\n%s", text[:min(len(text), 200)])
	}
	if strings.Contains(text, "\n# ") {
		t.Error("a heading above the requested level")
	}
	for _, want := range []string{"### Distinctive terms", "#### Before the election (2021-01-20 – 2024-11-05)",
		"#### After the election (from 2024-11-06)", "### Pairs", "### Unpaired", "| term | z | clear |", "similarity 0.",
		"Dmitry Peskov** \\~June 2024 ↔ **Dmitry Peskov** 2025-01-10", "~~", "**"} {
		if !strings.Contains(text, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	var html bytes.Buffer
	if err := cmpGFM().Convert(md.Bytes(), &html); err != nil {
		t.Fatal(err)
	}
	h := html.String()
	for _, want := range []string{"<table>", "<del>", "<strong>", "<blockquote>", "<h2>", "<h4>",
		"Dialogue | with *stars*, _underscores_ and &lt;tags&gt; is [ready]"} {
		if !strings.Contains(h, want) {
			t.Errorf("rendered HTML lacks %q", want)
		}
	}
	// table rows keep five cells
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "| ") {
			if n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"); n != 6 {
				t.Errorf("table row with %d bars: %s", n, line)
			}
		}
	}
}

func TestCompareEscapeMarkdown(t *testing.T) {
	for _, s := range []string{
		"plain words", "a | b", "*stars* and **bold**", "_under_ and __score__", "~~strike~~ ~one~",
		"`code`", "<b>html</b> &amp; entity", "[link](http://x) ![img](y)", "back\\slash",
		"# not a heading", "> not a quote", "- not a list", "+ not a list", "1. not a list", "2) nor this",
		"= not setext", "line one\nline two", "tab\there\x07 bell", "“curly” ‘quotes’ — dash … ellipsis",
	} {
		esc := model.EscapeMarkdown(s)
		var out bytes.Buffer
		if err := cmpGFM().Convert([]byte(esc), &out); err != nil {
			t.Fatal(err)
		}
		plain := strings.Map(func(r rune) rune {
			if r < ' ' {
				return -1
			}
			return r
		}, strings.Join(strings.Fields(s), " "))
		want := "<p>" + cmpHTMLText(plain) + "</p>\n"
		if s == "plain words" && esc != s {
			t.Errorf("plain text changed: %q", esc)
		}
		if out.String() != want {
			t.Errorf("EscapeMarkdown(%q) = %q renders %q, want %q", s, esc, out.String(), want)
		}
		// in a table cell too
		out.Reset()
		if err := cmpGFM().Convert([]byte("| h |\n|---|\n| "+esc+" |\n"), &out); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "<td>"+cmpHTMLText(plain)+"</td>") {
			t.Errorf("EscapeMarkdown(%q) in a table cell renders %q", s, out.String())
		}
	}
}

func cmpHTMLText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	return r.Replace(s)
}

// cmpSynthetic builds n statements a side from a Zipf-distributed vocabulary
// of made-up words, with stop words between, ten speakers and eight topics.
func cmpSynthetic(n int) *model.Corpus {
	rng := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "ro", "mi", "sen", "tal", "vor", "dia", "log", "pra", "nes", "ter", "quo", "lin", "dus", "mar", "pol"}
	vocab := make([]string, 5000)
	for i := range vocab {
		var b strings.Builder
		for k := 0; k < 2+i%3; k++ {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		b.WriteString([]string{"", "s", "ing", "ed", "ation", "al"}[rng.IntN(6)])
		vocab[i] = b.String()
	}
	stops := []string{"the", "of", "and", "to", "we", "is", "that", "for", "with", "are"}
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	speakers := []string{cmpPeskov, cmpPutin, cmpTrump, "Sergei Lavrov", "Maria Zakharova", "Sergei Ryabkov", "Yuri Ushakov", "Dmitry Medvedev", "Joe Biden", "John Kirby"}
	topics := []string{"dialogue and talks", "sanctions", "war in Ukraine", "NATO", "arms control and nuclear risk", "leaders' meeting", "trust and partnership", "elections and administrations"}
	var stmts []cmpFx
	for side := range 2 {
		for i := range n {
			var d model.Date
			if side == 0 {
				d = cmpDay(2021, 2, 1+i%28)
				d = model.DayDate(d.Value.AddDate(0, i%44, 0), "", "test", model.Span{})
			} else {
				d = cmpDay(2024, 11, 10)
				d = model.DayDate(d.Value.AddDate(0, 0, i%200), "", "test", model.Span{})
			}
			words := make([]string, 10+rng.IntN(30))
			for k := range words {
				if rng.IntN(3) == 0 {
					words[k] = stops[rng.IntN(len(stops))]
				} else {
					words[k] = vocab[zipf.Uint64()]
				}
			}
			stmts = append(stmts, cmpFx{
				id:      fmt.Sprintf("s%d#%d", side, i),
				speaker: speakers[rng.IntN(len(speakers))],
				date:    d,
				topics:  []string{topics[rng.IntN(len(topics))]},
				text:    strings.Join(words, " ") + ".",
			})
		}
	}
	return cmpBuild(stmts)
}

// BenchmarkCompare pairs and contrasts 10k statements a side:
//
//	go test ./model -bench Compare -benchmem -run '^$'
//
// "warm" is a comparison on a corpus whose text index is built (moving the
// split in the UI), "warm-lazydiff" the same without the word diffs, and
// "cold" includes building the index (the first comparison).
func BenchmarkCompare(b *testing.B) {
	const n = 10000
	c := cmpSynthetic(n)
	ids := cmpAll(c)
	c.Compare(ids, model.Split{}, model.CompareOptions{}) // build the text index
	for _, bc := range []struct {
		name string
		opt  model.CompareOptions
	}{{"warm", model.CompareOptions{}}, {"warm-lazydiff", model.CompareOptions{LazyDiff: true}}} {
		b.Run(bc.name, func(b *testing.B) {
			var cmp *model.Comparison
			for b.Loop() {
				cmp = c.Compare(ids, model.Split{}, bc.opt)
			}
			b.ReportMetric(float64(len(cmp.Pairs)), "pairs")
		})
	}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			c := cmpSynthetic(n)
			ids := cmpAll(c)
			b.StartTimer()
			c.Compare(ids, model.Split{}, model.CompareOptions{})
		}
	})
}

// TestComparePositionOverNames mirrors the shape of the built-in corpus's
// central shift: on the right, an article's narration shares a statement's
// names ("President Vladimir Putin", "Donald Trump") and some of its words,
// while a quotation shares what the statement says (dialogue, address,
// issues) among more words of its own. The two quotations must pair — who
// is named is not what is said, and a paraphrase beside a quotation shows
// the article's wording rather than a change of wording.
func TestComparePositionOverNames(t *testing.T) {
	stmts := cmpStatements([]cmpFx{
		{"a#1", cmpPeskov, cmpDay(2024, 5, 30), []string{"dialogue and talks"},
			"President Vladimir Putin is ready for a broad and comprehensive dialogue with Washington that addresses all issues, including Ukraine."},
		{"a#2", cmpPeskov, cmpDay(2024, 5, 30), []string{"sanctions"},
			"The sanctions imposed by Washington are illegal and will not change our course."},
		{"a#3", cmpPutin, cmpDay(2024, 6, 14), []string{"war in Ukraine"},
			"The war can end once Kyiv withdraws its troops from the four regions."},
		{"b#1", cmpPeskov, cmpDay(2025, 1, 10), []string{"dialogue and talks"},
			"Russian President Vladimir Putin welcomed President-elect Donald Trump's stated readiness for dialogue."},
		{"b#2", cmpPeskov, cmpDay(2025, 1, 10), []string{"dialogue and talks", "conditions and red lines"},
			"No preconditions are necessary; only a mutual desire and political will to engage in dialogue and address existing issues are required."},
		{"b#3", cmpTrump, cmpDay(2025, 1, 9), []string{"leaders' meeting"},
			"A meeting with President Putin is being scheduled for after the inauguration."},
		{"b#4", cmpPeskov, cmpDay(2025, 1, 10), []string{"sanctions"},
			"New sanctions from Washington will not change our course."},
	})
	for _, s := range stmts {
		if s.ID == "b#1" {
			s.Kind = model.Indirect
		}
	}
	c := cmpNew(stmts)
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{})
	if testing.Verbose() {
		cmpDump(t, c, cmp)
	}
	a1 := cmpByID(c, "a#1")
	var got []string
	for _, p := range cmp.Pairs {
		if p.Left == a1 && !p.Again {
			got = append(got, c.Statements[p.Right].ID)
		}
	}
	if len(got) != 1 || got[0] != "b#2" {
		t.Errorf("a#1 paired with %v, want b#2 (the quotation on dialogue that addresses issues, not the narration naming Putin and Trump)", got)
	}
	if partner, _ := cmpPartner(c, cmp, "a#2"); partner != "b#4" {
		t.Errorf("a#2 paired with %q, want b#4", partner)
	}
}

// TestCompareNamesSayWho: statements that share only who they name
// (speakers' names with their titles) pair less readily than statements
// that share what they say, even against the same-speaker bonus.
func TestCompareNamesSayWho(t *testing.T) {
	c := cmpBuild([]cmpFx{
		{"a#1", cmpPutin, cmpDay(2022, 4, 1), nil,
			"President Vladimir Putin and President Donald Trump could resume talks on strategic arms control."},
		{"b#1", cmpPutin, cmpDay(2025, 3, 1), nil,
			"President Vladimir Putin and President Donald Trump spoke by phone for two hours on Tuesday."},
		{"b#2", cmpTrump, cmpDay(2025, 3, 1), nil,
			"The talks on arms control should resume once the New START treaty expires, Moscow hopes."},
	})
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{})
	if testing.Verbose() {
		cmpDump(t, c, cmp)
	}
	if got, sim := cmpPartner(c, cmp, "a#1"); got != "b#2" {
		t.Errorf("a#1 paired with %q (%.3f), want b#2 (arms control talks, not the names)", got, sim)
	}
	if len(cmp.UnpairedRight) != 1 || c.Statements[cmp.UnpairedRight[0]].ID != "b#1" {
		t.Errorf("unpaired right %v, want b#1 alone (it shares only names)", cmp.UnpairedRight)
	}
}

// issue 19: the sides are named for what they are. At the default split a
// Biden-administration statement of December 2024 is on the right, so the
// right is not "the Trump period"; at the inauguration it is.
func TestCompareSidesNamedForWhatTheyAre(t *testing.T) {
	for _, tt := range []struct {
		split       model.Split
		left, right string
	}{
		{model.Split{}, "Before the election", "After the election"},
		{model.Split(model.Inauguration2025), "Biden period", "Trump period"},
		{model.Split(model.Day(2023, 5, 1)), "Before 2023-05-01", "From 2023-05-01"},
	} {
		l, r, _, _ := model.SideLabels(tt.split)
		if l != tt.left || r != tt.right {
			t.Errorf("SideLabels(%s) = %q, %q; want %q, %q", tt.split, l, r, tt.left, tt.right)
		}
	}
	// export --period biden --compare: no Biden-period statement is listed
	// as "the Trump period"
	c := cmpBuild(append(cmpKremlin(), cmpFx{"dec#1", cmpPeskov, cmpDay(2024, 12, 19), []string{"sanctions"},
		"The outgoing administration keeps imposing sanctions"}))
	ids := c.Query(model.Filter{Periods: []model.Period{model.PeriodBiden}})
	var md bytes.Buffer
	if err := model.WriteCompareMarkdown(&md, c, c.Compare(ids, model.Split{}, model.CompareOptions{}), 2); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "Trump period") {
		t.Errorf("Biden-period statements compared under a Trump-period heading:\n%s", md.String())
	}
	if !strings.Contains(md.String(), "After the election, unpaired") {
		t.Errorf("the right side's unpaired heading is missing:\n%s", md.String())
	}
}

// issue 19: the statements a comparison leaves out are counted and said.
func TestCompareSaysWhatIsLeftOut(t *testing.T) {
	c := cmpBuild(append(cmpKremlin(),
		cmpFx{"old#1", cmpPeskov, cmpDay(2020, 10, 1), nil, "Relations are at their lowest point"},
		cmpFx{"und#1", cmpPeskov, model.Date{}, nil, "We are ready for dialogue with anyone"},
		cmpFx{"und#2", cmpPeskov, model.Date{}, nil, "Nothing has changed"}))
	base := cmpBuild(cmpKremlin()).Compare(cmpAll(cmpBuild(cmpKremlin())), model.Split{}, model.CompareOptions{})
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{})
	u, e := base.Undated+2, base.Earlier+1
	if cmp.Undated != u || cmp.Earlier != e {
		t.Errorf("left out: %d undated, %d earlier; want %d and %d", cmp.Undated, cmp.Earlier, u, e)
	}
	want := fmt.Sprintf("%d undated statements and %d dated before 2021-01-20 are left out", u, e)
	if got := cmp.LeftOut(); got != want {
		t.Errorf("LeftOut() = %q, want %q", got, want)
	}
	var md bytes.Buffer
	model.WriteCompareMarkdown(&md, c, cmp, 2)
	if !strings.Contains(md.String(), want+".") {
		t.Errorf("the Markdown does not say what was left out:\n%s", md.String()[:400])
	}
	b, _ := json.Marshal(cmp.JSON(c))
	if !strings.Contains(string(b), fmt.Sprintf(`"left_out":{"undated":%d,"earlier":%d}`, u, e)) {
		t.Errorf("JSON: %s", b)
	}
	dated := c.Query(model.Filter{Periods: []model.Period{model.PeriodBiden, model.PeriodTrump2}})
	if lo := c.Compare(dated, model.Split{}, model.CompareOptions{}).LeftOut(); lo != "" {
		t.Errorf("LeftOut says %q when nothing is left out", lo)
	}
	one := c.Compare([]int{cmpByID(c, "old#1")}, model.Split{}, model.CompareOptions{}).LeftOut()
	if one != "1 statement dated before 2021-01-20 is left out" {
		t.Errorf("one left out: %q", one)
	}
}

// issue 19: each pair shows both statements in full, then the diff; weak
// pairs and terms below |z| 1.96 are marked.
func TestCompareMarkdownPairsInFullAndMarksWeak(t *testing.T) {
	c := cmpBuild(cmpKremlin())
	cmp := c.Compare(cmpAll(c), model.Split{}, model.CompareOptions{})
	var md bytes.Buffer
	model.WriteCompareMarkdown(&md, c, cmp, 2)
	text := md.String()
	weak := 0
	for _, p := range cmp.Pairs {
		for _, i := range []int{p.Left, p.Right} {
			if q := "  > " + model.EscapeMarkdown(c.Statements[i].Text) + "\n"; !strings.Contains(text, q) {
				t.Errorf("the pair's statement is not quoted in full: %q", q)
			}
		}
		if p.Weak() {
			weak++
			if !strings.Contains(text, fmt.Sprintf("similarity %.2f (weak)", p.Similarity)) {
				t.Errorf("weak pair %.2f not marked", p.Similarity)
			}
		}
	}
	if weak == 0 {
		t.Error("the fixture has no weak pair to check")
	}
	if n := strings.Count(text, "Word by word:"); n != len(cmp.Pairs) {
		t.Errorf("%d diffs for %d pairs", n, len(cmp.Pairs))
	}
	for _, s := range []model.CompareSide{cmp.Left, cmp.Right} {
		for _, term := range s.Terms {
			row := fmt.Sprintf("| %s | %.2f | %s |", model.EscapeMarkdown(term.Term), term.Z, map[bool]string{true: "yes", false: "no"}[term.Clear()])
			if !strings.Contains(text, row) {
				t.Errorf("term row %q missing", row)
			}
		}
	}
}
