package indicator

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Label rules. The thing measured is named in the clause, next to its
// figure: before it (财政收入XX万元), or after a count (六个项目, 6200亩高标
// 准农田建设), or after 的 (4.2公里的青年路). A figure with nothing of its own
// (同比增长20.56%, the 71人 of 31户71人) shares the label before it.

// maxLabel caps a label, in characters; in text that lost its punctuation
// the words before a figure can run on for a paragraph.
const maxLabel = 20

// labelSlack is how many characters over maxLabel a label may run before it
// is cut: a cut inside a word (央生态环境…) is worse than a long name.
const labelSlack = 4

// Words stripped from the front of a label: who, when, and verbs that only
// say a figure was reached (完成, 实现).
var leadFillers = sortLongest([]string{
	"我镇", "全镇", "本镇", "我县", "全县", "本县", "我区", "全区", "本区", "我市", "全市", "本市",
	"我乡", "全乡", "本乡", "全省", "我省", "我们", "全街道", "我街道", "本街道",
	"今年以来", "今年", "全年", "年内", "当年", "一年来", "截至目前", "目前", "本年", "年末", "年底", "年初",
	"上半年", "下半年", "明年", "其中", "并且", "并", "同时", "另外", "此外", "还", "又", "也",
	"特别是", "尤其是", "与此同时", "一方面", "另一方面", "首先", "其次", "再次", "最后", "总之",
	"因此", "而且", "加之", "值得一提的是", "主要是", "包括", "成为",
	"共计", "合计", "总计", "累计", "共有", "共", "先后", "已经", "已", "均", "积极", "现有",
	"完成了", "实现了", "达到了", "确保了", "完成", "实现", "达到", "建成", "力争", "争取", "计划", "预计", "确保", "将", "拟", "预期", "力求", "的",
})

// Words stripped from the end of a label: 参保率为103%, 同比增长.
var tailFillers = sortLongest([]string{
	"为", "达到", "达", "是", "共计", "共", "累计", "合计", "总计", "已", "有", "的", "分别", "再",
	"同比", "比上年同期", "比上年", "比去年", "较上年", "较去年", "与上年相比",
	"完成", "实现", "突破", "将", "预计", "力争", "争取", "确保", "全部", "均", "都", "到达",
	"每人每月", "每人每年", "每月", "每年", "每人", "每户", "每亩",
	"控制在", "稳定在", "保持在", "维持在", "下降至", "下降到", "降至", "降到", "提高到", "提高至",
	"提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "增至", "上升到", "上升至",
	"降低至", "降低到", "减少至", "减少到", "缩小至", "缩小到", "扩大至", "扩大到",
	"延长到", "延长至", "缩短到", "缩短至", "年均", "年平均", "平均",
	"迈上", "跨上", "跃上", "站上", "登上", "迈入", "跨入", "跃升至", "历史性", "首次", "一举", "等",
	"新增", "保持", "连跨", "跨越", "跨过",
})

// changeAdverbs stand between a thing and its change word: CPI微降0.1%.
var changeAdverbs = sortLongest([]string{"微", "略", "小幅", "大幅", "稳步", "持续", "显著", "明显",
	"快速", "较快", "平稳", "进一步", "逐步"})

// levelNouns after a figure name a level reached, not the thing measured:
// 迈上4000亿元台阶, 突破100万大关.
var levelNouns = []string{"台阶", "大关", "关口", "门槛"}

// stopPairs are words made of a one-character stop word and the character
// before or after it: a noun read after a figure runs on through them
// (高等教育, 人均, 在建项目, 就业).
var stopPairs = map[[2]rune]bool{}

func init() {
	for _, w := range []string{"高等", "中等", "初等", "平等", "同等", "对等", "均等", "人均", "平均",
		"户均", "亩均", "年均", "成就", "造就", "普及", "涉及", "危及", "作为", "成为", "行为", "存在",
		"现在", "所在", "实在", "发达", "到达", "通达", "直达", "抵达", "传达", "表达", "下达", "立即",
		"首都", "合并", "兼并", "目的", "等级", "就业", "就医", "就学", "就读", "就近", "在建", "在校",
		"在岗", "在编", "在职", "在线", "在册", "在园", "在孕", "并网", "并购", "达标", "均衡", "再生",
		"是非", "被服", "将来"} {
		r := []rune(w)
		stopPairs[[2]rune{r[0], r[1]}] = true
	}
}

