package indicator

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// number is one number as written: Arabic, Chinese or a placeholder.
type number struct {
	digits   string // ASCII decimal ("4.2", "1100"); "" when redacted
	redacted bool
	chinese  bool
}

// figure is one quantity found in a clause. Offsets are bytes in the clause.
type figure struct {
	start, end   int // the figure as written: clause[start:end]
	qstart, qend int // with the qualifiers written before and after it
	num, top     number
	hasTop       bool // a range: num is its bottom, top its top
	magnitude    string
	shift        int // the magnitude's power of ten
	unit         string
	qualifier    string
	unitMissing  bool
	change, down bool
	used         int    // end of the words after it that its label took, or 0
	fromTo       string // the label of the figure a change starts from (由21%提升至74%)
	fromYear     int    // the year of a figure a change starts from (由2020年的50%)
	fromStart    bool   // a change starts from it (由21%提升至74%)
	// modifier is a threshold or an age that defines a class of the noun
	// after it (50头以上养殖大户, 5岁以下儿童): not a quantity, but part of
	// the label of the figure after it.
	modifier bool
}

// scanFigures appends the quantities a clause states to figs, in order.
// The clause is s, at byte from of its text, and starts are where a figure
// may start in it (isFigureStart), as offsets in the text.
func scanFigures(s string, from int, starts []int, figs []figure) []figure {
	i := 0
	for _, at := range starts {
		at -= from
		if at < i {
			continue
		}
		f, next, ok := figureAt(s, at)
		if ok {
			figs = append(figs, f)
		}
		_, w := utf8.DecodeRuneInString(s[at:])
		i = max(next, at+w)
	}
	return figs
}

// isFigureStart reports whether a figure may start with r: a digit, a
// placeholder, a letter (read so that 5G and APP are skipped whole) or a
// Chinese numeral.
func isFigureStart(r rune) bool {
	return r != '.' && r != ',' && (isRunChar(r) || isCnDigit(r))
}

// figureAt reads the figure starting at byte i. When there is none it
// returns ok false and the offset past the number-like run at i.
func figureAt(s string, i int) (f figure, next int, ok bool) {
	n, end, ok := readNumber(s, i)
	if !ok {
		return f, end, false
	}
	f = figure{start: i, qstart: i, num: n}
	p := readRange(s, end, &f)
	p = readUnit(s, p, &f)
	p = readRangeAfterUnit(s, p, &f)
	f.end, f.qend = p, p
	if q := prefixIn(s[p:], suffixQualifiers); q != "" && (f.unit != "" || f.magnitude != "") {
		f.qend = p + len(q)
		if f.qualifier == "" {
			f.qualifier = q
		}
	}
	if strings.HasPrefix(s[f.end:], "级") || isFormat(s[f.end:]) || quotedSlogan(s, f.start) || f.unit == "位" && strings.HasPrefix(s[f.end:], "数") {
		return f, end, false // a rating: 20万吨级泊位; a format: 3人制; a slogan: “3个100万”
	}
	if !lookBehind(s, &f) || !blankIsFigure(s, &f, end) {
		return f, end, false
	}
	f.modifier = definesClass(s, &f)
	return f, f.qend, true
}

// isFormat reports whether 制 after a count makes it a format (3人制篮球场,
// 三班制), not a quantity; 制作, 制定, 制造 after a figure are verbs.
func isFormat(rest string) bool {
	t, ok := strings.CutPrefix(rest, "制")
	return ok && prefixIn(t, []string{"作", "定", "造", "订", "品", "图", "止", "剂", "备", "冷", "约", "度"}) == ""
}

