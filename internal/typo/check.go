package typo

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// Issue is something about a text that Check found and left as it is.
type Issue struct {
	Off, End int // byte range in the text checked
	Level    report.Level
	Code     string // "placeholder", "suspicious", "rewritten", "missing-figure", "unit-missing"
	Message  string // what was seen, quoting the text
}

// Issue codes.
const (
	CodePlaceholder   = "placeholder"
	CodeSuspicious    = "suspicious"
	CodeRewritten     = "rewritten"
	CodeMissingFigure = "missing-figure"
	CodeUnitMissing   = "unit-missing"
)

// Check returns findings about text left as it is, in order of offset:
// placeholders, suspicious characters, figures that look rewritten,
// figures or units missing, lone dashes between words and injected pinyin.
// It is meant for normalised text but accepts any.
//
// One pass reads s first (surveyCheck); a rule that looks for what s
// lacks is passed over.
func Check(s string) []Issue {
	var runBuf [64]digitRun
	var phraseBuf [128]int
	var yearBuf, percentBuf [32]int
	sv := surveyCheck(s, checkSurvey{runs: runBuf[:0], phrases: phraseBuf[:0], years: yearBuf[:0], percents: percentBuf[:0]})
	var out []Issue
	if sv.flags&chX != 0 { // a placeholder holds one
		for _, r := range Placeholders(s) {
			out = append(out, issue(s, r[0], r[1], report.Warning, CodePlaceholder, "placeholder"))
		}
	}
	if sv.flags&chSuspect != 0 {
		out = checkChars(s, out)
	}
	if sv.flags&chTrad != 0 {
		out = checkTraditional(s, out)
	}
	for _, rule := range patternRules {
		if rule.find == cnYear && sv.flags&chYear == 0 {
			continue
		}
		out = rule.apply(s, &sv, out)
	}
	out = checkPercent(s, sv.percents, out)
	out = checkVerbs(s, sv.phrases, out)
	if sv.flags&chDash != 0 {
		out = checkLoneDashes(s, out)
	}
	if sv.flags&chParen != 0 {
		out = checkPinyin(s, out)
	}
	slices.SortStableFunc(out, func(a, b Issue) int {
		if a.Off != b.Off {
			return a.Off - b.Off
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}

// issue builds an Issue whose message quotes s[off:end] and its clause.
func issue(s string, off, end int, level report.Level, code, what string) Issue {
	msg := fmt.Sprintf("%s %q in %q", what, s[off:end], clause(s, off, end))
	return Issue{Off: off, End: end, Level: level, Code: code, Message: msg}
}

// clause returns the text around s[off:end] up to clause punctuation or ten
// characters on each side.
func clause(s string, off, end int) string {
	a := off
	for n := 0; n < 10 && a > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:a])
		if isClauseStop(r) {
			break
		}
		a -= size
	}
	b := end
	for n := 0; n < 10 && b < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[b:])
		if isClauseStop(r) {
			break
		}
		b += size
	}
	return s[a:b]
}

func isClauseStop(r rune) bool {
	return strings.ContainsRune("，。；：！？,;:!?\n\r", r)
}