// startWords start a noun although their first character would show that
// none follows: 以旧换新补贴, 和美乡村.
var startWords = []string{"以旧换新", "以工代赈", "和美", "和谐", "用水", "用电", "用地", "用能",
	"对口", "对外", "各类", "各级", "各项"}

// markerCut are target markers after which the label starts, whatever
// came before: …工作安排全年力争实现财政收入 → 财政收入.
var markerCut = []string{"力争", "争取", "确保", "预计", "力求", "预期"}

// markerCutChars are the first characters of markerCut.
var markerCutChars = newRuneSet("力争确预")

// conjunctions join a figure to the one before it: 4.2公里的青年路及6公里的….
var conjunctions = []string{"以及", "并且", "及", "和", "与", "并", "同时"}

// changeNouns name a change without saying of what: 增速为8.5% shares
// the label before it.
var changeNouns = []string{"增速", "增幅", "降幅", "涨幅", "增长", "下降"}

// measureWords name a measure of the thing after 的: 全长21000米的镇区污水
// 管网 measures the network's length.
var measureWords = sortLongest([]string{
	"总投资", "投资", "全长", "总长", "长度", "面积", "总面积", "占地面积", "占地", "规模",
	"总产值", "产值", "增加值", "总额", "收入", "总投入", "投入", "容量",
})

// nounStops end a noun phrase read after a figure (500亩正在编制, 13名工
// 作人员参加…); startStops only show, at its start, that no noun follows
// (1000万元用于…) — inside a noun they are part of it (高标准农田建设).
var (
	nounStops = sortLongest([]string{
		"已", "正在", "均", "将", "目前", "基本", "全部", "全面", "已经", "等", "及", "与",
		"以及", "并", "的", "参加", "参与", "通过", "被", "在", "得到", "实现", "完成", "进行",
		"开展", "顺利", "有序", "稳步", "为", "是", "达", "同比", "较", "增长", "下降",
		"了", "即", "或", "都", "再", "就", "总计", "合计", "累计", "其中", "分别",
		"提供", "享受", "接受", "获得", "纳入", "签订", "入驻", "落户", "投产", "竣工",
		"拉动", "带动", "撬动", "吸引", "惠及", "开工", "建成", "投入使用", "投入运行", "获批",
		"入选", "圆满", "正式", "加快", "设置", "未", "建立", "两位数", "三位数",
	})
	startStops = sortLongest([]string{
		"建设", "实施", "新建", "改造", "打造", "修建", "用于", "获得", "受益", "覆盖", "带动",
		"解决", "帮助", "安置", "吸纳", "涉及", "惠及", "占", "居", "位居", "排名", "用", "以",
		"对", "向", "从", "到", "至", "每", "各", "共", "和", "比", "于", "得",
	})
)

