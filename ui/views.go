package ui

// registerViews registers the reader's views: a new view is a file of its
// own and one line here. A view with an open key (OpenKey) opens from the
// timeline by it, and the timeline's help lists the key, in this order.
func (m *Model) registerViews() {
	m.ld = register(m, focusLoading, newLoadingView(m.programContext))
	m.tl = register(m, focusTimeline, newTimeline(m.programContext))
	m.rd = register(m, focusReader, newReader(m.programContext))
	m.pk = register(m, focusPicker, newPicker(m.programContext))
	register(m, focusWarnings, newWarningsView(m.programContext))
	m.cv = register(m, focusCompare, newCompareView(m.programContext))
	m.ex = register(m, focusExport, newExportDialog(m.programContext))
	m.hp = register(m, focusHelp, newHelpView(m.programContext))
}
