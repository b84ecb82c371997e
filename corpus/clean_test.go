package corpus

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// builtinBoilerplate is the embedded table alone, so these tests do not
// depend on the other tables.
func builtinBoilerplate(t testing.TB) *Boilerplate {
	t.Helper()
	data, err := dataFS.ReadFile("data/boilerplate.txt")
	if err != nil {
		t.Fatal(err)
	}
	b := &Boilerplate{}
	if err := b.extend(data); err != nil {
		t.Fatalf("built-in boilerplate.txt: %v", err)
	}
	return b
}

// cleanSeed decodes and cleans a seed file the way Process does.
func cleanSeed(t *testing.T, name string) Cleaned {
	t.Helper()
	raw, err := os.ReadFile("seed/" + name)
	if err != nil {
		t.Fatal(err)
	}
	text, _, _ := Decode(raw)
	return builtinBoilerplate(t).Clean(Sanitize(text))
}

const bodyPara = "Kremlin spokesman Dmitry Peskov said on Monday that Moscow remained open to dialogue with Washington on all issues."

func TestCleanRules(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		wantText    string
		wantReasons []string // reasons of Removed, in order
		wantRules   []string
		wantCaption int
	}{
		{
			name:        "tail removes heading and everything after",
			in:          bodyPara + "\n\nYou May Also Like\n\nUnrelated story one\n\nUnrelated story two with more words in it.",
			wantText:    bodyPara,
			wantReasons: []string{"related links"},
			wantRules:   []string{"tail:You May Also Like"},
		},
		{
			name:        "consecutive tails keep their own reasons",
			in:          bodyPara + "\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nYou May Also Like\n\nStory",
			wantText:    bodyPara,
			wantReasons: []string{"comment form", "related links"},
		},
		{
			name:        "tail heading before any body removes only itself",
			in:          "Related Articles\n\n" + bodyPara,
			wantText:    bodyPara,
			wantReasons: []string{"related links"},
		},
		{
			name:     "tail phrase inside a sentence is body",
			in:       bodyPara + "\n\nYou may also like to know that the talks went on for three hours in the Kremlin.\n\n" + bodyPara,
			wantText: bodyPara + "\n\nYou may also like to know that the talks went on for three hours in the Kremlin.\n\n" + bodyPara,
		},
		{
			name:        "line rules",
			in:          bodyPara + "\nAdvertisement\nComments (12)\n" + bodyPara,
			wantText:    bodyPara + "\n\n" + bodyPara,
			wantReasons: []string{"advertisement", "comment form"},
		},
		{
			name:        "prefix rules",
			in:          "See also: Something else\n" + bodyPara + "\nAlso Read: Russia Blames NATO\nRead more: https://example.com/x\nSource link\nSupply hyperlink\nThis post was originally published on RT.",
			wantText:    bodyPara,
			wantReasons: []string{"related links", "related links", "related links", "syndication", "syndication", "syndication"},
			wantRules:   []string{"prefix:See also", "prefix:Also Read", "prefix:Read more", "prefix:Source link", "prefix:Supply hyperlink", "prefix:This post was originally published on"},
		},
		{
			name:     "prefix needs a word boundary",
			in:       "Read moreover the statement, which was long, and decide for yourself what it meant for the talks.",
			wantText: "Read moreover the statement, which was long, and decide for yourself what it meant for the talks.",
		},
		{
			name:        "contains rule",
			in:          bodyPara + "\nThe post Peskov on talks appeared first on Example News.",
			wantText:    bodyPara,
			wantReasons: []string{"syndication"},
		},
		{
			name:        "bullets before phrases",
			in:          bodyPara + "\n• See also — Other story",
			wantText:    bodyPara,
			wantReasons: []string{"related links"},
		},
		{
			name:        "place-date photo caption",
			in:          "WASHINGTON, USA – MARCH 3, 2022: The White House at dusk. John Smith/Reuters\n\n" + bodyPara,
			wantText:    bodyPara,
			wantReasons: []string{"photo caption"},
			wantRules:   []string{"caption:place-date"},
			wantCaption: 1,
		},
		{
			name:        "credit lines",
			in:          bodyPara + "\nDmitry Peskov at the Kremlin. Mikhail Metzel/TASS\n" + bodyPara + "\nPhoto: Kremlin press service\nThe spokesman in 2021 (AP Photo/Alexander Zemlianichenko)\nA file picture of the building via Getty Images",
			wantText:    bodyPara + "\n\n" + bodyPara,
			wantReasons: []string{"photo caption", "photo caption", "photo caption", "photo caption"},
			wantCaption: 4,
		},
		{
			name:     "agency named in body is not a credit",
			in:       bodyPara + "\nPeskov told TASS on Monday that the talks would go on.\nThe figures were reported by Reuters.",
			wantText: bodyPara + "\n\nPeskov told TASS on Monday that the talks would go on.\n\nThe figures were reported by Reuters.",
		},
		{
			name:     "hard-wrapped lines join; short lines stay paragraphs",
			in:       "Peskov said the talks\nwould go on, and that Moscow\nwas ready.\nPutin agreed.",
			wantText: "Peskov said the talks would go on, and that Moscow was ready.\n\nPutin agreed.",
		},
		{
			name:     "white space normalised",
			in:       "  Peskov\u00a0said \t it.  \r\n\n\n\nNext   one.  ",
			wantText: "Peskov said it.\n\nNext one.",
		},
	}
	b := builtinBoilerplate(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := b.Clean(Sanitize(tt.in))
			if c.Text != tt.wantText {
				t.Errorf("Text =\n%q\nwant\n%q", c.Text, tt.wantText)
			}
			var reasons, rules []string
			for _, r := range c.Removed {
				reasons = append(reasons, r.Reason)
				rules = append(rules, r.Rule)
				if strings.Contains(c.Text, r.Text) {
					t.Errorf("removed text %q still in Text", r.Text)
				}
			}
			if strings.Join(reasons, "|") != strings.Join(tt.wantReasons, "|") {
				t.Errorf("reasons = %q, want %q", reasons, tt.wantReasons)
			}
			if tt.wantRules != nil && strings.Join(rules, "|") != strings.Join(tt.wantRules, "|") {
				t.Errorf("rules = %q, want %q", rules, tt.wantRules)
			}
			if len(c.Captions) != tt.wantCaption {
				t.Errorf("captions = %q, want %d", c.Captions, tt.wantCaption)
			}
		})
	}
}