// quotedSlogan reports whether the figure at byte i stands in a short
// quotation that holds another number too: “3个100万”, “1+3+N” name a
// programme, they state no quantity.
func quotedSlogan(s string, i int) bool {
	open := lastIndex(s[:i], "“")
	if open < 0 || strings.Contains(s[open:i], "”") {
		return false
	}
	n := strings.Index(s[i:], "”")
	if n < 0 {
		return false
	}
	inner := s[open+len("“") : i+n]
	if utf8.RuneCountInString(inner) > 12 {
		return false
	}
	runs := 0
	for j := 0; j < len(inner); {
		r, w := utf8.DecodeRuneInString(inner[j:])
		if isDigit(r) {
			runs++
			for j < len(inner) && (isDigit(rune(inner[j])) || inner[j] == '.') {
				j++
			}
			continue
		}
		j += w
		if isCnDigit(r) { // “三个80%”
			runs++
			for r, w = utf8.DecodeRuneInString(inner[j:]); isCnDigit(r); r, w = utf8.DecodeRuneInString(inner[j:]) {
				j += w
			}
		}
	}
	return runs >= 2
}

// definesClass reports whether a threshold (50头以上, 1000万元以下) or an
// age (5岁, 60周岁以上) stands right before a noun, with or without 的:
// it then says which members of the noun are meant (50头以上养殖大户,
// 5岁以下儿童死亡率) and is not a quantity of its own.
func definesClass(s string, f *figure) bool {
	q := s[f.end:f.qend]
	if q != "以上" && q != "以下" && f.unit != "岁" && f.unit != "周岁" {
		return false
	}
	n, _ := nounAfter(strings.TrimPrefix(s[f.qend:], "的"))
	return n != "" && changeIndex.prefix(n) == "" && prefixIn(n, []string{"降", "至", "到"}) == ""
}

// blankIsFigure reports whether a fill-in blank (_, a run of underscores
// ending at end) stands for a figure: with a magnitude or a unit of measure
// (_万元, _亩), or a count that ends its phrase (开展活动_场，). Before
// anything else a blank is a withheld name: 在_场设置 is a place.
func blankIsFigure(s string, f *figure, end int) bool {
	if strings.Trim(s[f.start:end], "_＿") != "" {
		return true
	}
	if f.magnitude != "" || !slices.Contains(counters, f.unit) {
		return true
	}
	return bareEnd(s[f.qend:])
}

// readRange reads the top of a range (3-5万元, 3至5个) after a number
// ending at p and returns the offset after it, or p when there is none.
func readRange(s string, p int, f *figure) int {
	q := skipSpaces(s, p)
	mag, _ := magnitudeAt(s, q)
	q += len(mag)
	top, end, ok := rangeTop(s, q, rangeSeps, f)
	if !ok {
		return p
	}
	if m2, _ := magnitudeAt(s, skipSpaces(s, end)); mag != "" && m2 != mag {
		return p
	}
	f.top, f.hasTop = top, true
	return end
}

// readRangeAfterUnit reads the top of a range whose two ends are written
// each with its unit (4.5%-5%, 4.5%—5%) after a figure ending at p, and
// returns the offset after it, or p when there is none. Only a dash joins
// them here: 2%到5% says where a change goes.
func readRangeAfterUnit(s string, p int, f *figure) int {
	if f.hasTop || f.unit == "" || f.unitMissing {
		return p
	}
	top, end, ok := rangeTop(s, p, rangeDashes, f)
	if !ok {
		return p
	}
	g := figure{num: top}
	q := readUnit(s, end, &g)
	if g.unitMissing || g.unit != f.unit || g.magnitude != f.magnitude || g.qualifier != "" {
		return p
	}
	f.top, f.hasTop = top, true
	return q
}

// rangeTop reads one of seps at byte q of s and the number after it, the
// top of a range whose bottom is f's number, written alike (both in digits
// or both in words), and returns it and the offset after it.
func rangeTop(s string, q int, seps []string, f *figure) (top number, end int, ok bool) {
	sep := prefixIn(s[q:], seps)
	if sep == "" {
		return top, q, false
	}
	top, end, ok = readNumber(s, q+len(sep))
	return top, end, ok && top.chinese == f.num.chinese
}

