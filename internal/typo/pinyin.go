package typo

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// Pinyin annotations: some sites inject the reading of a character after
// it, 镇(zhèn), to spoil copies. The reader removes them from text files;
// here they are left half-width (never made （zhèn）) and reported.
var (
	syllableRe = regexp.MustCompile(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv]{1,3}(?:ng|n|r)?$`)
	toneless   = strings.NewReplacer("ā", "a", "á", "a", "ǎ", "a", "à", "a", "ē", "e", "é", "e", "ě", "e", "è", "e", "ī", "i", "í", "i", "ǐ", "i", "ì", "i", "ō", "o", "ó", "o", "ǒ", "o", "ò", "o", "ū", "u", "ú", "u", "ǔ", "u", "ù", "u", "ǖ", "ü", "ǘ", "ü", "ǚ", "ü", "ǜ", "ü")
)

// pinyinLetters are the letters a pinyin syllable is written with, besides
// a-z and A-Z.
const pinyinLetters = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"

func isPinyinLetter(r rune) bool {
	return r < utf8.RuneSelf && isASCIILetter(r) || r >= utf8.RuneSelf && strings.ContainsRune(pinyinLetters, r)
}

// findAnnotation returns the leftmost match at or after from of what was
// the expression \p{Han}([(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)）]), as
// FindStringSubmatchIndex gives it: a Chinese character, an opening
// bracket, one to six letters — all the letters there (with more, a letter
// stands where the closing bracket must) — and a closing bracket.
func findAnnotation(s string, from int) ([6]int, bool) {
	for k := from; k < len(s); k++ {
		open := 0
		switch {
		case s[k] == '(':
			open = 1
		case s[k] == 0xEF && strings.HasPrefix(s[k:], "（"):
			open = len("（")
		default:
			continue
		}
		h, n := utf8.DecodeLastRuneInString(s[:k])
		if k-n < from || !unicode.Is(unicode.Han, h) {
			continue
		}
		j, letters := k+open, 0
		for j < len(s) && letters <= 6 {
			r, w := utf8.DecodeRuneInString(s[j:])
			if !isPinyinLetter(r) {
				break
			}
			j += w
			letters++
		}
		if letters == 0 || letters > 6 {
			continue
		}
		end := j
		switch {
		case strings.HasPrefix(s[j:], ")"):
			end += len(")")
		case strings.HasPrefix(s[j:], "）"):
			end += len("）")
		default:
			continue
		}
		return [6]int{k - n, end, k, end, k + open, j}, true
	}
	return [6]int{}, false
}

// isPinyin reports whether s is one pinyin syllable with a tone mark.
func isPinyin(s string) bool {
	plain := toneless.Replace(s)
	return plain != s && syllableRe.MatchString(strings.ToLower(plain))
}

// PinyinAnnotations returns where s holds pinyin annotations after a
// Chinese character, (zhèn) in 镇(zhèn): byte ranges of the bracketed
// syllable. Brackets holding anything else (稻虾(渔), 阜阳港(FYG)) are not.
func PinyinAnnotations(s string) [][2]int {
	var out [][2]int
	for from := 0; ; {
		m, ok := findAnnotation(s, from)
		if !ok {
			return out
		}
		if isPinyin(s[m[4]:m[5]]) {
			out = append(out, [2]int{m[2], m[3]})
		}
		from = m[1]
	}
}

// checkPinyin reports pinyin annotations after characters (镇(zhèn)).
func checkPinyin(s string, out []Issue) []Issue {
	for _, r := range PinyinAnnotations(s) {
		out = append(out, issue(s, r[0], r[1], report.Warning, CodeSuspicious, "pinyin annotation (injected by a site? remove it)"))
	}
	return out
}