func TestCleanHeadline(t *testing.T) {
	b := builtinBoilerplate(t)
	tests := []struct {
		name string
		in   string
		want string // the headline, "" for none
	}{
		{"short line without period", "Kremlin welcomes Trump’s readiness for dialogue\n" + bodyPara, "Kremlin welcomes Trump’s readiness for dialogue"},
		{"ends with a quote", "Russia is ready to talk. “Broad and comprehensive”\n\n" + bodyPara, "Russia is ready to talk. “Broad and comprehensive”"},
		{"ends with a period: a sentence", "Peskov spoke on Monday.\n\n" + bodyPara, ""},
		{"dateline is not a headline", "MOSCOW — Kremlin reacts\n\n" + bodyPara, ""},
		{"no body after it", "Kremlin welcomes talks\n\nShort line", ""},
		{"too long", strings.Repeat("word ", 40) + "\n\n" + bodyPara, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := b.Clean(tt.in)
			got := ""
			if !c.TitleSpan.IsZero() {
				got = c.Text[c.TitleSpan.Start:c.TitleSpan.End]
			}
			if got != tt.want {
				t.Errorf("headline = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBoilerplateExtend(t *testing.T) {
	b := &Boilerplate{}
	if err := b.extend([]byte("# comment\n\ndonation\tline\tDonate now\r\nnewsletter\ttail\tGet our briefing\n")); err != nil {
		t.Fatal(err)
	}
	c := b.Clean(bodyPara + "\nDonate now!\n" + bodyPara + "\nGet our briefing\nEvery morning in your inbox")
	if c.Text != bodyPara+"\n\n"+bodyPara || len(c.Removed) != 2 || c.Removed[0].Reason != "donation" || c.Removed[1].Reason != "newsletter" {
		t.Errorf("user rules not applied: %q %+v", c.Text, c.Removed)
	}
	for _, tt := range []struct{ data, want string }{
		{"ok\tline\tfine\nbroken line without tabs\n", "line 2: want reason<TAB>mode<TAB>phrase"},
		{"\n\nr\tsometimes\tphrase\n", `line 3: unknown mode "sometimes"`},
		{"r\tline\t\n", "line 1: empty reason or phrase"},
	} {
		err := (&Boilerplate{}).extend([]byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("extend(%q) error = %v, want %q", tt.data, err, tt.want)
		}
	}
}

func TestCleanSeeds(t *testing.T) {
	type want struct {
		gone     []string // must not be in Text
		kept     []string // must be in Text
		removed  []string // each must be in some Removed text
		reasons  []string // reasons that must appear
		captions int
		headline string
	}
	tests := map[string]want{
		"000_dd709f0f876980c0.txt": {
			kept: []string{"date 2023-12-17 (MENAFN) In a candid interview", "constructive dialogue and resolution."},
		},
		"001_41e52a9884a9d126.txt": {
			gone:     []string{"You May Also Like", "Leave a Reply", "Cedric Richmond", "gun violence", "Your email address", "Sergei Bobylev/TASS", "DECEMBER 17, 2020"},
			kept:     []string{"MOSCOW, January 24. /TASS/.", "“No, these are these the red lines, which cannot be crossed,” Peskov stressed."},
			removed:  []string{"You May Also Like", "Cedric Richmond", "Leave a Reply", "What is the federal government doing on gun safety legislation?"},
			reasons:  []string{"related links", "comment form", "photo caption"},
			captions: 1,
		},
		"002_d78a9d7bf1290817.txt": {
			gone:     []string{"Supply hyperlink"},
			removed:  []string{"Supply hyperlink"},
			reasons:  []string{"syndication"},
			headline: "It isn’t Moscow that initiated the sanctions struggle with Washington, Dmitry Peskov has instructed TASS",
		},
		"003_0e2c3ec265911d08.txt": {
			gone:     []string{"See also", "First Covid-19 vaccine-related death", "Also Read", "Russia Blames NATO Aggressive Policy", "Leave a Reply", "Your email address"},
			kept:     []string{"World War II (1939-1945).", "“And“We are ready for dialogue"},
			removed:  []string{"See also", "Also Read: Russia Blames NATO Aggressive Policy Against Eurasian Region", "Leave a Reply"},
			reasons:  []string{"related links", "comment form"},
			headline: "Russia is ready to negotiate with the US. “Broad and inclusive of the Ukraine issue”",
		},
		"004_37c88bea456b4285.txt": {
			gone:    []string{"Discover more", "Subscribe to get the latest posts"},
			kept:    []string{"for the incoming Trump and his team.”"},
			removed: []string{"Discover more from Defence Talks", "Subscribe to get the latest posts sent to your email."},
			reasons: []string{"subscription footer"},
		},
	}
	for name, w := range tests {
		t.Run(name, func(t *testing.T) {
			c := cleanSeed(t, name)
			for _, s := range w.gone {
				if strings.Contains(c.Text, s) {
					t.Errorf("Text still has %q", s)
				}
			}
			for _, s := range w.kept {
				if !strings.Contains(c.Text, s) {
					t.Errorf("Text lost %q", s)
				}
			}
			all := ""
			reasons := map[string]bool{}
			for _, r := range c.Removed {
				all += r.Text + "\n"
				reasons[r.Reason] = true
			}
			for _, s := range w.removed {
				if !strings.Contains(all, s) {
					t.Errorf("Removed lacks %q", s)
				}
			}
			for _, r := range w.reasons {
				if !reasons[r] {
					t.Errorf("no removal with reason %q", r)
				}
			}
			if len(c.Captions) != w.captions {
				t.Errorf("captions = %q, want %d", c.Captions, w.captions)
			}
			got := ""
			if !c.TitleSpan.IsZero() {
				got = c.Text[c.TitleSpan.Start:c.TitleSpan.End]
			}
			if got != w.headline {
				t.Errorf("headline = %q, want %q", got, w.headline)
			}
			if strings.Contains(c.Text, "\n\n\n") || strings.TrimSpace(c.Text) != c.Text {
				t.Error("paragraphs not normalised")
			}
		})
	}
	// the caption of 001 is kept, repaired to Russian
	c := cleanSeed(t, "001_41e52a9884a9d126.txt")
	if len(c.Captions) == 1 {
		caption := c.Captions[0]
		if !strings.HasPrefix(caption, "MOSCOW, RUSSIA – DECEMBER 17, 2020:") || !strings.Contains(caption, "Россия. Москва. Пресс-секретарь президента РФ Дмитрий Песков") || !strings.HasSuffix(caption, "Сергей Бобылев/ТАСС") {
			t.Errorf("caption = %q", caption)
		}
	}
	// seeds 002 and 004 separate paragraphs by single newlines
	for _, name := range []string{"002_d78a9d7bf1290817.txt", "004_37c88bea456b4285.txt"} {
		if n := strings.Count(cleanSeed(t, name).Text, "\n\n"); n < 5 {
			t.Errorf("%s: %d paragraph breaks, want every line a paragraph", name, n)
		}
	}
}

func BenchmarkClean(b *testing.B) {
	raw, err := os.ReadFile("seed/001_41e52a9884a9d126.txt")
	if err != nil {
		b.Fatal(err)
	}
	text, _, _ := Decode(raw)
	bp := builtinBoilerplate(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		bp.Clean(text)
	}
}

// matchKeyRef, isCreditRef and isPhotoCaptionRef are those functions as
// first written: the faster ones must agree with them.
func matchKeyRef(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("•*-–—»›>#|·▶►", r)
	})
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func isCreditRef(b *Boilerplate, p string) bool {
	if b == nil || utf8.RuneCountInString(p) > maxFurnitureRunes {
		return false
	}
	t := strings.TrimSpace(p)
	period := strings.HasSuffix(t, ".")
	t = strings.TrimRight(t, ". ")
	lt := strings.ToLower(t)
	for _, r := range b.Rules {
		if r.Mode != modeCredit {
			continue
		}
		k := r.key
		if open := strings.LastIndexByte(lt, '('); open >= 0 && strings.HasSuffix(lt, ")") {
			inner := lt[open+1:]
			if strings.HasPrefix(inner, k+" photo") || strings.HasPrefix(inner, k+"/") {
				return true
			}
		}
		if !strings.HasSuffix(lt, k) {
			if strings.HasSuffix(lt, "("+k+")") || strings.HasSuffix(lt, k+" photo") || strings.HasSuffix(lt, k+" photo)") {
				return true
			}
			continue
		}
		before := strings.TrimRight(lt[:len(lt)-len(k)], " ")
		switch {
		case strings.HasSuffix(before, "/"):
			name := strings.TrimRight(strings.TrimSuffix(before, "/"), " ")
			if name != "" && !strings.HasSuffix(name, "/") {
				return true
			}
		case strings.HasSuffix(before, " via") && !period:
			return true
		case strings.HasSuffix(before, "photo:") || strings.HasSuffix(before, "credit:"):
			return true
		}
	}
	return false
}

func isPhotoCaptionRef(p string) bool {
	if first, _ := utf8.DecodeRuneInString(p); unicode.IsUpper(first) && strings.ContainsAny(p, "–—-") && strings.Contains(p, ":") && captionPlaceDate.MatchString(p) {
		return true
	}
	if utf8.RuneCountInString(p) > maxFurnitureRunes {
		return false
	}
	if captionLead.MatchString(p) {
		return true
	}
	low := asciiLower(p)
	return (strings.Contains(low, "photo") || strings.Contains(low, "image") || strings.Contains(low, "picture")) && captionTail.MatchString(p)
}

func paragraphsRef(text string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = normSpace(line)
		if line == "" {
			flush()
			continue
		}
		if cur.Len() > 0 && !continues(cur.String(), line) {
			flush()
		}
		if cur.Len() > 0 {
			prev := cur.String()
			if strings.HasSuffix(prev, "-") && len(prev) > 1 {
				cur.WriteString(line)
			} else {
				cur.WriteByte(' ')
				cur.WriteString(line)
			}
			continue
		}
		cur.WriteString(line)
	}
	flush()
	return out
}

func cleanSameAsRef(t *testing.T, bp *Boilerplate, text string) {
	t.Helper()
	if got, want := Paragraphs(text), paragraphsRef(text); !slices.Equal(got, want) {
		t.Fatalf("Paragraphs(%q) = %q, before %q", text, got, want)
	}
	for _, p := range append(Paragraphs(text), text) {
		if got, want := matchKey(p), matchKeyRef(p); got != want {
			t.Fatalf("matchKey(%q) = %q, before %q", p, got, want)
		}
		if got, want := bp.isCredit(p), isCreditRef(bp, p); got != want {
			t.Fatalf("isCredit(%q) = %v, before %v", p, got, want)
		}
		if got, want := isPhotoCaption(p), isPhotoCaptionRef(p); got != want {
			t.Fatalf("isPhotoCaption(%q) = %v, before %v", p, got, want)
		}
	}
}

func TestCleanAsBefore(t *testing.T) {
	bp := stmtRegistry(t).Boilerplate
	extra := []string{"a line-\nbroken", "-\nx", "a\nb\n\nC\nd.\ne", "ends,\nlower", "x\u00a0\n\ty", "(AP Photo/Evan Vucci)", "Sergei Bobylev/TASS", "Photo: Reuters", "  •  Read   more\t", "\u00a0x\u0085y",
		"FILE PHOTO: x", "Pictured: y", "(Photo by z)", "image credit: AFP", "MOSCOW, RUSSIA – DECEMBER 17, 2020: x", "via Getty Images",
		"Reuters photo", "(Reuters)", "A picture (Photo: AP)", "ſ \u212a", "x /", " "}
	for _, r := range bp.Rules {
		extra = append(extra, r.Phrase, "Name Surname/"+r.Phrase, "("+r.Phrase+" Photo/Name)", "x via "+r.Phrase, r.Phrase+" photo)")
	}
	for _, text := range append(sameAsRefTexts(), extra...) {
		cleanSameAsRef(t, bp, text)
	}
}

func FuzzCleanAsBefore(f *testing.F) {
	for _, s := range []string{"(AP Photo/Evan Vucci)", "Photo: Reuters", "  •  Read   more\t", "Sergei Bobylev/TASS."} {
		f.Add(s)
	}
	bp := stmtRegistry(f).Boilerplate
	f.Fuzz(func(t *testing.T, text string) {
		cleanSameAsRef(t, bp, text)
	})
}
