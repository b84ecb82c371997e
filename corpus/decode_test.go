package corpus

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

func encodeWith(t *testing.T, s string, enc interface{ Bytes([]byte) ([]byte, error) }) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	const ru = "Песков заявил, что Россия готова к диалогу с новой администрацией."
	const en = "Peskov said “dialogue” is possible."
	tests := []struct {
		name       string
		in         []byte
		want       string
		enc        string
		repairKind string // first repair's kind, if any
	}{
		{"utf-8", []byte("plain é text"), "plain é text", "utf-8", ""},
		{"utf-8 BOM", []byte("\xEF\xBB\xBFwith BOM é"), "with BOM é", "utf-8", ""},
		{"utf-16le BOM", encodeWith(t, en, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder()), en, "utf-16le", ""},
		{"utf-16be BOM", encodeWith(t, en, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder()), en, "utf-16be", ""},
		{"utf-16le no BOM", encodeWith(t, en+" and more words here", xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder()), en + " and more words here", "utf-16le", ""},
		{"latin-1", []byte("Caf\xe9 cr\xe8me na\xefve \x93quoted\x94 \x96 Stra\xdfe"), "Café crème naïve “quoted” – Straße", "windows-1252", "decode:windows-1252"},
		{"cp1251", encodeWith(t, ru, charmap.Windows1251.NewEncoder()), ru, "windows-1251", "decode:windows-1251"},
		{"cp1252 undefined bytes pass through", []byte("caf\xe9\x81 \x8dbar\x9d"), "café bar", "windows-1252", "decode:windows-1252"},
		{"invalid utf-8 in utf-8 text", []byte("Peskov – said \xff “yes” — ok"), "Peskov – said \uFFFD “yes” — ok", "utf-8", "decode:invalid-utf8"},
		{"NFC", []byte("Cafe\u0301"), "Café", "utf-8", ""},
		{"controls stripped", []byte("a\x1b[31mred\x1b[0m\r\nb"), "ared\nb", "utf-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, reps := Decode(tt.in)
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			if enc != tt.enc {
				t.Errorf("encoding = %q, want %q", enc, tt.enc)
			}
			switch {
			case tt.repairKind == "" && len(reps) > 0:
				t.Errorf("unexpected repairs %+v", reps)
			case tt.repairKind != "" && (len(reps) == 0 || reps[0].Kind != tt.repairKind):
				t.Errorf("repairs = %+v, want first of kind %q", reps, tt.repairKind)
			}
			for _, r := range reps {
				if r.Offset >= 0 && !strings.HasPrefix(got[r.Offset:], r.After) {
					t.Errorf("repair %+v: text at offset is %q", r, got[r.Offset:min(len(got), r.Offset+20)])
				}
			}
		})
	}
}

func TestDecodeCyrillicVersusWestern(t *testing.T) {
	// a Western text with accents must not be read as Cyrillic
	fr := encodeWith(t, "À côté de l’église, l’été dernier, il a parlé à Renée et à Zoë.", charmap.Windows1252.NewEncoder())
	if _, enc, _ := Decode(fr); enc != "windows-1252" {
		t.Errorf("French text decoded as %s", enc)
	}
}

func TestRepairMojibake(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   string
		kind   string
		before string
		after  string
	}{
		{"utf8 apostrophe", "Russiaâ€™s spokesman", "Russia’s spokesman", "utf8-as-cp1252", "â€™", "’"},
		{"utf8 quotes with undefined 0x9D", "â€œquotedâ€\u009d here", "“quoted” here", "utf8-as-cp1252", "â€œ", "“"},
		{"utf8 accents", "lâ€™Ã©tÃ© dernier", "l’été dernier", "utf8-as-cp1252", "â€™Ã©", "’é"},
		{"double-encoded", "itÃ¢â‚¬â„¢s", "it’s", "utf8-as-cp1252", "Ã¢â‚¬â„¢", "’"},
		{"cp1251 words", "Caption: Ðîññèÿ. Ìîñêâà. ÒÀÑÑ", "Caption: Россия. Москва. ТАСС", "cp1251-as-latin1", "Ðîññèÿ. Ìîñêâà. ÒÀÑÑ", "Россия. Москва. ТАСС"},
		{"cp1251 with hyphen and yo", "Ïðåññ-ñåêðåòàðü ¸ëêà", "Пресс-секретарь ёлка", "cp1251-as-latin1", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reps := RepairMojibake(tt.in)
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			if len(reps) == 0 || reps[0].Kind != tt.kind {
				t.Fatalf("repairs = %+v, want kind %s", reps, tt.kind)
			}
			if tt.before != "" && (reps[0].Before != tt.before || reps[0].After != tt.after) {
				t.Errorf("repair = %q → %q, want %q → %q", reps[0].Before, reps[0].After, tt.before, tt.after)
			}
			for _, r := range reps {
				if !strings.HasPrefix(got[r.Offset:], r.After) {
					t.Errorf("repair %+v not at its offset", r)
				}
				if strings.ContainsFunc(r.Before, func(r rune) bool { return r < 0x20 || (r >= 0x7F && r <= 0x9F) }) {
					t.Errorf("Before %q has control characters", r.Before)
				}
			}
		})
	}
}

