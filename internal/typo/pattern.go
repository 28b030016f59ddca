package typo

import (
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// The pattern rules of Check were written as regular expressions; running
// eight of them over every paragraph was most of the cost of checking a
// report. Each is now a hand-written matcher that finds what the
// expression found: the leftmost match at or after a given offset, with
// Go's leftmost-first choice among the matches that start there (greedy
// quantifiers, alternatives in order), so that successive calls give the
// non-overlapping matches FindAllStringSubmatchIndex gave. Every rule but
// two anchors on a run of ASCII digits (\d), which a text's digit runs,
// found once, lead the matchers to. The expression each matcher stands for
// is quoted above it; TestCheckOracle compares Check with the old one.

// digitRun is a maximal run of ASCII digits: s[a:b] (surveyCheck finds them).
type digitRun struct{ a, b int }

// match is a match of a pattern rule: s[a:b], its group 1 s[g:h].
type match struct{ a, b, g, h int }

// matcher names the matcher of a pattern rule. (A switch rather than a
// func value, so that the digit runs handed to it can stay on the stack.)
type matcher int

const (
	docNo matcher = iota
	lostDate
	twoYears
	yearShare
	yearAmount
	cnYear
	subscript
	bareMagnitude
)

// yearShareAfter and yearAmountAfter follow a figure that starts with a
// year: a % (2023%: a share never is) or a unit.
var (
	yearShareAfter  = []string{"%", "％"}
	yearAmountAfter = []string{"元", "万", "亿", "亩", "人", "户", "个", "家", "吨", "公里", "米", "平方", "次", "项", "台", "辆"}
)

// find returns the leftmost match at or after from in s, which sv
// surveyed.
func (m matcher) find(s string, from int, sv *checkSurvey) (match, bool) {
	runs := sv.runs
	switch m {
	case docNo:
		return findDocNo(s, from, runs)
	case lostDate:
		return findLostDate(s, from, runs)
	case twoYears:
		return findTwoYears(s, from, runs)
	case yearShare:
		return findYearFigure(s, from, runs, yearShareAfter)
	case yearAmount:
		return findYearFigure(s, from, runs, yearAmountAfter)
	case cnYear:
		return findCnYear(s, from, sv.years)
	case subscript:
		return findSubscript(s, from)
	case bareMagnitude:
		return findBareMagnitude(s, from, runs)
	}
	panic("typo: unknown matcher")
}

// patternRule is a check done with a pattern. Group 1 is what is reported;
// ok, if set, vets a match (a match vetted out still ends where it ends:
// the next one starts after it).
type patternRule struct {
	find  matcher
	level report.Level
	code  string
	what  string
	ok    func(s string, m []int) bool
}

// apply appends the issues of the rule's matches in s.
func (r patternRule) apply(s string, sv *checkSurvey, out []Issue) []Issue {
	for from := 0; from <= len(s); {
		m, found := r.find.find(s, from, sv)
		if !found {
			break
		}
		if r.ok == nil || r.ok(s, []int{m.a, m.b, m.g, m.h}) {
			out = append(out, issue(s, m.g, m.h, r.level, r.code, r.what))
		}
		from = m.b
	}
	return out
}

func isDigitByte(c byte) bool { return c-'0' <= 9 }

// digitsEnd returns the end of the run of ASCII digits at i.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigitByte(s[i]) {
		i++
	}
	return i
}

// decimalEnd returns the end of (?:\.\d+)? taken greedily at q, the end of
// a run of digits: past the decimal part if one follows, else q.
func decimalEnd(s string, q int) int {
	if q+1 < len(s) && s[q] == '.' && isDigitByte(s[q+1]) {
		return digitsEnd(s, q+1)
	}
	return q
}

// prefixAt returns the first of words that s[i:] starts with, or "".
func prefixAt(s string, i int, words []string) string {
	for _, w := range words {
		if strings.HasPrefix(s[i:], w) {
			return w
		}
	}
	return ""
}

// suffixBefore returns the first of words that s[:i] ends with, or "".
func suffixBefore(s string, i int, words []string) string {
	for _, w := range words {
		if strings.HasSuffix(s[:i], w) {
			return w
		}
	}
	return ""
}

var (
	docNoOpen  = []string{"〔", "［", "[", "【", "(", "（"}
	docNoClose = []string{"〕", "］", "]", "】", ")", "）"}
)

// findDocNo: ([〔［\[【(（]\d{4}[〕］\]】)）])\d{1,4}号 — the four digits are
// a whole run between the brackets, and the one to four after the closing
// bracket a whole run before 号 (more would leave a digit where a bracket
// or 号 must be).
func findDocNo(s string, from int, runs []digitRun) (match, bool) {
	for _, r := range runs {
		if r.b-r.a != 4 {
			continue
		}
		open := suffixBefore(s, r.a, docNoOpen)
		p := r.a - len(open)
		if open == "" || p < from {
			continue
		}
		cls := prefixAt(s, r.b, docNoClose)
		if cls == "" {
			continue
		}
		c := r.b + len(cls)
		n := digitsEnd(s, c)
		if n == c || n-c > 4 || !strings.HasPrefix(s[n:], "号") {
			continue
		}
		return match{p, n + len("号"), p, c}, true
	}
	return match{}, false
}

// isCentury reports whether s[p:p+2] is 19 or 20.
func isCentury(s string, p int) bool {
	return s[p] == '1' && s[p+1] == '9' || s[p] == '2' && s[p+1] == '0'
}