// readUnit reads what follows a number: 余/多, a magnitude, the unit. It
// returns the offset after the last part read.
func readUnit(s string, p int, f *figure) int {
	q := skipSpaces(s, p)
	inner := prefixIn(s[q:], innerQualifiers)
	q += len(inner)
	mag, shift := magnitudeAt(s, q)
	q += len(mag)
	if inner == "" {
		inner = prefixIn(s[q:], innerQualifiers)
		q += len(inner)
	}
	list := unitIndex
	if f.num.chinese {
		list = cnUnitIndex
	}
	u := unitAt(s, skipSpaces(s, q), list)
	switch {
	case u != "":
		q = skipSpaces(s, q) + len(u)
		u, q = compoundUnit(s, u, q)
		if w := prefixIn(s[q:], unitOf[u]); w != "" {
			u, q = u+w, q+len(w) // 2.3亿吨标准煤, 60万亩次
		}
	case mag == "" && inner == "" && isDuration(s, f, q):
		u, q = "年", q+len("年")
	case mag == "" && inner == "" && sharedUnit(s, p, f):
		return p
	case mag != "" && isCubic(s[skipSpaces(s, q):]):
		u, q = compoundUnit(s, "方", skipSpaces(s, q)+len("方")) // 150亿方 of water or gas: cubic metres
	case mag == "":
		f.unitMissing = true
		return p // a bare number: kept only after a change word
	default:
		f.unitMissing = true
	}
	f.qualifier, f.magnitude, f.shift, f.unit = inner, mag, shift, u
	return q
}

// sharedUnit gives a bare number ending at p the magnitude and unit of the
// last number of the list it starts (提高20.9、36.2、54个百分点: 20.9 and
// 36.2 are in 个百分点 too), and reports whether it did. A unit of time
// (2020、2021年; 1、2月) is not shared: those numbers name times.
func sharedUnit(s string, p int, f *figure) bool {
	for q := p; ; {
		sep := prefixIn(s[q:], []string{"、", "和", "与"})
		if sep == "" {
			return false
		}
		n, end, ok := readNumber(s, q+len(sep))
		if !ok || n.chinese != f.num.chinese || n.redacted != f.num.redacted {
			return false
		}
		g := figure{num: n}
		e := readUnit(s, end, &g)
		switch {
		case g.unit == "" && g.magnitude == "":
			q = e
			continue
		case g.unitMissing || g.qualifier != "" || slices.Contains(timeUnits, g.unit):
			return false
		}
		f.magnitude, f.shift, f.unit = g.magnitude, g.shift, g.unit
		return true
	}
}

// unitOf lists what completes a unit written after it: 吨标准煤 measures
// energy, 亩次 counts the times an area was worked.
var unitOf = map[string][]string{"吨": {"标准煤", "标煤", "油当量", "二氧化碳当量"}, "亩": {"次"}, "公顷": {"次"}}

// timeUnits name a time rather than a quantity after a list of numbers.
var timeUnits = []string{"年", "月", "日", "时", "号", "点"}

// isCubic reports whether 方 at the start of rest, after a magnitude, is a
// cubic metre (150亿方, 10亿方以上), not a word (万方面, 亿方案).
func isCubic(rest string) bool {
	t, ok := strings.CutPrefix(rest, "方")
	return ok && !charBefore(firstRunes(t, 1), "面案式向法针阵便位舱志言圆")
}

// isDuration reports whether the 年 at byte q, after the number of f, makes
// a span of years: a number with decimals (14.2年), or one after a word for
// a span (受教育年限达到12年, 合同期限为3年). A year (2023年), a streak (连续3年)
// and a time (5年来, 3年内) are no quantity.
func isDuration(s string, f *figure, q int) bool {
	rest, ok := strings.CutPrefix(s[q:], "年")
	if !ok || f.num.chinese || f.num.redacted || prefixIn(rest, notSpan) != "" {
		return false
	}
	if strings.Contains(f.num.digits, ".") {
		return true
	}
	b := trimSuffixes(s[:f.start], tailIndex)
	return suffixIn(b, spanNouns) != ""
}

