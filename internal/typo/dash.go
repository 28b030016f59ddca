package typo

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// 一一 as a dash. OCR and careless typing give 一一 for ——, but 一一 is also
// a word (一一对应, 一一落实) and part of numbers (二〇一一年) and of 统一一批,
// 唯一一家. A run of exactly two 一 becomes —— only when all of these hold:
//
//   - no Chinese numeral touches it (二〇一一年, 一一〇, 十一一);
//   - the character before does not make a word with 一 (统一, 逐一, 唯一,
//     单一, 同一, 之一, 第一…);
//   - what follows is not a verb that 一一 ("one by one") goes with
//     (一一对应, 一一列举, 一一核实, 一一落实, 一一解决, 一一整改…);
//
// and there is positive evidence of a dash: an ASCII digit follows
// (一一2023年2月), or it opens a line or follows punctuation or a space
// (dash-led paragraph: 一一综合实力更强), or the Chinese words after it hold
// the name of an organisation (企业一一安徽昊源工艺品有限公司做大做强).
func (p *planner) planYiyi() {
	s := p.s
	for off := 0; ; {
		k := strings.Index(s[off:], "一一")
		if k < 0 {
			return
		}
		i := off + k
		off = i + len("一一")
		if p.yiyiIsDash(i, off) {
			p.yiyi = append(p.yiyi, edit{i, off, "——", CodeDash, clsChinese})
		}
	}
}

// yiWordBefore lists characters that make a word with a following 一.
const yiWordBefore = "统逐唯单同之划专不归合均如某每任其又另第初周期独纯择致"

// yiyiVerbs lists what 一一 ("one by one") goes with; a single character
// stands for every word it starts.
var yiyiVerbs = []string{
	"对", "列", "核", "落", "解", "整", "回", "见", "介", "道", "作", "审", "清",
	"比", "检", "查", "讲", "指", "说", "致", "答", "甄", "摸", "处", "进", "兑",
	"销", "予", "加", "做", "研", "反", "交", "督", "验", "上门", "梳", "登", "化",
	"过", "点", "签", "确", "推", "明", "细", "建", "录", "握", "走", "排", "询",
	"问", "看", "告", "通", "了", "分", "记", "标", "列", "诉", "讨", "复", "追",
	"抓", "跟", "送", "发", "收", "帮", "联", "拜", "慰", "考", "评", "试",
	"安排", "安置", "部署", "转", "交给", "征求", "听取", "作出",
}

// yiyiOrgEnds are endings of organisation names.
var yiyiOrgEnds = []string{
	"公司", "集团", "工厂", "合作社", "基地", "中心", "协会", "商会", "学校",
	"小学", "中学", "医院", "卫生院", "银行", "园区", "产业园", "超市", "酒店", "农场",
}

// yiyiIsDash decides the 一一 at s[i:j].
func (p *planner) yiyiIsDash(i, j int) bool {
	prev, pn := p.runeBefore(i)
	next, _ := p.runeAt(j)
	switch {
	case prev >= 0 && (isHanNumeral(prev) || strings.ContainsRune(yiWordBefore, prev)):
		return false
	case next >= 0 && isHanNumeral(next), findEdit(p.ocr, j) != nil && p.finalHan(j):
		return false // 一一〇五年 with 〇 written O
	}
	rest := p.s[j:]
	for _, v := range yiyiVerbs {
		if strings.HasPrefix(rest, v) {
			return false
		}
	}
	if p.finalAt(j) == clsDigit {
		return true
	}
	if pn == 0 {
		return true // opens the text
	}
	switch p.finalAt(i - pn) {
	case clsNone, clsSpace, clsOther:
		return true
	case clsChinese:
		if !isHan(prev) {
			return true // full-width punctuation
		}
	}
	return p.orgNameAfter(j)
}

// orgNameAfter reports whether the run of Chinese characters at j (at most
// 30) names an organisation: it holds one of yiyiOrgEnds, or ends in 厂.
func (p *planner) orgNameAfter(j int) bool {
	k := j
	for n := 0; n < 30 && k < len(p.s); n++ {
		r, size := utf8.DecodeRuneInString(p.s[k:])
		if !isHan(r) {
			break
		}
		k += size
	}
	word := p.s[j:k]
	for _, end := range yiyiOrgEnds {
		if strings.Contains(word, end) {
			return true
		}
	}
	return strings.HasSuffix(word, "厂")
}

