package indicator

import (
	"strings"
	"testing"
)

// labelled is each figure of a text as label:written, joined by " | ".
func labelled(text string) string {
	var out []string
	for _, in := range extractText(text) {
		out = append(out, in.Label+":"+in.Written)
	}
	return strings.Join(out, " | ")
}

// checkLabelled runs labelled over cases of text and want.
func checkLabelled(t *testing.T, cases [][2]string) {
	t.Helper()
	for _, c := range cases {
		if got := labelled(c[0]); got != c[1] {
			t.Errorf("%s\n got %s\nwant %s", c[0], got, c[1])
		}
	}
}

// Ordinals of sessions, class-defining thresholds and ages, figures of
// speech and fill-in blanks for names are not quantities (r12).
func TestNotQuantitiesInContext(t *testing.T) {
	checkLabelled(t, [][2]string{
		// Sessions of a body elected for a term.
		{"按照省委十四届十次全会和省委经济工作会议部署", ""},
		{"县十八届人大三次会议审议通过了政府工作报告", ""},
		{"共召开党委会议12次", "召开党委会议:12次"},
		{"召开专题会议3次，研究重大事项", "召开专题会议:3次"},
		// A threshold or an age before a noun says which of it are meant.
		{"控制孕产妇、婴儿和5岁以下儿童死亡率", ""},
		{"为0-3岁婴幼儿家庭提供照护服务", ""},
		{"5岁以下儿童死亡率降至4.5‰", "5岁以下儿童死亡率:4.5‰"},
		{"培养出栏50头以上养殖大户23户", "培养出栏50头以上养殖大户:23户"},
		{"培育年产值1000万元以上企业12家", "培育年产值1000万元以上企业:12家"},
		{"中考700分以上5人", "中考:700分 | 中考700分以上:5人"},
		{"平均寿命提高到75.3岁", "平均寿命:75.3岁"},
		{"粮食产量稳定在6.5万吨以上", "粮食产量:6.5万吨"},
		// Figures of speech and references back.
		{"面对这两场没有销烟的“战役”，全镇众志成城", ""},
		{"打好疫情防控和经济发展两场硬仗", ""},
		{"举办两场招聘会", "招聘会:两场"},
		// A fill-in blank before a count and a verb is a name.
		{"并在_场设置互通式出入口", ""},
		{"开展文艺演出_场，", "开展文艺演出:_场"},
		{"发放补贴资金_万元", "发放补贴资金:_万元"},
		{"改造危房XX户", "改造危房:XX户"},
	})
}
