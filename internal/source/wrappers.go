package source

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// The sharing-site header: 《标题.docx》由会员分享，可在线阅读，更多相关《…》请在…上搜索。
var (
	headerRe     = regexp.MustCompile(`^《(.+?)》[\s　]*由[\s　]*(?:会员|用户|网友)?[\s　]*(?:上传)?[\s　]*分享`)
	headerAltRe  = regexp.MustCompile(`^《(.+?)》.*请在.{1,20}上搜索`)
	titleExtRe   = regexp.MustCompile(`(?i)\.(?:docx?|wps|pdf|txt|rtf|pptx?|xlsx?)$`)
	titleDateRe  = regexp.MustCompile(`[(（][\s　]*(\d{4})[-./年]?(\d{2})[-./月]?(\d{2})日?[\s　]*[)）]$`)
	looseDateRe  = regexp.MustCompile(`^(\d{4})[\s　]*[-./年][\s　]*(\d{1,2})[\s　]*[-./月][\s　]*(\d{1,2})[\s　]*日?$`)
	headerSearch = 3 // content lines searched for the header
)

// dropHeader removes the sharing site's first line and takes the title and
// date it names, with the file-name lines some sites print above it (or,
// with no header, as the first line).
func (r *reader) dropHeader() {
	idx := r.content()
	for k := 0; k < len(idx) && k < headerSearch; k++ {
		l := &r.lines[idx[k]]
		m := headerRe.FindStringSubmatch(l.text)
		if m == nil {
			m = headerAltRe.FindStringSubmatch(l.text)
		}
		if m == nil {
			continue
		}
		r.dropFileNames(idx[:k])
		l.drop, r.header = true, true
		r.find(l.n, report.Info, "header", "removed the sharing site's header line %s", quote(l.text))
		r.headerTitle(l.n, m[1])
		return
	}
	if len(idx) > 0 && r.dropFileNames(idx[:1]) {
		r.headerTitle(r.lines[idx[0]].n, r.lines[idx[0]].text)
	}
}

// fileNameRe matches a line that is only a document's file name.
var fileNameRe = regexp.MustCompile(`(?i)^[^\s　，。；：！？,;:!?《》]{2,80}\.(?:docx?|wps|pdf|txt|rtf)$`)

// dropFileNames removes the lines of idx that hold only a file name
// (镇人民政府2021年工作报告.doc) and reports whether it removed any.
func (r *reader) dropFileNames(idx []int) bool {
	found := false
	for _, i := range idx {
		if l := &r.lines[i]; fileNameRe.MatchString(l.text) {
			r.dropLine(l, report.Info, "header", "removed the sharing site's file-name line %s")
			found = true
		}
	}
	return found
}

// headerTitle sets Title and Date from the 《…》 name: without extension,
// without a trailing (20240127) date, which becomes Date if it is valid.
func (r *reader) headerTitle(n int, name string) {
	t := strings.TrimSpace(titleExtRe.ReplaceAllString(strings.TrimSpace(name), ""))
	if m := titleDateRe.FindStringSubmatchIndex(t); m != nil {
		y, mo, d := t[m[2]:m[3]], t[m[4]:m[5]], t[m[6]:m[7]]
		if date, ok := validDate(y, mo, d); ok {
			r.src.Date = date
		} else {
			r.find(n, report.Warning, "header", "the header names %s, which is not a valid date; ignored it", quote(t[m[0]:m[1]]))
		}
		t = strings.TrimSpace(t[:m[0]])
	}
	r.src.Title = t
}

// validDate returns year, month and day as YYYY-MM-DD if they name a real day.
func validDate(y, m, d string) (string, bool) {
	if len(m) == 1 {
		m = "0" + m
	}
	if len(d) == 1 {
		d = "0" + d
	}
	s := y + "-" + m + "-" + d
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", false
	}
	return s, true
}

// dropLineWrappers removes banners, portal chrome, paywall lines and page
// numbers: wrappers recognisable from one line alone.
func (r *reader) dropLineWrappers() {
	lo, hi := r.bodySpan()
	for i := range r.lines {
		l := &r.lines[i]
		if l.drop || l.text == "" {
			continue
		}
		if r.cutPaywall(l); l.drop {
			continue
		}
		switch {
		case isBanner(l.text):
			r.dropLine(l, report.Info, "banner", "removed a sharing-site banner line %s")
		case isChrome(l.text, i < lo || i > hi):
			r.dropLine(l, report.Info, "chrome", "removed portal page furniture %s")
		default:
			r.cutJumps(l)
			r.cutPageNumbers(l)
		}
	}
	r.dropToolbarRuns()
	r.dropPlacedChrome(lo)
}

// dropLine removes a whole line and reports it.
func (r *reader) dropLine(l *line, lvl report.Level, code, format string) {
	l.drop = true
	l.chrome = code == "chrome" || code == "banner"
	r.find(l.n, lvl, code, format, quote(l.text))
}

// bodySpan returns the indexes of the first and last lines of prose — lines
// with a comma or full stop and some length. Portal chrome lies outside.
func (r *reader) bodySpan() (lo, hi int) {
	lo, hi = len(r.lines), -1
	for i := range r.lines {
		if r.isProse(i) {
			lo = i
			break
		}
	}
	for i := len(r.lines) - 1; i >= lo; i-- {
		if r.isProse(i) {
			hi = i
			break
		}
	}
	return lo, hi
}

func (r *reader) isProse(i int) bool {
	s := r.lines[i].text
	return !r.lines[i].drop && len(s) >= 60 && // 60 bytes ≈ 20 characters
		(strings.Contains(s, "，") || strings.Contains(s, "。") || strings.Contains(s, "；"))
}

