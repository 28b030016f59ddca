package source

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/typo"
)

// A portal's metadata block, in the shapes portals print it:
//
//	索 引 号： | 6107280000/2024-001005 | 主题分类： | 综合政务 |
//	[ 索引号 ] | 115…/2024-00007 | [ 发文字号 ] | 木洞府发〔2024〕2号 |
//	索引号: 1134…/202503-00004 组配分类: 政府工作报告
//	• 发布日期:2026-01-22 17:32
//	发布时间:2025-03-05 15:21 来源:沈村镇人民政府 浏览次数: 字体:[ ]
//
// Labels may be spaced out (索 引 号), bracketed, bulleted, padded with
// stray question marks (索??引??號) or in Traditional script.
var (
	// metaCore are the fields of the disclosure block GB/T conventions
	// require: a line holding one of them is metadata even alone.
	metaCore = []string{"索引号", "发布机构", "成文日期", "发布日期", "文号", "主题分类", "公开方式", "有效性"}
	// metaAlias names a label by the core field it stands for on some
	// portals (生成日期 is their 成文日期); a core label printed as such
	// wins. An alias counts as core where its value has the field's form.
	metaAlias = map[string]string{"生成日期": "成文日期", "发文日期": "成文日期", "发文字号": "文号", "文件编号": "文号",
		"公开日期": "发布日期", "发布时间": "发布日期", "公开形式": "公开方式"}
	// metaExtra are the lesser labels of such blocks, read (and dropped)
	// only next to a core one, so that a sentence starting 标题 stays.
	metaExtra = []string{"文件名称", "名称", "标题", "生效日期", "废止日期", "失效日期", "生效时间", "废止时间",
		"体裁分类", "组配分类", "服务对象分类", "关键词", "关键字", "公开范围", "公开时限", "公开目录", "公开类别",
		"公开责任部门", "发文机关", "发文机构", "所属机构", "信息分类", "信息类别", "公文种类", "统一编号", "主题词",
		"内容概述", "政策咨询机关", "政策咨询电话", "浏览次数", "访问次数", "阅读次数", "点击数", "点击量",
		"信息来源", "来源", "作者", "责任编辑", "字体", "字号", "时间", "日期"}
	// metaJunk are labels whose values are the page's, not the document's:
	// read so that they end the value before them, never stored.
	metaJunk = toSet([]string{"浏览次数", "访问次数", "阅读次数", "点击数", "点击量", "作者", "责任编辑", "字体", "字号", "内容概述"})
	// metaWeakDate are labels of a page's own date (日期：2021-02-01): a
	// 发布日期 only when no block gives one, and only before the body.
	metaWeakDate = toSet([]string{"时间", "日期"})
	// metaTitle are the labels that give the report's title.
	metaTitle = []string{"文件名称", "标题", "名称"}

	labelledRe  = regexp.MustCompile(`^[\p{Han}][\p{Han} \t　]{0,9}[:：]`)
	metaLabelRe = buildMetaRe()
	metaCoreSet = toSet(metaCore)
	metaFirst   = initials(append(append(append([]string{}, metaCore...), keys(metaAlias)...), metaExtra...))
)

// metaLead is what may stand before a label at the start of a line:
// separators, a bullet, an opening bracket.
const metaLead = "|｜ \t　•·●▪■◆-–[【［"

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

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

// buildMetaRe matches a label, its characters possibly spaced out or
// padded with ?, perhaps in brackets, at the line start or after a
// separator, and followed by ：, | or a space. Longer labels come first,
// so that 发布时间 is never read as 时间.
func buildMetaRe() *regexp.Regexp {
	labels := append(append(append([]string{}, metaCore...), keys(metaAlias)...), metaExtra...)
	sortByLength(labels)
	var alts []string
	for _, l := range labels {
		var b strings.Builder
		for i, r := range []rune(l) {
			if i > 0 {
				b.WriteString(`[ \t　?？]*`)
			}
			b.WriteRune(r)
		}
		alts = append(alts, b.String())
	}
	return regexp.MustCompile(`(?:^|[|｜ \t　])[ \t　]*[\[【［]?[ \t　]*(` + strings.Join(alts, "|") +
		`)[ \t　]*[\]】］]?[ \t　]*(?:[:：|｜ \t　]|$)`)
}

// sortByLength orders labels longest first (a stable insertion sort: the
// list is short and built once).
func sortByLength(ls []string) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && len(ls[j]) > len(ls[j-1]); j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

