// The oracle: check.go, pinyin.go and placeholder.go as they were before
// the speed work (commit ab13c61), every name prefixed with old, kept to
// show that the faster Check finds exactly what the old one found
// (TestCheckOracle). Do not edit.

package typo

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// oldCheck returns findings about text left as it is, in order of offset:
// placeholders, suspicious characters, figures that look rewritten,
// figures or units missing, lone dashes between words and injected pinyin.
// It is meant for normalised text but accepts any.
func oldCheck(s string) []Issue {
	var out []Issue
	for _, r := range oldPlaceholders(s) {
		out = append(out, oldIssue(s, r[0], r[1], report.Warning, CodePlaceholder, "placeholder"))
	}
	out = oldCheckChars(s, out)
	out = oldCheckTraditional(s, out)
	for _, rule := range oldPatternRules {
		out = rule.apply(s, out)
	}
	out = oldCheckPercent(s, out)
	out = oldCheckVerbs(s, out)
	out = oldCheckLoneDashes(s, out)
	out = oldCheckPinyin(s, out)
	slices.SortStableFunc(out, func(a, b Issue) int {
		if a.Off != b.Off {
			return a.Off - b.Off
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}

// oldIssue builds an Issue whose message quotes s[off:end] and its oldClause.
func oldIssue(s string, off, end int, level report.Level, code, what string) Issue {
	msg := fmt.Sprintf("%s %q in %q", what, s[off:end], oldClause(s, off, end))
	return Issue{Off: off, End: end, Level: level, Code: code, Message: msg}
}

// oldClause returns the text around s[off:end] up to oldClause punctuation or ten
// characters on each side.
func oldClause(s string, off, end int) string {
	a := off
	for n := 0; n < 10 && a > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:a])
		if oldIsClauseStop(r) {
			break
		}
		a -= size
	}
	b := end
	for n := 0; n < 10 && b < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[b:])
		if oldIsClauseStop(r) {
			break
		}
		b += size
	}
	return s[a:b]
}

func oldIsClauseStop(r rune) bool {
	return strings.ContainsRune("，。；：！？,;:!?\n\r", r)
}

// oldCheckChars reports characters that should not be in report text.
func oldCheckChars(s string, out []Issue) []Issue {
	last := Issue{Off: -1}
	flush := func() {
		if last.Off >= 0 {
			level := report.Warning
			if strings.HasPrefix(last.Message, "control character") {
				level = report.Error // never published: binary data, not text
			}
			out = append(out, oldIssue(s, last.Off, last.End, level, CodeSuspicious, last.Message))
		}
		last = Issue{Off: -1}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '?' {
			n = oldQuestionRun(s, i) // decided once for the whole run
		}
		what := oldSuspiciousRune(s, i, r, n)
		switch {
		case what == "":
			flush()
		case last.Off >= 0 && last.Message == what && last.End == i:
			last.End = i + n // extend a run of the same kind
		default:
			flush()
			last = Issue{Off: i, End: i + n, Message: what}
		}
		i += n
	}
	flush()
	return out
}

// oldSuspiciousRune says what is wrong with the rune r (n bytes) at i, or "".
func oldSuspiciousRune(s string, i int, r rune, n int) string {
	switch {
	case r < 0x80 && r >= 0x20 && r != 0x7F && r != '?' && r != 'o' && r != 'O':
		return ""
	case r == utf8.RuneError && n == 1:
		return "invalid UTF-8"
	case r == utf8.RuneError:
		return "replacement character U+FFFD (a character lost in conversion)"
	case r == '\t' || r == '\n' || r == '\r':
		return ""
	case oldIsControl(r):
		return fmt.Sprintf("control character U+%04X", r)
	case oldIsInvisible(r):
		return fmt.Sprintf("invisible character U+%04X", r)
	case unicode.Is(unicode.Co, r):
		return fmt.Sprintf("private-use character U+%04X (a font's own glyph)", r)
	case r >= 0xFF61 && r <= 0xFF9F:
		return "half-width katakana (a wrong code page)"
	case r == '?':
		return oldQuestionBetweenHan(s, i, i+n)
	case r == 'o' || r == 'O':
		return oldLoneO(s, i)
	case r >= 0x370 && r <= 0x4FF:
		return oldAlienLetter(s, i, r, n)
	}
	return ""
}

