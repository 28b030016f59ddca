package source

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// chromeRule is a pattern of portal chrome, tried only on lines holding
// one of the strings in need (regular expressions are slow on every line).
type chromeRule struct {
	need []string
	re   *regexp.Regexp
}

// Portal chrome recognisable anywhere, in a short line.
var chromeRules = []chromeRule{
	{[]string{"首页"}, regexp.MustCompile(`^(?:网站)?首页[\s　]*(?:>|＞|›|»|→|》|/|\\)`)},
	{[]string{"首页"}, regexp.MustCompile(`首页[\s　]*(?:>|＞|›|»|→).*(?:>|＞|›|»|→)`)}, // a breadcrumb after a label
	{[]string{"位置"}, regexp.MustCompile(`^(?:您|当前|现在|所在)(?:现在|当前)?(?:所在)?的?位置[\s　]*[:：]`)},
	{[]string{"小"}, regexp.MustCompile(`字[\s　]*[体号][\s　]*[:：]?.{0,4}大.{0,4}中.{0,4}小`)},
	{[]string{"分享到"}, regexp.MustCompile(`^分享到[\s　]*[:：]?`)},
	{[]string{"浏览", "访问", "点击", "阅读"}, regexp.MustCompile(`(?:浏览次数|访问次数|访问量|点击数|点击量|点击率|阅读次数|阅读量|浏览量)[\s　]*[:：]`)},
	{[]string{"上一", "下一"}, regexp.MustCompile(`^(?:上一篇|下一篇|上一条|下一条)[\s　]*[:：]`)},
	{[]string{"办", "网站", "版权", "技术支持", "联系我们"}, regexp.MustCompile(`^(?:主办单位|承办单位|主办|承办|网站标识码|版权所有|技术支持|网站地图|联系我们)[\s　]*[:：]`)},
	{[]string{"ICP", "公网安备", "公安机关备案号"}, regexp.MustCompile(`(?:ICP备|ICP证|公网安备|公安机关备案号)`)},
	{[]string{"来源", "发布", "作者", "编辑", "审核", "录入"}, regexp.MustCompile(`^(?:来源|信息来源|发布时间|发布者|作者|责任编辑|编辑|审核|录入)[\s　]*[:：]`)},
	{[]string{"时间"}, regexp.MustCompile(`^时间[\s　]*[:：][\s　]*(?:\d{4}[-/.年]|$)`)},                                        // 时间：2026-02-12, or the label alone
	{[]string{"》》"}, regexp.MustCompile(`^》》.{1,20}《《$`)},                                                               // 》》点击图片进入专题《《
	{[]string{"摄"}, regexp.MustCompile(`(?:记者|摄影|通讯员)[\s　]*\p{Han}{2,4}(?:[\s　]+\p{Han}{2,4})*[\s　]+摄$`)},               // a photo's credit: 记者 李森 摄, not 拍摄
	{[]string{":", "："}, regexp.MustCompile(`^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\s　]+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?$`)}, // a time stamp
	{[]string{"【", "["}, regexp.MustCompile(`^[【\[][^【】\[\]]*(?i:www\.|https?://|\.com|\.cn|\.net)[^【】\[\]]*[】\]]$`)},   // 【www.site.com--报告】
}

// Portal and sharing-site chrome recognisable only outside the report's body:
// a source note (（来源：青海日报）).
var outsideRules = []chromeRule{
	{[]string{"相关"}, regexp.MustCompile(`^相关(?:报道|文档|链接|阅读|新闻|专题)[\s　]*[:：]?$`)},
	{[]string{"作"}, regexp.MustCompile(`^\p{Han}{0,10}(?:长|主席|主任)\p{Han}{2,4}作(?:政府)?工作报告$`)}, // a photo's caption: 省长赵刚作政府工作报告
	{[]string{"来源", "编辑", "转自"}, regexp.MustCompile(`^[（(][\s　]*(?:来源|信息来源|稿件来源|文章来源|转自|编辑|责任编辑)[\s　]*[:：][^（）()]{0,30}[）)]$`)},
}

// matches reports whether s is chrome by this rule.
func (c chromeRule) matches(s string) bool {
	for _, n := range c.need {
		if strings.Contains(s, n) {
			return c.re.MatchString(s)
		}
	}
	return false
}

