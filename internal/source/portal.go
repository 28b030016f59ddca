package source

import (
	"regexp"
	"strings"
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
	{[]string{":", "："}, regexp.MustCompile(`^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\s　]+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?$`)}, // a time stamp
	{[]string{"星期"}, regexp.MustCompile(`^.{0,30}\d{4}年\d{1,2}月\d{1,2}日[\s　]*星期[一二三四五六日天]$`)},                           // the site's clock: 天津市静海区人民政府 2019年12月3日星期二
	{[]string{"查看"}, regexp.MustCompile(`^(?:点击)?查看(?:政策)?(?:解读|图解|原文)$`)},                                              // a link to a reading of the document
	{[]string{"【", "["}, regexp.MustCompile(`^[【\[][^【】\[\]]*(?i:www\.|https?://|\.com|\.cn|\.net)[^【】\[\]]*[】\]]$`)},   // 【www.site.com--报告】
	// A photo's credit: 记者 李森 摄, 本报记者 戴冰摄 (a space after 记者 or
	// before 摄), not 记者深入拍摄.
	{[]string{"摄"}, regexp.MustCompile(`(?:记者|摄影|通讯员)(?:[\s　]*\p{Han}{2,4}(?:[\s　]+\p{Han}{2,4})*[\s　]+|[\s　]+\p{Han}{2,4}(?:[\s　]+\p{Han}{2,4})*)摄$`)},
}

// Portal and sharing-site chrome recognisable only outside the report's body:
// a source note (（来源：青海日报）), a photo's caption, a crawler's 未知标题, a
// news agency's dateline on a line of its own.
var outsideRules = []chromeRule{
	{[]string{"相关"}, regexp.MustCompile(`^相关(?:报道|文档|链接|阅读|新闻|专题)[\s　]*[:：]?$`)},
	{[]string{"作"}, regexp.MustCompile(`^\p{Han}{0,10}(?:长|主席|主任)\p{Han}{2,4}作(?:政府)?工作报告$`)}, // a photo's caption: 省长赵刚作政府工作报告
	// A crawler's stand-in for a page title it did not find.
	{[]string{"标题"}, regexp.MustCompile(`^(?:未知标题|无标题|标题未知|暂无标题)$`)},
	// A news agency's dateline on a line of its own: 新华社北京3月12日电.
	{[]string{"电", "讯"}, regexp.MustCompile(`^(?:新华社|中新社|本报|人民网|新华网|央视网|中国新闻网)\p{Han}{0,8}(?:\d{1,2}月\d{1,2}日)?(?:电|讯)(?:[（(][^（）()]{0,20}[）)])?$`)},
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
	"扫一扫在手机打开当前页": true, "在手机打开当前页": true, "首页": true, "字体大小": true,
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
