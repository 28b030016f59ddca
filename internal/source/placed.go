package source

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// dropPlacedChrome removes lines that are wrappers only by where they
// stand: before the body (index lo), the site's name among other wrappers
// (沈村镇人民政府 between • 长辈版 and the breadcrumb), a category tag
// (| 报告 |) and an article heading (篇一:…); anywhere, a page number alone
// on a line between paragraphs.
func (r *reader) dropPlacedChrome(lo int) {
	for i := range r.lines {
		l := &r.lines[i]
		switch {
		case l.drop || l.text == "":
		case i < lo && isSiteName(l.text) && r.amidWrappers(i):
			r.dropLine(l, report.Info, "chrome", "removed the site's name %s among the page furniture")
		case i < lo && tagLineRe.MatchString(l.text) && !r.pipeNear(i):
			r.dropLine(l, report.Info, "chrome", "removed the site's category tag %s")
		case i < lo && articleRe.MatchString(l.text) && !strings.Contains(l.text, "。"):
			r.dropLine(l, report.Info, "chrome", "removed the site's article heading %s")
		case r.isBarePageNumber(i):
			r.dropLine(l, report.Info, "page-number", "removed the page number %s, a line of its own")
		}
	}
}

// siteNameEnds are the endings of the names of the organisations and
// portals whose sites carry reports.
var siteNameEnds = []string{"人民政府", "政府", "办事处", "管委会", "委员会", "网站", "门户", "政务网", "政府网", "信息网"}

// isSiteName reports a short line that is only the name of an organisation
// or portal: 沈村镇人民政府, XX县政府门户网站.
func isSiteName(s string) bool {
	if !shorter(s, 24) || strings.TrimFunc(s, isHan) != "" {
		return false
	}
	for _, e := range siteNameEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// amidWrappers reports whether the lines around line i were removed as
// wrappers: the next line with text and the previous one, if any.
func (r *reader) amidWrappers(i int) bool {
	p, n := r.neighbour(i, -1), r.neighbour(i, 1)
	return n >= 0 && r.lines[n].drop && (p < 0 || r.lines[p].drop)
}

// neighbour returns the index of the nearest line before (step -1) or after
// (step 1) line i that is not blank, removed or not; -1 if none.
func (r *reader) neighbour(i, step int) int {
	for j := i + step; j >= 0 && j < len(r.lines); j += step {
		if r.lines[j].text != "" || r.lines[j].drop {
			return j
		}
	}
	return -1
}

var (
	// tagLineRe matches a lone cell: a category tag such as | 报告 |.
	tagLineRe = regexp.MustCompile(`^[|｜][\s　]*[^|｜\s　]{1,8}[\s　]*[|｜]$`)
	// articleRe matches the heading a 范文 site puts before each
	// article it collects: 篇一:….
	articleRe = regexp.MustCompile(`^篇[一二三四五六七八九十]{1,3}[\s　]*[:：]`)
)

// pipeNear reports whether a line next to line i holds a |, as the rows of
// a flattened table do.
func (r *reader) pipeNear(i int) bool {
	for _, j := range []int{r.neighbour(i, -1), r.neighbour(i, 1)} {
		if j >= 0 && hasPipe(r.lines[j].text) {
			return true
		}
	}
	return false
}

// pageNeighbourMin is the length, in characters, of the lines of prose
// that make a lone number between them a page number.
const pageNeighbourMin = 15

// isBarePageNumber reports a line holding only a number between two lines
// of prose whose second starts with a Chinese character: a page number
// copied with the text. Lines of prose are long, hold no | and at least one
// of them a comma or full stop; and no other lone number stands next to
// them, as one does in a table flattened one cell per line.
func (r *reader) isBarePageNumber(i int) bool {
	if !isSmallNumber(r.lines[i].text) {
		return false
	}
	p, n := r.nextText(i, -1), r.nextText(i, 1)
	if p < 0 || n < 0 || r.lonelyNumberAt(r.nextText(p, -1)) || r.lonelyNumberAt(r.nextText(n, 1)) {
		return false
	}
	a, b := r.lines[p].text, r.lines[n].text
	first, _ := utf8.DecodeRuneInString(b)
	return !shorter(a, pageNeighbourMin-1) && !shorter(b, pageNeighbourMin-1) && !hasPipe(a) && !hasPipe(b) &&
		(isHan(first) || strings.ContainsRune("“（《", first)) && (hasClausePunct(a) || hasClausePunct(b))
}

// lonelyNumberAt reports whether line i (if any) holds only a number.
func (r *reader) lonelyNumberAt(i int) bool { return i >= 0 && isSmallNumber(r.lines[i].text) }

// hasClausePunct reports a comma, full stop or semicolon, as prose has.
func hasClausePunct(s string) bool { return strings.ContainsAny(s, "，。；,;") }

// isSmallNumber reports whether s is one to three ASCII digits.
func isSmallNumber(s string) bool {
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
