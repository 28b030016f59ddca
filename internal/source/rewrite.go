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
