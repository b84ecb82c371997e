package ui

import (
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// view is the contract every screen of the reader keeps — the timeline,
// the reader pane, the picker, the compare view, the export dialog, help,
// the warnings and the loading screen — each a small component in a file
// of its own, as soft-serve's common.Component: a tea.Model that draws a
// string, takes its size, and implements help.KeyMap. Only the root
// returns a tea.View. A view reads what it shares with the others from
// the programContext it holds, and asks the root for what is not its own
// to do by returning an action; the root decides.
//
// A new view is a file that defines it (embedding viewBase for the parts
// it does not need) and one line in registerViews.
type view interface {
	// help.KeyMap is the view's key map as it stands: the bindings that
	// handle its keys draw the key hint and ? lists them. A global key (q,
	// ?, m) works in a view only when its key map lists it enabled, so a
	// view whose field takes every printable key lists none of them.
	help.KeyMap

	// Name names the view in its help: "Keys — timeline".
	Name() string
	// SetSize gives the view the size of the body it draws in.
	SetSize(width, height int)
	// Update handles a key or a mouse event while the view has the focus,
	// and every message the root does not handle itself — the results of
	// the commands a view started reach every view, and each drops what
	// is not its own (a result of an older generation too).
	Update(msg tea.Msg) (action, tea.Cmd)
	// View draws the body: exactly height lines of width columns.
	View() string

	// Open is called when the view gets the focus by its open key; it
	// starts from what the context holds now.
	Open() tea.Cmd
	// OpenKey is the key that opens the view from the timeline, nil for a
	// view opened otherwise (enter opens the reader, s and t the picker).
	OpenKey() *key.Binding
	// UpdateKeys enables the bindings that apply now, so that the
	// others neither match nor show in help; the root calls it after
	// every message.
	UpdateKeys()
	// Title, Status and Footer are the view's parts of the screen around
	// its body: the right of the title bar, the status line and the last
	// line. "" keeps the timeline's title and status line, and the key
	// hint drawn from the view's ShortHelp.
	Title() string
	Status() string
	Footer() string
	// HelpExtra is what the view's full help (?) shows after its keys:
	// sections of keys its key map does not hold (a field's, which takes
	// every printable key and cannot open help itself), and the legend of
	// its marks.
	HelpExtra() (sections []helpSection, legend []string)
}

// viewID names a registered view; the root's focus is one.
type viewID string

// helpSection is a titled group of keys in a full help screen.
type helpSection struct {
	title  string
	groups [][]key.Binding
}

// viewBase gives a view the defaults of the contract's optional parts:
// nothing to start on opening, no open key, no bindings to switch, the
// timeline's title and status line, the key hint, and the common legend.
type viewBase struct{}

// Open does nothing.
func (viewBase) Open() tea.Cmd { return nil }

// OpenKey is none.
func (viewBase) OpenKey() *key.Binding { return nil }

// UpdateKeys does nothing.
func (viewBase) UpdateKeys() {}

// Title keeps the timeline's.
func (viewBase) Title() string { return "" }

// Status keeps the timeline's.
func (viewBase) Status() string { return "" }

// Footer keeps the key hint.
func (viewBase) Footer() string { return "" }

// HelpExtra is the legend of the timeline's marks, which the reader and
// the dialogs show too.
func (viewBase) HelpExtra() ([]helpSection, []string) { return nil, timelineLegend() }

// An action is what a view asks the root to do. The root decides: it
// moves the focus, opens views and applies filters.
type action interface{ isAction() }

type (
	// goBack closes the view: the focus returns to where it came from.
	goBack struct{}
	// openView gives a registered view the focus (its Open runs).
	openView struct{ id viewID }
	// readStatement opens the reader pane on a statement.
	readStatement struct{ id int }
	// pickFilter opens the picker of speakers or topics.
	pickFilter struct{ kind pickerKind }
	// applyPick closes the picker and filters by what was chosen.
	applyPick struct {
		kind   pickerKind
		chosen []string
	}
)

func (goBack) isAction()        {}
func (openView) isAction()      {}
func (readStatement) isAction() {}
func (pickFilter) isAction()    {}
func (applyPick) isAction()     {}

// register adds a view to the root under id and returns it; a view with
// an open key adds the key to the timeline's.
func register[V view](m *Model, id viewID, v V) V {
	m.views[id] = v
	m.order = append(m.order, id)
	if b := v.OpenKey(); b != nil {
		m.opens = append(m.opens, opener{id, b})
	}
	return v
}

// lists reports whether a key map lists the binding b, enabled.
func lists(km help.KeyMap, b key.Binding) bool {
	for _, g := range km.FullHelp() {
		for _, x := range g {
			if x.Enabled() && x.Help() == b.Help() && slices.Equal(x.Keys(), b.Keys()) {
				return true
			}
		}
	}
	return false
}