// labelFor returns the label of figure k of a clause, and the byte offset
// after the words it took from behind the figure (so that the next figure
// does not take them again), or 0 when it took none.
func labelFor(c *clauseState, k int) (string, int) {
	f := &c.figs[k]
	before := c.text[c.segStart(k):f.qstart]
	b := cleanBefore(before, f, k > 0)
	after := c.text[f.qend:c.nextStart(k)]
	if rest, ok := strings.CutPrefix(after, "的"); ok {
		if n, end := nounListAfter(rest); n != "" {
			used := f.qend + len("的") + end
			if m := suffixIn(b, measureWords); m != "" {
				return capLabel(n + m), used
			}
			if utf8.RuneCountInString(b) <= 2 || suffixIn(before, conjunctions) != "" {
				return n, used
			}
		}
		return b, 0
	}
	if n := modifiedNoun(c, k); n != "" {
		return n, 0
	}
	if n, end := specNounAfter(after); n != "" && (suffixIn(n, levelNouns) == "" || slices.Contains(counters, f.unit)) {
		if f.qend+end == c.nextStart(k) && k+1 < len(c.figs) {
			// The words run into the next figure: 12家规模以上工业总产值XX亿元.
			// They name the next figure; this one counts their head, or
			// the noun the next figure defines (3至5个产值超10亿元的产业集群).
			next := &c.figs[k+1]
			if rest, ok := strings.CutPrefix(c.text[next.qend:c.nextStart(k+1)], "的"); ok {
				if h, _ := nounAfter(rest); h != "" {
					return h, 0
				}
			}
			if m := suffixIn(n, measureWords); m != "" && m != n {
				n = strings.TrimSuffix(n, m)
			}
			if t := trimSuffixes(n, conjunctionIndex); t != "" {
				n = t // 4万吨基础锂盐一体化和2万吨…
			}
			return n, 0
		}
		if t, ok := strings.CutSuffix(n, "中"); ok && t != "" && strings.HasSuffix(c.text[:f.qstart], "在") {
			n = t // 在16个农民专业合作社中
		}
		if m := suffixIn(n, measureWords); m != "" && slices.Contains(counters, f.unit) && utf8.RuneCountInString(n)-utf8.RuneCountInString(m) >= 2 &&
			(changeIndex.prefix(after[end:]) != "" || prefixIn(after[end:], []string{"两位数", "三位数"}) != "") {
			n = strings.TrimSuffix(n, m) // 8条产业链产值两位数增长 counts 产业链
		}
		return n, f.qend + end
	}
	if vp := predicateAfter(after); vp != "" && (b == "" || slices.Contains(helpVerbs, b)) && suffixIn(vp, levelNouns) == "" {
		return b + vp, 0
	}
	return b, 0
}

// helpVerbs say what was done for the people a count counts: 帮助1260人
// 实现就业 is about 帮助实现就业.
var helpVerbs = []string{"帮助", "带动", "吸纳", "安置", "扶持", "促进", "推动", "引导", "组织"}

// predicateAfter returns what a count of a clause's end is said to do
// (37项向全国推广, 1260人实现就业): a short run of Chinese characters
// that ends the clause; "" when there is none.
func predicateAfter(after string) string {
	after = strings.TrimSpace(after)
	if after == "" || utf8.RuneCountInString(after) > 8 || prefixIn(after, listSeps) == after {
		return "" // 分别达到50万人和95%: 和 joins the figures
	}
	for _, r := range after {
		if !unicode.Is(unicode.Han, r) {
			return ""
		}
	}
	return after
}

// nounListAfter returns the nouns at the start of s joined by 、 (the 格尔木东、
// 海南清洁能源基地 of 总投资近2000亿元的格尔木东、海南清洁能源基地), and their end.
func nounListAfter(s string) (string, int) {
	n, end := nounAfter(s)
	for n != "" {
		rest, ok := strings.CutPrefix(s[end:], "、")
		if !ok {
			break
		}
		m, e := nounAfter(rest)
		if m == "" {
			break
		}
		n, end = n+"、"+m, end+len("、")+e
	}
	return n, end
}

// specNounAfter is nounAfter that also takes a rating written in figures
// before the noun: 750千伏电网工程, 10万吨级泊位.
func specNounAfter(s string) (string, int) {
	i := 0
	for i < len(s) && (isDigit(rune(s[i])) || s[i] == '.') {
		i++
	}
	if i > 0 {
		if sp := prefixIn(s[i:], specUnits); sp != "" {
			if n, end := nounAfter(s[i+len(sp):]); n != "" {
				return s[:i+len(sp)] + n, i + len(sp) + end
			}
		}
		return "", 0
	}
	return nounAfter(s)
}

// specUnits rate the thing after them: 750千伏, 10万吨级.
var specUnits = []string{"千伏安", "千伏", "万吨级", "吨级", "万伏", "kV"}