func toSet(ss []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// metaLine is one parsed line of a metadata block.
type metaLine struct {
	idx   int
	pairs [][2]string // label (no spaces, simplified), value
	core  bool
	weak  bool // it names the page's date (日期：…)
	lone  int  // the index of the next line, if it holds the last label's value
}

// dropMeta parses the portal metadata block into Source.Meta and drops its
// lines. Lines with only lesser labels (名称, 关键词) count only next to a line
// with a core label, so a report sentence starting 标题 is left alone; a
// page's own date line (日期：2021-02-01 来源：…) counts before the body. Every
// value is checked for its form (dates, 文号, 索引号, names) and one that
// fails is left out with a finding. The title it names (文件名称, 标题, 名称)
// becomes Source.Title if no header named one.
func (r *reader) dropMeta() {
	lo, _ := r.bodySpan()
	r.takeMetaTable(lo)
	r.takePageDates(lo)
	r.aliasMeta()
}

// aliasMeta fills the core fields from the labels that stand for them
// (生成日期 for 成文日期), then from a page's own date (发布日期), and takes
// the title from the block where no header named one.
func (r *reader) aliasMeta() {
	for _, from := range sortedKeys(metaAlias) {
		if v, ok := r.src.Meta[from]; ok && r.src.Meta[metaAlias[from]] == "" {
			r.src.Meta[metaAlias[from]] = v
		}
	}
	if r.pageDate != "" && r.src.Meta["发布日期"] == "" {
		r.setMeta("发布日期", r.pageDate)
	}
	for _, l := range metaTitle {
		if t := r.src.Meta[l]; t != "" && r.src.Title == "" {
			r.src.Title = t
		}
	}
}

// sortedKeys returns m's keys in order, so that aliases apply the same way
// every run.
func sortedKeys(m map[string]string) []string {
	ks := keys(m)
	sortByLength(ks)
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && len(ks[j]) == len(ks[j-1]) && ks[j] < ks[j-1]; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	return ks
}

func (r *reader) setMeta(k, v string) {
	if r.src.Meta == nil {
		r.src.Meta = map[string]string{}
	}
	r.src.Meta[k] = v
}

// takeMetaTable finds the metadata lines and takes the groups holding a
// core label, and before the body (line lo) those naming the page's date.
func (r *reader) takeMetaTable(lo int) {
	cands := map[int]*metaLine{}
	lone := map[int]bool{} // lines holding the value of a label on the line before
	for i, l := range r.lines {
		if !l.drop && l.text != "" && shorter(l.text, 200) && !lone[i] {
			if m := parseMetaLine(l.text); m != nil {
				m.idx = i
				cands[i] = m
				if j := r.loneValue(m); j >= 0 {
					lone[j] = true
				}
			}
		}
	}
	for _, group := range r.metaGroups(cands, lone) {
		core, weak := false, false
		for _, m := range group {
			core, weak = core || m.core, weak || m.weak
		}
		if core || weak && group[0].idx < lo {
			for _, m := range group {
				r.takeMeta(m)
			}
		}
	}
}

// metaGroups returns runs of candidate lines with no other text between
// them: one printing of the table each.
func (r *reader) metaGroups(cands map[int]*metaLine, lone map[int]bool) [][]*metaLine {
	var groups [][]*metaLine
	var cur []*metaLine
	for i, l := range r.lines {
		switch {
		case cands[i] != nil:
			cur = append(cur, cands[i])
		case lone[i]:
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
// the line does not start with a label. Labels are matched on the line in
// Simplified script (typo.Fold keeps the byte offsets).
func parseMetaLine(s string) *metaLine {
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, metaLead)); r < utf8.RuneSelf || !metaFirst[foldRune(r)] {
		return nil
	}
	f := foldLabels(s)
	ms := metaLabelRe.FindAllStringSubmatchIndex(f, -1)
	if ms == nil || strings.TrimLeft(s[:ms[0][2]], metaLead) != "" {
		return nil
	}
	m := &metaLine{}
	for k, x := range ms {
		end := len(s)
		if k+1 < len(ms) {
			end = ms[k+1][0]
		}
		label := labelName(f[x[2]:x[3]])
		m.pairs = append(m.pairs, [2]string{label, metaValue(s[x[1]:end])})
		m.core = m.core || metaCoreSet[label] || metaAlias[label] != "" && validMeta(label, m.pairs[k][1])
		m.weak = m.weak || metaWeakDate[label] && pageDate(metaValue(s[x[1]:end])) != ""
	}
	return m
}

// labelFolds writes in Simplified script the characters of labels that
// typo.Fold leaves (it folds those the report's own text needs), each as
// many bytes as the one it replaces.
var labelFolds = strings.NewReplacer("號", "号", "機", "机", "構", "构", "稱", "称", "標", "标", "題", "题", "類", "类",
	"關", "关", "鍵", "键", "詞", "词", "瀏", "浏", "覽", "览", "數", "数", "間", "间", "時", "时", "來", "来", "屬", "属",
	"體", "体", "組", "组", "務", "务", "範", "范", "圍", "围", "責", "责", "編", "编", "輯", "辑", "訪", "访", "問", "问",
	"閱", "阅", "讀", "读", "擊", "击", "點", "点", "統", "统", "將", "将", "種", "种", "廢", "废", "狀", "状", "態", "态")

// foldLabels is s in Simplified script as far as labels go, byte for byte
// as long.
func foldLabels(s string) string {
	f, _ := typo.Fold(s)
	return labelFolds.Replace(f)
}

// foldRune is a character in Simplified script.
func foldRune(r rune) rune {
	f := foldLabels(string(r))
	q, _ := utf8.DecodeRuneInString(f)
	return q
}

// labelName is a matched label without its spacing and padding.
func labelName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return r
		}
		return -1
	}, s)
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

