package source

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// dropToolbarRuns removes, outside the report's body, the words of a portal
// toolbar set one to a line (下载 / 打印 / 全屏 / 收藏) and a breadcrumb
// split over lines (首页 / > / 政府信息公开 / >): a toolbar word alone counts
// only next to other chrome, since a PDF split into one word per line has
// lines like 中, unless it is a phrase no such split makes
// (扫一扫在手机打开当前页).
func (r *reader) dropToolbarRuns() {
	lo, hi := r.bodySpan()
	if lo > hi {
		return // no prose at all (a PDF's words one to a line): nothing is sure to be outside the body
	}
	var idx []int // lines with text, removed ones too: they are the neighbours
	for i, l := range r.lines {
		if l.text != "" {
			idx = append(idx, i)
		}
	}
	for k, i := range idx {
		if i >= lo && i <= hi {
			continue
		}
		l := &r.lines[i]
		switch {
		case !l.drop && chromeTokens[l.text] && (runes(l.text) >= soloToken || r.chromeNear(idx, k-1, l.text) || r.chromeNear(idx, k+1, l.text)):
			r.dropLine(l, report.Info, "chrome", "removed portal page furniture %s")
		case !l.drop && (l.text == "|" || l.text == "｜") && r.chromeNear(idx, k-1, "||") && r.chromeNear(idx, k+1, "||"):
			r.dropLine(l, report.Info, "chrome", "removed portal page furniture %s") // 收藏 | 分享
		case strings.Trim(l.text, ">＞›» \t　") == "":
			for _, j := range []int{k - 1, k + 1} {
				if j >= 0 && j < len(idx) && isCrumb(r.lines[idx[j]].text) && !r.lines[idx[j]].drop {
					r.dropLine(&r.lines[idx[j]], report.Info, "chrome", "removed a breadcrumb step %s")
				}
			}
		}
	}
}

// soloToken is the length, in characters, from which a toolbar phrase on a
// line of its own outside the body is chrome without other chrome by it.
const soloToken = 5

// chromeNear reports whether line idx[k] vouches for a toolbar word w next
// to it: it was removed as chrome, or both are toolbar words of two
// characters or more (下载 / 打印; not 中 / 小, which a PDF of one word to a
// line also has).
func (r *reader) chromeNear(idx []int, k int, w string) bool {
	if k < 0 || k >= len(idx) {
		return false
	}
	l := r.lines[idx[k]]
	if l.drop {
		return l.chrome
	}
	return chromeTokens[l.text] && utf8.RuneCountInString(l.text) >= 2 && utf8.RuneCountInString(w) >= 2
}

// isCrumb reports a breadcrumb step: a short name without punctuation.
func isCrumb(s string) bool {
	return utf8.RuneCountInString(s) <= 20 && !strings.ContainsAny(s, "。，；：！？、,;:!?")
}

// jumpRe matches a newspaper's continuation notes: （下转第四版）（紧接第一版）.
var jumpRe = regexp.MustCompile(`[\s　]*[（(](?:下转|上接|紧接|转)第[一二三四五六七八九十\d]{1,3}版[）)][\s　]*`)

// cutJumps removes a newspaper's continuation notes from a line, reporting
// them: the report was printed over several pages of a daily.
func (r *reader) cutJumps(l *line) {
	if !strings.Contains(l.text, "版") {
		return
	}
	if m := jumpRe.FindAllString(l.text, -1); m != nil {
		l.text = strings.TrimSpace(jumpRe.ReplaceAllString(l.text, ""))
		r.find(l.n, report.Info, "page-marker", "removed the newspaper's continuation note %s", quote(strings.TrimSpace(strings.Join(m, ""))))
		if l.text == "" {
			l.drop = true
		}
	}
}
