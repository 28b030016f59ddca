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

// checkPinyin reports pinyin annotations after characters (镇(zhèn)).
func checkPinyin(s string, out []Issue) []Issue {
	if !strings.ContainsAny(s, "(（") {
		return out
	}
	for _, m := range annotationRe.FindAllStringSubmatchIndex(s, -1) {
		if isPinyin(s[m[4]:m[5]]) {
			out = append(out, issue(s, m[2], m[3], report.Warning, CodeSuspicious, "pinyin annotation (injected by a site? remove it)"))
		}
	}
	return out
}