// oldIsControl reports whether r is a control character that report text
// never holds: C0 other than tab and line ends, DEL, and C1 (U+0080–U+009F,
// what a wrong code page leaves).
func oldIsControl(r rune) bool {
	return unicode.Is(unicode.Cc, r) && r != '\t' && r != '\n' && r != '\r'
}

// oldFirstControl returns the byte offset and the rune of the first control
// character in s (see oldIsControl), or -1.
func oldFirstControl(s string) (int, rune) {
	for i, r := range s {
		if r < 0x20 || r >= 0x7F && r <= 0x9F {
			if oldIsControl(r) {
				return i, r
			}
		}
	}
	return -1, 0
}

// oldIsInvisible reports zero-width and direction characters.
func oldIsInvisible(r rune) bool {
	return r >= 0x200B && r <= 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2060 && r <= 0x2064 || r == 0xFEFF
}

// oldQuestionRun returns the byte length of the run of ? at i.
func oldQuestionRun(s string, i int) int {
	j := i
	for j < len(s) && s[j] == '?' {
		j++
	}
	return j - i
}

// oldQuestionBetweenHan reports a run of ? at s[i:j] between two Chinese
// characters: a lost character or a lost ·.
func oldQuestionBetweenHan(s string, i, j int) string {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[j:])
	if i > 0 && j < len(s) && isHan(prev) && isHan(next) {
		return "? between Chinese characters (a lost character or ·)"
	}
	return ""
}

// oldLoneO reports an o or O that is not part of a Latin word and touches
// Chinese text or stands between digits: a 。 or 〇 or 0 not repaired.
func oldLoneO(s string, i int) string {
	prev, pn := utf8.DecodeLastRuneInString(s[:i])
	next, nn := utf8.DecodeRuneInString(s[i+1:])
	if pn > 0 && isWordLetter(prev) || nn > 0 && isWordLetter(next) {
		return ""
	}
	if pn > 0 && isChinese(prev) || nn > 0 && isChinese(next) || pn > 0 && nn > 0 && isDigit(prev) && isDigit(next) {
		return fmt.Sprintf("lone %c (。, 〇 or 0?)", s[i])
	}
	return ""
}

// oldAlienLetter reports a Greek or Cyrillic letter next to Chinese text, or a
// lookalike of 0 next to a digit.
func oldAlienLetter(s string, i int, r rune, n int) string {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+n:])
	near := func(f func(rune) bool) bool { return i > 0 && f(prev) || i+n < len(s) && f(next) }
	script := "Greek"
	if r >= 0x400 {
		script = "Cyrillic"
	}
	if near(isHan) || isLookalike(r) && near(isDigit) {
		return fmt.Sprintf("%s letter %c (U+%04X) in Chinese text", script, r, r)
	}
	return ""
}

// oldTraditional lists common Traditional-only characters, whose simplified
// forms differ and which simplified text does not use.
const oldTraditional = "經濟發國會區縣鎮務實農業們這為與產開關對時現員進設總計劃報鄉書記長門問題環樣體製醫療衛財稅資項條興機構據傳統華東廣軍黨導層級優質綠邊運輸網絡幹審議聯維護證熱點盡積極變選擇隊價參龍壓災險監藝術觀愛萬億兩從專雙來個說動學過還將應後電車場歲齊辦號見響歷團組織職創堅領義麼鬥爭勞費購買賣貿準標種園風氣溫裡臺灣紀錄檢驗貧脫鞏"

// oldTradSet marks the characters of oldTraditional, by offset from U+4E00.
var oldTradSet [0x9FFF - 0x4E00 + 1]bool

func init() {
	for _, r := range oldTraditional {
		oldTradSet[r-0x4E00] = true
	}
}

func oldIsTraditional(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF && oldTradSet[r-0x4E00] }

// oldCheckTraditional reports Traditional characters, one oldIssue per line.
func oldCheckTraditional(s string, out []Issue) []Issue {
	first, last := -1, 0
	var seen []rune
	flush := func() {
		if first >= 0 {
			what := fmt.Sprintf("Traditional characters %s", string(seen))
			out = append(out, oldIssue(s, first, last, report.Warning, CodeSuspicious, what))
		}
		first, seen = -1, seen[:0]
	}
	for i, r := range s {
		switch {
		case r == '\n':
			flush()
		case oldIsTraditional(r):
			if first < 0 {
				first = i
			}
			last = i + utf8.RuneLen(r)
			if len(seen) < 8 && !slices.Contains(seen, r) {
				seen = append(seen, r)
			}
		}
	}
	flush()
	return out
}

