package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/quotetrail/quotetrail/model"
)

// The picker chooses speakers (s) or topics (t): a multi-select list with
// counts. Every printable key narrows it (see pickerKeys); space (before
// anything is typed) or tab toggles, ctrl+a selects all or none of what is
// shown, the arrows move, enter applies, esc clears the narrowing and then
// cancels.

type pickerKind int

const (
	pickSpeakers pickerKind = iota
	pickTopics
)

type pickItem struct {
	key    string // canonical speaker name or topic
	detail string // role · affiliation
	aff    model.Affiliation
	count  int
	hay    string // lower-cased text narrowing matches against
}

const focusPicker viewID = "picker"

type picker struct {
	viewBase
	ctx     *programContext
	keys    pickerKeys
	kind    pickerKind
	items   []pickItem
	sel     map[string]bool
	touched bool
	narrow  field
	shown   []int // indices into items that match the narrowing
	cursor  int   // index into shown
	top     int
	width   int
	height  int
}

func newPicker(ctx *programContext) *picker {
	return &picker{ctx: ctx, keys: newPickerKeys(&ctx.global)}
}

// Name implements view.
func (p *picker) Name() string { return "picker" }

// start fills the picker for a kind, with the current filter's choices
// selected and nothing typed.
func (p *picker) start(kind pickerKind) {
	c := p.ctx.c
	current := p.ctx.filter.Speakers
	if kind == pickTopics {
		current = p.ctx.filter.Topics
	}
	*p = picker{ctx: p.ctx, keys: p.keys, kind: kind, sel: map[string]bool{}, narrow: newField(), width: p.width, height: p.height}
	switch kind {
	case pickSpeakers:
		for _, sp := range c.Speakers {
			detail := string(sp.Affiliation)
			if sp.Role != "" {
				detail = sp.Role + " · " + detail
			}
			name := sp.Name
			if name == model.UnknownSpeaker {
				detail = "the text does not settle who spoke"
			}
			hay := strings.ToLower(strings.Join(append([]string{name, sp.Role, string(sp.Affiliation)}, sp.Aliases...), " "))
			p.items = append(p.items, pickItem{key: name, detail: detail, aff: sp.Affiliation, count: sp.Count, hay: hay})
		}
	case pickTopics:
		for _, tc := range c.Topics() {
			p.items = append(p.items, pickItem{key: tc.Topic, count: tc.Count, hay: strings.ToLower(tc.Topic)})
		}
	}
	for _, k := range current {
		if kind == pickSpeakers {
			if sp := c.Speaker(k); sp != nil {
				k = sp.Name
			}
		}
		p.sel[k] = true
	}
	p.refilter()
}

func (p *picker) title() string {
	if p.kind == pickTopics {
		return "Topics"
	}
	return "Speakers"
}

// SetSize implements view.
func (p *picker) SetSize(w, h int) {
	p.width, p.height = w, h
	p.keepVisible()
}

// listHeight is the rows left for the list under the title and field.
func (p *picker) listHeight() int { return max(1, p.height-3) }

func (p *picker) refilter() {
	q := strings.Fields(strings.ToLower(p.narrow.Value()))
	p.shown = p.shown[:0]
	for i, it := range p.items {
		ok := true
		for _, w := range q {
			if !strings.Contains(it.hay, w) {
				ok = false
				break
			}
		}
		if ok {
			p.shown = append(p.shown, i)
		}
	}
	p.cursor = max(0, min(p.cursor, len(p.shown)-1))
	p.keepVisible()
}

func (p *picker) keepVisible() {
	h := p.listHeight()
	if p.cursor < p.top {
		p.top = p.cursor
	}
	if p.cursor >= p.top+h {
		p.top = p.cursor - h + 1
	}
	p.top = max(0, min(p.top, max(0, len(p.shown)-h)))
}

func (p *picker) move(d int) {
	if len(p.shown) == 0 {
		return
	}
	p.cursor = max(0, min(len(p.shown)-1, p.cursor+d))
	p.keepVisible()
}

func (p *picker) toggle() {
	if len(p.shown) == 0 {
		return
	}
	k := p.items[p.shown[p.cursor]].key
	p.sel[k] = !p.sel[k]
	if !p.sel[k] {
		delete(p.sel, k)
	}
	p.touched = true
}