// modifiedNoun returns, for a count followed at once by a threshold and a
// noun (1.2万名60周岁以上老年人), the threshold with the noun.
func modifiedNoun(c *clauseState, k int) string {
	f := &c.figs[k]
	if k+1 >= len(c.figs) {
		return ""
	}
	next := &c.figs[k+1]
	between := c.text[f.qend:next.qstart]
	if between != "" && (!next.modifier || utf8.RuneCountInString(between) > 4 || strings.ContainsFunc(between, func(r rune) bool { return !unicode.Is(unicode.Han, r) })) {
		return "" // 为100所海拔1500米以上农村中小学: a short noun may come before the threshold
	}
	n, _ := nounAfter(c.text[next.qend:c.nextStart(k+1)])
	if n == "" || next.change {
		return ""
	}
	n = cutAtVerb(n) // …农村中小学幼儿园建设供暖设施: the schools are counted
	return capNoun(between + c.text[next.qstart:next.qend] + n)
}

// cutAtVerb cuts a noun read after a figure where a verb of startStops
// starts inside it, or returns it whole.
func cutAtVerb(n string) string {
	for i, r := range n {
		if i > 0 && startIndex.prefix(n[i:]) != "" && utf8.RuneLen(r) > 0 {
			return n[:i]
		}
	}
	return n
}

// planShare returns the plan a figure is a share of (完成任务的117.46%,
// 完成年度计划的105%, 为年初预算的98%): 任务, 计划, 目标 or 预算; or "".
func planShare(before string) string {
	s, ok := strings.CutSuffix(strings.TrimSpace(before), "的")
	w := suffixIn(s, planNouns)
	if !ok || w == "" {
		return ""
	}
	if !containsAny(lastRunes(s[:len(s)-len(w)], 6), []string{"完成", "为", "占"}) {
		return ""
	}
	return w
}

// planNouns name what a result is a share of.
var planNouns = []string{"任务", "计划", "目标", "预算"}

// cleanBefore trims the words before a figure down to the thing measured.
// When nothing is left after the last 、, the thing is the subject of the
// words before it: 全体居民人均可支配收入增速高于经济增速、突破3万元.
func cleanBefore(s string, f *figure, afterFigure bool) string {
	if isCompoundName(s) {
		return cleanItem(s, f, afterFigure)
	}
	if i := lastIndex(s, "、"); i >= 0 {
		if h := exampleHead(s[i+len("、"):]); h != "" {
			return cleanItem(h, f, afterFigure)
		}
		if t := cleanItem(s[i+len("、"):], f, afterFigure); t != "" {
			return t
		}
		first, _, _ := strings.Cut(s, "、")
		return cleanItem(subjectOf(first), f, afterFigure)
	}
	return cleanItem(s, f, afterFigure)
}

// isCompoundName reports whether a list with 、 names one thing: 交通运输、
// 仓储和邮政业, 水利、环境和公共设施管理业 — short items, the last of which
// joins two by 和 or 及.
func isCompoundName(s string) bool {
	j := lastIndex(s, "、")
	if j < 0 || !strings.ContainsAny(s[j:], "和及") {
		return false
	}
	first, _, _ := strings.Cut(s, "、")
	if trimLead(strings.TrimSpace(first)) == "" {
		return false
	}
	for rest := s[:j+len("、")]; rest != ""; {
		it, after, _ := strings.Cut(rest, "、")
		if n := utf8.RuneCountInString(it); n == 0 || n > 8 {
			return false
		}
		rest = after
	}
	last := s[j+len("、"):]
	for _, c := range []string{"和", "及"} {
		if j := strings.Index(last, c); j > 0 && utf8.RuneCountInString(last[j+len(c):]) >= 2 {
			return true
		}
	}
	return false
}

// exampleHead returns the thing a list of examples ends with (中央、省、县等
// 各级领导 → 各级领导), or "" when the item names no examples.
func exampleHead(item string) string {
	i := lastIndex(item, "等")
	if i <= 0 || inStopPair(item, 0, i, "等") {
		return ""
	}
	return item[i+len("等"):]
}