// oldCheckPercent reports a % with no figure before it (增长%).
func oldCheckPercent(s string, out []Issue) []Issue {
	for i, r := range s {
		if r != '%' && r != '％' {
			continue
		}
		prev := oldNearLeft(s, i)
		if prev < 0 || prev == '\n' || isChinese(prev) {
			out = append(out, oldIssue(s, i, i+utf8.RuneLen(r), report.Warning, CodeMissingFigure, "no figure before"))
		}
	}
	return out
}

// oldPatternRule is a check done with a regular expression. Group 1 (or the
// whole match) is what is reported; ok, if set, vets a match.
type oldPatternRule struct {
	re    *regexp.Regexp
	level report.Level
	code  string
	what  string
	ok    func(s string, m []int) bool
	// need lists strings of which every match holds one: text holding
	// none is passed over without running the expression, which is most of
	// the cost of checking a report.
	need []string
}

func (r oldPatternRule) apply(s string, out []Issue) []Issue {
	if len(r.need) > 0 && !oldContainsAny(s, r.need) {
		return out
	}
	for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
		a, b := m[0], m[1]
		if len(m) > 2 && m[2] >= 0 {
			a, b = m[2], m[3]
		}
		if r.ok != nil && !r.ok(s, m) {
			continue
		}
		out = append(out, oldIssue(s, a, b, r.level, r.code, r.what))
	}
	return out
}

// oldContainsAny reports whether s holds one of subs.
func oldContainsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// oldInChineseText vets a match of group 1 that must stand alone next to
// Chinese text: no letter, digit or _ around it, and a Chinese character
// or full-width mark on one side ((PM_2.5), not a file name or a URL).
func oldInChineseText(s string, m []int) bool {
	prev, pn := utf8.DecodeLastRuneInString(s[:m[2]])
	next, nn := utf8.DecodeRuneInString(s[m[3]:])
	word := func(r rune) bool {
		return r < 0x80 && (isDigit(r) || isASCIILetter(r) || strings.ContainsRune("_./:-", r))
	}
	if pn > 0 && word(prev) || nn > 0 && word(next) {
		return false
	}
	return pn > 0 && isChinese(prev) || nn > 0 && isChinese(next)
}

// oldNotAfterDigit vets a match whose group 1 must start a number.
func oldNotAfterDigit(s string, m []int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:m[2]])
	return m[2] == 0 || !isDigit(r) && r != '.' && r != ','
}

// oldCountNouns name what a bare 万 counts when they come just before the
// figure (医疗旅游人次86.5万，常住人口5.2万): no unit is missing.
var oldCountNouns = []string{"人次", "人口", "人数", "户数", "游客", "客流", "旅客", "人流", "数量"}

