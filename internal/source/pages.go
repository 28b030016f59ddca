package source

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/govreport/govreport/internal/report"
)

// pageMarkers finds the sharing site's page markers — 1、 on the first
// content line, then 2、 3、 … at line starts — removes them and marks their
// lines to be joined to the previous line with no separator, since the
// markers cut words in half (非税收 / 2、入XX万元). Only the expected next
// number counts: any other N、 is the report's own list marker.
//
// Without a sharing-site header the mode needs evidence: at least two
// markers in sequence, and one of them cutting a long line mid-word (a list
// 1、…。 2、…。 ends its items with punctuation).
func (r *reader) pageMarkers() {
	idx := r.content()
	first := r.firstMarker(idx)
	if first < 0 {
		return
	}
	marks := []int{idx[first]}
	for _, i := range idx[first+1:] {
		if n, _, ok := leadingMarker(r.lines[i].text); ok && n == len(marks)+1 {
			marks = append(marks, i)
		}
	}
	if !r.header && (len(marks) < 2 || !r.cutsWords(marks[1:])) {
		return
	}
	for _, i := range marks {
		l := &r.lines[i]
		_, size, _ := leadingMarker(l.text)
		how := "and joined the line to the previous one"
		if i == marks[0] {
			how = "(the first page)"
		}
		r.find(l.n, report.Info, "page-marker", "removed the page marker %s %s", quote(l.text[:size]), how)
		l.text = l.text[size:]
		l.join = i != marks[0] // page one continues nothing
	}
}

// firstMarker returns the position in idx of the 1、 that starts page one:
// the first content line, or with a sharing-site header one of the first
// three (a banner may come first).
func (r *reader) firstMarker(idx []int) int {
	limit := 1
	if r.header {
		limit = 3
	}
	for k := 0; k < len(idx) && k < limit; k++ {
		if n, _, ok := leadingMarker(r.lines[idx[k]].text); ok && n == 1 {
			return k
		}
	}
	return -1
}

// cutsWords reports whether some marker follows a long line that stops
// mid-word, as a page break does.
func (r *reader) cutsWords(marks []int) bool {
	for _, i := range marks {
		p := r.nextText(i, -1)
		if p < 0 {
			continue
		}
		t := r.lines[p].text
		last, _ := lastRune(t)
		if !shorter(t, 39) && (unicode.IsLetter(last) || unicode.IsDigit(last)) {
			return true
		}
	}
	return false
}

// leadingMarker parses N、 (or a doubled N、、) at the start of s, returning
// N and the marker's length in bytes.
func leadingMarker(s string) (n, size int, ok bool) {
	d := 0
	for d < len(s) && d < 6 && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d == 0 || !strings.HasPrefix(s[d:], "、") {
		return 0, 0, false
	}
	size = d
	for strings.HasPrefix(s[size:], "、") {
		size += len("、")
	}
	n, err := strconv.Atoi(s[:d])
	return n, size, err == nil
}