func TestRepairMojibakeLeavesRealText(t *testing.T) {
	for _, s := range []string{
		"Le café de la gare à Paris, où l’été est chaud. À bientôt, Renée !",
		"Müller sagte: Die Straße ist schön, äußerst schön. Über alles.",
		"Ã",
		"Ã bientôt",
		"São Paulo, Ação, Não",
		"Þórður Ærø Ósk Íslands",
		"¿Qué pasó? ¡Olé! Año, niño, señor.",
		"ÀÉÎ",
		"ÐîÑñèÿ ÐîÑñèÿ ÐîÑñèÿ", // implausible case pattern once decoded
		"Prices: 5 × 3 ÷ 2 — see § 4 ©",
		"Россия. Москва.", // already right
	} {
		got, reps := RepairMojibake(s)
		if got != s || len(reps) > 0 {
			t.Errorf("RepairMojibake(%q) = %q, %+v; want it unchanged", s, got, reps)
		}
	}
}

func TestRepairSeedCaption(t *testing.T) {
	raw, err := os.ReadFile("seed/001_41e52a9884a9d126.txt")
	if err != nil {
		t.Fatal(err)
	}
	text, enc, reps := Decode(raw)
	if enc != "utf-8" {
		t.Errorf("encoding %s", enc)
	}
	const want = "Россия. Москва. Пресс-секретарь президента РФ Дмитрий Песков"
	if !strings.Contains(text, want) {
		t.Fatalf("caption not repaired:\n%s", text[:600])
	}
	if !strings.Contains(text, "Сергей Бобылев/ТАСС") {
		t.Errorf("credit not repaired: %q", text[:strings.Index(text, "\n")])
	}
	if strings.ContainsAny(text, "ÐîÒÀÑ") {
		t.Error("mojibake letters left in the text")
	}
	if len(reps) != 1 || reps[0].Kind != "cp1251-as-latin1" || !strings.HasPrefix(reps[0].Before, "Ðîññèÿ") || !strings.HasPrefix(text[reps[0].Offset:], "Россия") {
		t.Errorf("repairs = %+v", reps)
	}
	// the English quotes of the same file are untouched
	if !strings.Contains(text, "“Moscow. Kremlin. Putin”") {
		t.Error("English text changed")
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "nothing to do\n\tat all ✓", "nothing to do\n\tat all ✓"},
		{"ANSI colour", "\x1b[1;31mred\x1b[0m text", "red text"},
		{"cursor moves", "a\x1b[2Ab\x1b[10;5Hc\x1b[?25ld\x1b[2J", "abcd"},
		{"OSC title BEL", "\x1b]0;evil title\x07text", "text"},
		{"OSC 52 clipboard ST", "x\x1b]52;c;ZXZpbCBjb21tYW5k\x1b\\after", "xafter"},
		{"OSC 8 hyperlink", "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"DCS", "a\x1bP1$r0m\x1b\\b", "ab"},
		{"unterminated OSC ends at line end", "\x1b]0;title\nnext line", "\nnext line"},
		{"charset designation", "\x1b(Bplain\x1bc", "plain"},
		{"lone ESC at end", "end\x1b", "end"},
		{"C0 controls", "a\x00b\x07c\x08d\x7fe\x0cf", "abcdef"},
		{"C1 controls", "a\u009b31mb\u0090c\u009dd", "a31mbcd"},
		{"newlines", "a\r\nb\rc\u0085d\u2028e", "a\nb\nc\nd\ne"},
		{"bidi overrides", "abc\u202Edef\u2066x\u2069\u202A", "abcdefx"},
		{"zero width", "a\u200Bb\uFEFFc\u2060d\u00ADe", "abcde"},
		{"ZWJ kept", "👨\u200D👩 \u200Cx", "👨\u200D👩 \u200Cx"},
		{"tags", "flag\U000E0067\U000E0062", "flag"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.in)
			if got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Error("invalid UTF-8 out")
			}
			if again := Sanitize(got); again != got {
				t.Errorf("not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestSanitizeFastPath(t *testing.T) {
	s := strings.Repeat("Clean text with “quotes” and accents é.\n", 10)
	if got := Sanitize(s); unsafe.StringData(got) != unsafe.StringData(s) {
		t.Error("clean text was copied")
	}
}

func BenchmarkSanitize(b *testing.B) {
	clean := strings.Repeat("Clean text with “quotes” and accents é, nothing to strip.\n", 2000)
	dirty := strings.Repeat("Text \x1b[31mwith\x1b[0m colour\r\n and \u202Ebidi\u202C.\n", 2000)
	for _, c := range []struct{ name, s string }{{"clean", clean}, {"dirty", dirty}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			b.ReportAllocs()
			for b.Loop() {
				Sanitize(c.s)
			}
		})
	}
}