// subjectOf returns the subject a predicate is said of: the words before a
// comparison or a change (…收入增速高于经济增速 → …收入).
func subjectOf(s string) string {
	i := len(s)
	for _, w := range predicateStarts {
		if j := strings.Index(s, w); j >= 0 && j < i {
			i = j
		}
	}
	return s[:i]
}

// predicateStarts begin what is said of a subject.
var predicateStarts = []string{"高于", "低于", "快于", "慢于", "好于", "优于", "超过", "增速", "增幅",
	"降幅", "增长", "下降", "稳步", "持续", "保持"}

// cleanItem trims the words of one list item before a figure down to the
// thing measured.
func cleanItem(s string, f *figure, afterFigure bool) string {
	s = dropQuotes(strings.TrimSpace(dropNoteMarks(s)))
	if afterFigure {
		s = trimPrefixes(s, conjunctions)
	}
	s = trimLead(s)
	if f.change {
		s = trimSuffixes(trimSuffixes(trimSuffixes(s, connectorIndex), changeIndex), changeAdverbIndex)
	}
	s = trimSuffixes(trimPlanBase(trimBase(trimSuffixes(s, tailIndex))), tailIndex)
	if f.unit == "倍" {
		s = trimMultipleBase(s)
	}
	s = trimSuffixes(trimStreak(s), tailIndex)
	s = cutAfterMarker(s)
	s = cutAfterTime(s)
	if i := lastIndex(s, "新增"); i >= 0 && utf8.RuneCountInString(s[:i]) >= 4 && i+len("新增") < len(s) {
		s = s[i:] // …工程抛泥区填塘新增耕地: the new land is what is measured
	}
	s = dropInner(s)
	if suffixIn(s, changeNouns) == s {
		return ""
	}
	return capLabel(s)
}

// trimLead strips the subject, time and filler words before the label.
func trimLead(s string) string {
	for {
		t := trimYear(s)
		t = trimUntil(t)
		t = trimYears(t)
		t = trimFillers(t)
		t = trimPlaceholderPlace(t)
		if t == s {
			return s
		}
		s = t
	}
}

// cutAfterMarker starts a label after the last target marker in it, when
// words remain after it.
func cutAfterMarker(s string) string {
	if !markerCutChars.in(s) {
		return s
	}
	for _, m := range markerCut {
		if i := lastIndex(s, m); i > 0 && isMarkerAt(s, i, m) {
			if t := trimLead(s[i+len(m):]); t != "" {
				s = t
			}
		}
	}
	return s
}

// timeCut are time words after which a label starts: text glued to a
// heading (产业发展提质增效全年新发展中药材种植) names the figure after them.
var timeCut = []string{"全年", "今年以来", "今年", "本年度", "年内", "当年"}

// cutAfterTime starts a label after the last time word inside it.
func cutAfterTime(s string) string {
	if !strings.Contains(s, "年") { // in every word of timeCut
		return s
	}
	for _, w := range timeCut {
		if i := lastIndex(s, w); i > 0 {
			if t := trimLead(s[i+len(w):]); t != "" {
				s = t
			}
		}
	}
	return s
}

// trimMultipleBase strips the base of a multiple from the end of a label:
// 利润总额为“十三五”时期(的2.2倍) names 利润总额.
func trimMultipleBase(s string) string {
	for _, w := range []string{"为", "是", "相当于"} {
		if i := lastIndex(s, w); i > 0 && utf8.RuneCountInString(s[i+len(w):]) <= 8 {
			return s[:i]
		}
	}
	return s
}

// trimBase strips the base of a comparison from the end of a label:
// 占GDP比重较2020年 → 占GDP比重.
func trimBase(s string) string {
	t, ok := strings.CutSuffix(s, "年")
	if !ok || len(t) < 4 {
		return s
	}
	for _, c := range []byte(t[len(t)-4:]) {
		if c < '0' || c > '9' {
			return s
		}
	}
	if w := suffixIn(t[:len(t)-4], []string{"较", "比", "同"}); w != "" {
		return t[:len(t)-4-len(w)]
	}
	return s
}

// planEndIndex holds the words for the end of a five-year plan.
var planEndIndex = indexWords([]string{"末", "期末", "末期", "时期末"})