// planCloseQuote makes 〞 (U+301E) a closing ” unless it closes a 〝 on its
// line, where the pair is used as it is.
func (p *planner) planCloseQuote() {
	s := p.s
	if !strings.Contains(s, "〞") {
		return
	}
	open := false
	for i, r := range s {
		switch r {
		case '\n', '\r':
			open = false
		case '〝':
			open = true
		case '〞':
			if open {
				open = false
				continue
			}
			p.quo = append(p.quo, edit{i, i + len("〞"), "”", CodeOCR, clsChinese})
		}
	}
}

// planLate decides the marks that are already full-width but wrong: —— for
// ―― (U+2015, a horizontal bar used as the dash), for －－ (exactly two,
// Chinese on both sides) and for a lone — or ― that is plainly a broken
// dash; …… for 。。。 or 。。。。。。 and for a lone …. A lone … converts when
// Chinese stands on one side of it; for a lone — see isBrokenDash.
func (p *planner) planLate() {
	for _, m := range []struct {
		mark string
		sv   survey
	}{{"－－", svHyphens}, {"。。。", svPeriods}, {"――", svBar}} {
		mark := m.mark
		if p.has&m.sv == 0 {
			continue
		}
		for off := 0; ; {
			k := strings.Index(p.s[off:], mark)
			if k < 0 {
				break
			}
			r, _ := utf8.DecodeRuneInString(mark)
			off += k + p.lateRun(off+k, r)
		}
	}
	slices.SortFunc(p.late, func(a, b edit) int { return a.start - b.start })
	for _, m := range []struct {
		r  rune
		sv survey
	}{{'—', svDash}, {'―', svBar}, {'…', svEllipsis}} {
		r := m.r
		if p.has&m.sv == 0 {
			continue
		}
		for off := 0; ; {
			k := strings.IndexRune(p.s[off:], r)
			if k < 0 {
				break
			}
			off += k + p.lateLone(off+k, r)
		}
	}
	slices.SortFunc(p.lone, func(a, b edit) int { return a.start - b.start })
}

// runLen returns the byte length of the run of r at i and its count.
func (p *planner) runLen(i int, r rune) (int, int) {
	j, count := i, 0
	for strings.HasPrefix(p.s[j:], string(r)) {
		j += utf8.RuneLen(r)
		count++
	}
	return j - i, count
}

// lateRun decides a run of － or 。 at i and returns its length.
func (p *planner) lateRun(i int, r rune) int {
	n, count := p.runLen(i, r)
	switch {
	case r == '－' && count == 2 && p.finalBefore(i) == clsChinese && p.finalAt(i+n) == clsChinese:
		p.late = append(p.late, edit{i, i + n, "——", CodeDash, clsChinese})
	case r == '。' && (count == 3 || count == 6):
		p.late = append(p.late, edit{i, i + n, "……", CodeDash, clsChinese})
	case r == '―' && count == 2:
		p.late = append(p.late, edit{i, i + n, "——", CodeDash, clsChinese})
	}
	return n
}

// lateLone decides a run of —, ― or … at i and returns its length.
func (p *planner) lateLone(i int, r rune) int {
	n, count := p.runLen(i, r)
	if count != 1 {
		return n
	}
	if p.producesMark(i, r, true) || p.producesMark(i+n, r, false) {
		return n // next to -- or 一一 made ——, or ... made ……
	}
	dash := r != '…'
	if dash && !p.isBrokenDash(i, i+n) || !dash && p.finalBefore(i) != clsChinese && p.finalAt(i+n) != clsChinese {
		return n
	}
	repl := pick(dash, "——", "……")
	p.lone = append(p.lone, edit{i, i + n, repl, CodeDash, clsChinese})
	return n
}

// Sides of a lone dash, as isBrokenDash sees them.
const (
	sideEdge  = iota // line start or end, or a space
	sideHan          // a Chinese character
	sidePunct        // full-width punctuation
	sideOther        // a digit, a letter, anything else
)

// dashSide classifies the character before (or at) pos.
func (p *planner) dashSide(pos int, before bool) int {
	c, han := p.finalAt(pos), p.finalHan(pos)
	if before {
		c, han = p.finalBefore(pos), p.finalHanBefore(pos)
	}
	switch {
	case c == clsNone || c == clsSpace:
		return sideEdge
	case han:
		return sideHan
	case c == clsChinese:
		return sidePunct
	}
	return sideOther
}

