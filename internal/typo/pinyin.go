package typo

import (
	"regexp"
	"strings"

	"github.com/govreport/govreport/internal/report"
)

// Pinyin annotations: some sites inject the reading of a character after
// it, 镇(zhèn), to spoil copies. The reader removes them from text files;
// here they are left half-width (never made （zhèn）) and reported.
var (
	annotationRe = regexp.MustCompile(`\p{Han}([(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)）])`)
	syllableRe   = regexp.MustCompile(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv]{1,3}(?:ng|n|r)?$`)
	toneless     = strings.NewReplacer("ā", "a", "á", "a", "ǎ", "a", "à", "a", "ē", "e", "é", "e", "ě", "e", "è", "e", "ī", "i", "í", "i", "ǐ", "i", "ì", "i", "ō", "o", "ó", "o", "ǒ", "o", "ò", "o", "ū", "u", "ú", "u", "ǔ", "u", "ù", "u", "ǖ", "ü", "ǘ", "ü", "ǚ", "ü", "ǜ", "ü")
)

// isPinyin reports whether s is one pinyin syllable with a tone mark.
func isPinyin(s string) bool {
	plain := toneless.Replace(s)
	return plain != s && syllableRe.MatchString(strings.ToLower(plain))
}

// PinyinAnnotations returns where s holds pinyin annotations after a
// Chinese character, (zhèn) in 镇(zhèn): byte ranges of the bracketed
// syllable. Brackets holding anything else (稻虾(渔), 阜阳港(FYG)) are not.
func PinyinAnnotations(s string) [][2]int {
	if !strings.ContainsAny(s, "(（") {
		return nil
	}
	var out [][2]int
	for _, m := range annotationRe.FindAllStringSubmatchIndex(s, -1) {
		if isPinyin(s[m[4]:m[5]]) {
			out = append(out, [2]int{m[2], m[3]})
		}
	}
	return out
}

// checkPinyin reports pinyin annotations after characters (镇(zhèn)).
func checkPinyin(s string, out []Issue) []Issue {
	for _, r := range PinyinAnnotations(s) {
		out = append(out, issue(s, r[0], r[1], report.Warning, CodeSuspicious, "pinyin annotation (injected by a site? remove it)"))
	}
	return out
}