// trimPlanBase strips the end of a five-year plan as the base of a
// comparison from the end of a label: 地区生产总值较十三五末 → 地区生产总值.
func trimPlanBase(s string) string {
	t := trimSuffixes(s, planEndIndex)
	if t == s || !strings.HasSuffix(t, "五") {
		return s
	}
	i := lastIndex(t, "十")
	if i < 0 || utf8.RuneCountInString(t[i:]) != 3 {
		return s
	}
	if w := suffixIn(t[:i], []string{"较", "比", "同", "与"}); w != "" {
		return t[:i-len(w)]
	}
	return s
}

// dropNoteMarks removes the marks of notes from a label: ［2］, [3], 【1】,
// ①, ⑵, superscript digits, and pinyin glosses (產（chǎn）). A label in text
// with notes names its thing without them; the text keeps them.
func dropNoteMarks(s string) string {
	if !strings.ContainsFunc(s, isNoteRune) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := noteAt(s[i:]); n > 0 {
			i += n
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += w
	}
	return b.String()
}

// noteOpen maps the brackets a note mark may be written in to their
// closing bracket.
var noteOpen = map[rune]string{'［': "］", '[': "]", '【': "】", '（': "）", '(': ")"}

// noteAt returns the length of the note mark at the start of s, or 0: a
// number of up to three digits in square brackets, or a pinyin syllable in
// round ones.
func noteAt(s string) int {
	r, w := utf8.DecodeRuneInString(s)
	close, ok := noteOpen[r]
	if !ok {
		if isNoteRune(r) {
			return w
		}
		return 0
	}
	inside := isDigit
	if close == "）" || close == ")" {
		inside = isPinyin
	}
	j := w
	for j < len(s) && j-w < 12 {
		c, cw := utf8.DecodeRuneInString(s[j:])
		if !inside(c) {
			break
		}
		j += cw
	}
	if j == w || !strings.HasPrefix(s[j:], close) {
		return 0
	}
	return j + len(close)
}

// isNoteRune reports whether r is or may open a note mark.
func isNoteRune(r rune) bool {
	switch r {
	case '［', '[', '【', '（', '(': // the keys of noteOpen
		return true
	}
	return r >= '①' && r <= '⒇' || r == '¹' || r == '²' || r == '³' || r >= '⁰' && r <= '⁹'
}

// isPinyin reports whether r may be a letter of a pinyin syllable.
func isPinyin(r rune) bool {
	return r >= 'a' && r <= 'z' || strings.ContainsRune("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", r)
}

