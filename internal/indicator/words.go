package indicator

import (
	"slices"
	"unicode/utf8"
)

// units are the units a figure may carry, longest first so that 人次 wins
// over 人 and 个百分点 over 个. Time (年, 月, 日, 天) is not among them: a
// figure followed by a time word is a date or a duration, not a quantity.
var units = sortLongest(append([]string{
	"个百分点", "百分点", "平方公里", "平方米", "平米", "立方米", "千瓦时", "千瓦", "兆瓦",
	"公里", "千米", "公顷", "公斤", "千克", "人次", "户次", "场次", "批次", "车次", "架次",
	"辆次", "标箱", "微克", "毫克", "度", "架", "美元", "欧元", "港元",
	"元", "亩", "米", "吨", "户", "人", "个", "家", "次", "件", "处", "条", "场", "批",
	"名", "册", "所", "座", "辆", "台", "套", "项", "支", "株", "棵", "头", "只", "间",
	"栋", "盏", "眼", "张", "篇", "份", "本", "部", "床", "斤", "倍", "分", "起", "例",
	"宗", "轮", "期", "种", "位", "艘", "块", "组", "根", "幢", "周岁", "岁",
	"%", "％", "‰",
}, asciiUnits...))

// asciiUnits are units written in Latin letters, kept as written: computing
// power (2.2万P, 4EFlops), storage, power and containers. A Latin unit ends
// where the letters end, so that 5G and 4A stay names.
var asciiUnits = []string{"PFlops", "EFlops", "TFlops", "Flops", "P", "E", "PB", "EB",
	"MW", "GW", "kW", "KW", "kWh", "GWh", "TWh", "TEU"}

// cnUnits are the units a Chinese numeral may count: 十分, 一期, 三口, 四面
// are words, not quantities, so 分 期 口 部 本 头 are left out.
var cnUnits = sortLongest([]string{
	"个百分点", "公里", "人次", "场次", "批次", "户次",
	"个", "批", "家", "项", "次", "件", "处", "条", "名", "户", "人", "所", "座",
	"场", "支", "台", "辆", "套", "位", "起", "种", "轮", "倍", "亩", "米", "吨", "元", "幢", "栋",
})

// counters are the units that count things rather than measure them: a
// fill-in blank before one (在_场设置) may as well be a name.
var counters = []string{"个", "批", "家", "项", "次", "件", "处", "条", "名", "户", "人", "所", "座",
	"场", "支", "台", "辆", "套", "位", "起", "种", "轮", "幢", "栋", "间", "部", "组", "块", "期", "例"}

// rankWords stand before 前 in a ranking: 排名前1%, 进入全国前10.
var rankWords = []string{"排名", "排", "进入", "位居", "位列", "居", "跻身", "名列", "挺进", "稳居"}

// figurativeNouns are the battles and exams a Chinese count may name as a
// figure of speech: 打赢两场战役 counts no events.
var figurativeNouns = []string{"战役", "硬仗", "攻坚战", "保卫战", "阻击战", "持久战", "大仗", "大考"}

// unitAlias maps a unit as written to its normalised form.
var unitAlias = map[string]string{"％": "%", "平米": "平方米", "百分点": "个百分点", "方": "立方米"}

// wordAfter lists, for a unit, the characters that make it the first half
// of a word when they follow it: 项目, 人民, 家庭, 支持, 所有.
var wordAfter = map[string]string{
	"人": "民大社才员居防口", "个": "体性税月方", "家": "庭长乡属园风教政具电禽畜", "项": "目",
	"处": "理置罚长室", "条": "件例款", "名": "单称义额录", "所": "有以在属得长",
	"座": "谈", "台": "账阶", "套": "餐", "元": "素旦宵", "户": "口籍外型", "批": "准复示评发判",
	"支": "持出付部撑援", "场": "所景面地", "米": "粮", "亩": "产均", "分": "钟析别配类局享散子工管红",
	"份": "额", "期": "间限末刊", "位": "置于", "次": "要", "起": "来步草", "种": "植养子类",
	"部": "门署分", "本": "地级领", "块": "钱", "组": "织成建", "根": "据本治",
	"例": "如会", "倍": "增", "册": "封", "张": "贴", "岁": "月末",
	"度": "假过汛", "架": "构设空子势起",
}

// magnitudes are the multipliers written between a number and its unit.
var magnitudes = []struct {
	word  string
	shift int // power of ten
}{{"万亿", 12}, {"亿", 8}, {"万", 4}}