// isBrokenDash reports whether the lone — or ― at s[i:j] is plainly a
// 破折号 that lost half of itself: Chinese on one side and punctuation, a
// space or the line's edge on the other (—综合实力更强。, 目标：—建设).
// Between two Chinese characters it may be the 一字线 that GB/T 15834
// allows between place names and points (西宁—海东, 北京—上海), and next to
// a digit or letter it joins a range or a code (1月—12月): those stay, and
// Check reports the ones between Chinese characters. So does one after a
// name that ends in a bracket (中国（河南）—东盟).
func (p *planner) isBrokenDash(i, j int) bool {
	a, b := p.dashSide(i, true), p.dashSide(j, false)
	switch {
	case a == sideOther || b == sideOther, a == sideHan && b == sideHan:
		return false
	case a == sidePunct && b == sideHan && closesName(p.s, i):
		return false // 中国（河南）—东盟: a name with its bracket, then the connector
	}
	return a == sideHan || a == sidePunct || b == sideHan || b == sidePunct
}

// producesMark reports whether the character just before pos (or at pos)
// is part of something converted to a double mark of r.
func (p *planner) producesMark(pos int, r rune, before bool) bool {
	if before {
		_, n := p.runeBefore(pos)
		if n == 0 {
			return false
		}
		pos -= n
	} else if pos >= len(p.s) {
		return false
	}
	dash := r != '…'
	if t := p.tokAt(pos); t != nil && t.flag {
		return dash && t.kind == tkHyph || !dash && t.kind == tkDots
	}
	if dash && findEdit(p.yiyi, pos) != nil {
		return true
	}
	if e := findEdit(p.late, pos); e != nil {
		return e.repl == pick(dash, "——", "……")
	}
	return false
}

// planSpaces removes spaces between a figure and its unit (77.8 % → 77.8%,
// 2022 年 → 2022年, 31.88 亿元 → 31.88亿元). Other spaces stay.
func (p *planner) planSpaces() {
	s := p.s
	for i := 0; i < len(s); {
		if c := s[i]; c != ' ' && c != 0xE3 && c != 0xC2 {
			i++
			continue
		}
		j := i
		for n := spaceLen(s[j:]); n > 0; n = spaceLen(s[j:]) {
			j += n
		}
		if j == i {
			i++
			continue
		}
		if p.isFigureEnd(i) && !p.inURL(i-1) { // 1,2 %: % would join the URL
			if r, _ := p.runeAt(j); r >= 0 && isUnitStart(r) {
				p.space = append(p.space, edit{i, j, "", CodeSpace, clsNone})
			}
		}
		i = j
	}
}

// planPercent makes a full-width ％ after a figure half-width (5.1％ →
// 5.1%): GB/T 15834 writes a figure's signs as the figure is written, and
// official documents write 5.1%. A space before it that planSpaces removes
// is looked past; a ％ after anything else (a placeholder, Chinese) stays.
func (p *planner) planPercent() {
	for off := 0; ; {
		k := strings.Index(p.s[off:], "％")
		if k < 0 {
			return
		}
		i := off + k
		off = i + len("％")
		j := i
		if e := findEdit(p.space, i-1); e != nil && e.end == i {
			j = e.start
		}
		if p.isFigureEnd(j) {
			p.pct = append(p.pct, edit{i, off, "%", CodePunct, clsOther})
		}
	}
}

// isFigureEnd reports whether a number ends at pos: digits (after OCR
// repair), with . or , between them, not glued to a word before it.
func (p *planner) isFigureEnd(pos int) bool {
	if p.finalBefore(pos) != clsDigit {
		return false
	}
	for {
		r, n := p.runeBefore(pos)
		switch {
		case n == 0:
			return true
		case p.finalAt(pos-n) == clsDigit:
			pos -= n
		case (r == '.' || r == ',') && p.finalBefore(pos-n) == clsDigit:
			pos -= n
		default:
			return p.finalAt(pos-n) != clsLetter && r != '_'
		}
	}
}

// spaceLen returns the byte length of the space (ASCII, ideographic or
// no-break) that s starts with, or 0.
func spaceLen(s string) int {
	switch {
	case strings.HasPrefix(s, " "):
		return 1
	case strings.HasPrefix(s, "\u3000"):
		return 3
	case strings.HasPrefix(s, "\u00a0"):
		return 2
	}
	return 0
}