// trimYear strips a leading year: 2023年度, 2023年, and a year reached: 到
// 2030年, 到2030年底.
func trimYear(s string) string {
	if t, ok := strings.CutPrefix(s, "到"); ok {
		if u := trimYear(t); u != t {
			return trimPrefixes(u, []string{"底", "末"})
		}
		return s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 {
		return s
	}
	for _, w := range []string{"年度", "年"} {
		if strings.HasPrefix(s[i:], w) {
			return s[i+len(w):]
		}
	}
	return s
}

// trimYears strips a leading span of years: 连续五年, 连续3年, 5年来, 近三年来.
func trimYears(s string) string {
	if n := yearsSpanAt(s); n > 0 {
		return s[n:]
	}
	return s
}

// yearsSpanAt returns the length of the span of years s starts with (连续5年,
// 五年来, 近3年来, 过去五年), or 0.
func yearsSpanAt(s string) int {
	rest := s
	lead := prefixIn(rest, []string{"连续", "过去", "近"})
	rest = rest[len(lead):]
	i := 0
	for i < len(rest) {
		r, w := utf8.DecodeRuneInString(rest[i:])
		if !isDigit(r) && !isCnDigit(r) {
			break
		}
		i += w
	}
	t, ok := strings.CutPrefix(rest[i:], "年")
	if !ok || i == 0 {
		return 0
	}
	tail := prefixIn(t, []string{"以来", "来"})
	if lead == "" && tail == "" {
		return 0
	}
	return len(s) - len(t) + len(tail)
}

// trimStreak strips a streak from the end of a label: 粮食总产量连续18年
// (保持在100万吨以上) names 粮食总产量.
func trimStreak(s string) string {
	if i := lastIndex(s, "连续"); i > 0 && yearsSpanAt(s[i:]) == len(s)-i {
		return s[:i]
	}
	return s
}

// trimUntil strips a leading 截至12月份 / 截至年底.
func trimUntil(s string) string {
	rest, ok := strings.CutPrefix(s, "截至")
	if !ok {
		rest, ok = strings.CutPrefix(s, "截止")
	}
	if !ok {
		return s
	}
	for _, end := range []string{"月份", "月底", "年底", "底", "目前", "月", "日"} {
		if i := strings.Index(rest, end); i >= 0 {
			return rest[i+len(end):]
		}
	}
	return s
}

// trimPlaceholderPlace strips a withheld place name used as the subject:
// XX镇开展….
func trimPlaceholderPlace(s string) string {
	i := 0
	for i < len(s) && isPlaceholder(rune(s[i])) {
		i++
	}
	if i == 0 {
		return s
	}
	for _, w := range []string{"镇", "县", "区", "乡", "街道", "市"} {
		if strings.HasPrefix(s[i:], w) {
			return s[i+len(w):]
		}
	}
	return s
}

// trimFillers strips the lead fillers from s, but not a marker that is
// part of a word (预期寿命).
func trimFillers(s string) string {
	for {
		w := leadIndex.prefix(s)
		if w == "" || !isMarkerAt(s, 0, w) {
			return s
		}
		s = s[len(w):]
	}
}

func trimPrefixes(s string, ws []string) string {
	for {
		w := prefixIn(s, ws)
		if w == "" {
			return s
		}
		s = s[len(w):]
	}
}

func trimSuffixes(s string, ws wordIndex) string {
	for {
		w := ws.suffix(s)
		if w == "" {
			return s
		}
		s = s[:len(s)-len(w)]
	}
}

// dropInner removes the totals words inside a label (就医共计报销 → 就医报销)
// and 共 standing before a verb (实践站共开展活动), keeping 公共, 共享, 共养….
func dropInner(s string) string {
	if strings.Contains(s, "计") {
		for _, w := range []string{"共计", "累计", "合计", "总计"} {
			s = strings.ReplaceAll(s, w, "")
		}
	}
	if strings.Contains(s, "我") {
		for _, w := range []string{"我镇", "我县", "我区", "我市", "我乡", "我省", "我街道"} {
			s = strings.ReplaceAll(s, w, "")
		}
	}
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "共")
		if j < 0 {
			break
		}
		i += j
		if i > 0 && prefixIn(s[i+len("共"):], totalVerbs) != "" {
			s = s[:i] + s[i+len("共"):]
			continue
		}
		i += len("共")
	}
	return s
}

// totalVerbs are the verbs 共 may total: 共开展, 共召开, 共立案.
var totalVerbs = []string{"开展", "召开", "组织", "发放", "排查", "巡查", "约见", "完成", "实施",
	"建成", "新增", "立案", "借出", "走访", "举办", "接待", "受理", "办理", "化解", "检查", "整改",
	"发现", "投入", "争取", "下达", "兑现", "培训", "帮扶", "救助", "慰问", "处理", "查处", "收到",
	"解决", "签约", "引进", "招引", "新建", "改造", "清理", "拆除", "调解", "服务", "惠及", "带动",
	"吸纳", "安置", "申报", "落实", "投资", "报销", "减免", "资助", "审批", "办结", "出动"}

// dropQuotes removes quotation marks: “散乱污”企业 → 散乱污企业.
func dropQuotes(s string) string {
	if !hasQuote(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("“”‘’\"'「」『』", r) {
			return -1
		}
		return r
	}, s)
}

// hasQuote reports whether s holds one of “”‘’"'「」『』: " or ', or E2 80
// 98, 99, 9C or 9D (‘’“”) or E3 80 8C to 8F (「」『』) in UTF-8, at the
// start of a character as they are valid.
func hasQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'':
			return true
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x98 || s[i+2] == 0x99 || s[i+2] == 0x9C || s[i+2] == 0x9D) {
				return true
			}
		case 0xE3:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x8C && s[i+2] <= 0x8F {
				return true
			}
		}
	}
	return false
}