// findLostDate: ((?:19|20)\d{3,6})[月日] — the digits after 19 or 20 run
// to the end of their run (fewer would leave a digit before 月), so a match
// starts two to eight digits before the run's end: at the first 19 or 20
// from there.
func findLostDate(s string, from int, runs []digitRun) (match, bool) {
	for _, r := range runs {
		if r.b-r.a < 5 || !strings.HasPrefix(s[r.b:], "月") && !strings.HasPrefix(s[r.b:], "日") {
			continue
		}
		for p := max(r.a, r.b-8, from); p <= r.b-5; p++ {
			if isCentury(s, p) {
				return match{p, r.b + len("月"), p, r.b}, true
			}
		}
	}
	return match{}, false
}

// findTwoYears: ((?:19|20)\d{2}(?:19|20)\d{2})年 — the last eight digits
// of a run before 年.
func findTwoYears(s string, from int, runs []digitRun) (match, bool) {
	for _, r := range runs {
		p := r.b - 8
		if p < max(r.a, from) || !strings.HasPrefix(s[r.b:], "年") || !isCentury(s, p) || !isCentury(s, p+4) {
			continue
		}
		return match{p, r.b + len("年"), p, r.b}, true
	}
	return match{}, false
}

// findYearFigure: (20(?:19|2\d|30)\d*(?:\.\d+)?) followed by one of
// after — \d* takes the rest of the run and the decimal part all its
// digits (fewer would leave a digit before what follows), so whether a
// match ends there depends on the run only; it starts at the run's first
// 2019–2030 (four digits) at or after from.
func findYearFigure(s string, from int, runs []digitRun, after []string) (match, bool) {
	for _, r := range runs {
		if r.b-max(r.a, from) < 4 {
			continue
		}
		e := decimalEnd(s, r.b)
		w := prefixAt(s, e, after)
		if w == "" {
			continue
		}
		for p := max(r.a, from); p <= r.b-4; p++ {
			if s[p] == '2' && s[p+1] == '0' && (s[p+2] == '1' && s[p+3] == '9' || s[p+2] == '2' || s[p+2] == '3' && s[p+3] == '0') {
				return match{p, e + len(w), p, e}, true
			}
		}
	}
	return match{}, false
}

// yearNumerals are the characters of a year in Chinese numerals after its
// first: [〇零○一二三四五六七八九], each three bytes in UTF-8.
const yearNumerals = "〇零○一二三四五六七八九"

// isYearNumeralAt reports whether s[i:i+3] is one of yearNumerals.
func isYearNumeralAt(s string, i int) bool {
	for k := 0; k < len(yearNumerals); k += 3 {
		if s[i:i+3] == yearNumerals[k:k+3] {
			return true
		}
	}
	return false
}

// findCnYear: ([一二][〇零○一二三四五六七八九]{2})年 — three characters of
// three bytes each before a 年.
// years are where 年 stands in s, in order.
func findCnYear(s string, from int, years []int) (match, bool) {
	for _, y := range years {
		p := y - 9
		if p < from {
			continue
		}
		if w := s[p : p+3]; (w == "一" || w == "二") && isYearNumeralAt(s, p+3) && isYearNumeralAt(s, p+6) {
			return match{p, y + len("年"), p, y}, true
		}
	}
	return match{}, false
}

// findSubscript: ([A-Za-z]{1,4}_\d+(?:\.\d+)?) — an _ with a digit after it
// and a letter before it; the match starts at the fourth letter before the
// _ at most, and takes all the digits and the decimal part after it.
func findSubscript(s string, from int) (match, bool) {
	for at := from; at < len(s); {
		k := strings.IndexByte(s[at:], '_')
		if k < 0 {
			break
		}
		u := at + k
		at = u + 1
		if u+1 >= len(s) || !isDigitByte(s[u+1]) {
			continue
		}
		p := u
		for p > from && u-p < 4 && isASCIILetter(rune(s[p-1])) {
			p--
		}
		if p == u {
			continue
		}
		e := decimalEnd(s, digitsEnd(s, u+1))
		return match{p, e, p, e}, true
	}
	return match{}, false
}

// magnitudes are (?:万亿|[万亿]) in the order the expression tries them.
var magnitudes = []string{"万亿", "万", "亿"}

// clauseEnds are what may follow a figure left out: clause punctuation.
const clauseEnds = "，。；：、！？,;:!?）)"

// findBareMagnitude: (?m)(\d+(?:\.\d+)?(?:万亿|[万亿]))(?:[，。；：、！？,;:!?）)]|$)
// — a match starting anywhere in a run of digits ends where one starting
// at the run's start does; 万 before 亿 ends no match (the character after
// 万 is 亿, no clause end), so the first magnitude that matches decides.
func findBareMagnitude(s string, from int, runs []digitRun) (match, bool) {
	for _, r := range runs {
		p := max(r.a, from)
		if p >= r.b {
			continue
		}
		e := decimalEnd(s, r.b)
		mag := prefixAt(s, e, magnitudes)
		if mag == "" {
			continue
		}
		h := e + len(mag)
		c, n := utf8.DecodeRuneInString(s[h:])
		switch {
		case n > 0 && strings.ContainsRune(clauseEnds, c):
			return match{p, h + n, p, h}, true
		case h == len(s) || s[h] == '\n':
			return match{p, h, p, h}, true
		}
	}
	return match{}, false
}