// spanNouns name a span of years; notSpan, after N年, make it a time.
var (
	spanNouns = []string{"年限", "期限", "工龄", "周期", "工期"}
	notSpan   = []string{"来", "内", "间", "后", "前", "以来", "度", "级", "代", "底", "初", "末", "中", "份"}
)

// compoundUnit extends a unit by a per-unit: 元/月, 元/亩.
func compoundUnit(s, u string, q int) (string, int) {
	rest := s[q:]
	slash := prefixIn(rest, []string{"/", "／"})
	if slash == "" {
		return u, q
	}
	per := prefixIn(rest[len(slash):], []string{"平方米", "立方米", "小时", "月", "年", "日", "天", "人", "亩", "户", "次", "吨", "公斤", "斤", "个"})
	if per == "" {
		return u, q
	}
	return u + "/" + per, q + len(slash) + len(per)
}

// unitAt returns the unit of list that starts at byte p, unless it is only
// the first half of a word (项目, 人民).
func unitAt(s string, p int, list wordIndex) string {
	u := list.prefix(s[p:])
	if u == "" {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(s[p+len(u):])
	if strings.ContainsRune(wordAfter[u], r) || isLatin(rune(u[0])) && (isLatin(r) || isDigit(r)) {
		return ""
	}
	return u
}

func magnitudeAt(s string, p int) (string, int) {
	for _, m := range magnitudes {
		if strings.HasPrefix(s[p:], m.word) {
			return m.word, m.shift
		}
	}
	return "", 0
}

// lookBehind reads what stands before a figure: a prefix qualifier, an
// ordinal (第), a change word. It reports false when the figure is not a
// quantity after all.
func lookBehind(s string, f *figure) bool {
	before := s[:f.start]
	for _, pq := range prefixQualifiers {
		if w := pq[0]; strings.HasSuffix(before, w) && !charBefore(before[:len(before)-len(w)], notPrefix[w]) {
			if f.qualifier == "" {
				f.qualifier = pq[1]
			}
			f.qstart = f.start - len(w)
			break
		}
	}
	b := s[:f.qstart]
	if isRank(b, f) || isSession(s, f) {
		return false
	}
	if f.num.chinese && (isSlogan(s[f.start:]) || charBefore(b, "“‘\"「『初周每这那该此") || isFigurative(s[f.end:]) || countsList(b, f)) {
		return false
	}
	if charBefore(b, "每") {
		return false // a base: 每10万人口, 每万元
	}
	f.change, f.down = changeBefore(b)
	return f.unit != "" || f.magnitude != "" || f.change && bareEnd(s[f.end:])
}

// countsList reports whether a count in words only counts the items
// listed just before it (安阳、商丘、信阳、三门峡四个端点城市; 垃圾分类和物业
// 管理两个关键小事): it restates the list, it measures nothing.
func countsList(b string, f *figure) bool {
	n, err := strconv.Atoi(f.num.digits)
	if err != nil || n < 2 || f.hasTop || !slices.Contains([]string{"个", "项", "种", "类", "件"}, f.unit) {
		return false
	}
	if i := strings.LastIndexAny(b, "，,；;：:。（(“"); i >= 0 {
		_, w := utf8.DecodeRuneInString(b[i:])
		b = b[i+w:]
	}
	items := strings.Split(b, "、")
	for _, and := range []string{"和", "及", "与"} {
		if len(items) > 1 {
			break
		}
		if parts := strings.Split(b, and); len(parts) == 2 {
			items = parts
		}
	}
	return len(items) == n && !slices.Contains(items, "")
}

// isRank reports whether a figure is a place in a ranking: 第3, 前10名,
// 排名前1%.
func isRank(b string, f *figure) bool {
	if strings.HasSuffix(b, "第") {
		return true
	}
	b, ok := strings.CutSuffix(b, "前")
	return ok && (f.unit == "名" || f.unit == "位" || suffixIn(b, rankWords) != "")
}

// isSession reports whether a count of 次 numbers a meeting: 十四届十次全会,
// 县十八届人大三次会议. A session of a body elected for a term (届) is an
// ordinal, not a count of meetings.
func isSession(s string, f *figure) bool {
	if f.unit != "次" {
		return false
	}
	rest := s[f.end:]
	if strings.HasPrefix(rest, "全会") || strings.HasPrefix(rest, "全体会议") {
		return true
	}
	return prefixIn(rest, []string{"会议", "大会", "常委会"}) != "" &&
		strings.Contains(lastRunes(s[:f.start], 8), "届")
}

// isFigurative reports whether a Chinese count is a figure of speech: 两场
// 没有硝烟的“战役”, 打好三场硬仗. The battle a count names is looked for
// in the few characters after it.
func isFigurative(rest string) bool {
	return containsAny(firstRunes(rest, 12), figurativeNouns)
}

// changeBefore reports whether a change word stands right before a figure
// (同比增长20.56%, 下降了3%) and whether it is a fall.
func changeBefore(b string) (change, down bool) {
	for k := 0; k < 2; k++ {
		if c := suffixIn(b, connectors); c != "" {
			b = b[:len(b)-len(c)]
		}
	}
	if w := suffixIn(b, changeDown); w != "" {
		return true, true
	}
	if w := suffixIn(b, changeUp); w != "" {
		return !(w == "增" && strings.HasSuffix(b, "新增")), false
	}
	return false, false
}

// bareEnd reports whether a number without a unit ends its phrase there,
// as in 同比增长18.3；, so that it can only be a figure whose unit was lost.
func bareEnd(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || ending(r) != 0 || strings.ContainsRune("、 ）)", r)
}

// isSlogan reports whether a Chinese numeral starts a numbered slogan.
func isSlogan(s string) bool {
	return prefixIn(s, slogans) != ""
}

// charBefore reports whether the last character of s is one of set.
func charBefore(s, set string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && strings.ContainsRune(set, r)
}

func skipSpaces(s string, p int) int {
	for p < len(s) && s[p] == ' ' {
		p++
	}
	if strings.HasPrefix(s[p:], "\u3000") {
		return skipSpaces(s, p+len("\u3000"))
	}
	return p
}

// readNumber reads the number at byte i: a run of Arabic digits (with
// thousands separators and a decimal point), of placeholder characters
// (XX, x.x, ××, **), or of Chinese numerals. end is past the run either way.
func readNumber(s string, i int) (n number, end int, ok bool) {
	r, _ := utf8.DecodeRuneInString(s[i:])
	if isCnDigit(r) {
		return readChinese(s, i)
	}
	end = runEnd(s, i)
	run := s[i:end]
	if !isRunChar(r) {
		return n, end, false
	}
	if hasLetters(run) {
		if run = numberBeforeUnit(run); run == "" {
			return n, end, false
		}
		end = i + len(run)
	}
	if strings.ContainsFunc(run, isPlaceholder) {
		return number{redacted: true}, end, true
	}
	d := asciiDigits(run)
	if d == "" || d[0] == '.' {
		return n, end, false
	}
	return number{digits: d}, end, true
}

// runEnd returns the end of the run of number-like characters at i: digits,
// letters (so that 5G and APP are skipped whole), placeholder characters, a
// decimal point between them and thousands separators.
func runEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case isRunChar(r) && r != '.' && r != ',':
		case r == '.' && j > i && j+1 < len(s) && isRunChar(rune(s[j+1])) && s[j+1] != '.':
		case r == ',' && j > i && thousands(s[j+1:]):
		default:
			return j
		}
		j += w
	}
	return j
}

