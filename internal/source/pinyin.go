package source

import (
	"regexp"
	"strings"

	"github.com/govreport/govreport/internal/report"
)

// Pinyin annotations: some sites inject the reading of a character after
// it, 镇(zhèn), to spoil copies. An annotation is a pinyin syllable with a
// tone mark in parentheses, right after a Chinese character.
var (
	pinyinRe       = regexp.MustCompile(`\p{Han}([(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)）])`)
	syllableRe     = regexp.MustCompile(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv]{1,3}(?:ng|n|r)?$`)
	toneless       = strings.NewReplacer("ā", "a", "á", "a", "ǎ", "a", "à", "a", "ē", "e", "é", "e", "ě", "e", "è", "e", "ī", "i", "í", "i", "ǐ", "i", "ì", "i", "ō", "o", "ó", "o", "ǒ", "o", "ò", "o", "ū", "u", "ú", "u", "ǔ", "u", "ù", "u", "ǖ", "ü", "ǘ", "ü", "ǚ", "ü", "ǜ", "ü")
	pinyinQuoteMax = 5 // annotations quoted in a finding
)

// dropPinyin removes injected pinyin annotations, reporting them line by
// line. Parentheses holding anything else (稻虾(渔), 阜阳港(FYG), (a)) stay.
func (r *reader) dropPinyin() {
	for i := range r.lines {
		l := &r.lines[i]
		if l.drop || !hasToneMark(l.text) {
			continue
		}
		var cut []string
		l.text = pinyinRe.ReplaceAllStringFunc(l.text, func(m string) string {
			sub := pinyinRe.FindStringSubmatch(m)
			if !isPinyin(sub[2]) {
				return m
			}
			cut = append(cut, sub[1])
			return strings.TrimSuffix(m, sub[1])
		})
		if len(cut) > 0 {
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

// isPinyin reports whether s is one pinyin syllable with a tone mark.
func isPinyin(s string) bool {
	plain := toneless.Replace(s)
	return plain != s && syllableRe.MatchString(strings.ToLower(plain))
}

// pinyinList quotes the first few annotations.
func pinyinList(cut []string) string {
	s := strings.Join(cut[:min(len(cut), pinyinQuoteMax)], " ")
	if len(cut) > pinyinQuoteMax {
		s += " …"
	}
	return quote(s)
}