// Qualifiers written before a figure, with the word recorded for each.
var prefixQualifiers = sortLongestPairs([][2]string{
	{"近", "近"}, {"将近", "近"}, {"接近", "近"}, {"约", "约"}, {"大约", "约"},
	{"超", "超"}, {"超过", "超"}, {"逾", "逾"}, {"不足", "不足"}, {"不到", "不足"},
	{"不少于", "不少于"}, {"不低于", "不低于"}, {"不超过", "不超过"},
})

// notPrefix lists characters that make a prefix qualifier part of another
// word when they stand before it: 附近, 签约, 赶超.
var notPrefix = map[string]string{
	"近": "附最临就靠亲", "约": "签节合履特制预违公邀相契和条", "超": "高赶",
}

// Qualifiers written inside a figure (110余次, 1100多万元) or after it.
var (
	innerQualifiers  = []string{"余", "多"}
	suffixQualifiers = []string{"以上", "左右", "以下", "以内", "之多", "有余"}
)

// cumulative marks a figure as a running total when no nearer qualifier does.
const cumulative = "累计"

// rangeDashes join the two ends of a range, also when each is written with
// its unit (4.5%-5%, 4.5%—5%); rangeSeps only when the unit follows both
// (3-5万元, 3至5个).
var (
	rangeDashes = []string{"-", "－", "—", "–", "~", "～"}
	rangeSeps   = append(slices.Clone(rangeDashes), "至", "到")
)

// changeUp and changeDown are the words that make the next figure a change
// rather than a level; changeDown flips its sign.
var (
	changeUp   = []string{"增长", "增加", "提高", "提升", "上升", "上涨", "增幅", "增速", "涨幅", "净增", "增", "涨"}
	changeDown = []string{"下降", "降低", "减少", "回落", "下滑", "降幅", "降"}
	// connectors may stand between a change word and its figure.
	connectors = []string{"了", "为", "达到", "达", "是", "均"}
)

// targetMarkers make the figures after them in a sentence targets; the
// last ones, pastInReview, only outside a review.
var (
	pastInReview  = []string{"争取", "确保"}
	targetMarkers = append([]string{"力争", "预期", "力求", "拟"}, pastInReview...)
)

// estimateMarker makes the figures after it in a sentence estimates.
const estimateMarker = "预计"

// inWord lists, for a marker, the characters before and after it that make
// it part of another word: 模拟, 稳预期, 人均预期寿命; or a comparison with
// what was expected: 远超预期, 好于预期, 符合预期, 超出预期.
var inWord = map[string][2]string{"预期": {"稳超于合及出", "寿"}, "拟": {"模虚比草", ""}}

// done lists, for a marker, the characters after it that say it is done:
// 确保了, 争取到.
var done = map[string]string{"争取": "了到", "确保": "了"}

// targetVerbs follow 将 and 计划 when those announce a target (将达到, 计划投资).
var targetVerbs = []string{"达到", "完成", "实现", "新增", "建成", "投入", "投资", "突破", "超过",
	"增加", "增长", "提高", "培育", "打造", "建设", "新建", "改造", "实施", "引进", "争取", "发放", "力争"}

// planWords and reviewWords in a part's title tell a plan from a review.
var (
	planWords   = []string{"计划", "安排", "目标", "任务", "打算", "思路", "展望"}
	reviewWords = []string{"回顾", "总结", "完成情况", "成绩", "过去", "成效"}
)

// featuredTerms name the standard statistical indicators.
var featuredTerms = []string{
	"地区生产总值", "生产总值", "GDP", "财政收入", "财政总收入", "一般公共预算收入", "一般预算收入", "税收收入",
	"工业总产值", "工业增加值", "社会消费品零售额", "社会消费品零售总额", "社零", "固定资产投资",
	"可支配收入", "人均纯收入",
	"粮食产量", "粮食总产量", "招商引资", "进出口", "进出口总额", "实际利用外资", "农业总产值", "工业产值",
}

// slogans are numbered political phrases whose numerals are not counts.
var slogans = []string{
	"两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "三个代表", "八项规定",
	"四个不摘", "两个毫不动摇", "三个务必", "两个结合", "三个区分开来", "四个最严",
	"三次产业", "二次供水", "两个责任", "五个振兴", "两个一百年", "四个革命",
	"四件大事", "四个创建", "三个赋予", "二人转", "三人篮球", "三人制", "五人制", "七人制",
	"两个大局", "两个市场", "两种资源", "两个关键小事",
}

