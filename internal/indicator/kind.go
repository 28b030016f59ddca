package indicator

import (
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/typo"
)

// planTitle reports whether a part's title announces a plan (2024年工作
// 安排, 目标任务, a year after the report's) or a review (2023年工作回顾, a
// year not after the report's); decided is false when it says neither
// (切实加强政府自身建设), and the part goes on as the one before it. A
// review's own words win: 2023年目标任务完成情况 is a review.
func planTitle(title string, year int) (plan, decided bool) {
	switch y := lastYear(title); {
	case containsAny(title, reviewWords):
		return false, true
	case containsAny(title, planWords):
		return true, true
	case y != 0 && year != 0:
		return y > year, true
	}
	return false, false
}

// hasTargetMarker reports whether s announces a target: 力争, 确保, or 将
// and 计划 followed by a verb (将达到, 计划投资, but not 年度计划的). In a
// review, 确保 and 争取 tell what was secured (争取上级资金), not a goal.
//
// has are the keys of a text that holds s (keys.go): a marker whose first
// character it lacks is not looked for.
func hasTargetMarker(s string, review bool, has keys) bool {
	ms := targetMarkers
	if review {
		ms = ms[:len(ms)-len(pastInReview)]
	}
	for _, m := range ms {
		if has&firstKey(m) != 0 && markerIn(s, m) {
			return true
		}
	}
	for _, m := range []string{"将", "计划"} {
		if has&firstKey(m) == 0 {
			continue
		}
		for rest := s; ; {
			i := strings.Index(rest, m)
			if i < 0 {
				break
			}
			rest = rest[i+len(m):]
			if prefixIn(rest, targetVerbs) != "" {
				return true
			}
		}
	}
	return false
}

// markerIn reports whether s holds one of ms as a marker, not as part of
// another word (人均预期寿命, 模拟) nor done already (确保了, 争取到).
func markerIn(s string, ms ...string) bool {
	for _, m := range ms {
		for i := 0; ; {
			j := strings.Index(s[i:], m)
			if j < 0 {
				break
			}
			i += j
			if isMarkerAt(s, i, m) && !charBefore(firstRunes(s[i+len(m):], 1), done[m]) {
				return true
			}
			i += len(m)
		}
	}
	return false
}

// isMarkerAt reports whether the marker m at byte i of s is one, not part
// of another word.
func isMarkerAt(s string, i int, m string) bool {
	not := inWord[m]
	return !charBefore(s[:i], not[0]) && !charBefore(firstRunes(s[i+len(m):], 1), not[1])
}

// estimatesBelow reports whether s says that every figure after it is an
// estimate: 预计（下同）.
func estimatesBelow(s string) bool {
	i := strings.Index(s, estimateMarker)
	return i >= 0 && strings.Contains(firstRunes(s[i:], 6), "下同")
}

// lastYear returns the last year s names (2023年, 2023年度) that is not a
// base of comparison (比2020年), or 0.
func lastYear(s string) int {
	// The 年 of each year from the last back, the first that fits wins.
	for n := len(s) - 1; n >= 6; n-- {
		if s[n] != 0xB4 || s[n-1] != 0xB9 || s[n-2] != 0xE5 { // 年 is E5 B9 B4 in UTF-8
			continue
		}
		i := n - 2 - 4
		if i < 0 || i > 0 && isDigit(rune(s[i-1])) {
			continue
		}
		y := 0
		for _, c := range []byte(s[i : i+4]) {
			if c < '0' || c > '9' {
				y = -1
				break
			}
			y = y*10 + int(c-'0')
		}
		if y >= 1990 && y <= 2100 && suffixIn(s[:i], yearBases) == "" {
			return y
		}
	}
	return 0
}

// yearBases, before a year, make it the base of a comparison (比2020年).
var yearBases = []string{"比", "较", "与", "同", "自", "从", "由", "相比"}

// kindYear decides whether a figure is a result or a target, and its year,
// and whether it is an estimate of a result. A year named in the sentence
// decides when there is one; otherwise a plan part or a target marker
// (力争, 确保) makes a target. 预计 makes a target in a plan and an
// estimated actual elsewhere. Targets in a plan are for the year after the
// report's; an estimate in a review (预计全年…) is for the report's own year.
// The year is 0 when neither the sentence nor the report names one.
func (x *extractor) kindYear(st *sentence, before string) (kind string, year int, estimate bool) {
	marked := st.target || x.hasTargetMarker(before)
	named := st.year
	if y := x.clauseYear(before); y != 0 {
		named = y
	}
	kind = Actual
	if marked || x.plan {
		kind = Target
	}
	switch {
	case named != 0 && x.year != 0 && named > x.year:
		kind = Target
	case named != 0 && x.year != 0 && !marked:
		kind = Actual
	}
	year = named
	switch {
	case year == 0 && kind == Target && x.plan && x.horizon != 0:
		year = x.horizon
	case year == 0 && x.year != 0:
		year = x.year
		if kind == Target && x.plan {
			year++
		}
	}
	estimate = kind == Actual && (st.estimate || x.estimate || x.estimated(before))
	return kind, year, estimate
}

