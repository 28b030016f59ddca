package source

// Rewrite returns p with its text replaced by text, a rewritten form of
// p.Text; newOff maps a byte offset in p.Text to the matching offset in text,
// so that line numbers stay right after a normalisation.
func (p Para) Rewrite(text string, newOff func(old int) int) Para {
	q := p
	q.Text = text
	q.breaks = make([]lineBreak, len(p.breaks))
	for i, b := range p.breaks {
		q.breaks[i] = lineBreak{newOff(b.off), b.line}
	}
	return q
}

// Split returns the text of p cut at the given byte offsets, each piece a
// paragraph of its own with its lines right. Offsets must be increasing.
func (p Para) Split(cuts ...int) []Para {
	out := make([]Para, 0, len(cuts)+1)
	prev := 0
	for _, c := range append(cuts, len(p.Text)) {
		out = append(out, p.Slice(prev, c))
		prev = c
	}
	return out
}