// Punctuation that ends a sentence (target markers and years do not cross
// it), a part of a sentence (labels are not shared across a semicolon), or
// a clause.
const (
	endClause = iota + 1
	endPart
	endSentence
)

// ending returns what r ends, or 0.
func ending(r rune) int {
	switch r {
	case '。', '！', '？', '\n', '!', '?':
		return endSentence
	case '；', ';':
		return endPart
	case '，', '：', ',', ':':
		return endClause
	}
	return 0
}

func sortLongest(ws []string) []string {
	out := append([]string(nil), ws...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func sortLongestPairs(ps [][2]string) [][2]string {
	out := append([][2]string(nil), ps...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j][0]) > len(out[j-1][0]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// prefixIn returns the first word of ws that s starts with. (The last
// byte of a word, a continuation byte in Chinese, is compared first: most
// words differ there.)
func prefixIn(s string, ws []string) string {
	for _, w := range ws {
		if n := len(w); n == 0 || n <= len(s) && s[n-1] == w[n-1] && s[:n] == w {
			return w
		}
	}
	return ""
}

// suffixIn returns the first word of ws that s ends with.
func suffixIn(s string, ws []string) string {
	for _, w := range ws {
		if n := len(w); n == 0 || n <= len(s) && s[len(s)-1] == w[n-1] && s[len(s)-n:] == w {
			return w
		}
	}
	return ""
}

// wordIndex holds a list of words by their first and by their last
// character, longest first, so that finding the word a text starts or ends
// with tries a few words instead of the whole list.
// Bitmaps over the CJK block mark the first and last characters of the
// words, so that a character of the block that starts or ends none is
// told at once, without a look in the maps.
type wordIndex struct {
	first, last         map[rune][]string
	firstBits, lastBits *[(cjkEnd - cjkStart) / 64]uint64
}

func indexWords(lists ...[]string) wordIndex {
	x := wordIndex{first: map[rune][]string{}, last: map[rune][]string{},
		firstBits: new([(cjkEnd - cjkStart) / 64]uint64), lastBits: new([(cjkEnd - cjkStart) / 64]uint64)}
	var all []string
	for _, ws := range lists {
		all = append(all, ws...)
	}
	for _, w := range sortLongest(all) {
		f, _ := utf8.DecodeRuneInString(w)
		l, _ := utf8.DecodeLastRuneInString(w)
		x.first[f] = append(x.first[f], w)
		x.last[l] = append(x.last[l], w)
		setBit(x.firstBits, f)
		setBit(x.lastBits, l)
	}
	return x
}

// setBit marks r in bits if it is a character of the CJK block.
func setBit(bits *[(cjkEnd - cjkStart) / 64]uint64, r rune) {
	if r >= cjkStart && r < cjkEnd {
		bits[(r-cjkStart)/64] |= 1 << ((r - cjkStart) % 64)
	}
}

// prefix returns the longest word of x that s starts with, or "".
func (x wordIndex) prefix(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if r >= cjkStart && r < cjkEnd && !inBits(x.firstBits, r) {
		return ""
	}
	return prefixIn(s, x.first[r])
}

// suffix returns the longest word of x that s ends with, or "".
func (x wordIndex) suffix(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r >= cjkStart && r < cjkEnd && !inBits(x.lastBits, r) {
		return ""
	}
	return suffixIn(s, x.last[r])
}

// lastIndex is strings.LastIndex, a plain search backwards: what it is
// given is short.
func lastIndex(s, sub string) int {
	n := len(sub)
	if n == 0 {
		return len(s)
	}
	for i := len(s) - n; i >= 0; i-- {
		if s[i] == sub[0] && s[i:i+n] == sub {
			return i
		}
	}
	return -1
}

// Indexes of the lists searched for every character or label.
var (
	unitIndex, cnUnitIndex    = indexWords(units), indexWords(cnUnits)
	nounStopIndex, startIndex = indexWords(nounStops), indexWords(startStops)
	leadIndex, tailIndex      = indexWords(leadFillers), indexWords(tailFillers)
	changeIndex               = indexWords(changeUp, changeDown)
	connectorIndex            = indexWords(connectors)
	changeAdverbIndex         = indexWords(changeAdverbs)
	yearEndIndex              = indexWords([]string{"底", "末", "初"})
	conjunctionIndex          = indexWords(conjunctions)
	featuredIndex             = indexWords(featuredTerms)
)
