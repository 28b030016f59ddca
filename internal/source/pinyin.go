package source

import (
	"strings"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/typo"
)

// pinyinQuoteMax is how many removed annotations a finding quotes.
const pinyinQuoteMax = 5

// dropPinyin removes injected pinyin annotations (typo.PinyinAnnotations:
// 镇(zhèn), some sites' way to spoil copies), reporting them line by line.
// Parentheses holding anything else (稻虾(渔), 阜阳港(FYG), (a)) stay.
func (r *reader) dropPinyin() {
	for i := range r.lines {
		l := &r.lines[i]
		if l.drop || !hasToneMark(l.text) {
			continue
		}
		var cut []string
		var b strings.Builder
		last := 0
		for _, a := range typo.PinyinAnnotations(l.text) {
			b.WriteString(l.text[last:a[0]])
			cut = append(cut, l.text[a[0]:a[1]])
			last = a[1]
		}
		if len(cut) > 0 {
			b.WriteString(l.text[last:])
			l.text = b.String()
			r.find(l.n, report.Info, "pinyin", "removed %s, pinyin the site injected (%d on this line)", pinyinList(cut), len(cut))
		}
	}
}

// hasToneMark reports whether s may hold a vowel with a tone mark. Their
// UTF-8 lead bytes (0xC3 for à-ü, 0xC4, 0xC5 and 0xC7 for ā-ǜ) never occur
// in Chinese text, so four byte searches rule out almost every line.
func hasToneMark(s string) bool {
	for _, b := range []byte{0xC3, 0xC4, 0xC5, 0xC7} {
		if strings.IndexByte(s, b) >= 0 {
			return true
		}
	}
	return false
}

// pinyinList quotes the first few annotations.
func pinyinList(cut []string) string {
	s := strings.Join(cut[:min(len(cut), pinyinQuoteMax)], " ")
	if len(cut) > pinyinQuoteMax {
		s += " …"
	}
	return quote(s)
}