func oldCountedBefore(before string) bool {
	for _, w := range oldCountNouns {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// oldPunctAfter is what may follow a figure left out: oldClause punctuation.
const oldPunctAfter = `[，。；：、！？,;:!?）)]`

var oldPatternRules = []oldPatternRule{
	{
		re:    regexp.MustCompile(`([〔［\[【(（]\d{4}[〕］\]】)）])\d{1,4}号`),
		level: report.Warning, code: CodeSuspicious, what: "文号 year not in 〔〕:", need: []string{"号"},
		ok: func(s string, m []int) bool {
			g := s[m[2]:m[3]]
			prev, _ := utf8.DecodeLastRuneInString(s[:m[2]])
			return isHan(prev) && (!strings.HasPrefix(g, "〔") || !strings.HasSuffix(g, "〕"))
		},
	},
	{
		re:    regexp.MustCompile(`((?:19|20)\d{3,6})[月日]`),
		level: report.Warning, code: CodeSuspicious, what: "date with characters lost", need: []string{"月", "日"},
		ok: oldNotAfterDigit,
	},
	{
		re:    regexp.MustCompile(`((?:19|20)\d{2}(?:19|20)\d{2})年`),
		level: report.Warning, code: CodeSuspicious, what: "two years run together", need: []string{"年"},
		ok: oldNotAfterDigit,
	},
	{
		re:    regexp.MustCompile(`(20(?:19|2\d|30)\d*(?:\.\d+)?)(?:%|％)`), // 2023%: a share never is
		level: report.Warning, code: CodeRewritten, what: "figure that starts with a year (find-and-replace?)",
		ok: oldNotAfterDigit, need: []string{"%", "％"},
	},
	{
		re: regexp.MustCompile(`(20(?:19|2\d|30)\d*(?:\.\d+)?)(?:元|万|亿|亩|人|户|个|家|吨|公里|米|平方|次|项|台|辆)`),
		// Info, not a warning: genuine amounts start so too (营造林2027万亩).
		level: report.Info, code: CodeRewritten, what: "figure that starts with a year (find-and-replace?)",
		ok: oldNotAfterDigit, need: []string{"20"},
	},
	{
		// A year in Chinese numerals with three of its four digits: a 〇
		// lost in copying (二三五年 for 二〇三五年).
		re:    regexp.MustCompile(`([一二][〇零○一二三四五六七八九]{2})年`),
		level: report.Warning, code: CodeSuspicious, what: "year in Chinese numerals with a digit lost (a 〇?):",
		ok: func(s string, m []int) bool {
			r, _ := utf8.DecodeLastRuneInString(s[:m[2]])
			return m[2] == 0 || !strings.ContainsRune("〇零○一二三四五六七八九十百千万两", r)
		},
	},
	{
		// Letters, _ and a figure in Chinese text: a subscript lost in
		// copying (PM_2.5 for PM₂.₅, written PM2.5). Reported, not changed.
		re:    regexp.MustCompile(`([A-Za-z]{1,4}_\d+(?:\.\d+)?)`),
		level: report.Warning, code: CodeSuspicious, what: "_ inside a name (a subscript lost in copying? PM2.5):",
		ok: oldInChineseText,
	},
	{
		// A figure in 万 or 亿 that ends a oldClause has lost its unit, whole
		// (174万，) or not (145.98亿，): 万元, 万人, 亿元 are written out.
		re:    regexp.MustCompile(`(?m)(\d+(?:\.\d+)?(?:万亿|[万亿]))(?:` + oldPunctAfter + `|$)`),
		level: report.Info, code: CodeUnitMissing, what: "no unit after", need: []string{"万", "亿"},
		ok: func(s string, m []int) bool { return oldNotAfterDigit(s, m) && !oldCountedBefore(s[:m[2]]) },
	},
}

// oldNeedFigure lists phrases that cannot end a oldClause: a figure must follow.
// Bare 增长, 下降, 提高 and 完成 are left out: they end clauses in prose
// (收入稳步增长。项目已全部完成。).
var oldNeedFigure = []string{
	"同比增长", "同比下降", "同比减少", "同比增加", "同比提高", "同比降低",
	"比上年增长", "比上年下降", "比上年减少", "比上年增加",
	"较上年增长", "较上年下降", "较上年减少", "较上年增加",
	"年均增长", "分别增长", "增长了", "下降了", "提高了", "达到", "调整为",
	"分别为", "增幅为", "降幅为", "增速为", "占比为", "比重为",
}

// oldSharesUnit reports whether the figure ending at k is one of a list whose
// last figure carries the unit for all (提高15、22个百分点, 增长5、6%).
func oldSharesUnit(s string, k int) bool {
	if !strings.HasPrefix(s[k:], "、") {
		return false
	}
	rest := strings.TrimLeft(s[k:], "0123456789.、")
	for _, u := range []string{"%", "％", "个百分点"} {
		if strings.HasPrefix(rest, u) {
			return true
		}
	}
	return false
}

// oldCheckVerbs reports figures missing after change verbs (同比增长；,
// 调整为：，, 增长万元) and a % missing after one (同比增长18.3；).
func oldCheckVerbs(s string, out []Issue) []Issue {
	for _, v := range oldNeedFigure {
		for i := range oldIndexAll(s, v) {
			if oldEndsClause(s, i+len(v)) {
				out = append(out, oldIssue(s, i, i+len(v), report.Warning, CodeMissingFigure, "no figure after"))
			}
		}
	}
	for _, v := range []string{"增长", "下降", "提高", "增加", "减少", "完成"} {
		for i := range oldIndexAll(s, v) {
			j := i + len(v)
			for _, u := range []string{"万元", "亿元", "个百分点"} {
				if strings.HasPrefix(s[j:], u) && !oldNamesCategory(s[j+len(u):]) {
					out = append(out, oldIssue(s, i, j+len(u), report.Warning, CodeMissingFigure, "no figure in"))
				}
			}
			if v == "增加" || v == "减少" || v == "完成" {
				continue
			}
			if k := oldNumberEnd(s, j); k > j && oldEndsClause(s, k) && !oldSharesUnit(s, k) {
				out = append(out, oldIssue(s, j, k, report.Info, CodeUnitMissing, "no % after"))
			}
		}
	}
	return out
}

// oldCategoryWords follow a magnitude and unit used as the name of a class of
// things rather than as an amount: 亿元项目, 亿元以上项目, 万元户, 亿元级企业.
var oldCategoryWords = []string{
	"项目", "以上", "以下", "级", "户", "企业", "产业", "工程", "大关", "台阶", "村", "规模",
}

// oldNamesCategory reports whether rest, the text after 万元 or 亿元, makes
// them part of a category name (完成亿元项目招引) and not an amount whose
// figure is missing (增长万元).
func oldNamesCategory(rest string) bool {
	for _, w := range oldCategoryWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// oldIndexAll yields the offsets of every occurrence of sub in s.
func oldIndexAll(s, sub string) func(func(int) bool) {
	return func(yield func(int) bool) {
		for off := 0; ; {
			k := strings.Index(s[off:], sub)
			if k < 0 || !yield(off+k) {
				return
			}
			off += k + len(sub)
		}
	}
}

// oldEndsClause reports whether oldClause punctuation or a line end is at j.
func oldEndsClause(s string, j int) bool {
	r, _ := utf8.DecodeRuneInString(s[j:])
	return j == len(s) || strings.ContainsRune("，。；：、！？,;:!?）)\n\r", r)
}

// oldNumberEnd returns the end of the number (digits, one decimal part) at j,
// or j if there is none.
func oldNumberEnd(s string, j int) int {
	k := j
	for k < len(s) && isDigit(rune(s[k])) {
		k++
	}
	if k > j && k+1 < len(s) && s[k] == '.' && isDigit(rune(s[k+1])) {
		k++
		for k < len(s) && isDigit(rune(s[k])) {
			k++
		}
	}
	return k
}

// oldCheckLoneDashes reports a lone — or ― between two Chinese characters,
// which Normalize leaves as it is: right as the 一字线 GB/T 15834 allows
// between place names and points (西宁—海东), wrong as a 破折号 (——). A
// chain of short names (西宁—成都—曼谷) is plainly a connector and not
// reported.
func oldCheckLoneDashes(s string, out []Issue) []Issue {
	if !strings.Contains(s, "—") && !strings.Contains(s, "―") {
		return out
	}
	for i, r := range s {
		if oldIsDashRune(r) && oldLoneDashAt(s, i) && !oldInDashChain(s, i) {
			out = append(out, Issue{Off: i, End: i + utf8.RuneLen(r), Level: report.Info, Code: CodeSuspicious,
				Message: fmt.Sprintf("lone %c between words in %q: right as a connector (西宁—海东); a dash is ——", r, oldClause(s, i, i+utf8.RuneLen(r)))})
		}
	}
	return out
}

func oldIsDashRune(r rune) bool { return r == '—' || r == '―' }

// oldLoneDashAt reports whether the dash at i stands alone between two
// Chinese characters, or between a name ending in a bracket (中国（河南）)
// and a Chinese character.
func oldLoneDashAt(s string, i int) bool {
	prev, pn := utf8.DecodeLastRuneInString(s[:i])
	_, n := utf8.DecodeRuneInString(s[i:])
	next, nn := utf8.DecodeRuneInString(s[i+n:])
	return pn > 0 && nn > 0 && (isHan(prev) || oldClosesName(s, i)) && isHan(next)
}

// oldMaxBracketed is the longest bracketed part of a name, in characters:
// 中国（河南）, 中国（上海）自由贸易试验区.
const oldMaxBracketed = 8

// oldClosesName reports whether s[:i] ends with a bracketed part of a name:
// a closing ） or ) whose opening bracket, at most oldMaxBracketed Chinese
// characters back, follows a Chinese character (中国（河南）).
func oldClosesName(s string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if r != '）' && r != ')' {
		return false
	}
	j := i - n
	for k := 0; k <= oldMaxBracketed && j > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		j -= size
		switch {
		case r == '（' || r == '(':
			before, _ := utf8.DecodeLastRuneInString(s[:j])
			return k > 0 && j > 0 && isHan(before)
		case !isHan(r):
			return false
		}
	}
	return false
}

// oldMaxChainName is the longest name, in characters, in a chain of names.
const oldMaxChainName = 6

// oldInDashChain reports whether the lone dash at i is one of two or more
// joining short names: another lone dash stands at most oldMaxChainName
// Chinese characters before or after it.
func oldInDashChain(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	for k := 0; k <= oldMaxChainName && j < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[j:])
		if oldIsDashRune(r) {
			return k > 0 && oldLoneDashAt(s, j)
		}
		if !isHan(r) {
			break
		}
		j += size
	}
	j = i
	for k := 0; k <= oldMaxChainName && j > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if oldIsDashRune(r) {
			return k > 0 && oldLoneDashAt(s, j-size)
		}
		if !isHan(r) {
			break
		}
		j -= size
	}
	return false
}