// checkChars reports characters that should not be in report text.
func checkChars(s string, out []Issue) []Issue {
	last := Issue{Off: -1}
	flush := func() {
		if last.Off >= 0 {
			level := report.Warning
			if strings.HasPrefix(last.Message, "control character") {
				level = report.Error // never published: binary data, not text
			}
			out = append(out, issue(s, last.Off, last.End, level, CodeSuspicious, last.Message))
		}
		last = Issue{Off: -1}
	}
	for i := 0; i < len(s); {
		// What cannot be suspicious is passed over undecoded. A run of
		// suspicious characters still ends where one is not next to it:
		// it grows only while the next starts where it ends.
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7F && c != '?' && c != 'o' && c != 'O' {
				i++
				continue
			}
		} else if c >= 0xE3 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // U+3000–U+9FFF: Chinese characters and punctuation
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '?' {
			n = questionRun(s, i) // decided once for the whole run
		}
		what := suspiciousRune(s, i, r, n)
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

// suspiciousRune says what is wrong with the rune r (n bytes) at i, or "".
func suspiciousRune(s string, i int, r rune, n int) string {
	switch {
	case r < 0x80 && r >= 0x20 && r != 0x7F && r != '?' && r != 'o' && r != 'O':
		return ""
	case r == utf8.RuneError && n == 1:
		return "invalid UTF-8"
	case r == utf8.RuneError:
		return "replacement character U+FFFD (a character lost in conversion)"
	case r == '\t' || r == '\n' || r == '\r':
		return ""
	case IsControl(r):
		return fmt.Sprintf("control character U+%04X", r)
	case isInvisible(r):
		return fmt.Sprintf("invisible character U+%04X", r)
	case unicode.Is(unicode.Co, r):
		return fmt.Sprintf("private-use character U+%04X (a font's own glyph)", r)
	case r >= 0xFF61 && r <= 0xFF9F:
		return "half-width katakana (a wrong code page)"
	case r == '?':
		return questionBetweenHan(s, i, i+n)
	case r == 'o' || r == 'O':
		return loneO(s, i)
	case r >= 0x370 && r <= 0x4FF:
		return alienLetter(s, i, r, n)
	}
	return ""
}

// IsControl reports whether r is a control character that report text
// never holds: C0 other than tab and line ends, DEL, and C1 (U+0080–U+009F,
// what a wrong code page leaves).
func IsControl(r rune) bool {
	return unicode.Is(unicode.Cc, r) && r != '\t' && r != '\n' && r != '\r'
}

// FirstControl returns the byte offset and the rune of the first control
// character in s (see IsControl), or -1.
func FirstControl(s string) (int, rune) {
	for i, r := range s {
		if r < 0x20 || r >= 0x7F && r <= 0x9F {
			if IsControl(r) {
				return i, r
			}
		}
	}
	return -1, 0
}

// isInvisible reports zero-width and direction characters.
func isInvisible(r rune) bool {
	return r >= 0x200B && r <= 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2060 && r <= 0x2064 || r == 0xFEFF
}

// questionRun returns the byte length of the run of ? at i.
func questionRun(s string, i int) int {
	j := i
	for j < len(s) && s[j] == '?' {
		j++
	}
	return j - i
}

// questionBetweenHan reports a run of ? at s[i:j] between two Chinese
// characters: a lost character or a lost ·.
func questionBetweenHan(s string, i, j int) string {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[j:])
	if i > 0 && j < len(s) && isHan(prev) && isHan(next) {
		return "? between Chinese characters (a lost character or ·)"
	}
	return ""
}

// loneO reports an o or O that is not part of a Latin word and touches
// Chinese text or stands between digits: a 。 or 〇 or 0 not repaired.
func loneO(s string, i int) string {
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

// alienLetter reports a Greek or Cyrillic letter next to Chinese text, or a
// lookalike of 0 next to a digit.
func alienLetter(s string, i int, r rune, n int) string {
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

// traditional lists common Traditional-only characters, whose simplified
// forms differ and which simplified text does not use.
const traditional = "經濟發國會區縣鎮務實農業們這為與產開關對時現員進設總計劃報鄉書記長門問題環樣體製醫療衛財稅資項條興機構據傳統華東廣軍黨導層級優質綠邊運輸網絡幹審議聯維護證熱點盡積極變選擇隊價參龍壓災險監藝術觀愛萬億兩從專雙來個說動學過還將應後電車場歲齊辦號見響歷團組織職創堅領義麼鬥爭勞費購買賣貿準標種園風氣溫裡臺灣紀錄檢驗貧脫鞏"

// tradSet marks the characters of traditional, by offset from U+4E00.
var tradSet [0x9FFF - 0x4E00 + 1]bool

func init() {
	for _, r := range traditional {
		tradSet[r-0x4E00] = true
	}
}

func isTraditional(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF && tradSet[r-0x4E00] }

// cjkAt decodes the character of the CJK block (U+4000–U+9FFF, three
// bytes) at s[i], if one is there.
func cjkAt(s string, i int) (rune, bool) {
	if c := s[i]; c < 0xE4 || c > 0xE9 || i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0, false
	}
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), true
}