// loneValue gives a label left without a value at the end of a metadata
// line (• 发文字号:) the next line's text, where that may be its value, and
// returns that line's index, or -1.
func (r *reader) loneValue(m *metaLine) int {
	last := &m.pairs[len(m.pairs)-1]
	if last[1] != "" || metaJunk[last[0]] {
		return -1
	}
	j := r.nextText(m.idx, 1)
	if j < 0 || !isLoneValue(r.lines[j].text) {
		return -1
	}
	last[1] = metaValue(r.lines[j].text)
	m.lone = j
	m.core = m.core || metaAlias[last[0]] != "" && validMeta(last[0], last[1])
	return j
}

// takeMeta stores a metadata line's values (the first printing wins) and
// drops it, with the line that held its last label's value.
func (r *reader) takeMeta(m *metaLine) {
	l := &r.lines[m.idx]
	if m.lone > 0 {
		r.lines[m.lone].drop = true
	}
	for _, p := range m.pairs {
		r.storeMeta(l.n, p[0], p[1])
	}
	r.dropLine(l, report.Info, "meta", "took the portal's metadata line %s into the document's metadata")
}

// storeMeta keeps one label's value, if it has the form its field wants;
// a value that does not is reported and left out.
func (r *reader) storeMeta(n int, label, v string) {
	if v == "" || metaJunk[label] {
		return
	}
	if metaWeakDate[label] {
		if d := pageDate(v); d != "" {
			r.notePageDate(n, d)
		}
		return
	}
	if _, ok := r.src.Meta[label]; ok {
		return
	}
	clean, why := checkMetaValue(metaField(label), v)
	if why != "" {
		r.find(n, report.Warning, "meta-value", "the portal's %s %s is %s: left it out of the metadata", label, quote(v), why)
		return
	}
	if clean != v && metaField(label) == "文号" {
		r.find(n, report.Info, "meta", "the portal's %s %s written as %s", label, quote(v), quote(clean))
	}
	r.setMeta(label, clean)
}

// validMeta reports whether v has the form label's field wants.
func validMeta(label, v string) bool {
	_, why := checkMetaValue(metaField(label), v)
	return v != "" && why == ""
}

// metaField is the core field a label fills, or the label itself.
func metaField(label string) string {
	if f := metaAlias[label]; f != "" {
		return f
	}
	return label
}

