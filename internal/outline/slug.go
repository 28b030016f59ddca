package outline

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// adminSuffixes are the kinds of place a report's government runs; a slug
// keeps them apart from the name (qingshan-zhen) so URLs read well.
var adminSuffixes = []string{"街道", "自治区", "镇", "乡", "县", "区", "市", "州", "旗", "盟", "省"}

// Slug returns an ASCII page name for a report from its year and place:
// 2023 and 青山镇 give 2023-qingshan-zhen; XX镇 gives 2023-xx-zhen.
func Slug(year int, place string) string {
	name, suffix := place, ""
	for _, s := range adminSuffixes {
		if strings.HasSuffix(simplified(place), s) && len(place) > len(s) {
			name, suffix = place[:len(place)-len(s)], s // simplified keeps the length
			break
		}
	}
	parts := []string{}
	if year > 0 {
		parts = append(parts, strconv.Itoa(year))
	}
	for _, p := range []string{ascii(name), ascii(suffix)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "report"
	}
	return strings.Join(parts, "-")
}

// maxSlug is the longest page name made from a file's name, in bytes.
const maxSlug = 48

// fileSlug returns a page name for a report whose place is unknown, from
// its year and its source file's name (without extension): 2024 and
// 02_shencun give 2024-02-shencun. A year in the file's name goes when the
// year is known (2025 and 2026-guowuyuan give 2025-guowuyuan): a report
// given in 2026 reviews 2025, and the page name leads with the year
// reviewed, as every other page name does.
func fileSlug(year int, stem string) string {
	var parts []string
	if year > 0 {
		parts = append(parts, strconv.Itoa(year))
	}
	words := strings.FieldsFunc(stem, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	n := 0
	for _, w := range words {
		if year > 0 && isYearWord(w) {
			continue
		}
		if a := ascii(w); a != "" && n+len(a) <= maxSlug {
			parts = append(parts, a)
			n += len(a) + 1
		}
	}
	if len(parts) == 0 {
		return "report"
	}
	return strings.Join(parts, "-")
}

// isYearWord reports a word of a file's name that is a year: 1949 to 2099.
func isYearWord(w string) bool {
	y, err := strconv.Atoi(w)
	return err == nil && len(w) == 4 && y >= 1949 && y <= 2099
}

// ascii spells s in lower-case ASCII: Latin letters and digits as they are,
// Chinese characters in pinyin without tones, everything else dropped.
func ascii(s string) string {
	var b strings.Builder
	args := pinyin.NewArgs()
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i+1 < len(rs) && placeWords[string(rs[i:i+2])] != "" {
			b.WriteString(placeWords[string(rs[i:i+2])])
			i++
			continue
		}
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
		case r == 'Ｘ' || r == '×':
			b.WriteByte('x')
		case placeChars[r] != "":
			b.WriteString(placeChars[r])
		case unicode.Is(unicode.Han, r):
			if py := pinyin.SinglePinyin(r, args); len(py) > 0 {
				b.WriteString(py[0])
			}
		}
	}
	return b.String()
}

// Place names read a character other than its first reading, which is
// all go-pinyin gives: 陕西 is spelt shaanxi (not 山西's shanxi), 重庆
// chongqing, and 长 in place names is chang (长沙, 长春, 长安).
var (
	placeWords = map[string]string{"陕西": "shaanxi", "西藏": "xizang", "重庆": "chongqing", "厦门": "xiamen",
		"蚌埠": "bengbu", "六安": "luan", "长子": "zhangzi", "乐亭": "laoting", "番禺": "panyu"}
	placeChars = map[rune]string{'长': "chang", '藏': "zang", '厦': "xia"}
)