// namedYear is the year s names: the last one written out, the end of a
// five-year plan (到“十五五”末), or 明年 (the year after the one a part is
// about).
func (x *extractor) namedYear(s string) int {
	if y := lastYear(s); y != 0 {
		return y
	}
	if strings.Contains(s, "末") {
		for rest := s; ; {
			y, end := fiveYearPlan(rest)
			if y == 0 {
				break
			}
			base := rest[:len(rest)-len(end)]
			base = strings.TrimRight(base[:lastIndex(base, "十")], "“‘\"")
			if prefixIn(end, []string{"末", "期末", "时期末", "末期"}) != "" && suffixIn(base, []string{"较", "比", "同", "与", "相比", "从", "由", "自"}) == "" {
				return y // not the base of a comparison or a change: 较“十三五”末期翻一番, 从“十三五”末的
			}
			rest = end
		}
	}
	if x.year != 0 && strings.Contains(s, "明年") {
		if x.plan {
			return x.year + 2
		}
		return x.year + 1
	}
	return 0
}

// isFeatured reports whether a label names a standard statistical
// indicator: it ends with one (限上社会消费品零售额) or starts with one
// (招商引资到位资金). 万元地区生产总值能耗 merely mentions one. An
// abbreviation in brackets after it (国民生产总值（GDP）) is no part of the
// name, and a change over years (地区生产总值年均增长) is not the year's
// figure, nor is the figure of a partner (对东盟进出口).
func isFeatured(label string) bool {
	label = dropBracketed(label)
	if strings.HasPrefix(label, partner) || prefixIn(label, impactVerbs) != "" {
		return false // 对东盟进出口 is trade with a partner; 带动进出口 what a project brought
	}
	if featuredIndex.suffix(label) != "" || featuredIndex.prefix(label) != "" {
		return withoutAverage(label) == label
	}
	return false
}

// impactVerbs start the label of what something else brought about: 带动
// 进出口415.4亿元 is not the total.
var impactVerbs = []string{"带动", "拉动", "撬动", "吸引", "促进"}

// dropBracketed removes a bracketed ending from a label: 国民生产总值（GDP）.
func dropBracketed(label string) string {
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if t, ok := strings.CutSuffix(label, b[1]); ok {
			if i := lastIndex(t, b[0]); i > 0 {
				return t[:i]
			}
		}
	}
	return label
}

// hasStreak reports whether s holds a streak (连续18年保持在100万吨以上): the
// figures after it tell what held over the years, not the year's figure.
func hasStreak(s string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], "连续")
		if j < 0 {
			return false
		}
		i += j
		if yearsSpanAt(s[i:]) > 0 {
			return true
		}
		i += len("连续")
	}
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// table extracts the figures of a table, row by row. A figure that names
// nothing in its own cell takes the row's first cell as its label.
func (x *extractor) table(b *report.Block) {
	for _, row := range b.Rows {
		if len(row) < 2 {
			continue
		}
		text := strings.Join(row, " | ")
		for _, cell := range row[1:] {
			n := len(x.out)
			x.load(cell)
			x.sentence(b.ID, 0, len(cell), x.ends)
			for i := n; i < len(x.out); i++ {
				if x.out[i].Label == "" {
					x.out[i].Label = strings.TrimSpace(row[0])
					head, _ := typo.Fold(x.out[i].Label)
					x.out[i].Featured = isFeatured(head)
				}
				x.out[i].Text = text
			}
		}
	}
}

// periodEnd returns the last year of the period a plan part's title names:
// a five-year plan (“十五五”主要目标任务 → 2030), or 今后五年 / 未来五年 from
// the report's year; 0 when it names none.
func (x *extractor) periodEnd(title string) int {
	if y, _ := fiveYearPlan(title); y != 0 {
		return y
	}
	if x.year != 0 && containsAny(title, []string{"今后五年", "未来五年"}) {
		return x.year + 5
	}
	return 0
}

// fiveYearPlan returns the last year of the five-year plan s names
// (十四五 → 2025, 十五五 → 2030), and the text after the name; 0 when s
// names none. The Nth plan since the third ends in 1955+5N.
func fiveYearPlan(s string) (int, string) {
	for i := 0; ; {
		j := strings.Index(s[i:], "十")
		if j < 0 {
			return 0, ""
		}
		i += j + len("十")
		d, w := utf8.DecodeRuneInString(s[i:])
		n, ok := cnDigitValue(d)
		if !ok || n == 0 {
			continue
		}
		if after, ok := strings.CutPrefix(s[i+w:], "五"); ok {
			return 1955 + 5*int(10+n), strings.TrimLeft(after, "”’\"")
		}
	}
}
