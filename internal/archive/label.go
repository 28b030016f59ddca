package archive

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/typo"
)

// Figures across reports. Two indicators are the same figure when their
// labels have the same key and their units the same family, and both are
// levels or both are changes. The key of a label is the label
//   - read in Simplified (typo.Fold), without spaces and quotation marks;
//   - without a bracketed abbreviation at its end (地区生产总值（GDP）); a
//     bracket with Chinese in it (不含农户) narrows the figure and stays;
//   - with the abbreviations 规上 and 限上 written out (规模以上, 限额以上);
//   - without the words of scope and of achieving that open it (全年, 全镇,
//     实现, 完成: 完成固定资产投资 is 固定资产投资);
//   - and, last, with a renamed figure's name replaced by its standing one
//     (synonyms).
//
// A label left too short or too general to name one thing (投资, 占比,
// 总投资) makes no figure across years: 项目 6个 in one report and 项目 10个
// in the next are not the same projects.

// synonyms maps a name reports give a figure to the name it has in this
// package. Each entry is the same statistic under two names; keep the list
// short and justify every entry.
var synonyms = map[string]string{
	// 地区生产总值 is GDP below the national level; reports shorten it.
	"生产总值": "地区生产总值",
	"GDP":  "地区生产总值",
	// Since the 2013 integrated household survey, the urban and rural
	// incomes are those of residents (常住居民); older names remain in use for
	// the same statistic.
	"城镇居民人均可支配收入": "城镇常住居民人均可支配收入",
	"农村居民人均可支配收入": "农村常住居民人均可支配收入",
	// 农民 in this name is the common word for 农村居民: there is no
	// separate farmers' disposable income (农民人均纯收入, the pre-2013
	// statistic, is another measure and is not listed).
	"农民人均可支配收入": "农村常住居民人均可支配收入",
	// 全体 is the default population of the statistic.
	"全体居民人均可支配收入": "居民人均可支配收入",
	// The statistic is 社会消费品零售总额; reports often drop 总.
	"社会消费品零售额": "社会消费品零售总额",
	// Energy used per 万元 of GDP is what 单位地区生产总值能耗 measures.
	"万元地区生产总值能耗": "单位地区生产总值能耗",
	"单位GDP能耗":    "单位地区生产总值能耗",
	// Word order only: both are the new urban jobs of the year.
	"新增城镇就业": "城镇新增就业",
	// 城镇化率 in reports is the resident-population rate; the household-
	// register rate is always named (户籍人口城镇化率) and stays apart.
	"城镇化率": "常住人口城镇化率",
	// 总 is dropped as often as it is written.
	"粮食产量": "粮食总产量",
}

// Not synonyms, though reports put one where the other stands:
//   - 财政收入 and 一般公共预算收入: 财政收入 (or 财政总收入) counts what
//     is collected in the place, revenue passed up to higher levels
//     included; 一般公共预算收入 is the place's own budget revenue only.
//   - 固定资产投资 and 全社会固定资产投资: the second counts rural
//     households' investment, which the first (不含农户) leaves out.
//   - 城镇登记失业率 and 城镇调查失业率: a register and a survey.

// abbreviations are written out in keys.
var abbreviations = [][2]string{{"规上", "规模以上"}, {"限上", "限额以上"}}

// openers open a label without changing what it measures.
var openers = []string{"全年", "全县", "全市", "全区", "全镇", "全乡", "全街道", "全旗", "实现", "完成"}

// general labels measure nothing in particular on their own.
var general = map[string]bool{
	"占比": true, "比重": true, "总数": true, "总量": true, "总投资": true, "总产值": true, "总产量": true,
	"总收入": true, "增加值": true, "营业收入": true, "完成率": true, "项目": true, "资金": true, "投资": true,
	"计划投资": true, "年度计划投资": true, "检查": true, "整改": true, "化解": true, "增长": true, "下降": true,
}

// minKeyRunes is the fewest characters a key needs to name one thing.
const minKeyRunes = 3

// labelKey returns the key of a label, and false when the label names no
// figure that can recur.
func labelKey(label string) (string, bool) {
	s, _ := typo.Fold(label)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("“”‘’\"'「」『』", r) {
			return -1
		}
		return r
	}, s)
	s = dropAbbreviation(s)
	for _, a := range abbreviations {
		s = strings.ReplaceAll(s, a[0], a[1])
	}
	for trimmed := true; trimmed; {
		trimmed = false
		for _, o := range openers {
			if t, ok := strings.CutPrefix(s, o); ok && t != "" {
				s, trimmed = t, true
			}
		}
	}
	if v, ok := synonyms[s]; ok {
		s = v
	}
	if utf8.RuneCountInString(s) < minKeyRunes && !isLatin(s) || general[s] {
		return s, false
	}
	return s, true
}

// isLatin reports whether s is a Latin abbreviation (GDP, CPI).
func isLatin(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// dropAbbreviation removes a bracketed Latin abbreviation ending s:
// 地区生产总值（GDP） → 地区生产总值.
func dropAbbreviation(s string) string {
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}} {
		t, ok := strings.CutSuffix(s, b[1])
		if !ok {
			continue
		}
		if i := strings.LastIndex(t, b[0]); i > 0 && isLatin(t[i+len(b[0]):]) {
			return t[:i]
		}
	}
	return s
}

// family returns the unit an indicator's value compares in: its unit
// without the magnitude it was written with (万元 and 亿元 are 元; 万亩 is
// 亩). Values of one family compare through base (Base, or Value when no
// magnitude was written).
func family(in *indicator.Indicator) string {
	return strings.TrimPrefix(in.Unit, in.Magnitude)
}

// base returns an indicator's value in its family's unit, or nil for a
// placeholder.
func base(in *indicator.Indicator) *float64 {
	if in.Redacted || in.Value == nil {
		return nil
	}
	if in.Magnitude != "" && in.Base != nil {
		return in.Base
	}
	return in.Value
}

// isRate reports whether a family measures a rate, whose changes are
// differences (percentage points), not ratios.
func isRate(fam string) bool {
	return fam == "%" || fam == "‰" || fam == "个百分点" || fam == "个千分点"
}

// figureKey is what makes two indicators the same figure. A running total
// (累计) is a figure of its own: its span (the year, five years, since a
// start) is seldom said, so it never meets the year's figure.
type figureKey struct {
	label, family      string
	change, cumulative bool
}

// cumulative is the qualifier of a running total.
const cumulative = "累计"

// figureOf returns the figure an indicator states, given its label's key.
func figureOf(in *indicator.Indicator, label string) figureKey {
	return figureKey{label: label, family: family(in), change: in.Change, cumulative: in.Qualifier == cumulative}
}
