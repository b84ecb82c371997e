package model_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/quotetrail/quotetrail/model"
)

// exampleCorpus is a corpus of one article and three statements, built by
// hand as the corpus package builds it from text.
func exampleCorpus() *model.Corpus {
	text := "MOSCOW, November 7. /TASS/. Russia is open to dialogue, Kremlin spokesman Dmitry Peskov said. " +
		"\u201cWe can not tango alone,\u201d he said. " +
		"President Vladimir Putin said Moscow would never accept conditions dictated from outside."
	doc := &model.Document{ID: "tass-2024-11-07", Path: "tass.txt", Title: "Peskov: we can not tango alone", Source: "TASS",
		Text: text, Date: model.DayDate(model.Day(2024, time.November, 7), "MOSCOW, November 7", "dateline+year", model.Span{})}
	stmt := func(n int, speaker, mention string, kind model.Kind, words string) *model.Statement {
		i := strings.Index(text, words)
		return &model.Statement{ID: fmt.Sprintf("%s#%d", doc.ID, n), Doc: doc.ID, Speaker: speaker, Mention: mention, Kind: kind,
			Text: words, Span: model.Span{Start: i, End: i + len(words)}, Date: doc.Date,
			Topics: []model.TopicMatch{{Topic: "dialogue and talks"}}}
	}
	stmts := []*model.Statement{
		stmt(1, "Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", model.Indirect, "Russia is open to dialogue"),
		stmt(2, "Dmitry Peskov", "he", model.Direct, "We can not tango alone,"),
		stmt(3, "Vladimir Putin", "President Vladimir Putin", model.Indirect, "Moscow would never accept conditions dictated from outside"),
	}
	speakers := []*model.Speaker{
		{Name: "Dmitry Peskov", Role: "Kremlin spokesman", Affiliation: model.Russia, Aliases: []string{"Peskov"}},
		{Name: "Vladimir Putin", Role: "President of Russia", Affiliation: model.Russia, Aliases: []string{"Putin"}},
	}
	return model.New("example", []*model.Document{doc}, stmts, speakers, nil)
}

// Query selects statements by speaker (an alias will do), affiliation,
// topic, period, dates and words; it returns their indices in
// c.Statements, in timeline order.
func ExampleCorpus_Query() {
	c := exampleCorpus()
	for _, i := range c.Query(model.Filter{Speakers: []string{"peskov"}}) {
		s := c.Statements[i]
		fmt.Println(s.Date.Short(), s.Speaker, model.KindLabel(s.Kind)+":", s.Text)
	}
	// words match as prefixes, and all must occur
	fmt.Println(len(c.Query(model.Filter{Query: "tang alone"})), "statement with tango alone")
	// Output:
	// 2024-11-07 Dmitry Peskov reported speech: Russia is open to dialogue
	// 2024-11-07 Dmitry Peskov direct quotation: We can not tango alone,
	// 1 statement with tango alone
}

// RenderMarkdown writes the statements as a Markdown document: front
// matter recording the corpus and the filters, sections by year and month,
// each statement a block quote with its speaker, date, kind and source.
func ExampleRenderMarkdown() {
	c := exampleCorpus()
	f := model.Filter{Speakers: []string{"Dmitry Peskov"}}
	md := model.RenderMarkdown(c, c.Query(f), model.ExportOptions{Filter: f, Version: "example"})
	fmt.Printf("%s", md)
	// Output:
	// ---
	// title: 'Statements — speaker: Dmitry Peskov'
	// quotetrail: example
	// corpus:
	//   name: example
	//   documents: 1
	//   sha256: dde36a97b6bfe697
	// filters:
	//   speakers:
	//     - Dmitry Peskov
	// selection: filtered
	// split: "2024-11-06"
	// compare: false
	// statements: 2
	//
	// ---
	//
	// # Statements — speaker: Dmitry Peskov
	//
	// 2 statements by Dmitry Peskov on 2024-11-07.
	//
	// Selection: filtered (speaker: Dmitry Peskov). Corpus: example, 1 document.
	//
	// ## 2024
	//
	// ### November 2024
	//
	// 2024-11-07 · **Dmitry Peskov**, Kremlin spokesman · reported speech · `tass-2024-11-07#1`
	//
	// > *(reported)* Russia is open to dialogue
	//
	// Source: TASS, `tass-2024-11-07`
	//
	// 2024-11-07 · **Dmitry Peskov**, Kremlin spokesman · direct quotation · `tass-2024-11-07#2`
	//
	// > “We can not tango alone,”
	//
	// Source: TASS, `tass-2024-11-07`
	//
	// ## Sources
	//
	// - `tass-2024-11-07`: TASS, “Peskov: we can not tango alone”, `tass.txt`
}
