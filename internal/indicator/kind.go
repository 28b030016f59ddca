package indicator

import (
	"strings"

	"github.com/govreport/govreport/internal/report"
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

// hasTargetMarker reports whether s announces a target: 力争, 预计, or 将
// and 计划 followed by a verb (将达到, 计划投资, but not 年度计划的).
func hasTargetMarker(s string) bool {
	if containsAny(s, targetMarkers) {
		return true
	}
	for _, m := range []string{"将", "计划"} {
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

// lastYear returns the last year s names (2023年, 2023年度) that is not a
// base of comparison (比2020年), or 0.
func lastYear(s string) int {
	year := 0
	for i := 0; i+4 < len(s); i++ {
		if !strings.HasPrefix(s[i+4:], "年") || i > 0 && isDigit(rune(s[i-1])) {
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
		if y >= 1990 && y <= 2100 && suffixIn(s[:i], []string{"比", "较", "与", "同", "自", "从", "相比"}) == "" {
			year = y
		}
	}
	return year
}

// kindYear decides whether a figure is a result or a target, and its year.
// A year named in the sentence decides when there is one; otherwise a plan
// part or a marker (力争, 预计) makes a target. Targets in a plan are for
// the year after the report's; an estimate in a review (预计全年…) is for
// the report's own year.
func (x *extractor) kindYear(st *sentence, before string) (string, int) {
	marked := st.target || hasTargetMarker(before)
	named := st.year
	if y := x.namedYear(before); y != 0 {
		named = y
	}
	kind := Actual
	if marked || x.plan {
		kind = Target
	}
	switch {
	case named != 0 && x.year != 0 && named > x.year:
		kind = Target
	case named != 0 && x.year != 0 && !marked:
		kind = Actual
	}
	year := named
	if year == 0 && x.year != 0 {
		year = x.year
		if kind == Target && x.plan {
			year++
		}
	}
	return kind, year
}

// namedYear is the year s names: the last one written out, or 明年 (the
// year after the one a part is about).
func (x *extractor) namedYear(s string) int {
	if y := lastYear(s); y != 0 {
		return y
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
// (招商引资到位资金). 万元地区生产总值能耗 merely mentions one.
func isFeatured(label string) bool {
	for _, t := range featuredTerms {
		if strings.HasSuffix(label, t) || strings.HasPrefix(label, t) {
			return true
		}
	}
	return false
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
			x.sentence(b.ID, cell)
			for i := n; i < len(x.out); i++ {
				if x.out[i].Label == "" {
					x.out[i].Label = strings.TrimSpace(row[0])
					x.out[i].Featured = isFeatured(x.out[i].Label)
				}
				x.out[i].Text = text
			}
		}
	}
}