// Forms of metadata values.
var (
	// A 文号: an organisation's short name, the year in brackets, a number
	// (木洞府发〔2024〕2号). Other brackets are written 〔〕.
	docNoRe = regexp.MustCompile(`^([\p{Han}A-Za-z0-9]{1,24})[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*(第?\s*\d{1,5}\s*号)$`)
	// A 索引号: an organisation code, the year (perhaps with a month) and a
	// serial number, in ASCII: 6107280000/2024-001005.
	indexNoRe = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._-]*[/-](?:19|20)\d{2}(?:\d{2})?(?:[-/._][0-9A-Za-z]+)+$`)
	// A date as portals print it, with a time of day after it perhaps.
	metaDateRe = regexp.MustCompile(`^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?))?(?:\s*星期[一二三四五六日天])?$`)
)

// checkMetaValue returns the value of a field in its canonical form, or
// why it cannot be the field's value.
func checkMetaValue(field, v string) (string, string) {
	v = strings.TrimSpace(v)
	switch field {
	case "成文日期", "发布日期", "生效日期", "废止日期", "失效日期", "生效时间", "废止时间":
		if d := metaDate(v); d != "" {
			return d, ""
		}
		return "", "not a date"
	case "文号":
		m := docNoRe.FindStringSubmatch(v)
		if m == nil {
			return "", "not a document number (X政发〔2024〕1号)"
		}
		return m[1] + "〔" + m[2] + "〕" + strings.Join(strings.Fields(m[3]), ""), ""
	case "索引号":
		if !indexNoRe.MatchString(v) {
			return "", "not an index number (organisation code/year-serial)"
		}
		return v, ""
	}
	if !shorter(v, 60) || !strings.ContainsFunc(v, isHan) && !strings.ContainsFunc(v, unicode.IsLetter) {
		return "", "not a name"
	}
	if field == "发布机构" && (!shorter(v, 40) || metaDate(v) != "" || strings.ContainsAny(v, ":：")) {
		return "", "not the name of an organisation"
	}
	return v, ""
}

// metaDate returns a date value as YYYY-MM-DD, or "".
func metaDate(v string) string {
	if m := metaDateRe.FindStringSubmatch(v); m != nil {
		if d, ok := validDate(m[1], m[2], m[3]); ok {
			return d
		}
	}
	return ""
}

// isISODate reports whether s is a real day written YYYY-MM-DD.
func isISODate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// isLoneValue reports whether s, the line after a label with no value,
// may be that value: short, and neither a label of its own (生成日期: …)
// nor the report's title or salutation.
func isLoneValue(s string) bool {
	s = strings.TrimRight(s, "|｜ \t　")
	return shorter(s, 60) && parseMetaLine(s) == nil && !labelledRe.MatchString(s) &&
		!isReportTitle(s) && !isSalutation(s)
}

// A page's own date line before the body: 2024年02月02日 来源：上海普陀,
// 2026-01-31 07:00:44, or a title with the date after it
// (五角场街道办事处2023年工作总结 2024-02-29).
var (
	pageDateLineRe  = regexp.MustCompile(`^(\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?)(?:[ \t　]+(?:信息来源|来源|作者|浏览次数|访问次数|阅读次数|点击数)[ \t　]*[:：].*)?$`)
	titleDateLineRe = regexp.MustCompile(`^(.{4,60}?(?:报告|总结|计划|安排|思路|要点))[ \t　]+(\d{4}-\d{2}-\d{2})$`)
)

// notePageDate keeps the first date a page prints for itself, by line.
func (r *reader) notePageDate(n int, d string) {
	if r.pageDate == "" || n < r.pageDateLine {
		r.pageDate, r.pageDateLine = d, n
	}
}

// pageDate returns a date a page prints for itself as YYYY-MM-DD, or "".
func pageDate(v string) string {
	if m := pageDateLineRe.FindStringSubmatch(strings.TrimSpace(v)); m != nil {
		return metaDate(m[1])
	}
	return ""
}

// takePageDates reads the page's own date from the lines before the body
// (lo): a date line with the page's source after it, which goes, and a
// title followed by a date, which keeps the title. A title's cell
// separator (东柳街道2023年工作总结 |) goes too.
func (r *reader) takePageDates(lo int) {
	for i := 0; i < lo && i < len(r.lines); i++ {
		l := &r.lines[i]
		if l.drop || l.text == "" {
			continue
		}
		if d := pageDate(l.text); d != "" {
			r.notePageDate(l.n, d)
			r.dropLine(l, report.Info, "meta", "took the page's date line %s as the date it was published")
			continue
		}
		if t := strings.TrimRightFunc(l.text, func(r rune) bool { return isHSpace(r) || isPipe(r) }); t != l.text && isTitleLike(t) {
			r.find(l.n, report.Info, "chrome", "removed the cell separator after the title %s", quote(t))
			l.text = t
		}
		if m := titleDateLineRe.FindStringSubmatchIndex(l.text); m != nil && isISODate(l.text[m[4]:m[5]]) {
			r.notePageDate(l.n, l.text[m[4]:m[5]])
			r.find(l.n, report.Info, "meta", "took the date %s after the title %s as the date the page was published",
				quote(l.text[m[4]:m[5]]), quote(l.text[m[2]:m[3]]))
			l.text = l.text[m[2]:m[3]]
		}
	}
}
