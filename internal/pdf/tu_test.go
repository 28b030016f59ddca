package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tuTestPage is a 一图读懂 as the layout makes it, minified: the slot for
// the download before the picture.
const tuTestPage = `<!doctype html><html lang=zh-CN><head><title>一图读懂：2023年青山镇政府工作报告</title></head><body><main id=main>` +
	`<p class=tl><a href=../2023-qs-zhen.html>返回报告全文</a><span id=png></span><div id=tu><div class=hd><p>一图读懂<h1>2023年青山镇政府工作报告</h1><p>2023年 · 青山镇</div>` +
	`<p class=tn>本图按报告的部分和小节列出其中3项数据。<h2>一、2023年工作回顾</h2><ul class=n><li><a href=../2023-qs-zhen.html#s1-p1>地区生产总值<b>12.5<small>亿元</small></b></a></ul>` +
	`<h3>（一）产业发展</h3><h2>二、2024年工作安排</h2><p class=src>本图数据来自《2023年青山镇政府工作报告》，青山镇人民政府。</div></main>`

func writeTuPage(t *testing.T, pub, slug, page string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(pub, "reports", slug), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(TuPage(pub, slug), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestTuReports(t *testing.T) {
	pub := t.TempDir()
	for _, s := range []string{"2023-qs-zhen", "2022-bh-xian"} {
		writeTuPage(t, pub, s, tuTestPage)
	}
	os.MkdirAll(filepath.Join(pub, "reports", "2021-bh-xian"), 0o755) // no 一图读懂
	got, err := TuReports(pub)
	if want := []string{"2022-bh-xian", "2023-qs-zhen"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("TuReports = %v, %v; want %v", got, err, want)
	}
	if _, err := TuReports(filepath.Join(pub, "nothing")); err == nil || !strings.Contains(err.Error(), "govreport build") {
		t.Errorf("an unbuilt site: %v", err)
	}
}

// TestTuSiteRefuses: bad requests fail before a browser starts, naming
// what to do, and write nothing.
func TestTuSiteRefuses(t *testing.T) {
	pub := t.TempDir()
	writeTuPage(t, pub, "2023-qs-zhen", tuTestPage)
	os.MkdirAll(filepath.Join(pub, "reports", "2021-bh-xian"), 0o755)
	t.Setenv("CHROME_PATH", filepath.Join(pub, "no-such-browser"))
	for _, c := range []struct {
		slugs []string
		want  string
	}{
		{[]string{"../etc"}, "not a report slug"},
		{[]string{"2021-bh-xian"}, "no 一图读懂 page"},
		{[]string{"2023-qs-zhen"}, "apt-get install chromium"},
	} {
		err := TuSite(context.Background(), pub, c.slugs, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want one saying %q", c.slugs, err, c.want)
		}
	}
	if err := TuSite(context.Background(), pub, nil, Options{}); !errors.Is(err, ErrNoChromium) {
		t.Errorf("no browser: %v, want ErrNoChromium", err)
	}
	if err := TuSite(context.Background(), filepath.Join(pub, "nothing"), nil, Options{}); err == nil || !strings.Contains(err.Error(), "build the site first") {
		t.Errorf("no site: %v", err)
	}
	if _, err := os.Stat(TuPNG(pub, "2023-qs-zhen")); err == nil {
		t.Error("a picture was written")
	}
}

// TestLinkTu: the slot holds the download, its size and what the picture
// shows (the title and the parts, from the page), or nothing without a
// picture; linking again changes nothing.
func TestLinkTu(t *testing.T) {
	pub := t.TempDir()
	const slug = "2023-qs-zhen"
	writeTuPage(t, pub, slug, tuTestPage)
	writeTuPage(t, pub, "2022-nolink", `<div id=tu><h1>自定义版式</h1></div>`)
	writeTuPage(t, pub, "2022-notu", `<span id=png></span><p>没有长图区域</p>`)
	read := func() string { b, _ := os.ReadFile(TuPage(pub, slug)); return string(b) }

	if found, err := LinkTu(pub, slug); err != nil || !found || read() != tuTestPage {
		t.Fatalf("no picture yet: found %v, %v; page changed: %v", found, err, read() != tuTestPage)
	}
	os.WriteFile(TuPNG(pub, slug), make([]byte, 240640), 0o644)
	if _, err := LinkTu(pub, slug); err != nil {
		t.Fatal(err)
	}
	want := `<span id=png> · <a href="2023-qs-zhen-tu.png" download>下载长图（PNG，235 KB）</a>` +
		`<small>长图内容与本页相同：《2023年青山镇政府工作报告》的主要数据，依次为一、2023年工作回顾、二、2024年工作安排。</small></span><div id=tu>`
	linked := read()
	if !strings.Contains(linked, want) || strings.Replace(linked, want, `<span id=png></span><div id=tu>`, 1) != tuTestPage {
		t.Errorf("page %s\nwant the slot %s and nothing else changed", linked, want)
	}
	if _, err := LinkTu(pub, slug); err != nil || read() != linked {
		t.Errorf("linked again: %v, changed %v", err, read() != linked)
	}
	os.Remove(TuPNG(pub, slug))
	if _, err := LinkTu(pub, slug); err != nil || read() != tuTestPage {
		t.Errorf("the picture gone: %v; page %s", err, read())
	}
	if found, err := LinkTu(pub, "2022-nolink"); found || err != nil {
		t.Errorf("a page without the slot: found %v, %v", found, err)
	}
	os.WriteFile(TuPNG(pub, "2022-notu"), []byte("x"), 0o644)
	if _, err := LinkTu(pub, "2022-notu"); err == nil || !strings.Contains(err.Error(), `<div id="tu">`) {
		t.Errorf("a page without the picture: %v", err)
	}
	for _, bad := range []string{"../x", "a/b", "", ".."} {
		if _, err := LinkTu(pub, bad); err == nil || !strings.Contains(err.Error(), "not a report slug") {
			t.Errorf("slug %q: %v", bad, err)
		}
	}
	if _, err := LinkTu(pub, "missing"); err == nil {
		t.Error("a report without a page: no error")
	}
	if left, _ := filepath.Glob(filepath.Join(pub, "reports", "*", ".govreport-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestDescribeTu(t *testing.T) {
	info, err := describeTu([]byte(tuTestPage))
	if err != nil {
		t.Fatal(err)
	}
	if info.title != "2023年青山镇政府工作报告" || !strings.HasPrefix(info.desc, info.alt+"本图按报告的部分和小节列出其中3项数据。本图数据来自") {
		t.Errorf("%+v", info)
	}
	for _, c := range []struct{ page, want string }{
		{`<p>没有长图</p>`, `no <div id="tu">`},
		{`<div id=tu><h2>一、回顾</h2></div>`, "no title"},
	} {
		if _, err := describeTu([]byte(c.page)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.page, err, c.want)
		}
	}
}