// chromeTokens are the words of portal toolbars (【打印】【关闭】, • 无障碍).
var chromeTokens = map[string]bool{
	"打印": true, "关闭": true, "收藏": true, "返回顶部": true, "顶部": true, "保存": true, "纠错": true,
	"分享": true, "打印本页": true, "打印此页": true, "打印正文": true, "关闭窗口": true, "关闭本页": true,
	"返回": true, "返回首页": true, "无障碍": true, "无障碍浏览": true, "无障碍阅读": true, "长者模式": true,
	"关怀版": true, "关怀模式": true, "长辈版": true, "长者版": true, "老年版": true, "大字版": true, "适老版": true, "适老化": true, "繁体": true, "繁體": true, "简体": true, "登录": true,
	"注册": true, "字体": true, "字号": true, "大": true, "中": true, "小": true, "默认": true,
	"扫一扫": true, "手机查看": true, "微信": true, "微博": true, "我要纠错": true, "加入收藏": true,
	"设为首页": true, "收藏本页": true, "English": true, "搜索": true,
	"下载": true, "全屏": true, "加大": true, "还原": true, "减小": true, "分享到微信": true, "分享到微博": true,
	"扫一扫在手机打开当前页": true, "在手机打开当前页": true, "首页": true,
}

// onlyMarks reports a line of nothing but the marks toolbars and
// breadcrumbs are built of (】 × >); not | alone, which divides the cells
// of a flattened table.
func onlyMarks(s string) bool {
	return strings.Trim(s, "×】【>＞›» \t　") == ""
}

// isChrome reports a line of portal page furniture. Toolbar words alone count
// only outside the report's body, and only when bracketed, bulleted or more
// than one, since a PDF split into one word per line has lines like 中.
func isChrome(s string, outside bool) bool {
	if !shorter(s, 80) {
		return false
	}
	for _, c := range chromeRules {
		if c.matches(s) {
			return true
		}
	}
	if !outside {
		return false
	}
	for _, c := range outsideRules {
		if c.matches(s) {
			return true
		}
	}
	return isToolbar(s) || onlyMarks(s)
}

func isToolbar(s string) bool {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return isHSpace(r) || strings.ContainsRune("|｜•·●■◆▪►[]【】［］()（）/:：丨>", r)
	})
	if len(fields) == 0 {
		return false
	}
	for _, f := range fields {
		if !chromeTokens[f] {
			return false
		}
	}
	return len(fields) >= 2 || len(fields[0]) != len(s) // bracketed or bulleted
}

// Metadata tables: 索 引 号： | 6107280000/2024-001005 | 主题分类： | 综合政务 |.
var (
	metaCore  = []string{"索引号", "发布机构", "成文日期", "发布日期", "文号", "主题分类", "公开方式", "有效性"}
	metaExtra = []string{"名称", "标题", "生效日期", "废止日期", "失效日期", "体裁分类", "组配分类", "服务对象分类",
		"关键词", "公开范围", "公开时限", "发文机关", "发文字号", "信息分类", "公文种类", "统一编号", "公开日期",
		"生成日期", "主题词", "浏览次数"}
	// metaAlias names a label by the core label it stands for on some
	// portals (生成日期 is their 成文日期); the core label wins if both are
	// given.
	metaAlias = map[string]string{"生成日期": "成文日期", "发文字号": "文号"}
	// metaTitle are the labels that give the report's title.
	metaTitle   = []string{"标题", "名称"}
	labelledRe  = regexp.MustCompile(`^[\p{Han}][\p{Han} \t　]{0,9}[:：]`)
	metaLabelRe = buildMetaRe()
	metaCoreSet = toSet(metaCore)
	metaFirst   = initials(append(append([]string{}, metaCore...), metaExtra...))
)

// initials returns the set of the labels' first characters, to skip the
// label expression on lines that cannot start with one.
func initials(labels []string) map[rune]bool {
	m := map[rune]bool{}
	for _, l := range labels {
		r, _ := utf8.DecodeRuneInString(l)
		m[r] = true
	}
	return m
}

// buildMetaRe matches a label, its characters possibly spaced out, at the
// line start or after a separator, and followed by ：, | or a space.
func buildMetaRe() *regexp.Regexp {
	var alts []string
	for _, l := range append(append([]string{}, metaCore...), metaExtra...) {
		var b strings.Builder
		for i, r := range []rune(l) {
			if i > 0 {
				b.WriteString(`[ \t　]*`)
			}
			b.WriteRune(r)
		}
		alts = append(alts, b.String())
	}
	return regexp.MustCompile(`(?:^|[|｜ \t　])[ \t　]*(` + strings.Join(alts, "|") + `)[ \t　]*(?:[:：|｜ \t　]|$)`)
}

