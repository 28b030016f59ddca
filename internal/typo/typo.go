package typo

import "strings"

// Change is one normalisation made to a text.
type Change struct {
	Off  int    // byte offset of the change in the NEW (normalised) text
	Old  string // what was there
	New  string // what it became
	Code string // "punct", "dash", "ocr", "space"
}

// Change codes.
const (
	CodePunct = "punct" // half-width punctuation or straight quotes made full-width
	CodeDash  = "dash"  // 一一, --, a lone —, ... made —— or ……
	CodeOCR   = "ocr"   // an OCR slip repaired
	CodeSpace = "space" // a space between a number and its unit removed
)

// Normalize returns s in canonical typography and the changes it made, in
// order. Only the rules listed in the package documentation change anything;
// when none applies, s itself and a nil slice are returned, without
// allocating.
func Normalize(s string) (string, []Change) {
	return normalize(s, surveyOf(s))
}

// normalize is Normalize for s, which holds has (surveyOf): the rules that
// look for what s lacks are passed over.
func normalize(s string, has survey) (string, []Change) {
	lists, n := newPlanner(s, has).plan()
	if n == 0 {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s) + 3*n)
	changes := make([]Change, 0, n)
	last := 0
	for range n {
		e := nextEdit(lists[:])
		b.WriteString(s[last:e.start])
		changes = append(changes, Change{Off: b.Len(), Old: s[e.start:e.end], New: e.repl, Code: e.code})
		b.WriteString(e.repl)
		last = e.end
	}
	b.WriteString(s[last:])
	return b.String(), changes
}

// Undo applies the changes in reverse and returns the original text:
// Undo(Normalize(s)) == s for every s. Changes that do not fit the text
// (offsets out of range) are skipped rather than panicking.
func Undo(normalised string, changes []Change) string {
	if len(changes) == 0 {
		return normalised
	}
	if !inOrder(normalised, changes) {
		return undoSlow(normalised, changes)
	}
	// The usual case: one forward pass, writing Old where New stands.
	var b strings.Builder
	b.Grow(len(normalised))
	last := 0
	for _, c := range changes {
		b.WriteString(normalised[last:c.Off])
		b.WriteString(c.Old)
		last = c.Off + len(c.New)
	}
	b.WriteString(normalised[last:])
	return b.String()
}

// inOrder reports whether changes are sorted, do not overlap and each New
// stands at its offset, so that the forward pass equals reverse application.
func inOrder(t string, changes []Change) bool {
	prev := 0
	for _, c := range changes {
		end := c.Off + len(c.New)
		if c.Off < prev || end > len(t) || t[c.Off:end] != c.New {
			return false
		}
		prev = end
	}
	return true
}

// undoSlow applies changes one at a time from the last to the first.
func undoSlow(t string, changes []Change) string {
	for i := len(changes) - 1; i >= 0; i-- {
		c := changes[i]
		end := c.Off + len(c.New)
		if c.Off < 0 || end < c.Off || end > len(t) {
			continue
		}
		t = t[:c.Off] + c.Old + t[end:]
	}
	return t
}