// nounAfter returns the noun phrase at the start of s, and its end: Chinese
// characters up to a stop word, a delimiter or a figure. It returns "" when
// s does not start with one.
func nounAfter(s string) (string, int) {
	start := 0
	if q := prefixIn(s, []string{"“", "‘", "\""}); q != "" {
		start = len(q)
	}
	i := start
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.Is(unicode.Han, r) && !(start > 0 && strings.ContainsRune("”’\"", r)) {
			break // a quote opened at the start may close inside: “两重”项目
		}
		if w := nounStopIndex.prefix(s[i:]); w != "" && !inStopPair(s, start, i, w) {
			break
		}
		if i == start && startIndex.prefix(s[i:]) != "" && prefixIn(s[i:], startWords) == "" {
			break
		}
		i += w
	}
	n := dropQuotes(s[start:i])
	if n == "" {
		return "", 0
	}
	return capNoun(n), i
}

// inStopPair reports whether the stop word w at byte i of s, which a noun
// starting at byte start has reached, is part of a word with the character
// before it (高等教育), or, at the noun's start, after it (在建项目); 建成 is
// part of 建成区.
func inStopPair(s string, start, i int, w string) bool {
	switch w {
	case "建成":
		return strings.HasPrefix(s[i+len(w):], "区")
	case "未":
		return strings.HasPrefix(s[i+len(w):], "成年")
	}
	c, cw := utf8.DecodeRuneInString(w)
	if cw != len(w) {
		return false
	}
	if p, _ := utf8.DecodeLastRuneInString(s[:i]); i > start && stopPairs[[2]rune{p, c}] {
		return true
	}
	n, _ := utf8.DecodeRuneInString(s[i+len(w):])
	return i == start && stopPairs[[2]rune{c, n}]
}

// capNoun keeps the first maxLabel characters of a noun read after a
// figure, cut where a list joins another thing to it (35万千瓦光热电站和光热
// 产业科技创新中心建设 → 35万千瓦光热电站) rather than inside a word.
func capNoun(n string) string {
	if utf8.RuneCountInString(n) <= maxLabel {
		return n
	}
	t := firstRunes(n, maxLabel)
	i := -1
	for _, c := range []string{"和", "及", "与", "、"} {
		if j := lastIndex(t, c); j > i {
			i = j
		}
	}
	if i > 0 {
		return t[:i]
	}
	return t
}

// capLabel keeps the last maxLabel characters of a label, and a Chinese
// numeral right before them, which starts a name (四大主导产业, 三农). A
// label that is too long by a verb it starts with (实施中华优秀传统文化保护传
// 承和精品工程项目) loses the verb rather than the first character after it.
func capLabel(s string) string {
	if utf8.RuneCountInString(s) <= maxLabel {
		return s
	}
	if t := trimPrefixes(s, actionVerbs); t != s && utf8.RuneCountInString(t) <= maxLabel+labelSlack {
		return t
	}
	if utf8.RuneCountInString(s) <= maxLabel+labelSlack {
		return s // 中央生态环境保护督察交办的群众举报件办结率: a name a little long is not cut inside a word
	}
	t := lastRunes(s, maxLabel)
	if r, w := utf8.DecodeLastRuneInString(s[:len(s)-len(t)]); w > 0 && isCnDigit(r) {
		return s[len(s)-len(t)-w:]
	}
	return t
}

// actionVerbs start a label with what was done to its thing.
var actionVerbs = []string{"实施", "推进", "开展", "建设", "新建", "打造", "培育", "推动", "组织", "举办", "完成",
	"加快", "加强", "深化", "深入推进"}

func lastRunes(s string, n int) string {
	for c := utf8.RuneCountInString(s); c > n; c-- {
		_, w := utf8.DecodeRuneInString(s)
		s = s[w:]
	}
	return s
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}