// toggleAll selects everything shown, or nothing when all of it is
// selected already.
func (p *picker) toggleAll() {
	all := true
	for _, i := range p.shown {
		if !p.sel[p.items[i].key] {
			all = false
			break
		}
	}
	for _, i := range p.shown {
		if all {
			delete(p.sel, p.items[i].key)
		} else {
			p.sel[p.items[i].key] = true
		}
	}
	p.touched = true
}

// chosen is what enter applies: the selection in list order (nil when
// everything is selected, which is the same as no filter); when nothing
// was touched and nothing is selected, the highlighted item alone.
func (p *picker) chosen() []string {
	var out []string
	for _, it := range p.items {
		if p.sel[it.key] {
			out = append(out, it.key)
		}
	}
	if len(out) == 0 && !p.touched && len(p.shown) > 0 {
		return []string{p.items[p.shown[p.cursor]].key}
	}
	if len(out) == len(p.items) {
		return nil
	}
	return out
}

// Update implements view: a key or mouse event; the picker has the
// keyboard while it is open.
func (p *picker) Update(msg tea.Msg) (action, tea.Cmd) {
	k := p.keys
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			p.move(-3)
		case tea.MouseWheelDown:
			p.move(3)
		}
	case tea.MouseClickMsg:
		row := msg.Y - bodyTop - 3
		if i := p.top + row; row >= 0 && i < len(p.shown) {
			p.cursor = i
			p.toggle()
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Apply):
			return applyPick{p.kind, p.chosen()}, nil
		case key.Matches(msg, k.Cancel):
			if p.narrow.Value() != "" {
				p.narrow.SetValue("")
				p.refilter()
				return nil, nil
			}
			return goBack{}, nil
		case key.Matches(msg, k.Up):
			p.move(-1)
		case key.Matches(msg, k.Down):
			p.move(1)
		case key.Matches(msg, k.PageUp):
			p.move(-p.listHeight())
		case key.Matches(msg, k.PageDown):
			p.move(p.listHeight())
		case key.Matches(msg, k.Toggle):
			p.toggle()
		case key.Matches(msg, k.All):
			p.toggleAll()
		default:
			if p.narrow.Update(msg) {
				p.refilter()
			}
		}
	}
	return nil, nil
}

// UpdateKeys implements view: once something is typed, space types and
// esc clears what was typed.
func (p *picker) UpdateKeys() { p.keys.state(p.narrow.Value() != "") }

// ShortHelp implements help.KeyMap.
func (p *picker) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (p *picker) FullHelp() [][]key.Binding { return p.keys.FullHelp() }

// Title implements view.
func (p *picker) Title() string {
	return p.ctx.th.TitleDim.Render("choose " + strings.ToLower(p.title()) + " ")
}

// View implements view: the picker in height lines.
func (p *picker) View() string {
	th := p.ctx.th
	w := p.width
	lines := make([]string, 0, p.height)
	n := 0
	for range p.sel {
		n++
	}
	head := th.Heading.Render(p.title()) + th.Dim.Render(fmt.Sprintf("  %d of %d selected · %d shown", n, len(p.items), len(p.shown)))
	lines = append(lines, fit(" "+head, w))
	if p.narrow.Value() != "" {
		lines = append(lines, fit(" "+p.narrow.View(th, "narrow: ", w-2), w))
	} else {
		lines = append(lines, fit(" "+th.Dim.Render("every key you type narrows the list · space or tab toggles · enter applies"), w))
	}
	lines = append(lines, fit("", w))
	countW := 5
	for i := p.top; i < len(p.shown) && len(lines) < p.height; i++ {
		it := p.items[p.shown[i]]
		box := "[ ]"
		if p.sel[it.key] {
			box = th.Checked.Render("[x]")
		}
		cur := "  "
		if i == p.cursor {
			cur = th.Cursor.Render("▸ ")
		}
		count := fmt.Sprintf("%*d", countW, it.count)
		var left string
		name := it.key
		if i == p.cursor {
			plain := name
			if it.detail != "" {
				plain += "  " + it.detail
			}
			left = th.Selected.Render(spread(plain, count, w-8))
		} else {
			if p.kind == pickSpeakers {
				name = th.affil(it.aff).Render(name)
			}
			l := name
			if it.detail != "" {
				l += "  " + th.Dim.Render(it.detail)
			}
			left = spread(l, count, w-8)
		}
		lines = append(lines, fit(" "+cur+box+" "+left, w))
	}
	if len(p.shown) == 0 {
		lines = append(lines, fit("   "+th.Empty.Render("nothing matches"), w))
	}
	for len(lines) < p.height {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines[:p.height], "\n")
}