// Banner lines: sharing-site marketing.
var bannerTerms = []string{
	"下载", "VIP", "vip", "会员", "积分", "扫码", "二维码", "免费", "阅读全文", "继续阅读", "全文阅读",
	"未读", "侵权", "上传", "付费", "预览", "公众号", "充值", "可编辑", "文档", "原创", "点击", "豆丁",
	"店铺", "专营店", "旗舰店", "进店", "客服",
}

// isBanner reports a short line made of two or more marketing phrases or
// site names, or of a site name alone.
func isBanner(s string) bool {
	if !shorter(s, 80) {
		return false
	}
	n := runes(s)
	rest := s
	sites := countTerms(&rest, siteNames)
	terms := sites + countTerms(&rest, bannerTerms)
	if terms >= 2 && (n <= 60 || terms >= 3) {
		return true
	}
	return sites == 1 && terms == 1 && strings.TrimFunc(rest, isSpaceOrPunct) == ""
}

// countTerms counts the terms found in *s and cuts them out of it.
func countTerms(s *string, terms []string) int {
	n := 0
	for _, t := range terms {
		if strings.Contains(*s, t) {
			n++
			*s = strings.ReplaceAll(*s, t, "")
		}
	}
	return n
}

func isSpaceOrPunct(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// lastRune returns the last character of s and its size.
func lastRune(s string) (rune, int) { return utf8.DecodeLastRuneInString(s) }

// Paywall lines: ……（…省略912字…）…… or (此处省略N字).
var (
	paywallParenRe  = regexp.MustCompile(`[…\.·。]*[\s　]*[（(][^（）()\n]{0,12}?省略[\s　]*(\d*|若干|部分)[\s　]*(?:个)?字[^（）()\n]{0,12}?[）)][\s　]*[…\.·。]*`)
	paywallLeaderRe = regexp.MustCompile(`[…\.·]{2,}[^…\n]{0,12}?省略[\s　]*(\d*|若干|部分)[\s　]*(?:个)?字[^…\n]{0,12}?[…\.·]{2,}`)
)

// cutPaywall removes the site's note that it left text out.
func (r *reader) cutPaywall(l *line) {
	if !strings.Contains(l.text, "省略") {
		return
	}
	for _, re := range []*regexp.Regexp{paywallParenRe, paywallLeaderRe} {
		var spans [][2]int
		for _, m := range re.FindAllStringSubmatchIndex(l.text, -1) {
			what := "some"
			if n := l.text[m[2]:m[3]]; n != "" && n[0] >= '0' && n[0] <= '9' {
				what = n
			}
			r.find(l.n, report.Warning, "paywall", "the site omitted %s characters here; the report is incomplete (%s)", what, quote(l.text[m[0]:m[1]]))
			spans = append(spans, [2]int{m[0], m[1]})
		}
		l.text = cutAll(l.text, spans)
	}
	l.drop = l.text == ""
}

// Page numbers: 第1页共3页 anywhere; - 1 - and — 2 — as whole lines.
var (
	pageOfRe   = regexp.MustCompile(`第[\s　]*\d+[\s　]*页[\s　]*[,，/、]?[\s　]*共[\s　]*\d+[\s　]*页|共[\s　]*\d+[\s　]*页[\s　]*[,，/、]?[\s　]*第[\s　]*\d+[\s　]*页`)
	pageLineRe = regexp.MustCompile(`^(?:[-—–－―~～]{1,2}[\s　]*\d{1,4}[\s　]*[-—–－―~～]{1,2}|第[\s　]*\d+[\s　]*页|(?i:page)[\s　]*\d+(?:[\s　]*(?i:of)[\s　]*\d+)?)$`)
)

// cutPageNumbers removes page-number lines and 第1页共3页 inside lines.
func (r *reader) cutPageNumbers(l *line) {
	if pageLineRe.MatchString(l.text) {
		r.dropLine(l, report.Info, "page-number", "removed the page number %s")
		return
	}
	if !strings.Contains(l.text, "页") {
		return
	}
	var spans [][2]int
	for _, m := range pageOfRe.FindAllStringIndex(l.text, -1) {
		r.find(l.n, report.Info, "page-number", "removed the page number %s", quote(l.text[m[0]:m[1]]))
		spans = append(spans, [2]int{m[0], m[1]})
	}
	l.text = cutAll(l.text, spans)
	l.drop = l.text == ""
}

// cutAll removes the spans (in order, not overlapping) from s with the
// spaces around each. A space that separated two sentences is kept, since
// it may be the only trace of a paragraph break.
func cutAll(s string, spans [][2]int) string {
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, sp := range spans {
		seg := s[last:sp[0]]
		left := strings.TrimRightFunc(seg, isHSpace)
		b.WriteString(left)
		rest := s[sp[1]:]
		right := strings.TrimLeftFunc(rest, isHSpace)
		end, _ := lastRune(b.String())
		if len(left) < len(seg) && len(right) < len(rest) && right != "" && isSentenceEnd(end) {
			b.WriteByte(' ')
		}
		last = len(s) - len(right)
	}
	b.WriteString(s[last:])
	return b.String()
}

// hasHSpace is strings.ContainsFunc(s, isHSpace), without decoding s.
func hasHSpace(s string) bool {
	return strings.IndexByte(s, ' ') >= 0 || strings.IndexByte(s, '\t') >= 0 ||
		strings.Contains(s, "\u3000") || strings.Contains(s, "\u00A0")
}

// isHSpace is a space within a line: ASCII space, tab, U+3000, NBSP.
func isHSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00A0'
}
