package outline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// humanDateRe is a day written as people write it once its numerals are
// Arabic: 2024-01-27, 2024/1/27, 2024.1.27, 2024年1月27日, with spaces
// or a time of day after it.
var humanDateRe = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2})?)?$`)

// cnNumberRe is a run of Chinese numerals.
var cnNumberRe = regexp.MustCompile(`[〇零○一二三四五六七八九十]+`)

// ParseDate reads a day written any way a person would — 2024-01-27,
// 2024/1/27, 2024.1.27, 2024年1月27日, ２０２４年１月２７日,
// 二〇二四年一月二十七日 — and returns it as YYYY-MM-DD; false when s names
// no real day.
func ParseDate(s string) (string, bool) {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + r - '０'
		}
		return r
	}, strings.TrimSpace(s))
	s = cnNumberRe.ReplaceAllStringFunc(s, cnDateNumber)
	m := humanDateRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	iso := isoDate(m[1], m[2], m[3])
	return iso, iso != ""
}

// cnDateNumber writes a run of Chinese numerals in digits: a year digit
// by digit (二〇二四 → 2024), a month or day by value (二十七 → 27); a run
// it cannot read is left as it is.
func cnDateNumber(s string) string {
	if utf8.RuneCountInString(s) == 4 && !strings.ContainsRune(s, '十') {
		return strconv.Itoa(yearNumber(s))
	}
	if n, size := cnNumber(s); n > 0 && size == len(s) {
		return strconv.Itoa(n)
	}
	return s
}

// dateKeys are the front matter's dates: the report's, and the portal's
// 成文日期 and 发布日期.
var dateKeys = []struct {
	key string
	get func(*report.Meta) *string
}{
	{"date", func(m *report.Meta) *string { return &m.Date }},
	{"written_date", func(m *report.Meta) *string { return &m.WrittenDate }},
	{"pub_date", func(m *report.Meta) *string { return &m.PubDate }},
}

// normalizeDates writes the front matter's dates YYYY-MM-DD, reporting
// each one written otherwise; a date it cannot read is left for Check.
func normalizeDates(m *report.Meta) []report.Finding {
	var fs []report.Finding
	for _, k := range dateKeys {
		v := k.get(m)
		if iso, ok := ParseDate(*v); ok && iso != *v {
			fs = append(fs, report.Finding{Level: report.Info, Code: "date",
				Message: fmt.Sprintf("%s %q read as %s: dates are written YYYY-MM-DD", k.key, *v, iso)})
			*v = iso
		}
	}
	return fs
}