// Pinyin annotations: some sites inject the reading of a character after
// it, 镇(zhèn), to spoil copies. The reader removes them from text files;
// here they are left half-width (never made （zhèn）) and reported.
var (
	oldAnnotationRe = regexp.MustCompile(`\p{Han}([(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)）])`)
	oldSyllableRe   = regexp.MustCompile(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv]{1,3}(?:ng|n|r)?$`)
	oldToneless     = strings.NewReplacer("ā", "a", "á", "a", "ǎ", "a", "à", "a", "ē", "e", "é", "e", "ě", "e", "è", "e", "ī", "i", "í", "i", "ǐ", "i", "ì", "i", "ō", "o", "ó", "o", "ǒ", "o", "ò", "o", "ū", "u", "ú", "u", "ǔ", "u", "ù", "u", "ǖ", "ü", "ǘ", "ü", "ǚ", "ü", "ǜ", "ü")
)

// oldIsPinyin reports whether s is one pinyin syllable with a tone mark.
func oldIsPinyin(s string) bool {
	plain := oldToneless.Replace(s)
	return plain != s && oldSyllableRe.MatchString(strings.ToLower(plain))
}

// oldPinyinAnnotations returns where s holds pinyin annotations after a
// Chinese character, (zhèn) in 镇(zhèn): byte ranges of the bracketed
// syllable. Brackets holding anything else (稻虾(渔), 阜阳港(FYG)) are not.
func oldPinyinAnnotations(s string) [][2]int {
	if !strings.ContainsAny(s, "(（") {
		return nil
	}
	var out [][2]int
	for _, m := range oldAnnotationRe.FindAllStringSubmatchIndex(s, -1) {
		if oldIsPinyin(s[m[4]:m[5]]) {
			out = append(out, [2]int{m[2], m[3]})
		}
	}
	return out
}

// oldCheckPinyin reports pinyin annotations after characters (镇(zhèn)).
func oldCheckPinyin(s string, out []Issue) []Issue {
	for _, r := range oldPinyinAnnotations(s) {
		out = append(out, oldIssue(s, r[0], r[1], report.Warning, CodeSuspicious, "pinyin annotation (injected by a site? remove it)"))
	}
	return out
}

// oldPlaceholders returns the byte ranges of placeholders in s: values not yet
// filled in or withheld, written XX, xx, xxxx, X.X, ××, **, *** or a run of
// _, and partial ones (xx0.9%, xx.51亿元, 20xx年, 202x年). A single X or x
// counts only between two Chinese characters, where a redaction ate
// characters (全年实X区; X光 and X射线 excepted). Latin words (APP, XML,
// Excel), products like 3x4 and Roman numerals in Latin text are not
// placeholders.
func oldPlaceholders(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '_':
			j := i
			for j < len(s) && s[j] == '_' {
				j++
			}
			if oldUnderscoreHolder(s, i, j) {
				out = append(out, [2]int{i, j})
			}
			i = j
		case oldIsXChar(r) || isDigit(r) || r == '.':
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !oldIsXChar(r2) && !isDigit(r2) && r2 != '.' {
					break
				}
				j += n2
			}
			if a, b, ok := oldXHolder(s, i, j); ok {
				out = append(out, [2]int{a, b})
			}
			i = j
		default:
			i += n
		}
	}
	return out
}

// oldIsXChar reports whether r is a character that stands for a hidden digit.
func oldIsXChar(r rune) bool {
	switch r {
	case 'X', 'x', 'Ｘ', 'ｘ', '×', '*':
		return true
	}
	return false
}

// oldIsLatinX reports whether r is the letter X (half- or full-width).
func oldIsLatinX(r rune) bool { return r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ' }

// oldUnderscoreHolder decides a run of _ at s[i:j]: not part of an identifier.
func oldUnderscoreHolder(s string, i, j int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[j:])
	alnum := func(r rune) bool { return r < 0x80 && (isDigit(r) || isASCIILetter(r)) }
	if i > 0 && alnum(prev) || j < len(s) && alnum(next) {
		return false
	}
	return j-i >= 2 || i > 0 && isChinese(prev) || j < len(s) && isChinese(next)
}

// oldXHolder decides the run s[i:j] of X characters, digits and dots, and
// returns the placeholder's range within it.
func oldXHolder(s string, i, j int) (int, int, bool) {
	a, b := i, j
	for a < b && s[a] == '.' {
		a++
	}
	for b > a && s[b-1] == '.' {
		b--
	}
	st := oldXStatsOf(s[a:b])
	switch {
	case st.latin+st.marks == 0:
		return 0, 0, false
	case st.latin == 0 && st.marks < 2:
		return 0, 0, false // 3×4, a lone *
	case st.digitBefore && st.digitAfter:
		return 0, 0, false // 3x4, 1920x1080
	case st.latin > 0 && !oldLatinXContextOK(s, i, j):
		return 0, 0, false
	case st.latin == 1 && st.marks == 0 && !st.digits && !oldLoneXHolder(s, a, b):
		return 0, 0, false
	}
	return a, b, true
}

// oldXStats counts what a run of X characters, digits and dots holds.
type oldXStats struct {
	latin, marks                    int  // Latin X, and × or *
	digits, digitBefore, digitAfter bool // digits at all, before the first and after the last X
}

func oldXStatsOf(run string) oldXStats {
	var st oldXStats
	seenX := false
	for _, r := range run {
		switch {
		case oldIsLatinX(r):
			st.latin++
		case r == '×' || r == '*':
			st.marks++
		case isDigit(r):
			st.digits = true
			st.digitBefore = st.digitBefore || !seenX
			st.digitAfter = st.digitAfter || seenX
			continue
		default:
			continue
		}
		seenX, st.digitAfter = true, false
	}
	return st
}

// oldLatinXContextOK reports whether X characters at s[i:j] stand apart from
// Latin words: no letter touches them, and if Latin text lies on a side
// (past spaces), Chinese lies on the other.
func oldLatinXContextOK(s string, i, j int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[j:])
	if i > 0 && (isWordLetter(prev) || prev == '_') || j < len(s) && (isWordLetter(next) || next == '_') {
		return false
	}
	l, r := oldNearLeft(s, i), oldNearRight(s, j)
	if isWordLetter(l) || isWordLetter(r) {
		return isChinese(l) || isChinese(r)
	}
	return true
}

// oldLoneXHolder decides a single X at s[a:b]: only between two Chinese
// characters, and not X光 or X射线.
func oldLoneXHolder(s string, a, b int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:a])
	next, _ := utf8.DecodeRuneInString(s[b:])
	return a > 0 && b < len(s) && isHan(prev) && isHan(next) && next != '光' && next != '射'
}

// oldNearLeft returns the nearest rune before i that is not a space, or -1.
func oldNearLeft(s string, i int) rune {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !isSpace(r) {
			return r
		}
		i -= n
	}
	return -1
}

// oldNearRight returns the nearest rune at or after j that is not a space, or -1.
func oldNearRight(s string, j int) rune {
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isSpace(r) {
			return r
		}
		j += n
	}
	return -1
}
