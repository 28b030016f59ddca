package source

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/govreport/govreport/internal/report"
)

// Tables of contents: 目录, then headings with dot leaders and page numbers.
var (
	tocLeaderRe = regexp.MustCompile(`(?:[.．。·…\-—_]{2,}|[ \t　]+)[ \t　]*\d{1,3}$|^\d{1,3}$`)
	tocLimit    = 40 // content lines searched for 目录
	tocMaxLen   = 50 // characters in a contents entry
)

// dropTOC removes a table of contents before the report. It ends where the
// body starts: a heading repeats, or the title or salutation appears. If it
// ends only at the first line of prose, just the entries up to the last one
// with a page number are removed, since the lines after may be the body.
func (r *reader) dropTOC() {
	idx := r.content()
	for k := 0; k < len(idx) && k < tocLimit; k++ {
		if stripSpaces(r.lines[idx[k]].text) == "目录" {
			r.removeTOC(idx, k)
			return
		}
	}
}

func (r *reader) removeTOC(idx []int, k int) {
	seen := map[string]bool{}
	end, lastNumbered := -1, -1
	for j := k + 1; j < len(idx) && end < 0; j++ {
		t := r.lines[idx[j]].text
		key := tocKey(t)
		numbered := tocLeaderRe.MatchString(t)
		switch {
		case isSalutation(t) || seen[key] || !numbered && isReportTitle(t):
			end = j
		case !shorter(t, tocMaxLen) || endsSentence(t):
			end = lastNumbered + 1
			if lastNumbered < 0 {
				return // no page numbers: not sure this is a contents list
			}
		default:
			seen[key] = key != ""
			if numbered {
				lastNumbered = j
			}
		}
	}
	if end < 0 {
		end = lastNumbered + 1
	}
	if end <= k+1 {
		return
	}
	for _, i := range idx[k:end] {
		r.lines[i].drop = true
	}
	r.find(r.lines[idx[k]].n, report.Info, "toc", "removed a table of contents (lines %d-%d)",
		r.lines[idx[k]].n, r.lines[idx[end-1]].n)
}

// tocKey is a contents entry without spaces, leader and page number, to
// compare with the body's headings.
func tocKey(s string) string {
	return stripSpaces(tocLeaderRe.ReplaceAllString(s, ""))
}

// unspaceTitles closes up lines spaced out character by character, as
// titles are (政 府 工 作 报 告, 2 0 2 3 年).
func (r *reader) unspaceTitles() {
	for i := range r.lines {
		l := &r.lines[i]
		if !l.drop && isSpacedOut(l.text) {
			r.find(l.n, report.Info, "space", "removed the spaces in %s", quote(l.text))
			l.text = stripSpaces(l.text)
		}
	}
}

// isSpacedOut reports a short line whose words are mostly single
// characters: at least three of them Han, or four with one Han (2 0 2 3 年).
func isSpacedOut(s string) bool {
	if !shorter(s, 60) || hasPipe(s) || !hasHSpace(s) {
		return false
	}
	fields := strings.FieldsFunc(s, isHSpace)
	single, han := 0, 0
	for _, f := range fields {
		rs := []rune(f)
		if len(rs) > 2 || len(rs) == 2 && !unicode.IsPunct(rs[1]) {
			continue
		}
		single++
		if unicode.Is(unicode.Han, rs[0]) {
			han++
		}
	}
	return (han >= 3 || han >= 1 && single >= 4) && single*5 >= len(fields)*3
}
