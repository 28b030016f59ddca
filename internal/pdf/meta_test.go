package pdf

import (
	"strings"
	"testing"
	"time"
)

func TestPageInfo(t *testing.T) {
	day := func(y, m, d, h, min int) time.Time { return time.Date(y, time.Month(m), d, h, min, 0, 0, chinaTime) }
	for _, c := range []struct {
		name, head string
		want       Info
	}{
		{"minified, every field", `<!doctype html><html lang=zh-CN><head><title>2023年白河县政府工作报告_白河县人民政府</title>` +
			`<meta name=ArticleTitle content="2023年白河县政府工作报告"><meta name=PubDate content="2024-01-20 09:30">` +
			`<meta name=Keywords content="政府工作报告,白河县,2023年"><meta name=author content="白河县人民政府">` +
			`<meta name=dcterms.subject content="综合政务/政府工作报告"><meta name=dcterms.created content="2024-01-15"></head><body><p>正文`,
			Info{Title: "2023年白河县政府工作报告", Author: "白河县人民政府", Subject: "综合政务/政府工作报告",
				Keywords: "政府工作报告,白河县,2023年", Creator: "govreport", Lang: "zh-CN",
				Created: day(2024, 1, 15, 0, 0), Modified: day(2024, 1, 20, 9, 30)}},
		{"no ArticleTitle: <title>; no dates; a trailing comma", `<html lang="zh-CN"><title> 青山镇政府工作报告 </title><meta name="keywords" content="政府工作报告,青山镇,">`,
			Info{Title: "青山镇政府工作报告", Keywords: "政府工作报告,青山镇", Creator: "govreport", Lang: "zh-CN"}},
		{"metas after <body> are not the page's", `<html><title>甲</title><body><meta name=author content="乙">`,
			Info{Title: "甲", Creator: "govreport"}},
	} {
		got, err := PageInfo("print.html", []byte(c.head))
		if err != nil || got != c.want {
			t.Errorf("%s:\n got %+v, %v\nwant %+v", c.name, got, err, c.want)
		}
	}
	for _, bad := range []string{
		`<meta name=PubDate content="2024年1月20日">`,
		`<meta name=dcterms.created content="2024-13-01">`,
	} {
		if _, err := PageInfo("x/print.html", []byte(bad)); err == nil || !strings.Contains(err.Error(), "x/print.html") {
			t.Errorf("%s: error %v, want one naming the page", bad, err)
		}
	}
}