func toSet(ss []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// metaLine is one parsed line of a metadata table.
type metaLine struct {
	idx   int
	pairs [][2]string // label (no spaces), value
	core  bool
}

// dropMeta parses the portal metadata table into Source.Meta and drops its
// lines. Lines with only lesser labels (名称, 关键词) count only next to a line
// with a core label, so a report sentence starting 标题 is left alone. The
// title it names (标题, 名称) and its 成文日期 become Source.Title and
// Source.Date if no header named them.
func (r *reader) dropMeta() {
	r.takeMetaTable()
	r.aliasMeta()
}

// aliasMeta copies the values of labels that stand for a core label
// (生成日期 for 成文日期) and takes the title (标题, 名称) and the date
// (成文日期, the date the document was written) from the table, where no
// header named them.
func (r *reader) aliasMeta() {
	for from, to := range metaAlias {
		if v, ok := r.src.Meta[from]; ok && r.src.Meta[to] == "" {
			r.src.Meta[to] = v
		}
	}
	for _, l := range metaTitle {
		if t := r.src.Meta[l]; t != "" && r.src.Title == "" {
			r.src.Title = t
		}
	}
	if d := r.src.Meta["成文日期"]; r.src.Date == "" && isISODate(d) {
		r.src.Date = d
	}
}

// isISODate reports whether s is a real day written YYYY-MM-DD.
func isISODate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// takeMetaTable finds the metadata lines and takes the groups holding a
// core label.
func (r *reader) takeMetaTable() {
	cands := map[int]*metaLine{}
	for i, l := range r.lines {
		if !l.drop && l.text != "" && shorter(l.text, 200) {
			if m := parseMetaLine(l.text); m != nil {
				m.idx = i
				cands[i] = m
			}
		}
	}
	for _, group := range r.metaGroups(cands) {
		core := false
		for _, m := range group {
			core = core || m.core
		}
		for _, m := range group {
			if core {
				r.takeMeta(m)
			}
		}
	}
}

// metaGroups returns runs of candidate lines with no other text between
// them: one printing of the table each.
func (r *reader) metaGroups(cands map[int]*metaLine) [][]*metaLine {
	var groups [][]*metaLine
	var cur []*metaLine
	for i, l := range r.lines {
		switch {
		case cands[i] != nil:
			cur = append(cur, cands[i])
		case !l.drop && l.text != "" && cur != nil:
			groups, cur = append(groups, cur), nil
		}
	}
	if cur != nil {
		groups = append(groups, cur)
	}
	return groups
}

// nextText returns the index of the next (step 1) or previous (step -1)
// line with text, or -1.
func (r *reader) nextText(i, step int) int {
	for j := i + step; j >= 0 && j < len(r.lines); j += step {
		if !r.lines[j].drop && r.lines[j].text != "" {
			return j
		}
	}
	return -1
}

// parseMetaLine returns the label/value pairs of a metadata line, or nil if
// the line does not start with a label.
func parseMetaLine(s string) *metaLine {
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "|｜ \t　")); !metaFirst[r] {
		return nil
	}
	ms := metaLabelRe.FindAllStringSubmatchIndex(s, -1)
	if ms == nil || strings.TrimLeft(s[:ms[0][2]], "|｜ \t　") != "" {
		return nil
	}
	m := &metaLine{}
	for k, x := range ms {
		end := len(s)
		if k+1 < len(ms) {
			end = ms[k+1][0]
		}
		label := strings.Join(strings.FieldsFunc(s[x[2]:x[3]], isHSpace), "")
		m.pairs = append(m.pairs, [2]string{label, metaValue(s[x[3]:end])})
		m.core = m.core || metaCoreSet[label]
	}
	return m
}

// metaValue trims separators from a value; of several |-cells it takes the
// first non-empty one.
func metaValue(v string) string {
	for _, c := range strings.FieldsFunc(v, func(r rune) bool { return r == '|' || r == '｜' }) {
		c = strings.TrimFunc(c, func(r rune) bool { return isHSpace(r) || r == ':' || r == '：' })
		if c != "" {
			return c
		}
	}
	return ""
}