// checkTraditional reports Traditional characters, one issue per line.
func checkTraditional(s string, out []Issue) []Issue {
	first, last := -1, 0
	var seen []rune
	flush := func() {
		if first >= 0 {
			what := fmt.Sprintf("Traditional characters %s", string(seen))
			out = append(out, issue(s, first, last, report.Warning, CodeSuspicious, what))
		}
		first, seen = -1, seen[:0]
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			flush()
			continue
		}
		r, ok := cjkAt(s, i)
		if !ok {
			continue // a valid character of the CJK block starts at a lead byte
		}
		if isTraditional(r) {
			if first < 0 {
				first = i
			}
			last = i + 3
			if len(seen) < 8 && !slices.Contains(seen, r) {
				seen = append(seen, r)
			}
		}
		i += 2
	}
	flush()
	return out
}

// checkPercent reports a % with no figure before it (增长%).
//
// at are where % and ％ stand (surveyCheck).
func checkPercent(s string, at []int, out []Issue) []Issue {
	for _, i := range at {
		n := 1
		if s[i] != '%' {
			n = len("％")
		}
		prev := nearLeft(s, i)
		if prev < 0 || prev == '\n' || isChinese(prev) {
			out = append(out, issue(s, i, i+n, report.Warning, CodeMissingFigure, "no figure before"))
		}
	}
	return out
}

// inChineseText vets a match of group 1 that must stand alone next to
// Chinese text: no letter, digit or _ around it, and a Chinese character
// or full-width mark on one side ((PM_2.5), not a file name or a URL).
func inChineseText(s string, m []int) bool {
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

// notAfterDigit vets a match whose group 1 must start a number.
func notAfterDigit(s string, m []int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:m[2]])
	return m[2] == 0 || !isDigit(r) && r != '.' && r != ','
}

// countNouns name what a bare 万 counts when they come just before the
// figure (医疗旅游人次86.5万，常住人口5.2万): no unit is missing.
var countNouns = []string{"人次", "人口", "人数", "户数", "游客", "客流", "旅客", "人流", "数量"}