// thousands reports whether s starts with a group of three digits that ends
// there: the part of 1,200 after its comma.
func thousands(s string) bool {
	if len(s) < 3 || !isDigit(rune(s[0])) || !isDigit(rune(s[1])) || !isDigit(rune(s[2])) {
		return false
	}
	return len(s) == 3 || !isDigit(rune(s[3]))
}

func isRunChar(r rune) bool {
	return isDigit(r) || isPlaceholder(r) || r == '.' || r == ',' || isLatin(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isPlaceholder reports whether r stands for a withheld digit.
func isPlaceholder(r rune) bool {
	switch r {
	case 'X', 'x', '×', 'Ｘ', 'ｘ', '*', '＊', '_':
		return true
	}
	return false
}

// hasLetters reports whether a run holds letters that are not placeholders:
// 5G, G312, APP are codes and names, not figures.
func hasLetters(run string) bool {
	for _, r := range run {
		if isLatin(r) && r != 'X' && r != 'x' {
			return true
		}
	}
	return false
}

// numberBeforeUnit returns the number of a run that is a number with a
// Latin unit written after it (300P, 100MW), or "".
func numberBeforeUnit(run string) string {
	i := strings.IndexFunc(run, func(r rune) bool { return isLatin(r) && r != 'X' && r != 'x' })
	if i <= 0 || !slices.Contains(asciiUnits, run[i:]) || hasLetters(run[:i]) {
		return ""
	}
	return run[:i]
}

func isLatin(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// asciiDigits returns run with full-width digits made ASCII and thousands
// separators removed.
func asciiDigits(run string) string {
	var b strings.Builder
	for _, r := range run {
		switch {
		case r >= '０' && r <= '９':
			b.WriteByte(byte('0' + r - '０'))
		case r != ',':
			b.WriteRune(r)
		}
	}
	return strings.TrimSuffix(b.String(), ".")
}

func isCnDigit(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

// readChinese reads a run of Chinese numerals. A trailing 万 or 亿 is left
// for readUnit as the magnitude. A lone 一 (一家规上企业, 一批) is the
// indefinite article, and 千家万户, 百姓, 批零户 are words: none is a count.
func readChinese(s string, i int) (n number, end int, ok bool) {
	end = i
	for end < len(s) {
		r, w := utf8.DecodeRuneInString(s[end:])
		if !isCnDigit(r) {
			break
		}
		end += w
	}
	run := s[i:end]
	for _, m := range magnitudes {
		if t := strings.TrimSuffix(run, m.word); t != run && t != "" {
			run, end = t, i+len(t)
			break
		}
	}
	r, _ := utf8.DecodeRuneInString(run)
	if run == "一" || strings.ContainsRune("零〇百千万亿", r) {
		return n, end, false
	}
	v, ok := cnValue(run)
	if !ok || v == 0 {
		return n, end, false
	}
	return number{digits: strconv.FormatInt(v, 10), chinese: true}, end, true
}

// cnValue is the value of Chinese numerals such as 二十三, 一百零五, 两千.
// Digits in a row (一二三产, 二〇二三) make no number.
func cnValue(s string) (int64, bool) {
	var total, section, digit int64
	prevDigit := false
	for _, r := range s {
		if v, ok := cnDigitValue(r); ok {
			if prevDigit && v != 0 && digit != 0 {
				return 0, false
			}
			digit, prevDigit = v, true
			continue
		}
		prevDigit = false
		m := cnMultiplier(r)
		switch {
		case m < 1e4:
			if digit == 0 {
				digit = 1
			}
			section += digit * m
		default:
			total += (section + digit) * m
			section = 0
		}
		digit = 0
	}
	return total + section + digit, true
}

// cnDigitValue returns the value of a Chinese digit (零〇一二两三四五六七八九).
func cnDigitValue(r rune) (int64, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// cnMultiplier returns the value of a Chinese multiplier (十百千万亿), or 0.
func cnMultiplier(r rune) int64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	case '万':
		return 1e4
	case '亿':
		return 1e8
	}
	return 0
}