// takeMeta stores a metadata line's values (the first printing wins) and
// drops it; a lone label takes its value from the next line.
func (r *reader) takeMeta(m *metaLine) {
	l := &r.lines[m.idx]
	if len(m.pairs) == 1 && m.pairs[0][1] == "" {
		if j := r.nextText(m.idx, 1); j >= 0 && isLoneValue(r.lines[j].text) {
			m.pairs[0][1] = metaValue(r.lines[j].text)
			r.lines[j].drop = true
		}
	}
	for _, p := range m.pairs {
		if p[1] == "" {
			continue
		}
		if r.src.Meta == nil {
			r.src.Meta = map[string]string{}
		}
		if _, ok := r.src.Meta[p[0]]; !ok {
			r.src.Meta[p[0]] = normalizeDate(p[1])
		}
	}
	r.dropLine(l, report.Info, "meta", "took the portal's metadata line %s into the document's metadata")
}

// isLoneValue reports whether s, the line after a label with no value,
// may be that value: short, and neither a label of its own (生成日期: …)
// nor the report's title or salutation.
func isLoneValue(s string) bool {
	return shorter(s, 60) && parseMetaLine(s) == nil && !labelledRe.MatchString(s) &&
		!isReportTitle(s) && !isSalutation(s)
}

// normalizeDate writes a date value as YYYY-MM-DD; other values are kept.
func normalizeDate(v string) string {
	if m := looseDateRe.FindStringSubmatch(v); m != nil {
		if d, ok := validDate(m[1], m[2], m[3]); ok {
			return d
		}
	}
	return v
}

// Covering notices: 关于印发《…政府工作报告》的通知 … 现将…印发给你们 … title.
var (
	noticeRe    = regexp.MustCompile(`关于印发.{0,80}的通知`)
	docNumberRe = regexp.MustCompile(`〔\d{4}〕\s*\d+\s*号$`)
	noticeLimit = 40 // content lines searched for the notice and the title after it
)

// dropNotice removes a covering notice printed before the report, up to the
// report's title line (or its salutation). Without both the notice's title
// and its 现将…印发 sentence, nothing is removed.
func (r *reader) dropNotice() {
	idx := r.content()
	for k := 0; k < len(idx) && k < noticeLimit; k++ {
		if t := r.lines[idx[k]].text; !shorter(t, 100) || !noticeRe.MatchString(t) {
			continue
		}
		end, issued := -1, false
		for j := k + 1; j < len(idx) && j < k+noticeLimit && end < 0; j++ {
			t := r.lines[idx[j]].text
			issued = issued || strings.Contains(t, "现将") || strings.Contains(t, "印发给")
			if issued && (isReportTitle(t) || isSalutation(t)) {
				end = j
			}
		}
		if end > 0 {
			r.removeNotice(idx, k, end)
		}
		return
	}
}

// removeNotice drops content lines idx[k:end], with the notice's own head
// just before them: its issuer and document number (short lines, no
// sentence).
func (r *reader) removeNotice(idx []int, k, end int) {
	first := r.lines[idx[k]]
	for n := 0; n < 3 && k > 0 && isNoticeHead(r.lines[idx[k-1]].text); n++ {
		k--
	}
	for _, i := range idx[k:end] {
		r.lines[i].drop = true
	}
	r.find(r.lines[idx[k]].n, report.Warning, "notice",
		"removed a covering notice printed before the report (lines %d-%d), starting %s",
		r.lines[idx[k]].n, r.lines[idx[end-1]].n, quote(first.text))
}

// isNoticeHead reports a line of a notice's head: its document number, or
// a short line naming the issuer.
func isNoticeHead(s string) bool {
	return docNumberRe.MatchString(s) || shorter(s, 20) && !strings.ContainsAny(s, "，。；：！？") && !isReportTitle(s)
}

// isReportTitle reports a short line naming a report, as a title does.
func isReportTitle(s string) bool {
	t := stripSpaces(s)
	return shorter(t, 40) && strings.Contains(t, "报告") && !strings.ContainsAny(t, "《。") &&
		!strings.Contains(t, "通知") && !strings.Contains(t, "印发")
}

// isSalutation reports the report's opening 各位代表：.
func isSalutation(s string) bool {
	for _, p := range []string{"各位代表", "各位委员", "各位人大代表"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// stripSpaces removes every space from s.
func stripSpaces(s string) string {
	if !hasHSpace(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, isHSpace), "")
}