func countedBefore(before string) bool {
	for _, w := range countNouns {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

var patternRules = []patternRule{
	{
		find:  docNo,
		level: report.Warning, code: CodeSuspicious, what: "文号 year not in 〔〕:",
		ok: func(s string, m []int) bool {
			g := s[m[2]:m[3]]
			prev, _ := utf8.DecodeLastRuneInString(s[:m[2]])
			return isHan(prev) && (!strings.HasPrefix(g, "〔") || !strings.HasSuffix(g, "〕"))
		},
	},
	{
		find:  lostDate,
		level: report.Warning, code: CodeSuspicious, what: "date with characters lost",
		ok: notAfterDigit,
	},
	{
		find:  twoYears,
		level: report.Warning, code: CodeSuspicious, what: "two years run together",
		ok: notAfterDigit,
	},
	{
		find:  yearShare, // 2023%: a share never is
		level: report.Warning, code: CodeRewritten, what: "figure that starts with a year (find-and-replace?)",
		ok: notAfterDigit,
	},
	{
		find: yearAmount,
		// Info, not a warning: genuine amounts start so too (营造林2027万亩).
		level: report.Info, code: CodeRewritten, what: "figure that starts with a year (find-and-replace?)",
		ok: notAfterDigit,
	},
	{
		// A year in Chinese numerals with three of its four digits: a 〇
		// lost in copying (二三五年 for 二〇三五年).
		find:  cnYear,
		level: report.Warning, code: CodeSuspicious, what: "year in Chinese numerals with a digit lost (a 〇?):",
		ok: func(s string, m []int) bool {
			r, _ := utf8.DecodeLastRuneInString(s[:m[2]])
			return m[2] == 0 || !strings.ContainsRune("〇零○一二三四五六七八九十百千万两", r)
		},
	},
	{
		// Letters, _ and a figure in Chinese text: a subscript lost in
		// copying (PM_2.5 for PM₂.₅, written PM2.5). Reported, not changed.
		find:  subscript,
		level: report.Warning, code: CodeSuspicious, what: "_ inside a name (a subscript lost in copying? PM2.5):",
		ok: inChineseText,
	},
	{
		// A figure in 万 or 亿 that ends a clause has lost its unit, whole
		// (174万，) or not (145.98亿，): 万元, 万人, 亿元 are written out.
		find:  bareMagnitude,
		level: report.Info, code: CodeUnitMissing, what: "no unit after",
		ok: func(s string, m []int) bool { return notAfterDigit(s, m) && !countedBefore(s[:m[2]]) },
	},
}

// needFigure lists phrases that cannot end a clause: a figure must follow.
// Bare 增长, 下降, 提高 and 完成 are left out: they end clauses in prose
// (收入稳步增长。项目已全部完成。).
var needFigure = []string{
	"同比增长", "同比下降", "同比减少", "同比增加", "同比提高", "同比降低",
	"比上年增长", "比上年下降", "比上年减少", "比上年增加",
	"较上年增长", "较上年下降", "较上年减少", "较上年增加",
	"年均增长", "分别增长", "增长了", "下降了", "提高了", "达到", "调整为",
	"分别为", "增幅为", "降幅为", "增速为", "占比为", "比重为",
}

// sharesUnit reports whether the figure ending at k is one of a list whose
// last figure carries the unit for all (提高15、22个百分点, 增长5、6%).
func sharesUnit(s string, k int) bool {
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

// changeVerbs are the verbs after which checkVerbs looks for a figure
// whose unit is there without it (增长万元) or that lost its %; the last
// three take no %.
var changeVerbs = []string{"增长", "下降", "提高", "增加", "减少", "完成"}

// verbPhrases are needFigure and changeVerbs, the phrases checkVerbs finds;
// phraseStarts indexes them by their first character, which is one of
// the CJK block, and phraseBits marks those characters.
var (
	verbPhrases  = append(slices.Clip(needFigure), changeVerbs...)
	phraseStarts = map[rune][]int{}
	phraseBits   [(cjkEnd - cjkStart + 63) / 64]uint64
)

func init() {
	if len(verbPhrases) > 64 {
		panic("typo: more than 64 phrases for findPhrases")
	}
	for k, v := range verbPhrases {
		r, _ := utf8.DecodeRuneInString(v)
		if r < cjkStart || r >= cjkEnd || utf8.RuneLen(r) != 3 {
			panic("typo: phrase " + v + " does not start with a character of the CJK block")
		}
		phraseStarts[r] = append(phraseStarts[r], k)
		phraseBits[(r-cjkStart)/64] |= 1 << ((r - cjkStart) % 64)
	}
}

// phraseHit is phrase k of verbPhrases found at off.
type phraseHit struct{ k, off int }

// findPhrases returns where the phrases of verbPhrases stand in s: for each
// phrase, its occurrences that do not overlap an earlier one (as
// strings.Index finds them one after the other), all ordered by phrase and
// then by offset. starts are where the characters that start a phrase
// stand (phraseBits), in order (surveyCheck).
func findPhrases(s string, starts []int, hits []phraseHit) []phraseHit {
	var next [64]int // the end of each phrase's last occurrence
	sorted := true
	for _, i := range starts {
		r, _ := cjkAt(s, i)
		for _, k := range phraseStarts[r] {
			if i >= next[k] && strings.HasPrefix(s[i:], verbPhrases[k]) {
				if len(hits) > 0 && hits[len(hits)-1].k > k {
					sorted = false
				}
				hits = append(hits, phraseHit{k, i})
				next[k] = i + len(verbPhrases[k])
			}
		}
	}
	if !sorted {
		slices.SortStableFunc(hits, func(a, b phraseHit) int { return a.k - b.k })
	}
	return hits
}

// checkVerbs reports figures missing after change verbs (同比增长；,
// 调整为：，, 增长万元) and a % missing after one (同比增长18.3；).
func checkVerbs(s string, starts []int, out []Issue) []Issue {
	var buf [16]phraseHit
	for _, h := range findPhrases(s, starts, buf[:0]) {
		v, i := verbPhrases[h.k], h.off
		if h.k < len(needFigure) {
			if endsClause(s, i+len(v)) {
				out = append(out, issue(s, i, i+len(v), report.Warning, CodeMissingFigure, "no figure after"))
			}
			continue
		}
		j := i + len(v)
		for _, u := range []string{"万元", "亿元", "个百分点"} {
			if strings.HasPrefix(s[j:], u) && !namesCategory(s[j+len(u):]) {
				out = append(out, issue(s, i, j+len(u), report.Warning, CodeMissingFigure, "no figure in"))
			}
		}
		if v == "增加" || v == "减少" || v == "完成" {
			continue
		}
		if k := numberEnd(s, j); k > j && endsClause(s, k) && !sharesUnit(s, k) {
			out = append(out, issue(s, j, k, report.Info, CodeUnitMissing, "no % after"))
		}
	}
	return out
}

// categoryWords follow a magnitude and unit used as the name of a class of
// things rather than as an amount: 亿元项目, 亿元以上项目, 万元户, 亿元级企业.
var categoryWords = []string{
	"项目", "以上", "以下", "级", "户", "企业", "产业", "工程", "大关", "台阶", "村", "规模",
}

// namesCategory reports whether rest, the text after 万元 or 亿元, makes
// them part of a category name (完成亿元项目招引) and not an amount whose
// figure is missing (增长万元).
func namesCategory(rest string) bool {
	for _, w := range categoryWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// endsClause reports whether clause punctuation or a line end is at j.
func endsClause(s string, j int) bool {
	r, _ := utf8.DecodeRuneInString(s[j:])
	return j == len(s) || strings.ContainsRune("，。；：、！？,;:!?）)\n\r", r)
}

// numberEnd returns the end of the number (digits, one decimal part) at j,
// or j if there is none.
func numberEnd(s string, j int) int {
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

// checkLoneDashes reports a lone — or ― between two Chinese characters,
// which Normalize leaves as it is: right as the 一字线 GB/T 15834 allows
// between place names and points (西宁—海东), wrong as a 破折号 (——). A
// chain of short names (西宁—成都—曼谷) is plainly a connector and not
// reported.
func checkLoneDashes(s string, out []Issue) []Issue {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != 0xE2 || s[i+1] != 0x80 || s[i+2] != 0x94 && s[i+2] != 0x95 {
			continue // — is E2 80 94 in UTF-8, ― E2 80 95
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if loneDashAt(s, i) && !inDashChain(s, i) {
			out = append(out, Issue{Off: i, End: i + utf8.RuneLen(r), Level: report.Info, Code: CodeSuspicious,
				Message: fmt.Sprintf("lone %c between words in %q: right as a connector (西宁—海东); a dash is ——", r, clause(s, i, i+utf8.RuneLen(r)))})
		}
	}
	return out
}

func isDashRune(r rune) bool { return r == '—' || r == '―' }

// loneDashAt reports whether the dash at i stands alone between two
// Chinese characters, or between a name ending in a bracket (中国（河南）)
// and a Chinese character.
func loneDashAt(s string, i int) bool {
	prev, pn := utf8.DecodeLastRuneInString(s[:i])
	_, n := utf8.DecodeRuneInString(s[i:])
	next, nn := utf8.DecodeRuneInString(s[i+n:])
	return pn > 0 && nn > 0 && (isHan(prev) || closesName(s, i)) && isHan(next)
}

// maxBracketed is the longest bracketed part of a name, in characters:
// 中国（河南）, 中国（上海）自由贸易试验区.
const maxBracketed = 8

// closesName reports whether s[:i] ends with a bracketed part of a name:
// a closing ） or ) whose opening bracket, at most maxBracketed Chinese
// characters back, follows a Chinese character (中国（河南）).
func closesName(s string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if r != '）' && r != ')' {
		return false
	}
	j := i - n
	for k := 0; k <= maxBracketed && j > 0; k++ {
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

// maxChainName is the longest name, in characters, in a chain of names.
const maxChainName = 6

// inDashChain reports whether the lone dash at i is one of two or more
// joining short names: another lone dash stands at most maxChainName
// Chinese characters before or after it.
func inDashChain(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	for k := 0; k <= maxChainName && j < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[j:])
		if isDashRune(r) {
			return k > 0 && loneDashAt(s, j)
		}
		if !isHan(r) {
			break
		}
		j += size
	}
	j = i
	for k := 0; k <= maxChainName && j > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if isDashRune(r) {
			return k > 0 && loneDashAt(s, j-size)
		}
		if !isHan(r) {
			break
		}
		j -= size
	}
	return false
}
